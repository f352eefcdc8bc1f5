/**
 * The rules that tell a formula two statements share (an opening, a closing, a phrase) from one
 * statement cut or reworded: the run of words the two quotes share verbatim, and what each says
 * around it.
 */
import type { Alignment, Run } from './align';
import type { PreparedQuote } from './prepared';
import { FORMULA_MIN_WORDS, SIDE_AGREEMENT, SIDE_WEIGHT, STATEMENT_RUN_SHARE, STATEMENT_RUN_WORDS } from './thresholds';

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
export function restsOnRun(run: Run, a: PreparedQuote, b: PreparedQuote, { creditA, creditB }: Alignment, wa: Float64Array, wb: Float64Array): boolean {
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

export function outsideRunCoverage(q: PreparedQuote, start: number, length: number, w: Float64Array, credit: Float64Array): number {
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
export function divergeAround(
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

function sum(w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  return total;
}
