/**
 * The statistical tagger end to end over one document: tokens, document context, features, Viterbi,
 * names with their score margins. Conventions of the project are applied afterwards (`conventions.ts`).
 */
import { documentContext, sentenceFeatures } from './features';
import { emissions, spanMargin, viterbi } from './decode';
import { spansOf, type LabelSpan } from './labels';
import type { TaggerModel } from './model';
import type { Sentence } from './tokens';

/** A name the tagger found: a token span of one sentence, with its CoNLL type and margin. */
export interface TaggedSpan extends LabelSpan {
  /** How much the best labelling beats any labelling that reads these tokens otherwise. */
  readonly margin: number;
}

/** Names of each sentence of a document, in order. */
export function tagSentences(sentences: readonly Sentence[], model: TaggerModel, withMargins = true): TaggedSpan[][] {
  const ctx = documentContext(sentences);
  return sentences.map((s, i) => {
    const n = s.tokens.length;
    const d = viterbi(emissions(model, sentenceFeatures(ctx, i), n), n, model.transition, withMargins);
    return spansOf(d.labels).map((sp) => ({ ...sp, margin: withMargins ? spanMargin(d, sp.start, sp.end) : 0 }));
  });
}

/** Labels of each sentence (for training and scoring on pre-tokenised data). */
export function labelSentences(sentences: readonly Sentence[], model: TaggerModel): Uint8Array[] {
  const ctx = documentContext(sentences);
  return sentences.map((s, i) => viterbi(emissions(model, sentenceFeatures(ctx, i), s.tokens.length), s.tokens.length, model.transition).labels);
}

/** The calibrated confidence of a margin. */
export function confidenceOf(model: TaggerModel, margin: number): number {
  const [a, b] = model.calibration;
  if (margin === Infinity) return 1;
  return 1 / (1 + Math.exp(-(a * margin + b)));
}
