import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheStats, resetCacheStats } from '../../../../src/core/cache-stats';
import { forgetRecognized, recognitionCacheSize, recognize } from '../../../../src/core/entities';
import { withoutRemembering } from '../../../../src/core/lru';
import { paragraphs } from '../../../../src/core/text/paragraphs';

const SEED = readFileSync(join(__dirname, '../../../../seeds/003_2b7f539160dc2239.txt'), 'utf8');
const decodings = () => cacheStats().find((c) => c.name.startsWith('sentence decodings'))!;

describe('remembered sentence decodings', () => {
  it('decode again only the sentences an edit changed, with the names a fresh analysis finds', () => {
    forgetRecognized();
    recognize(SEED, paragraphs(SEED));
    const edited = SEED.replace('Beijing', 'Beijing, the capital,');
    resetCacheStats();
    const again = recognize(edited, paragraphs(edited));
    const { hits, misses } = decodings();
    assert.ok(hits > 5 * misses, `${hits} sentences reused, ${misses} decoded again`);
    forgetRecognized();
    assert.deepEqual(again, recognize(edited, paragraphs(edited)));
  });

  it('adds nothing to the caches for an analysis made without remembering, with the same names', () => {
    forgetRecognized();
    const once = withoutRemembering(() => recognize(SEED, paragraphs(SEED)));
    assert.deepEqual(recognitionCacheSize(), { chunks: 0, tokens: 0 });
    resetCacheStats();
    const again = recognize(SEED, paragraphs(SEED));
    assert.equal(decodings().hits, 0, 'no sentence was remembered');
    assert.deepEqual(again, once);
    assert.ok(recognitionCacheSize().chunks > 0, 'an ordinary analysis is remembered');
    resetCacheStats();
    withoutRemembering(() => recognize(SEED, paragraphs(SEED)));
    assert.ok(decodings().hits > 0, 'what is remembered is still read');
  });
});
