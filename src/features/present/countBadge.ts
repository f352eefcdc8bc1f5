/**
 * The count a side-bar row carries at its right end, where a narrow side bar does not cut it off as it
 * cuts a row's description. No `vscode`, so it is unit-tested.
 */

/** The URI scheme of the rows' count badges (never a document). */
export const COUNT_SCHEME = 'crosswire-count';

/**
 * A count as VS Code can draw it in a badge, which holds two characters at most: the number up to 99,
 * "9+" beyond (the row's tooltip and description keep the exact figure).
 */
export function badgeText(count: number): string {
  return count <= 99 ? String(Math.max(0, Math.floor(count))) : '9+';
}

/** What the badge of `count` articles says when hovered. */
export function badgeTooltip(count: number): string {
  return count === 1 ? 'In 1 article' : `In ${count} articles`;
}

/** The path and query of the badge URI for a row: the row's id keeps URIs apart, the query holds the count. */
export function badgeUriParts(rowId: string, count: number): { path: string; query: string } {
  return { path: `/${encodeURIComponent(rowId)}`, query: `articles=${Math.max(0, Math.floor(count))}` };
}

/** The count in a badge URI's query, or undefined when it holds none. */
export function countOfQuery(query: string): number | undefined {
  const m = /^articles=(\d+)$/.exec(query);
  return m ? Number(m[1]) : undefined;
}
