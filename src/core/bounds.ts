/**
 * Bounds on what one document's analysis keeps. Every stage is linear in its input, but a file made of
 * nothing but quotation marks or names would still hold hundreds of thousands of quotes or mentions,
 * each an object in memory and an entry in the indexes. Real articles hold tens of quotes and a few
 * hundred mentions; a long transcript, a few hundred quotes. Past a bound the document is analysed up
 * to it, and a note says so.
 */
import type { IndexReport } from './matching';
import { formatCount } from './text/plural';

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

/** What the quote index says of a document's quotes, as notes; none for an ordinary article. */
export function indexNotes(report: IndexReport): string[] {
  const notes: string[] = [];
  if (report.clipped > 0) notes.push(`${formatCount(report.clipped)} very long ${report.clipped === 1 ? 'quote is' : 'quotes are'} matched on their opening words`);
  if (report.chained > 0) notes.push(`a quote repeated ${formatCount(report.chained)} times is linked as one chain of copies`);
  if (report.partnersCapped > 0) notes.push(`${formatCount(report.partnersCapped)} quotes are compared with only some of the longer quotes of the document`);
  return notes;
}
