/**
 * The aligner: which content words of two prepared quotes answer each other, one to one, best
 * similarity first, and the runs of words they share verbatim.
 */
import type { PreparedQuote, Vocabulary } from './prepared';
import { BROADER_SENSE, LEAD_IN_GAP, SAME_SENSE, SAME_STEM, SUBSTITUTION, SUBSTITUTION_GAP } from './thresholds';

export interface Run {
  /** Word index of the run in a and in b. */
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

let runRows: Int32Array = new Int32Array(0);

/** The longest run of words the two quotes share verbatim (after normalisation); the first such. */
export function longestRun(x: Int32Array, y: Int32Array): Run {
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

export interface Pair {
  i: number;
  j: number;
  sim: number;
}

/**
 * Matches content words one to one, best similarity first; then, along the longest run of matches in
 * the same order on both sides, credits lone unmatched words standing between two matches on both
 * sides as a rewording ("sustain its assault on" / "continue its offensive in").
 */
export interface Alignment {
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
 * pair codes and the list of its cells in use; and the credits, read by the caller before the next
 * call. Then the tables of one quote's side: for its stems, their word index by stem id; for the
 * senses of its words a linked list per sense, and a bit per sense (hashed) saying which it may have.
 * Stem and sense slots are valid where their stamp is the side's generation.
 */
interface Scratch {
  grid: Uint8Array;
  cells: Int32Array;
  order: Float64Array;
  creditA: Float64Array;
  creditB: Float64Array;
  runLength: Int32Array;
  runPrev: Int32Array;
  /**
   * The quote whose tables these are, and with which vocabulary: a new quote is compared with each of
   * its candidates in turn, and reads its tables once for all of them. A prepared quote's arrays are
   * never written after `prepare` or the store's insertion, so the same object stands for the same words.
   */
  side: PreparedQuote | undefined;
  sideVocab: Vocabulary | undefined;
  /** Sense entries in the side's lists. */
  sideEntries: number;
  generation: number;
  stemStamp: Int32Array;
  stemWord: Int32Array;
  senseStamp: Int32Array;
  head: Int32Array;
  next: Int32Array;
  word: Int32Array;
  code: Int32Array;
  senseBits: Int32Array;
  /** The pair whose cells the grid holds between `meetings` and `align`, and how many; none when clear. */
  filledA: PreparedQuote | undefined;
  filledB: PreparedQuote | undefined;
  filledVocab: Vocabulary | undefined;
  filledCells: number;
  /** The words of each side meeting the other's, for `meetings`. */
  metA: Uint8Array;
  metB: Uint8Array;
}

/**
 * Bits of the side's sense filter. A sense table indexed by sense id is too large for the processor's
 * nearest caches, and most of the other quote's senses are not the side's: a small bit table answers
 * those first. A quote has a few hundred senses at most, so few bits are set and few lookups pass it
 * by chance; one that does only reads the table as before.
 */
const SENSE_BITS = 1 << 16;
const SENSE_WORD_MASK = SENSE_BITS / 32 - 1;

const scratch: Scratch = {
  grid: new Uint8Array(1024),
  cells: new Int32Array(256),
  order: new Float64Array(256),
  creditA: new Float64Array(64),
  creditB: new Float64Array(64),
  runLength: new Int32Array(64),
  runPrev: new Int32Array(64),
  side: undefined,
  sideVocab: undefined,
  sideEntries: 0,
  generation: 0,
  stemStamp: new Int32Array(1024),
  stemWord: new Int32Array(1024),
  senseStamp: new Int32Array(2048),
  head: new Int32Array(2048),
  next: new Int32Array(256),
  word: new Int32Array(256),
  code: new Int32Array(256),
  senseBits: new Int32Array(SENSE_BITS / 32),
  filledA: undefined,
  filledB: undefined,
  filledVocab: undefined,
  filledCells: 0,
  metA: new Uint8Array(64),
  metB: new Uint8Array(64),
};

/** `a`, or a copy at least `size` long (twice as long, when that is more) when it is shorter. */
export function grownInt(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  const out = new Int32Array(Math.max(size, 2 * a.length));
  out.set(a);
  return out;
}

/** Makes room in the scratch for comparing quotes of `na` and `nb` stems. */
function reserve(s: Scratch, na: number, nb: number): void {
  const cells = na * nb;
  if (s.grid.length < cells) s.grid = new Uint8Array(Math.max(cells, 2 * s.grid.length));
  if (s.cells.length < cells) s.cells = grownInt(s.cells, cells);
  if (s.order.length < cells) s.order = new Float64Array(Math.max(cells, 2 * s.order.length));
  const most = Math.max(na, nb);
  if (s.creditA.length < most) {
    s.creditA = new Float64Array(2 * most);
    s.creditB = new Float64Array(2 * most);
    s.runLength = new Int32Array(2 * most);
    s.runPrev = new Int32Array(2 * most);
  }
}

/** Puts a's stems and senses into the side's tables by id, for b's to meet without trying every pair. */
function readSide(s: Scratch, a: PreparedQuote, vocab: Vocabulary): void {
  const na = a.stems.length;
  let senseCount = 0;
  for (let i = 0; i < na; i++) if (!a.names[i]) senseCount += vocab.senseCodes(a.stems[i]).length;
  if (s.next.length < senseCount) {
    s.next = grownInt(s.next, senseCount);
    s.word = grownInt(s.word, senseCount);
    s.code = grownInt(s.code, senseCount);
  }
  if (++s.generation === 0x7fffffff) {
    s.stemStamp.fill(0);
    s.senseStamp.fill(0);
    s.generation = 1;
  }
  const generation = s.generation;
  const { next, word, code, senseBits } = s;
  senseBits.fill(0);
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
        const h = slot >>> 1;
        senseBits[(h >>> 5) & SENSE_WORD_MASK] |= 1 << (h & 31);
      }
      word[entries] = i;
      code[entries] = c;
      next[entries] = s.head[slot];
      s.head[slot] = entries++;
    }
  }
  s.side = a;
  s.sideVocab = vocab;
  s.sideEntries = entries;
}

/**
 * Fills the scratch grid with the codes of the word pairs of `a` and `b` that may answer each other,
 * and the list of its cells in use, unless it holds those of this very pair already (`meetings`).
 * A grid another pair left filled is cleared first.
 */
function fillGrid(s: Scratch, a: PreparedQuote, b: PreparedQuote, vocab: Vocabulary): number {
  if (s.filledA === a && s.filledB === b && s.filledVocab === vocab) return s.filledCells;
  if (s.filledA) {
    for (let k = 0; k < s.filledCells; k++) s.grid[s.cells[k]] = 0;
    s.filledA = undefined;
  }
  const na = a.stems.length;
  const width = b.stems.length;
  if (s.side !== a || s.sideVocab !== vocab) readSide(s, a, vocab);
  reserve(s, na, width);
  const { grid, cells, next, word, code, stemStamp, stemWord, senseStamp, head, senseBits, generation } = s;
  const entries = s.sideEntries;
  let used = 0;
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
      const h = slot >>> 1;
      if ((senseBits[(h >>> 5) & SENSE_WORD_MASK] & (1 << (h & 31))) === 0) continue;
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
  s.filledA = a;
  s.filledB = b;
  s.filledVocab = vocab;
  s.filledCells = used;
  return used;
}

/**
 * Which content words of each quote meet some word of the other, by stem or by sense, as `align` may
 * pair them: 1 at their index, as views into the scratch valid until the next call. The grid is kept
 * for `align` of the same two quotes to go on from.
 */
export function meetings(a: PreparedQuote, b: PreparedQuote, vocab: Vocabulary): { readonly inA: Uint8Array; readonly inB: Uint8Array } {
  const s = scratch;
  const used = fillGrid(s, a, b, vocab);
  const na = a.stems.length;
  const width = b.stems.length;
  if (s.metA.length < na) s.metA = new Uint8Array(2 * na);
  if (s.metB.length < width) s.metB = new Uint8Array(2 * width);
  const inA = s.metA.subarray(0, na);
  const inB = s.metB.subarray(0, width);
  inA.fill(0);
  inB.fill(0);
  for (let k = 0; k < used; k++) {
    const cell = s.cells[k];
    const i = (cell / width) | 0;
    inA[i] = 1;
    inB[cell - i * width] = 1;
  }
  return { inA, inB };
}

export function align(a: PreparedQuote, b: PreparedQuote, vocab: Vocabulary): Alignment {
  const s = scratch;
  const used = fillGrid(s, a, b, vocab);
  s.filledA = undefined;
  const na = a.stems.length;
  const width = b.stems.length;
  const grid = s.grid;
  const cells = s.cells;
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
  // A lead-in said in other words after the same opening, to the same statement ("We will do whatever
  // it takes to ensure that" / "We will do everything so that" "Russia cannot win this war"): the same
  // words before the first content word of both stand for an anchor at the start, when all the two
  // say after the lead-in is found in the other.
  if (anchors.length > 0 && sameOpening(a, b) && allCredited(creditA, anchors[0].i, na) && allCredited(creditB, anchors[0].j, width)) {
    const gapA = unmatchedBetween(creditA, 0, anchors[0].i);
    const gapB = unmatchedBetween(creditB, 0, anchors[0].j);
    if (gapA >= 1 && gapA <= LEAD_IN_GAP && gapB >= 1 && gapB <= LEAD_IN_GAP) {
      for (let x = 0; x < anchors[0].i; x++) if (!creditA[x]) creditA[x] = SUBSTITUTION;
      for (let y = 0; y < anchors[0].j; y++) if (!creditB[y]) creditB[y] = SUBSTITUTION;
    }
  }
  for (let k = 1; k < anchors.length; k++) {
    const gapA = unmatchedBetween(creditA, anchors[k - 1].i + 1, anchors[k].i);
    const gapB = unmatchedBetween(creditB, anchors[k - 1].j + 1, anchors[k].j);
    if (gapA >= 1 && gapA <= SUBSTITUTION_GAP && gapB >= 1 && gapB <= SUBSTITUTION_GAP) {
      for (let x = anchors[k - 1].i + 1; x < anchors[k].i; x++) if (!creditA[x]) creditA[x] = SUBSTITUTION;
      for (let y = anchors[k - 1].j + 1; y < anchors[k].j; y++) if (!creditB[y]) creditB[y] = SUBSTITUTION;
    }
  }
  creditCompounds(a, b, creditA, creditB, vocab);
  creditCompounds(b, a, creditB, creditA, vocab);
  return { creditA, creditB, pairs };
}

/** Letters a closed compound needs ("seafloor", "spaceflight"), and each of its two words. */
const COMPOUND_LETTERS = 7;
const COMPOUND_PART_LETTERS = 3;

/**
 * A word of `x` left unanswered that `y` writes as two words ("seafloor" / "sea floor", "spaceflight" /
 * "space flight"): the same word, credited on both sides as a synonym is.
 */
function creditCompounds(x: PreparedQuote, y: PreparedQuote, cx: Float64Array, cy: Float64Array, vocab: Vocabulary): void {
  for (let i = 0; i < x.stems.length; i++) {
    if (cx[i] || x.names[i]) continue;
    const word = vocab.text(x.norms[x.positions[i]]);
    if (word.length < COMPOUND_LETTERS) continue;
    for (let j = 0; j + 1 < y.norms.length; j++) {
      const first = vocab.text(y.norms[j]);
      const second = vocab.text(y.norms[j + 1]);
      if (first.length < COMPOUND_PART_LETTERS || second.length < COMPOUND_PART_LETTERS || first.length + second.length !== word.length) continue;
      if (!word.startsWith(first) || !word.endsWith(second)) continue;
      cx[i] = SAME_SENSE;
      for (let k = 0; k < y.stems.length; k++) if ((y.positions[k] === j || y.positions[k] === j + 1) && !cy[k]) cy[k] = SAME_SENSE;
      break;
    }
  }
}

/**
 * Content words of one side, at most, that `align` credits as a rewording (`SUBSTITUTION`) without
 * pairing them, when it pairs `pairs` words: a lead-in before the first anchor, and a short gap
 * between each two.
 */
export function rewordingsAtMost(pairs: number): number {
  return pairs === 0 ? 0 : LEAD_IN_GAP + SUBSTITUTION_GAP * (pairs - 1);
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

/** Whether both quotes open with the same words before their first content word, at least one. */
function sameOpening(a: PreparedQuote, b: PreparedQuote): boolean {
  if (a.stems.length === 0 || b.stems.length === 0) return false;
  const n = a.positions[0];
  if (n === 0 || n !== b.positions[0]) return false;
  for (let k = 0; k < n; k++) if (a.norms[k] !== b.norms[k]) return false;
  return true;
}

function allCredited(credit: Float64Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!credit[k]) return false;
  return true;
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
