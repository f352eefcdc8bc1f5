import { sentenceSpans } from '../text/sentences';
import type { Span } from '../types';

/**
 * Most parts of one quote matched on their own. A quotation of news holds one to four sentences; a
 * longer one is a transcript, whose later sentences are seldom quoted alone elsewhere.
 */
export const MAX_PARTS = 8;
/** Fewest words a part needs to be matched on its own: shorter ones say too little to be told apart. */
const MIN_PART_WORDS = 3;

/**
 * An outlet's splice of remarks made apart ("…", "...", "[…]", "[...]", "[and]"), or a semicolon
 * between two clauses that each say something.
 */
const SPLICE = /\s*(?:\[\s*(?:…|\.{3}|and|but)\s*\]|…|\.{3}|;)\s*/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const EDGE = /[\s"“”‘’]/;

/**
 * The statements a quote joins, as spans of its text, when it joins more than one: its sentences (as
 * the project's sentence splitter finds them, abbreviations and initials kept whole) and the segments
 * of a splice, each of at least a few words. A quote that is one statement has none.
 */
export function partsOf(text: string): Span[] {
  const parts: Span[] = [];
  const add = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && EDGE.test(text[s]!)) s++;
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    if (parts.length < MAX_PARTS && e > s && countWords(text, s, e) >= MIN_PART_WORDS) parts.push({ start: s, end: e });
  };
  for (const sentence of sentenceSpans(text, { start: 0, end: text.length })) {
    let at = sentence.start;
    SPLICE.lastIndex = at;
    for (let m = SPLICE.exec(text); m && m.index < sentence.end; m = SPLICE.exec(text)) {
      add(at, m.index);
      at = m.index + m[0].length;
    }
    add(at, sentence.end);
    if (parts.length === MAX_PARTS) break;
  }
  return parts.length > 1 ? parts : [];
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) n++;
  return n;
}
