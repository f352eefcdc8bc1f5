/**
 * What the side-bar trees show, computed from corpus data alone (no `vscode`): entities grouped by
 * type with their articles and mentions, and statements grouped with their versions in other articles.
 */
import type { CorpusMention, CorpusQuote } from '../../core/corpus';
import { visible } from '../../core/text/visible';
import { linkedGroups } from '../../core/coverage';
import type { Entity, EntityType } from '../../core/types';

/** One article's mentions of an entity. */
export interface ArticleMentions {
  readonly uri: string;
  readonly title: string;
  readonly mentions: readonly CorpusMention[];
}

export interface EntitySummary {
  readonly entity: Entity;
  readonly mentionCount: number;
  readonly articleCount: number;
  /**
   * Articles that mention the entity, by title, with their mentions. Gathered on first read: a large
   * folder has hundreds of thousands of mentions, and only the rows a reader expands need them.
   */
  readonly articles: readonly ArticleMentions[];
}

export interface EntityGroup {
  readonly type: EntityType;
  readonly label: string;
  readonly entities: readonly EntitySummary[];
}

const GROUPS: readonly { type: EntityType; label: string }[] = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organisations' },
  { type: 'place', label: 'Places' },
];

/** The corpus queries the entity tree needs. */
export interface EntitySource {
  entities(): Entity[];
  mentionsOf(entityId: string): CorpusMention[];
  /** How many mentions and articles an entity has, without listing them. */
  mentionStats(entityId: string): { mentions: number; documents: number };
  document(uri: string): { readonly title: string } | undefined;
}

/** The articles naming an entity, most mentions first, each with its mentions in reading order. */
export function articlesOf(corpus: EntitySource, entityId: string): ArticleMentions[] {
  const byUri = new Map<string, CorpusMention[]>();
  for (const m of corpus.mentionsOf(entityId)) {
    const list = byUri.get(m.uri);
    if (list) list.push(m);
    else byUri.set(m.uri, [m]);
  }
  const articles = [...byUri].map(([uri, ms]) => ({
    uri,
    title: corpus.document(uri)?.title ?? uri,
    mentions: ms.sort((a, b) => a.start - b.start),
  }));
  return articles.sort((a, b) => b.mentions.length - a.mentions.length || a.title.localeCompare(b.title));
}

/** Summarises one entity: counts at once, its articles when first read. */
export function summariseEntity(corpus: EntitySource, entity: Entity): EntitySummary {
  const stats = corpus.mentionStats(entity.id);
  let articles: ArticleMentions[] | undefined;
  return {
    entity,
    mentionCount: stats.mentions,
    articleCount: stats.documents,
    get articles() {
      return (articles ??= articlesOf(corpus, entity.id));
    },
  };
}

/**
 * Entities grouped by type (people, organisations, places; empty groups left out), most mentioned
 * first, then by name.
 */
export function groupEntities(corpus: EntitySource): EntityGroup[] {
  const summaries = corpus.entities().map((e) => summariseEntity(corpus, e)).filter((s) => s.mentionCount > 0);
  return GROUPS.map(({ type, label }) => ({
    type,
    label,
    entities: summaries
      .filter((s) => s.entity.type === type)
      .sort((a, b) => b.mentionCount - a.mentionCount || b.articleCount - a.articleCount || a.entity.name.localeCompare(b.entity.name)),
  })).filter((g) => g.entities.length > 0);
}

/** A statement and every version of it the corpus links it to. */
export interface QuoteCluster {
  /** Stable key: the id of the first version by id. */
  readonly key: string;
  /** The longest version, the one to show as the cluster's label. */
  readonly representative: CorpusQuote;
  /** All versions, in article-title order, then by position. */
  readonly versions: readonly CorpusQuote[];
  /** Number of distinct articles among the versions. */
  readonly articleCount: number;
}

/**
 * Groups statements that the corpus links together (directly or through another version) into
 * clusters. Clusters reported by more articles come first; terms are left out.
 */
export function clusterQuotes(
  quotes: readonly CorpusQuote[],
  linkedIds: (quoteId: string) => readonly string[],
  titleOf: (uri: string) => string,
): QuoteCluster[] {
  const statements = quotes.filter((q) => q.kind === 'statement');
  const groups = linkedGroups(statements, (q) => q.id, linkedIds);
  const clusters: QuoteCluster[] = [];
  for (const versions of groups) {
    const key = versions.reduce((first, q) => (q.id < first ? q.id : first), versions[0]!.id);
    versions.sort((a, b) => titleOf(a.uri).localeCompare(titleOf(b.uri)) || a.uri.localeCompare(b.uri) || a.start - b.start);
    const representative = versions.reduce((best, q) => (q.text.length > best.text.length ? q : best));
    clusters.push({ key, representative, versions, articleCount: new Set(versions.map((v) => v.uri)).size });
  }
  return clusters.sort(
    (a, b) =>
      b.articleCount - a.articleCount ||
      b.versions.length - a.versions.length ||
      titleOf(a.representative.uri).localeCompare(titleOf(b.representative.uri)) ||
      a.representative.start - b.representative.start,
  );
}

/** The line around a span, trimmed and shortened to about `max` characters, with the span's place in it. */
export interface LineContext {
  readonly text: string;
  /** Where the span sits in `text`: [start, end). */
  readonly highlight: readonly [number, number];
}

export function lineContext(text: string, start: number, end: number, max = 90): LineContext {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  while (lineStart < start && /\s/.test(text[lineStart]!)) lineStart++;
  while (lineEnd > end && /\s/.test(text[lineEnd - 1]!)) lineEnd--;
  let from = lineStart;
  let to = lineEnd;
  if (to - from > max) {
    const room = Math.max(0, max - (end - start));
    from = Math.max(lineStart, start - Math.floor(room / 2));
    to = Math.min(lineEnd, from + Math.max(max, end - start));
    from = Math.max(lineStart, Math.min(from, to - max));
  }
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  // Shown as plain text with invisible characters as markers; the highlight moves with the markers.
  const show = (s: string): string => visible(s).replace(/\s/g, ' ');
  const hs = Math.max(start, from);
  const he = Math.min(end, to);
  const before = prefix + show(text.slice(from, hs));
  const span = show(text.slice(hs, he));
  return { text: before + span + show(text.slice(he, to)) + suffix, highlight: [before.length, before.length + span.length] };
}

/** A group of the Outline: a speaker, or the statements with no speaker, or the terms. */
export interface OutlineGroup {
  readonly name: string;
  readonly kind: 'speaker' | 'unattributed' | 'terms';
  readonly quotes: readonly CorpusQuote[];
}

/** The Outline's name for the group of terms, worded so that it cannot be read as a speaker's name. */
export const TERMS_GROUP = 'Terms in quote marks';

/**
 * Groups quotes under their speakers in reading order, then the statements with no speaker; the terms
 * no one is said to use come last, as a group of another kind.
 */
export function outlineGroups(quotes: readonly CorpusQuote[]): OutlineGroup[] {
  const groups = new Map<string, { name: string; kind: OutlineGroup['kind']; quotes: CorpusQuote[] }>();
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    const kind: OutlineGroup['kind'] = q.speaker ? 'speaker' : q.kind === 'term' ? 'terms' : 'unattributed';
    const name = q.speaker?.name ?? (kind === 'terms' ? TERMS_GROUP : 'Speaker not named');
    const id = `${kind}:${name}`;
    const group = groups.get(id);
    if (group) group.quotes.push(q);
    else groups.set(id, { name, kind, quotes: [q] });
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.kind !== 'terms'), ...all.filter((g) => g.kind === 'terms')];
}
