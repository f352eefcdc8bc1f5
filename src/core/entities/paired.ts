/**
 * Emission scores of a two-stage model whose stages share one table (`decodeModel` lays each row's
 * first-stage weights beside its second-stage weights). Both stages read the same features of a
 * sentence, the second adding a few of its own (the first reading's), so one pass over the features
 * sums both stages' weights with one read of memory per feature; the second stage's own features are
 * added later. The features that depend on a token's spelling alone (the bias and the word's own
 * features but the first: see `sentenceFeatures`) are summed once per spelling and remembered.
 *
 * Sums are of quantised weights, so they are whole numbers and their order never changes a score:
 * the scores are exactly those `emissions` gives over the same features.
 */
import { LABEL_COUNT } from './labels';
import type { TaggerModel } from './model';
import type { SentenceFeatures } from './features';
import type { WordInfo } from './word-features';

const L = LABEL_COUNT;
const W = 2 * L;
if (L !== 17) throw new Error('pairedSums() is written out for 17 labels');

/** True when `model` and its second stage share a table laid out for `pairedSums`. */
export function isPaired(model: TaggerModel): boolean {
  const two = model.second;
  return !!two && two.emission === model.emission && model.stride === W && two.stride === W && (model.offset ?? 0) === 0 && two.offset === L;
}

/** Both stages' sums of the bias and of a spelling's own features but its first. */
function spellingSums(w: ArrayLike<number>, mask: number, word: WordInfo, bias: number): Int16Array {
  if (word.sums && word.sumsOf === w) return word.sums;
  const s = new Int16Array(W);
  const add = (h: number): void => {
    const r = (h & mask) * W;
    for (let j = 0; j < W; j++) s[j] += w[r + j];
  };
  add(bias);
  for (let j = 1; j < word.own.length; j++) add(word.own[j]);
  word.sums = s;
  word.sumsOf = w;
  return s;
}

/**
 * Both stages' whole-number sums over a sentence's features, `n × 2L`: token t's first-stage sums at
 * `t × 2L`, its second-stage sums (without the second stage's own features) at `t × 2L + L`.
 * `words[t]` is what is known of token t's spelling, whose features open token t's in `f`.
 */
export function pairedSums(model: TaggerModel, f: SentenceFeatures, words: readonly WordInfo[], n: number): Int32Array {
  const out = new Int32Array(n * W);
  const w = model.emission;
  const mask = (1 << model.bits) - 1;
  const { feats, starts } = f;
  for (let t = 0; t < n; t++) {
    const word = words[t];
    const first = starts[t];
    const s = spellingSums(w, mask, word, feats[first]);
    let a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7], a8 = s[8], a9 = s[9], a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14], a15 = s[15], a16 = s[16];
    let a17 = s[17], a18 = s[18], a19 = s[19], a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24], a25 = s[25], a26 = s[26], a27 = s[27], a28 = s[28], a29 = s[29], a30 = s[30], a31 = s[31], a32 = s[32], a33 = s[33];
    // The word's first own feature, then every feature after its own.
    const rest = first + 1 + word.own.length;
    for (let k = first + 1; k < starts[t + 1]; k = k === first + 1 ? rest : k + 1) {
      const r = (feats[k] & mask) * W;
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
      a17 += w[r + 17];
      a18 += w[r + 18];
      a19 += w[r + 19];
      a20 += w[r + 20];
      a21 += w[r + 21];
      a22 += w[r + 22];
      a23 += w[r + 23];
      a24 += w[r + 24];
      a25 += w[r + 25];
      a26 += w[r + 26];
      a27 += w[r + 27];
      a28 += w[r + 28];
      a29 += w[r + 29];
      a30 += w[r + 30];
      a31 += w[r + 31];
      a32 += w[r + 32];
      a33 += w[r + 33];
    }
    const o = t * W;
    out[o + 0] = a0;
    out[o + 1] = a1;
    out[o + 2] = a2;
    out[o + 3] = a3;
    out[o + 4] = a4;
    out[o + 5] = a5;
    out[o + 6] = a6;
    out[o + 7] = a7;
    out[o + 8] = a8;
    out[o + 9] = a9;
    out[o + 10] = a10;
    out[o + 11] = a11;
    out[o + 12] = a12;
    out[o + 13] = a13;
    out[o + 14] = a14;
    out[o + 15] = a15;
    out[o + 16] = a16;
    out[o + 17] = a17;
    out[o + 18] = a18;
    out[o + 19] = a19;
    out[o + 20] = a20;
    out[o + 21] = a21;
    out[o + 22] = a22;
    out[o + 23] = a23;
    out[o + 24] = a24;
    out[o + 25] = a25;
    out[o + 26] = a26;
    out[o + 27] = a27;
    out[o + 28] = a28;
    out[o + 29] = a29;
    out[o + 30] = a30;
    out[o + 31] = a31;
    out[o + 32] = a32;
    out[o + 33] = a33;
  }
  return out;
}

/** The first stage's scores from `pairedSums`'s sums. */
export function firstScores(model: TaggerModel, sums: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n * L);
  const sc = model.scale;
  for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) out[t * L + y] = sums[t * W + y] * sc;
  return out;
}

/** The second stage's scores: `pairedSums`'s sums and the second stage's own features, `extra`. */
export function secondScores(model: TaggerModel, sums: Int32Array, extra: SentenceFeatures, n: number): Float64Array {
  const out = new Float64Array(n * L);
  const w = model.emission;
  const mask = (1 << model.bits) - 1;
  const sc = model.scale;
  const acc = new Int32Array(L);
  for (let t = 0; t < n; t++) {
    for (let y = 0; y < L; y++) acc[y] = sums[t * W + L + y];
    for (let k = extra.starts[t]; k < extra.starts[t + 1]; k++) {
      const r = (extra.feats[k] & mask) * W + L;
      for (let y = 0; y < L; y++) acc[y] += w[r + y];
    }
    for (let y = 0; y < L; y++) out[t * L + y] = acc[y] * sc;
  }
  return out;
}
