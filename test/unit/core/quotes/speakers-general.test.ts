import { strict as assert } from 'node:assert';
import { names, person, speakers } from './attribution';
import type { EntityType } from '../../../../src/core/types';

describe('speaker attribution: the general grammar of news attribution', () => {
  describe('a name the recogniser mistyped', () => {
    it('is the person named before it, whole or by surname', () => {
      const text = 'Sen. Richard Blumenthal opened the hearing with David Calhoun.\n\nCalhoun turned to the families. “I apologize,” he said.';
      assert.deepEqual(names(text, [...person('Richard Blumenthal', 'David Calhoun'), ['Calhoun', 'organization']]), ['David Calhoun']);
    });

    it('stays what it was when no person of that name came before', () => {
      const early = speakers('“We recall them,” Ford said. Later Jane Ford arrived.', [['Jane Ford', 'person'], ['Ford', 'organization']]);
      assert.equal(early[0]?.name, 'Ford');
      assert.equal(early[0]?.mention, 0, 'still the company, not the later Jane Ford');
    });
  });

  describe('a misspelt name the recogniser never found', () => {
    it('is the one person named whose surname it is one letter off', () => {
      const text = 'Governor Elena Marchetti conceded the race.\n\nMarhcetti admitted defeat, saying she was “proud of the campaign.”';
      const refs = speakers(text, person('Elena Marchetti'));
      assert.equal(refs[0]?.name, 'Elena Marchetti');
      assert.ok((refs[0]?.confidence ?? 1) < 0.9, 'a guess at a misspelling');
    });

    it('stays as written when two people are as near, or the word is short', () => {
      const two = 'Elena Marchetti and Paolo Marchetto spoke.\n\nMarchettu admitted defeat, saying she was “proud of the campaign.”';
      assert.equal(names(two, person('Elena Marchetti', 'Paolo Marchetto'))[0], 'Marchettu');
      const short = 'Harry Kane spoke.\n\nKate admitted defeat, saying she was “proud of the campaign.”';
      assert.equal(names(short, person('Harry Kane'))[0], 'Kate');
    });
  });

  describe('a headline quote nobody is named beside', () => {
    const body = '\n\n“We are not on a preset course,” Jerome Powell said. “Inflation is easing,” Powell said. “We will act,” he said.';

    it('is the article’s leading speaker’s, also when the saved article opens with its source and address', () => {
      assert.equal(names(`‘The time has come’: Fed set to cut${body}`, person('Jerome Powell', 'Powell'))[0], 'Jerome Powell');
      const saved = `Source: Example Wire\nURL: https://example.com/fed\n\n‘The time has come’: Fed set to cut${body}`;
      assert.equal(names(saved, person('Jerome Powell', 'Powell'))[0], 'Jerome Powell');
    });

    it('is nobody’s when it is a term and the headline does not name the leading speaker', () => {
      const saved = `Source: Example Wire\n\nInside the ‘Rate Cut of the Decade’${body}`;
      assert.equal(names(saved, person('Jerome Powell', 'Powell'))[0], null);
    });
  });

  describe('words quoted twice in one article', () => {
    it('give a headline or teaser the speaker the body attributes them to', () => {
      const text = '‘Why haven’t you resigned?’ Senators torch Boeing CEO\n\nThe hearing was tense. Josh Hawley asked: “Why haven’t you resigned?”';
      const refs = speakers(text, person('Josh Hawley'));
      assert.equal(refs[0]?.name, 'Josh Hawley');
      assert.ok((refs[0]?.confidence ?? 1) < 0.9, 'an echo is a reader’s inference');
      const cut = 'Boeing CEO sorry for ‘grief we have caused’\n\n“I apologize for the grief we have caused,” David Calhoun said.';
      assert.equal(names(cut, person('David Calhoun'))[0], 'David Calhoun');
    });

    it('give nothing when the words are too few or the speakers disagree', () => {
      const short = 'A ‘travesty’, critics say.\n\n“It is a travesty,” Josh Hawley said.';
      assert.equal(names(short, person('Josh Hawley'))[0], null);
      const yes = '“Yes sir.”\n\n“Yes sir,” Dave Calhoun said.';
      assert.equal(names(yes, person('Dave Calhoun'))[0], 'Dave Calhoun', 'two words quoted word for word');
      const split = '‘We will not back down’\n\n“We will not back down,” Ann Lee said. “We will not back down,” Bo Chan said.';
      assert.equal(names(split, person('Ann Lee', 'Bo Chan'))[0], null);
    });
  });

  describe('reporting verbs with a particle, and asides between the subject and the verb', () => {
    const cast = person('Josh Hawley', 'Dave Calhoun', 'Hawley', 'Calhoun');

    it('read “shot back”, “fired back”, “hit back”, “pushed back”, “chimed in” as reporting verbs, before or after the quote', () => {
      for (const verb of ['shot back', 'fired back', 'hit back', 'pushed back', 'snapped back', 'chimed in', 'weighed in']) {
        const before = `Josh Hawley questioned Dave Calhoun.\n\nHawley ${verb}, “You’re proud of this record?”`;
        assert.deepEqual(names(before, cast), ['Josh Hawley'], verb);
        const after = `Josh Hawley questioned Dave Calhoun.\n\n“Yes, I am proud,” Calhoun ${verb}.`;
        assert.deepEqual(names(after, cast), ['Dave Calhoun'], verb);
      }
      const firing = speakers('Josh Hawley questioned Dave Calhoun.\n\n“Not so,” Calhoun fired back.', cast)[0];
      assert.equal(firing?.via, 'after');
    });

    it('read past a short aside of manner or state between the subject and the verb', () => {
      const text = 'Josh Hawley questioned Dave Calhoun.\n\nHawley, visibly incredulous, shot back, “You’re proud of this safety record?”';
      assert.deepEqual(names(text, cast), ['Josh Hawley']);
      const after = 'Josh Hawley questioned Dave Calhoun.\n\n“You’re proud of this?” Hawley, visibly incredulous, shot back.';
      assert.deepEqual(names(after, cast), ['Josh Hawley']);
    });

    it('do not make the verb without its particle, or an aside with a verb of its own, an attribution', () => {
      assert.deepEqual(names('Josh Hawley arrived.\n\n“Never again.” Police shot the suspect.', cast), [null]);
      assert.deepEqual(names('“We are proud,” Calhoun, Hawley and the others shot.', cast), [null]);
    });
  });

  describe('a role stands for the person the article introduced in it', () => {
    const fed: [string, EntityType][] = [['Federal Reserve', 'organization'], ['Fed', 'organization'], ...person('Jerome Powell', 'Alan Blinder', 'Dave Calhoun')];

    it('with the article dropped, as news writing does ("former prime minister stated", "Fed chair said")', () => {
      const text = 'Federal Reserve Chair Jerome Powell spoke on Wednesday.\n\n“Inflation is easing,” Fed chair stated.';
      assert.deepEqual(names(text, fed), ['Jerome Powell']);
      const former = 'UN Secretary-General António Guterres spoke in New York.\n\n“The air is unbreathable,” former Portuguese prime minister stated.';
      assert.deepEqual(names(former, person('António Guterres')), ['António Guterres']);
    });

    it('by a shortened name of the body ("the Fed chair" for a Federal Reserve Chair) and CEO for chief executive', () => {
      const text = 'Federal Reserve Chair Jerome Powell spoke. Boeing chief executive Dave Calhoun testified.\n\n“We are not on a preset course,” the Fed chair told reporters. “I’m sticking this through,” the Boeing CEO replied.';
      assert.deepEqual(names(text, [...fed, ['Boeing', 'organization']]), ['Jerome Powell', 'Dave Calhoun']);
    });

    it('"the official" for the person in office the passage is about, unless an unnamed official came before', () => {
      const named = 'Rear Adm. Carla Benton, commander of the district, spoke on Thursday.\n\nCrews found a second debris field, she said.\n\n“This is the first sign that something catastrophic happened,” the official said.';
      assert.deepEqual(names(named, person('Carla Benton')), ['Carla Benton']);
      const unnamed = 'Rear Adm. Carla Benton, commander of the district, spoke on Thursday. A senior Navy official said the search would go on.\n\n“This is the first sign that something catastrophic happened,” the official said.';
      assert.deepEqual(names(unnamed, person('Carla Benton')), ['the official']);
    });

    it('never for an indefinite or possessed role, or for another office the title names ("vice chair", "former chair")', () => {
      const text = 'Federal Reserve Chair Jerome Powell spoke.\n\n“We disagree,” a Fed chair said. “We agree,” his chair said.';
      assert.deepEqual(names(text, fed), ['a Fed chair', 'his chair']);
      const vice = 'Former Fed vice chair Alan Blinder spoke.\n\n“Inflation is easing,” the Fed chair said.';
      assert.deepEqual(names(vice, fed), ['the Fed chair']);
    });
  });

  describe('a line introducing quotes that follow it', () => {
    const cast = person('Jerome Powell', 'Powell', 'Michelle Bowman');

    it('gives a list of quotes the person whose words they are, bullet after bullet', () => {
      const text = 'Jerome Powell held a press conference.\n\nKey quotes from Powell’s press conference:\n\n- “We don’t think we are behind.”\n- “The US economy is in a good place.”\n\n• “We are recalibrating.”';
      assert.deepEqual(names(text, cast), ['Jerome Powell', 'Jerome Powell', 'Jerome Powell']);
      const numbered = 'Jerome Powell spoke.\n\nHighlights of the remarks by Michelle Bowman:\n\n1. “I would have preferred a smaller cut.”\n2. “Inflation remains too high.”';
      assert.deepEqual(names(numbered, cast), ['Michelle Bowman', 'Michelle Bowman']);
    });

    it('gives nothing when the line and the paragraph above it name nobody, or the text before the quote is more than a marker', () => {
      assert.deepEqual(names('The decision came on Wednesday.\n\nKey quotes:\n\n- “We are not behind.”', cast), [null]);
      assert.deepEqual(names('Powell said:\n\nOn Friday, “we are not behind.”', cast), [null]);
    });
  });

  describe('headlines and what owns the words', () => {
    it('read a capitalised reporting verb in a title-case headline, and nowhere else', () => {
      const text = '‘Era Of Global Boiling’ Warns UN Chief As Earth Nears Tipping Point\n\nUN Chief António Guterres spoke in New York.';
      assert.deepEqual(names(text, [...person('António Guterres'), ['UN', 'organization']]), ['António Guterres']);
      assert.deepEqual(names('“We will do better,” Says Boeing CEO Dave Calhoun in a letter to the staff.', person('Dave Calhoun')), [null]);
    });

    it('read a title of capitalised words before the name a headline quote follows', () => {
      assert.deepEqual(names('Fed Chair Powell: “The labour market is solid.”', [['Fed', 'organization'], ['Powell', 'person']]), ['Powell']);
    });

    it('give a statement’s words to its owner: “Bowman’s statement said …”', () => {
      const text = 'Governor Michelle Bowman dissented.\n\nBowman’s statement said the cut “could be read as a premature declaration of victory.”';
      assert.deepEqual(names(text, person('Michelle Bowman', 'Bowman')), ['Michelle Bowman']);
      const place = 'Washington’s statement said the plan “would never work.”';
      assert.deepEqual(names(place, [['Washington', 'place']]), [null]);
    });
  });

  describe('another word for the role the person was introduced in', () => {
    it('reads the skipper as the captain, the prosecutor as the district attorney, the boss as the manager', () => {
      const text =
        'England manager Gareth Southgate spoke after the final. Captain Harry Kane was tearful. Manhattan District Attorney Alvin Bragg was in court.\n\n' +
        '“It’s not the moment,” the England boss told the BBC. “It’s the hardest loss,” the skipper added. “I did my job,” the prosecutor said.';
      const cast: [string, EntityType][] = [...person('Gareth Southgate', 'Harry Kane', 'Alvin Bragg'), ['England', 'place'], ['BBC', 'organization']];
      assert.deepEqual(names(text, cast), ['Gareth Southgate', 'Harry Kane', 'Alvin Bragg']);
    });

    it('does not read one role as an unrelated one', () => {
      const text = 'Captain Harry Kane was tearful.\n\n“I did my job,” the prosecutor said. “We lost,” the manager said.';
      assert.deepEqual(names(text, person('Harry Kane')), ['the prosecutor', 'the manager']);
    });
  });

  describe('a term in an attributed sentence', () => {
    it('has the speaker of the reporting verb whose clause holds it, however far along', () => {
      const text = 'Sen. Ron Johnson thanked the chief executive for coming to the hearing to face “tough questions.”';
      assert.deepEqual(names(text, person('Ron Johnson')), ['Ron Johnson']);
      const far = 'António Guterres declared an end to the era of global warming and warned of the arrival of an “era of global boiling.”';
      assert.deepEqual(names(far, person('António Guterres')), ['António Guterres']);
    });

    it('has none past another person named in between, a break in the sentence or a capitalised name of a thing', () => {
      assert.deepEqual(names('Ron Johnson thanked Dave Calhoun for coming to face “tough questions.”', person('Ron Johnson', 'Dave Calhoun')), [null]);
      assert.deepEqual(names('Ron Johnson thanked the panel; the hearing was a “circus.”', person('Ron Johnson')), [null]);
      assert.deepEqual(names('Ron Johnson said the launch of the rocket named “Falcon” went well.', person('Ron Johnson')), [null]);
    });
  });

  describe('a verb whose subject is left out', () => {
    it('takes the role the sentence opens with, not a body named in the role', () => {
      const text = 'Boeing CEO blasted during Senate hearing, apologizes for ‘grief we have caused’\n\nBoeing CEO Dave Calhoun testified on Tuesday.';
      assert.deepEqual(names(text, [['Boeing', 'organization'], ['Senate', 'organization'], ...person('Dave Calhoun')]), ['Dave Calhoun']);
    });

    it('still takes the body when the sentence opens with it and no role', () => {
      const text = 'Boeing, under pressure in the Senate, apologized for the “grief” it caused.';
      assert.deepEqual(names(text, [['Boeing', 'organization'], ['Senate', 'organization']]), ['Boeing']);
    });
  });

  describe('names written differently for one person', () => {
    it('are one person with or without a middle initial', () => {
      const text = 'Chair John Q. Smith opened the hearing.\n\n“We have heard enough,” John Smith said. “We adjourn,” Smith said.';
      assert.deepEqual(names(text, person('John Q. Smith', 'John Smith', 'Smith')), ['John Q. Smith', 'John Q. Smith']);
    });

    it('join a name one letter off to the one known person it must mean', () => {
      const text = 'Federal Reserve Chair Jerome Powell spoke.\n\n“We are recalibrating,” Powel said.';
      assert.deepEqual(names(text, person('Jerome Powell', 'Powel')), ['Jerome Powell']);
      const wangs = 'Wang Yi met Wang Xiaohong and Wang Wenbin.\n\n“We cooperate,” Wang Xiaohang said. “Yes,” Wang Yi said. “No,” Wang Wenbin said.';
      assert.deepEqual(names(wangs, person('Wang Yi', 'Wang Xiaohong', 'Wang Wenbin', 'Wang Xiaohang')), ['Wang Xiaohong', 'Wang Yi', 'Wang Wenbin']);
    });

    it('never join different people, short names, or a name close to two people', () => {
      const kane = 'Harry Kane spoke. “We lost,” Kate said.';
      assert.deepEqual(names(kane, person('Harry Kane', 'Kate')), ['Kate']);
      const two = 'Mark Jansen met Mark Janson.\n\n“Fine,” Mark Jansan said.';
      assert.deepEqual(names(two, person('Mark Jansen', 'Mark Janson', 'Mark Jansan')), ['Mark Jansan']);
      const wang = 'Wang Yi met Wang Xiaohong.\n\n“Fine,” Wang Wenbin said.';
      assert.deepEqual(names(wang, person('Wang Yi', 'Wang Xiaohong', 'Wang Wenbin')), ['Wang Wenbin']);
    });
  });

  describe('he and she', () => {
    it('skip a person the article gives the other gender by title or role', () => {
      const text = 'Powell spoke after Ms. Bowman dissented.\n\n“I preferred a smaller cut,” she said.';
      assert.deepEqual(names(text, person('Powell', 'Bowman')), ['Bowman']);
      const role = 'Spokeswoman Mao Ning stood beside Wang Yi. “We object,” she said. Wang Yi nodded. “We agree,” he said.';
      assert.deepEqual(names(role, person('Mao Ning', 'Wang Yi')), ['Mao Ning', 'Wang Yi']);
    });

    it('still stand for the subject when the article says nothing of anyone’s gender, or both', () => {
      assert.deepEqual(names('Jordan Smith met Alex Doe.\n\n“Fine,” she said.', person('Jordan Smith', 'Alex Doe')), ['Jordan Smith']);
      const both = 'Mr Lee met Alex Kim. Ms Lee spoke later.\n\nLee left. “Fine,” she said.';
      assert.deepEqual(names(both, person('Lee', 'Alex Kim')), ['Lee']);
    });

    it('stand for the subject of the main clause before a man named in the clause opening the sentence', () => {
      const text = 'But, after becoming the first manager since Sir Alex Ferguson to win trophies in successive seasons, Ten Hag struck a note of defiance.\n\n“Two trophies in two years is not bad,” he said.';
      assert.deepEqual(names(text, person('Alex Ferguson', 'Ten Hag')), ['Ten Hag']);
      const plain = 'After meeting Sir John Major, Alex Lee spoke.\n\n“Fine,” he said.';
      assert.deepEqual(names(plain, person('John Major', 'Alex Lee')), ['Alex Lee']);
    });

    it('still skip a main-clause subject of the other gender, and read a sentence with no opening clause as before', () => {
      const other = 'After meeting Sir John Major, Ms Ann Lee spoke.\n\n“Fine,” he said.';
      assert.deepEqual(names(other, person('John Major', 'Ann Lee')), ['John Major']);
      const noClause = 'But Ann Lee spoke after Sir John Major left.\n\n“Fine,” he said.';
      assert.deepEqual(names(noClause, person('John Major', 'Ann Lee')), ['John Major']);
    });
  });

  describe('he and she, by the given name', () => {
    it('stand for the person whose given name has the pronoun’s gender, when no title says', () => {
      assert.deepEqual(names('John Smith met Jane Doe.\n\n“Fine,” she said.', person('John Smith', 'Jane Doe')), ['Jane Doe']);
      const later = 'Senator Maria Lopez spoke first.\n\n“It was a disgrace,” she said of her opponent, Governor Tom Baker.\n\n“This is over,” she said.';
      assert.deepEqual(names(later, person('Maria Lopez', 'Tom Baker')), ['Maria Lopez', 'Maria Lopez']);
    });

    it('only rule out the other gender, never put a named woman before a person whose name tells nothing', () => {
      const text = 'Xóchitl Gálvez conceded to Claudia Sheinbaum after midnight.\n\n“I will return in six years,” she warned.';
      assert.deepEqual(names(text, person('Xóchitl Gálvez', 'Claudia Sheinbaum')), ['Xóchitl Gálvez']);
    });

    it('yield to the article’s own title, and leave names borne by both alone', () => {
      assert.deepEqual(names('Mr Jane Doe met John Smith.\n\n“Fine,” he said.', person('Jane Doe', 'John Smith')), ['Jane Doe']);
      assert.deepEqual(names('Alex Smith met Jane Doe.\n\n“Fine,” he said.', person('Alex Smith', 'Jane Doe')), ['Alex Smith']);
    });

    it('take no gender from a role word that only stands near the name ("a spokesman for Lopez")', () => {
      const text = 'Senator Maria Lopez spoke.\n\n“No comment,” said a spokesman for Lopez.\n\nTom Baker replied.\n\nLopez arrived. “We won,” she said.';
      assert.equal(names(text, person('Maria Lopez', 'Lopez', 'Tom Baker')).at(-1), 'Maria Lopez');
    });
  });

  describe('more verbs of reporting', () => {
    it('read verbs of stressing, summing up, pressing and of manner as reporting ones', () => {
      for (const verb of ['highlighted', 'outlined', 'specified', 'summarised', 'summarized', 'reckoned', 'scoffed', 'grumbled', 'interjected', 'questioned', 'pressed', 'chuckled', 'laughed', 'sighed']) {
        assert.deepEqual(names(`Josh Hawley spoke.\n\n“We know enough,” Hawley ${verb}.`, person('Josh Hawley', 'Hawley')), ['Josh Hawley'], verb);
      }
    });

    it('not their nouns: “the press”, “a question”, “a highlight”', () => {
      assert.deepEqual(names('Josh Hawley spoke.\n\n“We know enough.” The press left.', person('Josh Hawley')), [null]);
      assert.deepEqual(names('“We know enough.” A question remains.'), [null]);
    });
  });

  describe('turns of an exchange', () => {
    const cast = person('Josh Hawley', 'Dave Calhoun', 'Hawley', 'Calhoun');

    it('give the reply to the other person of the exchange', () => {
      const text = 'Josh Hawley questioned Dave Calhoun.\n\n“How many have you fired?” Hawley asked. “I don’t know,” came the reply.';
      assert.deepEqual(names(text, cast), ['Josh Hawley', 'Dave Calhoun']);
      const refs = speakers(text, cast);
      assert.ok((refs[1]?.confidence ?? 1) < 0.9);
    });

    it('give it nobody when the question has no speaker or nobody else is named', () => {
      assert.deepEqual(names('“How many?” “I don’t know,” came the reply.'), [null, null]);
      assert.deepEqual(names('“How many?” Hawley asked. “None,” came the reply.', person('Hawley')), ['Hawley', null]);
    });
  });

  describe('a role named by a noun before it ("the fire chief")', () => {
    it('is the person the article gave that title, the noun telling which office', () => {
      const text = 'Fire Chief Bradford Ventura defended the response.\n\n“Nobody could have stopped this fire,” the fire chief added.';
      assert.deepEqual(names(text, person('Bradford Ventura')), ['Bradford Ventura']);
      const health = 'Health Minister Mark Holland spoke first.\n\n“We are ready,” the health minister said.';
      assert.deepEqual(names(health, person('Mark Holland')), ['Mark Holland']);
    });

    it('is still the person in the role when the word only describes them ("the beleaguered manager")', () => {
      const text = 'Liverpool manager Jurgen Klopp spoke on Friday.\n\n“I am running out of energy,” the beleaguered manager said.';
      assert.deepEqual(names(text, person('Jurgen Klopp')), ['Jurgen Klopp']);
      const hyphen = 'Liverpool manager Jurgen Klopp spoke on Friday.\n\n“I am running out of energy,” the title-winning manager said.';
      assert.deepEqual(names(hyphen, person('Jurgen Klopp')), ['Jurgen Klopp']);
    });

    it('is nobody introduced in another office', () => {
      const text = 'Police Chief Anne Kirkpatrick spoke first.\n\n“We need more water,” the fire chief said.';
      assert.notEqual(names(text, person('Anne Kirkpatrick'))[0], 'Anne Kirkpatrick');
    });
  });

  describe('a quote said by someone the attribution cannot name ("said one resident")', () => {
    it('does not carry on the remarks of the speaker before it', () => {
      const text = 'Fire Chief Bradford Ventura spoke.\n\n“We did everything we could,” Ventura said. “It was terrifying,” said one resident, who asked not to be named.';
      const got = names(text, person('Bradford Ventura', 'Ventura'));
      assert.equal(got[0], 'Bradford Ventura');
      assert.notEqual(got[1], 'Bradford Ventura');
      const wife = 'Fire Chief Bradford Ventura spoke.\n\n“We did everything we could,” Ventura said. “It was terrifying,” said his wife.';
      assert.notEqual(names(wife, person('Bradford Ventura', 'Ventura'))[1], 'Bradford Ventura');
    });

    it('carries on the remarks of the person the passage is about after a definite description ("said the 56-year-old")', () => {
      const text = 'Jurgen Klopp spoke on Friday.\n\n“I am running out of energy,” Klopp said. “I knew it in November,” said the 56-year-old German.';
      assert.deepEqual(names(text, person('Jurgen Klopp', 'Klopp')), ['Jurgen Klopp', 'Jurgen Klopp']);
    });
  });

  describe('the one quoted, not the outlet quoting them', () => {
    it('is the speaker of “quoted X as saying” and “X was quoted as saying”', () => {
      assert.deepEqual(names('“We will fight,” Reuters quoted Jane Doe as saying.', [['Reuters', 'organization'], ['Jane Doe', 'person']]), ['Jane Doe']);
      assert.deepEqual(names('“We will fight,” Jane Doe was quoted by Reuters as saying.', [['Reuters', 'organization'], ['Jane Doe', 'person']]), ['Jane Doe']);
      assert.deepEqual(names('“We will fight,” Jane Doe was quoted as saying by Reuters.', [['Reuters', 'organization'], ['Jane Doe', 'person']]), ['Jane Doe']);
    });

    it('is the ones a quoted letter is from', () => {
      const text = '“We are unable to work for you,” CNN quoted a letter jointly issued by the employees as saying.';
      assert.deepEqual(names(text, [['CNN', 'organization']]), ['the employees']);
    });
  });

  describe('an outlet whose name ends in a word for a document', () => {
    it('is the outlet: “the New York Post said”', () => {
      assert.deepEqual(names('“He lied,” the New York Post said.', [['New York Post', 'organization']]), ['New York Post']);
    });
  });

  describe('a document from someone', () => {
    it('is theirs: “according to a statement from X”, “a statement issued by X”', () => {
      const orgs: [string, EntityType][] = [['Acme Corp', 'organization']];
      assert.deepEqual(names('According to a statement from Acme Corp, “the ambassador has been recalled.”', orgs), ['Acme Corp']);
      assert.deepEqual(names('“The ambassador has been recalled,” according to a statement issued by Acme Corp.', orgs), ['Acme Corp']);
      assert.deepEqual(names('According to a statement from the foreign ministry, “the ambassador has been recalled.”'), ['the foreign ministry']);
    });
  });

  describe('a body that speaks as one', () => {
    it('is the body as written, not a person holding a seat on it', () => {
      const text = 'Board chairman Greg Brockman stepped down.\n\n“We are grateful for Sam’s contributions,” the board said.';
      assert.deepEqual(names(text, person('Greg Brockman')), ['the board']);
      const of = names('The board of directors of OpenAI says in a statement: “We are grateful.”', [['OpenAI', 'organization']])[0];
      assert.ok(of === 'OpenAI' || of === 'The board of directors of OpenAI', String(of));
    });
  });

  describe('a role, then the name of its holder', () => {
    it('is the holder: “said the company’s spokesman, Ed Kim”', () => {
      assert.deepEqual(names('“No comment,” said the company’s spokesman, Ed Kim.', person('Ed Kim')), ['Ed Kim']);
      assert.deepEqual(names('“No comment,” said the spokesman, who declined to be named.'), ['the spokesman']);
    });
  });

  describe('a role with an aside before its verb', () => {
    it('is the subject he and she stand for after it (“The Microsoft CEO, however, clarified …”)', () => {
      const text = 'Microsoft CEO Satya Nadella announced the hire.\n\nThe Microsoft CEO, however, clarified that the firm would continue to back OpenAI.\n\n“We remain committed to our partnership,” he added.';
      assert.deepEqual(names(text, [['Satya Nadella', 'person'], ['Microsoft', 'organization'], ['OpenAI', 'person']]), ['Satya Nadella']);
    });
  });

  describe('the outlet a saved article’s header names', () => {
    it('is nobody, nor the agency of a dateline: “(Newser) – …”', () => {
      const text = '(Newser) – The court delivered its ruling on Monday, and it was welcomed by Alex Kim, who is now free. “Big win for our democracy,” he wrote.';
      assert.deepEqual(names(text, [['Newser', 'person'], ['Alex Kim', 'person']]), ['Alex Kim']);
    });

    it('is nobody the story’s “the company” stands for', () => {
      const text = 'Source: Taranga News\nURL: https://example.com/a\n\n“We are grateful for his service,” the company said in its blog post.';
      assert.deepEqual(names(text, [['Taranga News', 'organization']]), ['the company']);
      const body = 'Source: Taranga News\nURL: https://example.com/a\n\nOpenAI announced the change.\n\n“We are grateful for his service,” the company said.';
      assert.deepEqual(names(body, [['Taranga News', 'organization'], ['OpenAI', 'organization']]), ['OpenAI']);
    });
  });

  describe('a body named by its acronym', () => {
    it('is a speaker, not the pronoun “who”: “said WHO director-general X”', () => {
      const text = 'The agency acted.\n\n“This should concern us all,” said WHO director-general Tedros Adhanom Ghebreyesus.';
      assert.deepEqual(names(text, [['WHO', 'organization'], ['Tedros Adhanom Ghebreyesus', 'person']]), ['Tedros Adhanom Ghebreyesus']);
    });
  });

  describe('a name the recogniser took for a body, after a person’s role', () => {
    it('is a person: “WHO chief Tedros Adhanom Ghebreyesus said … “…,” he told”', () => {
      const text = 'WHO chief Tedros Adhanom Ghebreyesus said that, given the spread, he had decided to act.\n“The committee will meet soon,” he told a press conference.';
      assert.deepEqual(names(text, [['WHO', 'organization'], ['Tedros Adhanom Ghebreyesus', 'organization']]), ['Tedros Adhanom Ghebreyesus']);
    });
  });

  describe('a role, a comma and its holder’s name before the verb', () => {
    it('is the holder: “…,” the Director General of the Africa CDC, Jean Kaseya said', () => {
      const text = '“We declare an emergency,” the Director General of the Africa CDC, Jean Kaseya said on Tuesday.';
      assert.deepEqual(names(text, [['Africa CDC', 'organization'], ['Jean Kaseya', 'person']]), ['Jean Kaseya']);
    });

    it('is not a name standing after a comma that is no role’s', () => {
      const text = 'Jane Doe spoke.\n\n“We declare an emergency,” after the vote in Geneva, Jean Kaseya said.';
      assert.notEqual(names(text, person('Jane Doe', 'Jean Kaseya'))[0], 'Jane Doe');
    });
  });

  describe('a name with a generation after it', () => {
    it('is the person, not “Jr.”', () => {
      assert.deepEqual(names('Asked what was left, Maui Mayor Richard Bissen, Jr. said “all of it” was gone.', person('Richard Bissen')), ['Richard Bissen']);
      assert.deepEqual(names('“We will rebuild,” Richard Bissen Jr. said.', person('Richard Bissen')), ['Richard Bissen']);
    });
  });

  describe('a quote standing alone after a paragraph with only a term in it', () => {
    it('carries on the speaker the paragraphs before name, as a scare quote is the reporter’s', () => {
      const text = '“It will take time to recover,” Green said.\n\nGreen also gave several updates as well as “heartbreaking realities” on the ground.\n\n“In the long term we will rebuild together.”';
      assert.deepEqual(names(text, person('Green')).slice(-1), ['Green']);
    });
  });

  describe('“it said” after a body spoke', () => {
    it('is the body: “Ford said … “…,” it said in a statement”', () => {
      const text = 'In an earlier statement, Ford said that the union responded with a counterproposal.\n\n“The counterproposal showed little movement,” it said in a statement.';
      assert.deepEqual(names(text, [['Ford', 'organization']]), ['Ford']);
    });

    it('is no body only named before, that did not speak', () => {
      assert.deepEqual(names('Apple sued Samsung over the design.\n\n“The evidence is clear,” it said.', [['Apple', 'organization'], ['Samsung', 'organization']]), [null]);
    });

    it('is nobody when no body was named before', () => {
      assert.deepEqual(names('The storm hit Tampa.\n\n“It was terrifying,” it said.', [['Tampa', 'place']]), [null]);
    });
  });

  describe('words sent rather than spoken', () => {
    it('are the sender’s: “she messaged them”, “he texted”', () => {
      assert.deepEqual(names('Emma Vu was on board.\n\n“The masks are down,” she messaged them.', person('Emma Vu')), ['Emma Vu']);
      assert.deepEqual(names('“I am fine,” Emma Vu texted.', person('Emma Vu')), ['Emma Vu']);
    });
  });

  describe('a term in reported speech after words joined by “and”', () => {
    it('is the reporter’s subject’s: “X said search and rescue crews found “…””', () => {
      const text = 'Rear Admiral Mog spoke.\n\nMog said search and rescue crews found “five different major debris” on the seafloor.';
      assert.deepEqual(names(text, person('Mog')), ['Mog']);
    });

    it('is not theirs after “, and” opening another clause', () => {
      const text = 'Jane Doe spoke.\n\nJane Doe said the ship sank, and crews called the wreck “a total loss” later.';
      assert.notEqual(names(text, person('Jane Doe'))[0], 'Jane Doe');
    });
  });

  describe('a line labelled with a name and a colon', () => {
    it('gives the person the words quoted in it: “X: there was “too much uncertainty” …”', () => {
      const text = 'NASA commercial crew program manager Steve Stich: there was “too much uncertainty” in the performance of the thrusters.';
      assert.deepEqual(names(text, [['NASA', 'organization'], ['Steve Stich', 'person']]), ['Steve Stich']);
    });

    it('is no label when a verb stands before the colon', () => {
      const text = 'The reason was clear to Steve Stich: there was “too much uncertainty” in the thrusters.';
      assert.deepEqual(names(text, person('Steve Stich')), [null]);
    });
  });

  describe('a body named again by a noun for its kind (“the fund”, “the group”)', () => {
    it('is the organisation that spoke just before', () => {
      const text = 'Valor Capital said it welcomed the decision.\n\n“This is the right move,” the fund said in a statement.';
      assert.deepEqual(names(text, [['Valor Capital', 'organization']]), ['Valor Capital']);
    });

    it('is never one only named there: the group outside Google, the university suing Microsoft', () => {
      const group = 'A group of former employees gathered outside Google headquarters.\n\n“We were treated unfairly,” the group said.';
      assert.deepEqual(names(group, [['Google', 'organization']]), ['the group']);
      const university = 'The university sued Microsoft last year.\n\n“We acted in good faith,” the university said.';
      assert.deepEqual(names(university, [['Microsoft', 'organization']]), ['the university']);
    });
  });

  describe('the person an aside says the subject is (“formerly known as”)', () => {
    it('is the speaker: “…,” the royal, formerly known as Prince Charles, wrote', () => {
      const text = '“The death of my beloved Mother is a moment of great sadness,” the royal, formerly known as Prince Charles, wrote in a statement.';
      assert.deepEqual(names(text, person('Charles')), ['Charles']);
    });
  });

  describe('the rules for words joined by “and”, labels and roles, on ordinary sentences', () => {
    it('gives no term to the reporter’s subject after “and critics called …”', () => {
      const text = 'Jane Doe spoke.\n\nJane Doe said the ship sank and critics called the plan “a total loss” later.';
      assert.notEqual(names(text, person('Jane Doe'))[0], 'Jane Doe');
    });

    it('reads no label in “The lesson for X:” or “Photo by X:”', () => {
      assert.deepEqual(names('The lesson for Joe Biden: voters want “real change” now.', person('Joe Biden')), [null]);
      assert.deepEqual(names('Photo by Jane Doe: protesters chanted “no more war” outside.', person('Jane Doe')), [null]);
    });

    it('takes no name inside a job title for a person (“our chief White House correspondent”)', () => {
      const text = 'Our chief White House correspondent reported from the lawn.\n\n“It went well,” he said.';
      assert.notEqual(names(text, [['White House', 'organization']])[0], 'White House');
    });

    it('keeps a role that names the office (“the sporting director”) from a holder of another', () => {
      const text = 'Club director Jane Doe spoke first.\n\n“We will rebuild,” the sporting director said.';
      assert.notEqual(names(text, person('Jane Doe'))[0], 'Jane Doe');
    });

    it('reads “quoted him as saying” as the person he stands for', () => {
      const text = 'Jane Doe met Tom Lee.\n\n“We will fight,” Reuters quoted him as saying.';
      assert.deepEqual(names(text, [['Jane Doe', 'person'], ['Tom Lee', 'person'], ['Reuters', 'organization']]), ['Tom Lee']);
    });
  });
});

