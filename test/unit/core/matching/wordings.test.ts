import assert from 'node:assert/strict';
import { preparedHash, Wordings } from '../../../../src/core/matching/wordings';

describe('Wordings', () => {
  // Entries by number, each a prepared form; two share a hash without sharing their form.
  const forms = [[1, 2, 3], [1, 2, 3], [4, 5], [1, 2, 3], [4, 5]];
  const collide = 7;
  const hashes = [collide, collide, collide, collide, 9];
  const same = (x: number) => (y: number): boolean => forms[x].join() === forms[y].join();

  it('gives the entries of one prepared form one wording, and forms that only share a hash others', () => {
    const w = new Wordings();
    for (let n = 0; n < 4; n++) w.add(n, hashes[n], same(n));
    assert.equal(w.of(0), w.of(1));
    assert.equal(w.of(0), w.of(3));
    assert.notEqual(w.of(0), w.of(2));
  });

  it('keeps a wording while any of its entries is held, and gives a new one after', () => {
    const w = new Wordings();
    w.add(0, hashes[0], same(0));
    w.add(1, hashes[1], same(1));
    w.remove(0);
    w.add(3, hashes[3], same(3));
    assert.equal(w.of(3), w.of(1));
    w.remove(1);
    w.remove(3);
    w.add(0, hashes[0], same(0));
    assert.notEqual(w.of(0), w.of(1));
  });

  it('hashes the kind and the denial with the words', () => {
    const store = Int32Array.from([1, 2, 3]);
    const h = preparedHash(store, 0, 3, 'statement', false);
    assert.notEqual(h, preparedHash(store, 0, 3, 'term', false));
    assert.notEqual(h, preparedHash(store, 0, 3, 'statement', true));
    assert.equal(h, preparedHash(Int32Array.from([0, 1, 2, 3]), 1, 3, 'statement', false));
  });
});
