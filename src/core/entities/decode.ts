/**
 * Decoding: the best-scoring label sequence under the BIOES constraints (Viterbi), and how sure the
 * model is of each name it decoded (the score it would lose by labelling the name's tokens otherwise).
 */
import { allowed, LABEL_COUNT, mayEnd } from './labels';
import type { TaggerModel } from './model';
import { MAX_FEATURES as FEATURES, type SentenceFeatures } from './features';

/** Local copies: imported bindings are property reads in the compiled module, too slow for inner loops. */
const L = LABEL_COUNT;
const MAX_FEATURES = FEATURES;

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

/** Emission scores, `n × L`, of a sentence's features under the model. */
export function emissions(model: TaggerModel, f: SentenceFeatures, n: number): Float64Array {
  const out = new Float64Array(n * L);
  const w = model.emission;
  const mask = (1 << model.bits) - 1;
  for (let t = 0; t < n; t++) {
    const base = t * MAX_FEATURES;
    const o = t * L;
    for (let k = 0; k < f.counts[t]; k++) {
      const row = (f.feats[base + k] & mask) * L;
      for (let y = 0; y < L; y++) out[o + y] += w[row + y];
    }
    if (model.scale !== 1) for (let y = 0; y < L; y++) out[o + y] *= model.scale;
  }
  return out;
}

/** The decoded labels and, per token and label, the best score of any path through that label. */
export interface Decoded {
  readonly labels: Uint8Array;
  readonly best: number;
  /** `n × L` max-marginals: the best whole-sentence score with token t labelled y. */
  readonly marginals: Float64Array | null;
}

/**
 * Viterbi over `n` tokens. `transition` is `(L + 1) × L`, row 0 for the sentence start, row y + 1 for
 * label y. Only well-formed sequences are considered, so every B is closed by an E of its own type.
 */
export function viterbi(scores: Float64Array, n: number, transition: ArrayLike<number>, withMarginals = false): Decoded {
  const labels = new Uint8Array(n);
  if (n === 0) return { labels, best: 0, marginals: withMarginals ? new Float64Array(0) : null };
  const alpha = new Float64Array(n * L).fill(-Infinity);
  const back = new Uint8Array(n * L);
  for (let y = 0; y < L; y++) if (START_OK[y]) alpha[y] = transition[y] + scores[y];
  for (let t = 1; t < n; t++) {
    const p = (t - 1) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < FROM_N[y]; k++) {
        const from = FROM[y * L + k];
        const v = alpha[p + from] + transition[(from + 1) * L + y];
        if (v > best) { best = v; arg = from; }
      }
      alpha[t * L + y] = best + scores[t * L + y];
      back[t * L + y] = arg;
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let y = 0; y < L; y++) {
    const v = alpha[(n - 1) * L + y];
    if (END_OK[y] && v > best) { best = v; last = y; }
  }
  labels[n - 1] = last;
  for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]];
  if (!withMarginals) return { labels, best, marginals: null };
  const beta = new Float64Array(n * L).fill(-Infinity);
  for (let y = 0; y < L; y++) if (END_OK[y]) beta[(n - 1) * L + y] = 0;
  for (let t = n - 2; t >= 0; t--) {
    for (let from = 0; from < L; from++) {
      let b = -Infinity;
      for (let k = 0; k < TO_N[from]; k++) {
        const y = TO[from * L + k];
        const v = transition[(from + 1) * L + y] + scores[(t + 1) * L + y] + beta[(t + 1) * L + y];
        if (v > b) b = v;
      }
      beta[t * L + from] = b;
    }
  }
  const marginals = new Float64Array(n * L);
  for (let i = 0; i < n * L; i++) marginals[i] = alpha[i] + beta[i];
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
