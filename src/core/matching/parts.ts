import { sentenceSpans } from '../text/sentences';
import type { Span } from '../types';
import { contentWords } from './text';

/**
 * Most parts of one quote matched on their own. A quotation of news holds one to four sentences; a
 * longer one is a transcript, cut by other outlets mostly to its opening and to its closing lines
 * (the answer a long reply builds up to): past this, its first parts and its last are kept.
 */
export const MAX_PARTS = 8;
/**
 * Sentences and splice segments of a quote read for its parts, at most: a quote is read up to a few hundred words
 * (`MAX_MATCH_WORDS`), a stray mark opening a paragraph of short lines may hold many more.
 */
const MAX_PIECES = 100;
/** Fewest words a part needs to be matched on its own: shorter ones say too little to be told apart. */
const MIN_PART_WORDS = 3;
/**
 * Content words other than names a part needs to be matched on its own: a part that names only
 * people, places and dates ("On 26 April.", "Beijing on Friday.") says too little, and one of three
 * shares them by chance with other statements of the same story too often: on the benchmark's
 * corpus, parts of three lose more precision than the real coverage's development stories gain.
 */
export const MIN_PART_CONTENT = 4;
/** Content words the rest of a quote needs for its one part long enough to be matched alone to be one. */
const LONE_PART_REST = 2;

/**
 * An outlet's splice of remarks made apart ("…", "...", "[…]", "[...]", "[and]"), or a semicolon
 * between two clauses that each say something.
 */
const SPLICE = /\s*(?:\[\s*(?:…|\.{3}|and|but)\s*\]|…|\.{3}|;)\s*/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const EDGE = /[\s"“”‘’]/;

/**
 * The statements a quote joins, as spans of its text in reading order, when it joins more than one:
 *
 * - its sentences (as the project's sentence splitter finds them, abbreviations and initials kept
 *   whole), a run of short ones taken together ("Climate change is here. It's terrifying. And that's
 *   just the beginning."), as each says too little alone and outlets quote them as one remark;
 * - the segments of a splice, each of at least a few words, and the spliced sentence as a whole too,
 *   as another outlet may quote the whole sentence and a third one segment of it.
 *
 * Each holds a few content words. A quote that is one statement has none.
 */
export function partsOf(text: string): Span[] {
  const parts: Span[] = [];
  let pieces = 0;
  const trimmed = (from: number, to: number): Span | undefined => {
    let s = from;
    let e = to;
    while (s < e && EDGE.test(text[s]!)) s++;
    while (e > s && EDGE.test(text[e - 1]!)) e--;
    return e > s && countWords(text, s, e) >= MIN_PART_WORDS ? { start: s, end: e } : undefined;
  };
  const all = trimmed(0, text.length);
  const add = (span: Span | undefined, content?: number): void => {
    if (span && all && span.start === all.start && span.end === all.end) return;
    if (span && (content ?? contentWords(text.slice(span.start, span.end))) >= MIN_PART_CONTENT) parts.push(span);
  };
  // A run of sentences too short to be matched alone, waiting to make up a part together.
  let shortRun: Span | undefined;
  /** The part such a run made up, while the sentences read since are short too. */
  let grouped: number | undefined;
  for (const sentence of sentenceSpans(text, { start: 0, end: text.length })) {
    pieces++;
    const segments: Span[] = [];
    let at = sentence.start;
    SPLICE.lastIndex = at;
    for (let m = SPLICE.exec(text); m && m.index < sentence.end; m = SPLICE.exec(text)) {
      const s = trimmed(at, m.index);
      if (s) segments.push(s);
      at = m.index + m[0].length;
    }
    const last = trimmed(at, sentence.end);
    if (last) segments.push(last);
    const whole = trimmed(sentence.start, sentence.end);
    if (!whole) continue;
    const wholeContent = contentWords(text.slice(whole.start, whole.end));
    if (segments.length > 1) {
      pieces += segments.length - 1;
      shortRun = undefined;
      grouped = undefined;
      add(whole, wholeContent);
      for (const s of segments) add(s);
    } else if (wholeContent >= MIN_PART_CONTENT) {
      shortRun = undefined;
      grouped = undefined;
      add(whole, wholeContent);
    } else if (grouped !== undefined) {
      // The run made up a part already: the short sentences after it belong with it.
      parts[grouped] = { start: parts[grouped].start, end: whole.end };
    } else {
      shortRun = { start: shortRun?.start ?? whole.start, end: whole.end };
      const before = parts.length;
      add(shortRun);
      if (parts.length > before) grouped = before;
    }
    if (pieces >= MAX_PIECES) break;
  }
  if (parts.length > MAX_PARTS) parts.splice(MAX_PARTS / 2, parts.length - MAX_PARTS);
  // A run of short sentences may have grown into the whole quote.
  if (pieces < 2 || (parts.length === 1 && all && parts[0].start === all.start && parts[0].end === all.end)) return [];
  // A lone part goes on with more of its own ("Thank you." before it says nothing to match).
  if (parts.length === 1) {
    const [p] = parts;
    if (contentWords(text.slice(0, p.start)) + contentWords(text.slice(p.end)) < LONE_PART_REST) return [];
  }
  return parts;
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) n++;
  return n;
}
