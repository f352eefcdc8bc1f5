/**
 * The one binary search of the core: over anything sorted (offsets, spans, paragraphs, line starts),
 * told only whether an index comes before the point looked for.
 */

/**
 * How many leading indices of `0 … length - 1` satisfy `before`, which must hold for a prefix of them
 * and for none after: the index of the first that does not (`length` when all do).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
