/**
 * A cut of another quote's words with a few light edits: outlets and transcripts quoting the same
 * stretch of a statement write a number another way ("The number one message" / "The No. 1
 * message"), join two sentences with a comma, insert a bracketed name ("he [Altman] was not"), hear a
 * word otherwise ("the judge brought" / "bought"), or drop a word. The shorter quote's words stand in
 * the longer one in order, all but a few, around a run of words they share verbatim.
 */
import { longestRun } from './align';
import { negatedIn, type PreparedQuote, type Vocabulary } from './prepared';

/** Words the shorter quote needs: a shorter cut with an edit is too easily another sentence. */
const EDITED_MIN_WORDS = 8;
/** Words of the shorter quote per edit allowed (one edit for 8 to 15 words, two for 16 to 23, …). */
const WORDS_PER_EDIT = 8;
/** The verbatim run the cut must hold, at least. */
const MIN_RUN = 3;
/** Content words other than names the shorter quote needs. */
const MIN_CONTENT = 3;

/**
 * Steps an edit may take at a word that differs, as words of the shorter and of the longer quote it
 * covers: one for one, one left out by either, and two for one or one for two.
 */
const STEPS: readonly (readonly [number, number])[] = [[1, 1], [0, 1], [1, 0], [1, 2], [2, 1], [0, 2], [2, 0], [2, 2]];

/**
 * Whether `short` is a cut of `long` but for a few edits (`WORDS_PER_EDIT`), none of which changes a
 * denial, a number or a name: the run of words they share verbatim, extended both ways over the whole
 * of `short`.
 */
export function editedFragment(short: PreparedQuote, long: PreparedQuote, vocab: Vocabulary): boolean {
  const n = short.norms.length;
  if (n < EDITED_MIN_WORDS || n > long.norms.length + 2) return false;
  let content = 0;
  for (let k = 0; k < short.names.length; k++) if (!short.names[k]) content++;
  if (content < MIN_CONTENT) return false;
  const budget = Math.max(1, Math.floor(n / WORDS_PER_EDIT));
  // Words of the shorter quote the longer one lacks cost an edit each: a quick count rules most pairs out
  // before the run is looked for, which costs the product of their lengths.
  if (missingWords(short.norms, long.norms) > budget) return false;
  const run = longestRun(short.norms, long.norms);
  if (run.length < MIN_RUN) return false;
  const checks = new EditChecks(short, long, vocab);
  const right = extend(short.norms, long.norms, run.a + run.length, run.b + run.length, 1, budget, checks);
  if (right < 0) return false;
  return extend(short.norms, long.norms, run.a - 1, run.b - 1, -1, budget - right, checks) >= 0;
}

/**
 * Walks from word `i` of `s` and `j` of `l` in direction `dir` to the end of `s`, matching words and
 * taking an edit where they differ; the edits taken, or -1 past `budget` or where no edit leads back
 * to matching words.
 */
function extend(s: Int32Array, l: Int32Array, i: number, j: number, dir: 1 | -1, budget: number, checks: EditChecks): number {
  const inS = (k: number): boolean => k >= 0 && k < s.length;
  const inL = (k: number): boolean => k >= 0 && k < l.length;
  let edits = 0;
  while (inS(i)) {
    if (inL(j) && s[i] === l[j]) {
      i += dir;
      j += dir;
      continue;
    }
    let taken = false;
    for (const [di, dj] of STEPS) {
      const ni = i + dir * di;
      const nj = j + dir * dj;
      // The edit must lead back to the same words, or end the shorter quote.
      if (inS(ni) && !(inL(nj) && s[ni] === l[nj])) continue;
      if (!inS(ni) && dj > 0 && !inL(nj - dir)) continue;
      if (!checks.allows(i, di, j, dj, dir)) continue;
      edits += Math.max(di, dj);
      i = ni;
      j = nj;
      taken = true;
      break;
    }
    if (!taken || edits > budget) return -1;
  }
  return edits;
}

/** What an edit may not touch: a denial on one side only, a number, or a name said otherwise. */
class EditChecks {
  private readonly shortNames: ReadonlySet<number>;
  private readonly longNames: ReadonlySet<number>;

  constructor(
    private readonly short: PreparedQuote,
    private readonly long: PreparedQuote,
    private readonly vocab: Vocabulary,
  ) {
    this.shortNames = nameWords(short);
    this.longNames = nameWords(long);
  }

  /** Whether words [i, i + di) of the shorter quote may stand for words [j, j + dj) of the longer one (read in direction `dir`). */
  allows(i: number, di: number, j: number, dj: number, dir: 1 | -1): boolean {
    const a = this.words(this.short.norms, i, di, dir);
    const b = this.words(this.long.norms, j, dj, dir);
    const span = (at: number, count: number): [number, number] => (dir === 1 ? [at, at + count] : [at - count + 1, at + 1]);
    if (negatedIn(this.short, this.vocab, ...span(i, di)) !== negatedIn(this.long, this.vocab, ...span(j, dj))) return false;
    const numbers = (ws: readonly number[]): number[] => ws.filter((w) => /^\p{N}/u.test(this.vocab.text(w)));
    // One number for another ("3" / "4") changes what was said; a number for its word ("1" / "one") does not.
    if (numbers(a).length > 0 && numbers(b).length > 0) return false;
    const named = (ws: readonly number[], names: ReadonlySet<number>): boolean => ws.some((w) => names.has(w));
    // A name for another name is another statement; a name left out or put in ("he [Altman] was") is not.
    return !(named(a, this.shortNames) && named(b, this.longNames));
  }

  private words(norms: Int32Array, from: number, count: number, dir: 1 | -1): number[] {
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const at = from + dir * k;
      if (at >= 0 && at < norms.length) out.push(norms[at]);
    }
    return out;
  }
}

/** Word ids of a quote's names (its content stems flagged as names, at the word they first appear). */
function nameWords(q: PreparedQuote): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < q.names.length; k++) if (q.names[k]) out.add(q.norms[q.positions[k]]);
  return out;
}

/** Stamps of the words of the longer quote, by word id, for `missingWords`; grown as ids grow. */
let seen = new Int32Array(1024);
let stamp = 0;

/** How many words of `short` (with repeats) `long` does not hold at all. */
function missingWords(short: Int32Array, long: Int32Array): number {
  if (++stamp === 0x7fffffff) {
    seen.fill(0);
    stamp = 1;
  }
  for (const w of long) {
    if (w >= seen.length) {
      const grown = new Int32Array(Math.max(seen.length * 2, w + 1));
      grown.set(seen);
      seen = grown;
    }
    seen[w] = stamp;
  }
  let missing = 0;
  for (const w of short) if (w >= seen.length || seen[w] !== stamp) missing++;
  return missing;
}
