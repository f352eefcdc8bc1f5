/**
 * A cut of another quote's words with a few light edits: outlets and transcripts quoting the same
 * stretch of a statement write a number another way ("The number one message" / "The No. 1
 * message"), join two sentences with a comma, insert a bracketed name ("he [Altman] was not"), hear a
 * word otherwise ("the judge brought" / "bought"), or drop a word. The shorter quote's words stand in
 * the longer one in order, all but a few, around a run of words they share verbatim.
 */
import { grownInt, longestRun } from './align';
import { negatedIn, type PreparedQuote, type Vocabulary } from './prepared';
import { conceptsOf, isKnownWord } from './lexicon';
import { isFunctionWord } from './text';
import { editDistanceOver, typoApart } from '../text/edit-distance';

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

  /**
   * Whether words [i, i + di) of the shorter quote may stand for words [j, j + dj) of the longer one
   * (read in direction `dir`): a number written another way ("No. 1" / "number one"), one word heard or
   * spelt otherwise ("brought" / "bought"), or a small word or a name put in or left out ("he [Altman]
   * was"). Never another word ("good" / "bad", "win" / "lose"), another number, or a denial.
   */
  allows(i: number, di: number, j: number, dj: number, dir: 1 | -1): boolean {
    const a = this.words(this.short.norms, i, di, dir).map((w) => this.vocab.text(w));
    const b = this.words(this.long.norms, j, dj, dir).map((w) => this.vocab.text(w));
    const span = (at: number, count: number): [number, number] => (dir === 1 ? [at, at + count] : [at - count + 1, at + 1]);
    if (negatedIn(this.short, this.vocab, ...span(i, di)) !== negatedIn(this.long, this.vocab, ...span(j, dj))) return false;
    const numeric = numberWords(a) || numberWords(b);
    if (numeric) return sameNumber(a, b);
    if (a.length === 1 && b.length === 1) {
      const x = this.words(this.short.norms, i, 1, dir)[0];
      const y = this.words(this.long.norms, j, 1, dir)[0];
      if (this.sameSense(x, y)) return true;
      // Heard or spelt otherwise ("brought" / "bought"), not another word of the language ("hired" /
      // "fired", "increase" / "decrease", "possible" / "impossible"): two known words sharing no sense
      // must keep their first letter and differ by one letter.
      const known = isKnownWord(this.vocab.wordStem(x) ?? '') && isKnownWord(this.vocab.wordStem(y) ?? '');
      return spelledAlike(a[0], b[0]) && !(known && (a[0][0] !== b[0][0] || editDistanceOver(a[0], b[0], 1)));
    }
    // Put in or left out: small words, or a name ("he [Altman] was"), never a word that says something.
    if (a.length === 0 || b.length === 0) {
      const names = a.length === 0 ? this.longNames : this.shortNames;
      const ids = a.length === 0 ? this.words(this.long.norms, j, dj, dir) : this.words(this.short.norms, i, di, dir);
      return ids.every((w) => names.has(w) || isFunctionWord(this.vocab.text(w)));
    }
    return false;
  }

  /** Whether two word ids are one word in two inflections, or share a sense ("lucky" / "fortunate"). */
  private sameSense(x: number, y: number): boolean {
    const sx = this.vocab.wordStem(x);
    const sy = this.vocab.wordStem(y);
    if (sx === null || sy === null) return false;
    if (sx === sy) return true;
    const own = new Set(conceptsOf(sx)?.own ?? []);
    return (conceptsOf(sy)?.own ?? []).some((k) => own.has(k));
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
let seen: Int32Array = new Int32Array(1024);
let stamp = 0;

/** How many words of `short` (with repeats) `long` does not hold at all. */
function missingWords(short: Int32Array, long: Int32Array): number {
  if (++stamp === 0x7fffffff) {
    seen.fill(0);
    stamp = 1;
  }
  for (const w of long) {
    seen = grownInt(seen, w + 1);
    seen[w] = stamp;
  }
  let missing = 0;
  for (const w of short) if (w >= seen.length || seen[w] !== stamp) missing++;
  return missing;
}

/** Number words, and the words that say "number", as one reading ("No. 1" and "number one" both read "# 1"). */
const NUMBER_WORDS = new Map<string, string>([
  ['zero', '0'], ['one', '1'], ['two', '2'], ['three', '3'], ['four', '4'], ['five', '5'], ['six', '6'], ['seven', '7'],
  ['eight', '8'], ['nine', '9'], ['ten', '10'], ['eleven', '11'], ['twelve', '12'], ['twenty', '20'], ['thirty', '30'],
  ['forty', '40'], ['fifty', '50'], ['hundred', '100'], ['no', '#'], ['number', '#'], ['nr', '#'],
]);

/** Whether any of the words is a number, in figures or in words. */
function numberWords(ws: readonly string[]): boolean {
  return ws.some((w) => /^\p{N}/u.test(w) || (NUMBER_WORDS.has(w) && NUMBER_WORDS.get(w) !== '#'));
}

/** Whether two runs of words say the same number ("No. 1" / "number one", "3" / "three"). */
function sameNumber(a: readonly string[], b: readonly string[]): boolean {
  const read = (ws: readonly string[]): string => ws.map((w) => NUMBER_WORDS.get(w) ?? w).join(' ');
  return read(a) === read(b);
}

/** Whether two words are one spelt or heard otherwise: four letters or more, one or two letters apart. */
function spelledAlike(x: string, y: string): boolean {
  if (x.length < 4 || y.length < 4 || Math.abs(x.length - y.length) > 2) return false;
  return typoApart(x, y);
}
