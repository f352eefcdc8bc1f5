/**
 * Quotes in the other languages outlets quote in, read word for word in English: Spanish, Portuguese,
 * French, Italian, German and Indonesian. A quote's language is told by its function words; each content word is
 * then looked up in that language's list of common news vocabulary (`glosses/<code>.json`, by its form,
 * else by its Snowball stem) and compared by the English word's stem and senses, so that "declaramos la
 * ciudad de Damasco libre" meets "we declare the city of Damascus free". Names and numbers are kept as
 * they are, words the list lacks keep their own stem, and the language's function words say nothing.
 * A language's table (its forms' stems worked out beforehand by `build-glosses.ts`) is loaded when a
 * quote in that language is first read, or when a short quote may be in it.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { isKnownWord, MAX_STEMMED_LETTERS, stemOf } from './lexicon';
import { isFunctionWord, NEGATIONS, type Word } from './text';

/**
 * The languages glossed, by code, with the Snowball stemmer of each; Indonesian has none, and its list
 * holds the affixed forms themselves ("mengatakan", "dikatakan", "katanya").
 */
export const STEMMERS = { es: 'spanish', pt: 'portuguese', fr: 'french', it: 'italian', de: 'german', id: null } as const;
export type Language = keyof typeof STEMMERS;
const LANGUAGES = Object.keys(STEMMERS) as Language[];

/** What is read of one language's table (`build-glosses.ts`) when it is first needed. */
interface Glossary {
  /** English word by form, then by the stem of a form. */
  readonly forms: Readonly<Record<string, string>>;
  readonly stems: Readonly<Record<string, string>>;
  readonly stemmer: Stemmer | null;
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

/** One language's table as `build-glosses.ts` writes it: the English word of each form, and of each form's stem. */
interface GlossTable {
  readonly forms: Readonly<Record<string, string>>;
  readonly stems: Readonly<Record<string, string>>;
}

function load(language: Language): GlossTable {
  // Literal paths, so that the bundler takes the tables along.
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (language) {
    case 'es': return require('./glosses/tables/es.json');
    case 'pt': return require('./glosses/tables/pt.json');
    case 'fr': return require('./glosses/tables/fr.json');
    case 'it': return require('./glosses/tables/it.json');
    case 'de': return require('./glosses/tables/de.json');
    case 'id': return require('./glosses/tables/id.json');
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function glossary(language: Language): Glossary {
  let g = glossaries.get(language);
  if (!g) {
    const { forms, stems } = load(language);
    const name = STEMMERS[language];
    g = { forms, stems, stemmer: name ? newStemmer(name) : null, found: new Map() };
    glossaries.set(language, g);
  }
  return g;
}

/** The English word of a form of `language`: by the form itself, else by its stem (`byStem`). */
function englishOf(g: Glossary, form: string, byStem: boolean, language: Language): string | undefined {
  if (Object.hasOwn(g.forms, form)) return g.forms[form];
  if (!byStem || !g.stemmer) return undefined;
  let found = g.found.get(form);
  if (found === undefined) {
    found = stemGloss(g, g.stemmer.stem(form), FUTURE[language].test(form)) ?? (language === 'de' ? compoundHead(g, form) : undefined) ?? null;
    if (g.found.size >= MAX_FOUND) g.found.clear();
    g.found.set(form, found);
  }
  return found ?? undefined;
}

/** Letters the head of a German compound keeps at least, and the part before it. */
const HEAD_MIN = 4;
const MODIFIER_MIN = 3;

/**
 * The English word of a German compound the list lacks, by its head, the longest noun it ends with
 * that the list has ("Gerichtsgebäude": building, "Außenministerin": minister): German writes its
 * compounds as one word, and the head says what the thing is.
 */
function compoundHead(g: Glossary, form: string): string | undefined {
  for (let at = MODIFIER_MIN; form.length - at >= HEAD_MIN; at++) {
    const head = form.slice(at);
    if (Object.hasOwn(g.forms, head)) return g.forms[head];
    const stem = g.stemmer!.stem(head);
    if (stem.length >= HEAD_MIN && Object.hasOwn(g.stems, stem)) return g.stems[stem];
  }
  return undefined;
}

/** Function words a quote needs before its language is told from them, and their share of its words. */
const MIN_FUNCTION_WORDS = 2;
const MIN_FUNCTION_SHARE = 0.15;
/** Words a quote needs before the words of a list tell its language ("de facto", "per se" are English). */
const SHORT_QUOTE_WORDS = 3;

/**
 * The language of a quote other than English, told by its function words and, where they are few, by
 * its other words: the language with the most of them, when they are at least a few, a fair share of
 * its words, more than the English ones and more than any other language's. Undefined for English and
 * for anything it cannot tell. `text` is the quote the words were read from, for their capitals.
 */
export function languageOf(ws: readonly Word[], text: string): Language | undefined {
  if (ws.length < MIN_FUNCTION_WORDS) return undefined;
  const table = functionTable();
  const counts = LANGUAGES.map(() => 0);
  let english = 0;
  let any = false;
  ws.forEach((w, i) => {
    // French and Italian elide their articles and pronouns ("c'est", "l'accord", "dell'Europa").
    const elided = elisionOf(w.norm);
    const bits = table.get(w.norm) ?? (elided ? table.get(elided[1]!) : undefined);
    const englishWord = !elided && (w.stem === '' || isFunctionWord(w.norm));
    // "a", "no", "i" and "for" are English function words and Spanish, Portuguese or Italian ones too:
    // half an English one each.
    if (englishWord && !/^\p{N}/u.test(w.norm)) english += bits === undefined ? 1 : 0.5;
    // Only the words that tell the languages apart count for them: not those shared with English, nor
    // "war" and "man", English words and German function words, nor a particle before a name ("von der
    // Leyen", "Le Pen", "Los Angeles"), which is the name's.
    if (bits === undefined || englishWord || ENGLISH_LOOKALIKES.has(w.norm)) return;
    if (capitalised(ws[i + 1], text) && !germanNoun(bits, ws[i + 1]!)) return;
    any = true;
    for (let l = 0; l < counts.length; l++) if (bits & (1 << l)) counts[l]++;
  });
  if (!any) return undefined;
  // A short quote has few function words ("no voy a dimitir"): the languages it has any of count its
  // words their lists have as written, but for words of English too ("crisis", "final").
  if (Math.max(...counts) < MIN_FUNCTION_WORDS + 1 && ws.length >= SHORT_QUOTE_WORDS) {
    LANGUAGES.forEach((l, k) => {
      if (counts[k] === 0) return;
      const { forms } = glossary(l);
      for (const w of ws) if (w.stem !== '' && !isKnownWord(w.stem) && !capitalised(w, text) && Object.hasOwn(forms, w.norm)) counts[k]++;
    });
  }
  const bestCount = Math.max(...counts);
  if (bestCount < MIN_FUNCTION_WORDS || bestCount < MIN_FUNCTION_SHARE * ws.length || bestCount <= english) return undefined;
  const tied = LANGUAGES.filter((_, l) => counts[l] === bestCount);
  return tied.length === 1 ? tied[0] : knowingMost(tied, ws);
}

/**
 * Of languages whose function words a quote has as many of ("vamos … las" is Spanish and Portuguese),
 * the one whose list has the most of its other words as they are written; none when that ties too.
 */
function knowingMost(languages: readonly Language[], ws: readonly Word[]): Language | undefined {
  let best: Language | undefined;
  let bestCount = 0;
  let tie = false;
  for (const l of languages) {
    const { forms } = glossary(l);
    let c = 0;
    for (const w of ws) if (w.stem !== '' && Object.hasOwn(forms, w.norm)) c++;
    if (c > bestCount) [best, bestCount, tie] = [l, c, false];
    else if (c === bestCount) tie = true;
  }
  return tie ? undefined : best;
}

/** Function words of the languages glossed that are everyday English words as well. */
const ENGLISH_LOOKALIKES = new Set([
  'war', 'man', 'die', 'den', 'will', 'also', 'bin', 'hat', 'was', 'son', 'car', 'pour', 'sea', 'con', 'era',
  'come', 'has', 'van', 'tan', 'solo', 'pro', 'state', 'pure', 'sue', 'halt', 'mag', 'ton', 'put', 'falls', 'nun',
  'sang', 'pun', 'dove', 'sob', 'ins', 'per', 'se',
]);

/**
 * Whether a German function word stands before a noun of the German list ("den Tod", "für
 * Großbritannien"): German capitalises its nouns, so such a word is no particle of a name.
 */
function germanNoun(bits: number, next: Word): boolean {
  return (bits & (1 << LANGUAGES.indexOf('de'))) !== 0 && Object.hasOwn(glossary('de').forms, next.norm);
}

/** Whether a word is written with a capital. */
function capitalised(w: Word | undefined, text: string): boolean {
  return w !== undefined && /^\p{Lu}/u.test(text.slice(w.start, w.start + 2));
}

/** A short word elided into the next before an apostrophe, and the rest. */
const ELISION = /^(\p{L}{1,5})['’](\p{L}{2,})$/u;

/** The elided word and the rest of a word with an apostrophe inside ("c'est", "dell'europa"); null for any other. */
function elisionOf(norm: string): RegExpExecArray | null {
  return norm.includes("'") || norm.includes('’') ? ELISION.exec(norm) : null;
}


/** The other languages' "only", which after a negation makes it none ("no solo", "nicht nur", "non seulement"). */
const ONLY = new Set(['solo', 'sólo', 'solamente', 'só', 'apenas', 'somente', 'seulement', 'soltanto', 'nur']);

/**
 * Two-word phrases read before their words: connectives whose first word alone would deny something
 * ("sin embargo", "no entanto": however), read as saying nothing.
 */
const PHRASES: Readonly<Record<Language, ReadonlySet<string>>> = {
  es: new Set(['sin embargo']),
  pt: new Set(['no entanto']),
  fr: new Set<string>(),
  it: new Set<string>(),
  de: new Set<string>(),
  id: new Set<string>(),
};

/**
 * The words of a quote in `language` as the matcher compares them: each content word's stem that of
 * its English gloss, function words without a stem. A negation reads as the English word, so that a
 * denial is told apart in either language; other words keep their own form, which the word diff and
 * the verbatim rules read. Names are kept: a capitalised word beside another the list lacks ("Helmut
 * Kohl", "Octavio Paz") is a name, and so is one inside a sentence the list does not have as it is
 * written, but in German, which capitalises its nouns. `text` is the quote the words were read from.
 */
export function glossed(ws: readonly Word[], language: Language, text: string): Word[] {
  const g = glossary(language);
  return ws.map((w, i) => {
    if (PHRASES[language].has(`${w.norm} ${ws[i + 1]?.norm ?? ''}`) || PHRASES[language].has(`${ws[i - 1]?.norm ?? ''} ${w.norm}`)) return { ...w, stem: '', name: false };
    if (language === 'fr' && frenchNegation(ws, i)) return { ...w, norm: 'not', stem: 'not', name: false };
    if (ONLY.has(w.norm)) return { ...w, norm: 'only', stem: '', name: false };
    if (isFunctionOf(w.norm, language)) return { ...w, stem: '', name: false };
    if (/^\p{N}/u.test(w.norm) || w.norm.length > MAX_STEMMED_LETTERS) return w;
    if (capitalised(w, text) && (nameBeside(g, ws[i - 1], w, text, language) || nameBeside(g, ws[i + 1], w, text, language))) return w;
    // French and Italian elide an article or a pronoun into the word after it ("l'accord", "dell'Europa").
    const elided = elisionOf(w.norm);
    const form = elided && isFunctionOf(elided[1]!, language) ? elided[2]! : w.norm;
    if (form !== w.norm && isFunctionOf(form, language)) return { ...w, stem: '', name: false };
    const english = englishOf(g, form, !w.name || language === 'de', language);
    if (english === undefined) return form === w.norm ? w : { ...w, stem: stemOf(form), name: false };
    // A denial reads as the English word the matcher tells one by.
    if (NEGATIONS.has(english)) return { ...w, norm: english, stem: english === 'no' ? 'not' : stemOf(english), name: false };
    // A gloss that is an English function word ("hacer": do, "tener": have) says as little as it does in English.
    if (isFunctionWord(english)) return { ...w, stem: '', name: false };
    return { ...w, stem: stemOf(english), name: false };
  });
}

/**
 * Whether a word beside the capitalised word `of` makes the two a name ("Helmut Kohl", "Octavio Paz"):
 * capitalised itself, next to it with nothing but a space between, and neither a function word nor a
 * word of the list ("Die Regierung", "Unión Europea", "Gracias, Jenni" are words).
 */
function nameBeside(g: Glossary, w: Word | undefined, of: Word, text: string, language: Language): boolean {
  if (!w || !capitalised(w, text) || isFunctionOf(w.norm, language)) return false;
  const [from, to] = w.start < of.start ? [w.end, of.start] : [of.end, w.start];
  if (!/^[ \u00a0]+$/u.test(text.slice(from, to))) return false;
  return englishOf(g, w.norm, true, language) === undefined;
}

/**
 * French denies with "ne" before the verb ("Nous ne céderons plus", "Personne ne veut la guerre"): the
 * "ne" reads as "not", unless "pas", "jamais" or "rien" after the verb says so already, the "ne … que"
 * right after the verb makes it "only", or it is the "n'" of "n'importe" (any).
 */
function frenchNegation(ws: readonly Word[], i: number): boolean {
  const w = ws[i]!.norm;
  if (w !== 'ne' && !w.startsWith("n'")) return false;
  if (w.startsWith("n'importe")) return false;
  for (let k = i + 1; k < ws.length && k <= i + 3; k++) {
    const next = ws[k]!.norm;
    if (FRENCH_SECOND.has(next)) return false;
    if (k === i + 2 && (next === 'que' || next.startsWith("qu'"))) return false;
  }
  return true;
}

/** The words after the verb that carry a French denial themselves. */
const FRENCH_SECOND = new Set(['pas', 'jamais', 'rien', 'point', 'guère']);

/** Letters a stem may lose when looked up, and the fewest it must keep. */
const STEM_SLACK = 3;
const STEM_MIN = 5;

/**
 * Endings of the future and the conditional, which Snowball leaves on part of ("défendrons" →
 * "défendron", where "défendre" → "défendr"): a form with one is looked up by shorter stems too.
 */
const FUTURE: Readonly<Record<Language, RegExp>> = {
  es: /(?:ré|rás|rá|remos|réis|rán|ría|rías|ríamos|ríais|rían)$/u,
  pt: /(?:rei|rás|rá|remos|reis|rão|ria|rias|ríamos|ríeis|riam)$/u,
  fr: /(?:rai|ras|ra|rons|rez|ront|rais|rait|rions|riez|raient)$/u,
  it: /(?:rò|rai|rà|remo|rete|ranno|rei|resti|rebbe|remmo|reste|rebbero)$/u,
  de: /(?!)/u,
  id: /(?!)/u,
};

/** The English word of a stem, or, for a form of the future or the conditional, of the stem a few letters shorter. */
function stemGloss(g: Glossary, stem: string, future: boolean): string | undefined {
  if (Object.hasOwn(g.stems, stem)) return g.stems[stem];
  if (!future) return undefined;
  for (let cut = 1; cut <= STEM_SLACK && stem.length - cut >= STEM_MIN; cut++) {
    const shorter = stem.slice(0, stem.length - cut);
    if (Object.hasOwn(g.stems, shorter)) return g.stems[shorter];
  }
  return undefined;
}
