import { strict as assert } from 'node:assert';
import { recognize } from '../../../../src/core/entities';
import { attributeSpeakers, findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import { names, person } from './attribution';

describe('speaker attribution: courtroom and statement conventions', () => {
  describe('a dotted abbreviation before the speaker', () => {
    it('reads a role led by a dotted place abbreviation as one phrase', () => {
      const text = '“You engaged in such conduct,” S.C. circuit court judge Clifton Newman said in sentencing him.';
      assert.deepEqual(names(text, person('Clifton Newman')), ['Clifton Newman']);
      assert.deepEqual(names('“We will appeal,” the N.Y. lawyer Jane Doe said.', person('Jane Doe')), ['Jane Doe']);
    });

    it('still ends a sentence at a dotted abbreviation that closes it', () => {
      const text = 'The family moved to the U.S.\n\n“It was hard,” Jane Doe said.';
      assert.deepEqual(names(text, person('Jane Doe')), ['Jane Doe']);
    });
  });

  describe('a manner adverb between the speaker and the verb', () => {
    it('reads past it', () => {
      assert.deepEqual(names('“You have practised law before me,” Newman wistfully told Murdaugh.', person('Newman', 'Murdaugh')), ['Newman']);
      assert.deepEqual(names('Jane Doe quietly said: “We will appeal.”', person('Jane Doe')), ['Jane Doe']);
    });

    it('does not read past a noun in -ly to the owner before it', () => {
      assert.deepEqual(names('“We are heartbroken,” Jane Doe’s family said.', person('Jane Doe')), ['Jane Doe’s family']);
      assert.deepEqual(names('“We stand with them,” Jane Doe’s ally said.', person('Jane Doe')), [null]);
    });
  });

  describe('a statement signed after a dash', () => {
    it('gives the statement to the name or role signing it at the end of its paragraph', () => {
      const text = '“No one is above the law.” –Attorney General Alan Wilson\n\n“Justice was done.” – Senior Assistant Deputy Attorney General Creighton Waters';
      assert.deepEqual(names(text, person('Alan Wilson', 'Creighton Waters')), ['Alan Wilson', 'Creighton Waters']);
    });

    it('does not take a dash that goes on into a sentence, or a signature followed by more text', () => {
      const clause = 'The rule was plain: “No one is above the law” – Alan Wilson said it twice.';
      assert.notDeepEqual(names(clause, person('Alan Wilson')), [null]);
      const aside = '“No one is above the law” – the words echoed. Alan Wilson smiled.';
      assert.deepEqual(names(aside, person('Alan Wilson')), [null]);
      assert.deepEqual(names('“No one is above the law.” – Monday', []), [null]);
    });

    it('leaves the words to the sentence that reports them before the dash (a headline and its site)', () => {
      const headline = 'Wilson said the ruling showed “no one is above the law.” – Court Watch\n\nThe trial ended on Friday.';
      assert.deepEqual(names(headline, [...person('Wilson'), ['Court Watch', 'organization']]), ['Wilson']);
    });
  });

  describe('a group opening the sentence', () => {
    it('is the subject of its participle, not a person named in an object', () => {
      const text = 'Prosecutors in South Carolina reacted with elation to the guilty verdict against Alex Murdaugh on Thursday night, telling a cheering crowd: “Justice has been done”.';
      assert.deepEqual(names(text, person('Alex Murdaugh')), ['Prosecutors']);
      const officials = 'Officials in Colleton County praised Jane Doe, saying: “She helped us all.”';
      assert.deepEqual(names(officials, person('Jane Doe')), ['Officials']);
    });

    it('leaves a sentence opened by a person, or by a group without a verb of its own, as it was', () => {
      const named = 'Alex Murdaugh, facing prosecutors, told the court: “I am innocent.”';
      assert.deepEqual(names(named, person('Alex Murdaugh')), ['Alex Murdaugh']);
      const object = 'Prosecutors and Alex Murdaugh’s lawyers met the judge, Jane Doe, saying: “We are ready.”';
      assert.notDeepEqual(names(object, person('Alex Murdaugh', 'Jane Doe')), ['Prosecutors']);
    });
  });

  describe('a surname shared with relatives', () => {
    it('stands for the principal, not for a relative named by a kin noun or beside a forename', () => {
      const text = 'Judge Clifton Newman sentenced Murdaugh for the murders of his wife, 52-year-old Maggie Murdaugh; and their youngest son, 22-year-old Paul Murdaugh.\n\n“I am innocent,” Murdaugh said.';
      assert.deepEqual(names(text, person('Clifton Newman', 'Maggie Murdaugh', 'Paul Murdaugh', 'Murdaugh')), ['Murdaugh']);
      const joined = 'The judge asked if he saw the bodies of Maggie and Paul Murdaugh.\n\n“I am innocent,” Murdaugh said.';
      assert.deepEqual(names(joined, person('Maggie', 'Paul Murdaugh', 'Murdaugh')), ['Murdaugh']);
    });

    it('still gives a surname the fuller name of a person not named as a relative, and a forename its relative', () => {
      const text = 'Alex Murdaugh stood as the judge spoke of his son, Paul Murdaugh.\n\n“I am innocent,” Murdaugh said.';
      assert.deepEqual(names(text, person('Alex Murdaugh', 'Paul Murdaugh', 'Murdaugh')), ['Alex Murdaugh']);
      const forename = 'The court heard from his son, Buster Murdaugh.\n\n“I love my father,” Buster said.';
      assert.deepEqual(names(forename, person('Buster Murdaugh', 'Buster')), ['Buster Murdaugh']);
      const colleague = 'The lawyer Paul Smith joined the team.\n\n“We will appeal,” Smith said.';
      assert.deepEqual(names(colleague, person('Paul Smith', 'Smith')), ['Paul Smith']);
    });
  });

  describe('verbs of a court', () => {
    it('reads ruled and dissented as reporting the words of the judge', () => {
      assert.deepEqual(names('Judge Jane Doe ruled that the evidence “was obtained unlawfully”.', person('Jane Doe')), ['Jane Doe']);
      assert.deepEqual(names('“The evidence was obtained unlawfully,” Judge Jane Doe ruled.', person('Jane Doe')), ['Jane Doe']);
      assert.deepEqual(names('The judge ruled: “The evidence was obtained unlawfully.”'), ['The judge']);
      assert.deepEqual(names('Justice Jane Doe dissented: “The majority is wrong.”', person('Jane Doe')), ['Jane Doe']);
    });

    it('does not take the noun for the verb', () => {
      assert.deepEqual(names('The rules “were never followed”, the report found.'), [null]);
      assert.deepEqual(names('“We disagree with the ruling,” Alex Smith said.', person('Alex Smith')), ['Alex Smith']);
    });
  });

  describe('a ruling, an order or an opinion in the present of its page', () => {
    it('reads “reads” and “states” after a document and gives its words to the court named before', () => {
      const reads = 'The Supreme Court ruled on Monday. “The statute does not reach this conduct,” the ruling reads.';
      const court: [string, 'organization'][] = [['Supreme Court', 'organization']];
      assert.deepEqual(names(reads, court), ['Supreme Court']);
      assert.deepEqual(names('The Supreme Court ruled on Monday. The opinion states: “The statute does not reach this conduct.”', court), ['Supreme Court']);
    });

    it('gives them to the judge named before when no body is', () => {
      const text = 'Judge Jane Doe issued her ruling on Monday. “The evidence was obtained unlawfully,” the ruling reads.';
      assert.deepEqual(names(text, person('Jane Doe')), ['Jane Doe']);
    });

    it('gives them to nobody when only a party is named, and reads no other “reads” as reporting', () => {
      assert.deepEqual(names('Alex Smith was convicted on Monday. “The evidence was overwhelming,” the ruling reads.', person('Alex Smith')), [null]);
      assert.deepEqual(names('The sign reads “No entry”.'), [null]);
      const reader = 'Jane Doe reads the letter every day. “It keeps me going,” Mark Roe said.';
      assert.deepEqual(names(reader, person('Jane Doe', 'Mark Roe')), ['Mark Roe']);
    });
  });

  describe('the roles of a courtroom', () => {
    it('resolves a court role to the person the article named in it', () => {
      const da = 'District Attorney Alvin Bragg spoke. “He was convicted,” the district attorney said.';
      assert.deepEqual(names(da, person('Alvin Bragg')), ['Alvin Bragg']);
      const justice = 'Justice Jane Doe wrote the opinion. “The statute is clear,” the justice wrote.';
      assert.deepEqual(names(justice, person('Jane Doe')), ['Jane Doe']);
      const foreman = 'The jury foreman, Mark Roe, stood. “We found him guilty,” the foreman said.';
      assert.deepEqual(names(foreman, person('Mark Roe')), ['Mark Roe']);
    });

    it('keeps the role whole when no one was named in it, and not someone in another role', () => {
      assert.deepEqual(names('“He was convicted,” the district attorney said.'), ['the district attorney']);
      assert.deepEqual(names('Judge Jane Doe presided. “We will appeal,” the district attorney said.', person('Jane Doe')), ['the district attorney']);
      assert.deepEqual(names('Jurors in Colleton County found Alex Smith guilty, saying: “The evidence was clear.”', person('Alex Smith')), ['Jurors']);
    });
  });

  describe('a statement a naming verb gives', () => {
    it('is the subject’s, when the verb or its pronoun object stands right before it', () => {
      const hailed = 'At a press conference, Alan Wilson hailed “a great day for the people of South Carolina”.\n\n“Today’s verdict proves that no one is above the law.”';
      assert.deepEqual(names(hailed, person('Alan Wilson')), ['Alan Wilson', 'Alan Wilson']);
      assert.deepEqual(names('Alan Wilson called it “a great day for the people of South Carolina”.', person('Alan Wilson')), ['Alan Wilson']);
    });

    it('is nobody’s for “they” or a place', () => {
      assert.deepEqual(names('They called it “a disgrace to the office of the president”.'), [null]);
      assert.deepEqual(names('Paris called it “a disgrace to the office of the president”.', [['Paris', 'place']]), [null]);
    });
  });

  describe('“they” for two people', () => {
    it('names both when they open a sentence just before and no group is named', () => {
      const text = 'Dick Harpootlian and Jim Griffin told reporters they plan to appeal. They must wait for a transcript, which they said “will take a while.”';
      assert.deepEqual(names(text, person('Dick Harpootlian', 'Jim Griffin')), ['Dick Harpootlian and Jim Griffin']);
    });

    it('prefers a group named for it, and leaves two people named in an object or without a verb', () => {
      assert.deepEqual(names('US officials met Jane Doe and Mark Roe. “We made progress,” they said.', person('Jane Doe', 'Mark Roe')), ['US officials']);
      assert.deepEqual(names('The court heard from Jane Doe and Mark Roe. “We made progress,” they said.', person('Jane Doe', 'Mark Roe')), [null]);
      assert.deepEqual(names('Jane Doe and Mark Roe. “We made progress,” they said.', person('Jane Doe', 'Mark Roe')), [null]);
    });
  });

  describe('a term named by someone inside a reported sentence', () => {
    it('is the namer’s, not the reporter of the sentence', () => {
      const text = 'Wilson noted that TV personality Nancy Grace had called Waters “pale and gaunt.”';
      assert.deepEqual(names(text, person('Wilson', 'Nancy Grace', 'Waters')), ['Nancy Grace']);
    });

    it('stays the reporter’s when the naming verb has no subject of its own', () => {
      const text = 'Jane Doe said critics were wrong to call the verdict “rushed and unfair”.';
      assert.deepEqual(names(text, person('Jane Doe')), ['Jane Doe']);
    });
  });
});

describe('speaker attribution: a leader’s spouse named by the office', () => {
  it('is a relative: the bare surname stands for the leader', () => {
    const text = 'The White House posted photos of President Trump and first lady Melania Trump with the pontiff.\n\nTrump shared a brief statement, saying: “Rest in peace.”';
    assert.deepEqual(names(text, person('Trump', 'Melania Trump')), ['Trump']);
  });
});

describe('speaker attribution: two names run together in one word by the page', () => {
  it('gives the words to the name that opens the clause, not to the one glued before it', () => {
    const text = 'Pope Francis died on Monday. Donald Trump posted on Truth Social.\n\nTributes for Pope FrancisTrump shared a brief statement, saying: “Rest in peace.”';
    const mentions = recognize(text, paragraphs(text));
    const paras = paragraphs(text);
    const got = attributeSpeakers(text, paras, findQuotes(text, paras), mentions);
    assert.equal(got[0]?.name, 'Donald Trump');
  });
});

describe('speaker attribution: surnames that are offices, and spouses named by office with no leader named', () => {
  it('keeps a surname that is an office word a person’s name (“Justice said”)', () => {
    const text = 'West Virginia Gov. Jim Justice announced his run on Monday.\n\n“I am running to win,” Justice said.';
    assert.deepEqual(names(text, person('Jim Justice', 'Justice')), ['Jim Justice']);
  });

  it('gives the bare surname to a first lady when no leader of that surname is named', () => {
    const text = 'First lady Jill Biden visited a school on Monday.\n\n“Teachers are heroes,” Biden said.';
    assert.deepEqual(names(text, person('Jill Biden', 'Biden')), ['Jill Biden']);
  });

  it('does not give a headline’s “says U.S. senator” to the last person it named', () => {
    const text = 'It’s a ‘travesty’ Boeing CEO Dave Calhoun is still in his job, says U.S. senator';
    assert.notEqual(names(text, person('Dave Calhoun'))[0], 'Dave Calhoun');
  });
});
