/**
 * The quick first pass over an article: its paragraphs, quotations, title and source, without entity
 * recognition (the costly part of `analyzeText`). Cheap enough to run on the caller's thread for a
 * whole folder, so quotes and their links across articles are ready long before entities are; the
 * full analysis then replaces these facts document by document. Nothing here loads the tagger.
 */
import { analysedPart, firstOf, MAX_QUOTES_PER_DOCUMENT } from './bounds';
import type { DocumentFacts } from './corpus';
import { describeDocument } from './documents';
import { findQuotes } from './quotes/find';
import { paragraphs } from './text/paragraphs';
import { asWritten, scopedText } from './text/scope';

/**
 * Longest text whose quick pass runs on the caller's thread. An ordinary article is a few thousand
 * characters and takes a millisecond or two; a text packed with quotation marks takes about a
 * millisecond per thousand characters, so past this its quotes are found in a worker.
 */
export const QUICK_PASS_ON_CALLER_MAX_CHARS = 8000;

/**
 * The facts of a text with its quotes and no entities: no mentions, and no speaker for any quote
 * (speakers are found among the entities). Offsets are those `analyzeText` gives for the same text.
 */
export function quoteFacts(whole: string, fileName: string): DocumentFacts {
  const notes: string[] = [];
  const text = analysedPart(whole, notes);
  const scoped = scopedText(text, fileName);
  const paras = paragraphs(scoped);
  const quotes = asWritten(text, scoped, firstOf(findQuotes(scoped, paras), MAX_QUOTES_PER_DOCUMENT, 'quotes', notes));
  const { title, source, date } = describeDocument(text, paras, fileName);
  return { title, source, ...(date ? { date } : {}), paragraphs: paras, quotes, speakers: quotes.map(() => null), mentions: [], ...(notes.length ? { notes } : {}) };
}
