import type { Span } from '../types';
import { isLetter, isSpaceCode, isUpper, isDigit } from './chars';

/*
 * Abbreviations whose full stop does not end a sentence before a capitalised word ("Mr. Wang",
 * "Apr. 26", "Gen. Smith"). Lower-cased, without the dot.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'cmdr', 'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'inc', 'ltd', 'co', 'corp', 'plc', 'dept', 'univ', 'assn', 'bros',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'fig', 'p', 'pp', 'vs', 'v', 'etc', 'approx', 'est', 'ca', 'cf', 'al',
]);

const CLOSERS = '"\'”’»›)]}';
const OPENERS = '"\'“‘„‚«‹([{';

/**
 * Splits `span` of `text` into sentences, trimmed of white space. A sentence ends at `.`, `!`, `?` or
 * `…` (with any closing quotation marks and brackets after it) followed by white space and a capital,
 * a digit or an opening mark. Full stops of abbreviations, initials ("J. Smith") and dotted acronyms
 * ("U.S.") do not end sentences. No sentence ends strictly inside one of the `opaque` spans (sorted,
 * non-overlapping), so a quotation of several sentences stays inside the sentence that reports it.
 */
export function sentenceSpans(text: string, span: Span, opaque: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  let sentenceStart = span.start;
  let o = 0;
  const terminal = /[.!?…]+/g;
  terminal.lastIndex = span.start;
  for (let m = terminal.exec(text); m && m.index < span.end; m = terminal.exec(text)) {
    let end = m.index + m[0].length;
    while (end < span.end && CLOSERS.includes(text[end])) end++;
    if (end >= span.end) break;
    if (!isSpaceCode(text.charCodeAt(end))) continue;
    let next = end;
    while (next < span.end && isSpaceCode(text.charCodeAt(next))) next++;
    if (next >= span.end) break;
    const c = text[next];
    if (!isUpper(c) && !isDigit(c) && !OPENERS.includes(c)) continue;
    if (m[0] === '.' && isAbbreviation(text, m.index, sentenceStart)) continue;
    while (o < opaque.length && opaque[o].end <= end) o++;
    if (o < opaque.length && opaque[o].start < end && end < opaque[o].end) continue;
    pushTrimmed(text, sentenceStart, end, out);
    sentenceStart = next;
    terminal.lastIndex = next;
  }
  pushTrimmed(text, sentenceStart, span.end, out);
  return out;
}

function isAbbreviation(text: string, dot: number, floor: number): boolean {
  let s = dot;
  while (s > floor && (isLetter(text[s - 1]) || text[s - 1] === '.')) s--;
  const word = text.slice(s, dot);
  if (word.length === 0) return false;
  if (word.length === 1 && isUpper(word)) return true;
  if (word.includes('.')) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, from: number, to: number, out: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}
