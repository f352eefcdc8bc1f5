/**
 * What the word lists say about tokens, as evidence for the tagger: the word classes taken from
 * compromise's lexicon (`model/word-classes.json`) and the phrases of the country, region, state,
 * city, outlet and demonym lists (`gazetteer.ts`), matched over token sequences. Both are loaded on
 * first use.
 */
import { listEntries, normalize, type ListKind } from './gazetteer';
import { tokenize, type Token } from './tokens';

/** One-letter codes of the word classes kept from compromise's lexicon. */
export const CLASS_CODES = {
  first: 'f', last: 'l', person: 'p', place: 'g', org: 'o', team: 't', demonym: 'd', honorific: 'h', role: 'r',
  date: 'm', adj: 'a', adv: 'b', verb: 'v', function: 'c', noun: 'n', number: 'q', abbr: 'x', proper: 'P',
  expression: 'e',
} as const;

let classes: Record<string, string> | undefined;

/** compromise's word classes of a lower-cased word, as a string of codes ("" when unknown). */
export function wordClasses(lower: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  classes ??= require('./model/word-classes.json') as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(classes, lower) ? classes[lower] : '';
}

const KINDS: readonly ListKind[] = ['country', 'region', 'state', 'city', 'outlet', 'demonym', 'body'];

interface Phrases {
  /** Normalised token sequence, joined by spaces → bit set of the lists that hold it. */
  readonly whole: Map<string, number>;
  /** Every proper prefix of a phrase, in whole tokens. */
  readonly prefixes: Set<string>;
}

let phrases: Phrases | undefined;

function loadPhrases(): Phrases {
  if (phrases) return phrases;
  const whole = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const [phrase, kind] of listEntries()) {
    const toks = tokenize(phrase, 0, phrase.length).map((t) => t.text);
    if (!toks.length || toks.length > 6) continue;
    const key = toks.join(' ');
    whole.set(key, (whole.get(key) ?? 0) | (1 << KINDS.indexOf(kind)));
    for (let i = 1; i < toks.length; i++) prefixes.add(toks.slice(0, i).join(' '));
  }
  phrases = { whole, prefixes };
  return phrases;
}

/** A list match over tokens: where it starts and ends (exclusive) and which lists hold it. */
export interface ListMatch {
  readonly start: number;
  readonly end: number;
  readonly kinds: number;
}

/** The list kind named by bit `i` of a match's `kinds`. */
export function listKind(i: number): ListKind {
  return KINDS[i];
}

export const LIST_KIND_COUNT = KINDS.length;

/**
 * Longest list matches over a sentence's tokens, left to right, not overlapping. Matches start only at
 * a capitalised token, so lower-case common words that are also city names ("reading") do not count.
 */
export function listMatches(tokens: readonly Token[], lowers: readonly string[]): ListMatch[] {
  const { whole, prefixes } = loadPhrases();
  const out: ListMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && !(c > 127 && tokens[i].text[0] !== tokens[i].text[0].toLowerCase())) continue;
    let key = lowers[i];
    let best = -1;
    let bestKinds = 0;
    for (let j = i; j < tokens.length; j++) {
      if (j > i) key += ' ' + lowers[j];
      const k = whole.get(key);
      if (k !== undefined) { best = j; bestKinds = k; }
      if (!prefixes.has(key)) break;
    }
    if (best >= 0) {
      out.push({ start: i, end: best + 1, kinds: bestKinds });
      i = best;
    }
  }
  return out;
}

/** The lower-cased, apostrophe-straightened form of a token's text, as the lists are keyed. */
export function lowerOf(text: string): string {
  return normalize(text);
}
