import { eng as stopwordList } from 'stopword';
import { cacheCounter } from '../cache-stats';
import { americanSpelling, isKnownWord, stemOf } from './lexicon';

/** A word of a quote with the forms the matcher compares. */
export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower case, straight apostrophes, American spelling: equal norms read as the same word. */
  readonly norm: string;
  /** Stem of the word without its clitic, for content comparison; '' for stop words. */
  readonly stem: string;
  /** Capitalised inside a sentence or an acronym: a name, weighed less and never matched by synonym. */
  readonly name: boolean;
}

/** Words that say something is not so ("not", "never", "without"), as the matcher tells a denial. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'nor', 'cannot', 'none', 'neither', 'nobody', 'nothing']);

/**
 * Function words that the `stopword` list leaves out but that say nothing about which statement a
 * quote is: possessive and object pronouns, auxiliaries, and the stray "s" of a split possessive.
 */
const EXTRA_STOPWORDS = ['its', 'us', 'will', 'so', 'just', 'does', 'done', 'having', 'whom', 'whose', 'whether',
  'yet', 'shall', 'ours', 'theirs', 'yours', 'let', 's', 'also', 'already', 'even', 'there'];
const STOPWORDS = new Set([...stopwordList, ...EXTRA_STOPWORDS]);

/** Whether a normalised word is a function word, saying nothing of which statement a quote is. */
export function isFunctionWord(norm: string): boolean {
  return STOPWORDS.has(norm) || /^\p{N}{1,2}$/u.test(norm);
}

/** News writing spells the same country as an acronym with or without dots. */
const ACRONYMS = new Map([['us', 'usa'], ['usa', 'usa'], ['uk', 'uk'], ['eu', 'eu'], ['un', 'un']]);

/** A token: a dotted acronym, or letters and digits with inner apostrophes and hyphens. */
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;
/**
 * Shortest word of a hyphenated compound read on its own. Two longer words joined are a compound
 * outlets also write open or closed ("strip-mining", "once-iconic"); a piece of three letters or
 * fewer is mostly a prefix, a particle or a short modifier that makes one word with the other
 * ("so-called", "de-escalation", "wake-up", "dual-use"), and read alone it matches that short word
 * wherever it stands.
 */
const COMPOUND_PART = 4;

/** A word of a text and where it starts. */
interface Token {
  readonly index: number;
  readonly text: string;
}

/**
 * The words of a text. A hyphenated compound of words is its words, as outlets write the same one with
 * a hyphen, a space or neither ("strip-mining", "strip mining"; "once-iconic", "once iconic"); one
 * with a prefix, a particle or another short piece ("so-called", "wake-up", "dual-use") is one word.
 */
function tokens(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && out.length < limit; m = WORD.exec(text)) {
    const raw = m[0];
    const pieces = raw.includes('-') ? raw.split('-') : undefined;
    if (!pieces || pieces.some((p) => p.length < COMPOUND_PART)) {
      out.push({ index: m.index, text: raw });
      continue;
    }
    let at = m.index;
    for (const p of pieces) {
      out.push({ index: at, text: p });
      at += p.length + 1;
    }
  }
  return out;
}

const CLITIC = /'(s|re|ve|ll|d|m)$/;

/** A word's place and normalised form, all a word diff needs. */
export type WordForm = Pick<Word, 'start' | 'end' | 'norm'>;

/** What a word token says wherever it stands, but for being a name, which depends on its place. */
interface TokenReading {
  readonly norm: string;
  readonly stem: string;
  /** A name inside a sentence. */
  readonly name: boolean;
  /** A name at the start of a sentence, where every word is capitalised. */
  readonly nameAtStart: boolean;
  /**
   * A contraction read as the two words it stands for ("you're": "you are"), so that outlets writing it
   * out or not quote the same words: the first word spans the token up to `at`, the second the rest.
   */
  readonly split?: { readonly at: number; readonly first: TokenReading; readonly second: TokenReading };
}

/** Pronouns whose "'s" is "is" or "has", never a possessive. */
const IS_BEFORE = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'where', 'how']);
/** The word a clitic stands for, after a pronoun ("'d" is "would" or "had": "I'd like to"). */
const CLITIC_WORDS: Record<string, string> = { re: 'are', ve: 'have', ll: 'will', m: 'am', d: 'would' };
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'who', 'what']);
/** Negated auxiliaries whose first part is not spelled as the word ("won't": "will not"). */
const NOT_STEMS: Record<string, string> = { wo: 'will', sha: 'shall' };
/** Spoken forms written as one word, the two words they stand for and where the first one ends. */
const RUN_TOGETHER: Record<string, readonly [string, string, number]> = {
  gonna: ['going', 'to', 3], wanna: ['want', 'to', 3], gotta: ['got', 'to', 3],
};

/**
 * Readings of the tokens seen so far. News text repeats its words, and a reading takes several
 * regular expressions and lexicon lookups; one entry per distinct spelling of a word.
 */
const readings = new Map<string, TokenReading>();
/** Substrings from this length on may share their parent's memory (V8's sliced strings). */
const SLICE_MIN_LENGTH = 13;
/**
 * Distinct spellings remembered at most. Real news uses a few tens of thousands; a file of random
 * tokens would otherwise grow the table for as long as the process lives.
 */
const MAX_READINGS = 200_000;

const readingHits = cacheCounter('word readings (matching)');

function read(raw: string): TokenReading {
  let reading = readings.get(raw);
  if (reading) {
    readingHits.hits++;
    return reading;
  }
  readingHits.misses++;
  const lower = raw.toLowerCase().replace(/[’‘]/g, "'");
  reading = expansion(raw, lower) ?? readWord(raw, lower);
  // A longer token may be a slice that keeps its whole article alive, so it is not kept as a key.
  if (raw.length < SLICE_MIN_LENGTH) {
    if (readings.size >= MAX_READINGS) readings.clear();
    readings.set(raw, reading);
  }
  return reading;
}

/** The two words a contraction stands for, read each on its own; undefined for any other token. */
function expansion(raw: string, lower: string): TokenReading | undefined {
  // "Can't" is the one word written out too ("cannot").
  if (lower === "can't") return read('cannot');
  let words: readonly [string, string, number] | undefined = RUN_TOGETHER[lower];
  const clitic = CLITIC.exec(lower);
  if (!words && clitic) {
    const bare = lower.slice(0, clitic.index);
    const said = clitic[1] === 's' ? (IS_BEFORE.has(bare) ? 'is' : undefined) : PRONOUNS.has(bare) ? CLITIC_WORDS[clitic[1]] : undefined;
    if (said) words = [bare, said, clitic.index];
  }
  if (!words && lower.endsWith("n't") && lower.length > 3) {
    const bare = lower.slice(0, -3);
    words = [NOT_STEMS[bare] ?? bare, 'not', bare.length];
  }
  if (!words) return undefined;
  const [firstWord, secondWord, at] = words;
  // The first word keeps the token's capital, which may make it a name or a sentence's first word.
  const first = read(/^\p{Lu}/u.test(raw) ? firstWord[0].toUpperCase() + firstWord.slice(1) : firstWord);
  const second = read(secondWord);
  return { ...first, split: { at, first, second } };
}

/** A word read as it is written. */
function readWord(raw: string, lower: string): TokenReading {
  let reading: TokenReading;
  const acronym = ACRONYMS.get(lower.replace(/\./g, ''));
  const isAcronym = acronym !== undefined && (raw === raw.toUpperCase() || raw.includes('.'));
  const clitic = CLITIC.exec(lower);
  const bare = clitic ? lower.slice(0, clitic.index) : lower;
  const norm = isAcronym ? acronym : americanSpelling(bare) + (clitic ? clitic[0] : '');
  if (isAcronym) {
    reading = { norm, stem: acronym, name: true, nameAtStart: true };
  } else if (/n't$/.test(bare)) {
    reading = { norm, stem: 'not', name: false, nameAtStart: false };
  } else if (STOPWORDS.has(bare) || /^\p{N}{1,2}$/u.test(bare)) {
    reading = { norm, stem: '', name: false, nameAtStart: false };
  } else {
    const stem = stemOf(americanSpelling(bare));
    const capital = /^\p{Lu}/u.test(raw);
    reading = { norm, stem, name: capital, nameAtStart: capital && !isKnownWord(stem) };
  }
  return reading;
}

/**
 * The start of `text` up to the end of its `max`-th word, or `text` itself when it has no more words;
 * reads no further than the word after that one.
 */
export function leadingWords(text: string, max: number): string {
  // Words are separated, so a text this short cannot hold more than `max` of them.
  if (text.length <= 2 * max) return text;
  let count = 0;
  let end = 0;
  for (const m of tokens(text, max + 1)) {
    if (count === max) return text.slice(0, end);
    count++;
    end = m.index + m.text.length;
  }
  return text;
}

/** Splits a quote into words with their normalised forms only: cheaper than `words` for diffs. */
export function wordForms(text: string): WordForm[] {
  const out: WordForm[] = [];
  for (const m of tokens(text)) {
    const r = read(m.text);
    const end = m.index + m.text.length;
    if (r.split) {
      const at = m.index + r.split.at;
      out.push({ start: m.index, end: at, norm: r.split.first.norm }, { start: at, end, norm: r.split.second.norm });
    } else {
      out.push({ start: m.index, end, norm: r.norm });
    }
  }
  return out;
}

/** How many of a text's words are content words other than names. */
export function contentWords(text: string): number {
  let n = 0;
  for (const w of words(text)) if (w.stem && !w.name) n++;
  return n;
}

/** Splits a quote into words, with offsets into `text`. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const matches = tokens(text);
  const readings = matches.map((m) => read(m.text));
  // In a headline's title case every word is capitalised, so a capital says no more than at the start
  // of a sentence ("You're Going to Die", "Change Begins Now").
  const titleCase = isTitleCase(matches, readings);
  let sentenceStart = true;
  let last = 0;
  matches.forEach((m, i) => {
    const start = m.index;
    const raw = m.text;
    if (!sentenceStart && endsSentence(text, last, start)) sentenceStart = true;
    last = start + raw.length;
    const r = readings[i];
    const atStart = sentenceStart || titleCase;
    if (r.split) {
      const at = start + r.split.at;
      const { first, second } = r.split;
      out.push({ start, end: at, norm: first.norm, stem: first.stem, name: atStart ? first.nameAtStart : first.name });
      out.push({ start: at, end: last, norm: second.norm, stem: second.stem, name: false });
    } else {
      out.push({ start, end: last, norm: r.norm, stem: r.stem, name: atStart ? r.nameAtStart : r.name });
    }
    sentenceStart = false;
  });
  return out;
}

/** Fewest words, and fewest content words, a text needs to be read as written in title case. */
const TITLE_CASE_WORDS = 3;

/**
 * Whether a text is written in title case: every content word capitalised, at least a few of them, and
 * at least one a word of the language (a run of names, "Joe Biden", is not a headline).
 */
function isTitleCase(matches: readonly Token[], readings: readonly TokenReading[]): boolean {
  if (matches.length < TITLE_CASE_WORDS) return false;
  let content = 0;
  let known = false;
  for (let i = 0; i < matches.length; i++) {
    const r = readings[i];
    if (!r.stem) continue;
    if (!/^\p{Lu}/u.test(matches[i].text)) return false;
    content++;
    if (!r.nameAtStart) known = true;
  }
  return known && content >= TITLE_CASE_WORDS - 1;
}

/** Whether the text between two words holds a sentence or clause end mark. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // . ! ? : ;
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) return true;
  }
  return false;
}
