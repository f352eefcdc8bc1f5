import { EntityResolver, recognize } from './entities';
import { QuoteIndex } from './matching';
import { attributeSpeakers, findQuotes } from './quotes';
import { describeDocument } from './documents';
import { paragraphs } from './text/paragraphs';
import type { Entity, Paragraph, QuoteLink, QuoteSpan, RawMention, SpeakerRef } from './types';

/** A quote of a document, with its speaker and the entity the speaker is. */
export interface CorpusQuote extends QuoteSpan {
  readonly id: string;
  readonly uri: string;
  readonly speaker: SpeakerRef | null;
  /** Entity id of the speaker where the speaker is a known entity. */
  readonly speakerEntity: string | null;
}

/** An entity mention of a document, with the entity it was resolved to. */
export interface CorpusMention extends RawMention {
  readonly uri: string;
  readonly index: number;
  /** Entity id, or null where the mention stays unresolved (a surname shared by several people). */
  readonly entity: string | null;
}

/** What the corpus knows of one document. */
export interface DocumentAnalysis {
  readonly uri: string;
  /** Short stable id derived from the uri, used in quote ids. */
  readonly id: string;
  /** Headline where one can be found, else the file name. */
  readonly title: string;
  /** The outlet the text names (a dateline's agency, a site name), or null. */
  readonly source: string | null;
  readonly version: number;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly quotes: readonly CorpusQuote[];
  readonly mentions: readonly CorpusMention[];
}

/**
 * What analysing one document's text yields, before it meets the rest of the corpus. Plain data, so it
 * can be computed in a worker thread and kept in a cache keyed by the text's hash.
 */
export interface DocumentFacts {
  readonly title: string;
  readonly source: string | null;
  readonly paragraphs: readonly Paragraph[];
  readonly quotes: readonly QuoteSpan[];
  readonly speakers: readonly (SpeakerRef | null)[];
  readonly mentions: readonly RawMention[];
}

/** Analyses one document on its own: the expensive, corpus-independent part of `Corpus.set`. */
export function analyzeText(text: string, fileName: string): DocumentFacts {
  const paras = paragraphs(text);
  const mentions = recognize(text, paras);
  const quotes = findQuotes(text, paras);
  const speakers = attributeSpeakers(text, paras, quotes, mentions);
  const { title, source } = describeDocument(text, paras, fileName);
  return { title, source, paragraphs: paras, quotes, speakers, mentions };
}

interface Analysed extends DocumentFacts {
  readonly uri: string;
  readonly id: string;
  readonly version: number;
  readonly text: string;
}

/**
 * The incremental workspace model: documents come one at a time (`set`, `remove`) and queries answer
 * from what is known. Setting a document re-analyses that document only; the quote index and the
 * entity resolver update only what it touches.
 */
export class Corpus {
  private readonly docs = new Map<string, Analysed>();
  private readonly byId = new Map<string, string>();
  private readonly quoteIndex = new QuoteIndex();
  private readonly resolver = new EntityResolver();
  private readonly quoteCache = new Map<string, DocumentAnalysis>();
  private readonly listeners = new Set<(uris: readonly string[]) => void>();

  /** Analyses (or re-analyses) a document. `uri` is any unique key: a file path or a URI string. */
  set(uri: string, text: string, version = 0): DocumentAnalysis {
    return this.setFacts(uri, text, analyzeText(text, fileNameOf(uri)), version);
  }

  /**
   * Adds a document whose text was analysed elsewhere (a worker, a cache) with `analyzeText`; only the
   * corpus-wide work is done here: entity resolution and quote matching.
   */
  setFacts(uri: string, text: string, facts: DocumentFacts, version = 0): DocumentAnalysis {
    const id = this.idFor(uri);
    const doc: Analysed = { ...facts, uri, id, version, text };
    this.docs.set(uri, doc);
    this.byId.set(id, uri);
    this.resolver.set(id, text, facts.mentions);
    this.quoteIndex.set(id, facts.quotes.map((q, i) => ({ id: quoteId(id, i), docId: id, text: q.text, kind: q.kind })));
    this.quoteCache.clear();
    this.emit([uri]);
    return this.document(uri)!;
  }

  remove(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.delete(uri);
    this.byId.delete(doc.id);
    this.resolver.remove(doc.id);
    this.quoteIndex.remove(doc.id);
    this.quoteCache.clear();
    this.emit([uri]);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** What `analyzeText` gave for a document: enough to move it to another uri without analysing it again. */
  factsOf(uri: string): DocumentFacts | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const { title, source, paragraphs, quotes, speakers, mentions } = doc;
    return { title, source, paragraphs, quotes, speakers, mentions };
  }

  /** Every document, in uri order. */
  documents(): DocumentAnalysis[] {
    return [...this.docs.keys()].sort().map((u) => this.document(u)!);
  }

  document(uri: string): DocumentAnalysis | undefined {
    const cached = this.quoteCache.get(uri);
    if (cached) return cached;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const mentions: CorpusMention[] = doc.mentions.map((m, index) => ({
      ...m,
      uri,
      index,
      entity: this.resolver.entityOf(doc.id, index),
    }));
    const quotes: CorpusQuote[] = doc.quotes.map((q, i) => {
      const speaker = doc.speakers[i] ?? null;
      return {
        ...q,
        id: quoteId(doc.id, i),
        uri,
        speaker,
        speakerEntity: speaker && speaker.mention !== null ? mentions[speaker.mention]?.entity ?? null : null,
      };
    });
    const analysis: DocumentAnalysis = {
      uri,
      id: doc.id,
      title: doc.title,
      source: doc.source,
      version: doc.version,
      text: doc.text,
      paragraphs: doc.paragraphs,
      quotes,
      mentions,
    };
    this.quoteCache.set(uri, analysis);
    return analysis;
  }

  /** The document a quote or document id belongs to. */
  uriOf(idOrQuoteId: string): string | undefined {
    return this.byId.get(idOrQuoteId.split('-q')[0]);
  }

  quote(id: string): CorpusQuote | undefined {
    const uri = this.uriOf(id);
    return uri ? this.document(uri)?.quotes.find((q) => q.id === id) : undefined;
  }

  /** Links of one quote to quotes of other documents (and to longer quotes of its own), best first. */
  linksOf(quoteId: string): QuoteLink[] {
    return this.quoteIndex.linksOf(quoteId);
  }

  /** Every link once. */
  links(): QuoteLink[] {
    return this.quoteIndex.links();
  }

  entities(): Entity[] {
    return this.resolver.entities();
  }

  entity(id: string): Entity | undefined {
    return this.resolver.entity(id);
  }

  /** Every mention of an entity across the corpus. */
  mentionsOf(entityId: string): CorpusMention[] {
    const out: CorpusMention[] = [];
    for (const ref of this.resolver.mentionsOf(entityId)) {
      const uri = this.byId.get(ref.docId);
      const m = uri ? this.document(uri)?.mentions[ref.index] : undefined;
      if (m) out.push(m);
    }
    return out;
  }

  /** The innermost quote containing `offset`, marks included; an offset at a span's end counts as in it. */
  quoteAt(uri: string, offset: number): CorpusQuote | undefined {
    let best: CorpusQuote | undefined;
    for (const q of this.document(uri)?.quotes ?? []) {
      if (q.outer.start <= offset && offset <= q.outer.end && (!best || q.depth > best.depth)) best = q;
    }
    return best;
  }

  /** The mention containing `offset`; an offset at a span's end counts as in it, as for a word. */
  mentionAt(uri: string, offset: number): CorpusMention | undefined {
    return this.document(uri)?.mentions.find((m) => m.start <= offset && offset <= m.end);
  }

  /** Called with the uris that changed after every `set` and `remove`; returns an unsubscribe function. */
  onDidChange(listener: (uris: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(uris: readonly string[]): void {
    for (const l of this.listeners) l(uris);
  }

  private idFor(uri: string): string {
    const existing = this.docs.get(uri);
    if (existing) return existing.id;
    let id = shortHash(uri);
    while (this.byId.has(id) && this.byId.get(id) !== uri) id = shortHash(id + uri);
    return id;
  }
}

/** A quote's id: its document's id and its place in the document. */
export function quoteId(docId: string, index: number): string {
  return `${docId}-q${index}`;
}

/** The last segment of a path or URI, decoded: what a title falls back to. */
export function fileNameOf(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable ids for documents and cache keys. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
