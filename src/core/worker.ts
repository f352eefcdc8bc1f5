/**
 * Worker-thread entry: analyses documents off the caller's thread. The extension host is shared by
 * every extension, so the bulk analysis of a workspace runs here and only the cheap corpus-wide work
 * (entity resolution, quote matching) runs on the host's thread.
 *
 * Messages in: `{ id, text, fileName, quick }`; out: `{ id, facts }` or `{ id, error }`. The entity
 * model's table is shared between the threads: one the thread is started with (`workerData.modelTable`)
 * or sent (`{ modelTable }`) is adopted, and one it decoded itself is sent out once (`{ modelTable }`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeText, type DocumentFacts } from './analysis';
import { withoutRemembering } from './lru';
import { quoteFacts } from './first-pass';
import { lowerThreadPriority } from './background-priority';
import { adoptModelTable, currentModel, sharedModelTable } from './entities/model';

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

/** The entity model's table, shared between threads (see `sharedModelTable`). */
export interface ModelTableMessage {
  readonly modelTable: SharedArrayBuffer;
}

/** What a thread is started with: the model's table to read, or whether to decode it at once and send it out. */
export type WorkerStart = ModelTableMessage | { readonly decode: boolean };

function isModelTable(msg: unknown): msg is ModelTableMessage {
  return typeof msg === 'object' && msg !== null && (msg as Partial<ModelTableMessage>).modelTable instanceof SharedArrayBuffer;
}

if (parentPort) {
  const port = parentPort;
  lowerThreadPriority();
  const start = (workerData ?? {}) as Partial<ModelTableMessage & { decode: boolean }>;
  if (start.modelTable instanceof SharedArrayBuffer) adoptModelTable(start.modelTable);
  let known = sharedModelTable();
  if (start.decode) {
    currentModel();
    known = sharedModelTable();
    if (known) port.postMessage({ modelTable: known } satisfies ModelTableMessage);
  }
  port.on('message', (req: AnalyzeRequest | ModelTableMessage) => {
    if (isModelTable(req)) {
      if (adoptModelTable(req.modelTable)) known = req.modelTable;
      return;
    }
    try {
      const analyse = (): DocumentFacts => (req.quick ? quoteFacts : analyzeText)(req.text, req.fileName);
      port.postMessage({ id: req.id, facts: req.remember === false ? withoutRemembering(analyse) : analyse() });
    } catch (e) {
      port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
    }
    const table = sharedModelTable();
    if (table && table !== known) {
      known = table;
      port.postMessage({ modelTable: table } satisfies ModelTableMessage);
    }
  });
}
