import { strict as assert } from 'node:assert';
import { parseCorrections, serializeCorrections, type CorrectionOutcome } from '../../../../src/core/corrections';
import { combineCorrections, unappliedCorrections } from '../../../../src/core/corrections/combined';

const place = (article: string) => ({ article, anchor: { exact: 'x', prefix: '', suffix: '' } });

describe('the corrections of several folders', () => {
  const one = parseCorrections(serializeCorrections([{ kind: 'not-a-quote', quote: place('a.txt') }, { kind: 'bogus' }]));
  const two = parseCorrections(serializeCorrections([{ kind: 'set-speaker', quote: place('b.txt'), speaker: 'Wang Yi' }]));
  const combined = combineCorrections([
    { name: 'one', file: one, keyOf: (a: string) => `/one/${a}` },
    { name: 'two', file: two, keyOf: (a: string) => `/two/${a}` },
  ]);

  it('are one list, each folder’s after the one before, its articles named by their keys', () => {
    assert.deepEqual(combined.list.map((c) => [c.index, c.uris]), [[0, ['/one/a.txt']], [2, ['/two/b.txt']]]);
    assert.deepEqual(combined.ranges.map((r) => [r.folder.name, r.from, r.to]), [['one', 0, 2], ['two', 2, 3]]);
  });

  it('say which of a folder’s corrections were not applied, numbered as in its file', () => {
    const outcomes: CorrectionOutcome[] = [
      { index: 0, kind: 'not-a-quote', status: 'applied', message: '' },
      { index: 2, kind: 'set-speaker', status: 'lost', message: 'its quote is gone' },
    ];
    assert.deepEqual(unappliedCorrections(combined.ranges[0]!, outcomes), []);
    assert.deepEqual(unappliedCorrections(combined.ranges[1]!, outcomes), ['correction 1 (Set Speaker) not applied: its quote is gone']);
  });
});
