/**
 * The statistical tagger end to end over one document: tokens, document context, features, Viterbi,
 * names with their score margins. Conventions of the project are applied afterwards (`conventions.ts`).
 */
import { cacheCounter } from '../cache-stats';
import { BoundedCache, rememberingAnalyses } from '../lru';
import { emissions, spanMargin, viterbi } from './decode';
import { documentContext, priorReading, sentenceFeatures, withPrior, type DocumentContext, type SentenceFeatures } from './features';
import { mix } from './hash';
import { spansOf, type LabelSpan } from './labels';
import type { TaggerModel } from './model';
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
  let feats: SentenceFeatures[] = ctx.sentences.map((_, i) => sentenceFeatures(ctx, i));
  let last = model;
  if (model.second) {
    const prior = priorReading(ctx, firstReading(ctx, model, feats));
    feats = feats.map((f, i) => withPrior(ctx, i, f, prior));
    last = model.second;
  }
  return ctx.sentences.map((s, i) => {
    const n = s.lowers.length;
    return remembered(last, feats[i], withMargins, () => {
      const d = viterbi(emissions(last, feats[i], n), n, last.transition, withMargins);
      return { labels: d.labels, spans: spansOf(d.labels).map((sp) => ({ ...sp, margin: withMargins ? spanMargin(d, sp.start, sp.end) : 0 })) };
    }).spans;
  });
}

/** The labels a model's first stage gives each sentence of a document. */
export function firstReading(ctx: DocumentContext, model: TaggerModel, feats?: readonly SentenceFeatures[]): Uint8Array[] {
  return ctx.sentences.map((s, i) => {
    const f = feats ? feats[i] : sentenceFeatures(ctx, i);
    return remembered(model, f, false, () => ({ labels: viterbi(emissions(model, f, s.lowers.length), s.lowers.length, model.transition).labels, spans: [] })).labels;
  });
}

/** Tokens of the sentences remembered, at most: about 120 bytes each with their features, so some 7 MB in all. */
const MAX_REMEMBERED_TOKENS = 60_000;
/**
 * Decodings of recent sentences, by the hash of their features. A sentence's labels depend on nothing
 * but its features and the model, so a sentence whose features are the very same as before (every
 * sentence of an article but the edited ones, most of the time) is not scored and decoded again.
 * The features are kept and compared in full, so a hash collision costs a decoding, never a wrong one.
 */
const decodings = new BoundedCache<number, Decoding>(MAX_REMEMBERED_TOKENS, (d) => d.f.starts.length - 1);
const decodingHits = cacheCounter('sentence decodings (entities)');

interface Decoding {
  readonly model: TaggerModel;
  readonly margins: boolean;
  readonly f: SentenceFeatures;
  readonly labels: Uint8Array;
  readonly spans: TaggedSpan[];
}

function remembered(
  model: TaggerModel,
  f: SentenceFeatures,
  margins: boolean,
  decode: () => { labels: Uint8Array; spans: TaggedSpan[] },
): { labels: Uint8Array; spans: TaggedSpan[] } {
  const key = featureHash(f, margins);
  const hit = decodings.get(key);
  if (hit && hit.model === model && hit.margins === margins && sameFeatures(hit.f, f)) {
    decodingHits.hits++;
    return hit;
  }
  decodingHits.misses++;
  const result = decode();
  if (rememberingAnalyses()) decodings.set(key, { model, margins, f, ...result });
  return result;
}

/** Forgets every remembered decoding. */
export function forgetDecodings(): void {
  decodings.clear();
}

function featureHash(f: SentenceFeatures, margins: boolean): number {
  let h = margins ? 0x811c9dc5 : 0x01000193;
  const { feats, starts } = f;
  for (let i = 0; i < starts.length; i++) h = Math.imul(h ^ starts[i], 0x01000193);
  for (let i = 0; i < feats.length; i++) h = Math.imul(h ^ feats[i], 0x01000193);
  return mix(h, starts.length);
}

function sameFeatures(a: SentenceFeatures, b: SentenceFeatures): boolean {
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
