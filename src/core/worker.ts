/**
 * Worker-thread entry: analyses documents off the caller's thread. The extension host is shared by
 * every extension, so the bulk analysis of a workspace runs here and only the cheap corpus-wide work
 * (entity resolution, quote matching) runs on the host's thread.
 *
 * Messages in: `{ id, text, fileName, quick }`; out: `{ id, facts }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeText, type DocumentFacts } from './analysis';
import { withoutRemembering } from './lru';
import { quoteFacts } from './first-pass';
import { lowerThreadPriority } from './background-priority';

/** A request to analyse one document. */
export interface AnalyzeRequest {
  readonly id: number;
  readonly text: string;
  readonly fileName: string;
  /** Only the quick first pass (`quoteFacts`): a long article's quotes, found off the caller's thread. */
  readonly quick?: boolean;
  /**
   * Whether the analysis may be added to the thread's caches: for an open document, whose edits come
   * back, not for the articles a folder's indexing reads once.
   */
  readonly remember?: boolean;
}

if (parentPort) {
  const port = parentPort;
  lowerThreadPriority();
  port.on('message', (req: AnalyzeRequest) => {
    try {
      const analyse = (): DocumentFacts => (req.quick ? quoteFacts : analyzeText)(req.text, req.fileName);
      port.postMessage({ id: req.id, facts: req.remember === false ? withoutRemembering(analyse) : analyse() });
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
