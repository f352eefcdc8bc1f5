/**
 * Recognition of people, places and organisations in one document: the tokens of each paragraph's
 * sentences go through the statistical tagger (`tagger.ts`, weights in `model/`), and its names
 * through the project's conventions (`conventions.ts`). Mentions are sorted and never overlap.
 */
import { BoundedCache, rememberingAnalyses } from '../lru';
import type { Paragraph, RawMention } from '../types';
import { sentenceMentions } from './conventions';
import { currentModel } from './model';
import { confidenceOf, forgetDecodings, tagSentences } from './tagger';
import { paragraphSentences, type Sentence } from './tokens';

/**
 * Tokenised paragraphs, keyed by their text, so that re-analysing an edited article tokenises only
 * the paragraphs that changed. Offsets are kept relative to the paragraph, so they stay valid
 * wherever it moves. Bounded in paragraphs and in tokens.
 */
const MAX_PARAGRAPHS = 4000;
const MAX_TOKENS = 40000;
const paragraphCache = new BoundedCache<string, readonly Sentence[]>(MAX_TOKENS, tokensOf, MAX_PARAGRAPHS);

function tokensOf(sentences: readonly Sentence[]): number {
  let n = 0;
  for (const s of sentences) n += s.tokens.length;
  return n;
}

function sentencesOf(text: string, p: Paragraph): Sentence[] {
  const key = text.slice(p.start, p.end);
  let rel = paragraphCache.get(key);
  if (!rel) {
    rel = paragraphSentences(key, { start: 0, end: key.length });
    if (rememberingAnalyses()) paragraphCache.set(key, rel);
  }
  if (p.start === 0) return rel as Sentence[];
  return rel.map((s) => ({ tokens: s.tokens.map((t) => ({ text: t.text, start: t.start + p.start, end: t.end + p.start })) }));
}

/**
 * Recognises people, places and organisations in `text`, paragraph by paragraph, with what the whole
 * document says of each word. Each mention carries the tagger's confidence in it.
 */
export function recognize(text: string, paras: readonly Paragraph[]): RawMention[] {
  const sentences = paras.flatMap((p) => sentencesOf(text, p));
  const model = currentModel();
  const tagged = tagSentences(sentences, model);
  const out: RawMention[] = [];
  const conf = (margin: number): number => confidenceOf(model, margin);
  sentences.forEach((s, i) => out.push(...sentenceMentions(text, s, tagged[i], conf)));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMention[] = [];
  for (const m of out) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept;
}

/** Forgets every remembered paragraph: the next analysis of any text starts from scratch. */
export function forgetRecognized(): void {
  paragraphCache.clear();
  forgetDecodings();
}

/** How much recognition remembers: paragraphs and their tokens. */
export function recognitionCacheSize(): { chunks: number; tokens: number } {
  return { chunks: paragraphCache.size, tokens: paragraphCache.weight };
}
