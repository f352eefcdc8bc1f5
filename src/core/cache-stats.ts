/**
 * Hit counts of the analysis's caches (a paragraph's recognition, a word's reading), so that a
 * benchmark can say how much of its speed comes from text it has seen before. Counting is two
 * increments per look-up; the counters live in the thread that runs the analysis.
 */
export interface CacheCounter {
  readonly name: string;
  hits: number;
  misses: number;
}

const counters = new Map<string, CacheCounter>();

/** The counter of one cache, made on first use. */
export function cacheCounter(name: string): CacheCounter {
  let c = counters.get(name);
  if (!c) counters.set(name, (c = { name, hits: 0, misses: 0 }));
  return c;
}

/** Every cache's counts so far, with its hit rate (NaN before its first look-up). */
export function cacheStats(): { name: string; hits: number; misses: number; hitRate: number }[] {
  return [...counters.values()].map(({ name, hits, misses }) => ({ name, hits, misses, hitRate: hits / (hits + misses) }));
}

/** Sets every counter back to zero. */
export function resetCacheStats(): void {
  for (const c of counters.values()) {
    c.hits = 0;
    c.misses = 0;
  }
}
