/**
 * Statements of a story: the quotes linked to one another, directly or through other versions, form
 * one statement, reported by one or more articles. For each article, whether it carries the statement
 * and how: word for word, cut down, reworded, or not at all, and whom it names as the speaker.
 *
 * Clusters are the connected components of the link graph (union–find, near-linear in the links);
 * each article's version is compared with the statement's fullest version by its words alone.
 */
import type { Corpus, CorpusQuote, DocumentAnalysis } from '../corpus';
import { byDate } from '../documents';
import { partitionPoint } from '../sorted';

/** How an article carries a statement. */
export type CellState = 'full' | 'cut' | 'reworded' | 'absent';

/** One article's version of a statement. */
export interface CoverageCell {
  readonly state: CellState;
  /** The article's quote that carries the statement (its fullest, when it quotes it more than once). */
  readonly quote: CorpusQuote | null;
  /** Whom the article names as the speaker: the entity's name when it is one, else its own words. */
  readonly speaker: string | null;
}

/** One statement and who carried it. */
export interface StatementRow {
  /** The id of the statement's fullest version, stable while that quote is. */
  readonly id: string;
  /** The words of the version that best stands for the statement (`fullestOf`). */
  readonly text: string;
  readonly quotes: readonly CorpusQuote[];
  /**
   * The articles that carry it, by their place in `Coverage.articles`, in that order; every other
   * article's cell is absent (`cellAt`). Kept sparse: a folder of ten thousand articles has tens of
   * thousands of statements, most carried by one or two of them.
   */
  readonly carried: readonly CarriedCell[];
  /** Articles that carry it at all. */
  readonly carriedBy: number;
}

/** An article's version of a statement it carries. */
export interface CarriedCell extends CoverageCell {
  readonly column: number;
}

const ABSENT: CoverageCell = { state: 'absent', quote: null, speaker: null };

/** The cell of a statement's row for the article at `column`. */
export function cellAt(row: StatementRow, column: number): CoverageCell {
  const c = row.carried;
  const at = partitionPoint(c.length, (i) => c[i].column < column);
  return at < c.length && c[at].column === column ? c[at] : ABSENT;
}

export interface Coverage {
  /** Articles, earliest first where dates are known, then by title. */
  readonly articles: readonly DocumentAnalysis[];
  /** Statements, the most widely carried first (the first `limit` of them, when one was given). */
  readonly rows: readonly StatementRow[];
  /** How many statements there are in all. */
  readonly totalRows: number;
}

/**
 * Items in groups of those linked to one another, directly or through other items (the connected
 * components of the links, by union–find: near-linear in the links). Groups keep the items' order, and
 * come in the order of their first items. Links to ids not among the items are ignored.
 */
export function linkedGroups<T>(items: readonly T[], idOf: (item: T) => string, linkedIds: (id: string) => Iterable<string>): T[][] {
  const index = new Map(items.map((item, i) => [idOf(item), i]));
  const parent = Int32Array.from({ length: items.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  items.forEach((item, i) => {
    for (const other of linkedIds(idOf(item))) {
      const j = index.get(other);
      if (j === undefined) continue;
      const [a, b] = [find(i), find(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}

/** A quote's words as the cell states compare them: lower case, letters and digits only. */
export function comparableWords(text: string): string[] {
  return text.toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** How `version` carries `fullest`: the same words, a contiguous part of them, or other words. */
export function stateOf(version: readonly string[], fullest: readonly string[]): Exclude<CellState, 'absent'> {
  const a = ` ${version.join(' ')} `;
  const b = ` ${fullest.join(' ')} `;
  if (a === b) return 'full';
  if (version.length > 0 && b.includes(a)) return 'cut';
  return 'reworded';
}

/** The name a reader would give a quote's speaker. */
export function speakerName(corpus: Corpus, q: CorpusQuote): string | null {
  if (q.speakerEntity) {
    const e = corpus.entity(q.speakerEntity);
    if (e) return e.name;
  }
  return q.speaker?.name.replace(/\s+/g, ' ') ?? null;
}

/** Versions looked at as a statement's fullest, at most: the ones with the most words. */
const MAX_FULLEST_CANDIDATES = 8;

/**
 * The version that best stands for a statement: of the longest few, the one that the most versions
 * are the same as or cut from, then the longest, then the first. Bounded, so a statement copied a
 * thousand times costs a few thousand comparisons.
 */
function fullestOf(words: readonly string[][]): number {
  if (words.length === 1) return 0;
  const byLength = words.map((_, k) => k).sort((a, b) => words[b].length - words[a].length || a - b).slice(0, MAX_FULLEST_CANDIDATES);
  const sample = words.length <= 64 ? words : words.slice(0, 64);
  let best = byLength[0];
  let bestCovers = -1;
  for (const k of byLength) {
    let covers = 0;
    for (const w of sample) if (stateOf(w, words[k]) !== 'reworded') covers++;
    if (covers > bestCovers) {
      best = k;
      bestCovers = covers;
    }
  }
  return best;
}

const STATE_RANK: Record<CellState, number> = { full: 3, reworded: 2, cut: 1, absent: 0 };

/** The row of one statement, given its versions (in document order) and each article's column. */
function rowOf(corpus: Corpus, members: readonly CorpusQuote[], column: ReadonlyMap<string, number>): StatementRow {
  const words = members.map((q) => comparableWords(q.text));
  const best = fullestOf(words);
  const fullest = words[best];
  const cells = new Map<number, CarriedCell>();
  const heldWords = new Map<number, number>();
  members.forEach((q, k) => {
    const col = column.get(q.uri);
    if (col === undefined) return;
    const state = k === best ? 'full' : stateOf(words[k], fullest);
    const held = cells.get(col);
    if (!held || STATE_RANK[state] > STATE_RANK[held.state] || (state === held.state && words[k].length > (heldWords.get(col) ?? 0))) {
      cells.set(col, { column: col, state, quote: q, speaker: speakerName(corpus, q) });
      heldWords.set(col, words[k].length);
    }
  });
  const carried = [...cells.values()].sort((a, b) => a.column - b.column);
  const lead = members[best];
  return { id: lead.id, text: lead.text, quotes: members, carried, carriedBy: carried.length };
}

/** Versions of one statement looked at, at most, when only one article's statements are wanted. */
export const MAX_STATEMENT_VERSIONS = 500;

function isStatement(q: CorpusQuote | undefined): q is CorpusQuote {
  return !!q && q.kind === 'statement' && q.depth === 0;
}

/**
 * The statements one article carries, each with every article that carries it (a coverage table cut
 * down to them): what an editor needs for its flags and counts, without the whole corpus's table. Each
 * statement's versions are found by a walk over the links, bounded by `MAX_STATEMENT_VERSIONS`.
 */
export function coverageOf(corpus: Corpus, uri: string): Coverage {
  const doc = corpus.document(uri);
  if (!doc) return { articles: [], rows: [], totalRows: 0 };
  const seen = new Set<string>();
  const components: CorpusQuote[][] = [];
  for (const q of doc.quotes) {
    if (!isStatement(q) || seen.has(q.id)) continue;
    const members: CorpusQuote[] = [];
    const queue = [q.id];
    seen.add(q.id);
    for (let next = 0; next < queue.length && members.length < MAX_STATEMENT_VERSIONS; next++) {
      const quote = corpus.quote(queue[next]);
      if (!isStatement(quote)) continue;
      members.push(quote);
      for (const id of corpus.linkedIds(quote.id)) if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
    components.push(members);
  }
  const uris = new Set(components.flatMap((m) => m.map((q) => q.uri)));
  const articles = [...uris].map((u) => corpus.document(u)!).filter(Boolean).sort(articleOrder);
  const column = new Map(articles.map((d, i) => [d.uri, i]));
  return { articles, rows: components.map((m) => rowOf(corpus, m, column)), totalRows: components.length };
}

function articleOrder(a: DocumentAnalysis, b: DocumentAnalysis): number {
  return byDate(a, b) || a.title.localeCompare(b.title) || a.uri.localeCompare(b.uri);
}

/**
 * The statements of every document in the corpus, and which article carries each; with `limit`, only
 * the rows of the most widely carried. Statements are grouped by their ids alone, and only the rows
 * returned are built, so the Coverage view of ten thousand articles costs little more than its links.
 */
export function coverage(corpus: Corpus, limit = Infinity): Coverage {
  const articles = corpus.documents().sort(articleOrder);
  const column = new Map(articles.map((d, i) => [d.uri, i]));
  const ids = articles.flatMap((d) => corpus.statementIds(d.uri));
  // Groups come in document order, and the sort is stable: equally carried statements stay in the
  // order of their earliest versions.
  const groups = linkedGroups(ids, (id) => id, (id) => corpus.linkedIds(id)).map((members) => ({
    members,
    carriedBy: new Set(members.map((id) => corpus.uriOf(id))).size,
  }));
  groups.sort((a, b) => b.carriedBy - a.carriedBy);
  const rows: StatementRow[] = [];
  for (const g of groups.slice(0, limit)) {
    const members = g.members.map((id) => corpus.quote(id)).filter(isStatement);
    if (members.length) rows.push(rowOf(corpus, members, column));
  }
  return { articles, rows, totalRows: groups.length };
}
