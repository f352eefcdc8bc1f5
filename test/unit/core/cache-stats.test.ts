import assert from 'node:assert/strict';
import { cacheStats, resetCacheStats } from '../../../src/core/cache-stats';
import { compareQuotes } from '../../../src/core/matching';

describe('cache hit counts', () => {
  it('counts the word readings the matcher finds again, and starts again from zero', () => {
    resetCacheStats();
    // A word no other test has read, so that at least one look-up misses.
    const fresh = `ferrywords${process.hrtime.bigint()}`;
    compareQuotes(`a quote about ${fresh} and bridges`, `another quote about ${fresh}`);
    const readings = cacheStats().find((c) => c.name.startsWith('word readings'))!;
    assert.ok(readings.hits >= 2, 'the second quote repeats words of the first');
    assert.ok(readings.hitRate > 0 && readings.hitRate < 1);
    resetCacheStats();
    assert.equal(cacheStats().find((c) => c.name.startsWith('word readings'))!.hits, 0);
  });
});
