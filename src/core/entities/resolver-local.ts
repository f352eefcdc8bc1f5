/**
 * What one document decides alone about its names: folded keys for comparing spellings ("Orbán" =
 * "Orban"), initials and one-letter slips, and a lone word resolved to the full name it belongs to.
 * `EntityResolver` (resolver.ts) settles the rest across the corpus.
 */
import { partitionPoint } from '../sorted';
import type { EntityType, RawMention } from '../types';
import { countryOf } from './gazetteer';

/** How one mention was resolved inside its own document. */
export interface Local {
  readonly type: EntityType;
  readonly surface: string;
  /** A full name's key (`type|folded name`), set when the document alone decides the referent. */
  readonly key: string | null;
  /** For a lone word the document could not place: the word, resolved against the corpus on demand. */
  readonly bare: string | null;
  /** True when the document had several full names the word could belong to and none nearby. */
  readonly ambiguous: boolean;
}

/** Lower-case, accents and apostrophe styles folded, a leading article dropped: "Orbán" = "Orban". */
export function fold(s: string): string {
  let f = foldMemo.get(s);
  if (f === undefined) {
    // Names repeat across a corpus; a bounded memo spares the Unicode normalisation of each repeat.
    if (foldMemo.size >= FOLD_MEMO_SIZE) foldMemo.clear();
    f = foldUncached(s);
    foldMemo.set(s, f);
  }
  return f;
}

const FOLD_MEMO_SIZE = 20000;
const foldMemo = new Map<string, string>();

function foldUncached(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u2018`´]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function slug(s: string): string {
  return fold(s).replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
}

export function tokensOf(folded: string): string[] {
  return folded.split(/[\s-]+/).filter((t) => t.length > 0);
}

const SMALL = new Set(['of', 'and', 'the', 'for', '&']);

/** "Securities and Exchange Commission" → "sec": what an acronym of the name would be. */
export function initials(folded: string): string {
  return tokensOf(folded).filter((t) => !SMALL.has(t)).map((t) => t[0]).join('');
}

/** Whether `a` becomes `b` by at most one insertion, deletion or substitution (of UTF-16 code units). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length) return true;
  // The first difference is the edit: skip it in `b` (an insertion) or in both (a substitution).
  const skipA = a.length === b.length ? 1 : 0;
  for (let k = i + skipA, m = i + 1; k < a.length; k++, m++) if (a.charCodeAt(k) !== b.charCodeAt(m)) return false;
  return true;
}

/** A copy of `s` that holds no reference to a longer string it was sliced from. */
export function detached(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}

/** Two mentions resolved alike have the same id. */
export function localId(l: Local): string {
  return `${l.type}\u0000${l.surface}\u0000${l.key === null ? '\u0001' : l.key}\u0000${l.bare === null ? '\u0001' : l.bare}\u0000${l.ambiguous ? 1 : 0}`;
}

/**
 * Resolves what one document can decide alone. A lone word goes to the full name of the same type
 * that contains it as first or last word ("Blinken" → "Antony Blinken", "Xi" → "Xi Jinping"); when
 * several do ("Wang"), to the nearest one before it, else the nearest after.
 */
export function resolveLocally(mentions: readonly RawMention[]): Local[] {
  const folded = mentions.map((m) => fold(m.text));
  // Tokens of each distinct spelling, worked out once: a long article repeats a few names many times.
  const tokenMemo = new Map<string, string[]>();
  const toksAt = mentions.map((_, i) => {
    let t = tokenMemo.get(folded[i]);
    if (!t) tokenMemo.set(folded[i], (t = tokensOf(folded[i])));
    return t;
  });
  const fullAt = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const toks = toksAt[i];
    if (toks.length < 2 || m.type === 'place') return;
    for (const w of new Set([toks[0], toks[toks.length - 1]])) {
      const slot = `${m.type}|${w}`;
      let list = fullAt.get(slot);
      if (!list) fullAt.set(slot, (list = []));
      list.push(i);
    }
  });
  const acronymAt = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (m.type !== 'organization' || toksAt[i].length < 2) return;
    const a = initials(folded[i]);
    let list = acronymAt.get(a);
    if (!list) acronymAt.set(a, (list = []));
    list.push(i);
  });
  const nameOf = (h: number): string => toksAt[h].join(' ');
  // The distinct full names behind each word, counted once per word rather than once per mention.
  const namesBy = new Map<number[], Set<string>>();
  const namesIn = (hits: number[]): Set<string> => {
    let names = namesBy.get(hits);
    if (!names) namesBy.set(hits, (names = new Set(hits.map(nameOf))));
    return names;
  };
  return mentions.map((m, i) => {
    const f = folded[i];
    const toks = toksAt[i];
    if (m.type === 'place') {
      const country = countryOf(f);
      return { type: m.type, surface: m.text, key: `place|${country ? fold(country) : f}`, bare: null, ambiguous: false };
    }
    if (toks.length > 1) return { type: m.type, surface: m.text, key: `${m.type}|${toks.join(' ')}`, bare: null, ambiguous: false };
    const word = toks[0] ?? f;
    let hits = fullAt.get(`${m.type}|${word}`) ?? NONE;
    if (!hits.length && m.type === 'organization') hits = acronymAt.get(word) ?? NONE;
    const names = hits.length ? namesIn(hits) : NO_NAMES;
    if (names.size === 1) return { type: m.type, surface: m.text, key: `${m.type}|${[...names][0]}`, bare: null, ambiguous: false };
    if (names.size > 1) {
      // The nearest full name before the word, else the first after it; hits are in document order.
      const after = firstAbove(hits, i);
      const best = after > 0 ? hits[after - 1] : after < hits.length ? hits[after] : -1;
      if (best >= 0) return { type: m.type, surface: m.text, key: `${m.type}|${nameOf(best)}`, bare: null, ambiguous: false };
      return { type: m.type, surface: m.text, key: null, bare: word, ambiguous: true };
    }
    return { type: m.type, surface: m.text, key: null, bare: word, ambiguous: false };
  });
}

const NONE: number[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/** Index of the first of the sorted `xs` greater than `x`. */
function firstAbove(xs: readonly number[], x: number): number {
  return partitionPoint(xs.length, (i) => xs[i] <= x);
}
