import type { LinkRelation, QuoteKind } from '../types';
import { conceptsOf, type StemConcepts } from './lexicon';
import { words } from './text';

/**
 * A quote reduced to what the matcher compares, with words and stems as small integers so that a
 * large index keeps little per quote.
 */
export interface PreparedQuote {
  readonly kind: QuoteKind;
  /** Every word's normalised form, as vocabulary ids. */
  readonly norms: Int32Array;
  /** Distinct content stems in order of first appearance, as vocabulary ids. */
  readonly stems: Int32Array;
  /** Word index where each content stem first appears. */
  readonly positions: Int32Array;
  /** 1 where the content stem is a name. */
  readonly names: Uint8Array;
  /** Says that something is not so ("not", "never", "without", "n't"), "not only" aside. */
  readonly negated: boolean;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'cannot', 'none', 'neither', 'nobody', 'nothing']);
const NOT_A_NEGATION_AFTER = new Set(['only', 'just', 'merely', 'least']);

/** Interns word forms and stems; one per index so ids are comparable across quotes. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly concepts: (StemConcepts | null | undefined)[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  text(id: number): string {
    return this.texts[id] ?? '';
  }

  /** WordNet senses of a stem id, looked up once. */
  conceptsOf(id: number): StemConcepts | null {
    let c = this.concepts[id];
    if (c === undefined) this.concepts[id] = c = conceptsOf(this.texts[id]) ?? null;
    return c;
  }
}

/** Reduces a quote text to its comparable form. */
export function prepare(text: string, kind: QuoteKind, vocab: Vocabulary): PreparedQuote {
  const ws = words(text);
  const norms = new Int32Array(ws.length);
  const stems: number[] = [];
  const positions: number[] = [];
  const names: number[] = [];
  const seen = new Map<number, number>();
  let negated = false;
  ws.forEach((w, i) => {
    norms[i] = vocab.id(w.norm);
    const negation = NEGATIONS.has(w.norm) || w.norm.endsWith("n't");
    if (negation && !NOT_A_NEGATION_AFTER.has(ws[i + 1]?.norm ?? '')) negated = true;
    if (!w.stem) return;
    const s = vocab.id(w.stem);
    const at = seen.get(s);
    if (at === undefined) {
      seen.set(s, stems.length);
      stems.push(s);
      positions.push(i);
      names.push(w.name ? 1 : 0);
    } else if (!w.name) {
      // A word written once in lower case is not a name even if another occurrence is capitalised.
      names[at] = 0;
    }
  });
  return {
    kind,
    norms,
    stems: Int32Array.from(stems),
    positions: Int32Array.from(positions),
    names: Uint8Array.from(names),
    negated,
  };
}

/** How two quotes relate, when they report the same words or statement. */
export interface Match {
  readonly score: number;
  readonly relation: LinkRelation;
}

/** Similarity credit of two content words. */
const SAME_STEM = 1;
const SAME_SENSE = 0.8;
const BROADER_SENSE = 0.6;
/** A lone unmatched word between two matched ones on both sides: a probable rewording. */
const SUBSTITUTION = 0.4;
/** Names tell the topic, not the statement: they count for less. */
const NAME_FACTOR = 0.5;

/** Both quotes must have this share of their distinctive words in common to be one statement. */
const VARIANT_COVERAGE = 0.5;
/** A short quote retold inside a long one must find this share of its words there. */
const CONTAINED_COVERAGE = 0.7;

export interface CompareOptions {
  /** Rarity weight of a stem id; defaults to 1 for every word. */
  readonly weight?: (stem: number) => number;
  /** Allow `variant` links (the index allows them only across documents). */
  readonly variants?: boolean;
}

/**
 * Decides whether two prepared quotes report the same words (`identical`, `fragment`) or the same
 * statement in other words (`variant`), and how sure that is. Returns null for different statements.
 *
 * Scores: 1 for identical; 0.8 to 1 for a verbatim fragment, higher as the fragment covers more of
 * the longer quote; 0.5 to 0.95 for a variant, the harmonic mean of the weighted share of each
 * quote's content words found in the other (a re-translation scores lower than a light edit).
 */
export function comparePrepared(
  a: PreparedQuote,
  b: PreparedQuote,
  vocab: Vocabulary,
  options: CompareOptions = {},
): Match | null {
  if (a.norms.length === 0 || b.norms.length === 0) return null;
  if (sameArray(a.norms, b.norms)) return { score: 1, relation: 'identical' };
  const weight = options.weight ?? (() => 1);
  const [short, long] = a.norms.length <= b.norms.length ? [a, b] : [b, a];
  const nonNames = (q: PreparedQuote): number => q.names.reduce((n, x) => n + (x ? 0 : 1), 0);

  if (short.norms.length >= 2 && short.stems.length >= 2 && nonNames(short) >= 1 && contains(long.norms, short.norms)) {
    const ratio = totalWeight(short, weight) / Math.max(1e-9, totalWeight(long, weight));
    return { score: round(0.8 + 0.2 * Math.min(1, ratio)), relation: 'fragment' };
  }
  if (options.variants === false) return null;
  if (a.kind === 'term' || b.kind === 'term') return termVariant(short, long, vocab);
  return statementVariant(a, b, vocab, weight);
}

/**
 * A multi-word term (“groundless accusations”) reported inside another quote in other words
 * (“baseless accusations”) or another order: every content word must be found, close together.
 */
function termVariant(term: PreparedQuote, other: PreparedQuote, vocab: Vocabulary): Match | null {
  const nonName = term.names.some((x) => !x);
  if (term.stems.length < 2 || !nonName || term.norms.length > other.norms.length) return null;
  const { pairs } = align(term, other, vocab);
  if (pairs.length < term.stems.length) return null;
  // A two-word phrase is too easy to meet by loose sense relations: words must be the same or synonyms,
  // and at least one the very same.
  if (pairs.some((p) => p.sim < SAME_SENSE) || !pairs.some((p) => p.sim === SAME_STEM && !term.names[p.i])) return null;
  const at = pairs.map((p) => other.positions[p.j]);
  const span = Math.max(...at) - Math.min(...at) + 1;
  if (span > term.norms.length + 2) return null;
  const mean = pairs.reduce((s, p) => s + p.sim, 0) / pairs.length;
  return { score: round(0.6 + 0.3 * mean), relation: 'variant' };
}

function statementVariant(
  a: PreparedQuote,
  b: PreparedQuote,
  vocab: Vocabulary,
  weight: (stem: number) => number,
): Match | null {
  // Whatever else they share, a statement and its denial are not the same statement.
  if (a.negated !== b.negated) return null;
  const aligned = align(a, b, vocab);
  const { creditA, creditB, pairs } = aligned;
  const wa = weights(a, weight);
  const wb = weights(b, weight);
  const covA = coverage(wa, creditA);
  const covB = coverage(wb, creditB);
  const matchedWords = pairs.filter((p) => !a.names[p.i] && p.sim >= BROADER_SENSE).length;
  if (matchedWords < 2) return null;
  const run = longestRun(a.norms, b.norms);
  const needed = Math.min(3, nonNameCount(a), nonNameCount(b));
  if (matchedWords >= needed && Math.min(covA, covB) >= VARIANT_COVERAGE) {
    if (divergeAround(run, a, b, aligned, wa, wb) || restsOnRun(run, a, b, aligned, wa, wb)) return null;
    return { score: round(Math.min(0.95, (2 * covA * covB) / (covA + covB))), relation: 'variant' };
  }
  // One statement retold as part of a longer one: most of the shorter found, in one stretch.
  const [covShort, short, long, side] = covA >= covB ? [covA, a, b, 'j' as const] : [covB, b, a, 'i' as const];
  if (covShort < CONTAINED_COVERAGE || matchedWords < 4) return null;
  const at = pairs.map((p) => long.positions[p[side]]);
  const span = Math.max(...at) - Math.min(...at) + 1;
  if (span > 2 * short.norms.length + 4) return null;
  if (divergeAround(run, a, b, aligned, wa, wb)) return null;
  // Nor may it rest on one shared phrase: the shorter quote's other words must be there too.
  const shortRun = short === a ? { start: run.a, credit: creditA, w: wa } : { start: run.b, credit: creditB, w: wb };
  if (run.length >= 3 && outsideRunCoverage(short, shortRun.start, run.length, shortRun.w, shortRun.credit) < VARIANT_COVERAGE) return null;
  return { score: round(0.5 + (0.3 * (covShort - CONTAINED_COVERAGE)) / (1 - CONTAINED_COVERAGE)), relation: 'variant' };
}

interface Run {
  /** Word index of the run in a and in b. */
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/** The longest run of words the two quotes share verbatim (after normalisation). */
function longestRun(x: Int32Array, y: Int32Array): Run {
  let best: Run = { a: 0, b: 0, length: 0 };
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : 0;
      if (cur[j] > best.length) best = { a: i - cur[j], b: j - cur[j], length: cur[j] };
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/**
 * True when all the two quotes agree on is one shared phrase ("…cannot achieve better relations…")
 * and each says something of its own around it.
 */
function restsOnRun(run: Run, a: PreparedQuote, b: PreparedQuote, { creditA, creditB }: Alignment, wa: number[], wb: number[]): boolean {
  if (run.length < 3) return false;
  const outside = (q: PreparedQuote, start: number, w: number[]): number => {
    let x = 0;
    q.positions.forEach((pos, i) => {
      if (pos < start || pos >= start + run.length) x += w[i];
    });
    return x / Math.max(1e-9, w.reduce((s, v) => s + v, 0));
  };
  if (outside(a, run.a, wa) < SIDE_WEIGHT || outside(b, run.b, wb) < SIDE_WEIGHT) return false;
  // A cut of the other quote has its own few words found; two statements sharing a phrase have none.
  return Math.max(
    outsideRunCoverage(a, run.a, run.length, wa, creditA),
    outsideRunCoverage(b, run.b, run.length, wb, creditB),
  ) < SIDE_AGREEMENT;
}

function outsideRunCoverage(q: PreparedQuote, start: number, length: number, w: number[], credit: number[]): number {
  let total = 0;
  let got = 0;
  q.positions.forEach((pos, i) => {
    if (pos >= start && pos < start + length) return;
    total += w[i];
    got += w[i] * credit[i];
  });
  return total > 0 ? got / total : 1;
}

/** Share of a side's words that disagree below this: the quotes say different things there. */
const SIDE_AGREEMENT = 0.34;
/** A side counts when it holds at least this share of each quote's weight. */
const SIDE_WEIGHT = 0.15;

/**
 * True when two quotes share a run of words and then say different things on the same side of it,
 * after it in both (an opening formula: "We are committed to maintaining…" / "…to taking…") or
 * before it in both. Re-translations differ all along; cuts of one statement differ on opposite sides.
 */
function divergeAround(
  run: Run,
  a: PreparedQuote,
  b: PreparedQuote,
  { creditA, creditB, pairs }: Alignment,
  wa: number[],
  wb: number[],
): boolean {
  if (run.length < 2) return false;
  const partnerOfA = new Map(pairs.map((p) => [p.i, p.j]));
  const partnerOfB = new Map(pairs.map((p) => [p.j, p.i]));
  const totalA = wa.reduce((x, y) => x + y, 0);
  const totalB = wb.reduce((x, y) => x + y, 0);
  for (const after of [true, false]) {
    const inA = (pos: number): boolean => (after ? pos >= run.a + run.length : pos < run.a);
    const inB = (pos: number): boolean => (after ? pos >= run.b + run.length : pos < run.b);
    let weightA = 0;
    let weightB = 0;
    let agreed = 0;
    a.positions.forEach((pos, i) => {
      if (!inA(pos)) return;
      weightA += wa[i];
      const j = partnerOfA.get(i);
      if (j === undefined ? creditA[i] > 0 : inB(b.positions[j])) agreed += wa[i] * creditA[i];
    });
    b.positions.forEach((pos, j) => {
      if (!inB(pos)) return;
      weightB += wb[j];
      const i = partnerOfB.get(j);
      if (i === undefined ? creditB[j] > 0 : inA(a.positions[i])) agreed += wb[j] * creditB[j];
    });
    if (weightA < SIDE_WEIGHT * totalA || weightB < SIDE_WEIGHT * totalB) continue;
    if (agreed / (weightA + weightB) < SIDE_AGREEMENT) return true;
  }
  return false;
}

interface Pair {
  i: number;
  j: number;
  sim: number;
}

/**
 * Matches content words one to one, best similarity first; then, along the longest run of matches in
 * the same order on both sides, credits lone unmatched words standing between two matches on both
 * sides as a rewording ("sustain its assault on" / "continue its offensive in").
 */
interface Alignment {
  readonly creditA: number[];
  readonly creditB: number[];
  readonly pairs: Pair[];
}

function align(a: PreparedQuote, b: PreparedQuote, vocab: Vocabulary): Alignment {
  // Word pairs are found through maps from stems and senses to a's words, not by trying every pair.
  const width = b.stems.length;
  const best = new Float32Array(a.stems.length * width);
  const offer = (i: number, j: number, sim: number): void => {
    const k = i * width + j;
    if (best[k] < sim) best[k] = sim;
  };
  const byStem = new Map<number, number>();
  const own = new Map<number, number[]>();
  const broader = new Map<number, number[]>();
  const add = (m: Map<number, number[]>, k: number, i: number): void => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  a.stems.forEach((s, i) => {
    byStem.set(s, i);
    const c = a.names[i] ? null : vocab.conceptsOf(s);
    if (!c) return;
    for (const k of c.own) add(own, k, i);
    for (const k of c.broader) add(broader, k, i);
  });
  b.stems.forEach((s, j) => {
    const same = byStem.get(s);
    if (same !== undefined) offer(same, j, SAME_STEM);
    const c = b.names[j] ? null : vocab.conceptsOf(s);
    if (!c) return;
    for (const k of c.own) {
      for (const i of own.get(k) ?? []) offer(i, j, SAME_SENSE);
      for (const i of broader.get(k) ?? []) offer(i, j, BROADER_SENSE);
    }
    for (const k of c.broader) for (const i of own.get(k) ?? []) offer(i, j, BROADER_SENSE);
  });
  const candidates: Pair[] = [];
  for (let k = 0; k < best.length; k++) {
    // Float32 holds 0.8 and 0.6 inexactly; the credits are read back as the constants they stand for.
    if (best[k] > 0) candidates.push({ i: Math.floor(k / width), j: k % width, sim: exactSim(best[k]) });
  }
  candidates.sort((x, y) => y.sim - x.sim || x.i - y.i || x.j - y.j);
  const creditA = new Array<number>(a.stems.length).fill(0);
  const creditB = new Array<number>(b.stems.length).fill(0);
  const pairs: Pair[] = [];
  for (const p of candidates) {
    if (creditA[p.i] || creditB[p.j]) continue;
    creditA[p.i] = p.sim;
    creditB[p.j] = p.sim;
    pairs.push(p);
  }
  const anchors = longestOrderedRun(pairs.slice().sort((x, y) => x.i - y.i));
  for (let k = 1; k < anchors.length; k++) {
    const gapA = range(anchors[k - 1].i + 1, anchors[k].i).filter((i) => !creditA[i]);
    const gapB = range(anchors[k - 1].j + 1, anchors[k].j).filter((j) => !creditB[j]);
    if (gapA.length >= 1 && gapA.length <= 2 && gapB.length >= 1 && gapB.length <= 2) {
      for (const i of gapA) creditA[i] = SUBSTITUTION;
      for (const j of gapB) creditB[j] = SUBSTITUTION;
    }
  }
  return { creditA, creditB, pairs };
}

function exactSim(x: number): number {
  return x > 0.9 ? SAME_STEM : x > 0.7 ? SAME_SENSE : BROADER_SENSE;
}

/** Longest subsequence of pairs (sorted by i) whose j also increases. */
function longestOrderedRun(pairs: Pair[]): Pair[] {
  const best: number[] = pairs.map(() => 1);
  const prev: number[] = pairs.map(() => -1);
  let end = -1;
  for (let k = 0; k < pairs.length; k++) {
    for (let m = 0; m < k; m++) {
      if (pairs[m].j < pairs[k].j && best[m] + 1 > best[k]) {
        best[k] = best[m] + 1;
        prev[k] = m;
      }
    }
    if (end < 0 || best[k] > best[end]) end = k;
  }
  const out: Pair[] = [];
  for (let k = end; k >= 0; k = prev[k]) out.unshift(pairs[k]);
  return out;
}

function weights(q: PreparedQuote, weight: (stem: number) => number): number[] {
  return Array.from(q.stems, (s, i) => weight(s) * (q.names[i] ? NAME_FACTOR : 1));
}

function totalWeight(q: PreparedQuote, weight: (stem: number) => number): number {
  return weights(q, weight).reduce((s, w) => s + w, 0);
}

function coverage(w: number[], credit: number[]): number {
  let total = 0;
  let got = 0;
  w.forEach((x, i) => {
    total += x;
    got += x * credit[i];
  });
  return total > 0 ? got / total : 0;
}

function nonNameCount(q: PreparedQuote): number {
  return q.names.reduce((n, x) => n + (x ? 0 : 1), 0);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}

function sameArray(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** Whether `needle` occurs as a contiguous run of `hay`. */
function contains(hay: Int32Array, needle: Int32Array): boolean {
  outer: for (let s = 0; s + needle.length <= hay.length; s++) {
    for (let k = 0; k < needle.length; k++) if (hay[s + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Compares two quote texts on their own (no corpus rarity weights): the relation and score a link
 * between them would have, or null when they are different statements.
 */
export function compareQuotes(
  a: string,
  b: string,
  kinds: { a?: QuoteKind; b?: QuoteKind } = {},
): Match | null {
  const vocab = new Vocabulary();
  return comparePrepared(prepare(a, kinds.a ?? 'statement', vocab), prepare(b, kinds.b ?? 'statement', vocab), vocab);
}
