/**
 * From gold documents to what training and scoring need: the runtime's own tokens and sentences,
 * gold labels projected onto them, and features.
 */
import { paragraphs } from '../../text/paragraphs';
import { documentContext, priorReading, sentenceFeatures } from '../features';
import { labelsOf, TYPES, type ConllType, type LabelSpan } from '../labels';
import { paragraphSentences, type Sentence } from '../tokens';
import type { Example } from './perceptron';
import type { GoldDocument, GoldName } from './corpus';

/** A document as the tagger reads it. */
export interface PreparedDocument {
  readonly doc: GoldDocument;
  readonly sentences: Sentence[];
  /** Gold names of each sentence over its tokens. */
  readonly gold: LabelSpan[][];
  /** Gold names whose ends fall inside a token, which the tagger cannot produce. */
  readonly unaligned: number;
}

export function prepareDocument(doc: GoldDocument): PreparedDocument {
  const sentences = paragraphs(doc.text).flatMap((p) => paragraphSentences(doc.text, p));
  const starts = new Map<number, [number, number]>();
  const ends = new Map<number, [number, number]>();
  sentences.forEach((s, si) => s.tokens.forEach((t, ti) => {
    starts.set(t.start, [si, ti]);
    ends.set(t.end, [si, ti]);
  }));
  const gold: LabelSpan[][] = sentences.map(() => []);
  let unaligned = 0;
  for (const g of doc.names) {
    const a = starts.get(g.start);
    const b = ends.get(g.end);
    if (!a || !b || a[0] !== b[0] || b[1] < a[1]) { unaligned++; continue; }
    gold[a[0]].push({ start: a[1], end: b[1] + 1, type: g.type });
  }
  for (const g of gold) g.sort((x, y) => x.start - y.start);
  return { doc, sentences, gold, unaligned };
}

/** Training examples of a prepared document; with a first reading's labels, for a second-stage model. */
export function examplesOf(p: PreparedDocument, firstLabels?: readonly Uint8Array[]): Example[] {
  const ctx = documentContext(p.sentences);
  const prior = firstLabels ? priorReading(ctx, firstLabels) : undefined;
  return p.sentences.map((s, i) => ({ ...sentenceFeatures(ctx, i, prior), gold: labelsOf(s.tokens.length, p.gold[i]) }));
}

export interface Counts { tp: number; fp: number; fn: number }

/** Counts per type over PER, LOC and ORG, exact span and type; MISC gold is ignored, MISC predictions dropped. */
export function countNames(gold: readonly GoldName[], predicted: readonly GoldName[], into: Record<ConllType, Counts>): void {
  const key = (n: GoldName): string => `${n.start}:${n.end}:${n.type}`;
  const g = new Set(gold.filter((n) => n.type !== 'MISC').map(key));
  const p = new Set(predicted.filter((n) => n.type !== 'MISC').map(key));
  for (const n of predicted) if (n.type !== 'MISC') into[n.type][g.has(key(n)) ? 'tp' : 'fp']++;
  for (const n of gold) if (n.type !== 'MISC' && !p.has(key(n))) into[n.type].fn++;
}

export function emptyCounts(): Record<ConllType, Counts> {
  return Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<ConllType, Counts>;
}

export function f1(c: Counts): number {
  return c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0;
}

export function overall(counts: Record<ConllType, Counts>): Counts {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const t of ['PER', 'LOC', 'ORG'] as const) {
    out.tp += counts[t].tp;
    out.fp += counts[t].fp;
    out.fn += counts[t].fn;
  }
  return out;
}
