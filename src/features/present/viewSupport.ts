import type { IndexState } from '../../core/indexing/indexer';
import { progressWords } from '../../core/indexing/passes';

/** The side-bar views that follow indexing: the quotes are ready a pass before the entities. */
export type IndexedView = 'quotes' | 'entities';

/**
 * The message a side-bar view shows while the workspace is being indexed, else undefined. Indexing
 * finds every article's quotes first, then its entities and speakers: each view says what it is
 * still waiting for.
 */
export function indexingMessage({ running, phase, done, total }: IndexState, view: IndexedView): string | undefined {
  if (!running) return undefined;
  const words = progressWords(phase, done, total);
  if (phase === 'quotes' && view === 'entities') return `${words}. Entities are recognised next.`;
  if (phase === 'entities' && view === 'quotes') return `${words}, then their speakers are named.`;
  return words;
}

/**
 * Whether a view redraws as documents change during `phase`: not while indexing fills in what the
 * views show across the whole folder (they would reshuffle a few times a second, and each redraw reads
 * every article again); the message says what is under way, and each view redraws as a phase ends.
 */
export function redrawsDuring(phase: IndexState['phase']): boolean {
  return phase !== 'quotes' && phase !== 'entities';
}

/**
 * Runs `action` once, `delayMs` after the first of a burst of calls (indexing sets one document per
 * tick: a view redraws a few times a second, not once per file).
 */
export function coalesce(action: () => void, delayMs: number): { schedule(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        action();
      }, delayMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
