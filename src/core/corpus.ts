import { analyzeText, type DocumentFacts } from './analysis';
import { indexNotes } from './bounds';
import { CorrectionLayer } from './corrections/layer';
import type { BoundCorrection, CorrectionKind, CorrectionOutcome } from './corrections/types';
import { EntityResolver } from './entities';
import { fileNameOf, quoteId, shortHash } from './ids';
import { BoundedCache } from './lru';
import { QuoteIndex } from './matching';
import { partitionPoint } from './sorted';
import { analysisOf, rawMention, speakerKey, storedFacts, storeDocument, type StoredDocument } from './stored-document';
import { loadText } from './text/stored';
import type { Entity, Paragraph, QuoteLink, QuoteSpan, RawMention, SpeakerRef } from './types';

/** A quote of a document, with its speaker and the entity the speaker is. */
export interface CorpusQuote extends QuoteSpan {
  readonly id: string;
  readonly uri: string;
  readonly speaker: SpeakerRef | null;
  /** Entity id of the speaker where the speaker is a known entity. */
  readonly speakerEntity: string | null;
  /** The kinds of the reader's corrections that changed this quote (its speaker, its links), if any. */
  readonly corrected?: readonly CorrectionKind[];
  /** Where its own article names no speaker: the one the other articles reporting the words name, if they agree. */
  readonly speakerElsewhere?: SpeakerElsewhere;
}

/**
 * The speaker other articles give a quote's words when its own article names none: a scare-quoted
 * phrase, a headline's words or a quote the reporter leaves unattributed, linked to versions whose
 * articles all name one speaker. Only the articles' own attributions count, never another quote's
 * speaker from elsewhere, so the answer does not depend on the order the articles came in.
 */
export interface SpeakerElsewhere {
  /** The speaker's entity name where it is one, else the words the other articles use. */
  readonly name: string;
  readonly entity: string | null;
  /** How many other articles name that speaker for the words. */
  readonly articles: number;
}

/** The speaker a reader is shown for a quote: its article's, else the one other articles agree on. */
export function shownSpeaker(q: CorpusQuote): { readonly name: string; readonly elsewhere?: SpeakerElsewhere } | null {
  if (q.speaker) return { name: q.speaker.name };
  return q.speakerElsewhere ? { name: q.speakerElsewhere.name, elsewhere: q.speakerElsewhere } : null;
}

/** An entity mention of a document, with the entity it was resolved to. */
export interface CorpusMention extends RawMention {
  readonly uri: string;
  readonly index: number;
  /** Entity id, or null where the mention stays unresolved (a surname shared by several people). */
  readonly entity: string | null;
  /** The kinds of the reader's corrections that changed this mention (its type, its entity), or that made it, if any. */
  readonly corrected?: readonly CorrectionKind[];
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
  /** The day of publication its front matter gives (`YYYY-MM-DD`), if any. */
  readonly date?: string;
  readonly version: number;
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly quotes: readonly CorpusQuote[];
  readonly mentions: readonly CorpusMention[];
}

export { analyzeText, type DocumentFacts } from './analysis';

/** How many documents' materialised analyses are kept; hovers and redraws ask for a few open articles. */
const DOCUMENT_CACHE_SIZE = 32;
/**
 * Characters of recently read texts kept as strings: a few open articles, so that redraws and hovers
 * do not decode their texts again, while the rest stay compact.
 */
const RECENT_TEXT_CHARS = 4_000_000;
/**
 * From how many characters a text just set is kept as a string at once: a long article joins the
 * corpus in steps, each of which compares its text with the last. Two bytes a character, such a string
 * is also past the engine's largest ordinary object, and goes when it is let go.
 */
const KEPT_TEXT_MIN_CHARS = 65_536;

/**
 * The incremental workspace model: documents come one at a time (`set`, `remove`) and queries answer
 * from what is known. Setting a document re-analyses that document only; the quote index and the
 * entity resolver update only what it touches. Each document is kept compact (`stored-document.ts`);
 * the reader's corrections are a layer over the analysis (`corrections/layer.ts`), asked as a document
 * is put and as the links and entities are read.
 */
export class Corpus {
  private readonly docs = new Map<string, StoredDocument>();
  private readonly byId = new Map<string, string>();
  private readonly quoteIndex = new QuoteIndex();
  private readonly resolver = new EntityResolver();
  /** Recently materialised analyses, with the generation they were made in. */
  private readonly analyses = new BoundedCache<string, { readonly generation: number; readonly analysis: DocumentAnalysis }>(Infinity, () => 1, DOCUMENT_CACHE_SIZE);
  /** Texts recently read, as strings, by the document they belong to. */
  private readonly recentTexts = new BoundedCache<StoredDocument, string>(RECENT_TEXT_CHARS, (t) => t.length, DOCUMENT_CACHE_SIZE);
  /** Bumped by every change: a change anywhere may move another document's mentions to other entities. */
  private generation = 0;
  private readonly listeners = new Set<(uris: readonly string[]) => void>();
  /** The reader's corrections, applied to each document as it is put and to the corpus-wide answers. */
  private readonly corrections = new CorrectionLayer({
    generation: () => this.generation,
    has: (uri) => this.docs.has(uri),
    corrected: (uri) => {
      const doc = this.docs.get(uri);
      return doc && { docId: doc.id, correction: doc.correction };
    },
    mention: (docId, index) => {
      const doc = this.docs.get(this.byId.get(docId) ?? '');
      return doc && index < doc.mentionStarts.length ? rawMention(doc, this.textOf(doc), index) : undefined;
    },
    linked: (a, b) => this.quoteIndex.linkedIds(a).includes(b),
    quoteText: (id) => this.quoteText(id),
    resolver: this.resolver,
  });

  /** Analyses (or re-analyses) a document. `uri` is any unique key: a file path or a URI string. */
  set(uri: string, text: string, version = 0): DocumentAnalysis {
    return this.setFacts(uri, text, analyzeText(text, fileNameOf(uri)), version);
  }

  /**
   * Adds a document whose text was analysed elsewhere (a worker, a cache) with `analyzeText`; only the
   * corpus-wide work is done here: entity resolution and quote matching.
   */
  setFacts(uri: string, text: string, analysed: DocumentFacts, version = 0): DocumentAnalysis {
    this.add(uri, text, analysed, version);
    return this.document(uri)!;
  }

  /**
   * `setFacts` without building the document's analysis: a folder's articles join the corpus by the
   * thousand, and nothing reads most of them until a reader opens one.
   */
  add(uri: string, text: string, analysed: DocumentFacts, version = 0): void {
    this.put(uri, text, analysed, version);
    this.changed();
    this.emit([uri]);
  }

  /** Adds or replaces a document, its corrections applied, without telling the listeners. */
  private put(uri: string, text: string, analysed: DocumentFacts, version: number): void {
    const id = this.idFor(uri);
    const correction = this.corrections.correct(uri, text, analysed);
    const before = this.docs.get(uri);
    // A document set again with the same text (a long article's quotes joining a few at a time, its
    // names after them) keeps its compact text and quote texts rather than making them again.
    const same = before && this.text(before.uri) === text ? before : undefined;
    const doc = storeDocument(uri, id, version, text, analysed, correction, same);
    if (before) this.recentTexts.delete(before);
    this.docs.set(uri, doc);
    // A long text is kept as a string for the next steps of its article, which would each decode it
    // again. An ordinary one is decoded when asked: kept now, each of a folder's thousands of texts
    // would outlive the engine's young generation and leave its garbage in the old one.
    if (typeof doc.text !== 'string' && text.length >= KEPT_TEXT_MIN_CHARS) this.recentTexts.set(doc, text);
    this.byId.set(id, uri);
    this.resolver.set(id, text, (correction?.facts ?? analysed).mentions);
    const report = this.quoteIndex.set(id, doc.quotes.map((q, i) => ({ id: quoteId(id, i), docId: id, text: q.text, kind: q.kind, speaker: speakerKey(doc, i) })));
    const notes = indexNotes(report);
    if (notes.length > 0) doc.indexNotes = notes;
  }

  remove(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.delete(uri);
    this.recentTexts.delete(doc);
    this.byId.delete(doc.id);
    this.resolver.remove(doc.id);
    this.quoteIndex.remove(doc.id);
    this.changed();
    this.emit([uri]);
  }

  /**
   * What the analysis of a document left out or simplified because the document is unusual (tens of
   * thousands of quotes, a quote repeated thousands of times): empty for an ordinary article.
   */
  notesOf(uri: string): readonly string[] {
    const doc = this.docs.get(uri);
    return [...(doc?.analysisNotes ?? []), ...(doc?.indexNotes ?? [])];
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** What `analyzeText` gave for a document: enough to move it to another uri without analysing it again. */
  factsOf(uri: string): DocumentFacts | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    return doc.raw ?? storedFacts(doc, this.textOf(doc));
  }

  /** The uri of every document, in uri order, without building their analyses. */
  uris(): string[] {
    return [...this.docs.keys()].sort();
  }

  /** Every document, in uri order. */
  documents(): DocumentAnalysis[] {
    return this.uris().map((u) => this.document(u)!);
  }

  /**
   * A document's analysis. Its quotes and mentions are materialised on first use, and only the
   * analyses of the last few documents asked for are kept.
   */
  document(uri: string): DocumentAnalysis | undefined {
    const cached = this.analyses.get(uri);
    if (cached?.generation === this.generation) return cached.analysis;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const analysis = analysisOf(doc, { text: () => this.textOf(doc), quote: (i) => this.quoteOf(doc, i), mention: (i) => this.mentionOf(doc, i) });
    this.analyses.set(uri, { generation: this.generation, analysis });
    return analysis;
  }

  /**
   * A document's text, without building its analysis and without keeping the decoded copy: what the
   * indexer reads of each of a folder's documents once.
   */
  text(uri: string): string | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    return typeof doc.text === 'string' ? doc.text : (this.recentTexts.get(doc) ?? loadText(doc.text));
  }

  /** A document's text as a string, decoded once and kept while it is among the recently read. */
  private textOf(doc: StoredDocument): string {
    if (typeof doc.text === 'string') return doc.text;
    let text = this.recentTexts.get(doc);
    if (text === undefined) this.recentTexts.set(doc, (text = loadText(doc.text)));
    return text;
  }

  /** The entity of a mention, or null once its document has been replaced since it was read. */
  private entityOf(doc: StoredDocument, index: number): string | null {
    if (this.docs.get(doc.uri) !== doc) return null;
    return this.corrections.entityOf(doc.id, index, this.resolver.entityOf(doc.id, index));
  }

  private mentionOf(doc: StoredDocument, index: number, entity = this.entityOf(doc, index)): CorpusMention {
    const corrected = doc.correction?.mentionMarks.get(index);
    return { ...rawMention(doc, this.textOf(doc), index), uri: doc.uri, index, entity, ...(corrected ? { corrected } : {}) };
  }

  private quoteOf(doc: StoredDocument, index: number): CorpusQuote {
    const q = doc.quotes[index];
    const speaker = doc.speakers[index] ?? null;
    const id = quoteId(doc.id, index);
    const corrected = doc.correction?.quoteMarks.get(index);
    // A reader who set the speaker has said who it is, or that no one is named.
    const elsewhere = speaker || corrected?.includes('set-speaker') ? undefined : this.speakerElsewhere(doc, index, id);
    return {
      ...q,
      id,
      uri: doc.uri,
      speaker,
      speakerEntity: this.speakerEntityOf(doc, speaker),
      ...(corrected ? { corrected } : {}),
      ...(elsewhere ? { speakerElsewhere: elsewhere } : {}),
    };
  }

  private speakerEntityOf(doc: StoredDocument, speaker: SpeakerRef | null): string | null {
    const m = speaker?.mention ?? null;
    return m !== null && m >= 0 && m < doc.mentionStarts.length ? this.entityOf(doc, m) : null;
  }

  /**
   * The speaker the articles linked to a quote name for its words, when every one that names a
   * speaker names the same (the same entity, or the same words where it is none); undefined otherwise.
   */
  private speakerElsewhere(doc: StoredDocument, index: number, id: string): SpeakerElsewhere | undefined {
    const linked: { doc: StoredDocument; index: number }[] = [];
    // A weak likeness is no evidence of whose the words are. Read without drawing the links' diffs: this
    // runs for every unattributed quote each time a document's analysis is put together.
    const weak = this.quoteIndex.weaklyLinkedIds(id);
    for (const other of this.linkedIds(id)) {
      if (weak.has(other)) continue;
      const at = this.quoteIndexOf(other);
      if (at && at.doc !== doc) linked.push(at);
    }
    // Words another article quotes inside a quote are someone's its speaker repeats ("Trump keeps telling
    // them ‘…’, Harris said"): that quote is no evidence, nor the one inside it, which has no speaker of its own.
    const quoting = new Set<string>();
    const own = doc.quotes[index]!.text.length;
    for (const at of linked) {
      const inner = at.doc.quotes[at.index]!;
      // The words fit inside the inner quote: the outer one holds them as someone else's.
      if (inner.depth === 0 || own > inner.text.length) continue;
      at.doc.quotes.forEach((q, k) => {
        if (q.depth < inner.depth && q.outer.start <= inner.outer.start && inner.outer.end <= q.outer.end) quoting.add(`${at.doc.id}:${k}`);
      });
    }
    let key: string | undefined;
    let found: { name: string; entity: string | null } | undefined;
    const articles = new Set<string>();
    for (const at of linked) {
      if (at.doc.quotes[at.index]!.depth > 0 || quoting.has(`${at.doc.id}:${at.index}`)) continue;
      const s = at.doc.speakers[at.index];
      if (!s) continue;
      const entity = this.speakerEntityOf(at.doc, s);
      const written = s.name.replace(/\s+/g, ' ');
      const k = entity ?? `name:${written.toLowerCase()}`;
      if (key === undefined) {
        key = k;
        found = { name: (entity && this.corrections.entity(entity)?.name) || written, entity };
      } else if (k !== key) {
        return undefined;
      }
      articles.add(at.doc.uri);
    }
    return found && { ...found, articles: articles.size };
  }

  /** The document a quote or document id belongs to. */
  uriOf(idOrQuoteId: string): string | undefined {
    return this.byId.get(idOrQuoteId.split('-q')[0]);
  }

  /** Ids of a document's top-level statements (quotes of kind statement at depth 0), without building them. */
  statementIds(uri: string): string[] {
    const doc = this.docs.get(uri);
    if (!doc) return [];
    const out: string[] = [];
    doc.quotes.forEach((q, i) => {
      if (q.kind === 'statement' && q.depth === 0) out.push(quoteId(doc.id, i));
    });
    return out;
  }

  quote(id: string): CorpusQuote | undefined {
    const found = this.quoteIndexOf(id);
    return found && this.quoteOf(found.doc, found.index);
  }

  /** A quote's words, without resolving its speaker's entity. */
  private quoteText(id: string): string | undefined {
    const found = this.quoteIndexOf(id);
    return found?.doc.quotes[found.index]!.text;
  }

  private quoteIndexOf(id: string): { doc: StoredDocument; index: number } | undefined {
    const uri = this.uriOf(id);
    const doc = uri ? this.docs.get(uri) : undefined;
    if (!doc) return undefined;
    const at = id.lastIndexOf('-q');
    const index = Number(id.slice(at + 2));
    if (!Number.isInteger(index) || index < 0 || index >= doc.quotes.length || quoteId(doc.id, index) !== id) return undefined;
    return { doc, index };
  }

  /** Links of one quote to quotes of other documents (and to longer quotes of its own), best first. */
  linksOf(quoteId: string): QuoteLink[] {
    return this.corrections.linksOf(quoteId, this.quoteIndex.linksOf(quoteId));
  }

  /** Ids of the quotes `linksOf` would give, without their diffs. */
  linkedIds(quoteId: string): string[] {
    return this.corrections.linkedIds(quoteId, this.quoteIndex.linkedIds(quoteId));
  }

  /** Every link once. */
  links(): QuoteLink[] {
    return this.corrections.links(this.quoteIndex.links());
  }

  entities(): Entity[] {
    return this.corrections.entities();
  }

  entity(id: string): Entity | undefined {
    return this.corrections.entity(id);
  }

  /** Every mention of an entity across the corpus. */
  mentionsOf(entityId: string): CorpusMention[] {
    const out: CorpusMention[] = [];
    let doc: StoredDocument | undefined;
    for (const ref of this.corrections.mentionsOf(entityId)) {
      if (doc?.id !== ref.docId) {
        const uri = this.byId.get(ref.docId);
        doc = uri ? this.docs.get(uri) : undefined;
      }
      if (doc && ref.index < doc.mentionStarts.length) out.push(this.mentionOf(doc, ref.index, entityId));
    }
    return out;
  }

  /** How many mentions an entity has across the corpus, and in how many documents: what `mentionsOf` would count, at once. */
  mentionStats(entityId: string): { mentions: number; documents: number } {
    return this.corrections.mentionStats(entityId);
  }

  /**
   * Replaces the reader's corrections, each with the corpus keys of the articles it names, and applies
   * them: the documents they name, or named before, are corrected again from their analysed facts.
   */
  setCorrections(corrections: readonly BoundCorrection[]): void {
    const touched = this.corrections.set(corrections);
    // None before and none now (a workspace without a corrections file): nothing to redo or redraw.
    if (!touched) return;
    for (const uri of touched.filter((u) => this.docs.has(u))) {
      const doc = this.docs.get(uri)!;
      this.put(uri, this.textOf(doc), this.factsOf(uri)!, doc.version);
    }
    this.changed();
    this.emit(this.uris());
  }

  /** What became of each correction against the current analysis, in the order of the corrections file. */
  correctionOutcomes(): CorrectionOutcome[] {
    return this.corrections.outcomes();
  }

  /** The innermost quote containing `offset`, marks included; an offset at a span's end counts as in it. */
  quoteAt(uri: string, offset: number): CorpusQuote | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    let best = -1;
    doc.quotes.forEach((q, i) => {
      if (q.outer.start <= offset && offset <= q.outer.end && (best < 0 || q.depth > doc.quotes[best].depth)) best = i;
    });
    return best < 0 ? undefined : this.quoteOf(doc, best);
  }

  /** The mention containing `offset`; an offset at a span's end counts as in it, as for a word. */
  mentionAt(uri: string, offset: number): CorpusMention | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    // Mentions are sorted and never overlap, so their ends are sorted too: the first ending at or after
    // the offset is the only one that can contain it.
    const ends = doc.mentionEnds;
    const lo = partitionPoint(ends.length, (i) => ends[i] < offset);
    return lo < ends.length && doc.mentionStarts[lo] <= offset ? this.mentionOf(doc, lo) : undefined;
  }

  /** Called with the uris that changed after every `set` and `remove`; returns an unsubscribe function. */
  onDidChange(listener: (uris: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.generation++;
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
