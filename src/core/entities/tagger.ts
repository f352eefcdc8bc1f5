/**
 * The statistical tagger end to end over one document: tokens, document context, features, Viterbi,
 * names with their score margins. Conventions of the project are applied afterwards (`conventions.ts`).
 */
import { documentContext, priorReading, sentenceFeatures, withPrior, type DocumentContext, type SentenceFeatures } from './features';
import { emissions, spanMargin, viterbi } from './decode';
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
    const d = viterbi(emissions(last, feats[i], n), n, last.transition, withMargins);
    return spansOf(d.labels).map((sp) => ({ ...sp, margin: withMargins ? spanMargin(d, sp.start, sp.end) : 0 }));
  });
}

/** The labels a model's first stage gives each sentence of a document. */
export function firstReading(ctx: DocumentContext, model: TaggerModel, feats?: readonly SentenceFeatures[]): Uint8Array[] {
  return ctx.sentences.map((s, i) => {
    const f = feats ? feats[i] : sentenceFeatures(ctx, i);
    return viterbi(emissions(model, f, s.lowers.length), s.lowers.length, model.transition).labels;
  });
}

/** The calibrated confidence of a margin. */
export function confidenceOf(model: TaggerModel, margin: number): number {
  const [a, b] = model.calibration;
  if (margin === Infinity) return 1;
  return 1 / (1 + Math.exp(-(a * margin + b)));
}
