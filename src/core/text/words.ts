import type { Span } from '../types';

/** A word or a punctuation sign of the text, with its offsets. */
export interface Token extends Span {
  readonly text: string;
  /** `word`: letters and digits (with inner apostrophes, hyphens and dots); `punct`: any other sign. */
  readonly kind: 'word' | 'punct';
}

/*
 * A word keeps inner apostrophes, hyphens and dots ("China’s", "int’l", "Biden-Xi", "U.S") so that
 * possessives and abbreviations stay one token; every other visible character is a token of its own.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits `text.slice(from, to)` into words and punctuation signs, with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const isWord = /[\p{L}\p{M}\p{N}]/u.test(t[0]);
    out.push({ start: from + m.index, end: from + m.index + t.length, text: t, kind: isWord ? 'word' : 'punct' });
  }
  return out;
}

/** The words of a string, lower-cased, for comparisons that ignore case and punctuation. */
export function wordsOf(s: string): string[] {
  return tokenize(s).filter((t) => t.kind === 'word').map((t) => t.text.toLowerCase());
}
