import type { QuoteLink, QuoteRef } from '../types';

/**
 * The cross-source quote index: finds, for every quote, the quotes that report the same words or the
 * same statement. Indexed, so adding a document costs work proportional to its quotes and their
 * candidates, not to the corpus size.
 */
export class QuoteIndex {
  /** Adds or replaces all quotes of one document. */
  set(docId: string, quotes: readonly QuoteRef[]): void {
    void docId; void quotes;
    throw new Error('QuoteIndex.set: not implemented yet');
  }
  remove(docId: string): void {
    void docId;
    throw new Error('QuoteIndex.remove: not implemented yet');
  }
  /** Links of one quote, best first; each link's `from` is `quoteId`. */
  linksOf(quoteId: string): QuoteLink[] {
    void quoteId;
    throw new Error('QuoteIndex.linksOf: not implemented yet');
  }
  /** Every link once (from the quote that sorts first by id), for reports. */
  links(): QuoteLink[] {
    throw new Error('QuoteIndex.links: not implemented yet');
  }
}
