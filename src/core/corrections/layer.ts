/**
 * The reader's corrections as a layer over the corpus: which corrections name which article, what
 * they make of a document's facts as it joins the corpus (`correct`), and what the corrections of
 * links and entities make of the corpus-wide answers (links, entities, a mention's entity), worked
 * out again after each change of the corpus, when first asked. The corpus asks the layer at those
 * points and holds nothing else of the corrections.
 */
import type { DocumentFacts } from '../analysis';
import type { EntityResolver, MentionRef } from '../entities';
import { quoteId } from '../ids';
import type { Entity, EntityType, QuoteLink } from '../types';
import { correctDocument, type CorrectedDocument } from './apply';
import { correctEntities, correctLinks, type EntityOverlay, type LinkOverlay } from './overlay';
import type { BoundCorrection, CorrectionOutcome } from './types';

/** What the layer reads of the corpus beneath it. */
export interface CorrectedCorpus {
  /** Goes up with every change of the corpus: a change anywhere may change what a correction makes of it. */
  generation(): number;
  has(uri: string): boolean;
  /** The id of an article's document and what its corrections did to it; undefined when it is not in the corpus. */
  corrected(uri: string): { readonly docId: string; readonly correction: CorrectedDocument | undefined } | undefined;
  /** A mention's words as written and its type; undefined when there is no such mention. */
  mention(docId: string, index: number): { readonly text: string; readonly type: EntityType } | undefined;
  /** True when the quote index links the two quotes. */
  linked(a: string, b: string): boolean;
  /** A quote's words. */
  quoteText(quoteId: string): string | undefined;
  readonly resolver: Pick<EntityResolver, 'entities' | 'entity' | 'entityOf' | 'statsOf' | 'mentionsOf'>;
}

interface Overlays {
  readonly generation: number;
  readonly links: LinkOverlay | undefined;
  readonly entities: EntityOverlay | undefined;
}

export class CorrectionLayer {
  private corrections: readonly BoundCorrection[] = [];
  /** The corrections, by the corpus key of each article they name. */
  private byUri = new Map<string, BoundCorrection[]>();
  /** What corrections of links and entities make of the corpus, with the generation it was made in. */
  private overlays: Overlays | undefined;

  constructor(private readonly corpus: CorrectedCorpus) {}

  /**
   * Replaces the corrections, each with the corpus keys of the articles it names. Returns the keys of
   * the articles they name or named before, whose documents are to be corrected again; undefined when
   * there were none and are none, so there is nothing to redo.
   */
  set(corrections: readonly BoundCorrection[]): string[] | undefined {
    if (corrections.length === 0 && this.corrections.length === 0) return undefined;
    const before = new Set(this.byUri.keys());
    this.corrections = corrections;
    this.byUri = new Map();
    for (const c of corrections) {
      for (const uri of new Set(c.uris)) {
        let list = this.byUri.get(uri);
        if (!list) this.byUri.set(uri, (list = []));
        list.push(c);
      }
    }
    return [...new Set([...before, ...this.byUri.keys()])];
  }

  /** What the corrections naming an article make of its facts; undefined when none names it. */
  correct(uri: string, text: string, facts: DocumentFacts): CorrectedDocument | undefined {
    const fixes = this.byUri.get(uri);
    return fixes ? correctDocument(uri, text, facts, fixes) : undefined;
  }

  /** What became of each correction against the current analysis, in the order of the corrections file. */
  outcomes(): CorrectionOutcome[] {
    const out: CorrectionOutcome[] = [];
    const decided = new Set<number>();
    for (const uri of this.byUri.keys()) {
      for (const o of this.corpus.corrected(uri)?.correction?.outcomes ?? []) {
        out.push(o);
        decided.add(o.index);
      }
    }
    const overlays = this.overlay();
    for (const o of [...(overlays.links?.outcomes ?? []), ...(overlays.entities?.outcomes ?? [])]) {
      if (!decided.has(o.index)) out.push(o);
      decided.add(o.index);
    }
    for (const c of this.corrections) {
      if (decided.has(c.index)) continue;
      const missing = c.uris.find((u) => !this.corpus.has(u));
      if (missing !== undefined) out.push({ index: c.index, kind: c.correction.kind, status: 'lost', message: `its article ${missingArticle(c, missing)} is not among the articles` });
    }
    // One outcome per correction: a failure on either side of a link outweighs the other side's success.
    const rank = { lost: 0, conflict: 1, unneeded: 2, applied: 3 } as const;
    const best = new Map<number, CorrectionOutcome>();
    for (const o of out) {
      const had = best.get(o.index);
      if (!had || rank[o.status] < rank[had.status]) best.set(o.index, o);
    }
    return [...best.values()].sort((a, b) => a.index - b.index);
  }

  /** A quote's links as corrected, given those the quote index found. */
  linksOf(quoteId: string, found: QuoteLink[]): QuoteLink[] {
    const overlay = this.overlay().links;
    return overlay ? overlay.linksOf(quoteId, found) : found;
  }

  /** The ids of a quote's links as corrected, given those the quote index found. */
  linkedIds(quoteId: string, found: string[]): string[] {
    const overlay = this.overlay().links;
    return overlay ? overlay.linkedIds(quoteId, found) : found;
  }

  /** Every link once, as corrected, given those the quote index found. */
  links(found: QuoteLink[]): QuoteLink[] {
    const overlay = this.overlay().links;
    return overlay ? overlay.links(found) : found;
  }

  entities(): Entity[] {
    const overlay = this.overlay().entities;
    return overlay ? [...overlay.entities] : this.corpus.resolver.entities();
  }

  entity(id: string): Entity | undefined {
    const overlay = this.overlay().entities;
    return overlay ? overlay.byId.get(id) : this.corpus.resolver.entity(id);
  }

  /** A mention's entity as corrected, given the one the resolver found. */
  entityOf(docId: string, index: number, found: string | null): string | null {
    const overlay = this.overlay().entities;
    return overlay ? overlay.entityOf(docId, index, found) : found;
  }

  /** Every mention of an entity as corrected. */
  mentionsOf(entityId: string): readonly MentionRef[] {
    const resolver = this.corpus.resolver;
    const overlay = this.overlay().entities;
    return overlay ? overlay.mentionsOf(entityId, (id) => resolver.mentionsOf(id)) : resolver.mentionsOf(entityId);
  }

  /** How many mentions an entity has as corrected, and in how many documents. */
  mentionStats(entityId: string): { mentions: number; documents: number } {
    const overlay = this.overlay().entities;
    if (!overlay) return this.corpus.resolver.statsOf(entityId);
    const refs = this.mentionsOf(entityId);
    return { mentions: refs.length, documents: new Set(refs.map((r) => r.docId)).size };
  }

  /** The overlays of link and entity corrections for the current generation, made when first asked. */
  private overlay(): Overlays {
    const generation = this.corpus.generation();
    if (this.overlays?.generation === generation) return this.overlays;
    const corpus = this.corpus;
    const ends = new Map<number, (string | undefined)[]>();
    const splits: { index: number; docId: string; mention: number; text: string; type: EntityType }[] = [];
    for (const uri of this.byUri.keys()) {
      const doc = corpus.corrected(uri);
      if (!doc?.correction) continue;
      for (const e of doc.correction.quoteEnds) {
        let pair = ends.get(e.index);
        if (!pair) ends.set(e.index, (pair = [undefined, undefined]));
        pair[e.side] = quoteId(doc.docId, e.quote);
      }
      for (const s of doc.correction.splits) {
        const { text, type } = corpus.mention(doc.docId, s.mention)!;
        splits.push({ index: s.index, docId: doc.docId, mention: s.mention, text, type });
      }
    }
    const links = correctLinks(this.corrections, ends, { linked: (a, b) => corpus.linked(a, b), text: (id) => corpus.quoteText(id) });
    const entities = correctEntities(this.corrections, splits, {
      entities: () => corpus.resolver.entities(),
      entityOf: (docId, index) => corpus.resolver.entityOf(docId, index),
      stats: (id) => corpus.resolver.statsOf(id),
      mentionsOf: (id) => corpus.resolver.mentionsOf(id),
      spellings: (refs) => refs.map((r) => corpus.mention(r.docId, r.index)?.text ?? ''),
    });
    this.overlays = { generation, links, entities };
    return this.overlays;
  }
}

function missingArticle(c: BoundCorrection, uri: string): string {
  const places = c.correction.kind === 'link-quotes' || c.correction.kind === 'unlink-quotes' ? c.correction.quotes : [];
  const at = c.uris.indexOf(uri);
  return places[at]?.article ?? ('quote' in c.correction ? c.correction.quote.article : 'name' in c.correction ? c.correction.name.article : uri);
}
