import assert from 'node:assert/strict';
import { PostingLists } from '../../../../src/core/matching/postings';

function contents(lists: PostingLists, key: number, size: number): number[] {
  const evidence = new Float64Array(size);
  const touched = new Int32Array(size);
  const end = lists.accumulate(key, 1, evidence, touched, 0);
  return [...touched.subarray(0, end)].sort((x, y) => x - y);
}

describe('PostingLists', () => {
  it('keeps the same entries as one array per key through random adds and removals', () => {
    const lists = new PostingLists();
    const reference = new Map<number, number[]>();
    let state = 99;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let step = 0; step < 20000; step++) {
      const key = random(40) * (random(3) === 0 ? 500 : 1);
      const list = reference.get(key) ?? [];
      if (list.length > 0 && random(3) === 0) {
        const value = list.splice(random(list.length), 1)[0];
        lists.remove(key, value);
      } else {
        const value = random(5000);
        if (list.includes(value)) continue;
        lists.add(key, value, 60);
        if (list.length < 60) list.push(value);
      }
      reference.set(key, list);
    }
    for (const [key, list] of reference) {
      assert.equal(lists.count(key), list.length, `count under ${key}`);
      assert.deepEqual(contents(lists, key, 5000), [...list].sort((x, y) => x - y), `entries under ${key}`);
    }
  });

  it('stops a list at its limit, and answers nothing for a key never used', () => {
    const lists = new PostingLists();
    for (let v = 0; v < 10; v++) lists.add(3, v, 4);
    assert.equal(lists.count(3), 4);
    assert.deepEqual(contents(lists, 3, 10), [0, 1, 2, 3]);
    assert.equal(lists.count(123456), 0);
    lists.remove(123456, 1);
    lists.remove(3, 9);
    assert.equal(lists.count(3), 4);
  });

  it('adds evidence once per entry and lists each value the first time it gains any', () => {
    const lists = new PostingLists();
    for (const v of [1, 2, 3]) lists.add(0, v, 10);
    for (const v of [2, 3, 4]) lists.add(2, v, 10);
    const evidence = new Float64Array(5);
    const touched = new Int32Array(5);
    const end = lists.accumulate(2, 0.5, evidence, touched, lists.accumulate(0, 1, evidence, touched, 0));
    assert.deepEqual([...evidence], [0, 1, 1.5, 1.5, 0.5]);
    assert.deepEqual([...touched.subarray(0, end)].sort(), [1, 2, 3, 4]);
  });
});
