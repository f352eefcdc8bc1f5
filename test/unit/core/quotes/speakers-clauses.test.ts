import { strict as assert } from 'node:assert';
import { names, person } from './attribution';
import type { EntityType } from '../../../../src/core/types';

describe('speaker attribution: a speaker named away from the verb', () => {
  describe('a name in apposition after a role', () => {
    const cast: [string, EntityType][] = [...person('Dana Whitfield', 'Omar Haddad'), ['Lumen Corp', 'organization']];

    it('is the speaker, not the role before it', () => {
      const text = 'Lumen Corp reported a loss.\n\nThe company’s chief financial officer, Dana Whitfield, told analysts that costs would “keep climbing for a year.”';
      assert.deepEqual(names(text, cast), ['Dana Whitfield']);
      const before = 'Lumen Corp reported a loss. Its chief executive, Omar Haddad, said, “We will cut back.”';
      assert.deepEqual(names(before, cast), ['Omar Haddad']);
    });

    it('does not take a name that is not the whole aside, or an aside after a word that is no role', () => {
      const partial = 'Lumen Corp reported a loss. The company’s chief executive, who hired Omar Haddad, said, “We will cut back.”';
      assert.notEqual(names(partial, cast)[0], 'Omar Haddad');
      const noRole = 'The report, Dana Whitfield, said the costs would “keep climbing.”';
      assert.notEqual(names(noRole, cast)[0], 'Dana Whitfield');
    });
  });

  describe('a verb that names what someone called a thing', () => {
    const cast = person('Ruth Okafor', 'Milan Petrov', 'Ada Ferreira');

    it('gives the words to its subject in any form: a participle, a phrasal verb, a name set off by commas', () => {
      const participle = 'Ruth Okafor led the tributes on Monday, praising the mayor as “a great woman and a great leader.”';
      assert.deepEqual(names(participle, cast), ['Ruth Okafor']);
      const phrasal = 'Milan Petrov summed up the year as “a long lesson in patience”.';
      assert.deepEqual(names(phrasal, cast), ['Milan Petrov']);
      const aside = 'The council’s chief executive, Ada Ferreira, dismissed the report as “a work of fiction”.';
      assert.deepEqual(names(aside, cast), ['Ada Ferreira']);
      const remembered = 'Ruth Okafor remembered the founder as “a man of quiet courage”.';
      assert.deepEqual(names(remembered, cast), ['Ruth Okafor']);
    });

    it('gives nothing when the verb with its particle is another verb, or the comma closes no aside', () => {
      const called = 'The council called off the vote, a “regrettable delay” for the town.';
      assert.deepEqual(names(called, cast), [null]);
      const summed = 'Milan Petrov summed the figures, a “tidy profit” in all.';
      assert.deepEqual(names(summed, cast), [null]);
      const noAside = 'After the meeting, Ada Ferreira, and the “quiet majority” of the council left.';
      assert.deepEqual(names(noAside, cast), [null]);
      const passive = 'Ruth Okafor was derided as “a clown” by critics in the capital.';
      assert.deepEqual(names(passive, cast), [null]);
    });
  });

  describe('someone moved to speak by what came before', () => {
    const cast = person('Ruth Okafor', 'Milan Petrov');

    it('is the object of “prompting”, “leading” or “forcing” before “to reply”, “to say”', () => {
      for (const verb of ['prompting', 'leading', 'forcing']) {
        const text = `Ruth Okafor accused the council of delay, ${verb} Milan Petrov to reply that he had “done everything possible.”`;
        assert.deepEqual(names(text, cast), ['Milan Petrov'], verb);
      }
    });

    it('stays the sentence’s subject when the verb before the object moves nobody', () => {
      const text = 'Ruth Okafor urged the council to act, asking Milan Petrov to say whether he had “done everything possible.”';
      assert.deepEqual(names(text, cast), ['Ruth Okafor']);
      const plain = 'Ruth Okafor met Milan Petrov and went on to say the plan was “done everything possible.”';
      assert.deepEqual(names(plain, cast), ['Ruth Okafor']);
    });
  });

  describe('a participle after a clause opened by “while”', () => {
    const cast = person('Ruth Okafor', 'Milan Petrov', 'Ada Ferreira');

    it('belongs to the subject of that clause', () => {
      const text = 'Ruth Okafor criticised the deal, while Milan Petrov praised the minister, calling it a “masterpiece of patience.”';
      assert.deepEqual(names(text, cast), ['Milan Petrov']);
      const quoted = 'Ruth Okafor called the deal a “shameful retreat,” while Milan Petrov praised Ada Ferreira, calling it a “masterpiece of patience.”';
      assert.deepEqual(names(quoted, cast), ['Ruth Okafor', 'Milan Petrov']);
    });

    it('is the sentence’s subject when “while” opens no clause of its own, or opens the sentence', () => {
      const time = 'Ruth Okafor spoke for an hour, while visiting the port, calling it a “masterpiece of patience.”';
      assert.deepEqual(names(time, cast), ['Ruth Okafor']);
      const opening = 'While Milan Petrov listened, Ruth Okafor praised the deal, calling it a “masterpiece of patience.”';
      assert.deepEqual(names(opening, cast), ['Ruth Okafor']);
    });
  });

  describe('words owned by a possessive before a speech', () => {
    const cast = person('Ruth Okafor', 'Milan Petrov');

    it('are the words of the person whose speech or slogan it was', () => {
      const text = 'Milan Petrov recalled Ruth Okafor’s 2009 “bread before flags” speech.';
      assert.deepEqual(names(text, cast), ['Ruth Okafor']);
      const slogan = 'Milan Petrov mocked Ruth Okafor’s “bread before flags” slogan.';
      assert.deepEqual(names(slogan, cast), ['Ruth Okafor']);
    });

    it('are not the owner’s when one word or an adverb describes the speech, or the noun is not a speech', () => {
      const one = 'Milan Petrov mocked Ruth Okafor’s “rambling” speech.';
      assert.notEqual(names(one, cast)[0], 'Ruth Okafor');
      const adverb = 'Milan Petrov mocked Ruth Okafor’s “deeply divisive” speech.';
      assert.notEqual(names(adverb, cast)[0], 'Ruth Okafor');
      const plan = 'Milan Petrov mocked Ruth Okafor’s “bread before flags” budget.';
      assert.notEqual(names(plan, cast)[0], 'Ruth Okafor');
    });
  });
});
