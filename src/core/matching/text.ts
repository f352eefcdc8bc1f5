import { eng as stopwordList } from 'stopword';
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

/**
 * Function words that the `stopword` list leaves out but that say nothing about which statement a
 * quote is: possessive and object pronouns, auxiliaries, and the stray "s" of a split possessive.
 */
const EXTRA_STOPWORDS = ['its', 'us', 'will', 'so', 'just', 'does', 'done', 'having', 'whom', 'whose', 'whether',
  'yet', 'shall', 'ours', 'theirs', 'yours', 'let', 's', 'also', 'already', 'even', 'there'];
const STOPWORDS = new Set([...stopwordList, ...EXTRA_STOPWORDS]);

/** News writing spells the same country as an acronym with or without dots. */
const ACRONYMS = new Map([['us', 'usa'], ['usa', 'usa'], ['uk', 'uk'], ['eu', 'eu'], ['un', 'un']]);

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;
const CLITIC = /'(s|re|ve|ll|d|m)$/;

/** A word's place and normalised form, all a word diff needs. */
export type WordForm = Pick<Word, 'start' | 'end' | 'norm'>;

/** Splits a quote into words with their normalised forms only: cheaper than `words` for diffs. */
export function wordForms(text: string): WordForm[] {
  const out: WordForm[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const lower = raw.toLowerCase().replace(/[’‘]/g, "'");
    const acronym = ACRONYMS.get(lower.replace(/\./g, ''));
    const clitic = CLITIC.exec(lower);
    const bare = clitic ? lower.slice(0, clitic.index) : lower;
    const norm = acronym !== undefined && (raw === raw.toUpperCase() || raw.includes('.'))
      ? acronym
      : americanSpelling(bare) + (clitic ? clitic[0] : '');
    out.push({ start: m.index, end: m.index + raw.length, norm });
  }
  return out;
}

/** Splits a quote into words, with offsets into `text`. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const raw = m[0];
    if (/[.!?:;]/.test(text.slice(last, start))) sentenceStart = true;
    last = start + raw.length;
    const lower = raw.toLowerCase().replace(/[’‘]/g, "'");
    const dotless = lower.replace(/\./g, '');
    const acronym = ACRONYMS.get(dotless);
    const isAcronym = acronym !== undefined && (raw === raw.toUpperCase() || raw.includes('.'));
    const clitic = CLITIC.exec(lower);
    const bare = clitic ? lower.slice(0, clitic.index) : lower;
    const norm = isAcronym ? acronym : americanSpelling(bare) + (clitic ? clitic[0] : '');
    let stem: string;
    let name = false;
    if (isAcronym) {
      stem = acronym;
      name = true;
    } else if (/n't$/.test(bare)) {
      stem = 'not';
    } else if (STOPWORDS.has(bare) || /^\p{N}{1,2}$/u.test(bare)) {
      stem = '';
    } else {
      stem = stemOf(americanSpelling(bare));
      const capital = /^\p{Lu}/u.test(raw);
      name = capital && (!sentenceStart || !isKnownWord(stem));
    }
    out.push({ start, end: start + raw.length, norm, stem, name });
    sentenceStart = false;
  }
  return out;
}
