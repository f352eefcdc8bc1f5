import type { IndexState } from './articleWorkspace';

/** The message a side-bar view shows while the workspace is being indexed, else undefined. */
export function indexingMessage({ running, done, total }: IndexState): string | undefined {
  if (!running) return undefined;
  return total > 0 ? `Indexing articles… ${done} of ${total}` : 'Looking for articles…';
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
