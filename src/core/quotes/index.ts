import type { Paragraph, QuoteSpan, RawMention, SpeakerRef } from '../types';

/**
 * Finds every quotation in `text` with exact offsets, sorted by start (an outer quote before the
 * quotes nested in it).
 */
export function findQuotes(text: string, paras: readonly Paragraph[]): QuoteSpan[] {
  void text; void paras;
  throw new Error('findQuotes: not implemented yet');
}

/**
 * Attributes each quote to its speaker, as a reader would; `null` where no speaker can be found.
 * `mentions` are the document's entity mentions, sorted by start; the result is parallel to `quotes`.
 */
export function attributeSpeakers(
  text: string,
  paras: readonly Paragraph[],
  quotes: readonly QuoteSpan[],
  mentions: readonly RawMention[],
): (SpeakerRef | null)[] {
  void text; void paras; void quotes; void mentions;
  throw new Error('attributeSpeakers: not implemented yet');
}
