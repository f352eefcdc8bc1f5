/**
 * The decision rules: whether two prepared quotes report the same words or the same statement, and how
 * sure that is, from the aligner's word pairs and the thresholds of `thresholds.ts`.
 */
import type { LinkRelation, QuoteKind } from '../types';
import { partitionPoint } from '../sorted';
import { align, longestRun, meetings, type Pair } from './align';
import { divergeAround, outsideRunCoverage, restsOnRun } from './formula';
import { editedFragment } from './edited-fragment';
import { nearFragment, sameRest } from './near-fragment';
import { antonymsOf } from './lexicon';
import { isFunctionWord } from './text';
import { cannotVary, wordsMet } from './variant-bound';
import { clauseStarts, negatedIn, prepare, Vocabulary, type PreparedQuote } from './prepared';
import { BROADER_SENSE, CLAUSE_FRAGMENT_WORDS, CONTAINED_COVERAGE, CONTAINED_WORDS, NAME_FACTOR, SAME_SENSE, SAME_STEM, SHORT_FRAGMENT_SHARE, SHORT_FRAGMENT_WORDS, STRETCH_SHARE, VARIANT_COVERAGE } from './thresholds';

/** How two quotes relate, when they report the same words or statement. */
export interface Match {
  readonly score: number;
  readonly relation: LinkRelation;
  /**
   * Set on a match too slight to stand on its words alone (a sentence of two or three words, “I’m
   * innocent”, found in a longer quote): it is a link only between quotes of one speaker.
   */
  readonly oneSpeaker?: true;
}

export interface CompareOptions {
  /** Rarity weight of a stem id; defaults to 1 for every word. */
  readonly weight?: (stem: number) => number;
  /**
   * The weights of `a`'s stems, as `stemWeights(a, weight)` gives them, for a caller comparing one
   * quote with many while the weights stay as they are.
   */
  readonly weightsOfA?: Float64Array;
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
  // Across documents only: the index tells it apart by its speakers when links are read, once they are known.
  if (isShortSentenceOf(short, long, vocab)) return { score: 0.8, relation: 'fragment', oneSpeaker: true };
  if (a.kind === 'term' || b.kind === 'term') return termVariant(short, long, vocab);
  if (referentSwapped(short, long, vocab) || describedInstead(short, long, vocab) || nearFragment(short, long, vocab) || editedFragment(short, long, vocab)) {
    const ratio = totalWeight(short, weight) / Math.max(1e-9, totalWeight(long, weight));
    return { score: round(0.7 + 0.2 * Math.min(1, ratio)), relation: 'variant' };
  }
  return statementVariant(a, b, vocab, weight, options.weightsOfA);
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
  weightsOfA: Float64Array | undefined,
): Match | null {
  const { inA, inB } = meetings(a, b, vocab);
  if (wordsMet(a, inA) < 2) return null;
  const wa = weightsOfA ?? stemWeights(a, weight);
  const wb = stemWeights(b, weight);
  if (cannotVary(a, b, inA, inB, wa, wb)) return null;
  const aligned = align(a, b, vocab);
  const { creditA, creditB, pairs } = aligned;
  if (saysTheOpposite(a, b, creditA, vocab)) return null;
  // Whatever else they share, a statement and its denial are not the same statement: where the words
  // they share stand, as a quote of several remarks may deny something in another.
  if ((a.negated || b.negated) && deniedWhereMatched(a, pairs, 'i', vocab) !== deniedWhereMatched(b, pairs, 'j', vocab)) return null;
  let matchedWords = 0;
  let closeWords = 0;
  for (const p of pairs) {
    if (a.names[p.i] || p.sim < BROADER_SENSE) continue;
    matchedWords++;
    if (p.sim >= SAME_SENSE) closeWords++;
  }
  if (matchedWords < 2) return null;
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
 * Whether a word of `a` the other does not answer has its antonym among `b`'s words, which `a` lacks:
 * the same statement with one word swapped for its opposite ("hired" / "fired", "a good deal" / "a
 * bad deal") is the opposite statement, however much else they share.
 */
function saysTheOpposite(a: PreparedQuote, b: PreparedQuote, creditA: Float64Array, vocab: Vocabulary): boolean {
  let inB: Set<string> | undefined;
  let inA: Set<string> | undefined;
  for (let i = 0; i < a.stems.length; i++) {
    if (creditA[i] >= SAME_SENSE || a.names[i]) continue;
    const opposites = antonymsOf(vocab.text(a.stems[i]));
    if (opposites.length === 0) continue;
    inB ??= new Set(Array.from(b.stems, (x) => vocab.text(x)));
    inA ??= new Set(Array.from(a.stems, (x) => vocab.text(x)));
    for (const o of opposites) if (inB.has(o) && !inA.has(o)) return true;
  }
  return false;
}

/**
 * Whether a quote says that something is not so in the clauses holding the words it shares with the
 * other, from the first clause with one to the last.
 */
function deniedWhereMatched(q: PreparedQuote, pairs: readonly Pair[], side: 'i' | 'j', vocab: Vocabulary): boolean {
  if (!q.negated) return false;
  if (pairs.length === 0) return true;
  let low = Infinity;
  let high = -1;
  for (const p of pairs) {
    const at = q.positions[p[side]];
    if (at < low) low = at;
    if (at > high) high = at;
  }
  let from = 0;
  let to = q.norms.length;
  for (const start of clauseStarts(q)) {
    if (start <= low) from = start;
    else if (start > high) {
      to = start;
      break;
    }
  }
  // A denial stands before what it denies, or just after it ("…, not now"): one further on in the
  // clause is of something else ("… as old as time and we have no patience for it").
  return negatedIn(q, vocab, from, Math.min(to, high + 1 + DENIAL_AFTER));
}

/** Words after the last shared word a denial of the shared words may stand at. */
const DENIAL_AFTER = 2;

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

/** Each stem's weight in a quote's coverage: its rarity, less for a name. */
export function stemWeights(q: PreparedQuote, weight: (stem: number) => number): Float64Array {
  const out = new Float64Array(q.stems.length);
  for (let i = 0; i < out.length; i++) out[i] = weight(q.stems[i]) * (q.names[i] ? NAME_FACTOR : 1);
  return out;
}

function totalWeight(q: PreparedQuote, weight: (stem: number) => number): number {
  let total = 0;
  for (let i = 0; i < q.stems.length; i++) total += weight(q.stems[i]) * (q.names[i] ? NAME_FACTOR : 1);
  return total;
}

/** Share of a quote's weight its words' credits cover, as the statement-variant rules read it. */
export function coverage(w: Float64Array, credit: Float64Array): number {
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
 * A statement of two or three words that is a whole clause of the longer quote (“I’m innocent” and
 * “… I respect this court. But I am innocent. I would never …”): too short to be sure of alone.
 */
function isShortSentenceOf(short: PreparedQuote, long: PreparedQuote, vocab: Vocabulary): boolean {
  if (short.kind !== 'statement' || short.norms.length < 2 || short.norms.length >= CLAUSE_FRAGMENT_WORDS || nonNameCount(short) < 1) return false;
  // The clause whole, or but for a conjunction or an answer's word it opens with ("But I am innocent").
  return contains(long.norms, short.norms, clauseStarts(long), (id) => CLAUSE_OPENERS.has(vocab.text(id)));
}

/** Words a clause may open with before the words it shares with a short statement. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['but', 'and', 'so', 'yes', 'well', 'now', 'no']);

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

/** Words opening a description that may stand for a name ("our country" for "modern Britain"). */
const DESCRIBING = new Set(['the', 'our', 'this', 'my', 'their', 'his', 'her', 'its', 'your', 'that']);

/**
 * Whether `short`'s words stand word for word in `long` but for a name of one or two words said as a
 * description of what it names, or the other way round ("the rock on which modern Britain was built" /
 * "the rock on which our country was built"; "we will defend Ukraine" / "we will defend the
 * country"). Two content words of its own must be found around it; two names are two things.
 */
function describedInstead(short: PreparedQuote, long: PreparedQuote, vocab: Vocabulary): boolean {
  const sn = short.norms;
  const ln = long.norms;
  if (sn.length < SHORT_FRAGMENT_WORDS) return false;
  for (let s = 0; s + sn.length - 2 <= ln.length; s++) {
    let k = 0;
    while (k < sn.length && s + k < ln.length && ln[s + k] === sn[k]) k++;
    if (k === sn.length) return false;
    if (k === 0 && s > 0 && ln[s] !== sn[0]) continue;
    for (let ls = 1; ls <= 2; ls++) {
      for (let ll = 1; ll <= 2; ll++) {
        if (k + ls > sn.length || s + k + ll > ln.length || !sameRest(sn, k + ls, ln, s + k + ll)) continue;
        const a = spanRole(short, k, ls, vocab);
        const b = spanRole(long, s + k, ll, vocab);
        const swapped = (a === 'name' && b === 'description') || (a === 'description' && b === 'name');
        if (swapped && contentOutside(short, k, ls) >= 2) return true;
      }
    }
  }
  return false;
}

type SpanRole = 'name' | 'description' | undefined;

/** Whether words [k, k + count) of a quote hold a name, or describe a thing (a determiner, then a word that is no name). */
function spanRole(q: PreparedQuote, k: number, count: number, vocab: Vocabulary): SpanRole {
  const named = (w: number): boolean => refersAs(q, w, vocab) === 'name';
  let names = 0;
  for (let w = k; w < k + count; w++) if (named(w)) names++;
  if (names > 0) return names === count || count === 2 ? 'name' : undefined;
  if (count === 2 && DESCRIBING.has(vocab.text(q.norms[k])) && !isFunctionWord(vocab.text(q.norms[k + 1]))) return 'description';
  return undefined;
}

/** Content words other than names of a quote outside words [k, k + count). */
function contentOutside(q: PreparedQuote, k: number, count: number): number {
  let n = 0;
  for (let i = 0; i < q.names.length; i++) if (!q.names[i] && (q.positions[i] < k || q.positions[i] >= k + count)) n++;
  return n;
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
 * Whether `needle` occurs as a contiguous run of `hay`; given `hay`'s clause starts (sorted), one that
 * starts and ends where a clause of `hay` does, or starts one word in where `mayLead` accepts that word.
 */
function contains(hay: Int32Array, needle: Int32Array, clauseStarts?: Int32Array, mayLead?: (word: number) => boolean): boolean {
  outer: for (let s = 0; s + needle.length <= hay.length; s++) {
    for (let k = 0; k < needle.length; k++) if (hay[s + k] !== needle[k]) continue outer;
    if (!clauseStarts) return true;
    const end = s + needle.length;
    if (!(end === hay.length || isStart(clauseStarts, end))) continue;
    if (s === 0 || isStart(clauseStarts, s)) return true;
    if (mayLead && (s === 1 || isStart(clauseStarts, s - 1)) && mayLead(hay[s - 1])) return true;
  }
  return false;
}

/** Whether `at` is among the sorted `starts`. */
function isStart(starts: Int32Array, at: number): boolean {
  const k = partitionPoint(starts.length, (i) => starts[i] < at);
  return k < starts.length && starts[k] === at;
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
