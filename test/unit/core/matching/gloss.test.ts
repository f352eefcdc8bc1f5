import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSES, glossTable } from '../../../../src/core/matching/build-glosses';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import { glossed, languageOf, STEMMERS, type Language } from '../../../../src/core/matching/gloss';
import { stemOf } from '../../../../src/core/matching/lexicon';
import { words } from '../../../../src/core/matching/text';

const lang = (text: string): string | undefined => languageOf(words(text), text);
const gloss = (text: string, language: Language) => glossed(words(text), language, text);

describe('the language of a quote, told by its function words', () => {
  it('tells Spanish, Portuguese, French, Italian and German apart', () => {
    assert.equal(lang('No vamos a retroceder y vamos a defender a nuestro país con todas nuestras fuerzas'), 'es');
    assert.equal(lang('Não vamos recuar e vamos defender o nosso país com todas as nossas forças'), 'pt');
    assert.equal(lang('Nous ne reculerons pas et nous défendrons notre pays avec toutes nos forces'), 'fr');
    assert.equal(lang('Non ci tireremo indietro e difenderemo il nostro paese con tutte le nostre forze'), 'it');
    assert.equal(lang('Wir werden nicht zurückweichen und wir werden unser Land mit aller Kraft verteidigen'), 'de');
    assert.equal(lang('Kami tidak akan mundur dan kami akan membela negara kami dengan segala kekuatan'), 'id');
  });

  it('leaves English alone, even with the words it shares with them, and names and numbers alone', () => {
    assert.equal(lang('We will not back down and we will defend our country with all our strength'), undefined);
    assert.equal(lang('No, I have a plan for a deal with them'), undefined);
    assert.equal(lang('Emmanuel Macron'), undefined);
    assert.equal(lang('2024'), undefined);
    // The other languages' particles before a name, and their function words that are English words.
    assert.equal(lang('We welcome Ursula von der Leyen’s plan'), undefined);
    assert.equal(lang('He was a man of war'), undefined);
    assert.equal(lang('Marine Le Pen and Jean-Marie Le Pen'), undefined);
    assert.equal(lang('Robert De Niro and Guillermo del Toro'), undefined);
    assert.equal(lang('Los Angeles and Las Vegas'), undefined);
  });

  it('tells a short quote by the words its language’s list has, English words aside', () => {
    assert.equal(lang('no voy a dimitir'), 'es');
    assert.equal(lang('Je ne vais pas démissionner'), 'fr');
    assert.equal(lang('It was a de facto ban on the press'), undefined);
    assert.equal(lang('The crisis was a disaster'), undefined);
    assert.equal(lang('de facto'), undefined);
    assert.equal(lang('Es ist Zeit für Großbritannien'), 'de');
  });

  it('reads the articles and pronouns French elides into the next word', () => {
    assert.equal(lang('C’est le cri de victoire d’une nouvelle Inde'), 'fr');
    assert.equal(lang('Espérons qu’il s’agit de la dernière page de la guerre'), 'fr');
  });
});

describe('a quote in another language, read word for word in English', () => {
  it('gives its content words the stems of their English glosses and drops its function words', () => {
    const read = gloss('Wir werden unser Land verteidigen', 'de');
    const land = read.find((w) => w.norm === 'land')!;
    assert.equal(land.name, false, 'a German noun is a word, not a name');
    assert.equal(land.stem, stemOf('country'));
    assert.equal(read.find((w) => w.norm === 'wir')!.stem, '');
  });

  it('keeps a capitalised word beside another as a name, though the list has it as a word', () => {
    for (const [text, language, name] of [
      ['Nous soutenons Pierre Blanc', 'fr', 'blanc'], ['Leímos a Octavio Paz', 'es', 'paz'], ['O primeiro-ministro António Costa falou', 'pt', 'costa'],
      ['Wir danken Helmut Kohl', 'de', 'kohl'],
    ] as const) {
      const w = gloss(text, language).find((x) => x.norm === name)!;
      assert.equal(w.stem, words(text).find((x) => x.norm === name)!.stem, text);
    }
  });

  it('reads the other languages’ denials, and the phrases and words that only look like one', () => {
    const negated = (text: string, language: Language): boolean => gloss(text, language).some((w) => w.norm === 'not' || w.norm === 'nobody' || w.norm === 'never');
    assert.ok(negated('Nous ne céderons plus', 'fr'));
    assert.ok(negated('Personne ne veut la guerre', 'fr'));
    assert.ok(!negated('Il ne reste que deux jours', 'fr'));
    assert.ok(!negated('Sin embargo, vamos a ganar las elecciones', 'es'));
    assert.equal(compareQuotes('However, we are going to win the elections', 'Sin embargo, vamos a ganar las elecciones')?.relation, 'variant');
    assert.equal(compareQuotes('It is not only a crisis but a tragedy for the whole country', 'No solo es una crisis sino una tragedia para todo el país')?.relation, 'variant');
    assert.equal(compareQuotes('Everybody wants war', 'Personne ne veut la guerre'), null);
  });

  it('stems no run of letters longer than any word, whose stemming would take seconds', () => {
    // Unbounded, Snowball's Spanish stemmer takes some 9 s on this run of 240,000 letters.
    const text = `Nosotros dijimos que ${'ación'.repeat(48_000)} es la verdad para el país`;
    const read = words(text);
    assert.equal(languageOf(read, text), 'es');
    const t0 = process.hrtime.bigint();
    glossed(read, 'es', text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 250, `${ms.toFixed(0)} ms`);
  });

  it('reads a word beside a name, or a name of words the list has, as words', () => {
    const read = gloss('Lo dijo la Unión Europea. Gracias, Jenni', 'es');
    assert.equal(read.find((w) => w.norm === 'unión')!.stem, stemOf('union'));
    assert.equal(read.find((w) => w.norm === 'gracias')!.stem, stemOf('thank'));
  });

  it('reads a German compound the list lacks by its head', () => {
    const read = gloss('Der Außenminister sprach vor dem Gerichtsgebäude', 'de');
    assert.equal(read.find((w) => w.norm === 'gerichtsgebäude')!.stem, stemOf('building'));
    assert.equal(read.find((w) => w.norm === 'außenminister')!.stem, stemOf('minister'));
  });

  it('keeps names and numbers as they are', () => {
    const read = gloss('El presidente Joe Biden habló 20 minutos', 'es');
    assert.equal(read.find((w) => w.norm === 'biden')!.name, true);
    assert.equal(read.find((w) => w.norm === '20')!.norm, '20');
  });

  it('links a translation to the statement it translates, in either order', () => {
    const english = 'We will not back down and we will defend our country with all our strength';
    for (const foreign of [
      'No vamos a retroceder y vamos a defender a nuestro país con todas nuestras fuerzas',
      'Nous ne reculerons pas et nous défendrons notre pays avec toutes nos forces',
      'Wir werden nicht zurückweichen und wir werden unser Land mit aller Kraft verteidigen',
      'Kami tidak akan mundur dan kami akan membela negara kami dengan segala kekuatan',
    ]) {
      assert.equal(compareQuotes(english, foreign)?.relation, 'variant', foreign);
      assert.equal(compareQuotes(foreign, english)?.relation, 'variant', foreign);
    }
  });

  it('does not link a translation to another statement on the same subject, nor to its denial', () => {
    assert.equal(compareQuotes('The government announced new economic measures for the families', 'Nunca aceptaremos estas sanciones contra nuestro país'), null);
    assert.equal(compareQuotes('We will resign from the government tomorrow', 'No vamos a dimitir del gobierno mañana'), null);
  });
});

describe('the index and translations', () => {
  const english = 'We will not back down and we will defend our country with all our strength';
  const spanish = 'No vamos a retroceder y vamos a defender a nuestro país con todas nuestras fuerzas';
  const index = (a?: string, b?: string): QuoteIndex => {
    const ix = new QuoteIndex();
    ix.set('en', [{ id: 'en-q0', docId: 'en', text: english, kind: 'statement', ...(a ? { speaker: a } : {}) }]);
    ix.set('es', [{ id: 'es-q0', docId: 'es', text: spanish, kind: 'statement', ...(b ? { speaker: b } : {}) }]);
    return ix;
  };

  it('links a translation to the statement across documents, by one speaker or unknown ones', () => {
    assert.deepEqual(index().linkedIds('en-q0'), ['es-q0']);
    assert.deepEqual(index('sanchez', 'sanchez').linkedIds('es-q0'), ['en-q0']);
  });

  it('does not link a translation to the words of another speaker, read through glosses as it is', () => {
    assert.deepEqual(index('sanchez', 'feijoo').linkedIds('en-q0'), []);
  });
});

/** The words for "not" and "never" of each language glossed. */
const NEGATIONS: Record<string, readonly string[]> = {
  es: ['no', 'nunca'], pt: ['não', 'nunca'], fr: ['pas', 'jamais'], it: ['non', 'mai'], de: ['nicht', 'nie'], id: ['tidak', 'belum'],
};

describe('the gloss tables', () => {
  it('are the ones the word lists give (npx tsx src/core/matching/build-glosses.ts makes them again)', () => {
    for (const [code, stemmer] of Object.entries(STEMMERS)) {
      const list = JSON.parse(readFileSync(join(GLOSSES, `${code}.json`), 'utf8')) as { words: Record<string, string> };
      assert.equal(readFileSync(join(GLOSSES, 'tables', `${code}.json`), 'utf8'), glossTable(list.words, stemmer), code);
    }
  });

  it('hold function words apart from the words glossed, and no negation among them', () => {
    const lists = JSON.parse(readFileSync(join(GLOSSES, 'function-words.json'), 'utf8')) as Record<string, string[]>;
    for (const code of Object.keys(STEMMERS)) {
      const list = (JSON.parse(readFileSync(join(GLOSSES, `${code}.json`), 'utf8')) as { words: Record<string, string> }).words;
      assert.ok(lists[code]!.length > 100 && Object.keys(list).length > 1000, code);
      for (const negation of NEGATIONS[code]!) {
        assert.ok(!lists[code]!.includes(negation), `${code}: ${negation} is no function word`);
        // A denial must read as one: the matcher tells "we will resign" from "we will not resign".
        assert.ok(['not', 'never'].includes(gloss(negation, code as Language)[0]!.norm), `${code}: ${negation}`);
      }
    }
  });
});
