/**
 * The analysis of one document on its own, before it meets the rest of the corpus: its paragraphs,
 * names, quotes, speakers and headline. This is the expensive part, and the part that runs in the
 * analysis threads; `Corpus.setFacts` does the corpus-wide rest.
 */
import { analysedPart, firstOf, MAX_MENTIONS_PER_DOCUMENT, MAX_QUOTES_PER_DOCUMENT } from './bounds';
import { describeDocument } from './documents';
import { recognize } from './entities';
import { attributeSpeakers, findQuotes } from './quotes';
import { paragraphs } from './text/paragraphs';
import { asWritten, scopedText } from './text/scope';
import type { Paragraph, QuoteSpan, RawMention, SpeakerRef } from './types';

/**
 * What analysing one document's text yields, before it meets the rest of the corpus. Plain data, so it
 * can be computed in a worker thread and kept in a cache keyed by the text's hash.
 */
export interface DocumentFacts {
  readonly title: string;
  readonly source: string | null;
  readonly date?: string;
  readonly paragraphs: readonly Paragraph[];
  readonly quotes: readonly QuoteSpan[];
  readonly speakers: readonly (SpeakerRef | null)[];
  readonly mentions: readonly RawMention[];
  /** What the analysis left out of an unusual document (see `./bounds`), for the log; absent when nothing. */
  readonly notes?: readonly string[];
}

/**
 * Analyses one document on its own: the expensive, corpus-independent part of `Corpus.set`. Only the
 * article's prose is read (`scopedText`): no quote or name is looked for in code, markup or addresses.
 */
export function analyzeText(whole: string, fileName: string): DocumentFacts {
  const notes: string[] = [];
  const text = analysedPart(whole, notes);
  const scoped = scopedText(text, fileName);
  const paras = paragraphs(scoped);
  const mentions = asWritten(text, scoped, firstOf(recognize(scoped, paras), MAX_MENTIONS_PER_DOCUMENT, 'names', notes));
  const quotes = asWritten(text, scoped, firstOf(findQuotes(scoped, paras), MAX_QUOTES_PER_DOCUMENT, 'quotes', notes));
  const speakers = attributeSpeakers(scoped, paras, quotes, mentions);
  const { title, source, date } = describeDocument(text, paras, fileName);
  return { title, source, ...(date ? { date } : {}), paragraphs: paras, quotes, speakers, mentions, ...(notes.length ? { notes } : {}) };
}
