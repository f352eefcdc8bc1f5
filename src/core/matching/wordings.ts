import type { QuoteKind } from '../types';

/**
 * Which entries of the quote index have the same prepared form, and so compare alike with any quote:
 * each entry's wording number, the same for all entries of one wording while any of them is held.
 * Told once as an entry is added, so that finding the copies among a quote's candidates compares
 * two numbers rather than two prepared forms.
 */
export class Wordings {
  /** Entries by the hash of their prepared form. */
  private readonly byHash = new Map<number, number[]>();
  private hashOf = new Int32Array(1024);
  private wordingOf = new Int32Array(1024);
  private next = 0;

  /**
   * Gives entry `n`, whose prepared form hashes to `hash`, the wording of an entry held with the same
   * form (`same`), or a new one.
   */
  add(n: number, hash: number, same: (other: number) => boolean): void {
    if (n >= this.wordingOf.length) {
      const size = Math.max(n + 1, 2 * this.wordingOf.length);
      const hashes = new Int32Array(size);
      hashes.set(this.hashOf);
      const wordings = new Int32Array(size);
      wordings.set(this.wordingOf);
      this.hashOf = hashes;
      this.wordingOf = wordings;
    }
    this.hashOf[n] = hash;
    const list = this.byHash.get(hash);
    let wording = -1;
    for (const other of list ?? []) {
      if (same(other)) {
        wording = this.wordingOf[other];
        break;
      }
    }
    this.wordingOf[n] = wording >= 0 ? wording : this.next++;
    if (list) list.push(n);
    else this.byHash.set(hash, [n]);
  }

  /** Forgets entry `n`. */
  remove(n: number): void {
    const hash = this.hashOf[n];
    const list = this.byHash.get(hash);
    if (!list) return;
    const at = list.indexOf(n);
    if (at < 0) return;
    list[at] = list[list.length - 1];
    list.pop();
    if (list.length === 0) this.byHash.delete(hash);
  }

  /** The wording of a held entry. */
  of(n: number): number {
    return this.wordingOf[n];
  }
}

/** FNV-1a over a quote's prepared ints, its kind and whether it is negated. */
export function preparedHash(store: Int32Array, at: number, size: number, kind: QuoteKind, negated: boolean): number {
  let h = 0x811c9dc5 ^ (kind === 'term' ? 1 : 0) ^ (negated ? 2 : 0);
  for (let k = at; k < at + size; k++) h = Math.imul(h ^ store[k], 0x01000193);
  return h | 0;
}
