/**
 * A map that forgets its least recently used entries once it holds more than `maxEntries` of them or
 * more than `maxWeight` in all, each entry weighing what `weightOf` says (tokens, say). The entry just
 * set is always kept, however heavy.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weightOf: (value: V) => number,
    private readonly maxEntries = Infinity,
  ) {}

  /** The value kept for `key`, now the most recently used; undefined when there is none. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.total += this.weightOf(value);
    while ((this.map.size > this.maxEntries || this.total > this.maxWeight) && this.map.size > 1) {
      const [oldestKey, oldest] = this.map.entries().next().value as [K, V];
      this.total -= this.weightOf(oldest);
      this.map.delete(oldestKey);
    }
  }

  /** Forgets the value kept for `key`, if any. */
  delete(key: K): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.total -= this.weightOf(old);
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** The weight of every entry kept. */
  get weight(): number {
    return this.total;
  }
}

let remembering = true;

/**
 * Whether what is analysed now may be added to the analysis's caches of recent paragraphs and
 * sentences. They serve re-analyses of the same text (an article being edited); a text analysed once
 * (one of a folder's articles, indexed) would only push those out.
 */
export function rememberingAnalyses(): boolean {
  return remembering;
}

/** Runs `f` with the analysis's caches read but not added to (see `rememberingAnalyses`). */
export function withoutRemembering<T>(f: () => T): T {
  const was = remembering;
  remembering = false;
  try {
    return f();
  } finally {
    remembering = was;
  }
}
