/**
 * Quotes in the other languages outlets quote in, read word for word in English: Spanish, Portuguese,
 * French, Italian and German. A quote's language is told by its function words; each content word is
 * then looked up in that language's list of common news vocabulary (`glosses/<code>.json`, by its form,
 * else by its Snowball stem) and compared by the English word's stem and senses, so that "declaramos la
 * ciudad de Damasco libre" meets "we declare the city of Damascus free". Names and numbers are kept as
 * they are, words the list lacks keep their own stem, and the language's function words say nothing.
 * The lists are loaded, and their stems worked out, when a quote in that language is first read.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { stemOf } from './lexicon';
import { isFunctionWord, type Word } from './text';

/** The languages glossed, by code, with the Snowball stemmer of each. */
const STEMMERS = { es: 'spanish', pt: 'portuguese', fr: 'french', it: 'italian', de: 'german' } as const;
export type Language = keyof typeof STEMMERS;
const LANGUAGES = Object.keys(STEMMERS) as Language[];

interface GlossFile {
  readonly function: readonly string[];
  readonly words: Readonly<Record<string, string>>;
}

/** What is worked out of one language's list when it is first needed. */
interface Glossary {
  readonly functionWords: ReadonlySet<string>;
  /** English word by form, then by the stem of a form. */
  readonly byForm: ReadonlyMap<string, string>;
  readonly byStem: ReadonlyMap<string, string>;
  readonly stemmer: Stemmer;
}

/** Each language's function words, for telling languages apart; read with the lists themselves. */
let functionSets: Map<Language, ReadonlySet<string>> | undefined;
const glossaries = new Map<Language, Glossary>();

function load(language: Language): GlossFile {
  // Literal paths, so that the bundler takes the lists along.
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (language) {
    case 'es': return require('./glosses/es.json') as GlossFile;
    case 'pt': return require('./glosses/pt.json') as GlossFile;
    case 'fr': return require('./glosses/fr.json') as GlossFile;
    case 'it': return require('./glosses/it.json') as GlossFile;
    case 'de': return require('./glosses/de.json') as GlossFile;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function functionWordsOf(): Map<Language, ReadonlySet<string>> {
  functionSets ??= new Map(LANGUAGES.map((l) => [l, new Set(load(l).function.map((w) => w.toLowerCase()))]));
  return functionSets;
}

function glossary(language: Language): Glossary {
  let g = glossaries.get(language);
  if (g) return g;
  const file = load(language);
  const stemmer = newStemmer(STEMMERS[language]);
  const byForm = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const [form, english] of Object.entries(file.words)) {
    const key = form.toLowerCase();
    const first = english.split('|')[0]!.trim().toLowerCase();
    if (!first || /\s/.test(key)) continue;
    byForm.set(key, first);
    const s = stemmer.stem(key);
    // The dictionary form comes first in the list, before the inflections that share its stem.
    if (!byStem.has(s)) byStem.set(s, first);
  }
  g = { functionWords: functionWordsOf().get(language)!, byForm, byStem, stemmer };
  glossaries.set(language, g);
  return g;
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
  const sets = functionWordsOf();
  let best: Language | undefined;
  let bestCount = 0;
  let english = 0;
  const counts = new Map<Language, number>();
  // Only the words that tell the languages apart count: "a", "no", "i" and "for" are English function
  // words and Spanish, Portuguese or Italian ones too.
  for (const w of ws) {
    if (/^\p{N}/u.test(w.norm)) continue;
    if (isFunctionWord(w.norm) || w.stem === '') {
      if (!LANGUAGES.some((l) => sets.get(l)!.has(w.norm))) english++;
      continue;
    }
    for (const l of LANGUAGES) if (sets.get(l)!.has(w.norm)) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  for (const l of LANGUAGES) {
    const c = counts.get(l) ?? 0;
    if (c > bestCount) {
      best = l;
      bestCount = c;
    }
  }
  if (!best || bestCount < MIN_FUNCTION_WORDS || bestCount < MIN_FUNCTION_SHARE * ws.length || bestCount <= english) return undefined;
  return best;
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
    if (g.functionWords.has(w.norm)) return { ...w, stem: '', name: false };
    if (/^\p{N}/u.test(w.norm)) return w;
    // French and Italian elide an article or a pronoun into the word after it ("l'accord", "dell'Europa").
    const elided = ELISION.exec(w.norm);
    const form = elided && g.functionWords.has(elided[1]!) ? elided[2]! : w.norm;
    // A name inside a sentence is read as a word only when the list has its very form ("el Gobierno"),
    // or in German, which capitalises its nouns.
    const byStem = !w.name || language === 'de';
    const english = g.byForm.get(form) ?? (byStem ? byStemOf(g, g.stemmer.stem(form)) : undefined);
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
function byStemOf(g: Glossary, stem: string): string | undefined {
  const found = g.byStem.get(stem);
  if (found !== undefined) return found;
  for (let cut = 1; cut <= STEM_SLACK && stem.length - cut >= STEM_MIN; cut++) {
    const shorter = g.byStem.get(stem.slice(0, stem.length - cut));
    if (shorter !== undefined) return shorter;
  }
  return undefined;
}
