import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: the subject of the sentence a pronoun looks back to', () => {
  const cast = person('Keir Starmer', 'Rishi Sunak', 'Tony Blair');

  describe('a role for its subject', () => {
    it('gives he or she the person in the role, not someone the sentence names in passing', () => {
      const text = 'Labour leader Keir Starmer won the election.\n\nThe Labour leader spoke an hour after he received the call from Rishi Sunak. “We did it,” he said.';
      assert.deepEqual(names(text, cast), ['Keir Starmer']);
    });

    it('finds the role after an opening phrase set off by a comma', () => {
      const text = 'Labour leader Keir Starmer won the election.\n\nTwenty-seven years after Tony Blair’s 1997 speech, the Labour leader said Britain had changed. “We did it,” he told supporters.';
      assert.deepEqual(names(text, cast), ['Keir Starmer']);
      const once = 'Labour leader Keir Starmer won the election.\n\nOnce the cheering for Rishi Sunak, the loser, subsided, the Labour leader stepped forward. “We did it,” he said.';
      assert.deepEqual(names(once, cast), ['Keir Starmer']);
    });

    it('does not take a role nobody was given, nor one of the other gender', () => {
      const nobody = 'Rishi Sunak conceded.\n\nA spokesman spoke after the call from Rishi Sunak. “We lost,” he said.';
      assert.deepEqual(names(nobody, cast), ['Rishi Sunak'], 'read as before: the role names no one');
      const gender = 'Labour leader Mr Keir Starmer won the election. Ms Ann Lee lost.\n\nThe Labour leader spoke after a call from Ann Lee. “We did it,” she said.';
      assert.deepEqual(names(gender, [...cast, ...person('Ann Lee')]), ['Ann Lee']);
    });

    it('does not look past a name the sentence opens with for a later role', () => {
      const text = 'Labour leader Keir Starmer won the election.\n\nRishi Sunak conceded on Friday, the Labour leader having won. “I am sorry,” he said.';
      assert.deepEqual(names(text, cast), ['Rishi Sunak']);
    });
  });

  describe('he or she for its subject', () => {
    it('stands for whom that pronoun stands for, not the person it names after it', () => {
      const text = 'Donald Trump met Volodymyr Zelensky.\n\nHe also pushed Zelensky to show more gratitude. “You’ve got to be more thankful,” he said.';
      assert.deepEqual(names(text, person('Donald Trump', 'Volodymyr Zelensky', 'Zelensky')), ['Donald Trump']);
    });

    it('leaves a pronoun of the other gender to the people the sentence names', () => {
      const text = 'Mr Donald Trump met Ms Ann Lee.\n\nHe later thanked Ann Lee. “We are grateful,” she said.';
      assert.deepEqual(names(text, person('Donald Trump', 'Ann Lee')), ['Ann Lee']);
    });
  });

  describe('the subject of a participle or of a noun for what was said', () => {
    const trump = person('Donald Trump', 'Volodymyr Zelensky', 'Zelensky', 'Trump');

    it('is the pronoun or role the sentence opens with, not a person named after it', () => {
      const saying = 'Donald Trump met Volodymyr Zelensky.\n\nHe also pushed Zelensky to show more gratitude, saying, “You’ve got to be more thankful.”';
      assert.deepEqual(names(saying, trump), ['Donald Trump']);
      const warning = 'Labour leader Keir Starmer spoke.\n\nBut he issued a word of warning: “It will not be easy.”';
      assert.deepEqual(names(warning, cast), ['Keir Starmer']);
      const mayor = 'Mayor Jane Castor spoke on Monday.\n\nAs Hurricane Milton nears, the mayor went on CNN with an urgent warning: “You are going to die.”';
      assert.deepEqual(names(mayor, person('Jane Castor', 'Hurricane Milton')), ['Jane Castor']);
    });

    it('stays the name a sentence opens with', () => {
      const text = 'Donald Trump met Volodymyr Zelensky.\n\nZelensky pushed Trump to show more patience, saying, “We need time.”';
      assert.deepEqual(names(text, trump), ['Volodymyr Zelensky']);
    });
  });

  describe('“the agency” or “the company” for a body just named', () => {
    const org = (...ns: string[]): [string, 'organization'][] => ns.map((n) => [n, 'organization']);

    it('is the body named last before it, one that spoke before one spoken of', () => {
      const text = 'The NHC said the storm was changing. The eye has “filled in”, according to the agency.';
      assert.deepEqual(names(text, org('NHC')), ['NHC']);
      const spoke = 'Boeing said on Friday that it had fired workers at Spirit AeroSystems. “We regret the errors,” the company said.';
      assert.deepEqual(names(spoke, org('Boeing', 'Spirit AeroSystems')), ['Boeing']);
    });

    it('is not a body named too far back, a noun for a kind of body, or a body left indefinite', () => {
      const far = 'The NHC spoke.\n\nRain fell. Winds rose. Roads shut. Schools closed. “It is over,” the agency said.';
      assert.deepEqual(names(far, org('NHC')), ['the agency']);
      const kind = 'Boeing said on Friday that it had erred. “We regret the errors,” the ministry said.';
      assert.deepEqual(names(kind, org('Boeing')), ['the ministry']);
      const some = 'Boeing said on Friday that it had erred. “We regret the errors,” a company said.';
      assert.notEqual(names(some, org('Boeing'))[0], 'Boeing');
    });
  });

  describe('an age for a person named before', () => {
    it('stands for the person the passage is about, as a pronoun would', () => {
      const text = 'Keir Starmer declared on Friday that Britain was ready.\n\n“The change begins right here,” the 61-year-old said.';
      assert.deepEqual(names(text, cast), ['Keir Starmer']);
    });

    it('stands for nobody when it is indefinite or nobody was named', () => {
      const some = 'Keir Starmer declared on Friday that Britain was ready.\n\n“We are tired,” a 61-year-old said.';
      assert.notEqual(names(some, cast)[0], 'Keir Starmer');
      assert.deepEqual(names('“We are tired,” the 61-year-old said.'), [null]);
    });

    it('stands for that person as the subject of a sentence after an opening phrase, for a quote its participle introduces', () => {
      const text = 'London, May 26 Manchester United manager Erik Ten Hag won the FA Cup. Amid rumours that the Dutch manager is to be sacked, the 54-year-old addressed his future, stating that if "the club does not want him, he will go elsewhere."';
      assert.deepEqual(names(text, person('Erik Ten Hag')), ['Erik Ten Hag']);
    });

    it('is no subject when nobody was named before it', () => {
      const text = 'Amid rumours that the manager is to be sacked, the 54-year-old addressed his future, stating that if "the club does not want him, he will go elsewhere."';
      assert.deepEqual(names(text, person('Erik Ten Hag')), [null]);
    });
  });
});
