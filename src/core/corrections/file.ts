/**
 * The corrections file, `.crosswire/corrections.json` in the folder of articles: a JSON object with a
 * `corrections` list, one object per correction, newest last, written with one key a line so that a
 * change shows in a diff as the lines of the corrections it adds or removes. It is shared through git
 * and so read as untrusted: an entry that is not a well-formed correction is reported and left out of
 * the analysis, but kept in the file when corrections are added or undone.
 */
import type { EntityType } from '../types';
import { CORRECTION_KINDS, type Anchor, type Correction, type CorrectionKind, type EntityName, type Place } from './types';

/** Where the file is, relative to the folder of articles. */
export const CORRECTIONS_PATH = '.crosswire/corrections.json';

/** Largest corrections file read; a larger one is reported and not applied. */
export const MAX_CORRECTIONS_BYTES = 8 * 1024 * 1024;

export interface CorrectionsFile {
  /** Every entry of the file's list as it is, well-formed or not, for rewriting it. */
  readonly entries: readonly unknown[];
  /** The well-formed corrections, with their place in the list. */
  readonly corrections: readonly { readonly index: number; readonly correction: Correction }[];
  /** What could not be read, one line each. */
  readonly problems: readonly string[];
}

export const EMPTY_CORRECTIONS: CorrectionsFile = { entries: [], corrections: [], problems: [] };

const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export function parseCorrections(text: string): CorrectionsFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { entries: [], corrections: [], problems: [`${CORRECTIONS_PATH} is not valid JSON (${(e as Error).message}); no correction applied`] };
  }
  const list = isObject(json) && Array.isArray(json.corrections) ? (json.corrections as unknown[]) : undefined;
  if (!list) return { entries: [], corrections: [], problems: [`${CORRECTIONS_PATH} has no "corrections" list; no correction applied`] };
  const corrections: { index: number; correction: Correction }[] = [];
  const problems: string[] = [];
  list.forEach((entry, index) => {
    const correction = correctionOf(entry);
    if (correction) corrections.push({ index, correction });
    else problems.push(`${CORRECTIONS_PATH}: correction ${index + 1} is not one Crosswire can read; left out`);
  });
  return { entries: list, corrections, problems };
}

/** The file's text for a list of entries: stable key order, two-space indents, a final newline. */
export function serializeCorrections(entries: readonly unknown[]): string {
  return JSON.stringify({ corrections: entries }, null, 2) + '\n';
}

function correctionOf(e: unknown): Correction | null {
  if (!isObject(e) || typeof e.kind !== 'string' || !CORRECTION_KINDS.includes(e.kind as CorrectionKind)) return null;
  const kind = e.kind as CorrectionKind;
  switch (kind) {
    case 'set-speaker': {
      const quote = placeOf(e.quote);
      return quote && typeof e.speaker === 'string' && e.speaker.trim() ? { kind, quote, speaker: e.speaker.trim() } : null;
    }
    case 'not-a-quote': {
      const quote = placeOf(e.quote);
      return quote ? { kind, quote } : null;
    }
    case 'not-an-entity':
    case 'split-from-entity': {
      const name = placeOf(e.name);
      return name ? { kind, name } : null;
    }
    case 'change-type':
    case 'mark-as-entity': {
      const name = placeOf(e.name);
      return name && isType(e.type) ? { kind, name, type: e.type } : null;
    }
    case 'merge-entities': {
      const entity = entityNameOf(e.entity);
      const into = entityNameOf(e.into);
      return entity && into ? { kind, entity, into } : null;
    }
    case 'unlink-quotes':
    case 'link-quotes': {
      if (!Array.isArray(e.quotes) || e.quotes.length !== 2) return null;
      const a = placeOf(e.quotes[0]);
      const b = placeOf(e.quotes[1]);
      return a && b ? { kind, quotes: [a, b] } : null;
    }
  }
}

function placeOf(p: unknown): Place | null {
  if (!isObject(p) || typeof p.article !== 'string' || p.article === '') return null;
  const a = p.anchor;
  if (!isObject(a) || typeof a.exact !== 'string' || a.exact === '') return null;
  const anchor: Anchor = {
    exact: a.exact,
    prefix: typeof a.prefix === 'string' ? a.prefix : '',
    suffix: typeof a.suffix === 'string' ? a.suffix : '',
    start: typeof a.start === 'number' && Number.isInteger(a.start) && a.start >= 0 ? a.start : 0,
  };
  return { article: p.article, anchor };
}

function entityNameOf(n: unknown): EntityName | null {
  return isObject(n) && typeof n.name === 'string' && n.name.trim() && isType(n.type) ? { name: n.name.trim(), type: n.type } : null;
}

function isType(t: unknown): t is EntityType {
  return TYPES.includes(t as EntityType);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
