import assert from 'node:assert/strict';
import { BoundedCache } from '../../../src/core/lru';

describe('a bounded cache', () => {
  it('forgets the least recently used entries past its weight, and keeps the one just set', () => {
    const cache = new BoundedCache<string, string>(6, (v) => v.length);
    cache.set('a', 'xx');
    cache.set('b', 'yy');
    assert.equal(cache.get('a'), 'xx'); // a is now the most recently used
    cache.set('c', 'zzz');
    assert.equal(cache.get('b'), undefined);
    assert.deepEqual([cache.get('a'), cache.get('c')], ['xx', 'zzz']);
    assert.equal(cache.weight, 5);
    cache.set('big', 'wwwwwwwwww');
    assert.equal(cache.size, 1);
    assert.equal(cache.get('big'), 'wwwwwwwwww');
  });

  it('counts a replaced entry once, and forgets past its number of entries', () => {
    const cache = new BoundedCache<number, number[]>(100, (v) => v.length, 2);
    cache.set(1, [1, 2, 3]);
    cache.set(1, [1]);
    assert.equal(cache.weight, 1);
    cache.set(2, [2]);
    cache.set(3, [3]);
    assert.equal(cache.get(1), undefined);
    assert.equal(cache.size, 2);
    cache.clear();
    assert.deepEqual([cache.size, cache.weight], [0, 0]);
  });
});
