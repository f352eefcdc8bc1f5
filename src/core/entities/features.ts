/**
 * The tagger's features: for each token, a list of 32-bit hashes, each naming one observation (the
 * word, its shape, its affixes, its neighbours, what the lists and compromise's lexicon say of it,
 * and how the same word is written and used elsewhere in the document). The model keeps one weight
 * per feature and label.
 *
 * Capitals mean little at a sentence start and nothing in a line of capitals (headlines, sports
 * tables), so there a word is also described by the spelling the document uses for it elsewhere
 * ("SOCCER" → "soccer", "LONDON" → "London"), and every shape feature says where it was seen.
 */
import { rememberingAnalyses } from '../lru';
import * as hashing from './hash';
import * as lexicon from './lexicon';
import type { Sentence } from './tokens';
import * as wordFeatures from './word-features';
import type { WordInfo } from './word-features';

// Imported bindings compile to property reads; the hot loops below use local copies.
const { mix } = hashing;
const { LIST_KIND_COUNT, listMatches, wordClasses } = lexicon;
const { Case, info, T } = wordFeatures;

/** Most features a token can have; extraction stops adding past it. */
export const MAX_FEATURES = 64;

/** How a sentence is written: ordinary prose, a line of capitals, or a headline in title case. */
enum Line { Prose = 0, Caps = 1, Title = 2 }

/** A sentence prepared for feature extraction. */
export interface PreparedSentence {
  readonly sentence: Sentence;
  readonly lowers: readonly string[];
  readonly infos: readonly WordInfo[];
  /** Each token's word, by its number in the document (`DocumentContext.ids`). */
  readonly ids: Int32Array;
  readonly line: Line;
  /** Tokens where capitals are expected anyway: sentence starts, after an opening quote, colon or dash. */
  readonly initial: readonly boolean[];
}

const OPENING = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '—', '–', '«', '*', '|', '>', '#']);

/** What a sentence's tokens say of themselves, whatever the document around them. */
interface SentenceReading {
  readonly lowers: readonly string[];
  readonly infos: readonly WordInfo[];
  readonly line: Line;
  readonly initial: readonly boolean[];
}

/**
 * Readings of sentences that come back: the recogniser passes a paragraph's cached sentences, the same
 * objects while the paragraph is unchanged, so an edited document reads again only its edited ones.
 */
const readingsBySentence = new WeakMap<Sentence, SentenceReading>();

function readSentence(sentence: Sentence): SentenceReading {
  const known = readingsBySentence.get(sentence);
  if (known) return known;
  const toks = sentence.tokens;
  const infos = toks.map((t) => info(t.text));
  const lowers = infos.map((w) => w.lowerText);
  let wordsSeen = 0;
  let caps = 0;
  let initialCaps = 0;
  for (const w of infos) {
    if (w.caseOf === Case.None) continue;
    wordsSeen++;
    if (w.caseOf === Case.AllCaps) caps++;
    if (w.caseOf === Case.Initial) initialCaps++;
  }
  let line = Line.Prose;
  if (wordsSeen >= 2 && caps >= 0.6 * wordsSeen) line = Line.Caps;
  else if (wordsSeen >= 3 && caps + initialCaps >= 0.75 * wordsSeen) line = Line.Title;
  const initial = toks.map((_, i) => i === 0 || OPENING.has(toks[i - 1].text));
  const reading = { lowers, infos, line, initial };
  if (rememberingAnalyses()) readingsBySentence.set(sentence, reading);
  return reading;
}

function prepare(sentence: Sentence, numbers: Map<string, number>): PreparedSentence {
  const { lowers, infos, line, initial } = readSentence(sentence);
  const ids = new Int32Array(lowers.length);
  for (let i = 0; i < ids.length; i++) {
    let id = numbers.get(lowers[i]);
    if (id === undefined) numbers.set(lowers[i], (id = numbers.size));
    ids[i] = id;
  }
  return { sentence, lowers, infos, ids, line, initial };
}

/**
 * How the document writes and uses each word, gathered from its prose (not its headlines). Words are
 * numbered in the document (`ids`), and what is known of word number w is at index w of each list:
 * `undefined` where the prose says nothing of it.
 */
export interface DocumentContext {
  readonly sentences: readonly PreparedSentence[];
  /** lower-cased word → its number; every token's word has one. */
  readonly ids: Map<string, number>;
  /** [written with a capital mid-sentence, written in lower case] counts. */
  readonly cases: ([number, number] | undefined)[];
  /** Capitalised spellings in prose, with counts. */
  readonly forms: (Map<string, number> | undefined)[];
  /** Words before / after its capitalised occurrences, with counts. */
  readonly prevs: (Map<string, number> | undefined)[];
  readonly nexts: (Map<string, number> | undefined)[];
  /** First and last words of the capitalised runs it stands in. */
  readonly firsts: (Map<string, number> | undefined)[];
  readonly lasts: (Map<string, number> | undefined)[];
}

function bump(list: (Map<string, number> | undefined)[], id: number, value: string): void {
  let m = list[id];
  if (!m) list[id] = m = new Map();
  m.set(value, (m.get(value) ?? 0) + 1);
}

/** Prepares a document's sentences and gathers what its prose says of each word. */
export function documentContext(sentences: readonly Sentence[]): DocumentContext {
  const ids = new Map<string, number>();
  const prepared = sentences.map((s) => prepare(s, ids));
  const none = (): undefined[] => new Array<undefined>(ids.size).fill(undefined);
  const ctx: DocumentContext = { sentences: prepared, ids, cases: none(), forms: none(), prevs: none(), nexts: none(), firsts: none(), lasts: none() };
  for (const s of prepared) {
    if (s.line !== Line.Prose) continue;
    const n = s.lowers.length;
    let runStart = -1;
    for (let i = 0; i <= n; i++) {
      const cased = i < n && s.infos[i].caseOf >= Case.Initial;
      if (i < n && s.infos[i].caseOf !== Case.None) {
        const id = s.ids[i];
        let c = ctx.cases[id];
        if (!c) ctx.cases[id] = c = [0, 0];
        if (s.infos[i].caseOf === Case.Lower) c[1]++;
        else if (!s.initial[i]) c[0]++;
        if (cased && !s.initial[i]) {
          bump(ctx.forms, id, s.sentence.tokens[i].text);
          bump(ctx.prevs, id, i > 0 ? s.lowers[i - 1] : '<s>');
          bump(ctx.nexts, id, i + 1 < n ? s.lowers[i + 1] : '</s>');
        }
      }
      if (cased && runStart < 0) runStart = i;
      if (!cased && runStart >= 0) {
        if (i - runStart >= 2 && !s.initial[runStart]) {
          for (let k = runStart; k < i; k++) {
            if (k > runStart) bump(ctx.firsts, s.ids[k], s.lowers[runStart]);
            if (k < i - 1) bump(ctx.lasts, s.ids[k], s.lowers[i - 1]);
          }
        }
        runStart = -1;
      }
    }
  }
  return ctx;
}

/** The spelling the document's prose gives a word, when a line of capitals or a sentence start hides it. */
function trueForm(ctx: DocumentContext, id: number, lower: string): string | undefined {
  const forms = ctx.forms[id];
  const cases = ctx.cases[id];
  if (cases && cases[1] > (cases[0] || 0)) return lower;
  if (!forms) return undefined;
  let best: string | undefined;
  let bestN = 0;
  for (const [f, c] of forms) if (c > bestN) { best = f; bestN = c; }
  return best;
}

/** Features of one sentence: token t's are `feats[starts[t] .. starts[t + 1])`. */
export interface SentenceFeatures {
  readonly feats: Uint32Array;
  readonly starts: Uint32Array;
  /** The hash the tagger remembers decodings by, once computed (`tagger.ts`). */
  hash?: number;
}

/** The features of token t. */
export function tokenFeatures(f: SentenceFeatures, t: number): number[] {
  return [...f.feats.subarray(f.starts[t], f.starts[t + 1])];
}

const EMPTY = 0x9e3779b9;

/**
 * Where features are being written: `out[at]` onwards, up to `limit`. One writer for the module
 * rather than a closure per token, which allocating would cost more than the features. A sentence's
 * features are written to `scratch`, room for `MAX_FEATURES` a token, and copied out at its end, so
 * what is kept holds only the features there are.
 */
let scratch = new Uint32Array(64 * MAX_FEATURES);
let out = scratch;
let at = 0;
let limit = 0;

function add(h: number): void {
  if (at < limit) out[at++] = h;
}

function startWriting(tokens: number): void {
  if (scratch.length < tokens * MAX_FEATURES) scratch = new Uint32Array(2 * tokens * MAX_FEATURES);
  out = scratch;
  at = 0;
}

/**
 * A first reading of the document (labels of each sentence, by a first model), which the second model
 * sees as features: a name is usually of one type throughout an article, so "Washington" after
 * "Mr. Washington" is a person and "Rotor" a club once "Rotor Volgograd" is one.
 */
export interface PriorReading {
  readonly labels: readonly Uint8Array[];
  /** By word number: how often its capitalised occurrences were read as O, PER, LOC, ORG, MISC. */
  readonly byWord: (Uint16Array | undefined)[];
}

/** The type (0 for O, 1 + type index) of a label. */
function typeIndex(y: number): number {
  return y === 0 ? 0 : 1 + ((y - 1) >> 2);
}

export function priorReading(ctx: DocumentContext, labels: readonly Uint8Array[]): PriorReading {
  const byWord = new Array<Uint16Array | undefined>(ctx.ids.size).fill(undefined);
  ctx.sentences.forEach((s, si) => {
    for (let i = 0; i < s.lowers.length; i++) {
      if (s.infos[i].caseOf < Case.Initial) continue;
      let c = byWord[s.ids[i]];
      if (!c) byWord[s.ids[i]] = c = new Uint16Array(5);
      c[typeIndex(labels[si][i])]++;
    }
  });
  return { labels, byWord };
}

function priorFeatures(prior: PriorReading, s: PreparedSentence, index: number, i: number, hidden: boolean): void {
  const y = prior.labels[index];
  add(mix(T.priorOwn, y[i]));
  add(mix(T.priorPrev, mix(i > 0 ? y[i - 1] : 99, y[i])));
  add(mix(T.priorNext, mix(y[i], i + 1 < y.length ? y[i + 1] : 99)));
  const c = s.infos[i].caseOf >= Case.Initial ? prior.byWord[s.ids[i]] : undefined;
  if (!c) return;
  const own = typeIndex(y[i]);
  let major = -1;
  let most = 0;
  for (let t = 0; t < 5; t++) {
    const n = c[t] - (t === own ? 1 : 0);
    if (n <= 0) continue;
    if (t > 0) add(mix(T.priorSeen, t * 2 + (hidden ? 1 : 0)));
    if (n > most) { most = n; major = t; }
  }
  if (major >= 0) add(mix(T.priorMajor, mix(major * 2 + (hidden ? 1 : 0), own)));
}

/** Each token's lower-case and shape hashes, for the sentence being described. */
let lowerScratch = new Int32Array(64);
let shapeScratch = new Int32Array(64);

/** Extracts the features of sentence `index` of a document, with a first reading's when there is one. */
export function sentenceFeatures(ctx: DocumentContext, index: number, prior?: PriorReading): SentenceFeatures {
  const s = ctx.sentences[index];
  const n = s.lowers.length;
  const starts = new Uint32Array(n + 1);
  const lists = new Uint32Array(n);
  for (const m of listMatches(s.sentence.tokens, s.lowers)) {
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      lists[i] = (m.kinds << 2) | pos | 0x80000000;
    }
  }
  if (lowerScratch.length < n) {
    lowerScratch = new Int32Array(2 * n);
    shapeScratch = new Int32Array(2 * n);
  }
  const lowerH = lowerScratch;
  const shapeH = shapeScratch;
  for (let i = 0; i < n; i++) {
    lowerH[i] = s.infos[i].lower;
    shapeH[i] = s.infos[i].shape;
  }
  startWriting(n);
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    limit = at + MAX_FEATURES;
    const w = s.infos[i];
    const hidden = s.line === Line.Caps || s.initial[i];
    const where = s.line * 2 + (s.initial[i] ? 1 : 0);
    // The layout `spellingSums` (paired.ts) relies on: the bias, the word's first own feature (where
    // the word stands mixed in), then the rest of its own features, which depend on the spelling alone.
    add(T.bias);
    const own = w.own;
    const room = Math.min(own.length, limit - at);
    for (let j = 0; j < room; j++) out[at + j] = own[j];
    if (hidden && room > 0) out[at] = mix(own[0], where);
    at += room;
    add(mix(T.position, where * 8 + w.caseOf));
    add(mix(T.lineShape, mix(where, w.shape)));
    const p1 = i > 0 ? lowerH[i - 1] : EMPTY;
    const n1 = i + 1 < n ? lowerH[i + 1] : EMPTY + 1;
    add(mix(T.prev, p1));
    add(mix(T.next, n1));
    add(mix(T.prev2, i > 1 ? lowerH[i - 2] : EMPTY));
    add(mix(T.next2, i + 2 < n ? lowerH[i + 2] : EMPTY + 1));
    add(mix(T.prevNext, mix(p1, n1)));
    add(mix(T.prevShape, i > 0 ? shapeH[i - 1] : EMPTY));
    add(mix(T.nextShape, i + 1 < n ? shapeH[i + 1] : EMPTY + 1));
    add(mix(T.prevBigram, mix(p1, w.lower)));
    add(mix(T.nextBigram, mix(w.lower, n1)));
    add(mix(T.shapes3, mix(mix(i > 0 ? shapeH[i - 1] : EMPTY, w.shape), i + 1 < n ? shapeH[i + 1] : EMPTY + 1)));
    add(mix(T.prevCase, mix(i > 0 ? s.infos[i - 1].caseOf : 9, w.caseOf)));
    add(mix(T.nextCase, mix(w.caseOf, i + 1 < n ? s.infos[i + 1].caseOf : 9)));
    const pc = i > 0 ? s.infos[i - 1].classes : '<';
    const nc = i + 1 < n ? s.infos[i + 1].classes : '>';
    for (const c of pc) add(mix(T.prevCls, c.charCodeAt(0)));
    if (i > 0 && s.infos[i - 1].cues) add(mix(T.prevCue, s.infos[i - 1].cues));
    if (i + 1 < n && s.infos[i + 1].cues) add(mix(T.prevCue + 100, s.infos[i + 1].cues));
    for (const c of nc) add(mix(T.nextCls, c.charCodeAt(0)));
    if (s.line !== Line.Prose) add(mix(T.line, s.line * 8 + w.caseOf));
    if (lists[i]) {
      const kinds = (lists[i] & 0x7fffffff) >>> 2;
      for (let b = 0; b < LIST_KIND_COUNT; b++) if (kinds & (1 << b)) add(mix(T.list, b * 4 + (lists[i] & 3)));
    }
    if (w.caseOf !== Case.None) docFeatures(ctx, s, i, hidden);
  }
  starts[n] = at;
  const f: SentenceFeatures = { feats: scratch.slice(0, at), starts, hash: undefined };
  return prior ? withPrior(ctx, index, f, prior) : f;
}

/**
 * The first reading's features of sentence `index` alone, token by token, as `withPrior` would add
 * them after `base` (and bounded as it bounds them: `MAX_FEATURES` a token in all).
 */
export function priorOnly(ctx: DocumentContext, index: number, base: SentenceFeatures, prior: PriorReading): SentenceFeatures {
  const s = ctx.sentences[index];
  const n = base.starts.length - 1;
  const starts = new Uint32Array(n + 1);
  startWriting(n);
  for (let i = 0; i < n; i++) {
    starts[i] = at;
    limit = at + MAX_FEATURES - (base.starts[i + 1] - base.starts[i]);
    priorFeatures(prior, s, index, i, s.line === Line.Caps || s.initial[i]);
  }
  starts[n] = at;
  return { feats: scratch.slice(0, at), starts, hash: undefined };
}

/** A sentence's features with a first reading's added after each token's own (a copy: the first stage keeps its own). */
export function withPrior(ctx: DocumentContext, index: number, f: SentenceFeatures, prior: PriorReading): SentenceFeatures {
  const extra = priorOnly(ctx, index, f, prior);
  const n = f.starts.length - 1;
  const starts = new Uint32Array(n + 1);
  const feats = new Uint32Array(f.feats.length + extra.feats.length);
  let w = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = w;
    feats.set(f.feats.subarray(f.starts[i], f.starts[i + 1]), w);
    w += f.starts[i + 1] - f.starts[i];
    feats.set(extra.feats.subarray(extra.starts[i], extra.starts[i + 1]), w);
    w += extra.starts[i + 1] - extra.starts[i];
  }
  starts[n] = w;
  return { feats, starts, hash: undefined };
}

function docFeatures(ctx: DocumentContext, s: PreparedSentence, i: number, hidden: boolean): void {
  const lower = s.lowers[i];
  const id = s.ids[i];
  const w = s.infos[i];
  const inProse = s.line === Line.Prose;
  const own = inProse && w.caseOf >= Case.Initial && !s.initial[i];
  const c = ctx.cases[id];
  const capMid = (c?.[0] ?? 0) - (own ? 1 : 0);
  const low = (c?.[1] ?? 0) - (inProse && w.caseOf === Case.Lower ? 1 : 0);
  add(mix(T.docCase, ((capMid > 0 ? 2 : 0) + (low > 0 ? 1 : 0)) * 16 + (hidden ? 8 : 0) + w.caseOf));
  if (hidden) {
    const form = trueForm(ctx, id, lower);
    if (form !== undefined) {
      const t = info(form);
      add(mix(T.trueWord, t.lower + t.caseOf));
      add(mix(T.truePrefix, t.shape));
      for (const cl of t.classes) add(mix(T.trueCls, cl.charCodeAt(0)));
    }
  }
  const prevOwn = i > 0 ? s.lowers[i - 1] : '<s>';
  const nextOwn = i + 1 < s.lowers.length ? s.lowers[i + 1] : '</s>';
  elsewhere(ctx.prevs[id], own ? prevOwn : undefined, T.docPrev);
  elsewhere(ctx.nexts[id], own ? nextOwn : undefined, T.docNext);
  elsewhere(ctx.firsts[id], undefined, T.docFirst, T.docFirstCls);
  elsewhere(ctx.lasts[id], undefined, T.docLast);
}

/** Up to three words seen next to this word elsewhere, its own occurrence left out. */
function elsewhere(m: Map<string, number> | undefined, ownWord: string | undefined, template: number, clsTemplate = 0): void {
  if (!m) return;
  let emitted = 0;
  // Over the keys, each count looked up: iterating entries would allocate a pair for each.
  for (const word of m.keys()) {
    if (m.get(word)! - (word === ownWord ? 1 : 0) <= 0) continue;
    add(mix(template, info(word).lower));
    if (clsTemplate) for (const cl of wordClasses(word)) add(mix(clsTemplate, cl.charCodeAt(0)));
    if (++emitted === 3) break;
  }
}
