/**
 * Quotes in the other languages outlets quote in, read word for word in English: Spanish, Portuguese,
 * French, Italian and German. A quote's language is told by its function words; each content word is
 * then looked up in that language's list of common news vocabulary (`glosses/<code>.json`, by its form,
 * else by its Snowball stem) and compared by the English word's stem and senses, so that "declaramos la
 * ciudad de Damasco libre" meets "we declare the city of Damascus free". Names and numbers are kept as
 * they are, words the list lacks keep their own stem, and the language's function words say nothing.
 * A language's list is loaded, and its stems worked out, when a quote in that language is first read.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { stemOf } from './lexicon';
import { isFunctionWord, type Word } from './text';

/** The languages glossed, by code, with the Snowball stemmer of each. */
const STEMMERS = { es: 'spanish', pt: 'portuguese', fr: 'french', it: 'italian', de: 'german' } as const;
export type Language = keyof typeof STEMMERS;
const LANGUAGES = Object.keys(STEMMERS) as Language[];

/** What is read of one language's table (`build-glosses.ts`) when it is first needed. */
interface Glossary {
  /** English word by form, then by the stem of a form. */
  readonly forms: Readonly<Record<string, string>>;
  readonly stems: Readonly<Record<string, string>>;
  readonly stemmer: Stemmer;
  /** The English word found for each form read so far, null for none: a quote's words recur. */
  readonly found: Map<string, string | null>;
}

/**
 * Each function word of the languages glossed, with a bit for each language it is one of: a small
 * table apart from the word lists, read with the first quote, while a language's table is read only
 * with its first quote.
 */
let functionWords: Map<string, number> | undefined;
const glossaries = new Map<Language, Glossary>();
/** Forms remembered per language at most: a file of made-up words must not grow the memo for ever. */
const MAX_FOUND = 50_000;

function functionTable(): Map<string, number> {
  if (functionWords) return functionWords;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lists = require('./glosses/function-words.json') as Record<Language, readonly string[]>;
  functionWords = new Map();
  LANGUAGES.forEach((l, bit) => {
    for (const w of lists[l]) functionWords!.set(w, (functionWords!.get(w) ?? 0) | (1 << bit));
  });
  return functionWords;
}

function isFunctionOf(word: string, language: Language): boolean {
  return ((functionTable().get(word) ?? 0) & (1 << LANGUAGES.indexOf(language))) !== 0;
}

function load(language: Language): { forms: Record<string, string>; stems: Record<string, string> } {
  // Literal paths, so that the bundler takes the tables along.
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (language) {
    case 'es': return require('./glosses/tables/es.json');
    case 'pt': return require('./glosses/tables/pt.json');
    case 'fr': return require('./glosses/tables/fr.json');
    case 'it': return require('./glosses/tables/it.json');
    case 'de': return require('./glosses/tables/de.json');
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function glossary(language: Language): Glossary {
  let g = glossaries.get(language);
  if (!g) {
    const { forms, stems } = load(language);
    g = { forms, stems, stemmer: newStemmer(STEMMERS[language]), found: new Map() };
    glossaries.set(language, g);
  }
  return g;
}

/** The English word of a form of `language`: by the form itself, else by its stem (`byStem`). */
function englishOf(g: Glossary, form: string, byStem: boolean): string | undefined {
  if (Object.hasOwn(g.forms, form)) return g.forms[form];
  if (!byStem) return undefined;
  let found = g.found.get(form);
  if (found === undefined) {
    found = stemGloss(g, g.stemmer.stem(form)) ?? null;
    if (g.found.size >= MAX_FOUND) g.found.clear();
    g.found.set(form, found);
  }
  return found ?? undefined;
}

/** Function words a quote needs before its language is told from them, and their share of its words. */
const MIN_FUNCTION_WORDS = 2;
const MIN_FUNCTION_SHARE = 0.15;

/**
 * The language of a quote other than English, told by its function words: the language with the most
 * of them, when they are at least a few, a fair share of its words, and more than the English ones.
 * Undefined for English and for anything it cannot tell.
 */
export function languageOf(ws: readonly Word[]): Language | undefined {
  if (ws.length < MIN_FUNCTION_WORDS) return undefined;
  const table = functionTable();
  const counts = [0, 0, 0, 0, 0];
  let english = 0;
  let any = false;
  // Only the words that tell the languages apart count: "a", "no", "i" and "for" are English function
  // words and Spanish, Portuguese or Italian ones too.
  for (const w of ws) {
    const bits = table.get(w.norm);
    if (bits === undefined) {
      if (w.stem === '' && !/^\p{N}/u.test(w.norm)) english++;
      continue;
    }
    if (w.stem === '' || isFunctionWord(w.norm)) continue;
    any = true;
    for (let l = 0; l < counts.length; l++) if (bits & (1 << l)) counts[l]++;
  }
  if (!any) return undefined;
  let best = -1;
  for (let l = 0; l < counts.length; l++) if (best < 0 || counts[l] > counts[best]) best = l;
  const bestCount = counts[best]!;
  if (bestCount < MIN_FUNCTION_WORDS || bestCount < MIN_FUNCTION_SHARE * ws.length || bestCount <= english) return undefined;
  return LANGUAGES[best];
}

/** A short word elided into the next before an apostrophe, and the rest. */
const ELISION = /^(\p{L}{1,5})['’](\p{L}{2,})$/u;

/** English words a gloss of "not" and its kin is read as: the matcher tells a denial by them. */
const NEGATING = new Set(['not', 'never', 'nothing', 'nobody', 'none', 'without', 'neither', 'nor', 'no']);

/**
 * The words of a quote in `language` as the matcher compares them: each content word's stem that of
 * its English gloss, function words without a stem. A negation reads as the English word, so that a
 * denial is told apart in either language; other words keep their own form, which the word diff and
 * the verbatim rules read.
 */
export function glossed(ws: readonly Word[], language: Language): Word[] {
  const g = glossary(language);
  return ws.map((w) => {
    if (isFunctionOf(w.norm, language)) return { ...w, stem: '', name: false };
    if (/^\p{N}/u.test(w.norm)) return w;
    // French and Italian elide an article or a pronoun into the word after it ("l'accord", "dell'Europa").
    const elided = ELISION.exec(w.norm);
    const form = elided && isFunctionOf(elided[1]!, language) ? elided[2]! : w.norm;
    // A name inside a sentence is read as a word only when the list has its very form ("el Gobierno"),
    // or in German, which capitalises its nouns.
    const byStem = !w.name || language === 'de';
    const english = englishOf(g, form, byStem);
    if (english === undefined) return w;
    if (NEGATING.has(english)) return { ...w, norm: english, stem: english === 'no' ? 'not' : stemOf(english), name: false };
    return { ...w, stem: stemOf(english), name: false };
  });
}

/** Letters a stem may lose when looked up, and the fewest it must keep. */
const STEM_SLACK = 3;
const STEM_MIN = 5;

/**
 * The English word of a stem, or of the stem a few letters shorter: Snowball leaves some endings of
 * the future and the conditional on ("défendrons" → "défendron", where "défendre" → "défendr").
 */
function stemGloss(g: Glossary, stem: string): string | undefined {
  if (Object.hasOwn(g.stems, stem)) return g.stems[stem];
  for (let cut = 1; cut <= STEM_SLACK && stem.length - cut >= STEM_MIN; cut++) {
    const shorter = stem.slice(0, stem.length - cut);
    if (Object.hasOwn(g.stems, shorter)) return g.stems[shorter];
  }
  return undefined;
}
