/**
 * A reader's corrections of the analysis, as kept in `.crosswire/corrections.json`: each names an
 * article by its path relative to the folder and anchors what it corrects by the words themselves,
 * with some context either side and where they were, so that it finds them again after the article
 * is edited, and says so when they are gone.
 */
import type { EntityType } from '../types';

/** Where a correction's words are: the words, context either side, and their offset when made (a hint). */
export interface Anchor {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** UTF-16 offset of the words in the article when the correction was made. */
  readonly start: number;
}

/** A place in an article: the article's path relative to the folder, `/`-separated, and an anchor in it. */
export interface Place {
  readonly article: string;
  readonly anchor: Anchor;
}

/** An entity named by a correction: by its name (or one of its spellings) and type. */
export interface EntityName {
  readonly name: string;
  readonly type: EntityType;
}

export type Correction =
  | { readonly kind: 'set-speaker'; readonly quote: Place; readonly speaker: string }
  | { readonly kind: 'not-a-quote'; readonly quote: Place }
  | { readonly kind: 'not-an-entity'; readonly name: Place }
  | { readonly kind: 'change-type'; readonly name: Place; readonly type: EntityType }
  | { readonly kind: 'mark-as-entity'; readonly name: Place; readonly type: EntityType }
  | { readonly kind: 'merge-entities'; readonly entity: EntityName; readonly into: EntityName }
  | { readonly kind: 'split-from-entity'; readonly name: Place }
  | { readonly kind: 'unlink-quotes'; readonly quotes: readonly [Place, Place] }
  | { readonly kind: 'link-quotes'; readonly quotes: readonly [Place, Place] };

export type CorrectionKind = Correction['kind'];

export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'set-speaker', 'not-a-quote', 'not-an-entity', 'change-type', 'mark-as-entity', 'merge-entities', 'split-from-entity', 'unlink-quotes', 'link-quotes',
];

/** What became of a correction against the current analysis. */
export type CorrectionStatus =
  /** It changed the analysis as it says. */
  | 'applied'
  /** The analysis already says so (the quote is gone, the name has that type): nothing to change. */
  | 'unneeded'
  /** Its words are no longer in the article, or its article is not there: it was not applied anywhere. */
  | 'lost'
  /** Its words are there but the analysis has no quote or name just there (new analysis disagrees with it). */
  | 'conflict';

/** One correction's outcome, for the log, the command line's standard error and the tests. */
export interface CorrectionOutcome {
  /** The correction's place in the file's list. */
  readonly index: number;
  readonly kind: CorrectionKind;
  readonly status: CorrectionStatus;
  readonly message: string;
}

/** A correction whose articles are named by corpus keys (paths or URIs), ready for the corpus. */
export interface BoundCorrection {
  readonly index: number;
  readonly correction: Correction;
  /** The corpus key of each article the correction names, in the order of its places. */
  readonly uris: readonly string[];
}

/** The articles a correction names, in order. */
export function placesOf(c: Correction): readonly Place[] {
  switch (c.kind) {
    case 'set-speaker':
    case 'not-a-quote':
      return [c.quote];
    case 'not-an-entity':
    case 'change-type':
    case 'mark-as-entity':
    case 'split-from-entity':
      return [c.name];
    case 'merge-entities':
      return [];
    case 'unlink-quotes':
    case 'link-quotes':
      return c.quotes;
  }
}

/** Binds each correction's articles to corpus keys with `keyOf` (the folder's path joined with the article's). */
export function bindCorrections(list: readonly { readonly index: number; readonly correction: Correction }[], keyOf: (article: string) => string): BoundCorrection[] {
  return list.map(({ index, correction }) => ({ index, correction, uris: placesOf(correction).map((p) => keyOf(p.article)) }));
}
