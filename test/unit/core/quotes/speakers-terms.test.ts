import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: a scare quote in a sentence reporting someone’s words', () => {
  const cast = person('Jane Castor', 'Ron DeSantis');

  it('gives the term the speaker of the attributed quote before it in the sentence', () => {
    const text = '“If you choose to stay, you are going to die,” Mayor Jane Castor said on CNN while talking about Milton, a “literally catastrophic” hurricane.';
    assert.deepEqual(names(text, cast), ['Jane Castor', 'Jane Castor']);
  });

  it('leaves the term alone when another person is named between them', () => {
    const text = '“Leave now,” Jane Castor said, after Ron DeSantis called the storm “historic” on Monday.';
    assert.notEqual(names(text, cast)[1], 'Jane Castor');
  });

  it('leaves the term alone after a semicolon, and a capitalised name of a thing', () => {
    const semi = '“Leave now,” Jane Castor said; forecasters called the storm “extremely dangerous”.';
    assert.deepEqual(names(semi, cast), ['Jane Castor', null]);
    const name = '“Leave now,” Jane Castor said as the “Sunshine Skyway” bridge closed.';
    assert.deepEqual(names(name, cast), ['Jane Castor', null]);
  });

  it('does not borrow a speaker carried on from an earlier sentence', () => {
    const text = '“Leave now,” Jane Castor said.\n\n“Go inland.” The storm is a “monster” now.';
    assert.equal(names(text, cast)[2], null);
  });

  it('keeps a term in the verb’s clause past `and` joining two objects', () => {
    const text = 'Keir Starmer spoke.\n\nHe pledged national renewal and a return of “politics to public service”.';
    assert.deepEqual(names(text, person('Keir Starmer')), ['Keir Starmer']);
  });

  it('does not keep it past `and` opening a clause of its own', () => {
    const text = 'Jane Castor warned residents to leave and the governor called the storm “historic”.';
    assert.deepEqual(names(text, cast), ['the governor']);
  });
});

describe('speaker attribution: several phrases in marks in one reported clause', () => {
  it('gives each the subject of the verb, past the phrases before it', () => {
    const text = 'Musk then accused “much of traditional media” of fueling “those polarized extremes” in “the relentless pursuit of clicks.”';
    assert.deepEqual(names(text, person('Musk')), ['Musk', 'Musk', 'Musk']);
  });

  it('does not carry the subject past a quoted sentence, which may be another’s', () => {
    const text = 'Musk accused the media of “bias. They never stop.” and of “clickbait” over the weekend.';
    assert.equal(names(text, person('Musk'))[1], null);
  });
});
