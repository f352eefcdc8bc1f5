/**
 * Counts the features keep of what they hold per document (painted editors, decoration types), read
 * together through the extension's API so tests can check that nothing grows without bound.
 */
export class StatsRegistry {
  private readonly sources = new Map<string, () => number>();

  /** Adds a named count; returns what removes it. */
  register(name: string, read: () => number): { dispose(): void } {
    this.sources.set(name, read);
    return { dispose: () => this.sources.delete(name) };
  }

  /** Every count, by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.sources].map(([name, read]) => [name, read()]));
  }
}
