/**
 * What the corpus keeps of a document, compact, and the document's analysis made from it when asked.
 * Mentions are by far the most numerous things a corpus holds, so they are stored as parallel typed
 * arrays and their text is sliced from the document when asked; the text itself is kept compact
 * (`text/stored.ts`), and strings cut from it are detached, since a slice would keep the whole text
 * alive as a string beside its compact copy.
 */
import { CONFIDENCE } from './quotes/confidence';
import { GENERATION } from './quotes/lexicon';
import { fold } from './quotes/names';
import type { DocumentFacts } from './analysis';
import type { CorrectedDocument } from './corrections/apply';
import type { CorpusMention, CorpusQuote, DocumentAnalysis } from './corpus';
import { detached, storeText, type StoredText } from './text/stored';
import type { EntityType, Paragraph, QuoteSpan, RawMention, SpeakerRef } from './types';

export interface StoredDocument {
  readonly uri: string;
  readonly id: string;
  readonly version: number;
  /** The text, compact; `Corpus.textOf` gives it back as a string. */
  readonly text: StoredText;
  readonly title: string;
  readonly source: string | null;
  readonly date: string | undefined;
  /** Start and end of each paragraph, in turn. */
  readonly paragraphSpans: Int32Array;
  readonly quotes: readonly QuoteSpan[];
  readonly speakers: readonly (SpeakerRef | null)[];
  readonly mentionStarts: Int32Array;
  readonly mentionEnds: Int32Array;
  readonly mentionTypes: Uint8Array;
  /** Each mention's confidence in 254ths, `NO_CONFIDENCE` where the recogniser gave none. */
  readonly mentionConfidences: Uint8Array;
  /** What `analyzeText` noted of the document. */
  readonly analysisNotes: readonly string[] | undefined;
  /** What the quote index noted of its quotes, set once they are indexed. */
  indexNotes: readonly string[] | undefined;
  /** The facts as analysed, when corrections changed them: what `factsOf` gives, and corrections are applied to again. */
  readonly raw: DocumentFacts | undefined;
  /** What the reader's corrections of this document did, when it has any. */
  readonly correction: CorrectedDocument | undefined;
}

const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];
/** A mention's confidence is kept in a byte: 254ths of 1, and this for none. */
const NO_CONFIDENCE = 255;
const CONFIDENCE_STEPS = 254;

/**
 * The arrays of a document without names, shared: every article of a folder is first stored with its
 * quotes alone, and thousands of empty arrays would each cost the collector an object to trace.
 */
const NO_INTS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);

/**
 * Keeps a document's facts compact: those its corrections made when it has any, else those analysed.
 * `sameText` is the document as stored before, when its text is the very same: what is made of the
 * text alone is taken from it.
 */
export function storeDocument(
  uri: string,
  id: string,
  version: number,
  text: string,
  analysed: DocumentFacts,
  correction: CorrectedDocument | undefined,
  sameText?: StoredDocument,
): StoredDocument {
  const facts = correction?.facts ?? analysed;
  const n = facts.mentions.length;
  // With the text of `sameText`, a quote read alike at the same place is kept as it was stored.
  const kept = sameText?.quotes;
  const quoteOf = (q: QuoteSpan, i: number): QuoteSpan => {
    const k = kept?.[i];
    if (!k || k.start !== q.start || k.end !== q.end) return compactQuote(q, detached(q.text));
    const same = k.kind === q.kind && k.depth === q.depth && k.unclosed === q.unclosed && k.paragraph === q.paragraph && k.outer.start === q.outer.start && k.outer.end === q.outer.end;
    return same ? k : compactQuote(q, k.text);
  };
  const doc: StoredDocument = {
    uri, id, version,
    text: sameText ? sameText.text : storeText(text),
    title: detached(facts.title),
    source: facts.source === null ? null : detached(facts.source),
    date: facts.date,
    paragraphSpans: sameText && sameSpans(sameText.paragraphSpans, facts.paragraphs) ? sameText.paragraphSpans : spansOf(facts.paragraphs),
    quotes: facts.quotes.map(quoteOf),
    speakers: facts.speakers.map((s) => (s ? compactSpeaker(s) : null)),
    mentionStarts: n === 0 ? NO_INTS : new Int32Array(n),
    mentionEnds: n === 0 ? NO_INTS : new Int32Array(n),
    mentionTypes: n === 0 ? NO_BYTES : new Uint8Array(n),
    mentionConfidences: n === 0 ? NO_BYTES : new Uint8Array(n),
    analysisNotes: facts.notes,
    indexNotes: undefined,
    raw: correction ? analysed : undefined,
    correction,
  };
  facts.mentions.forEach((m, i) => {
    doc.mentionStarts[i] = m.start;
    doc.mentionEnds[i] = m.end;
    doc.mentionTypes[i] = TYPES.indexOf(m.type);
    doc.mentionConfidences[i] = m.confidence === undefined ? NO_CONFIDENCE : Math.round(Math.min(1, Math.max(0, m.confidence)) * CONFIDENCE_STEPS);
  });
  return doc;
}

/** The words each kind of quote and each way of finding a speaker are named by, one string each. */
const NAMES = new Map<string, string>(
  (['statement', 'term', 'after', 'before', 'colon', 'according-to', 'indirect', 'pronoun', 'continuation', 'correction'] as const).map((w) => [w, w]),
);

function named<T extends string>(word: T): T {
  return (NAMES.get(word) as T | undefined) ?? word;
}

/**
 * A quote as stored: of one shape for every quote, its kind one shared string. Facts from an analysis
 * thread come as the clone's own objects, each with its own copy of every string.
 */
function compactQuote(q: QuoteSpan, text: string): QuoteSpan {
  return { start: q.start, end: q.end, text, outer: { start: q.outer.start, end: q.outer.end }, kind: named(q.kind), depth: q.depth, unclosed: q.unclosed, paragraph: q.paragraph };
}

/** A speaker as stored, of one shape, its name its own string and how it was found a shared one (see `compactQuote`). */
function compactSpeaker(s: SpeakerRef): SpeakerRef {
  const span = { start: s.span.start, end: s.span.end };
  const name = detached(s.name);
  const via = named(s.via);
  return s.confidence === undefined ? { name, span, mention: s.mention, via } : { name, span, mention: s.mention, via, confidence: s.confidence };
}

/** Start and end of each paragraph, in turn. */
function spansOf(paragraphs: readonly Paragraph[]): Int32Array {
  const out = new Int32Array(2 * paragraphs.length);
  paragraphs.forEach((p, i) => {
    out[2 * i] = p.start;
    out[2 * i + 1] = p.end;
  });
  return out;
}

/** Whether `spans` holds the start and end of each of `paragraphs`, in turn. */
function sameSpans(spans: Int32Array, paragraphs: readonly Paragraph[]): boolean {
  if (spans.length !== 2 * paragraphs.length) return false;
  for (let i = 0; i < paragraphs.length; i++) if (spans[2 * i] !== paragraphs[i].start || spans[2 * i + 1] !== paragraphs[i].end) return false;
  return true;
}

/** The facts a document was stored with (as corrected, when it was), its text given. */
export function storedFacts(doc: StoredDocument, text: string): DocumentFacts {
  const { title, source, date, quotes, speakers, analysisNotes } = doc;
  const mentions: RawMention[] = [];
  for (let i = 0; i < doc.mentionStarts.length; i++) mentions.push(rawMention(doc, text, i));
  return { title, source, ...(date ? { date } : {}), paragraphs: paragraphsOf(doc), quotes, speakers, mentions, ...(analysisNotes ? { notes: analysisNotes } : {}) };
}

/**
 * A stored document's analysis, whose text, paragraphs, quotes and mentions are made on first use,
 * from the corpus's own readings of them (`parts`).
 */
export function analysisOf(
  doc: StoredDocument,
  parts: { text(): string; quote(index: number): CorpusQuote; mention(index: number): CorpusMention },
): DocumentAnalysis {
  let mentions: CorpusMention[] | undefined;
  let quotes: CorpusQuote[] | undefined;
  let paragraphs: Paragraph[] | undefined;
  return {
    uri: doc.uri,
    id: doc.id,
    title: doc.title,
    source: doc.source,
    ...(doc.date ? { date: doc.date } : {}),
    version: doc.version,
    get text(): string {
      return parts.text();
    },
    get paragraphs(): readonly Paragraph[] {
      if (!paragraphs) paragraphs = paragraphsOf(doc);
      return paragraphs;
    },
    get quotes(): readonly CorpusQuote[] {
      if (!quotes) quotes = doc.quotes.map((_, i) => parts.quote(i));
      return quotes;
    },
    get mentions(): readonly CorpusMention[] {
      if (!mentions) {
        mentions = [];
        for (let i = 0; i < doc.mentionStarts.length; i++) mentions.push(parts.mention(i));
      }
      return mentions;
    },
  };
}

export function paragraphsOf(doc: StoredDocument): Paragraph[] {
  const out: Paragraph[] = [];
  const spans = doc.paragraphSpans;
  for (let i = 0; i < spans.length; i += 2) out.push({ start: spans[i], end: spans[i + 1], index: i >> 1 });
  return out;
}

/**
 * The key two quotes of one speaker share, for telling their words apart from another's: the folded
 * surname of a person the attribution named or resolved with some certainty (`…,” X said`, `X said:
 * “…”`, he or she, a remark carried on from X's), else undefined. Weaker guesses (a role read as
 * the passage's person, a capitalised word taken for a name) give none: too often someone else.
 */
export function speakerKey(doc: StoredDocument, quote: number): string | undefined {
  const s = doc.speakers[quote];
  if (!s || s.mention === null || s.mention < 0 || s.mention >= doc.mentionTypes.length) return undefined;
  if ((s.confidence ?? 0) < CONFIDENCE.continuation || TYPES[doc.mentionTypes[s.mention]] !== 'person') return undefined;
  // The surname: the last word but a generation ("Richard Bissen Jr."), without its punctuation.
  const words = s.name.trim().split(/\s+/).filter((w) => !GENERATION.test(w));
  return fold((words[words.length - 1] ?? '').replace(/[^\p{L}\p{N}'’-]/gu, '')) || undefined;
}

/** A stored mention as the analysis gave it, its document's text given. */
export function rawMention(doc: StoredDocument, text: string, index: number): RawMention {
  const start = doc.mentionStarts[index];
  const end = doc.mentionEnds[index];
  const c = doc.mentionConfidences[index];
  const type = TYPES[doc.mentionTypes[index]];
  const name = text.slice(start, end);
  return c === NO_CONFIDENCE ? { start, end, text: name, type } : { start, end, text: name, type, confidence: c / CONFIDENCE_STEPS };
}
