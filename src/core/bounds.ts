/**
 * Bounds on what one document's analysis keeps. Every stage is linear in its input, but a file made of
 * nothing but quotation marks or names would still hold hundreds of thousands of quotes or mentions,
 * each an object in memory and an entry in the indexes. Real articles hold tens of quotes and a few
 * hundred mentions; a long transcript, a few hundred quotes. Past a bound the document is analysed up
 * to it, and a note says so.
 */
import type { IndexReport } from './matching';
import { isSpaceCode } from './text/chars';
import { formatCount } from './text/plural';

/**
 * Characters of one document analysed, from its start. The analysis holds every token of a document
 * at once (the tagger reads the whole document to type each word), some hundred bytes a character at
 * worst, so a document's memory is bounded only if its length is: a million characters fit the
 * analysis threads' heap (`analyzer-pool.ts`) whatever they hold. A long article is some 50,000
 * characters and a long transcript a few hundred thousand; only files larger than the default size
 * limit (`crosswire.maxFileSizeKB`, 1 MB) are cut.
 */
export const MAX_ANALYSED_CHARS = 1_000_000;
/** How far back from the bound a line break is looked for, then a space: a cut falls between paragraphs, else between words. */
const LINE_SEARCH = 20_000;
const SPACE_SEARCH = 200;

/** Quotes of one document kept, in document order. */
export const MAX_QUOTES_PER_DOCUMENT = 5000;
/** Entity mentions of one document kept, in document order. */
export const MAX_MENTIONS_PER_DOCUMENT = 50_000;

/** The first `max` items, noting in `notes` what was left out. */
export function firstOf<T>(items: readonly T[], max: number, what: string, notes: string[]): readonly T[] {
  if (items.length <= max) return items;
  notes.push(`only the first ${formatCount(max)} of its ${formatCount(items.length)} ${what} are analysed`);
  return items.slice(0, max);
}

/**
 * The part of a document that is analysed: all of it, or its first `MAX_ANALYSED_CHARS` cut at a line
 * break or a space near the bound. A prefix, so offsets in it are offsets in the document. A note
 * says what was left out.
 */
export function analysedPart(text: string, notes: string[]): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  const limit = MAX_ANALYSED_CHARS;
  let end = cutBefore(text, limit, LINE_SEARCH, (c) => c === 0x0a || c === 0x0d);
  if (end < 0) end = cutBefore(text, limit, SPACE_SEARCH, isSpaceCode);
  if (end < 0) {
    end = limit;
    // Never between the two halves of a character written as a surrogate pair.
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  notes.push(`only the first ${formatCount(end)} of its ${formatCount(text.length)} characters are analysed`);
  return text.slice(0, end);
}

/** The last offset within `range` before `limit` where a character `at` accepts stands, or -1. */
function cutBefore(text: string, limit: number, range: number, at: (code: number) => boolean): number {
  for (let i = limit; i > limit - range && i > 0; i--) if (at(text.charCodeAt(i))) return i;
  return -1;
}

/** What the quote index says of a document's quotes, as notes; none for an ordinary article. */
export function indexNotes(report: IndexReport): string[] {
  const notes: string[] = [];
  if (report.clipped > 0) notes.push(`${formatCount(report.clipped)} very long ${report.clipped === 1 ? 'quote is matched on its' : 'quotes are matched on their'} opening words`);
  if (report.chained > 0) notes.push(`a quote repeated ${formatCount(report.chained)} times is linked as one chain of copies`);
  if (report.partnersCapped > 0) notes.push(`${formatCount(report.partnersCapped)} quotes are compared with only some of the longer quotes of the document`);
  return notes;
}
