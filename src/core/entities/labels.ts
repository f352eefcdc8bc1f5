/**
 * The tagger's labels: BIOES over the four CoNLL types (begin, inside, end of a name of several
 * tokens, a single-token name) plus O, and which label may follow which so that every decoded
 * sequence spells whole names.
 */

/** CoNLL's types, in label order. MISC is learned so that it is not mistaken for the others, never output. */
export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type ConllType = (typeof TYPES)[number];

export const PARTS = ['B', 'I', 'E', 'S'] as const;
export type Part = (typeof PARTS)[number];

/** 0 is O; type t, part p is 1 + 4t + p. */
export const LABEL_COUNT = 1 + 4 * TYPES.length;

export function labelOf(type: ConllType, part: Part): number {
  return 1 + 4 * TYPES.indexOf(type) + PARTS.indexOf(part);
}

export function labelName(y: number): string {
  return y === 0 ? 'O' : `${PARTS[(y - 1) % 4]}-${TYPES[Math.floor((y - 1) / 4)]}`;
}

export function partOf(y: number): Part | 'O' {
  return y === 0 ? 'O' : PARTS[(y - 1) % 4];
}

export function typeOf(y: number): ConllType | undefined {
  return y === 0 ? undefined : TYPES[Math.floor((y - 1) / 4)];
}

/** True when `to` may follow `from`; -1 stands for the sentence start. */
export function allowed(from: number, to: number): boolean {
  const fromOpen = from > 0 && (partOf(from) === 'B' || partOf(from) === 'I');
  const toPart = partOf(to);
  if (fromOpen) return (toPart === 'I' || toPart === 'E') && typeOf(to) === typeOf(from);
  return toPart === 'O' || toPart === 'B' || toPart === 'S';
}

/** True when a sentence may end on `y`. */
export function mayEnd(y: number): boolean {
  const p = partOf(y);
  return p === 'O' || p === 'E' || p === 'S';
}

/** A run of tokens the labels make one name: `[start, end)` in tokens. */
export interface LabelSpan {
  readonly start: number;
  readonly end: number;
  readonly type: ConllType;
}

/** Reads the names out of a well-formed label sequence. */
export function spansOf(labels: ArrayLike<number>): LabelSpan[] {
  const out: LabelSpan[] = [];
  let open = -1;
  for (let i = 0; i < labels.length; i++) {
    const p = partOf(labels[i]);
    const t = typeOf(labels[i]);
    if (p === 'S') out.push({ start: i, end: i + 1, type: t! });
    else if (p === 'B') open = i;
    else if (p === 'E' && open >= 0) {
      out.push({ start: open, end: i + 1, type: t! });
      open = -1;
    }
  }
  return out;
}

/** Labels for names over `n` tokens (the inverse of `spansOf`). */
export function labelsOf(n: number, spans: readonly LabelSpan[]): Uint8Array {
  const y = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) y[s.start] = labelOf(s.type, 'S');
    else {
      y[s.start] = labelOf(s.type, 'B');
      for (let i = s.start + 1; i < s.end - 1; i++) y[i] = labelOf(s.type, 'I');
      y[s.end - 1] = labelOf(s.type, 'E');
    }
  }
  return y;
}
