import type { Corpus, CorpusQuote } from './corpus';
import { byDate } from './documents';
import { plural } from './text/plural';
import { truncate, visible } from './text/visible';
import { partitionPoint } from './sorted';
import type { EntityType, LinkRelation, QuoteKind } from './types';
import { linkedQuotes } from './versions';

/** The machine-readable report of `crosswire analyze --json`. */
export interface JsonReport {
  documents: {
    path: string;
    title: string;
    source: string | null;
    /** The day of publication the article's front matter gives, `YYYY-MM-DD`. */
    date: string | null;
    quotes: {
      id: string;
      start: number;
      end: number;
      text: string;
      kind: QuoteKind;
      speaker: string | null;
      speakerEntity: string | null;
      /** Where the article names no speaker: the one the other articles reporting the words agree on. */
      speakerElsewhere: { name: string; entity: string | null; articles: number } | null;
      unclosed: boolean;
      /** The kinds of the reader's corrections that changed the quote; absent when none did. */
      corrected?: string[];
    }[];
    mentions: { start: number; end: number; text: string; type: EntityType; confidence?: number; entity: string | null; corrected?: string[] }[];
  }[];
  entities: {
    id: string;
    name: string;
    type: EntityType;
    aliases: string[];
    mentions: number;
    documents: string[];
  }[];
  links: { from: string; to: string; score: number; relation: LinkRelation; corrected?: true }[];
}

/** Builds the JSON report; `pathOf` turns a corpus key into the path the user gave. */
export function jsonReport(corpus: Corpus, pathOf: (uri: string) => string = (u) => u): JsonReport {
  const docs = corpus.documents();
  return {
    documents: docs.map((d) => ({
      path: pathOf(d.uri),
      title: d.title,
      source: d.source,
      date: d.date ?? null,
      quotes: d.quotes.map((q) => ({
        id: q.id,
        start: q.start,
        end: q.end,
        text: q.text,
        kind: q.kind,
        speaker: q.speaker?.name ?? null,
        speakerEntity: q.speakerEntity,
        speakerElsewhere: q.speakerElsewhere ? { ...q.speakerElsewhere } : null,
        unclosed: q.unclosed,
        ...(q.corrected ? { corrected: [...q.corrected] } : {}),
      })),
      mentions: d.mentions.map((m) => ({
        start: m.start, end: m.end, text: m.text, type: m.type,
        ...(m.confidence === undefined ? {} : { confidence: Math.round(m.confidence * 1000) / 1000 }),
        entity: m.entity, ...(m.corrected ? { corrected: [...m.corrected] } : {}),
      })),
    })),
    entities: corpus.entities().map((e) => {
      const mentions = corpus.mentionsOf(e.id);
      return {
        id: e.id,
        name: e.name,
        type: e.type,
        aliases: [...e.aliases],
        mentions: mentions.length,
        documents: [...new Set(mentions.map((m) => pathOf(m.uri)))],
      };
    }),
    links: corpus.links().map((l) => ({ from: l.from, to: l.to, score: round(l.score), relation: l.relation, ...(l.corrected ? { corrected: l.corrected } : {}) })),
  };
}

/**
 * Builds the readable report: per article its quotes, speakers and matches, then the entities. It is
 * meant for a terminal, so everything taken from the articles (titles, paths, quotes, names) is shown
 * on one line with control, bidirectional and zero-width characters as visible markers (`visible`).
 */
export function textReport(corpus: Corpus, pathOf: (uri: string) => string = (u) => u): string {
  const out: string[] = [];
  const line = (s: string): string => visible(s.replace(/[\r\n\t]+/g, ' '));
  const docs = corpus.documents().sort(byDate);
  for (const d of docs) {
    const lineOf = lineFinder(d.text);
    out.push(line(d.title));
    out.push(`  ${line(pathOf(d.uri))}${d.source ? ` · source: ${line(d.source)}` : ''}${d.date ? ` · ${d.date}` : ''}`);
    const statements = d.quotes.filter((q) => q.kind === 'statement');
    const terms = d.quotes.filter((q) => q.kind === 'term');
    out.push(`  ${plural(statements.length, 'statement')}, ${plural(terms.length, 'term')}, ${plural(d.mentions.length, 'entity mention')}`);
    for (const q of d.quotes) {
      out.push('');
      out.push(`  ${q.kind === 'term' ? '‘' : '“'}${truncate(q.text, 160, false)}${q.kind === 'term' ? '’' : '”'}`);
      out.push(`    ${q.kind}, line ${lineOf(q.start)}, speaker: ${speakerLine(q, line)}${q.unclosed ? ' (left unclosed)' : ''}${q.corrected ? ' (corrected)' : ''}`);
      for (const v of linkedQuotes(corpus, q)) {
        const where = v.sameArticle ? 'this article' : line(v.title);
        out.push(`    ${v.link.relation} ${round(v.link.score).toFixed(2)} → ${where}: “${truncate(v.quote.text, 100, false)}”${speakerOf(v.quote)}`);
      }
    }
    out.push('');
  }
  out.push('Entities');
  for (const type of ['person', 'organization', 'place'] as const) {
    const ents = corpus.entities().filter((e) => e.type === type);
    if (ents.length === 0) continue;
    out.push(`  ${type === 'person' ? 'People' : type === 'place' ? 'Places' : 'Organisations'}`);
    for (const e of ents) {
      const mentions = corpus.mentionsOf(e.id);
      const perDoc = new Map<string, number>();
      for (const m of mentions) perDoc.set(m.uri, (perDoc.get(m.uri) ?? 0) + 1);
      const aliases = e.aliases.length ? ` (also: ${line(e.aliases.join(', '))})` : '';
      out.push(`    ${line(e.name)}${aliases}: ${plural(mentions.length, 'mention')} in ${plural(perDoc.size, 'article')}`);
      for (const [uri, n] of perDoc) out.push(`      ${n}× ${line(corpus.document(uri)?.title ?? pathOf(uri))}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The speaker the article names, else the one other articles agree on, said as such. */
function speakerLine(q: CorpusQuote, line: (s: string) => string): string {
  if (q.speaker) return line(q.speaker.name);
  const e = q.speakerElsewhere;
  return e ? `not named here; ${line(e.name)} in ${plural(e.articles, 'other article')}` : 'unknown';
}

function speakerOf(q: CorpusQuote): string {
  return q.speaker ? ` (${visible(q.speaker.name.replace(/\s+/g, ' '))})` : '';
}

/**
 * Line numbers as an editor counts them (CRLF, LF or a lone CR ends a line), by binary search over the
 * line breaks so that a file of thousands of quotes is still reported in linear time.
 */
function lineFinder(text: string): (offset: number) => number {
  const breaks: number[] = [];
  const lineBreak = /\r\n?|\n/g;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) breaks.push(m.index);
  return (offset) => partitionPoint(breaks.length, (i) => breaks[i]! < offset) + 1;
}


function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
