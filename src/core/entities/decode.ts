/**
 * Decoding: the best-scoring label sequence under the BIOES constraints (Viterbi), and how sure the
 * model is of each name it decoded (the score it would lose by labelling the name's tokens otherwise).
 */
import { allowed, LABEL_COUNT, mayEnd } from './labels';
import type { TaggerModel } from './model';
import type { SentenceFeatures } from './features';

/** Local copies: imported bindings are property reads in the compiled module, too slow for inner loops. */
const L = LABEL_COUNT;

/** For each label, the labels that may precede it, flat: `FROM[y * L .. y * L + FROM_N[y]]`. */
const FROM = new Int8Array(L * L);
const FROM_N = new Int8Array(L);
/** 1 where label `to` may follow label `from`, at `from * L + to`. */
const ALLOWED = new Uint8Array(L * L);
for (let to = 0; to < L; to++) {
  for (let from = 0; from < L; from++) {
    if (!allowed(from, to)) continue;
    FROM[to * L + FROM_N[to]++] = from;
    ALLOWED[from * L + to] = 1;
  }
}
/** For each label, the labels that may follow it, flat like `FROM`. */
const TO = new Int8Array(L * L);
const TO_N = new Int8Array(L);
for (let from = 0; from < L; from++) for (let to = 0; to < L; to++) if (ALLOWED[from * L + to]) TO[from * L + TO_N[from]++] = to;
const START_OK = Uint8Array.from({ length: L }, (_, y) => (allowed(-1, y) ? 1 : 0));
const END_OK = Uint8Array.from({ length: L }, (_, y) => (mayEnd(y) ? 1 : 0));

/**
 * Emission scores, `n × L`, of a sentence's features under the model. This is most of the tagger's
 * time: the seventeen label sums are kept in locals (written out by hand; checked against
 * LABEL_COUNT below) so that each feature costs seventeen reads of the weight table and nothing else.
 */
export function emissions(model: TaggerModel, f: SentenceFeatures, n: number): Float64Array {
  const out = new Float64Array(n * L);
  const w = model.emission;
  const mask = (1 << model.bits) - 1;
  const stride = model.stride ?? L;
  const offset = model.offset ?? 0;
  const sc = model.scale;
  const { feats, starts } = f;
  for (let t = 0; t < n; t++) {
    const base = starts[t];
    const end = starts[t + 1];
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0;
    for (let k = base; k < end; k++) {
      const r = (feats[k] & mask) * stride + offset;
        a0 += w[r + 0];
        a1 += w[r + 1];
        a2 += w[r + 2];
        a3 += w[r + 3];
        a4 += w[r + 4];
        a5 += w[r + 5];
        a6 += w[r + 6];
        a7 += w[r + 7];
        a8 += w[r + 8];
        a9 += w[r + 9];
        a10 += w[r + 10];
        a11 += w[r + 11];
        a12 += w[r + 12];
        a13 += w[r + 13];
        a14 += w[r + 14];
        a15 += w[r + 15];
        a16 += w[r + 16];
    }
    const o = t * L;
    out[o + 0] = a0 * sc;
    out[o + 1] = a1 * sc;
    out[o + 2] = a2 * sc;
    out[o + 3] = a3 * sc;
    out[o + 4] = a4 * sc;
    out[o + 5] = a5 * sc;
    out[o + 6] = a6 * sc;
    out[o + 7] = a7 * sc;
    out[o + 8] = a8 * sc;
    out[o + 9] = a9 * sc;
    out[o + 10] = a10 * sc;
    out[o + 11] = a11 * sc;
    out[o + 12] = a12 * sc;
    out[o + 13] = a13 * sc;
    out[o + 14] = a14 * sc;
    out[o + 15] = a15 * sc;
    out[o + 16] = a16 * sc;
  }
  return out;
}

if (L !== 17) throw new Error('emissions() is written out for 17 labels');

/** The decoded labels and, per token and label, the best score of any path through that label. */
export interface Decoded {
  readonly labels: Uint8Array;
  readonly best: number;
  /**
   * `n × L` max-marginals: the best whole-sentence score with token t labelled y; from the token
   * before the first name on. Null when not asked for or when the sentence has no names. Read them
   * before decoding again: the decoder writes every sentence's into the same array.
   */
  readonly marginals: Float64Array | null;
}

/**
 * The transition weights into each label from its possible predecessors, laid out like `FROM`.
 * Packed again for every sentence (a few hundred numbers), since training changes the weights as it
 * goes, except for the weights of a stored model, which never change (`markStable`).
 */
const packedScratch = new Float64Array(L * L);
const packedStable = new WeakMap<ArrayLike<number>, Float64Array>();
const stable = new WeakSet<ArrayLike<number>>();

/** Marks transition weights that will never change, so that the decoder may pack them once. */
export function markStable(transition: ArrayLike<number>): void {
  stable.add(transition);
}

function packed(transition: ArrayLike<number>): Float64Array {
  const kept = packedStable.get(transition);
  if (kept) return kept;
  const out = stable.has(transition) ? new Float64Array(L * L) : packedScratch;
  for (let y = 0; y < L; y++) for (let k = 0; k < FROM_N[y]; k++) out[y * L + k] = transition[(FROM[y * L + k] + 1) * L + y];
  if (out !== packedScratch) packedStable.set(transition, out);
  return out;
}

/** Work arrays of the decoder, grown as sentences need and reused: decoding allocates only its answer. */
let alphaScratch = new Float64Array(0);
let betaScratch = new Float64Array(0);
let backScratch = new Uint8Array(0);
let marginalScratch = new Float64Array(0);

/** Labels that close a name or stand outside one: O, every E and every S, in label order. */
const CLOSED = Int8Array.from([0, 3, 4, 7, 8, 11, 12, 15, 16]);
/** Labels that may follow a closed one: O, every B and every S. */
const OPENING = Int8Array.from([0, 1, 4, 5, 8, 9, 12, 13, 16]);
for (const y of OPENING) if (FROM_N[y] !== CLOSED.length || CLOSED.some((c, k) => FROM[y * L + k] !== c)) throw new Error('step() is written out for BIOES');
for (const y of CLOSED) if (TO_N[y] !== OPENING.length || OPENING.some((c, k) => TO[y * L + k] !== c)) throw new Error('backStep() is written out for BIOES');
for (let ty = 0; ty < 4; ty++) {
  for (const y of [2 + 4 * ty, 3 + 4 * ty]) if (FROM_N[y] !== 2 || FROM[y * L] !== 1 + 4 * ty || FROM[y * L + 1] !== 2 + 4 * ty) throw new Error('step() is written out for BIOES');
  for (const y of [1 + 4 * ty, 2 + 4 * ty]) if (TO_N[y] !== 2 || TO[y * L] !== 2 + 4 * ty || TO[y * L + 1] !== 3 + 4 * ty) throw new Error('backStep() is written out for BIOES');
}

/**
 * One token of the Viterbi recursion, written out for BIOES (checked against `allowed` above): the
 * labels that follow a closed label read the same nine predecessors, and I and E of a type read its
 * B and I. Predecessors are tried in label order and only a strictly better one replaces the best,
 * as a loop over `FROM` would, so ties are broken the same way.
 */
function step(alpha: Float64Array, back: Uint8Array, scores: Float64Array, into: Float64Array, t: number): void {
  const p = (t - 1) * L;
  const o = t * L;
  const c0 = alpha[p], c3 = alpha[p + 3], c4 = alpha[p + 4], c7 = alpha[p + 7], c8 = alpha[p + 8];
  const c11 = alpha[p + 11], c12 = alpha[p + 12], c15 = alpha[p + 15], c16 = alpha[p + 16];
  for (let k = 0; k < 9; k++) {
    const y = OPENING[k];
    const r = y * L;
    let best = -Infinity;
    let arg = 0;
    let v = c0 + into[r];
    if (v > best) { best = v; arg = 0; }
    v = c3 + into[r + 1];
    if (v > best) { best = v; arg = 3; }
    v = c4 + into[r + 2];
    if (v > best) { best = v; arg = 4; }
    v = c7 + into[r + 3];
    if (v > best) { best = v; arg = 7; }
    v = c8 + into[r + 4];
    if (v > best) { best = v; arg = 8; }
    v = c11 + into[r + 5];
    if (v > best) { best = v; arg = 11; }
    v = c12 + into[r + 6];
    if (v > best) { best = v; arg = 12; }
    v = c15 + into[r + 7];
    if (v > best) { best = v; arg = 15; }
    v = c16 + into[r + 8];
    if (v > best) { best = v; arg = 16; }
    alpha[o + y] = best + scores[o + y];
    back[o + y] = arg;
  }
  for (let ty = 0; ty < 4; ty++) {
    const b = 1 + 4 * ty;
    const ab = alpha[p + b];
    const ai = alpha[p + b + 1];
    for (let y = b + 1; y <= b + 2; y++) {
      const r = y * L;
      let best = -Infinity;
      let arg = 0;
      let v = ab + into[r];
      if (v > best) { best = v; arg = b; }
      v = ai + into[r + 1];
      if (v > best) { best = v; arg = b + 1; }
      alpha[o + y] = best + scores[o + y];
      back[o + y] = arg;
    }
  }
}

/**
 * One token of the backward recursion (the best score of the rest of the sentence from each label
 * at t), written out like `step`: a closed label is followed by the nine opening ones, B and I of a
 * type by its I and E. Each sum is added up in the order a loop over `TO` adds it.
 */
function backStep(beta: Float64Array, scores: Float64Array, transition: ArrayLike<number>, t: number): void {
  const q = (t + 1) * L;
  const o = t * L;
  const s0 = scores[q], s1 = scores[q + 1], s4 = scores[q + 4], s5 = scores[q + 5], s8 = scores[q + 8];
  const s9 = scores[q + 9], s12 = scores[q + 12], s13 = scores[q + 13], s16 = scores[q + 16];
  const b0 = beta[q], b1 = beta[q + 1], b4 = beta[q + 4], b5 = beta[q + 5], b8 = beta[q + 8];
  const b9 = beta[q + 9], b12 = beta[q + 12], b13 = beta[q + 13], b16 = beta[q + 16];
  for (let k = 0; k < 9; k++) {
    const from = CLOSED[k];
    const r = (from + 1) * L;
    let b = -Infinity;
    let v = transition[r] + s0 + b0;
    if (v > b) b = v;
    v = transition[r + 1] + s1 + b1;
    if (v > b) b = v;
    v = transition[r + 4] + s4 + b4;
    if (v > b) b = v;
    v = transition[r + 5] + s5 + b5;
    if (v > b) b = v;
    v = transition[r + 8] + s8 + b8;
    if (v > b) b = v;
    v = transition[r + 9] + s9 + b9;
    if (v > b) b = v;
    v = transition[r + 12] + s12 + b12;
    if (v > b) b = v;
    v = transition[r + 13] + s13 + b13;
    if (v > b) b = v;
    v = transition[r + 16] + s16 + b16;
    if (v > b) b = v;
    beta[o + from] = b;
  }
  for (let ty = 0; ty < 4; ty++) {
    const i = 2 + 4 * ty;
    const e = i + 1;
    const si = scores[q + i], se = scores[q + e], bi = beta[q + i], be = beta[q + e];
    for (let from = i - 1; from <= i; from++) {
      const r = (from + 1) * L;
      let b = -Infinity;
      let v = transition[r + i] + si + bi;
      if (v > b) b = v;
      v = transition[r + e] + se + be;
      if (v > b) b = v;
      beta[o + from] = b;
    }
  }
}

/**
 * Viterbi over `n` tokens. `transition` is `(L + 1) × L`, row 0 for the sentence start, row y + 1 for
 * label y. Only well-formed sequences are considered, so every B is closed by an E of its own type.
 */
export function viterbi(scores: Float64Array, n: number, transition: ArrayLike<number>, withMarginals = false): Decoded {
  const labels = new Uint8Array(n);
  if (n === 0) return { labels, best: 0, marginals: withMarginals ? new Float64Array(0) : null };
  if (alphaScratch.length < n * L) {
    alphaScratch = new Float64Array(2 * n * L);
    betaScratch = new Float64Array(2 * n * L);
    backScratch = new Uint8Array(2 * n * L);
  }
  const alpha = alphaScratch;
  const back = backScratch;
  alpha.fill(-Infinity, 0, L);
  for (let y = 0; y < L; y++) if (START_OK[y]) alpha[y] = transition[y] + scores[y];
  const into = packed(transition);
  for (let t = 1; t < n; t++) step(alpha, back, scores, into, t);
  let best = -Infinity;
  let last = 0;
  for (let y = 0; y < L; y++) {
    const v = alpha[(n - 1) * L + y];
    if (END_OK[y] && v > best) { best = v; last = y; }
  }
  labels[n - 1] = last;
  for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]];
  let firstName = 0;
  while (firstName < n && labels[firstName] === 0) firstName++;
  // Margins are asked only of names and the tokens beside them: a sentence without names needs none.
  if (!withMarginals || firstName === n) return { labels, best, marginals: null };
  const beta = betaScratch;
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = END_OK[y] ? 0 : -Infinity;
  for (let t = n - 2; t >= Math.max(0, firstName - 1); t--) backStep(beta, scores, transition, t);
  if (marginalScratch.length < n * L) marginalScratch = new Float64Array(2 * n * L);
  const marginals = marginalScratch.subarray(0, n * L);
  for (let i = Math.max(0, firstName - 1) * L; i < n * L; i++) marginals[i] = alpha[i] + beta[i];
  return { labels, best, marginals };
}

/**
 * How much better the decoded labels of tokens `[start, end)` (and of the tokens on either side,
 * which fix the name's boundaries) are than the best path that labels any of them otherwise.
 */
export function spanMargin(d: Decoded, start: number, end: number): number {
  const m = d.marginals;
  if (!m) return Infinity;
  const n = d.labels.length;
  let rival = -Infinity;
  for (let t = Math.max(0, start - 1); t < Math.min(n, end + 1); t++) {
    for (let y = 0; y < L; y++) {
      if (y === d.labels[t]) continue;
      const v = m[t * L + y];
      if (v > rival) rival = v;
    }
  }
  return d.best - rival;
}
