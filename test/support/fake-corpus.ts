import { marked } from 'marked';
import type { CorpusMention, CorpusQuote } from '../../src/core/corpus';
import type { DiffPart, Entity, QuoteLink } from '../../src/core/types';

/** A quote of `text` at `start`, as the corpus would hand it to the extension. */
export function quoteAt(
  uri: string,
  id: string,
  text: string,
  start: number,
  extra: Partial<Pick<CorpusQuote, 'kind' | 'speaker' | 'depth' | 'unclosed'>> = {},
): CorpusQuote {
  return {
    id,
    uri,
    text,
    start,
    end: start + text.length,
    outer: { start: start - 1, end: start + text.length + 1 },
    kind: extra.kind ?? 'statement',
    depth: extra.depth ?? 0,
    unclosed: extra.unclosed ?? false,
    paragraph: 0,
    speaker: extra.speaker ?? null,
    speakerEntity: null,
  };
}

export function speaker(name: string): NonNullable<CorpusQuote['speaker']> {
  return { name, span: { start: 0, end: name.length }, mention: null, via: 'after' };
}

export function link(from: string, to: string, score: number, relation: QuoteLink['relation'], diff: DiffPart[] = []): QuoteLink {
  return { from, to, score, relation, diff };
}

export function mention(uri: string, index: number, text: string, start: number, entity: Entity | null): CorpusMention {
  return { uri, index, text, start, end: start + text.length, type: entity?.type ?? 'person', entity: entity?.id ?? null };
}

/** A tiny in-memory corpus answering the queries the extension's pure helpers make. */
export class FakeCorpus {
  constructor(
    readonly quotes: CorpusQuote[],
    readonly quoteLinks: QuoteLink[],
    readonly titles: Record<string, string>,
    readonly entityList: Entity[] = [],
    readonly mentions: CorpusMention[] = [],
  ) {}
  linksOf(id: string): QuoteLink[] {
    return this.quoteLinks.filter((l) => l.from === id);
  }
  quote(id: string): CorpusQuote | undefined {
    return this.quotes.find((q) => q.id === id);
  }
  document(uri: string): { title: string } | undefined {
    const title = this.titles[uri];
    return title === undefined ? undefined : { title };
  }
  entities(): Entity[] {
    return this.entityList;
  }
  mentionsOf(id: string): CorpusMention[] {
    return this.mentions.filter((m) => m.entity === id);
  }

  mentionStats(id: string): { mentions: number; documents: number } {
    const own = this.mentions.filter((m) => m.entity === id);
    return { mentions: own.length, documents: new Set(own.map((m) => m.uri)).size };
  }
}

/** HTML as marked (the renderer VS Code's hovers use) makes it, with GitHub extensions on. */
export function toHtml(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}
