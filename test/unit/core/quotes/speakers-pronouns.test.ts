import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: he or she after a sentence naming someone only in passing', () => {
  it('keeps the last speaker when the sentence between names a person only as an example in a list', () => {
    const text =
      'Rear Adm. John Mauger said parts of the submersible were found on the sea floor. The debris shows the five passengers died, including OceanGate CEO Stockton Rush.\n\n“The debris is consistent with the loss of the pressure chamber,” he said.';
    assert.deepEqual(names(text, person('John Mauger', 'Stockton Rush')), ['John Mauger']);
  });

  it('still gives the pronoun the person named in passing when nobody spoke before', () => {
    const text = 'Mr Tom Hale was delayed. The works hit five villages, including that of Mr Sam Cole.\n\n“It was chaos,” he said.';
    assert.deepEqual(names(text, person('Tom Hale', 'Sam Cole')), ['Sam Cole']);
  });

  it('gives the pronoun an owner the sentence is about, not the last speaker', () => {
    const text = '“I am proud of every action we have taken,” Dave Calhoun said.\n\nJosh Hawley’s disbelief was palpable. “Every action you’ve taken?” he said.';
    assert.deepEqual(names(text, person('Dave Calhoun', 'Josh Hawley')), ['Dave Calhoun', 'Josh Hawley']);
  });

  it('gives the pronoun the agent of a passive, who the sentence is about', () => {
    const text =
      'Rear Adm. John Mauger said the search had ended. The investigation is led by Capt. Jason Neubauer, who shared his condolences.\n\n“My goal is to prevent a similar occurrence,” he said.';
    assert.deepEqual(names(text, person('John Mauger', 'Jason Neubauer')), ['Jason Neubauer']);
  });

  it('does not skip a speaker of the other gender back to one of the pronoun’s', () => {
    const text = 'Mr Tom Hale said the road was closed. The works were ordered by the council, including Ms Ann Lee.\n\n“We had no choice,” she said.';
    assert.deepEqual(names(text, person('Tom Hale', 'Ann Lee')), ['Ann Lee']);
  });
});

describe('speaker attribution: a pronoun after an owner named in its own sentence', () => {
  it('reads “Francis’ death, she said, “…”” as the woman named before, not the one whose death it is', () => {
    const text = 'Giorgia Meloni visited Francis in hospital.\n\nFrancis’ death, she said, “deeply saddens us, as we are saying goodbye to a great man.”';
    assert.deepEqual(names(text, person('Giorgia Meloni', 'Francis')), ['Giorgia Meloni']);
  });
});

describe('speaker attribution: an office named after another language’s reporting verb', () => {
  const cases: readonly [string, string][] = [
    ['Präsident Yoon Suk Yeol sprach am Dienstag.\n\n„Wir schützen das Land“, sagte der Präsident.', 'Yoon Suk Yeol'],
    ['Präsident Yoon Suk Yeol sprach am Dienstag.\n\n„Wir schützen das Land“, sagte der südkoreanische Präsident während einer Ansprache.', 'Yoon Suk Yeol'],
    ['El presidente Yoon Suk Yeol habló el martes.\n\n«Protegeremos el país», dijo el presidente.', 'Yoon Suk Yeol'],
    ['Le président Yoon Suk Yeol a parlé mardi.\n\n« Nous protégerons le pays », a déclaré le président.', 'Yoon Suk Yeol'],
    ['O presidente Yoon Suk Yeol falou na terça.\n\n“Vamos proteger o país”, disse o presidente.', 'Yoon Suk Yeol'],
  ];
  it('is the person the article named in that office, as “said the president” is', () => {
    for (const [text, who] of cases) assert.deepEqual(names(text, person('Yoon Suk Yeol')), [who], text);
  });

  it('resolves an office whose article looks like an English one (“disse a presidente”)', () => {
    const text = 'A presidente Dilma Rousseff falou na terça.\n\n“Vamos proteger o país”, disse a presidente.';
    assert.deepEqual(names(text, person('Dilma Rousseff')), ['Dilma Rousseff']);
  });

  it('reads the subject after the verb that closes a sentence holding the quote (“…, sagte Präsident X.”)', () => {
    const text = 'Yoon Suk Yeol sprach am Dienstag.\n\nDer Schritt sei notwendig, um das Land vor „kommunistischen Kräften“ zu schützen, sagte Präsident Yoon Suk Yeol.';
    assert.deepEqual(names(text, person('Yoon Suk Yeol')), ['Yoon Suk Yeol']);
  });
});

describe('speaker attribution: another language’s he or she, or its verb with the subject left out', () => {
  it('reads “Il assure que” as he, though English has the verb too', () => {
    const text = 'Luis Rubiales ne démissionne pas.\n\nIl assure que le baiser était « spontané ».';
    assert.deepEqual(names(text, person('Luis Rubiales')), ['Luis Rubiales']);
  });

  it('reads a reporting verb opening its sentence (“Asegura que …”) as its left-out he or she', () => {
    const text = 'El presidente de la federación, Luis Rubiales, no va a dimitir.\n\nAsegura que el beso fue "espontáneo, mutuo y consentido".';
    assert.deepEqual(names(text, person('Luis Rubiales')), ['Luis Rubiales']);
  });

  it('reads the subject after a verb opening its sentence when one follows it (“Asegura la ministra que …”)', () => {
    const text = 'La ministra Irene Montero habló el lunes. Luis Rubiales no va a dimitir.\n\nAsegura la ministra que el beso fue “una agresión inaceptable”.';
    assert.deepEqual(names(text, person('Irene Montero', 'Luis Rubiales')), ['Irene Montero']);
  });

  it('leaves a name that is another language’s pronoun a name before an English verb (“Lei told reporters”)', () => {
    const text = 'Xiaomi founder Lei Jun unveiled the car. Analyst Mary Chen said sales would rise.\n\nLei told reporters that the car was “our best product ever”.';
    assert.match(names(text, person('Lei Jun', 'Mary Chen'))[0] ?? '', /^Lei/);
  });
});
