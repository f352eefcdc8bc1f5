import assert from 'node:assert/strict';
import { compareQuotes } from '../../../../src/core/matching';
import { words } from '../../../../src/core/matching/text';

const names = (text: string): string[] => words(text).filter((w) => w.name).map((w) => w.norm);

describe('words written differently by different outlets', () => {
  it('reads a hyphenated compound as its words', () => {
    assert.equal(compareQuotes('You are strip-mining Boeing.', 'You’re strip mining it')?.relation, 'variant');
    assert.equal(compareQuotes('a once-iconic company that somehow lost its way', 'It is about a company, a once iconic company, that somehow lost its way.')?.relation, 'fragment');
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
