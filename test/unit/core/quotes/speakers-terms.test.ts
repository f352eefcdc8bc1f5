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

describe('speaker attribution: a term a verb of naming or blame gives its subject', () => {
  it('reads past an aside between the namer and the verb', () => {
    const text = 'Opposition leader Lee Jae-myung, who narrowly lost to Yoon in the 2022 election, called the announcement “illegal and unconstitutional.”';
    assert.deepEqual(names(text, person('Lee Jae-myung', 'Yoon')), ['Lee Jae-myung']);
  });

  it('gives a term after “criticised … as” or “slammed” to the subject', () => {
    for (const verb of ['criticised', 'criticized', 'slammed', 'blasted']) {
      const text = `The party leader Han Dong-hoon also ${verb} the move as “a clear mistake,” pledging to work with citizens.`;
      assert.deepEqual(names(text, person('Han Dong-hoon')), ['Han Dong-hoon'], verb);
    }
  });

  it('leaves a term to the reporting verb nearer it, not to a naming verb in an aside before', () => {
    const text = 'Russian President Vladimir Putin spoke on television on Saturday.\n\nWithout naming Yevgeny Prigozhin, who has criticised Sergei Shoigu for a pointless war, the Russian president said that the “armed mutiny” was a betrayal.';
    assert.deepEqual(names(text, person('Vladimir Putin', 'Yevgeny Prigozhin', 'Sergei Shoigu')), ['Vladimir Putin']);
  });
});

describe('speaker attribution: a naming verb with a reporting verb inside its object', () => {
  it('gives the term to the namer, not to the ones a clause inside the object says spoke', () => {
    assert.deepEqual(names('Trump called the report, which officials said was leaked, “fake news.”', person('Trump')), ['Trump']);
    assert.deepEqual(names('Trump described what Biden said as “a disgrace.”', person('Trump', 'Biden')), ['Trump']);
  });
});
