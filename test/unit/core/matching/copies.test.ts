import assert from 'node:assert/strict';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import type { QuoteRef } from '../../../../src/core/types';

const FULL = 'The dam will hold through the spring floods and the town will be safe';
const REWORDED = 'The dam is going to hold through the spring floods and the town is going to be safe';
const OTHER = 'The dam will not hold through the spring floods and the town must leave';

const quote = (doc: string, text: string): QuoteRef => ({ id: `${doc}-q0`, docId: doc, text, kind: 'statement' });

/** An index where `copies` outlets printed the same words, and one reworded them. */
function widelyCopied(copies: number): QuoteIndex {
  const index = new QuoteIndex();
  for (let k = 0; k < copies; k++) index.set(`copy${k}`, [quote(`copy${k}`, FULL)]);
  index.set('reworded', [quote('reworded', REWORDED)]);
  index.set('other', [quote('other', OTHER)]);
  return index;
}

describe('QuoteIndex candidates among copies of one wording', () => {
  it('finds a reworded version however many outlets printed the words themselves', () => {
    assert.equal(compareQuotes(FULL, REWORDED)?.relation, 'variant');
    const index = widelyCopied(30);
    index.set('late', [quote('late', FULL)]);
    const linked = index.linkedIds('late-q0');
    assert.ok(linked.includes('reworded-q0'), 'the reworded version is not crowded out by the copies');
    assert.ok(linked.includes('copy0-q0') && linked.includes('copy29-q0'), 'and the copies are linked as well');
  });

  it('compares each wording for itself: copies share one comparison, other words do not', () => {
    assert.equal(compareQuotes(FULL, OTHER), null);
    const index = widelyCopied(30);
    index.set('late', [quote('late', FULL)]);
    assert.ok(!index.linkedIds('late-q0').includes('other-q0'), 'a denial sharing most words is still told apart');
  });

  it('keeps the links of a quote with many copies bounded', () => {
    const index = widelyCopied(80);
    index.set('late', [quote('late', FULL)]);
    assert.ok(index.linksOf('late-q0').length <= 32, `${index.linksOf('late-q0').length} links`);
  });
});

describe('QuoteIndex copies of a quote without a content word', () => {
  const index = new QuoteIndex();
  index.set('a', [quote('a', 'We did it!'), { ...quote('a', 'Did it?'), id: 'a-q1' }]);
  index.set('b', [quote('b', 'We did it'), { ...quote('b', 'Did it'), id: 'b-q1' }]);
  index.set('c', [quote('c', 'We made it')]);

  it('links the copies of a remark of a few words in other articles', () => {
    assert.deepEqual(index.linkedIds('b-q0'), ['a-q0']);
    assert.equal(index.linksOf('b-q0')[0]?.relation, 'identical');
  });

  it('links neither other words nor two words that anyone may say', () => {
    assert.deepEqual(index.linkedIds('c-q0'), []);
    assert.deepEqual(index.linkedIds('b-q1'), []);
  });
});
