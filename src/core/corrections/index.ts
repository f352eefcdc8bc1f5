/**
 * The reader's corrections of the analysis: their file (`file`), how they find their words again
 * (`anchor`), how they are applied to one document (`apply`) and across the corpus (`overlay`, used by
 * `Corpus.setCorrections`), and how the editor makes them (`correctionAt` and friends below).
 */
import type { EntityType, Span } from '../types';
import { anchorOf } from './anchor';
import type { Correction, EntityName, Place } from './types';

export { anchorOf, locate } from './anchor';
export { CORRECTIONS_PATH, EMPTY_CORRECTIONS, MAX_CORRECTIONS_BYTES, parseCorrections, serializeCorrections, type CorrectionsFile } from './file';
export { bindCorrections, CORRECTION_KINDS, placesOf } from './types';
export type { Anchor, BoundCorrection, Correction, CorrectionKind, CorrectionOutcome, CorrectionStatus, EntityName, Place } from './types';

/** A place in an article for a correction: the article's relative path and the words at `span`. */
export function placeOf(article: string, text: string, span: Span): Place {
  return { article, anchor: anchorOf(text, span) };
}

/** What a user reads for each kind of correction, in menus and the log. */
export const CORRECTION_TITLES: Readonly<Record<Correction['kind'], string>> = {
  'set-speaker': 'Set Speaker',
  'not-a-quote': 'Not a Quote',
  'not-an-entity': 'Not an Entity',
  'change-type': 'Change Type',
  'mark-as-entity': 'Mark as Entity',
  'merge-entities': 'Merge Entities',
  'split-from-entity': 'Split from Entity',
  'unlink-quotes': 'Unlink These Quotes',
  'link-quotes': 'Link to Quote',
};

/** One line describing a correction, for an undo message or the log. */
export function describeCorrection(c: Correction): string {
  const words = (p: Place): string => `“${shortWords(p.anchor.exact)}”`;
  switch (c.kind) {
    case 'set-speaker':
      return `${c.speaker} said ${words(c.quote)}`;
    case 'not-a-quote':
      return `${words(c.quote)} is not a quote`;
    case 'not-an-entity':
      return `${words(c.name)} is not a name`;
    case 'change-type':
    case 'mark-as-entity':
      return `${words(c.name)} is a ${typeName(c.type)}`;
    case 'merge-entities':
      return `${c.entity.name} is ${c.into.name}`;
    case 'split-from-entity':
      return `${words(c.name)} is split from its entity`;
    case 'unlink-quotes':
      return `${words(c.quotes[0])} and ${words(c.quotes[1])} are not versions of each other`;
    case 'link-quotes':
      return `${words(c.quotes[0])} and ${words(c.quotes[1])} are versions of each other`;
  }
}

export function typeName(t: EntityType): string {
  return t === 'organization' ? 'organisation' : t;
}

export function entityName(e: { readonly name: string; readonly type: EntityType }): EntityName {
  return { name: e.name, type: e.type };
}

function shortWords(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 50 ? `${one.slice(0, 49)}…` : one;
}
