import assert from 'node:assert/strict';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import { words } from '../../../../src/core/matching/text';

const names = (text: string): string[] => words(text).filter((w) => w.name).map((w) => w.norm);

describe('words written differently by different outlets', () => {
  it('reads a hyphenated compound as its words', () => {
    assert.equal(compareQuotes('You are strip-mining Boeing.', 'You’re strip mining it')?.relation, 'variant');
    assert.equal(compareQuotes('a once-iconic company that somehow lost its way', 'It is about a company, a once iconic company, that somehow lost its way.')?.relation, 'fragment');
    // A prefix or a particle does not make a word of its own.
    assert.deepEqual(words('so-called de-escalation wake-up dual-use').map((w) => w.norm), ['so-called', 'de-escalation', 'wake-up', 'dual-use']);
  });

  it('does not take the capitals of a headline in title case for names', () => {
    assert.deepEqual(names('You’re Going to Die'), []);
    assert.deepEqual(names('Change Begins Now In Britain'), ['britain']);
    // A run of names is not a headline.
    assert.deepEqual(names('He met Joe Biden and Kamala Harris'), ['joe', 'biden', 'kamala', 'harris']);
    assert.equal(compareQuotes('You’re Going to Die', 'If you choose to stay in one of those evacuation areas, you’re going to die.')?.relation, 'fragment');
  });

  it('does not read "No." before a number as a denial', () => {
    assert.equal(compareQuotes(
      'My number one message, as it has been for several days now, is that you need to prepare, do whatever you need to do, and then get out of the evacuation zones',
      'The No. 1 message, as it has been for several days now, is that you need to prepare, do whatever you need to do and then get out of the evacuation zones',
    )?.relation, 'variant');
    assert.equal(compareQuotes('There is no message for the people in the evacuation zones', 'There is one message for the people in the evacuation zones'), null);
  });
});

describe('contractions', () => {
  it('reads a contraction as the words it stands for, written out or not', () => {
    assert.equal(compareQuotes('You are going to die', 'If you choose to stay in one of those evacuation areas, you’re going to die.')?.relation, 'fragment');
    assert.equal(compareQuotes('you’re gonna die', 'If you choose to stay in one of those evacuation areas, you are going to die.')?.relation, 'fragment');
    assert.equal(compareQuotes('We cannot accept this and we will not', 'We can’t accept this and we won’t')?.relation, 'identical');
    assert.equal(compareQuotes('I would like to thank the rescue crews', 'I’d like to thank the rescue crews')?.relation, 'identical');
  });

  it('keeps a possessive as it is, and a denial apart from its statement', () => {
    assert.deepEqual(words('Boeing’s plane').map((w) => w.norm), ["boeing's", 'plane']);
    assert.equal(compareQuotes('You’re going to die', 'You aren’t going to die'), null);
  });

  it('does not link two statements by a shared contracted formula', () => {
    assert.equal(compareQuotes('I’m going to keep fighting for the families of the victims', 'I am going to announce the new budget for the schools next week'), null);
  });

  it('draws the diff of a contraction against its words written out without losing text', () => {
    const index = new QuoteIndex();
    index.set('a', [{ id: 'a-q0', docId: 'a', text: 'you’re going to die if you stay', kind: 'statement' }]);
    index.set('b', [{ id: 'b-q0', docId: 'b', text: 'you are going to die if you stay', kind: 'statement' }]);
    const [link] = index.linksOf('a-q0');
    assert.ok(link);
    const side = (op: 'from' | 'to'): string => link.diff.filter((p) => p.op === 'common' || p.op === op).map((p) => p.text).join('');
    assert.equal(side('from'), 'you’re going to die if you stay');
  });
});
