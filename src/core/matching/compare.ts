/**
 * The decision rules: whether two prepared quotes report the same words or the same statement, and how
 * sure that is, from the aligner's word pairs and the thresholds of `thresholds.ts`.
 */
import type { LinkRelation, QuoteKind } from '../types';
import { align, longestRun, type Alignment, type Run } from './align';
import { clauseStarts, prepare, Vocabulary, type PreparedQuote } from './prepared';
import { BROADER_SENSE, CLAUSE_FRAGMENT_WORDS, CONTAINED_COVERAGE, CONTAINED_WORDS, FORMULA_MIN_WORDS, NAME_FACTOR, SAME_SENSE, SAME_STEM, SHORT_FRAGMENT_SHARE, SHORT_FRAGMENT_WORDS, SIDE_AGREEMENT, SIDE_WEIGHT, STATEMENT_RUN_SHARE, STATEMENT_RUN_WORDS, STRETCH_SHARE, VARIANT_COVERAGE } from './thresholds';

/** How two quotes relate, when they report the same words or statement. */
export interface Match {
  readonly score: number;
  readonly relation: LinkRelation;
}

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
 *
 * Both quotes must come from `prepare` with `vocab`.
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

  if (isFragment(short, long)) {
    const ratio = totalWeight(short, weight) / Math.max(1e-9, totalWeight(long, weight));
    return { score: round(0.8 + 0.2 * Math.min(1, ratio)), relation: 'fragment' };
  }
  if (options.variants === false) return null;
  if (a.kind === 'term' || b.kind === 'term') return termVariant(short, long, vocab);
  if (referentSwapped(short, long, vocab)) {
    const ratio = totalWeight(short, weight) / Math.max(1e-9, totalWeight(long, weight));
    return { score: round(0.7 + 0.2 * Math.min(1, ratio)), relation: 'variant' };
  }
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
  let verbatim = false;
  let low = Infinity;
  let high = -Infinity;
  let sum = 0;
  for (const p of pairs) {
    if (p.sim < SAME_SENSE) return null;
    if (p.sim === SAME_STEM && !term.names[p.i]) verbatim = true;
    const at = other.positions[p.j];
    if (at < low) low = at;
    if (at > high) high = at;
    sum += p.sim;
  }
  if (!verbatim) return null;
  if (high - low + 1 > term.norms.length + 2) return null;
  return { score: round(0.6 + 0.3 * (sum / pairs.length)), relation: 'variant' };
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
  let matchedWords = 0;
  let closeWords = 0;
  for (const p of pairs) {
    if (a.names[p.i] || p.sim < BROADER_SENSE) continue;
    matchedWords++;
    if (p.sim >= SAME_SENSE) closeWords++;
  }
  if (matchedWords < 2) return null;
  const wa = weights(a, weight);
  const wb = weights(b, weight);
  const covA = coverage(wa, creditA);
  const covB = coverage(wb, creditB);
  const needed = Math.min(3, nonNameCount(a), nonNameCount(b));
  const mayVary = matchedWords >= needed && Math.min(covA, covB) >= VARIANT_COVERAGE;
  // One statement retold as part of a longer one: most of the shorter found, in one stretch.
  const [covShort, short, long, side] = covA >= covB ? [covA, a, b, 'j' as const] : [covB, b, a, 'i' as const];
  // Retold inside another, a statement keeps its words or their synonyms: a loose relation between two
  // words ("go" / "step") is too weak to count among the few it must share.
  if (!mayVary && (covShort < CONTAINED_COVERAGE || closeWords < CONTAINED_WORDS)) return null;
  const run = longestRun(a.norms, b.norms);
  if (mayVary) {
    if (divergeAround(run, a, b, aligned, wa, wb) || restsOnRun(run, a, b, aligned, wa, wb)) return null;
    return { score: round(Math.min(0.95, (2 * covA * covB) / (covA + covB))), relation: 'variant' };
  }
  if (!inOneStretch(pairs.map((p) => long.positions[p[side]]), 2 * short.norms.length + 4)) return null;
  if (divergeAround(run, a, b, aligned, wa, wb)) return null;
  // Nor may it rest on one shared phrase: the shorter quote's other words must be there too.
  const shortRun = short === a ? { start: run.a, credit: creditA, w: wa } : { start: run.b, credit: creditB, w: wb };
  if (run.length >= 3 && outsideRunCoverage(short, shortRun.start, run.length, shortRun.w, shortRun.credit) < VARIANT_COVERAGE) return null;
  return { score: round(0.5 + (0.3 * (covShort - CONTAINED_COVERAGE)) / (1 - CONTAINED_COVERAGE)), relation: 'variant' };
}

/**
 * Whether nearly all of `positions` (all but one in five) fall within one stretch of `width` words.
 * A word the longer quote repeats is placed where it first appears, which may be far from the rest.
 */
function inOneStretch(positions: number[], width: number): boolean {
  positions.sort((x, y) => x - y);
  let most = 0;
  for (let lo = 0, hi = 0; hi < positions.length; hi++) {
    while (positions[hi] - positions[lo] + 1 > width) lo++;
    most = Math.max(most, hi - lo + 1);
  }
  return most >= Math.ceil(STRETCH_SHARE * positions.length);
}

/**
 * Whether a shared run may stand for a formula the quotes share while saying different things: it holds
 * a couple of content words, or opens or closes both quotes ("Beijing cannot…"; "in an official" in
 * the middle of two translations does not), and is not most of what both quotes say.
 */
function anchors(run: Run, a: PreparedQuote, b: PreparedQuote, wa: Float64Array, wb: Float64Array): boolean {
  const opens = run.a === 0 && run.b === 0;
  const closes = run.a + run.length === a.norms.length && run.b + run.length === b.norms.length;
  let words = 0;
  let inA = 0;
  for (let i = 0; i < a.positions.length; i++) {
    const pos = a.positions[i];
    if (pos < run.a || pos >= run.a + run.length) continue;
    inA += wa[i];
    if (!a.names[i]) words++;
  }
  if (words < FORMULA_MIN_WORDS && !opens && !closes) return false;
  let inB = 0;
  for (let j = 0; j < b.positions.length; j++) {
    const pos = b.positions[j];
    if (pos >= run.b && pos < run.b + run.length) inB += wb[j];
  }
  const statement = !opens && words >= STATEMENT_RUN_WORDS && inA >= STATEMENT_RUN_SHARE * sum(wa) && inB >= STATEMENT_RUN_SHARE * sum(wb);
  return !statement;
}

/**
 * True when all the two quotes agree on is one shared phrase ("…cannot achieve better relations…")
 * and each says something of its own around it.
 */
function restsOnRun(run: Run, a: PreparedQuote, b: PreparedQuote, { creditA, creditB }: Alignment, wa: Float64Array, wb: Float64Array): boolean {
  if (run.length < 3 || !anchors(run, a, b, wa, wb)) return false;
  const outside = (q: PreparedQuote, start: number, w: Float64Array): number => {
    let x = 0;
    let all = 0;
    for (let i = 0; i < q.positions.length; i++) {
      const pos = q.positions[i];
      if (pos < start || pos >= start + run.length) x += w[i];
      all += w[i];
    }
    return x / Math.max(1e-9, all);
  };
  if (outside(a, run.a, wa) < SIDE_WEIGHT || outside(b, run.b, wb) < SIDE_WEIGHT) return false;
  if (wordsOutside(a, run.a, run.length) < 2 && wordsOutside(b, run.b, run.length) < 2) return false;
  // A cut of the other quote has its own few words found; two statements sharing a phrase have none.
  return Math.max(
    outsideRunCoverage(a, run.a, run.length, wa, creditA),
    outsideRunCoverage(b, run.b, run.length, wb, creditB),
  ) < SIDE_AGREEMENT;
}

/** Content words of `q` outside the run of `length` words from `start`. */
function wordsOutside(q: PreparedQuote, start: number, length: number): number {
  let n = 0;
  for (let i = 0; i < q.positions.length; i++) if (q.positions[i] < start || q.positions[i] >= start + length) n++;
  return n;
}

function outsideRunCoverage(q: PreparedQuote, start: number, length: number, w: Float64Array, credit: Float64Array): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < q.positions.length; i++) {
    const pos = q.positions[i];
    if (pos >= start && pos < start + length) continue;
    total += w[i];
    got += w[i] * credit[i];
  }
  return total > 0 ? got / total : 1;
}

/**
 * True when two quotes share a run of words and then say different things on the same side of it,
 * after it in both (an opening formula: "We are committed to maintaining…" / "…to taking…") or
 * before it in both: neither quote's words on that side are found on the other's. Re-translations
 * differ all along; a cut of one statement keeps one quote's words on each side, among the other's.
 */
function divergeAround(
  run: Run,
  a: PreparedQuote,
  b: PreparedQuote,
  { creditA, creditB, pairs }: Alignment,
  wa: Float64Array,
  wb: Float64Array,
): boolean {
  if (run.length < 2 || !anchors(run, a, b, wa, wb)) return false;
  const partnerOfA = new Int32Array(a.stems.length).fill(-1);
  const partnerOfB = new Int32Array(b.stems.length).fill(-1);
  for (const p of pairs) {
    partnerOfA[p.i] = p.j;
    partnerOfB[p.j] = p.i;
  }
  const totalA = sum(wa);
  const totalB = sum(wb);
  for (const after of [true, false]) {
    const inA = (pos: number): boolean => (after ? pos >= run.a + run.length : pos < run.a);
    const inB = (pos: number): boolean => (after ? pos >= run.b + run.length : pos < run.b);
    let weightA = 0;
    let weightB = 0;
    let agreedA = 0;
    let agreedB = 0;
    let wordsA = 0;
    let wordsB = 0;
    for (let i = 0; i < a.positions.length; i++) {
      if (!inA(a.positions[i])) continue;
      weightA += wa[i];
      wordsA++;
      const j = partnerOfA[i];
      if (j < 0 ? creditA[i] > 0 : inB(b.positions[j])) agreedA += wa[i] * creditA[i];
    }
    for (let j = 0; j < b.positions.length; j++) {
      if (!inB(b.positions[j])) continue;
      weightB += wb[j];
      wordsB++;
      const i = partnerOfB[j];
      if (i < 0 ? creditB[j] > 0 : inA(a.positions[i])) agreedB += wb[j] * creditB[j];
    }
    if (weightA < SIDE_WEIGHT * totalA || weightB < SIDE_WEIGHT * totalB) continue;
    // One word said otherwise on each side ("has begun" / "has arrived") is a rewording.
    if (wordsA < 2 && wordsB < 2) continue;
    // A cut keeps one side's words: what one quote says there, the other says there too, among more.
    if (Math.max(agreedA / weightA, agreedB / weightB) < SIDE_AGREEMENT) return true;
  }
  return false;
}

function weights(q: PreparedQuote, weight: (stem: number) => number): Float64Array {
  const out = new Float64Array(q.stems.length);
  for (let i = 0; i < out.length; i++) out[i] = weight(q.stems[i]) * (q.names[i] ? NAME_FACTOR : 1);
  return out;
}

function sum(w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  return total;
}

function totalWeight(q: PreparedQuote, weight: (stem: number) => number): number {
  let total = 0;
  for (let i = 0; i < q.stems.length; i++) total += weight(q.stems[i]) * (q.names[i] ? NAME_FACTOR : 1);
  return total;
}

function coverage(w: Float64Array, credit: Float64Array): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < w.length; i++) {
    total += w[i];
    got += w[i] * credit[i];
  }
  return total > 0 ? got / total : 0;
}

function nonNameCount(q: PreparedQuote): number {
  let n = 0;
  for (let i = 0; i < q.names.length; i++) if (!q.names[i]) n++;
  return n;
}

function sameArray(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * Whether `short`'s words stand word for word in `long`: two content words or more, or, with one, a
 * phrase of a few words that is most of the longer quote ("I'm sticking this through" / "Senator, I'm
 * sticking this through"), as a word or two found anywhere in a long statement is not.
 */
function isFragment(short: PreparedQuote, long: PreparedQuote): boolean {
  if (short.norms.length < 2 || nonNameCount(short) < 1) return false;
  if (short.stems.length >= 2 || (short.norms.length >= SHORT_FRAGMENT_WORDS && short.norms.length >= SHORT_FRAGMENT_SHARE * long.norms.length)) {
    return contains(long.norms, short.norms);
  }
  // Or a whole clause of the longer quote, between its marks ("…in others, there's never been one
  // like this"): a clause is quoted on its own, where the same words inside a clause are a phrase.
  return short.norms.length >= CLAUSE_FRAGMENT_WORDS && contains(long.norms, short.norms, clauseStarts(long));
}

/**
 * Words that point to a thing named elsewhere: an outlet may put the name in their place, or one for
 * another ("it" / "this"). A person's pronoun is left out: "he" for a name is as often another person.
 */
const POINTING = new Set(['it', 'this', 'that', 'its']);

/**
 * Whether `short`'s words stand word for word in `long` but for one, where one says who or what and
 * the other points to it ("You are strip-mining Boeing" / "…you're strip mining it"; "This is going
 * to take some time" / "It's going to take some time"): a cut of the same words, a referent written
 * out or left as a pronoun. Two content words of its own must be found around it.
 */
function referentSwapped(short: PreparedQuote, long: PreparedQuote, vocab: Vocabulary): boolean {
  if (short.norms.length < SHORT_FRAGMENT_WORDS || nonNameCount(short) < 2) return false;
  const sn = short.norms;
  const ln = long.norms;
  for (let s = 0; s + sn.length <= ln.length; s++) {
    let swapped = -1;
    let k = 0;
    for (; k < sn.length; k++) {
      if (ln[s + k] === sn[k]) continue;
      if (swapped >= 0) break;
      swapped = k;
    }
    if (k < sn.length || swapped < 0) continue;
    const x = refersAs(short, swapped, vocab);
    const y = refersAs(long, s + swapped, vocab);
    // A name for a pointing word or one pointing word for another; two names are two different things.
    if (x && y && (x === 'pointing' || y === 'pointing') && contentAround(short, swapped) >= 2) return true;
  }
  return false;
}

/** Whether word `k` of a quote points to a thing, names one, or neither. */
function refersAs(q: PreparedQuote, k: number, vocab: Vocabulary): 'pointing' | 'name' | undefined {
  if (POINTING.has(vocab.text(q.norms[k]))) return 'pointing';
  for (let i = 0; i < q.positions.length; i++) if (q.positions[i] === k) return q.names[i] ? 'name' : undefined;
  return undefined;
}

/** Content words other than names of a quote outside its word `k`. */
function contentAround(q: PreparedQuote, k: number): number {
  let n = 0;
  for (let i = 0; i < q.names.length; i++) if (!q.names[i] && q.positions[i] !== k) n++;
  return n;
}

/**
 * Whether `needle` occurs as a contiguous run of `hay`; given `hay`'s clause starts, one that starts
 * and ends where a clause of `hay` does.
 */
function contains(hay: Int32Array, needle: Int32Array, clauseStarts?: Int32Array): boolean {
  outer: for (let s = 0; s + needle.length <= hay.length; s++) {
    for (let k = 0; k < needle.length; k++) if (hay[s + k] !== needle[k]) continue outer;
    if (!clauseStarts) return true;
    const end = s + needle.length;
    if ((s === 0 || clauseStarts.includes(s)) && (end === hay.length || clauseStarts.includes(end))) return true;
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
