/**
 * A cut of another quote's words but for one word: outlets quoting a few words of a statement drop or
 * change an article or a determiner ("the speed of the change" / "the speed of change"; "disrespectful
 * to the country" / "to this country"), leave out a modifier ("has won this general election" / "has
 * won this election"), write a word in another inflection ("our coastal areas" / "area"), or give a
 * modal verb in its other tense, as reported speech and transcripts do ("it may not have been you" /
 * "it might not have been you").
 */
import { negatedIn, type PreparedQuote, type Vocabulary } from './prepared';

/**
 * Words an outlet changes or drops without changing what was said: articles and demonstratives. Other
 * function words carry the statement ("before" / "after", "more" / "less", "two" / "three").
 */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/**
 * Modal verbs and their past forms, which reported speech shifts ("will" said, "would" reported) and
 * transcripts hear either way. Modals of another meaning ("must" / "may", "can" / "will") stay apart.
 */
const MODAL_TENSES = new Map([
  ['may', 'might'],
  ['can', 'could'],
  ['will', 'would'],
  ['shall', 'should'],
]);

/** Words the shorter quote needs, and content words other than names, to be read as such a cut. */
const NEAR_FRAGMENT_WORDS = 4;
const NEAR_FRAGMENT_CONTENT = 2;

/**
 * Whether `short`'s words stand in `long` in one run but for one word: a determiner said otherwise or
 * dropped by the shorter quote, one word of the longer left out inside the run (never a denial), or
 * one word in another inflection. The shorter quote must hold a few content words of its own.
 */
export function nearFragment(short: PreparedQuote, long: PreparedQuote, vocab: Vocabulary): boolean {
  const sn = short.norms;
  const ln = long.norms;
  if (sn.length < NEAR_FRAGMENT_WORDS || contentCount(short) < NEAR_FRAGMENT_CONTENT) return false;
  for (let s = 0; s + sn.length - 1 <= ln.length; s++) {
    if (ln[s] !== sn[0] && !sameStem(vocab, sn[0], ln[s])) continue;
    let k = 0;
    while (k < sn.length && s + k < ln.length && ln[s + k] === sn[k]) k++;
    if (k === sn.length) continue;
    // The first difference, at word k of the shorter and s + k of the longer; the rest must agree.
    const j = s + k;
    if (j < ln.length && sameRest(sn, k + 1, ln, j + 1) && substitutable(short, k, long, j, vocab)) return true;
    if (k > 0 && j < ln.length && sameRest(sn, k, ln, j + 1) && !negatedIn(long, vocab, j, j + 1)) return true;
    if (k > 0 && k < sn.length - 1 && sameRest(sn, k + 1, ln, j) && droppable(short, k, vocab)) return true;
  }
  return false;
}

/** Whether `x` from `i` on stands at `j` of `y`, to its end. */
export function sameRest(x: Int32Array, i: number, y: Int32Array, j: number): boolean {
  if (y.length - j < x.length - i) return false;
  for (let k = 0; i + k < x.length; k++) if (x[i + k] !== y[j + k]) return false;
  return true;
}

/**
 * Word `k` of `a` said as word `j` of `b`: one determiner for another, one word in two inflections, or
 * one modal verb in its two tenses.
 */
function substitutable(a: PreparedQuote, k: number, b: PreparedQuote, j: number, vocab: Vocabulary): boolean {
  const x = vocab.text(a.norms[k]);
  const y = vocab.text(b.norms[j]);
  return (DETERMINERS.has(x) && DETERMINERS.has(y)) || modalTenses(x, y) || sameStem(vocab, a.norms[k], b.norms[j]);
}

function modalTenses(x: string, y: string): boolean {
  return MODAL_TENSES.get(x) === y || MODAL_TENSES.get(y) === x;
}

/** Word `k` of a quote is a determiner, which the other may leave out. */
function droppable(q: PreparedQuote, k: number, vocab: Vocabulary): boolean {
  return DETERMINERS.has(vocab.text(q.norms[k]));
}

function sameStem(vocab: Vocabulary, x: number, y: number): boolean {
  const a = vocab.wordStem(x);
  return a !== null && a === vocab.wordStem(y);
}

function contentCount(q: PreparedQuote): number {
  let n = 0;
  for (let i = 0; i < q.names.length; i++) if (!q.names[i]) n++;
  return n;
}
