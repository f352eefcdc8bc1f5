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
/** Both stages' weights of a row. */
const P = 2 * L;
/** A row of the shared table: both stages' weights, then two bytes of padding, so that rows start on 32-bit words. */
export const PAIRED_STRIDE = 36;
const ROW_WORDS = PAIRED_STRIDE / 4;
if (L !== 17) throw new Error('pairedSums() is written out for 17 labels');

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** True when `model` and its second stage share a table laid out for `pairedSums`. */
export function isPaired(model: TaggerModel): boolean {
  const two = model.second;
  const w = model.emission;
  return (
    LITTLE_ENDIAN && !!two && w instanceof Int8Array && w.byteOffset % 4 === 0 && two.emission === w &&
    model.stride === PAIRED_STRIDE && two.stride === PAIRED_STRIDE && (model.offset ?? 0) === 0 && two.offset === L
  );
}

/** The shared table read as 32-bit words, and which of its rows hold any weight but zero. */
interface TableView {
  readonly words: Int32Array;
  /** Bit r set when row r has a weight that is not zero (about a quarter of the rows of the shipped model). */
  readonly used: Uint32Array;
}

const views = new WeakMap<ArrayLike<number>, TableView>();

function viewOf(w: ArrayLike<number>): TableView {
  let view = views.get(w);
  if (!view) {
    const bytes = w as Int8Array;
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    const rows = words.length / ROW_WORDS;
    const used = new Uint32Array(Math.ceil(rows / 32));
    for (let r = 0; r < rows; r++) {
      for (let q = 0; q < ROW_WORDS; q++) {
        if (words[r * ROW_WORDS + q] !== 0) {
          used[r >>> 5] |= 1 << (r & 31);
          break;
        }
      }
    }
    views.set(w, (view = { words, used }));
  }
  return view;
}

/** Both stages' sums of the bias and of a spelling's own features but its first. */
function spellingSums(w: ArrayLike<number>, mask: number, word: WordInfo, bias: number): Int16Array {
  // The summing is a function of its own: no closure, no context allocated on the way to a sum kept.
  if (word.sums && word.sumsOf === w) return word.sums;
  return sumSpelling(w, mask, word, bias);
}

function sumSpelling(w: ArrayLike<number>, mask: number, word: WordInfo, bias: number): Int16Array {
  const s = new Int16Array(P);
  // The bias, then the word's own features but its first.
  for (let j = 0; j < Math.max(1, word.own.length); j++) {
    const r = ((j === 0 ? bias : word.own[j]) & mask) * PAIRED_STRIDE;
    for (let y = 0; y < P; y++) s[y] += w[r + y];
  }
  word.sums = s;
  word.sumsOf = w;
  return s;
}

/**
 * Both stages' whole-number sums over a sentence's features, `n × 2L` written to `out`: token t's
 * first-stage sums at `t × 2L`, its second-stage sums (without the second stage's own features) at
 * `t × 2L + L`.
 * `words[t]` is what is known of token t's spelling, whose features open token t's in `f`.
 *
 * A row is read four weights at a time, as one 32-bit word, and summed two weights a lane: each
 * byte is offset by 128 (so that it is never negative) and the word split into its even and odd
 * bytes, each in a 16-bit lane. A token has at most `MAX_FEATURES` (64) features of at most 255
 * each, 16,320 in all, so a lane never carries into the next; the offsets are taken off at the end.
 */
export function pairedSums(model: TaggerModel, f: SentenceFeatures, words: readonly WordInfo[], n: number, out: Int32Array): void {
  const w = model.emission;
  const { words: w32, used } = viewOf(w);
  const mask = (1 << model.bits) - 1;
  const { feats, starts } = f;
  for (let t = 0; t < n; t++) {
    const word = words[t];
    const first = starts[t];
    // `| 0`: a hash read from a Uint32Array may be 2^31 or more, which a call would box.
    const s = spellingSums(w, mask, word, feats[first] | 0);
    let e0 = 0, o0 = 0, e1 = 0, o1 = 0, e2 = 0, o2 = 0, e3 = 0, o3 = 0, e4 = 0, o4 = 0, e5 = 0, o5 = 0, e6 = 0, o6 = 0, e7 = 0, o7 = 0, e8 = 0, o8 = 0;
    let v = 0;
    let count = 0;
    // The word's first own feature, then every feature after its own.
    const rest = first + 1 + word.own.length;
    for (let k = first + 1; k < starts[t + 1]; k = k === first + 1 ? rest : k + 1) {
      const row = feats[k] & mask;
      // A row of zeros adds nothing, and not counting it leaves no offset to take off.
      if ((used[row >>> 5] & (1 << (row & 31))) === 0) continue;
      const r = row * ROW_WORDS;
      count++;
      v = w32[r + 0] ^ 0x80808080;
      e0 += v & 0xff00ff;
      o0 += (v >>> 8) & 0xff00ff;
      v = w32[r + 1] ^ 0x80808080;
      e1 += v & 0xff00ff;
      o1 += (v >>> 8) & 0xff00ff;
      v = w32[r + 2] ^ 0x80808080;
      e2 += v & 0xff00ff;
      o2 += (v >>> 8) & 0xff00ff;
      v = w32[r + 3] ^ 0x80808080;
      e3 += v & 0xff00ff;
      o3 += (v >>> 8) & 0xff00ff;
      v = w32[r + 4] ^ 0x80808080;
      e4 += v & 0xff00ff;
      o4 += (v >>> 8) & 0xff00ff;
      v = w32[r + 5] ^ 0x80808080;
      e5 += v & 0xff00ff;
      o5 += (v >>> 8) & 0xff00ff;
      v = w32[r + 6] ^ 0x80808080;
      e6 += v & 0xff00ff;
      o6 += (v >>> 8) & 0xff00ff;
      v = w32[r + 7] ^ 0x80808080;
      e7 += v & 0xff00ff;
      o7 += (v >>> 8) & 0xff00ff;
      v = w32[r + 8] ^ 0x80808080;
      e8 += v & 0xff00ff;
      o8 += (v >>> 8) & 0xff00ff;
    }
    const o = t * P;
    const bias = 128 * count;
    out[o + 0] = (e0 & 0xffff) - bias + s[0];
    out[o + 1] = (o0 & 0xffff) - bias + s[1];
    out[o + 2] = (e0 >>> 16) - bias + s[2];
    out[o + 3] = (o0 >>> 16) - bias + s[3];
    out[o + 4] = (e1 & 0xffff) - bias + s[4];
    out[o + 5] = (o1 & 0xffff) - bias + s[5];
    out[o + 6] = (e1 >>> 16) - bias + s[6];
    out[o + 7] = (o1 >>> 16) - bias + s[7];
    out[o + 8] = (e2 & 0xffff) - bias + s[8];
    out[o + 9] = (o2 & 0xffff) - bias + s[9];
    out[o + 10] = (e2 >>> 16) - bias + s[10];
    out[o + 11] = (o2 >>> 16) - bias + s[11];
    out[o + 12] = (e3 & 0xffff) - bias + s[12];
    out[o + 13] = (o3 & 0xffff) - bias + s[13];
    out[o + 14] = (e3 >>> 16) - bias + s[14];
    out[o + 15] = (o3 >>> 16) - bias + s[15];
    out[o + 16] = (e4 & 0xffff) - bias + s[16];
    out[o + 17] = (o4 & 0xffff) - bias + s[17];
    out[o + 18] = (e4 >>> 16) - bias + s[18];
    out[o + 19] = (o4 >>> 16) - bias + s[19];
    out[o + 20] = (e5 & 0xffff) - bias + s[20];
    out[o + 21] = (o5 & 0xffff) - bias + s[21];
    out[o + 22] = (e5 >>> 16) - bias + s[22];
    out[o + 23] = (o5 >>> 16) - bias + s[23];
    out[o + 24] = (e6 & 0xffff) - bias + s[24];
    out[o + 25] = (o6 & 0xffff) - bias + s[25];
    out[o + 26] = (e6 >>> 16) - bias + s[26];
    out[o + 27] = (o6 >>> 16) - bias + s[27];
    out[o + 28] = (e7 & 0xffff) - bias + s[28];
    out[o + 29] = (o7 & 0xffff) - bias + s[29];
    out[o + 30] = (e7 >>> 16) - bias + s[30];
    out[o + 31] = (o7 >>> 16) - bias + s[31];
    out[o + 32] = (e8 & 0xffff) - bias + s[32];
    out[o + 33] = (o8 & 0xffff) - bias + s[33];
  }
}

/**
 * Scores are written to one array, reused: the decoder reads them at once and keeps nothing of them,
 * so the scores of one sentence are good until the next sentence's are asked for.
 */
let scoreScratch = new Float64Array(64 * L);

function scoresFor(n: number): Float64Array {
  if (scoreScratch.length < n * L) scoreScratch = new Float64Array(2 * n * L);
  return scoreScratch.subarray(0, n * L);
}

/** Room for both stages' sums of a sentence of `tokens` tokens. */
export function sumsRoom(tokens: number): number {
  return tokens * P;
}

/** The first stage's scores from `pairedSums`'s sums; good until the next scores are asked for. */
export function firstScores(model: TaggerModel, sums: Int32Array, n: number): Float64Array {
  const out = scoresFor(n);
  const sc = model.scale;
  for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) out[t * L + y] = sums[t * P + y] * sc;
  return out;
}

/**
 * Keeps the second stage's half of `pairedSums`'s sums, `n × L` from `at` in `into`, until the
 * document's first reading is done. Sixteen bits hold them: at most 64 features of at most 127.
 */
export function keepSecond(sums: Int32Array, n: number, into: Int16Array, at: number): void {
  for (let t = 0; t < n; t++) for (let y = 0; y < L; y++) into[at + t * L + y] = sums[t * P + L + y];
}

const extraScratch = new Int32Array(L);

/**
 * The second stage's scores from the sums `keepSecond` kept (from `at`) and the second stage's own
 * features, `extra`; good until the next scores are asked for.
 */
export function secondScores(model: TaggerModel, kept: Int16Array, at: number, extra: SentenceFeatures, n: number): Float64Array {
  const out = scoresFor(n);
  const w = model.emission;
  const mask = (1 << model.bits) - 1;
  const sc = model.scale;
  const acc = extraScratch;
  for (let t = 0; t < n; t++) {
    for (let y = 0; y < L; y++) acc[y] = kept[at + t * L + y];
    for (let k = extra.starts[t]; k < extra.starts[t + 1]; k++) {
      const r = (extra.feats[k] & mask) * PAIRED_STRIDE + L;
      for (let y = 0; y < L; y++) acc[y] += w[r + y];
    }
    for (let y = 0; y < L; y++) out[t * L + y] = acc[y] * sc;
  }
  return out;
}
