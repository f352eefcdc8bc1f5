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
 * their first copy and copies in document order.
 */
export function identicalGroups(quotes: QuoteStore, nums: readonly number[]): number[][] {
  const byWords = new Map<string, number[]>();
  const groups: number[][] = [];
  for (const n of nums) {
    // A document's quotes are grouped again at each of its steps: each quote's key is made once.
    const e = quotes.entries[n]!;
    const key = (e.wordsKey ??= quotes.prepared(e).norms.join(','));
    if (key === '') continue;
    const group = byWords.get(key);
    if (group) group.push(n);
    else {
      const created = [n];
      byWords.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * Links the quotes of one document that repeat each other: copies of one quote as `identical`, and a
 * quote with the longer quotes that contain its words as one run as a `fragment` of them. Each group
 * of copies is compared once, through its first copy, with at most `MAX_SAME_DOCUMENT` longer
 * quotes among the first `MAX_SAME_DOCUMENT_LOOKS` holding the rarest pair of adjacent words of the
 * shorter one, which every quote containing it must hold too. Only pairs with a new quote are made; the others exist already.
 * Returns how many quotes had more longer partners than were compared.
 */
export function linkWithinDocument(quotes: QuoteStore, groups: readonly number[][], fresh: ReadonlySet<number>, addPair: AddPair): number {
  const hasFresh = groups.map((g) => g.some((n) => fresh.has(n)));
  groups.forEach((g, k) => {
    if (g.length < 2 || !hasFresh[k]) return;
    if (g.length <= GROUP_CLIQUE) {
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) if (fresh.has(g[x]) || fresh.has(g[y])) addPair(g[x], g[y], 1, 'identical');
      }
    } else {
      for (let c = 1; c < g.length; c++) if (fresh.has(g[c - 1]) || fresh.has(g[c])) addPair(g[c - 1], g[c], 1, 'identical');
    }
  });
  // Which groups hold each pair of adjacent words, each group once, in document order.
  const holders = new Map<number, number[]>();
  groups.forEach((g, k) => {
    const norms = quotes.prepared(quotes.entries[g[0]]!).norms;
    for (let p = 0; p + 1 < norms.length; p++) {
      const key = norms[p] * ID_SPAN + norms[p + 1];
      const list = holders.get(key);
      if (!list) holders.set(key, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  let capped = 0;
  groups.forEach((g, k) => {
    const short = quotes.prepared(quotes.entries[g[0]]!);
    const length = short.norms.length;
    if (length < 2) return;
    let rarest: number[] | undefined;
    for (let p = 0; p + 1 < length; p++) {
      const list = holders.get(short.norms[p] * ID_SPAN + short.norms[p + 1])!;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let compared = 0;
    let looked = 0;
    for (const other of rarest!) {
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
