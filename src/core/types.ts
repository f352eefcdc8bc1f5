/**
 * Data shared by the analysis modules. Every offset is a JavaScript string index (UTF-16 code unit)
 * into the decoded document text, the unit VS Code's `document.positionAt` uses; `end` is exclusive.
 */

export type EntityType = 'person' | 'place' | 'organization';
export type QuoteKind = 'statement' | 'term';
export type LinkRelation = 'identical' | 'fragment' | 'variant';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A paragraph: a line or block of non-blank text, trimmed of surrounding white space. */
export interface Paragraph extends Span {
  readonly index: number;
}

/** A quotation found in one document, before speaker attribution. */
export interface QuoteSpan extends Span {
  /** The quoted words: `text === documentText.slice(start, end)`, quote marks excluded. */
  readonly text: string;
  /** Span including the opening mark and, when there is one, the closing mark. */
  readonly outer: Span;
  readonly kind: QuoteKind;
  /** 0 for a top-level quote, 1 for a quote inside another, and so on. */
  readonly depth: number;
  /** True when the quote had no closing mark and was ended by a paragraph end, or was cut at the longest quote length. */
  readonly unclosed: boolean;
  /** Index of the paragraph where the quote opens. */
  readonly paragraph: number;
}

/** A named-entity mention recognised in one document. */
export interface RawMention extends Span {
  /** `text === documentText.slice(start, end)`: the name only, no title or possessive. */
  readonly text: string;
  readonly type: EntityType;
  /** How sure the recogniser is of the mention, in [0, 1]; absent when it cannot say. */
  readonly confidence?: number;
}

/** Who said a quote, as written in the document. */
export interface SpeakerRef {
  /** The speaker as a reader would name them: a person's name, an organisation or a role. */
  readonly name: string;
  /** Where the attribution names the speaker (a name, a role phrase or a pronoun). */
  readonly span: Span;
  /** Index into the document's mentions of the person or organisation meant, when it is one. */
  readonly mention: number | null;
  /** How the speaker was found, for explanations and tests; `correction` when a reader set it. */
  readonly via: 'after' | 'before' | 'colon' | 'according-to' | 'indirect' | 'pronoun' | 'continuation' | 'correction';
  /** How sure the attribution is, in [0, 1]: near 1 for `…,” X said`, lower for a pronoun, a role or carried-on remarks. */
  readonly confidence?: number;
}

/** A quote of the corpus, as the matcher sees it. */
export interface QuoteRef {
  readonly id: string;
  readonly docId: string;
  readonly text: string;
  readonly kind: QuoteKind;
  /**
   * Who said it, when an explicit attribution names a person: a key that two quotes of one speaker
   * share (see `speakerKey`). Weak resemblances between words of two different people are not links.
   */
  readonly speaker?: string;
}

/** One run of a word-level difference between two quote texts. */
export interface DiffPart {
  /** `common`: in both; `from`: only in the quote the link starts at; `to`: only in the other. */
  readonly op: 'common' | 'from' | 'to';
  readonly text: string;
}

/** Two quotes that report the same words or the same statement. */
export interface QuoteLink {
  readonly from: string;
  readonly to: string;
  /** Similarity in [0, 1]. */
  readonly score: number;
  readonly relation: LinkRelation;
  /** Word diff of the two quotes, or of their matching parts when `part` says which. */
  readonly diff: readonly DiffPart[];
  /**
   * Present when the link was found between parts of the quotes (a sentence of a longer quote, one
   * remark of a spliced one): where each side's matching part lies in its quote's text, offsets
   * relative to `text`; a side that matched whole has none.
   */
  readonly part?: { readonly from?: Span; readonly to?: Span };
  /** True for a link a reader made (a link-quotes correction), not the matcher. */
  readonly corrected?: true;
}

/** A real-world referent gathered from mentions across the corpus. */
export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other spellings seen, canonical name excluded. */
  readonly aliases: readonly string[];
  /** True when a reader's correction merged other entities into it or split names off it. */
  readonly corrected?: true;
}
