/**
 * What the Coverage view draws: the coverage table (`core/coverage`) cut to what a screen can hold,
 * as plain data for the webview, which sets it as text, never as HTML. Pure, no `vscode`.
 */
import { articleName, cellAt, type CellState, type Coverage } from '../../core/coverage';

/** Statements and articles shown at most; the CSV export has them all. */
export const MAX_COVERAGE_ROWS = 200;
export const MAX_COVERAGE_COLUMNS = 40;

export interface CoverageViewModel {
  readonly columns: readonly { readonly name: string; readonly date: string | null; readonly title: string }[];
  readonly rows: readonly {
    readonly text: string;
    readonly carriedBy: number;
    /** Where the statement first appears, for sorting by order of appearance. */
    readonly order: number;
    readonly cells: readonly { readonly state: CellState; readonly speaker: string | null; readonly quoteId: string | null; readonly text: string | null }[];
  }[];
  readonly totalRows: number;
  readonly totalColumns: number;
}

/** Where a statement first appears: its first version's article, then its place in that article. */
function appearance(row: Coverage['rows'][number], column: ReadonlyMap<string, number>): number {
  const first = row.quotes[0];
  return (column.get(first.uri) ?? 0) * 1e9 + first.start;
}

/**
 * The table as the view shows it: the most widely carried statements, and the articles that carry
 * the most of them, each capped so that a folder of ten thousand articles opens as fast as five.
 */
export function coverageViewModel(cov: Coverage): CoverageViewModel {
  const rows = cov.rows.slice(0, MAX_COVERAGE_ROWS);
  const counts = new Array<number>(cov.articles.length).fill(0);
  for (const r of rows) for (const c of r.carried) counts[c.column]++;
  const columns = cov.articles.map((_, i) => i)
    .filter((i) => counts[i] > 0 || cov.articles.length <= MAX_COVERAGE_COLUMNS)
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .slice(0, MAX_COVERAGE_COLUMNS)
    .sort((a, b) => a - b);
  const column = new Map(cov.articles.map((d, i) => [d.uri, i]));
  return {
    columns: columns.map((i) => ({ name: articleName(cov.articles[i]), date: cov.articles[i].date ?? null, title: cov.articles[i].title })),
    rows: rows.map((r) => ({
      text: r.text,
      carriedBy: r.carriedBy,
      order: appearance(r, column),
      cells: columns.map((i) => {
        const c = cellAt(r, i);
        return { state: c.state, speaker: c.speaker, quoteId: c.quote?.id ?? null, text: c.quote && c.state !== 'full' ? c.quote.text : null };
      }),
    })),
    totalRows: cov.totalRows,
    totalColumns: cov.articles.length,
  };
}
