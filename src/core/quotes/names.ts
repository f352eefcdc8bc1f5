import { partitionPoint } from '../sorted';
import type { RawMention } from '../types';

/** How many same-surname or same-forename mentions are examined when looking for a fuller name. */
const MAX_CANDIDATES = 200;

/**
 * Finds a person's fullest name in the document: "Blinken" becomes "Antony Blinken", "Xi" becomes
 * "Xi Jinping". A fuller name extends the short one at its start or its end (family names come first
 * in some languages). Where several people share the short name ("Wang Yi", "Wang Xiaohong"), the one
 * named most recently before the mention is meant, as a reader would assume; with none before, a later
 * fuller name is used only when every later one agrees.
 */
export class FullNames {
  private readonly cache = new Map<number, string>();
  private readonly byFirst = new Map<string, number[]>();
  private readonly byLast = new Map<string, number[]>();
  private readonly words: string[][];

  constructor(private readonly mentions: readonly RawMention[]) {
    // A document names the same people again and again: fold each spelling once.
    const seen = new Map<string, string[]>();
    this.words = mentions.map((m) => {
      let w = seen.get(m.text);
      if (!w) seen.set(m.text, (w = fold(m.text).split(/\s+/).filter((x) => x.length > 0)));
      return w;
    });
    mentions.forEach((m, i) => {
      if (m.type !== 'person') return;
      const w = this.words[i];
      if (w.length === 0) return;
      push(this.byFirst, w[0], i);
      push(this.byLast, w[w.length - 1], i);
    });
  }

  /** The fullest name of the person mention `index`. */
  of(index: number): string {
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const name = this.compute(index);
    this.cache.set(index, name);
    return name;
  }

  private compute(index: number): string {
    const m = this.mentions[index];
    const w = this.words[index];
    if (w.length === 0) return m.text;
    const lists = [this.byFirst.get(w[0]) ?? [], this.byLast.get(w[w.length - 1]) ?? []];
    let nearest = -1;
    const later: string[] = [];
    for (const list of lists) {
      const before = lastIndexBefore(list, index);
      for (let k = before, seen = 0; k >= 0 && seen < MAX_CANDIDATES; k--, seen++) {
        if (this.extends(list[k], index)) {
          nearest = Math.max(nearest, list[k]);
          break;
        }
      }
      for (let k = before + 1, seen = 0; k < list.length && seen < MAX_CANDIDATES; k++, seen++) {
        if (list[k] > index && this.extends(list[k], index)) later.push(this.mentions[list[k]].text);
      }
    }
    if (nearest >= 0) return this.mentions[nearest].text;
    if (later.length === 0) return m.text;
    const longest = later.reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a));
    const agree = later.every((t) => fold(longest).includes(fold(t)));
    return agree ? longest : m.text;
  }

  /** Whether mention `longer` is a fuller form of mention `shorter`. */
  private extends(longer: number, shorter: number): boolean {
    const a = this.words[longer];
    const b = this.words[shorter];
    if (a.length <= b.length) return false;
    const prefix = b.every((x, i) => a[i] === x);
    const suffix = b.every((x, i) => a[a.length - b.length + i] === x);
    return prefix || suffix;
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the last value below `value` in an ascending list, or -1. */
function lastIndexBefore(list: readonly number[], value: number): number {
  return partitionPoint(list.length, (i) => list[i] < value) - 1;
}

/** Lower case without diacritics, so "Orbán" and "Orban" name the same person. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The mentions as a reader takes them: a name the recogniser typed as an organisation or a place that
 * repeats a person named before it, whole or by surname ("David Calhoun … Calhoun turned"), is that
 * person. Only a person introduced earlier counts, so that "Ford" before any Ford is named stays the
 * company. Indices are kept, so the result stands in for `mentions`.
 */
export function asPeople(mentions: readonly RawMention[]): readonly RawMention[] {
  const known = new Set<string>();
  let changed = false;
  const out = mentions.map((m) => {
    const key = fold(m.text);
    if (m.type === 'person') {
      const w = key.split(/\s+/);
      known.add(key);
      if (w.length > 1 && w[w.length - 1].length > 2) known.add(w[w.length - 1]);
      return m;
    }
    if ((m.type === 'organization' || m.type === 'place') && known.has(key)) {
      changed = true;
      return { ...m, type: 'person' as const };
    }
    return m;
  });
  return changed ? out : mentions;
}
