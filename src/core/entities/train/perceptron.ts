/**
 * Averaged structured perceptron (Collins 2002) over hashed features: decode each training sentence
 * with the current weights, and where the decoded labels differ from the gold ones, add the gold
 * sentence's features and subtract the decoded one's. The weights returned are the average over
 * every step, which generalises far better than the last ones. Sentences are visited in an order
 * drawn from a fixed seed, so the same data gives the same weights, bit for bit.
 */
import { emissions, viterbi } from '../decode';
import type { SentenceFeatures } from '../features';
import { LABEL_COUNT } from '../labels';
import type { TaggerModel } from '../model';

/** One training sentence: its features, listed in full (`flatFeatures`), and gold labels. */
export interface Example extends SentenceFeatures {
  readonly gold: Uint8Array;
}

export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  /** Averaging on (the default) or off, for comparison. */
  readonly average?: boolean;
  /** Called after each epoch with the averaged model so far. */
  readonly onEpoch?: (epoch: number, model: TaggerModel, mistakes: number) => void;
}

/** A small deterministic generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const L = LABEL_COUNT;

export function trainPerceptron(examples: readonly Example[], opts: TrainOptions): TaggerModel {
  const rows = 1 << opts.bits;
  const mask = rows - 1;
  const w = new Float64Array(rows * L);
  const u = new Float64Array(rows * L);
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const live: TaggerModel = { bits: opts.bits, emission: w, scale: 1, transition: tw, calibration: [1, 0] };
  const random = prng(opts.seed);
  const order = examples.map((_, i) => i);
  let c = 1;
  const averaged = (): TaggerModel => {
    if (opts.average === false) return { ...live, emission: Float32Array.from(w), transition: Float64Array.from(tw) };
    const e = new Float32Array(rows * L);
    for (let i = 0; i < e.length; i++) e[i] = w[i] - u[i] / c;
    const t = new Float64Array(tw.length);
    for (let i = 0; i < t.length; i++) t[i] = tw[i] - tu[i] / c;
    return { ...live, emission: e, transition: t };
  };
  const bump = (f: SentenceFeatures, t: number, y: number, d: number): void => {
    for (let k = f.starts[t]; k < f.starts[t + 1]; k++) {
      const i = (f.feats[k] & mask) * L + y;
      w[i] += d;
      u[i] += c * d;
    }
  };
  const bumpT = (from: number, to: number, d: number): void => {
    const i = (from + 1) * L + to;
    tw[i] += d;
    tu[i] += c * d;
  };
  let last: TaggerModel = live;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let mistakes = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      const pred = viterbi(emissions(live, ex, n), n, tw).labels;
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const gp = t ? ex.gold[t - 1] : -1;
        const pp = t ? pred[t - 1] : -1;
        if (ex.gold[t] !== pred[t]) {
          wrong = true;
          bump(ex, t, ex.gold[t], 1);
          bump(ex, t, pred[t], -1);
        }
        if (ex.gold[t] !== pred[t] || gp !== pp) {
          bumpT(gp, ex.gold[t], 1);
          bumpT(pp, pred[t], -1);
        }
      }
      if (wrong) mistakes++;
      c++;
    }
    if (opts.onEpoch) {
      last = averaged();
      opts.onEpoch(epoch, last, mistakes);
    }
  }
  return opts.onEpoch ? last : averaged();
}
