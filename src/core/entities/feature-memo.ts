/**
 * The features of every sentence of a document, extracted again only where an edit can have changed
 * them. A sentence's features depend on its own tokens and on what the document says of each of its
 * words (`DocumentContext`), and what the document says of a word is gathered from that word's own
 * occurrences alone. So when a document comes back edited, a sentence it held before keeps its
 * features unless the document now says something else of one of its words. A one-word edit of a
 * 20,000-word article extracts the features of the edited sentence and of the few sentences sharing
 * the words it changed, not of all of them.
 *
 * Documents are recognised by their sentences, not by name: the recent document sharing most of a new
 * document's sentences is the one it is an edit of. Only analyses that may be remembered
 * (`rememberingAnalyses`: the documents open in an editor) are kept.
 */
import { cacheCounter } from '../cache-stats';
import { rememberingAnalyses } from '../lru';
import { sentenceFeatures, type DocumentContext, type PriorReading, type SentenceFeatures } from './features';

/** A document's sentences, as read last time. */
interface Reading {
  readonly ctx: DocumentContext;
  readonly feats: readonly SentenceFeatures[];
  /** Sentence text → the index of the first sentence that has it. */
  readonly sentences: Map<string, number>;
  readonly tokens: number;
  /** The first stage's reading of the document, and the second stage's features made from it, once known. */
  prior?: PriorReading;
  extras?: readonly SentenceFeatures[];
}

/** Each document's reading (when kept) and the kept reading it is an edit of, with its sentences' keys. */
const contexts = new WeakMap<DocumentContext, { readonly now: Reading | undefined; readonly before: Reading | undefined; readonly keys: readonly string[] }>();

/** Documents kept, at most, and their tokens in all (features take about 120 bytes a token). */
const MAX_READINGS = 4;
const MAX_TOKENS = 60_000;
/** A new document is taken for an edit of a kept one when it shares at least this share of its sentences. */
const SAME_DOCUMENT = 0.5;

const readings: Reading[] = [];
const reuse = cacheCounter('sentence features (entities)');

/** Forgets every document read. */
export function forgetReadings(): void {
  readings.length = 0;
}

/** The features of each sentence of `ctx`'s document, from a recent reading of it where they cannot have changed. */
export function documentFeatures(ctx: DocumentContext): SentenceFeatures[] {
  // A folder's articles, read once: nothing to compare with, nothing to keep.
  if (readings.length === 0 && !rememberingAnalyses()) return ctx.sentences.map((_, i) => sentenceFeatures(ctx, i));
  const keys = ctx.sentences.map((s) => s.lowers.length + '\u0001' + s.sentence.tokens.map((t) => t.text).join('\u0001'));
  const sentences = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!sentences.has(k)) sentences.set(k, i);
  });
  const before = closest(keys);
  const feats = before ? reread(ctx, keys, before) : ctx.sentences.map((_, i) => sentenceFeatures(ctx, i));
  let now: Reading | undefined;
  if (rememberingAnalyses()) remember((now = { ctx, feats, sentences, tokens: ctx.sentences.reduce((n, s) => n + s.lowers.length, 0) }), before);
  contexts.set(ctx, { now, before, keys });
  return feats;
}

/**
 * The second stage's features of each sentence (`make` gives them), from the reading the document is
 * an edit of where they cannot have changed. They add to a sentence's own what the first stage read
 * of its tokens and how it read their words' capitalised occurrences elsewhere in the document; so a
 * sentence keeps them when it is the same sentence, its labels are the same, and none of its words
 * was read differently, as often as each type, anywhere in the document.
 */
export function secondFeatures(ctx: DocumentContext, prior: PriorReading, make: (i: number) => SentenceFeatures): SentenceFeatures[] {
  const known = contexts.get(ctx);
  const before = known?.before;
  let extras: SentenceFeatures[];
  if (!known || !before?.prior || !before.extras) {
    extras = ctx.sentences.map((_, i) => make(i));
  } else {
    const was = before.prior;
    const kept = before.extras;
    const changed = changedPriors(before.ctx, was, ctx, prior);
    extras = ctx.sentences.map((s, i) => {
      const old = before.sentences.get(known.keys[i]);
      if (old === undefined || !sameLabels(was.labels[old], prior.labels[i]) || s.ids.some((id) => changed[id] === 1)) return make(i);
      return kept[old];
    });
  }
  if (known?.now) {
    known.now.prior = prior;
    known.now.extras = extras;
  }
  return extras;
}

/** By word number in `ctx`: 1 where the first stage read the word's capitalised occurrences otherwise than before. */
function changedPriors(beforeCtx: DocumentContext, was: PriorReading, ctx: DocumentContext, prior: PriorReading): Uint8Array {
  const changed = new Uint8Array(ctx.ids.size);
  for (const [w, id] of ctx.ids) {
    const old = beforeCtx.ids.get(w);
    const a = prior.byWord[id];
    const b = old === undefined ? undefined : was.byWord[old];
    if (a === b) continue;
    if (!a || !b || a.some((n, t) => n !== b[t])) changed[id] = 1;
  }
  return changed;
}

function sameLabels(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function closest(keys: readonly string[]): Reading | undefined {
  let best: Reading | undefined;
  let bestShared = 0;
  for (const r of readings) {
    let shared = 0;
    for (const k of keys) if (r.sentences.has(k)) shared++;
    if (shared >= SAME_DOCUMENT * keys.length && shared > bestShared) {
      best = r;
      bestShared = shared;
    }
  }
  return best;
}

function reread(ctx: DocumentContext, keys: readonly string[], before: Reading): SentenceFeatures[] {
  // Every word is compared, not only those of the sentences removed or added: moving a paragraph
  // changes no sentence, but it can change the order in which the document lists a word's neighbours.
  const changed = new Set<string>();
  for (const [w, id] of ctx.ids) if (ctx.cases[id] && !sameReading(before.ctx, ctx, w)) changed.add(w);
  // A word can also drop out of what the document says: one left only in headlines says nothing.
  for (const [w, id] of before.ctx.ids) if (before.ctx.cases[id] && !readOf(ctx, w)) changed.add(w);
  return ctx.sentences.map((s, i) => {
    const old = before.sentences.get(keys[i]);
    if (old !== undefined && !s.lowers.some((w) => changed.has(w))) {
      reuse.hits++;
      return before.feats[old];
    }
    reuse.misses++;
    return sentenceFeatures(ctx, i);
  });
}

/**
 * True when the features can read nothing different of `word` in either document: its spellings and
 * neighbours, in the same order, and what they read of its cases. Of how often the word is written
 * with a capital mid-sentence and in lower case, they read only whether each count is 0, 1 or more
 * (a count less the word's own occurrence is then known to be zero or not) and which is the larger,
 * so "the" one occurrence fewer reads the same.
 */
function sameReading(a: DocumentContext, b: DocumentContext, word: string): boolean {
  const ia = a.ids.get(word);
  const ib = b.ids.get(word);
  const ca = ia === undefined ? undefined : a.cases[ia];
  const cb = ib === undefined ? undefined : b.cases[ib];
  if (ca === undefined || cb === undefined) return ca === cb;
  if (Math.min(ca[0], 2) !== Math.min(cb[0], 2) || Math.min(ca[1], 2) !== Math.min(cb[1], 2)) return false;
  if (Math.sign(ca[1] - ca[0]) !== Math.sign(cb[1] - cb[0])) return false;
  return (
    sameCounts(a.forms[ia!], b.forms[ib!]) &&
    sameCounts(a.prevs[ia!], b.prevs[ib!]) &&
    sameCounts(a.nexts[ia!], b.nexts[ib!]) &&
    sameCounts(a.firsts[ia!], b.firsts[ib!]) &&
    sameCounts(a.lasts[ia!], b.lasts[ib!])
  );
}

/** True when the document's prose says anything of `word`. */
function readOf(ctx: DocumentContext, word: string): boolean {
  const id = ctx.ids.get(word);
  return id !== undefined && ctx.cases[id] !== undefined;
}

function sameCounts(a: Map<string, number> | undefined, b: Map<string, number> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.size !== b.size) return false;
  const ib = b.entries();
  for (const [k, v] of a) {
    const [kb, vb] = ib.next().value as [string, number];
    if (k !== kb || v !== vb) return false;
  }
  return true;
}

function remember(reading: Reading, replaces: Reading | undefined): void {
  const at = replaces ? readings.indexOf(replaces) : -1;
  if (at >= 0) readings.splice(at, 1);
  readings.unshift(reading);
  let tokens = 0;
  for (let i = 0; i < readings.length; i++) {
    tokens += readings[i].tokens;
    if (i > 0 && (i >= MAX_READINGS || tokens > MAX_TOKENS)) {
      readings.length = i;
      break;
    }
  }
}
