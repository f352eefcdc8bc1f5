import assert from 'node:assert/strict';
import { compareQuotes } from '../../../../src/core/matching';
import { editedFragment } from '../../../../src/core/matching/edited-fragment';
import { prepare, Vocabulary } from '../../../../src/core/matching/prepared';

const edited = (short: string, long: string): boolean => {
  const vocab = new Vocabulary();
  return editedFragment(prepare(short, 'statement', vocab), prepare(long, 'statement', vocab), vocab);
};

describe('a cut of the same words with a few light edits', () => {
  const SPEECH = 'The number one message, as it has been for several days now, is that you need to prepare. Do whatever you need to do and then get out of the evacuation zones, which now are zones A and B.';

  it('takes a number written another way and two sentences joined by a comma as the same words', () => {
    const cut = 'The No. 1 message, as it has been for several days now, is that you need to prepare, do whatever you need to do and then get out of the evacuation zones';
    assert.ok(edited(cut, SPEECH));
    assert.equal(compareQuotes(cut, SPEECH)?.relation, 'variant');
  });

  it('takes a name put in brackets, and a word heard otherwise, as the same words', () => {
    assert.ok(edited('concluded that he [Altman] was not consistently candid in his communications with the board', 'Mr. Altman’s departure follows a review by the board, which concluded that he was not consistently candid in his communications with the board, hindering its ability'));
    assert.ok(edited('they won this case the day the judge brought', 'Look, they won this case the day the judge bought into letting them put every piece of evidence in'));
  });

  it('does not take a name said as another name, nor one number for another', () => {
    assert.ok(!edited('I want to thank the people of Ohio for their support tonight', 'Tonight I want to thank the people of Texas for their support tonight and always'));
    assert.ok(!edited('we will hire 300 more inspectors for the plants this year', 'He said we will hire 400 more inspectors for the plants this year, and more next year'));
  });

  it('does not take another word of the language spelt alike for one word (“hired” / “fired”)', () => {
    assert.ok(!edited('the company said it has hired three hundred workers at the plant this year', 'Officials said the company said it has fired three hundred workers at the plant this year and next'));
    assert.ok(edited('the company said it has hired three hundred workers at the plant this year', 'Officials said the company said it has hired three hundred workers at the plant this year and next'), 'the same words are a cut');
  });

  it('does not take another word for one word, however alike the rest', () => {
    assert.ok(!edited('this is a good deal for our workers and families', 'He said this is a bad deal for our workers and families today'));
    assert.ok(!edited('we are going to win this state in November', 'I think we are going to lose this state in November, sadly'));
    assert.ok(!edited('I support this deal and so does my party', 'Today I oppose this deal and so does my party, he said'));
  });

  it('takes a number in figures for the same number in words, never for another', () => {
    assert.ok(edited('we will send two more ships to the Gulf', 'he said we will send 2 more ships to the Gulf this week'));
    assert.ok(!edited('we will send two more ships to the Gulf', 'he said we will send ten more ships to the Gulf this week'));
  });

  it('reads a token far longer than any word as no spelling of another, without comparing them letter by letter', () => {
    const long = 'a'.repeat(200_000);
    assert.ok(!edited(`we will never give up on ${long} and the people of this city`, `He said: we will never give up on ${long}b and the people of this city, ever`));
  });

  it('does not take a denial said or left out as the same words', () => {
    assert.ok(!edited('the company did not know about the faults in the doors', 'Officials said the company did know about the faults in the doors for months'));
  });

  it('does not take more edits than a few, nor a short phrase with one', () => {
    assert.ok(!edited('We are really, really lucky here that this didn’t wind up in something more terrible', 'We are very, very fortunate here that this didn’t end up in something more tragic'));
    assert.ok(!edited('and the potential for further international spread', 'and the potential for further spread within Africa and beyond is very worrying'));
  });
});
