import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheStats, resetCacheStats } from '../../../../src/core/cache-stats';
import { forgetRecognized, recognize } from '../../../../src/core/entities';
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
});
