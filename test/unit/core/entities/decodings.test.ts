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

  it('moves the names of unchanged paragraphs with them when an edit adds text before them or reorders them', () => {
    forgetRecognized();
    const first = recognize(SEED, paragraphs(SEED));
    const paras = SEED.split(/\n\s*\n/);
    const edits = [
      `Angela Merkel spoke in Paris on Monday.\n\n${SEED}`,
      [paras[0], ...paras.slice(1).reverse()].join('\n\n'),
    ];
    for (const edited of edits) {
      const again = recognize(edited, paragraphs(edited));
      for (const m of again) assert.equal(edited.slice(m.start, m.end), m.text);
      forgetRecognized();
      assert.deepEqual(again, recognize(edited, paragraphs(edited)));
      recognize(SEED, paragraphs(SEED));
    }
    assert.ok(first.length > 10);
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
