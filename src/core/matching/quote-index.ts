import type { DiffPart, LinkRelation, QuoteLink, QuoteRef } from '../types';
import { comparePrepared, prepare, Vocabulary, type PreparedQuote } from './compare';
import { alignWords, mirrorAlignment, renderAlignment, type Alignment } from './diff';
import { wordForms } from './text';

/** Posting lists longer than this stop growing: such a word or sense says little about a statement. */
const MAX_POSTINGS = 2000;
/** Quotes fully compared with each new quote, the ones sharing the most distinctive words. */
const MAX_CANDIDATES = 24;
/** Links kept per quote, strongest first. */
const MAX_LINKS = 32;
/** Posting entries read per new quote when gathering its candidates. */
const POSTINGS_BUDGET = 8000;
/**
 * Share of the smaller quote's weight a candidate must show in shared words and senses. Below it no
 * rule of the comparison (half of both, most of the shorter, all of a term) can hold.
 */
const CANDIDATE_SHARE = 0.4;
/** Credit a shared sense gives a candidate, against 1 for a shared stem. */
const SENSE_CREDIT = 0.6;
/**
 * Rarity weights are smoothed as if the index held this many more quotes, so a small corpus does not
 * punish a pair merely for sharing a word.
 */
const IDF_PRIOR = 20;

interface Entry {
  readonly id: string;
  readonly docId: string;
  readonly text: string;
  readonly prepared: PreparedQuote;
  /** Posting keys this quote was added under: stem ids, and senses as -(sense + 1). */
  readonly keys: Int32Array;
  /** Weighted size when added, to judge how much of it a candidate shares. */
  readonly mass: number;
  /** Linked quote number → the pair record shared with that quote. */
  readonly links: Map<number, Pair>;
}

interface Pair {
  /** The quote the alignment is computed from. */
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly relation: LinkRelation;
  readonly alignment: Alignment;
}

/**
 * The cross-source quote index: finds, for every quote, the quotes that report the same words or the
 * same statement. Indexed, so adding a document costs work proportional to its quotes and their
 * candidates, not to the corpus size.
 *
 * Quotes are posted under their content stems and WordNet senses. A new quote collects candidates
 * from the postings of its words, rarest first, keeps the few sharing the most weighted evidence and
 * compares only those in full. Across documents a link may be `identical`, `fragment` or `variant`;
 * within one document only `identical` and `fragment` (a phrase quoted again inside a longer quote).
 * Links are stored once per pair, so both ends see the same score and relation. Rarity weights are
 * read when a pair is compared; links made earlier keep the weights of their time.
 */
export class QuoteIndex {
  private readonly vocab = new Vocabulary();
  private readonly entries: (Entry | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly docs = new Map<string, number[]>();
  private readonly postings = new Map<number, number[]>();
  /** Quotes containing each stem, for rarity weights (not capped). */
  private readonly df = new Map<number, number>();
  private size = 0;
  /** Scratch accumulator for `candidates`, indexed by quote number, left all zero between calls. */
  private evidence = new Float64Array(0);

  /** Adds or replaces all quotes of one document. */
  set(docId: string, quotes: readonly QuoteRef[]): void {
    this.remove(docId);
    const nums: number[] = [];
    for (const q of quotes) {
      if (this.numbers.has(q.id)) continue;
      nums.push(this.insert(q, docId));
    }
    this.docs.set(docId, nums);
    for (const n of nums) this.linkNew(n, nums);
  }

  /** Drops a document's quotes and every link to them. */
  remove(docId: string): void {
    const nums = this.docs.get(docId);
    if (!nums) return;
    this.docs.delete(docId);
    for (const n of nums) {
      const e = this.entries[n];
      if (!e) continue;
      for (const other of e.links.keys()) this.entries[other]?.links.delete(n);
      for (const key of e.keys) {
        const list = this.postings.get(key);
        if (list) {
          const at = list.indexOf(n);
          if (at >= 0) {
            list[at] = list[list.length - 1];
            list.pop();
          }
          if (list.length === 0) this.postings.delete(key);
        }
      }
      for (const s of e.prepared.stems) {
        const d = (this.df.get(s) ?? 1) - 1;
        if (d <= 0) this.df.delete(s);
        else this.df.set(s, d);
      }
      this.numbers.delete(e.id);
      this.entries[n] = undefined;
      this.free.push(n);
      this.size--;
    }
  }

  /** Links of one quote, best first; each link's `from` is `quoteId`. */
  linksOf(quoteId: string): QuoteLink[] {
    const n = this.numbers.get(quoteId);
    const e = n === undefined ? undefined : this.entries[n];
    if (n === undefined || !e) return [];
    const out: QuoteLink[] = [];
    for (const [other, pair] of e.links) {
      const o = this.entries[other];
      if (o) out.push(this.toLink(n, other, pair));
    }
    return out.sort(byScoreThenId);
  }

  /** Every link once (from the quote that sorts first by id), for reports. */
  links(): QuoteLink[] {
    const out: QuoteLink[] = [];
    for (let n = 0; n < this.entries.length; n++) {
      const e = this.entries[n];
      if (!e) continue;
      for (const [other, pair] of e.links) {
        const o = this.entries[other];
        if (o && e.id < o.id) out.push(this.toLink(n, other, pair));
      }
    }
    return out.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : byScoreThenId(x, y)));
  }

  /** Number of quotes indexed. */
  get quoteCount(): number {
    return this.size;
  }

  private insert(q: QuoteRef, docId: string): number {
    const prepared = prepare(q.text, q.kind, this.vocab);
    const keys = new Set<number>();
    prepared.stems.forEach((s, i) => {
      keys.add(s);
      if (prepared.names[i]) return;
      const c = this.vocab.conceptsOf(s);
      if (c) for (const k of [...c.own, ...c.broader]) keys.add(-(k + 1));
    });
    const n = this.free.pop() ?? this.entries.length;
    const mass = this.mass(prepared);
    this.entries[n] = { id: q.id, docId, text: q.text, prepared, keys: Int32Array.from(keys), mass, links: new Map() };
    this.numbers.set(q.id, n);
    this.size++;
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = []));
      if (list.length < MAX_POSTINGS) list.push(n);
    }
    for (const s of prepared.stems) this.df.set(s, (this.df.get(s) ?? 0) + 1);
    return n;
  }

  private mass(p: PreparedQuote): number {
    let total = 0;
    p.stems.forEach((s, i) => (total += this.weight(s) * (p.names[i] ? 0.5 : 1)));
    return total;
  }

  private readonly weight = (stem: number): number =>
    Math.log((this.size + IDF_PRIOR) / ((this.df.get(stem) ?? 0) + 1));

  /** Finds and stores the links of a quote just added; `siblings` are the quotes of its document. */
  private linkNew(n: number, siblings: readonly number[]): void {
    const e = this.entries[n]!;
    for (const other of siblings) {
      if (other <= n) continue;
      const o = this.entries[other]!;
      const m = comparePrepared(e.prepared, o.prepared, this.vocab, { weight: this.weight, variants: false });
      if (m) this.addPair(n, other, m.score, m.relation);
    }
    for (const other of this.candidates(n)) {
      const o = this.entries[other]!;
      const m = comparePrepared(e.prepared, o.prepared, this.vocab, { weight: this.weight });
      if (m) this.addPair(n, other, m.score, m.relation);
    }
  }

  /**
   * Quotes of other documents sharing the most weighted words or senses with quote `n`. Posting lists
   * are read rarest first, within a budget, so a quote made of common words costs no more than others.
   */
  private candidates(n: number): number[] {
    const e = this.entries[n]!;
    const p = e.prepared;
    const lists: { list: readonly number[]; credit: number }[] = [];
    let total = 0;
    p.stems.forEach((s, i) => {
      const w = this.weight(s) * (p.names[i] ? 0.5 : 1);
      total += w;
      const list = this.postings.get(s);
      if (list) lists.push({ list, credit: w });
      if (p.names[i]) return;
      const c = this.vocab.conceptsOf(s);
      if (!c) return;
      for (const k of c.own.concat(c.broader)) {
        const senses = this.postings.get(-(k + 1));
        if (senses) lists.push({ list: senses, credit: w * SENSE_CREDIT });
      }
    });
    lists.sort((x, y) => x.list.length - y.list.length);
    if (this.evidence.length < this.entries.length) this.evidence = new Float64Array(2 * this.entries.length);
    const evidence = this.evidence;
    const touched: number[] = [];
    let budget = POSTINGS_BUDGET;
    for (const { list, credit } of lists) {
      if (list.length > budget) break;
      budget -= list.length;
      for (const other of list) {
        if (evidence[other] === 0) touched.push(other);
        evidence[other] += credit;
      }
    }
    // A short quote inside a long one shares little of the long one's weight, so the bar is set by
    // the smaller of the two; the full comparison decides.
    const out: [number, number][] = [];
    for (const other of touched) {
      const v = evidence[other];
      evidence[other] = 0;
      const o = this.entries[other];
      if (other !== n && o && o.docId !== e.docId && v >= CANDIDATE_SHARE * Math.min(total, o.mass)) out.push([other, v]);
    }
    return out
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, MAX_CANDIDATES)
      .map(([other]) => other);
  }

  private addPair(x: number, y: number, score: number, relation: LinkRelation): void {
    const ex = this.entries[x]!;
    const ey = this.entries[y]!;
    const [a, b] = ex.id < ey.id ? [ex, ey] : [ey, ex];
    // Aligned now rather than when asked, so that answering `linksOf` stays a matter of microseconds.
    const alignment = alignWords(wordForms(a.text), wordForms(b.text));
    const pair: Pair = { a: a === ex ? x : y, b: a === ex ? y : x, score, relation, alignment };
    ex.links.set(y, pair);
    ey.links.set(x, pair);
    this.trim(x);
    this.trim(y);
  }

  /** Keeps a quote's strongest links only, dropping the weakest from both ends. */
  private trim(n: number): void {
    const e = this.entries[n]!;
    if (e.links.size <= MAX_LINKS) return;
    let weakest = -1;
    let low = Infinity;
    for (const [other, pair] of e.links) {
      if (pair.score < low) {
        low = pair.score;
        weakest = other;
      }
    }
    e.links.delete(weakest);
    this.entries[weakest]?.links.delete(n);
  }

  private toLink(n: number, other: number, pair: Pair): QuoteLink {
    const e = this.entries[n]!;
    const o = this.entries[other]!;
    return { from: e.id, to: o.id, score: pair.score, relation: pair.relation, diff: this.diffOf(pair, n) };
  }

  /** Word diff of a pair from one end; one alignment per pair, so both ends show mirrored runs. */
  private diffOf(pair: Pair, from: number): DiffPart[] {
    const a = this.entries[pair.a]!;
    const b = this.entries[pair.b]!;
    const wa = wordForms(a.text);
    const wb = wordForms(b.text);
    return from === pair.a
      ? renderAlignment(pair.alignment, a.text, wa, b.text, wb)
      : renderAlignment(mirrorAlignment(pair.alignment), b.text, wb, a.text, wa, true);
  }
}

function byScoreThenId(x: QuoteLink, y: QuoteLink): number {
  return y.score - x.score || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
}
