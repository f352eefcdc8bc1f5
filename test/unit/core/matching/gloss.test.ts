import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSED, GLOSSES, glossTable } from '../../../../src/core/matching/build-glosses';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import { glossed, languageOf, type Language } from '../../../../src/core/matching/gloss';
import { words } from '../../../../src/core/matching/text';

const lang = (text: string): string | undefined => languageOf(words(text));

describe('the language of a quote, told by its function words', () => {
  it('tells Spanish, Portuguese, French, Italian and German apart', () => {
    assert.equal(lang('No vamos a retroceder y vamos a defender a nuestro país con todas nuestras fuerzas'), 'es');
    assert.equal(lang('Não vamos recuar e vamos defender o nosso país com todas as nossas forças'), 'pt');
    assert.equal(lang('Nous ne reculerons pas et nous défendrons notre pays avec toutes nos forces'), 'fr');
    assert.equal(lang('Non ci tireremo indietro e difenderemo il nostro paese con tutte le nostre forze'), 'it');
    assert.equal(lang('Wir werden nicht zurückweichen und wir werden unser Land mit aller Kraft verteidigen'), 'de');
  });

  it('leaves English alone, even with the words it shares with them, and names and numbers alone', () => {
    assert.equal(lang('We will not back down and we will defend our country with all our strength'), undefined);
    assert.equal(lang('No, I have a plan for a deal with them'), undefined);
    assert.equal(lang('Emmanuel Macron'), undefined);
    assert.equal(lang('2024'), undefined);
  });
});

describe('a quote in another language, read word for word in English', () => {
  it('gives its content words the stems of their English glosses and drops its function words', () => {
    const read = glossed(words('Wir werden unser Land verteidigen'), 'de');
    const land = read.find((w) => w.norm === 'land')!;
    assert.equal(land.name, false, 'a German noun is a word, not a name');
    assert.notEqual(land.stem, 'land', 'glossed as country');
    assert.equal(read.find((w) => w.norm === 'wir')!.stem, '');
  });

  it('keeps names and numbers as they are', () => {
    const read = glossed(words('El presidente Joe Biden habló 20 minutos'), 'es');
    assert.equal(read.find((w) => w.norm === 'biden')!.name, true);
    assert.equal(read.find((w) => w.norm === '20')!.norm, '20');
  });

  it('links a translation to the statement it translates, in either order', () => {
    const english = 'We will not back down and we will defend our country with all our strength';
    for (const foreign of [
      'No vamos a retroceder y vamos a defender a nuestro país con todas nuestras fuerzas',
      'Nous ne reculerons pas et nous défendrons notre pays avec toutes nos forces',
      'Wir werden nicht zurückweichen und wir werden unser Land mit aller Kraft verteidigen',
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
  es: ['no', 'nunca'], pt: ['não', 'nunca'], fr: ['pas', 'jamais'], it: ['non', 'mai'], de: ['nicht', 'nie'],
};

describe('the gloss tables', () => {
  it('are the ones the word lists give (npx tsx src/core/matching/build-glosses.ts makes them again)', () => {
    for (const [code, stemmer] of Object.entries(GLOSSED)) {
      const list = JSON.parse(readFileSync(join(GLOSSES, `${code}.json`), 'utf8')) as { words: Record<string, string> };
      assert.equal(readFileSync(join(GLOSSES, 'tables', `${code}.json`), 'utf8'), glossTable(list.words, stemmer), code);
    }
  });

  it('hold function words apart from the words glossed, and no negation among them', () => {
    const lists = JSON.parse(readFileSync(join(GLOSSES, 'function-words.json'), 'utf8')) as Record<string, string[]>;
    for (const code of Object.keys(GLOSSED)) {
      const list = (JSON.parse(readFileSync(join(GLOSSES, `${code}.json`), 'utf8')) as { words: Record<string, string> }).words;
      assert.ok(lists[code]!.length > 100 && Object.keys(list).length > 1000, code);
      for (const negation of NEGATIONS[code]!) {
        assert.ok(!lists[code]!.includes(negation), `${code}: ${negation} is no function word`);
        // A denial must read as one: the matcher tells "we will resign" from "we will not resign".
        assert.ok(['not', 'never'].includes(glossed(words(negation), code as Language)[0]!.norm), `${code}: ${negation}`);
      }
    }
  });
});
