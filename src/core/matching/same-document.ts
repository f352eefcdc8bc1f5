import type { LinkRelation } from '../types';
import { comparePrepared } from './compare';
import type { QuoteStore } from './quote-store';

/**
 * Links among the quotes of one document: the copies of a quote (a chorus, a headline repeated), and a
 * phrase quoted again inside a longer quote of the same article. Across documents the quote index
 * links by candidates (`QuoteStore.candidates`); within one, by the pairs of words quotes share.
 */

/**
 * Longer quotes of the same document a quote is compared with, to find the ones it is a fragment of.
 * A real article repeats a phrase of one of its quotes once or twice (a headline, a pull quote).
 */
const MAX_SAME_DOCUMENT = 8;
/**
 * Quotes of the same document looked at, at most, to find those longer ones: the holders of a quote's
 * rarest pair of words are few in real text, but in a file of quotes made of a handful of words every
 * pair is held by nearly all, and most are not longer.
 */
const MAX_SAME_DOCUMENT_LOOKS = 8 * MAX_SAME_DOCUMENT;
/**
 * Copies of one quote in one document linked each to each. Past this (a chorus, a chant, a list of
 * one-word answers) each copy is linked to the one before it, so a group costs its size, not its square.
 */
export const GROUP_CLIQUE = 8;
/** Vocabulary ids stay below this, so that two of them make one exact number key. */
const ID_SPAN = 2 ** 26;

/** Records a link between two quotes of the index, by number. */
export type AddPair = (x: number, y: number, score: number, relation: LinkRelation) => void;

/**
 * A document's quotes grouped by their words (copies of one quote share a group), groups in order of
 * their first copy and copies in document order, with the groups holding each pair of adjacent words,
 * each group once, in order. Built as the document's quotes come: a long document's quotes join the
 * index a few at a time, and each step takes in only its new ones (`take`).
 */
export class DocumentGroups {
  readonly groups: number[][] = [];
  /** Which groups hold each pair of adjacent words, by the pair's key (`pairKey`). */
  readonly holders = new Map<number, number[]>();
  /** How many of the document's quote numbers have been taken in. */
  taken = 0;
  private readonly byWords = new Map<string, number>();
  private readonly groupOf = new Map<number, number>();
  /** Per group, its rarest pair's key when last worked out; NaN before, and for a group of fewer than two words. */
  readonly rarest: number[] = [];
  /** Groups made by the last `take`, from this index on. */
  firstNew = 0;
  /** Pairs whose holders the last `take` added to. */
  readonly touched = new Set<number>();

  /** Takes in the quote numbers of `nums` from `taken` on, the ones before being those taken already. */
  take(quotes: QuoteStore, nums: readonly number[]): void {
    this.firstNew = this.groups.length;
    this.touched.clear();
    for (let i = this.taken; i < nums.length; i++) {
      const n = nums[i];
      const e = quotes.entries[n]!;
      const key = (e.wordsKey ??= quotes.norms(e).join(','));
      if (key === '') continue;
      let k = this.byWords.get(key);
      if (k === undefined) {
        k = this.groups.length;
        this.byWords.set(key, k);
        this.groups.push([n]);
        this.rarest.push(NaN);
        const norms = quotes.norms(e);
        for (let p = 0; p + 1 < norms.length; p++) {
          const pair = pairKey(norms, p);
          const list = this.holders.get(pair);
          if (!list) this.holders.set(pair, [k]);
          else if (list[list.length - 1] !== k) list.push(k);
          this.touched.add(pair);
        }
      } else {
        this.groups[k].push(n);
      }
      this.groupOf.set(n, k);
    }
    this.taken = nums.length;
  }

  /** The group of a quote taken in. */
  group(n: number): number | undefined {
    return this.groupOf.get(n);
  }
}

function pairKey(norms: Int32Array, p: number): number {
  return norms[p] * ID_SPAN + norms[p + 1];
}

/**
 * Links the quotes of one document that repeat each other: copies of one quote as `identical`, and a
 * quote with the longer quotes that contain its words as one run as a `fragment` of them. Each group
 * of copies is compared once, through its first copy, with at most `MAX_SAME_DOCUMENT` longer
 * quotes among the first `MAX_SAME_DOCUMENT_LOOKS` holding the rarest pair of adjacent words of the
 * shorter one, which every quote containing it must hold too. Only pairs with a new quote are made; the others exist already.
 * Returns how many quotes had more longer partners than were compared.
 *
 * A group with no new quote can only be linked to a group with one. When the only such groups are the
 * ones `take` just made, an older group whose rarest pair they do not hold is linked to none of them,
 * and is passed over at the cost of one look: the same links as reading it, so a document whose
 * quotes join in steps costs its size in all rather than its size at every step.
 */
export function linkWithinDocument(quotes: QuoteStore, dg: DocumentGroups, fresh: ReadonlySet<number>, addPair: AddPair): number {
  const { groups, holders, rarest } = dg;
  const hasFresh = new Uint8Array(groups.length);
  let oldWithFresh = false;
  for (const n of fresh) {
    const k = dg.group(n);
    if (k === undefined) continue;
    hasFresh[k] = 1;
    if (k < dg.firstNew) oldWithFresh = true;
  }
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    if (g.length < 2 || !hasFresh[k]) continue;
    if (g.length <= GROUP_CLIQUE) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) if (fresh.has(g[x]) || fresh.has(g[y])) addPair(g[x], g[y], 1, 'identical');
      }
    } else {
      for (let c = 1; c < g.length; c++) if (fresh.has(g[c - 1]) || fresh.has(g[c])) addPair(g[c - 1], g[c], 1, 'identical');
    }
  }
  let capped = 0;
  groups.forEach((g, k) => {
    const e = quotes.entries[g[0]]!;
    const length = e.words;
    if (length < 2) return;
    const known = rarest[k];
    if (!hasFresh[k] && !oldWithFresh && !Number.isNaN(known) && !dg.touched.has(known)) {
      // Its rarest pair's holders are as they were: no new group among them, and no group of them new.
      if (holders.get(known)!.length > MAX_SAME_DOCUMENT_LOOKS) capped += g.length;
      return;
    }
    const norms = quotes.norms(e);
    let rarestKey = pairKey(norms, 0);
    let list = holders.get(rarestKey)!;
    for (let p = 1; p + 1 < length; p++) {
      const key = pairKey(norms, p);
      const other = holders.get(key)!;
      if (other.length < list.length) {
        list = other;
        rarestKey = key;
      }
    }
    rarest[k] = rarestKey;
    let compared = 0;
    let looked = 0;
    for (const other of list) {
      if (looked++ === MAX_SAME_DOCUMENT_LOOKS) {
        capped += g.length;
        break;
      }
      const longer = groups[other];
      if (other === k || quotes.entries[longer[0]]!.words <= length || !(hasFresh[k] || hasFresh[other])) continue;
      if (compared === MAX_SAME_DOCUMENT) {
        capped += g.length;
        break;
      }
      compared++;
      const short = quotes.prepared(e);
      const long = quotes.prepared(quotes.entries[longer[0]]!);
      const m = comparePrepared(short, long, quotes.vocab, { weight: quotes.weight, variants: false });
      if (!m) continue;
      const shortCopies = g.slice(0, GROUP_CLIQUE);
      const longCopies = longer.slice(0, GROUP_CLIQUE);
      for (const x of shortCopies) for (const y of longCopies) if (fresh.has(x) || fresh.has(y)) addPair(x, y, m.score, m.relation);
    }
  });
  return capped;
}
