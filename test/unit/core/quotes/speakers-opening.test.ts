import { strict as assert } from 'node:assert';
import { names, person, speakers } from './attribution';

describe('speaker attribution: a quote in the clause of a sentence that opens with a person', () => {
  const cast = person('Jennifer Homendy', 'António Guterres', 'Luis Rubiales', 'Kevin Farrell');

  it('gives a statement after any verb and “that” to the person the sentence opens with', () => {
    assert.deepEqual(names('Homendy identified that “you could simply install a new recorder.”', person('Homendy')), ['Homendy']);
    assert.deepEqual(names('Jennifer Homendy included that “we do not often talk about mental injury.”', cast), ['Jennifer Homendy']);
  });

  it('gives a phrase in the person’s own clause to that person, past an appositive role and a title', () => {
    const apposition = 'The UN secretary-general, António Guterres, summed up Francis as “a messenger of hope”.';
    assert.deepEqual(names(apposition, cast), ['António Guterres']);
    assert.deepEqual(names('Cardinal Kevin Farrell included that this was a “day of great sorrow”.', cast), ['Kevin Farrell']);
  });

  it('says it is less sure of such a speaker than of one a reporting verb names', () => {
    const [ref] = speakers('Homendy identified that “you could simply install a new recorder.”', person('Homendy'));
    const [said] = speakers('Homendy said that “you could simply install a new recorder.”', person('Homendy'));
    assert.ok(ref && said && (ref.confidence ?? 1) < (said.confidence ?? 0));
  });

  it('leaves the words alone when the verb refuses, hears or defines them, or makes the person what is described', () => {
    assert.deepEqual(names('Luis Rubiales rejected the “witch hunt” claims on Friday.', cast), [null]);
    assert.deepEqual(names('Kevin Farrell was called “a loyal servant” by the cardinals.', cast), [null]);
    assert.deepEqual(names('Luis Rubiales heard the crowd chant “no kiss is a crime”.', cast), [null]);
    assert.deepEqual(names('Chandrayaan significa “vehículo lunar” en hindi.', person('Chandrayaan')), [null]);
  });

  it('leaves the words alone when another person, another clause or a capitalised name stands between', () => {
    assert.deepEqual(names('Jennifer Homendy met the crew after the storm caused “a violent event”.', cast), [null]);
    assert.deepEqual(names('Jennifer Homendy arrived, and the crew described “a violent event”.', cast), [null]);
    assert.deepEqual(names('Jennifer Homendy visited the “Alaska Airlines” hangar.', cast), [null]);
  });

  it('leaves the words alone when nothing says they are the person’s: no “that” or “as”, or a noun for other people after the name', () => {
    const cast2 = person('Biden', 'Sunak', 'Trump', 'Harris');
    for (const text of [
      'Trump supporters said that “the election was stolen”.',
      'Sunak allies described the result as “a disaster for the party”.',
      'Biden watched protesters chant “Genocide Joe, you can’t hide”.',
      'Biden received a “hero’s welcome” in Kyiv.',
      'Harris faces “enormous pressure” from the left.',
      'Biden faced a heckler yelling “you have blood on your hands”.',
      'Biden signed the bill that critics call “a giveaway to big pharma”.',
      'Biden donors described the debate as “a total disaster for us”.',
    ]) {
      assert.notEqual(names(text, cast2)[0], text.split(' ')[0], text);
    }
  });

  it('reads a verb in the perfect as in the past', () => {
    assert.deepEqual(names('Homendy has identified that “you could simply install a new recorder.”', person('Homendy')), ['Homendy']);
  });

  it('lends its guess to no term after it, as an attribution beside the quote would', () => {
    const text = 'Homendy identified that “the crew did everything right” and the “quick response”.';
    const refs = speakers(text, person('Homendy'));
    assert.equal(refs[0]?.via, 'indirect');
    // A term after it may be read the same way, never surer than the guess itself.
    assert.ok((refs[1]?.confidence ?? 0) <= refs[0]!.confidence!, JSON.stringify(refs[1]));
  });

  it('leaves the words alone when the name opens the sentence as an owner', () => {
    assert.deepEqual(names('Homendy’s team described a “violent event”.', person('Homendy')), [null]);
  });
});
