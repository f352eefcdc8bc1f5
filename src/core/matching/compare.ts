import type { LinkRelation, QuoteKind } from '../types';
import { conceptsOf } from './lexicon';
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
  readonly names: Int32Array;
  /** Says that something is not so ("not", "never", "without", "n't"), "not only" aside. */
  readonly negated: boolean;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'cannot', 'none', 'neither', 'nobody', 'nothing']);
const NOT_A_NEGATION_AFTER = new Set(['only', 'just', 'merely', 'least']);

/** Interns word forms and stems; one per index so ids are comparable across quotes. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly codes: (Int32Array | undefined)[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
      // Kept dense: an array filled at scattered indices turns into a slow dictionary.
      this.codes.push(undefined);
    }
    return id;
  }

  text(id: number): string {
    return this.texts[id] ?? '';
  }

  /**
   * WordNet senses of a stem id, looked up once: its own senses as `sense * 2`, then its broader ones
   * as `sense * 2 + 1`. One small array per distinct stem, so quotes need not carry their senses.
   */
  senseCodes(id: number): Int32Array {
    let codes = this.codes[id];
    if (codes === undefined) {
      const c = conceptsOf(this.texts[id]);
      codes = c ? Int32Array.from([...c.own.map((k) => 2 * k), ...c.broader.map((k) => 2 * k + 1)]) : NO_SENSES;
      this.codes[id] = codes;
    }
    return codes;
  }
}

const NO_SENSES = new Int32Array(0);

/** Reduces a quote text to its comparable form. */
export function prepare(text: string, kind: QuoteKind, vocab: Vocabulary): PreparedQuote {
  const ws = words(text);
  const count = ws.length;
  const norms = new Int32Array(count);
  const stems: number[] = [];
  const positions: number[] = [];
  const names: number[] = [];
  const seen = new Map<number, number>();
  let negated = false;
  for (let i = 0; i < count; i++) {
    const w = ws[i];
    norms[i] = vocab.id(w.norm);
    const negation = NEGATIONS.has(w.norm) || w.norm.endsWith("n't");
    if (negation && !NOT_A_NEGATION_AFTER.has(ws[i + 1]?.norm ?? '')) negated = true;
    if (!w.stem) continue;
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
  }
  const data = new Int32Array(count + 3 * stems.length);
  data.set(norms);
  data.set(stems, count);
  data.set(positions, count + stems.length);
  data.set(names, count + 2 * stems.length);
  return preparedView(kind, negated, data, 0, count, stems.length);
}

/**
 * A prepared quote over a stretch of a larger array laid out as `prepare` lays it out: `words` norms,
 * then `stems` stems, positions and name flags. An index keeps all its quotes in one array this way
 * and makes the views only when a quote is compared.
 */
export function preparedView(kind: QuoteKind, negated: boolean, data: Int32Array, at: number, words: number, stems: number): PreparedQuote {
  const s = at + words;
  return {
    kind,
    norms: data.subarray(at, s),
    stems: data.subarray(s, s + stems),
    positions: data.subarray(s + stems, s + 2 * stems),
    names: data.subarray(s + 2 * stems, s + 3 * stems),
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
/** …and at least this many of its content words, the same or synonyms. */
const CONTAINED_WORDS = 4;
/** Share of the shorter quote's matched words that must lie in one stretch of the longer. */
const STRETCH_SHARE = 0.8;

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

/** Content words a shared run must hold to be read as a formula the two quotes open or close with. */
const FORMULA_MIN_WORDS = 2;
/**
 * A run holding this many content words, and most of both quotes' weight, that does not open both is
 * the statement itself, led into with other words ("We will do everything necessary" / "whatever it
 * takes" "to ensure that Russia cannot win this war"). Two quotes opening alike and going on
 * differently are a formula and two statements, however long the opening.
 */
const STATEMENT_RUN_WORDS = 4;
const STATEMENT_RUN_SHARE = 0.5;

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

interface Run {
  /** Word index of the run in a and in b. */
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

let runRows: Int32Array = new Int32Array(0);

/** The longest run of words the two quotes share verbatim (after normalisation); the first such. */
function longestRun(x: Int32Array, y: Int32Array): Run {
  let bestA = 0;
  let bestB = 0;
  let bestLength = 0;
  const width = y.length + 1;
  if (runRows.length < 2 * width) runRows = new Int32Array(2 * width);
  let prev = 0;
  let cur = width;
  runRows.fill(0, 0, 2 * width);
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const length = xi === y[j - 1] ? runRows[prev + j - 1] + 1 : 0;
      runRows[cur + j] = length;
      if (length > bestLength) {
        bestLength = length;
        bestA = i - length;
        bestB = j - length;
      }
    }
    [prev, cur] = [cur, prev];
  }
  return { a: bestA, b: bestB, length: bestLength };
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

/** Share of a side's words that disagree below this: the quotes say different things there. */
const SIDE_AGREEMENT = 0.34;
/** A side counts when it holds at least this share of each quote's weight. */
const SIDE_WEIGHT = 0.15;

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
  readonly creditA: Float64Array;
  readonly creditB: Float64Array;
  readonly pairs: Pair[];
}

/** Word pair strengths, best first, as small codes in the scratch grid of `align`. */
const STEM_CODE = 3;
const SENSE_CODE = 2;
const BROADER_CODE = 1;
const SIM_OF_CODE = [0, BROADER_SENSE, SAME_SENSE, SAME_STEM];
/** Grid cells stay below this, so that a cell and its code make one sort key. */
const CELL_SPAN = 2 ** 40;
/**
 * Scratch shared by every `align` call, so that a comparison allocates almost nothing: a grid of word
 * pair codes and the list of its cells in use; for a's stems, their word index by stem id; for the
 * senses of a's words a linked list per sense; and the credits, read by the caller before the next
 * call. Stem and sense slots are valid where their stamp is the current call's.
 */
interface Scratch {
  grid: Uint8Array;
  cells: Int32Array;
  order: Float64Array;
  generation: number;
  stemStamp: Int32Array;
  stemWord: Int32Array;
  senseStamp: Int32Array;
  head: Int32Array;
  next: Int32Array;
  word: Int32Array;
  code: Int32Array;
  creditA: Float64Array;
  creditB: Float64Array;
  runLength: Int32Array;
  runPrev: Int32Array;
}

const scratch: Scratch = {
  grid: new Uint8Array(1024),
  cells: new Int32Array(256),
  order: new Float64Array(256),
  generation: 0,
  stemStamp: new Int32Array(1024),
  stemWord: new Int32Array(1024),
  senseStamp: new Int32Array(2048),
  head: new Int32Array(2048),
  next: new Int32Array(256),
  word: new Int32Array(256),
  code: new Int32Array(256),
  creditA: new Float64Array(64),
  creditB: new Float64Array(64),
  runLength: new Int32Array(64),
  runPrev: new Int32Array(64),
};

function grownInt(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const out = new Int32Array(Math.max(size, 2 * a.length));
  out.set(a);
  return out;
}

/** Makes room in the scratch for quotes of `na` and `nb` stems with `senses` senses on a's side. */
function reserve(s: Scratch, na: number, nb: number, senses: number): void {
  const cells = na * nb;
  if (s.grid.length < cells) s.grid = new Uint8Array(Math.max(cells, 2 * s.grid.length));
  if (s.cells.length < cells) s.cells = grownInt(s.cells, cells);
  if (s.order.length < cells) s.order = new Float64Array(Math.max(cells, 2 * s.order.length));
  if (s.next.length < senses) {
    s.next = grownInt(s.next, senses);
    s.word = grownInt(s.word, senses);
    s.code = grownInt(s.code, senses);
  }
  const most = Math.max(na, nb);
  if (s.creditA.length < most) {
    s.creditA = new Float64Array(2 * most);
    s.creditB = new Float64Array(2 * most);
    s.runLength = new Int32Array(2 * most);
    s.runPrev = new Int32Array(2 * most);
  }
}

function align(a: PreparedQuote, b: PreparedQuote, vocab: Vocabulary): Alignment {
  const s = scratch;
  const na = a.stems.length;
  const width = b.stems.length;
  let senseCount = 0;
  for (let i = 0; i < na; i++) if (!a.names[i]) senseCount += vocab.senseCodes(a.stems[i]).length;
  reserve(s, na, width, senseCount);
  if (++s.generation === 0x7fffffff) {
    s.stemStamp.fill(0);
    s.senseStamp.fill(0);
    s.generation = 1;
  }
  const generation = s.generation;
  const { grid, cells, next, word, code } = s;
  let used = 0;
  // a's stems and senses go into tables by id; b's then meet them without trying every pair.
  let entries = 0;
  for (let i = 0; i < na; i++) {
    const stem = a.stems[i];
    if (stem >= s.stemStamp.length) {
      s.stemStamp = grownInt(s.stemStamp, stem + 1);
      s.stemWord = grownInt(s.stemWord, stem + 1);
    }
    s.stemStamp[stem] = generation;
    s.stemWord[stem] = i;
    if (a.names[i]) continue;
    const codes = vocab.senseCodes(stem);
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c >= s.senseStamp.length) {
        s.senseStamp = grownInt(s.senseStamp, c + 2);
        s.head = grownInt(s.head, c + 2);
      }
      // Own and broader entries of one sense share the list of its own slot.
      const slot = c & ~1;
      if (s.senseStamp[slot] !== generation) {
        s.senseStamp[slot] = generation;
        s.head[slot] = -1;
      }
      word[entries] = i;
      code[entries] = c;
      next[entries] = s.head[slot];
      s.head[slot] = entries++;
    }
  }
  const { stemStamp, stemWord, senseStamp, head } = s;
  for (let j = 0; j < width; j++) {
    const stem = b.stems[j];
    if (stem < stemStamp.length && stemStamp[stem] === generation) {
      const cell = stemWord[stem] * width + j;
      grid[cell] = STEM_CODE;
      cells[used++] = cell;
    }
    if (entries === 0 || b.names[j]) continue;
    const codes = vocab.senseCodes(stem);
    for (let k = 0; k < codes.length; k++) {
      const slot = codes[k] & ~1;
      if (slot >= senseStamp.length || senseStamp[slot] !== generation) continue;
      const broaderB = codes[k] & 1;
      for (let e = head[slot]; e >= 0; e = next[e]) {
        const broaderA = code[e] & 1;
        // Two broader senses meeting say only that both words are kinds of one thing.
        if (broaderA && broaderB) continue;
        const strength = broaderA || broaderB ? BROADER_CODE : SENSE_CODE;
        const cell = word[e] * width + j;
        const was = grid[cell];
        if (was >= strength) continue;
        if (was === 0) cells[used++] = cell;
        grid[cell] = strength;
      }
    }
  }
  // One to one, best similarity first, then in word order: cells sorted by (code descending, cell).
  const order = s.order;
  for (let k = 0; k < used; k++) {
    const cell = cells[k];
    order[k] = (STEM_CODE - grid[cell]) * CELL_SPAN + cell;
    grid[cell] = 0;
  }
  sortPrefix(order, used);
  const creditA = s.creditA;
  const creditB = s.creditB;
  creditA.fill(0, 0, na);
  creditB.fill(0, 0, width);
  const pairs: Pair[] = [];
  for (let k = 0; k < used; k++) {
    const key = order[k];
    const cell = key % CELL_SPAN;
    const pi = (cell / width) | 0;
    const pj = cell - pi * width;
    if (creditA[pi] || creditB[pj]) continue;
    const sim = SIM_OF_CODE[STEM_CODE - Math.floor(key / CELL_SPAN)];
    creditA[pi] = sim;
    creditB[pj] = sim;
    pairs.push({ i: pi, j: pj, sim });
  }
  const anchors = longestOrderedRun(pairs.slice().sort((x, y) => x.i - y.i), s);
  for (let k = 1; k < anchors.length; k++) {
    const gapA = unmatchedBetween(creditA, anchors[k - 1].i + 1, anchors[k].i);
    const gapB = unmatchedBetween(creditB, anchors[k - 1].j + 1, anchors[k].j);
    if (gapA >= 1 && gapA <= 2 && gapB >= 1 && gapB <= 2) {
      for (let x = anchors[k - 1].i + 1; x < anchors[k].i; x++) if (!creditA[x]) creditA[x] = SUBSTITUTION;
      for (let y = anchors[k - 1].j + 1; y < anchors[k].j; y++) if (!creditB[y]) creditB[y] = SUBSTITUTION;
    }
  }
  return { creditA, creditB, pairs };
}

/** Sorts the first `count` numbers of `a` in place: insertion sort for the usual handful. */
function sortPrefix(a: Float64Array, count: number): void {
  if (count > 32) {
    a.subarray(0, count).sort();
    return;
  }
  for (let k = 1; k < count; k++) {
    const v = a[k];
    let m = k - 1;
    while (m >= 0 && a[m] > v) {
      a[m + 1] = a[m];
      m--;
    }
    a[m + 1] = v;
  }
}

function unmatchedBetween(credit: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!credit[k]) n++;
  return n;
}

/** Longest subsequence of pairs (sorted by i) whose j also increases. */
function longestOrderedRun(pairs: Pair[], s: Scratch): Pair[] {
  const best = s.runLength;
  const prev = s.runPrev;
  let end = -1;
  for (let k = 0; k < pairs.length; k++) {
    best[k] = 1;
    prev[k] = -1;
    for (let m = 0; m < k; m++) {
      if (pairs[m].j < pairs[k].j && best[m] + 1 > best[k]) {
        best[k] = best[m] + 1;
        prev[k] = m;
      }
    }
    if (end < 0 || best[k] > best[end]) end = k;
  }
  const out: Pair[] = [];
  for (let k = end; k >= 0; k = prev[k]) out.push(pairs[k]);
  return out.reverse();
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

/** Words a fragment with one content word needs, and the share of the longer quote it must make. */
const SHORT_FRAGMENT_WORDS = 4;
const SHORT_FRAGMENT_SHARE = 0.6;

/**
 * Whether `short`'s words stand word for word in `long`: two content words or more, or, with one, a
 * phrase of a few words that is most of the longer quote ("I'm sticking this through" / "Senator, I'm
 * sticking this through"), as a word or two found anywhere in a long statement is not.
 */
function isFragment(short: PreparedQuote, long: PreparedQuote): boolean {
  if (short.norms.length < 2 || nonNameCount(short) < 1) return false;
  const enough = short.stems.length >= 2
    || (short.norms.length >= SHORT_FRAGMENT_WORDS && short.norms.length >= SHORT_FRAGMENT_SHARE * long.norms.length);
  return enough && contains(long.norms, short.norms);
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
