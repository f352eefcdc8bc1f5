/**
 * The statistical tagger end to end over one document: tokens, document context, features, Viterbi,
 * names with their score margins. Conventions of the project are applied afterwards (`conventions.ts`).
 */
import { cacheCounter } from '../cache-stats';
import { BoundedCache, rememberingAnalyses } from '../lru';
import { emissions, spanMargin, viterbi } from './decode';
import { documentContext, priorOnly, priorReading, sentenceFeatures, withPrior, type DocumentContext, type SentenceFeatures } from './features';
import { mix } from './hash';
import { LABEL_COUNT, spansOf, type LabelSpan } from './labels';
import type { TaggerModel } from './model';
import { documentFeatures, forgetReadings, secondFeatures } from './feature-memo';
import { firstScores, isPaired, keepSecond, pairedSums, secondScores, sumsRoom } from './paired';
import type { Sentence } from './tokens';

/** A name the tagger found: a token span of one sentence, with its CoNLL type and margin. */
export interface TaggedSpan extends LabelSpan {
  /** How much the best labelling beats any labelling that reads these tokens otherwise. */
  readonly margin: number;
}

/**
 * Names of each sentence of a document, in order. A model with a second stage reads the document
 * twice: the second pass sees the first pass's labels of every sentence.
 */
export function tagSentences(sentences: readonly Sentence[], model: TaggerModel, withMargins = true): TaggedSpan[][] {
  const ctx = documentContext(sentences);
  const feats = documentFeatures(ctx);
  const second = model.second;
  const count = feats.length;
  if (!second) {
    const out = new Array<TaggedSpan[]>(count);
    for (let i = 0; i < count; i++) {
      const parts = [feats[i]];
      out[i] = (recall(model, parts, withMargins ? 2 : 1) ?? decode(model, parts, withMargins, emissions(model, feats[i], tokenCount(feats[i])))).spans;
    }
    return out;
  }
  const paired = isPaired(model);
  // The second stage's sums of each sentence, kept from the first stage's pass over its features (or
  // made in the second pass, when the first stage's decoding was remembered).
  const at = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) at[i + 1] = at[i] + tokenCount(feats[i]) * LABEL_COUNT;
  const kept = keptScratch(at[count]);
  const summed = new Uint8Array(count);
  const labels = new Array<Uint8Array>(count);
  for (let i = 0; i < count; i++) {
    const f = feats[i];
    const parts = [f];
    const known = recall(model, parts, 0);
    if (known) {
      labels[i] = known.labels;
      continue;
    }
    const n = tokenCount(f);
    let scores: Float64Array;
    if (paired) {
      scores = firstScores(model, sumBoth(model, ctx, feats, i, kept, at[i]), n);
      summed[i] = 1;
    } else {
      scores = emissions(model, f, n);
    }
    labels[i] = decode(model, parts, 'labels only', scores).labels;
  }
  const prior = priorReading(ctx, labels);
  const extras = secondFeatures(ctx, prior, (i) => priorOnly(ctx, i, feats[i], prior));
  const mode = withMargins ? 2 : 1;
  const out = new Array<TaggedSpan[]>(count);
  for (let i = 0; i < count; i++) {
    const f = feats[i];
    const extra = extras[i];
    const parts = [f, extra];
    const known = recall(second, parts, mode);
    if (known) {
      out[i] = known.spans;
      continue;
    }
    let scores: Float64Array;
    if (!paired) {
      scores = emissions(second, withPrior(ctx, i, f, prior), tokenCount(f));
    } else {
      if (!summed[i]) sumBoth(model, ctx, feats, i, kept, at[i]);
      scores = secondScores(second, kept, at[i], extra, tokenCount(f));
    }
    out[i] = decode(second, parts, withMargins, scores).spans;
  }
  return out;
}

/** Both stages' sums of sentence `i`, the second stage's kept in `kept` from `from`. */
function sumBoth(model: TaggerModel, ctx: DocumentContext, feats: readonly SentenceFeatures[], i: number, kept: Int16Array, from: number): Int32Array {
  const n = tokenCount(feats[i]);
  const sums = pairScratch(sumsRoom(n));
  pairedSums(model, feats[i], ctx.sentences[i].infos, n, sums);
  keepSecond(sums, n, kept, from);
  return sums;
}

/** The labels a model's first stage gives each sentence of a document. */
export function firstReading(ctx: DocumentContext, model: TaggerModel, feats?: readonly SentenceFeatures[]): Uint8Array[] {
  return ctx.sentences.map((_, i) => {
    const f = feats ? feats[i] : sentenceFeatures(ctx, i);
    const parts = [f];
    return (recall(model, parts, 0) ?? decode(model, parts, 'labels only', emissions(model, f, tokenCount(f)))).labels;
  });
}

/** Both stages' sums of one sentence, and the second stage's of a whole document: arrays reused in turn. */
let pairBuffer = new Int32Array(0);
let keptBuffer = new Int16Array(0);

function pairScratch(size: number): Int32Array {
  if (pairBuffer.length < size) pairBuffer = new Int32Array(Math.max(size, 2 * pairBuffer.length));
  return pairBuffer;
}

function keptScratch(size: number): Int16Array {
  if (keptBuffer.length < size) keptBuffer = new Int16Array(Math.max(size, 2 * keptBuffer.length));
  return keptBuffer;
}

function tokenCount(f: SentenceFeatures): number {
  return f.starts.length - 1;
}

/**
 * Decodes a sentence from its `scores` under `model` and remembers the decoding by its features
 * (`parts`, read one after the other): its labels, and its names when `margins` is not 'labels only'.
 */
function decode(model: TaggerModel, parts: readonly SentenceFeatures[], margins: boolean | 'labels only', scores: Float64Array): Decoding {
  const withMargins = margins === true;
  const d = viterbi(scores, tokenCount(parts[0]), model.transition, withMargins);
  const mode = margins === 'labels only' ? 0 : withMargins ? 2 : 1;
  let spans: TaggedSpan[] = [];
  if (mode !== 0) {
    const found = spansOf(d.labels);
    spans = new Array<TaggedSpan>(found.length);
    for (let k = 0; k < found.length; k++) {
      const sp = found[k];
      spans[k] = { start: sp.start, end: sp.end, type: sp.type, margin: withMargins ? spanMargin(d, sp.start, sp.end) : 0 };
    }
  }
  const decoding: Decoding = { model, mode, parts, labels: d.labels, spans };
  decodingHits.misses++;
  if (rememberingAnalyses()) decodings.set(featureHash(parts, mode), decoding);
  return decoding;
}

/** Tokens of the sentences remembered, at most: about 120 bytes each with their features, so some 7 MB in all. */
const MAX_REMEMBERED_TOKENS = 60_000;
/**
 * Decodings of recent sentences, by the hash of their features. A sentence's labels depend on nothing
 * but its features and the model, so a sentence whose features are the very same as before (every
 * sentence of an article but the edited ones, most of the time) is not scored and decoded again.
 * The features are kept and compared in full, so a hash collision costs a decoding, never a wrong one.
 */
const decodings = new BoundedCache<number, Decoding>(MAX_REMEMBERED_TOKENS, (d) => tokenCount(d.parts[0]));
const decodingHits = cacheCounter('sentence decodings (entities)');

interface Decoding {
  readonly model: TaggerModel;
  /** 0: labels only, 1: names without margins, 2: names with margins. */
  readonly mode: number;
  readonly parts: readonly SentenceFeatures[];
  readonly labels: Uint8Array;
  readonly spans: TaggedSpan[];
}

/** The remembered decoding of a sentence with features `parts` under `model`, in `mode`, if any. */
function recall(model: TaggerModel, parts: readonly SentenceFeatures[], mode: number): Decoding | undefined {
  const hit = decodings.get(featureHash(parts, mode));
  if (hit && hit.model === model && hit.mode === mode && sameParts(hit.parts, parts)) {
    decodingHits.hits++;
    return hit;
  }
  return undefined;
}

/** Forgets every remembered decoding, and the features of documents read lately. */
export function forgetDecodings(): void {
  decodings.clear();
  forgetReadings();
}

function featureHash(parts: readonly SentenceFeatures[], mode: number): number {
  let h = 0x811c9dc5 ^ mode;
  for (const f of parts) h = mix(h, hashOf(f));
  return h;
}

/** A set of features' hash, computed once and kept with them: both stages' look-ups read a sentence's features. */
function hashOf(f: SentenceFeatures): number {
  if (f.hash !== undefined) return f.hash;
  const { feats, starts } = f;
  let h = 0x811c9dc5;
  for (let i = 0; i < starts.length; i++) h = Math.imul(h ^ starts[i], 0x01000193);
  for (let i = 0; i < feats.length; i++) h = Math.imul(h ^ feats[i], 0x01000193);
  h = mix(h, starts.length);
  f.hash = h;
  return h;
}

function sameParts(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[]): boolean {
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) if (!sameFeatures(a[p], b[p])) return false;
  return true;
}

function sameFeatures(a: SentenceFeatures, b: SentenceFeatures): boolean {
  if (a === b) return true;
  if (a.feats.length !== b.feats.length || a.starts.length !== b.starts.length) return false;
  for (let i = 0; i < a.starts.length; i++) if (a.starts[i] !== b.starts[i]) return false;
  for (let i = 0; i < a.feats.length; i++) if (a.feats[i] !== b.feats[i]) return false;
  return true;
}

/** The calibrated confidence of a margin. */
export function confidenceOf(model: TaggerModel, margin: number): number {
  const [a, b] = model.calibration;
  if (margin === Infinity) return 1;
  return 1 / (1 + Math.exp(-(a * margin + b)));
}
