import { strict as assert } from 'node:assert';
import { names, person, speakers } from './attribution';

describe('speakers as a reader resolves them', () => {
  describe('a role stands for the person the article named earlier in it', () => {
    it('resolves the title a person was introduced with', () => {
      assert.deepEqual(
        names('US Secretary of State Antony Blinken arrived in Beijing.\n\n“We will not stand by,” the US Secretary of State said.', person('Antony Blinken')),
        ['Antony Blinken'],
      );
      assert.deepEqual(names('Maryland Gov. Wes Moore spoke first.\n\n“We will rebuild,” the governor said.', person('Wes Moore')), ['Wes Moore']);
      assert.deepEqual(names('Wes Moore, the governor of Maryland, spoke first. “We will rebuild,” said the governor.', person('Wes Moore')), ['Wes Moore']);
      assert.deepEqual(
        names('Jeffrey Pritzker, executive vice president of Brawner Builders, spoke.\n\n“We are shocked,” the executive told reporters.', person('Jeffrey Pritzker')),
        ['Jeffrey Pritzker'],
      );
    });

    it('reads a head of a body for its chief, and a later mention of the role at lower confidence than a name', () => {
      const text = 'Bank of Canada Governor Tiff Macklem spoke on Wednesday.\n\n“Rates will rise again,” the bank’s chief said. “Inflation is too high,” Macklem said.';
      const [role, name] = speakers(text, person('Tiff Macklem', 'Macklem'));
      assert.equal(role?.name, 'Tiff Macklem');
      assert.equal(role?.mention, 0);
      assert.equal(text.slice(role!.span.start, role!.span.end), 'the bank’s chief', 'the span is where the role is written');
      assert.ok(role!.confidence! < name!.confidence!);
    });

    it('picks the nearest person in that role, and not one in another role', () => {
      const text =
        'Chinese President Xi Jinping met Transportation Secretary Pete Buttigieg and US Secretary of State Antony Blinken.\n\n“We spoke frankly,” the secretary of state said. “It went well,” the president said.';
      assert.deepEqual(names(text, person('Xi Jinping', 'Pete Buttigieg', 'Antony Blinken')), ['Antony Blinken', 'Xi Jinping']);
    });

    it('leaves a role as written where nobody was introduced in it, or where it is vague, plural, a body or someone else’s', () => {
      assert.deepEqual(names('Transportation Secretary Pete Buttigieg spoke.\n\n“We act,” the US Secretary of State said.', person('Pete Buttigieg')), [
        'the US Secretary of State',
      ]);
      assert.deepEqual(names('Pete Buttigieg, the transport secretary, spoke. “We act,” a senior official said.', person('Pete Buttigieg')), ['a senior official']);
      assert.deepEqual(names('President Joe Biden spoke. “We act,” the president’s spokesman said.', person('Joe Biden')), ['the president’s spokesman']);
      assert.deepEqual(names('Foreign Minister Wang Yi spoke. “We act,” the ministry said.', person('Wang Yi')), ['the ministry']);
      const none = speakers('The talks ended.\n\n“We will act,” the minister said.');
      assert.equal(none[0]?.name, 'the minister');
      assert.equal(none[0]?.mention, null);
      assert.ok(none[0]!.confidence! <= 0.6);
    });

    it('reads a headline’s role as the person the article then introduces in it, only before anyone is named', () => {
      const text = 'UN chief warns “global boiling” has arrived\n\nUN Secretary-General Antonio Guterres spoke on Thursday in New York.';
      assert.deepEqual(names(text, person('Antonio Guterres')), ['Antonio Guterres']);
      const later = 'Antonio Guterres spoke.\n\n“We act,” UN officials said. “It is late,” a senior official said.\n\nUN Secretary-General Antonio Guterres left.';
      assert.deepEqual(names(later, person('Antonio Guterres')), ['UN officials', 'a senior official']);
    });

    it('reads a role described by nationality or past office as the person the passage is about, least surely', () => {
      const text = 'Volodymyr Zelensky was not in Paris on Monday. During the day, the Ukrainian president deplored that “we received only 30% of the shells.”';
      const [s] = speakers(text, person('Volodymyr Zelensky'));
      assert.equal(s?.name, 'Volodymyr Zelensky');
      assert.ok(s!.confidence! <= 0.5);
      assert.deepEqual(names('Volodymyr Zelensky was not in Paris.\n\n“We need shells,” the minister said.', person('Volodymyr Zelensky')), ['the minister'], 'a bare role is not an epithet');
    });

    it('keeps “the speaker” a role, never a name or a person introduced as Speaker', () => {
      const [s] = speakers('House Speaker Mike Johnson arrived.\n\n“We are ready,” the speaker said.', person('Mike Johnson'));
      assert.equal(s?.name, 'the speaker');
      assert.equal(s?.mention, null);
      assert.ok(s!.confidence! <= 0.5);
    });
  });

  describe('pronouns', () => {
    it('reads he and she across sentences and paragraphs, with a verb of reassurance', () => {
      assert.deepEqual(
        names('Federal Reserve Chair Jerome Powell chaired the meeting.\n\nHe reassured markets that “the economy is strong.”', person('Jerome Powell')),
        ['Jerome Powell'],
      );
      assert.deepEqual(names('Tiff Macklem spoke. Rates went up.\n\nShe said that “it will pass.”', person('Tiff Macklem')), ['Tiff Macklem']);
    });

    it('takes the person a possessive qualifies for the subject', () => {
      const text = 'Brawner Builders’ executive vice president, Jeffrey Pritzker, confirmed the crew was working. “This was so completely unforeseen,” he said.';
      assert.deepEqual(names(text, person('Brawner Builders', 'Jeffrey Pritzker')), ['Jeffrey Pritzker']);
    });

    it('leaves a pronoun with nobody before it unresolved', () => {
      assert.deepEqual(names('“We will act,” he said.'), [null]);
    });
  });

  describe('reported and passive forms', () => {
    it('reads “was reported to have told”, “is said to have warned”, “had this to say”', () => {
      assert.deepEqual(
        names('Xi Jinping was reported to have told Blinken that “the two countries should be partners, not rivals.”', person('Xi Jinping', 'Blinken')),
        ['Xi Jinping'],
      );
      assert.deepEqual(names('Wang Yi is said to have warned that “there will be consequences.”', person('Wang Yi')), ['Wang Yi']);
      assert.deepEqual(names('Wes Moore had this to say: “We will rebuild this bridge.”', person('Wes Moore')), ['Wes Moore']);
    });

    it('reads “made it clear”, “made clear” and “pointed out”', () => {
      assert.deepEqual(names('Wang Yi made it clear that ‘China will not accept pressure from outside’.', person('Wang Yi')), ['Wang Yi']);
      assert.deepEqual(names('Blinken made clear that “we will act if we must.”', person('Blinken')), ['Blinken']);
      assert.deepEqual(names('Macklem pointed out that “inflation is still too high.”', person('Macklem')), ['Macklem']);
      assert.deepEqual(names('The report made it clear that “the rules were broken.”'), [null], 'a report is not a speaker');
    });

    it('reads a noun for what was said before a colon', () => {
      assert.deepEqual(names('Wang Yi delivered these words to his guest: “Do not cross the red line.”', person('Wang Yi')), ['Wang Yi']);
      assert.deepEqual(names('Tiff Macklem spoke on Friday.\n\nHis message to markets was blunt:\n\n“Rates will stay high.”', person('Tiff Macklem')), ['Tiff Macklem']);
      assert.deepEqual(names('The sign on the bridge read: “Do not stop.”'), [null], 'no speech noun, no speaker');
      assert.deepEqual(names('The foreign minister delivered stern words to his guest: “Do not cross the red line.”'), ['The foreign minister']);
    });
  });

  describe('terms', () => {
    it('gives a term named by the subject of a naming verb that subject', () => {
      const text = 'Mayor Brandon Scott called the collapse “an unthinkable tragedy” on Tuesday.';
      assert.deepEqual(names(text, person('Brandon Scott')), ['Brandon Scott']);
      assert.deepEqual(names('Buttigieg described the bridge as a “cathedral” of American infrastructure.', person('Buttigieg')), ['Buttigieg']);
    });

    it('does not attribute a term to a place, to they, or through "called off"', () => {
      assert.deepEqual(names('China has kept an ambiguous stance, calling for respect for “territorial integrity”.', [['China', 'place']]), [null]);
      assert.deepEqual(names('Beijing called the claims “groundless”.', [['Beijing', 'place']]), [null]);
      assert.deepEqual(names('Officials met. They called it “a farce”.'), [null]);
      assert.deepEqual(names('Jerome Powell called off the “review”.', person('Jerome Powell')), [null]);
      assert.deepEqual(names('Emmanuel Macron calls for a “start” to ensure Russia’s “defeat”', person('Emmanuel Macron')), ['Emmanuel Macron', 'Emmanuel Macron']);
    });
  });

  describe('terms in reported sentences', () => {
    it('gives a term in the object of a reporting verb the verb’s subject, less surely than a statement', () => {
      const [s] = speakers('UN Secretary-General Antonio Guterres warned of an “era of global boiling” on Thursday.', person('Antonio Guterres'));
      assert.equal(s?.name, 'Antonio Guterres');
      assert.ok(s!.confidence! <= 0.6);
      assert.deepEqual(names('Dave Calhoun apologized again ‘for the grief that we have caused’.', person('Dave Calhoun')), ['Dave Calhoun']);
      assert.deepEqual(
        names('“It is clear that we did not have this million,” admitted Emmanuel Macron, referring to a “reckless commitment” by the EU.', person('Emmanuel Macron')),
        ['Emmanuel Macron', 'Emmanuel Macron'],
      );
    });

    it('leaves a capitalised name of a thing, a term far from the verb, and a place’s words alone', () => {
      assert.deepEqual(names('George Kurtz said in an interview on NBC’s “Today” show that it was fixed.', person('George Kurtz')), [null]);
      assert.deepEqual(names('Blinken said on Friday, after a long day of talks in the city, that the “guardrails” held.', person('Blinken')), ['Blinken'], 'a clause is reported');
      assert.deepEqual(names('Blinken spoke on Friday, after talks in the city, of “guardrails”.', person('Blinken')), [null]);
      assert.deepEqual(names('Beijing insists on maintaining a “normal” trade relationship.', [['Beijing', 'place']]), [null]);
    });
  });

  describe('subjects that are not right before the verb', () => {
    it('reads `who` as the person named just before it', () => {
      const text = 'Scientists agree, as Minal Pathak, a renowned scientist, who warned in an interview, "The Earth is very close to the tipping point."';
      assert.deepEqual(names(text, person('Minal Pathak')), ['Minal Pathak']);
    });

    it('looks past a subject it cannot read to the reporting verb governing its clause', () => {
      const text = 'German Chancellor Olaf Scholz said leaders in Paris agreed that “everyone must do more for Ukraine.”';
      assert.deepEqual(names(text, [['Olaf Scholz', 'person'], ['Paris', 'place']]), ['Olaf Scholz']);
    });

    it('takes a spokesperson for someone for the spokesperson', () => {
      const text = 'A spokesperson for British Prime Minister Rishi Sunak said the UK has no plan for a “large-scale deployment” in Ukraine.';
      const [s] = speakers(text, person('Rishi Sunak'));
      assert.notEqual(s?.name, 'Rishi Sunak');
      assert.equal(s?.mention, null);
      assert.deepEqual(names('“We act,” Prime Minister Rishi Sunak said.', person('Rishi Sunak')), ['Rishi Sunak'], 'a title is not a servant');
    });

    it('gives a quote after a colon to the person the sentence opens with', () => {
      assert.deepEqual(names('Josh Hawley Scorches Boeing CEO During Fiery Hearing: ‘You’re PROUD?’', person('Josh Hawley')), ['Josh Hawley']);
      assert.deepEqual(names('The hearing ended with Josh Hawley on the record: ‘You’re PROUD?’', person('Josh Hawley')), [null]);
    });

    it('reads `began` after a quote, and never takes “another” or “someone” for a name', () => {
      assert.deepEqual(names('“Why haven’t you resigned?” Hawley began.', person('Hawley')), ['Hawley']);
      assert.deepEqual(names('“You should be in jail,” Another shouted.'), [null]);
      assert.deepEqual(names('“Shame on you,” someone shouted.'), [null]);
    });
  });

  describe('names', () => {
    it('keeps a name with a middle initial or a title abbreviation one person', () => {
      assert.deepEqual(names('“We will rebuild,” Chair John Q. Smith said.', person('John Q. Smith')), ['John Q. Smith']);
      assert.deepEqual(names('“Divers return at six,” Maryland State Police Col. Roland L. Butler Jr. added.', person('Roland L. Butler Jr.')), [
        'Roland L. Butler Jr.',
      ]);
      assert.deepEqual(names('“We do not believe we will find them,” US Coast Guard Rear Adm. Shannon Gilreath told reporters.', person('Shannon Gilreath')), [
        'Shannon Gilreath',
      ]);
    });

    it('reads a speaker described in an aside between the name and the verb', () => {
      const text = '“It is a terrible tragedy,” Jeffrey Pritzker, executive vice president of Brawner Builders, tells the Baltimore Sun.';
      assert.deepEqual(names(text, person('Jeffrey Pritzker')), ['Jeffrey Pritzker']);
      assert.deepEqual(names('“It is over,” Pritzker, in a statement, said.', person('Pritzker')), ['Pritzker']);
    });
  });

  describe('carried-on remarks', () => {
    it('lets a paragraph of reported speech introduce the quote opening the next paragraph', () => {
      const text = 'Biden said he spoke to the governor after the collapse.\n\n“I told them we will send all the help they need.”';
      const [s] = speakers(text, person('Biden'));
      assert.equal(s?.name, 'Biden');
      assert.equal(s?.via, 'continuation');
      assert.ok(s!.confidence! < 0.7);
    });

    it('carries the speaker of a sentence about a statement into the quote after it', () => {
      const text = 'Antonio Guterres delivered his alarming statement at the UN headquarters on Thursday. “The era of global boiling has arrived.”';
      assert.deepEqual(names(text, person('Antonio Guterres')), ['Antonio Guterres']);
      assert.deepEqual(names('Antonio Guterres flew to New York on Thursday. “The era of global boiling has arrived.”', person('Antonio Guterres')), [null]);
    });

    it('takes the subject of a participle’s sentence, a pronoun before a person named in an object', () => {
      const text = 'Emmanuel Macron spoke.\n\nHe painted a grim picture of Russia under President Vladimir Putin, arguing there had been a "change of posture" in recent months.';
      assert.deepEqual(names(text, person('Emmanuel Macron', 'Vladimir Putin')), ['Emmanuel Macron']);
    });

    it('does not carry the last speaker onto words an unnamed person is said to have said', () => {
      const text = '“I would like to apologize,” Calhoun said. One person replied, “You should be in jail.” “We hear you,” a voice shouted.';
      assert.deepEqual(names(text, person('Calhoun')), ['Calhoun', null, null]);
      assert.deepEqual(names('“I would like to apologize,” Calhoun said. “We are sorry.”', person('Calhoun')), ['Calhoun', 'Calhoun']);
    });

    it('does not carry a speaker from a paragraph that reports nobody', () => {
      assert.deepEqual(names('Biden arrived.\n\nThe bridge collapsed at 1:30 a.m.\n\n“I told them we will help.”', person('Biden')), [null]);
    });
  });

  it('gives every speaker a confidence in [0, 1], surest for an attribution beside the quote', () => {
    const text = 'Antony Blinken visited.\n\n“We will act,” Blinken said. “We mean it.”\n\nHe added: “There is no other way.”';
    const refs = speakers(text, person('Antony Blinken', 'Blinken'));
    assert.deepEqual(refs.map((r) => r?.via), ['after', 'continuation', 'pronoun']);
    for (const r of refs) assert.ok(r && r.confidence! > 0 && r.confidence! <= 1);
    assert.ok(refs[0]!.confidence! > refs[1]!.confidence!);
  });
});
