import assert from 'node:assert/strict';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import { clauseStarts, prepare, Vocabulary } from '../../../../src/core/matching/prepared';
import type { QuoteRef } from '../../../../src/core/types';

const quote = (doc: string, i: number, text: string): QuoteRef => ({ id: `${doc}-q${i}`, docId: doc, text, kind: 'statement' });

describe('a clause quoted on its own', () => {
  const long = 'I can tell you right now they might have done that in others, there’s never been one like this';

  it('is a fragment of the sentence it ends, though it holds one content word', () => {
    assert.equal(compareQuotes('There’s never been one like this', long)?.relation, 'fragment');
    assert.equal(compareQuotes(
      'You are going to die',
      'This is literally catastrophic, and I can say without any dramatization whatsoever: If you choose to stay in one of those evacuation areas, you’re going to die.',
    )?.relation, 'fragment');
  });

  it('is linked across articles to the longer quote', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, long)]);
    index.set('b', [quote('b', 0, 'There’s never been one like this.')]);
    assert.equal(index.linksOf('b-q0')[0]?.to, 'a-q0');
  });

  it('is not found in the middle of another clause, nor when shorter than a few words', () => {
    assert.equal(compareQuotes('There’s never been one like this', 'I can tell you there’s never been one like this storm in the state'), null);
    assert.equal(compareQuotes('We did it', 'The count is over, we did it, and now the work begins for all of us'), null);
  });

  it('knows where the clauses of a quote begin', () => {
    const p = prepare('Helene was a wake-up call, this is catastrophic - and I mean it. Stay away', 'statement', new Vocabulary());
    // "wake-up" is one word, its hyphen joins it; the spaced one is a dash.
    assert.deepEqual([...clauseStarts(p)], [5, 8, 12]);
  });
});

describe('a lead-in said in other words', () => {
  it('links two wordings of the lead-in to the same statement after the same opening', () => {
    const said = 'We will do whatever it takes to ensure that Russia cannot win this war.';
    assert.equal(compareQuotes(said, 'We will do everything so that Russia cannot win this war.')?.relation, 'variant');
    assert.equal(compareQuotes(said, 'we will do everything needed so Russia cannot win the war.')?.relation, 'variant');
  });

  it('does not link an opening formula going on to two statements', () => {
    assert.equal(compareQuotes('We will do whatever it takes to protect our workers and their jobs', 'We will do everything so that Russia cannot win this war.'), null);
    assert.equal(compareQuotes('We are committed to maintaining peace and stability in the region', 'We are committed to taking care of our workers'), null);
  });

  it('needs all the rest of both quotes found in the other, not a word or two of it', () => {
    assert.equal(compareQuotes('We will do whatever it takes to keep the plant open this winter', 'We will do everything so that the plant stays open and its workers keep their jobs'), null);
    assert.equal(compareQuotes('The commitment revolves around China’s exports', 'The case revolves around China’s exports and security in Ukraine'), null);
  });
});

describe('a referent written out or left as a pronoun', () => {
  it('links a cut that names what the other quote points to', () => {
    assert.equal(compareQuotes(
      'You are strip-mining Boeing.',
      'You’re focused on exactly what you were hired to do, which is that you’re cutting corners. You’re strip mining it',
    )?.relation, 'variant');
    assert.equal(compareQuotes(
      'This is going to take some time',
      'It’s going to take some time. The people of Baltimore can count on us, though, to stick with them',
    )?.relation, 'variant');
  });

  it('does not link an opening formula by a pointing word', () => {
    assert.equal(compareQuotes('We are committed to it', 'We are committed to this'), null);
    assert.equal(compareQuotes('We are committed to this goal', 'We are committed to it, whatever the cost to our shareholders and the board'), null);
  });

  it('does not read a rare word shared in another sentence as the same words', () => {
    assert.equal(compareQuotes('This is strip-mining, plain and simple', 'You’re strip mining it, and the families of the victims know it'), null);
  });
});
