import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: names with a title before them', () => {
  it('reads a short title and a surname as the person of that surname', () => {
    const text = 'Ana Lopez won the vote.\n\nMeanwhile, new PM Lopez said, “Our work starts today.”';
    assert.deepEqual(names(text, [...person('Ana Lopez'), ['PM Lopez', 'organization']]), ['Ana Lopez']);
  });

  it('reads a headline’s country and title before a surname as the person named later', () => {
    const text = 'UK PM Hale says voters delivered ‘a hard verdict’\n\nPrime Minister Tom Hale conceded on Friday.';
    assert.deepEqual(names(text, [['UK PM Hale', 'organization'], ...person('Tom Hale')]), ['Tom Hale']);
  });

  it('names the person without the title when the article gives no fuller name', () => {
    const text = 'Asked about the deal, President Okafor said, “We will sign it.”';
    assert.deepEqual(names(text, [['President Okafor', 'organization']]), ['Okafor']);
  });

  it('keeps an organisation without a person’s title an organisation', () => {
    const text = 'The Ford plant closed. “We are sad,” Ford Motor said.';
    assert.deepEqual(names(text, [['Ford Motor', 'organization']]), ['Ford Motor']);
  });
});

describe('speaker attribution: he or she going on from the quote before', () => {
  it('is whoever spoke that quote, not the name the sentence before opened with', () => {
    const text = 'Mr. Orlov “will go to Minsk,” spokesman Dmitry Peskov announced in the evening. “The case against him will be dropped,” he added.';
    assert.deepEqual(names(text, person('Orlov', 'Dmitry Peskov')), ['Dmitry Peskov', 'Dmitry Peskov']);
  });

  it('is read as any pronoun when a sentence stands between, or the verb is no verb of going on', () => {
    const between = 'Mr. Orlov “will go to Minsk,” spokesman Dmitry Peskov announced. Mr. Orlov agreed at once. “The case against me will be dropped,” he added.';
    assert.equal(names(between, person('Orlov', 'Dmitry Peskov'))[1], 'Orlov');
    const named = 'Asked about Putin’s warning that the West was “playing with fire”, Joe Biden shrugged. “We are not afraid,” he added.';
    assert.deepEqual(names(named, person('Putin', 'Joe Biden')), ['Putin', 'Joe Biden']);
    const women = 'Anna Orlova “will go to Minsk,” spokesman Dmitry Peskov announced in the evening. “The case against me will be dropped,” she added.';
    assert.notEqual(names(women, person('Anna Orlova', 'Dmitry Peskov'))[1], 'Dmitry Peskov');
  });
});

describe('speaker attribution: a quote ending on its own question or exclamation mark', () => {
  it('takes the words after the quote as its attribution, however long their tail', () => {
    const text = 'Peskov spoke on Saturday.\n\n“You will ask what will happen to him personally?” Peskov said in a conference call with reporters Saturday.';
    assert.deepEqual(names(text, person('Peskov')), ['Peskov']);
  });

  it('does not take the sentence after it for its attribution when a colon introduced the quote, or when “that” opens other words', () => {
    const colon = 'Rishi Sunak asked the audience in Derby: “Who else has a plan?” Keir Starmer said on Sunday that Labour did.';
    assert.deepEqual(names(colon, person('Rishi Sunak', 'Keir Starmer')), ['Rishi Sunak']);
    const that = 'Sunak spoke.\n\n“Who else has a plan?” Keir Starmer said on Sunday that Labour did.';
    assert.notEqual(names(that, person('Sunak', 'Keir Starmer'))[0], 'Keir Starmer');
  });

  it('does not read past a full stop of the writer’s own to a verb with a long tail', () => {
    const text = 'Peskov spoke on Saturday.\n\n“The talks are over.” Mila Novak said in a conference call with reporters Saturday that she had no word.';
    assert.notEqual(names(text, person('Peskov', 'Mila Novak'))[0], 'Mila Novak');
  });
});

describe('speaker attribution: the source named by “in the words of”', () => {
  it('gives the quote to the person whose words the sentence says they are, past an aside', () => {
    const text = 'It was, in the words of Lena Park, a former envoy to the region, “a sad day for diplomacy.”';
    assert.deepEqual(names(text, person('Lena Park')), ['Lena Park']);
  });

  it('reads it after the quote as “according to” is read', () => {
    const text = '“The talks are over,” in the words of Omar Said.';
    assert.deepEqual(names(text, person('Omar Said')), ['Omar Said']);
  });
});

describe('speaker attribution: an office standing for the person the article is about', () => {
  it('reads a definite office no title gives anyone as the person the article names most', () => {
    const text =
      'Maria Costa has won the election.\n\nThe Green leader declared that “the work begins now” as Costa thanked her staff.\n\nCosta spoke for ten minutes.';
    assert.deepEqual(names(text, person('Maria Costa', 'Costa')), ['Maria Costa']);
  });

  it('looks forward when the office opens the article', () => {
    const text = '“We will pay for all of it,” the US president said.\n\nAsked about the cost, Biden said: “That is our job.”\n\nBiden left.';
    assert.deepEqual(names(text, person('Biden')), ['Biden', 'Biden']);
  });

  it('is not a person the article gives another office, nor the office of someone it titles so', () => {
    const judged = 'Judge Ray Hill read the verdict.\n\nHill thanked the jury.\n\n“It is over,” the governor said.';
    assert.deepEqual(names(judged, person('Ray Hill', 'Hill')), ['the governor']);
    const other = 'Ana Ruiz met Governor Tom Bell.\n\nRuiz left. Ruiz smiled.\n\n“It is over,” the governor said.';
    assert.deepEqual(names(other, person('Ana Ruiz', 'Ruiz', 'Tom Bell')), ['Tom Bell']);
  });

  it('is the person the article is about even when it names a former holder of the office', () => {
    const text = 'Liz Truss paid tribute on Thursday.\n\nThe Prime Minister said that “our country has grown under her reign”.\n\nTruss left. Former Prime Minister Boris Johnson said it was “our saddest day”.';
    assert.deepEqual(names(text, person('Liz Truss', 'Truss', 'Boris Johnson')), ['Liz Truss', 'Boris Johnson']);
    // A holder of the office now is someone else than the person the article is about.
    const holder = 'Liz Truss paid tribute on Thursday.\n\nThe Prime Minister said that “our country has grown under her reign”.\n\nTruss left. Prime Minister Boris Johnson said it was “our saddest day”.';
    assert.notEqual(names(holder, person('Liz Truss', 'Truss', 'Boris Johnson'))[0], 'Liz Truss');
  });

  it('is not read for roles a central figure is not called by', () => {
    const text = 'Ana Ruiz was questioned.\n\nRuiz left. Ruiz smiled.\n\n“She lied,” the witness said.';
    assert.deepEqual(names(text, person('Ana Ruiz', 'Ruiz')), ['the witness']);
  });
});

describe('speaker attribution: storms with people’s names', () => {
  it('never gives a quote to a storm, which is no “she” either', () => {
    const text =
      'Mayor Rosa Vega spoke as Hurricane Ida neared.\n\nVega said the surge from Ida was severe. Ida’s winds rose. She expects the damage to be “catastrophic.”';
    assert.deepEqual(names(text, person('Rosa Vega', 'Vega', 'Hurricane Ida', 'Ida')), ['Rosa Vega']);
  });

  it('keeps a person who shares a storm’s name where the article gives no storm', () => {
    const text = 'Ida Berg met the board. She expects the vote to be “very close.”';
    assert.deepEqual(names(text, person('Ida Berg')), ['Ida Berg']);
  });
});

describe('speaker attribution: verbs of expectation and belief', () => {
  it('gives a term to the one who expects or believes it', () => {
    const text = 'Tom Reyes believes the plan is “doomed to fail.”';
    assert.deepEqual(names(text, person('Tom Reyes')), ['Tom Reyes']);
  });
});

describe('speaker attribution: a sentence opening with a subordinate clause', () => {
  it('gives the words to the subject of the main clause, not of the clause before its comma', () => {
    const text = 'When Lee tried to answer, Park interrupted, raising his voice and stating, “You are wrong about this.”';
    assert.deepEqual(names(text, person('Lee', 'Park')), ['Park']);
  });

  it('reads a pronoun in the next sentence as that subject too', () => {
    const text = 'When Lee tried to answer, Park interrupted.\n\nHe continued, “You are wrong about this.”';
    assert.deepEqual(names(text, person('Lee', 'Park')), ['Park']);
  });
});

describe('speaker attribution: a clause after the quote opening with a conjunction', () => {
  it('does not give the quote to the subject of a clause reporting something else', () => {
    const text = 'Last year, Ruiz had called Bell “too soft” after Bell suggested a truce.';
    assert.deepEqual(names(text, person('Ruiz', 'Bell')), ['Ruiz']);
  });

  it('still reads a reporting verb right after the quote', () => {
    const text = '“We are ready,” Bell said after the vote.';
    assert.deepEqual(names(text, person('Bell')), ['Bell']);
  });
});

describe('speaker attribution: verbs of scolding and mockery', () => {
  it('gives a term to the one who berates or mocks, not to the one berated', () => {
    assert.deepEqual(names('Okafor berated Lund for “playing games with our lives”.', person('Okafor', 'Lund')), ['Okafor']);
    assert.deepEqual(names('Okafor mocked Lund as a “paper tiger,” and left.', person('Okafor', 'Lund')), ['Okafor']);
  });

  it('leaves a term in a clause of its own to that clause’s speaker', () => {
    assert.deepEqual(names('Okafor mocked Lund, and Ruiz called the plan a “paper tiger.”', person('Okafor', 'Lund', 'Ruiz')), ['Ruiz']);
  });
});

describe('speaker attribution: a spokesperson for a person', () => {
  it('is named as the person’s spokesperson, without the person’s titles', () => {
    const text = 'A spokesperson for British Prime Minister Tom Hale said there was no plan for a “large-scale deployment” yet.';
    assert.deepEqual(names(text, person('Tom Hale')), ['Tom Hale\'s spokesperson']);
  });

  it('keeps a spokesperson for a body as written', () => {
    assert.deepEqual(names('“We are ready,” a spokesman for the ministry said.'), ['a spokesman for the ministry']);
  });
});

describe('speaker attribution: a headline’s speaker run into its verb', () => {
  it('reads the person’s name before a capitalised verb of reporting or naming as the speaker', () => {
    const text = 'Hale Describes His Win: ‘It Was a Long Night’\n\nTom Hale spoke on Friday. Hale thanked his staff.';
    assert.deepEqual(names(text, [['Hale Describes His Win', 'organization'], ...person('Tom Hale', 'Hale')]), ['Tom Hale']);
  });

  it('leaves an organisation named after a person as it is', () => {
    const text = 'Hale Foods Recalls Bread: ‘We Are Sorry’\n\nTom Hale founded the firm. Hale left.';
    assert.deepEqual(names(text, [['Hale Foods Recalls Bread', 'organization'], ...person('Tom Hale', 'Hale')]), ['Hale Foods']);
  });
});

describe('speaker attribution: a comma at the end of the words before a quote', () => {
  it('reads “…, saying, “…”” to its end without looking past the sentence, and gives both quotes their speaker', () => {
    const text = 'Biden also called for a "full accounting" of the factors that led to the collapse, saying, "in my administration, no one is above the law."';
    assert.deepEqual(names(text, person('Biden')), ['Biden', 'Biden']);
  });
});

describe('speaker attribution: a verb of naming with a name for its object', () => {
  it('gives “X called Y “…”” to X, not to the one named, and the words X adds after it too', () => {
    const text = 'In an interview on Sunday, Trump called Biden "the worst president in the history of the country," adding, "There has never been a president who has done such damage."';
    assert.deepEqual(names(text, person('Trump', 'Biden')), ['Trump', 'Trump']);
  });

  it('leaves a place before the quote to the rules that know what it is', () => {
    const text = 'The minister called Paris “a city of light and of reason for us all” on Friday.';
    assert.notEqual(names(text, [['Paris', 'place']])[0], 'Paris');
  });
});

describe('speaker attribution: an attribution closing the sentence, then a clause of time', () => {
  it('gives the quotes before “…, X said after …” to X, however long the clause after', () => {
    const text = 'Joe Biden was "not fit to run" and "is certainly not fit to serve" as president, his Republican rival Donald Trump said after the president said he was dropping out of the race.';
    assert.deepEqual(names(text, person('Joe Biden', 'Donald Trump')), ['Donald Trump', 'Donald Trump']);
  });

  it('still leaves a sentence going on to say more of its own', () => {
    const text = 'The plan was “a good start,” Ana Ruiz said, and the board then voted against the plan in a long and bitter session that lasted all night.';
    assert.deepEqual(names(text, person('Ana Ruiz')), ['Ana Ruiz']);
  });
});

describe('speaker attribution: a statement said to be his, hers or theirs', () => {
  it('reads “his statement read” and “her statement said” as the person the pronoun stands for', () => {
    assert.deepEqual(names('Obama praised Biden on Sunday.\n\n“He is a patriot of the highest order,” his statement read.', person('Obama', 'Biden')), ['Obama']);
    assert.deepEqual(names('Nancy Pelosi spoke first.\n\n“He is a patriot,” her statement said.', person('Nancy Pelosi')), ['Nancy Pelosi']);
  });

  it('reads “their statement read” and “they said” as a couple named together, before a group named later', () => {
    const text = 'Bill and Hillary Clinton were quick to back Harris, as party leaders rushed to endorse her.\n\n“We are honored to join the President,” their statement read.\n\n“We have lived through many ups and downs,” they said.';
    assert.deepEqual(names(text, person('Hillary Clinton', 'Harris')), ['Bill and Hillary Clinton', 'Bill and Hillary Clinton']);
  });

  it('reads a full name and a given name sharing its surname as the couple', () => {
    const text = 'Former President Bill Clinton and Hillary — who ran in 2016 — praised his career.\n\n“We are worried for our country,” they said.';
    assert.deepEqual(names(text, person('Bill Clinton')), ['Bill Clinton and Hillary Clinton']);
  });
});

describe('speaker attribution: names listed as the subject speak together', () => {
  const bodies: [string, 'organization'][] = [['Treasury Department', 'organization'], ['Federal Reserve', 'organization'], ['FDIC', 'organization']];

  it('gives “…,” A, B, and the C said to the three, and two people joined by “and” to both', () => {
    assert.deepEqual(names('“We are acting today,” the Treasury Department, Federal Reserve, and the FDIC said.', bodies), ['Treasury Department, Federal Reserve and FDIC']);
    assert.deepEqual(names('“We are acting today,” Ana Ruiz and Tom Hale told reporters.', person('Ana Ruiz', 'Tom Hale')), ['Ana Ruiz and Tom Hale']);
  });

  it('keeps an aside after a name an aside, not a list', () => {
    assert.deepEqual(names('“We are acting today,” Ana Ruiz, the senator, said.', person('Ana Ruiz')), ['Ana Ruiz']);
  });

  it('gives “the joint statement read” to those the article said made the statement, past a bracketed short name', () => {
    const text = 'Depositors will get their money back, the Treasury Department, Federal Reserve, and the Federal Deposit Insurance Corporation (FDIC) said in a joint statement on Sunday.\n\nThe FDIC also closed Signature Bank.\n\n“We are also announcing an exception for Signature Bank,” the joint statement read.';
    const found = [...bodies, ['Federal Deposit Insurance Corporation', 'organization'], ['Signature Bank', 'organization']] as [string, 'organization'][];
    assert.deepEqual(names(text, found), ['Treasury Department, Federal Reserve and Federal Deposit Insurance Corporation']);
  });
});

describe('speaker attribution: a campaign, and a person’s own staff', () => {
  it('reads “the campaign said” as a body speaking', () => {
    assert.deepEqual(names('The Trump campaign attacked Harris.\n\n“Harris will be even worse,” the campaign said in a statement.', person('Trump', 'Harris')), ['the campaign']);
  });

  it('gives words of “X’s campaign team …, saying” to the team, not to X', () => {
    assert.deepEqual(names('Donald Trump’s campaign team lashed into Harris, saying she would be “even worse” than Biden.', person('Donald Trump', 'Harris', 'Biden')), ['Donald Trump’s campaign team']);
    assert.deepEqual(names('Donald Trump praised his team, saying it was “the best ever” and more.', person('Donald Trump')), ['Donald Trump']);
  });
});

describe('speaker attribution: a quote standing alone after a verb of praise or blame', () => {
  it('gives it to the one who criticised, as the words the criticism was made in', () => {
    assert.deepEqual(names('Trump further criticized Biden’s record on the border. “All those around him knew it.”', person('Trump', 'Biden')), ['Trump']);
  });

  it('leaves it when the sentence before says only that something was criticised', () => {
    assert.deepEqual(names('The plan was criticized by economists. “It will fail.”'), [null]);
  });
});

describe('speaker attribution: an age and what the person is', () => {
  it('leaves “the 24-year-old witness said” a role, as the passage may not have named the witness', () => {
    assert.deepEqual(names('Police Chief John Smith said the driver fled.\n\n“I saw the car hit him and keep going,” the 24-year-old witness said.', person('John Smith')), ['witness']);
  });

  it('reads “the 24-year-old American said”, “the 36-year-old Argentine said” and “the 24-year-old gymnast said” as the person the passage is about', () => {
    for (const epithet of ['the 24-year-old American', 'the 36-year-old Argentine', 'the 24-year-old gymnast']) {
      assert.deepEqual(names(`Simone Biles pulled out of the final.\n\n“I have to focus on my mental health,” ${epithet} said.`, person('Simone Biles')), ['Simone Biles']);
    }
  });
});

describe('speaker attribution: the same constructions in the languages outlets quote in', () => {
  it('reads a reporting verb of Spanish, French, German and Indonesian after the quote, its subject after it', () => {
    assert.deepEqual(names('"Así es como funciona el capitalismo", ha explicado Biden.', person('Biden')), ['Biden']);
    assert.deepEqual(names('« Ce fut le plus grand honneur de ma vie », a déclaré Joe Biden.', person('Joe Biden')), ['Joe Biden']);
    assert.deepEqual(names('»Let that sink in«, schrieb Musk auf Twitter.', person('Musk')), ['Musk']);
    assert.deepEqual(names('»Indien ist auf dem Mond«, verkündete Somanath.', person('Somanath')), ['Somanath']);
    assert.deepEqual(names('Biden sprach am Montag. "Das System ist sicher", so Biden.', person('Biden')), ['Biden']);
    assert.deepEqual(names('Biden sprach. Es müsse vermieden werden, so Biden: "Ich werde den Kongress auffordern."', person('Biden')), ['Biden']);
    assert.deepEqual(names('Trump spoke on Monday. “We lost,” so Trump decided to leave.', person('Trump')), [null]);
    assert.deepEqual(names('The vote was close, so Johnson, the party leader: “We will try again.”', person('Johnson')), [null]);
    assert.deepEqual(names('“Saya tidak tahu,” kata Retno Marsudi.', person('Retno Marsudi')), ['Retno Marsudi']);
  });

  it('reads their perfect after its subject, and the person their words of title lead to', () => {
    assert.deepEqual(names('“Es un día triste”, el presidente Pedro Sánchez ha explicado.', person('Pedro Sánchez')), ['Pedro Sánchez']);
    assert.deepEqual(names('Emmanuel Macron a déclaré : « C’est un jour triste ».', person('Emmanuel Macron')), ['Emmanuel Macron']);
    assert.deepEqual(names('« C’est un jour triste », a déclaré le président Emmanuel Macron.', person('Emmanuel Macron')), ['Emmanuel Macron']);
    assert.deepEqual(names('“Es un día triste”, afirmó el ministro de Exteriores, José Manuel Albares.', [...person('José Manuel Albares'), ['Exteriores', 'organization']]), ['José Manuel Albares']);
    assert.deepEqual(names('Presiden Joko Widodo mengatakan, "Saya sangat sedih."', person('Joko Widodo')), ['Joko Widodo']);
  });

  it('reads their he and she as a pronoun is read', () => {
    const text = 'Ned Segal meldete sich am Freitag.\n\n»Die Arbeit ist noch nicht abgeschlossen«, schrieb er.';
    assert.deepEqual(names(text, person('Ned Segal')), ['Ned Segal']);
    const before = 'Mark Cohen se disse bastante decepcionado. Ele afirmou que seu cliente “mantém a alegação de inocência”.';
    assert.deepEqual(names(before, person('Mark Cohen')), ['Mark Cohen']);
  });

  it('reads French he or she put after the auxiliary, a reflexive verb, and a verb with its subject left out', () => {
    const cast = person('Luis Rubiales', 'Ana Pérez');
    assert.deepEqual(names('Luis Rubiales habló.\n\n« Je vais lutter jusqu’au bout » a-t-il martelé.', cast), ['Luis Rubiales']);
    assert.deepEqual(names('Luis Rubiales habló.\n\n« Je ne vais pas démissionner », a t’il lancé.', cast), ['Luis Rubiales']);
    assert.match(names('Luis Rubiales habló.\n\n"¿Un pico consentido es para sacarme de aquí?", se preguntó Rubiales.', cast)[0] ?? '', /Rubiales$/);
    assert.deepEqual(names('El presidente, Luis Rubiales, no va a dimitir. "Esa es la secuencia de todo", ha señalado.', cast), ['Luis Rubiales']);
  });

  it('keeps the name after another language’s verb when there is one, and reads no English verb as leaving its subject out', () => {
    const cast = person('Luis Rubiales', 'Ana Pérez');
    assert.deepEqual(names('Luis Rubiales habló. "Es falso", dijo Ana Pérez.', cast), ['Ana Pérez']);
    assert.deepEqual(names('Luis Rubiales spoke on Friday. “It is false,” said.', cast), [null]);
    assert.notEqual(names('Luis Rubiales habló. « C’est grave », a déclaré la ministre.', cast)[0], 'Luis Rubiales');
    assert.notEqual(names('Luis Rubiales habló. “É um dia triste”, disse a ministra.', cast)[0], 'Luis Rubiales');
  });

  it('passes over a sentence that names people only after another language’s prepositions, to the subject before it', () => {
    const cast = person('Luis Rubiales', 'Jenni Hermoso', 'Olaf Scholz', 'Ana Pérez');
    const spanish = 'El presidente, Luis Rubiales, no va a dimitir. Asegura que el beso que dio a la futbolista Jenni Hermoso fue consentido.\n\n"Me voy a defender", ha señalado.';
    assert.deepEqual(names(spanish, cast), ['Luis Rubiales']);
    const portuguese = 'Luis Rubiales falou na assembleia. Quanto ao beijo dado a Jenni Hermoso, não houve desejo.\n\n“Foi consentido”, garantiu.';
    assert.deepEqual(names(portuguese, cast), ['Luis Rubiales']);
    const german = 'Ana Pérez sprach am Montag. Sie traf sich mit Olaf Scholz in Berlin.\n\n„Wir handeln“, sagte sie.';
    assert.deepEqual(names(german, cast), ['Ana Pérez']);
  });

  it('keeps the person after an English preposition, and the subject a Portuguese article opens, as the one who speaks', () => {
    const cast = person('Jason Neubauer', 'John Mauger', 'Yolanda Díaz');
    const passive = 'John Mauger spoke first.\n\nThe inquiry is led by Capt. Jason Neubauer, who met the families.\n\n"My goal is to prevent this," he said.';
    assert.deepEqual(names(passive, cast), ['Jason Neubauer']);
    const inverted = 'O governo reagiu. Afirmou a ministra Yolanda Díaz que o caso é grave.\n\n“É inaceitável”, disse.';
    assert.deepEqual(names(inverted, cast), ['Yolanda Díaz']);
    const article = 'Na segunda-feira, John Mauger falou com jornalistas. Depois, a Yolanda Díaz respondeu às críticas.\n\n“Vamos vencer”, disse.';
    assert.deepEqual(names(article, cast), ['Yolanda Díaz']);
    const noComma = 'Na segunda-feira, John Mauger falou com jornalistas. Depois a Yolanda Díaz respondeu às críticas.\n\n“Vamos vencer”, disse.';
    assert.deepEqual(names(noComma, cast), ['Yolanda Díaz']);
    // In English an "a" before a name makes it a modifier of what follows, not who is spoken of.
    const modifier = 'John Mauger arrived in the morning. Later, a Jason Neubauer aide met him at the door.\n\n“We are ready,” he said.';
    assert.deepEqual(names(modifier, cast), ['John Mauger']);
  });

  it('reads a sentence opening with what was said before its verb (“Das sagte X”) as X speaking', () => {
    assert.deepEqual(names('Das sagte Joe Biden am Montag in Washington, "wir werden handeln".', person('Joe Biden')), ['Joe Biden']);
  });
});

describe('speaker attribution: the cases the other languages’ words must leave alone', () => {
  it('keeps a capitalised name that is a pronoun elsewhere (Lei, Han) a name', () => {
    assert.match(names('Xiaomi founder Lei Jun unveiled the car. Analyst Mary Chen said sales would rise.\n\nLei told reporters the car was “our best product ever”.', person('Lei Jun', 'Mary Chen'))[0] ?? '', /^Lei/);
    assert.match(names('Prime Minister Han Duck-soo arrived later.\n\n“We will not back down,” Han told reporters.', person('Han Duck-soo'))[0] ?? '', /^Han/);
  });

  it('does not read an English noun after “a” as a verb reporting the quote next', () => {
    assert.deepEqual(names('Lawyers for Trump sent a reply.\n\n“The case is baseless and should be thrown out.”', person('Trump')), [null]);
  });

  it('does not give a statement asked for to the one who asked, nor words after an attack to the attacker', () => {
    const asked = 'Donald Trump demanded a statement from the FBI.\n\n“The FBI does not comment,” the statement read.';
    assert.deepEqual(names(asked, [...person('Donald Trump'), ['FBI', 'organization']]), ['FBI']);
    const issued = 'Donald Trump issued a statement from Florida on Friday night.\n\n“This is a witch hunt,” the statement read.';
    assert.deepEqual(names(issued, [...person('Donald Trump'), ['Florida', 'place']]), ['Donald Trump']);
    assert.deepEqual(names('Russia attacked Kyiv overnight with dozens of drones. “We heard explosions all night long.”', [['Russia', 'place'], ['Kyiv', 'place']]), [null]);
  });

  it('does not read a clause of time after the verb as ending the report when it goes on with “that”', () => {
    assert.deepEqual(names('Tom Hale spoke to supporters. “We will win this.” Ana Ruiz said as the results came in that her party would fight on.', person('Tom Hale', 'Ana Ruiz')), [null]);
  });

  it('reads a clause of time with a “that” of its own (“after a meeting that ran late”) as ending the report', () => {
    assert.deepEqual(names('“We will win this.” Ana Ruiz said after a meeting that ran late into the night.', person('Ana Ruiz')), ['Ana Ruiz']);
  });

  it('gives the owner of what an opening phrase is about the pronoun after it (“In Trump’s speech …, he said”)', () => {
    const text = 'Joe Biden criticised Donald Trump on Tuesday.\n\nIn Trump’s speech in Ohio later that day, he said, “We are going to win this state.”';
    assert.deepEqual(names(text, person('Joe Biden', 'Donald Trump', 'Trump')), ['Donald Trump']);
  });

  it('gives words standing alone after “slammed” to the one who slammed', () => {
    assert.deepEqual(names('Donald Trump slammed the ruling on Friday. “It is a disgrace to our country.”', person('Donald Trump')), ['Donald Trump']);
  });
});

describe('speaker attribution: a role owned by someone the recogniser did not name', () => {
  it('keeps “Bankman-Freed’s attorney” a role, not the holder of the office “U.S. Attorney”', () => {
    const text = 'U.S. Attorney Damian Williams spoke outside the court.\n\nBut Bankman-Freed’s attorney said he was “disappointed.”';
    assert.deepEqual(names(text, person('Damian Williams')), ['Bankman-Freed’s attorney']);
  });
});

describe('speaker attribution: the language the words were said in', () => {
  it('is never the speaker (“The Prime Minister quoting in Hindi said, “…””)', () => {
    const text = 'Prime Minister Narendra Modi spoke in Johannesburg.\n\nThe Prime minister quoting in Hindi said, “Kabhi kaha jata tha chanda mama bahut door ke hain.”';
    assert.deepEqual(names(text, person('Narendra Modi')), ['Narendra Modi']);
  });
});
