/**
 * What a statement variant needs that can be told before the two quotes are aligned, as a bound:
 * which content words of each meet a word of the other (`meetings`) caps the words they can match and
 * the share of each quote's weight the aligner can credit. Most candidates fall short of the rules of
 * `statementVariant` by far, and aligning them costs several times more.
 */
import { rewordingsAtMost } from './align';
import type { PreparedQuote } from './prepared';
import { CONTAINED_COVERAGE, CONTAINED_WORDS, SUBSTITUTION, VARIANT_COVERAGE } from './thresholds';

/** Below a bound on the coverage by less than this, it fails the rule; above it, rounding may tell. */
const BOUND_SLACK = 1e-9;

/**
 * Whether two quotes are sure to fail the rules of `statementVariant`, before they are aligned, given
 * which of their content words meet one of the other's (by stem or sense): those credited in full,
 * and as many of the others as the aligner could credit as rewordings, the coverage and the matched
 * words either rule needs are out of reach. `wordsMet` below two fails them too.
 */
export function cannotVary(a: PreparedQuote, b: PreparedQuote, inA: Uint8Array, inB: Uint8Array, wa: Float64Array, wb: Float64Array): boolean {
  const contentMet = wordsMet(a, inA);
  let metA = 0;
  for (let i = 0; i < inA.length; i++) metA += inA[i];
  let metB = 0;
  for (let j = 0; j < inB.length; j++) metB += inB[j];
  const reworded = rewordingsAtMost(Math.min(metA, metB));
  const covA = coverageAtMost(wa, inA, reworded);
  const covB = coverageAtMost(wb, inB, reworded);
  const needed = Math.min(3, nonNameCount(a), nonNameCount(b));
  const mayVary = contentMet >= needed && Math.min(covA, covB) >= VARIANT_COVERAGE - BOUND_SLACK;
  const mayContain = contentMet >= CONTAINED_WORDS && Math.max(covA, covB) >= CONTAINED_COVERAGE - BOUND_SLACK;
  return !mayVary && !mayContain;
}

/** Content words other than names of a quote among those `met` marks: the most it can match. */
export function wordsMet(q: PreparedQuote, met: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < met.length; i++) if (met[i] && !q.names[i]) n++;
  return n;
}

/**
 * The most `coverage` can be for a side whose words `met` meet the other side's: those credited in
 * full, and at most `reworded` of the others as rewordings. Infinite for a negative weight, which
 * such a bound cannot hold for.
 */
export function coverageAtMost(w: Float64Array, met: Uint8Array, reworded: number): number {
  let total = 0;
  let got = 0;
  let rest = 0;
  let heaviest = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) return Infinity;
    total += w[i];
    if (met[i]) {
      got += w[i];
    } else {
      rest += w[i];
      if (w[i] > heaviest) heaviest = w[i];
    }
  }
  return total > 0 ? (got + SUBSTITUTION * Math.min(rest, reworded * heaviest)) / total : 0;
}

function nonNameCount(q: PreparedQuote): number {
  let n = 0;
  for (let i = 0; i < q.names.length; i++) if (!q.names[i]) n++;
  return n;
}
