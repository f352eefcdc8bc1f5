import { Worker } from 'node:worker_threads';
import type { DocumentFacts } from './corpus';
import type { AnalyzeRequest } from './worker';

interface Pending {
  resolve(facts: DocumentFacts): void;
  reject(error: Error): void;
}

/**
 * A small pool of worker threads running `analyzeText`, so that indexing a large folder never blocks the
 * caller's thread. Requests are spread over the workers; each worker analyses one document at a time.
 */
export class AnalyzerPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextId = 1;
  private disposed = false;

  /** `script` is the bundled worker (dist/worker.js); `size` is how many threads to run. */
  constructor(private readonly script: string, private readonly size = 1) {}

  /** Analyses one document in a worker. */
  analyze(text: string, fileName: string): Promise<DocumentFacts> {
    if (this.disposed) return Promise.reject(new Error('the analyser pool is closed'));
    this.start();
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[w]!) w = i;
    const id = this.nextId++;
    this.load[w]!++;
    return new Promise<DocumentFacts>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: w });
      const req: AnalyzeRequest = { id, text, fileName };
      this.workers[w]!.postMessage(req);
    });
  }

  /** Documents sent and not yet answered. */
  get queued(): number {
    return this.pending.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.workers) void w.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the analyser pool was closed'));
    this.pending.clear();
  }

  private start(): void {
    if (this.workers.length) return;
    for (let i = 0; i < Math.max(1, this.size); i++) {
      const worker = new Worker(this.script);
      worker.unref();
      worker.on('message', (msg: { id: number; facts?: DocumentFacts; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        this.load[p.worker]!--;
        if (msg.facts) p.resolve(msg.facts);
        else p.reject(new Error(msg.error ?? 'analysis failed'));
      });
      worker.on("error", (e) => this.fail(i, e));
      worker.on('exit', (code) => {
        if (!this.disposed && code !== 0) this.fail(i, new Error(`analysis worker stopped (exit code ${code})`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** A worker died: everything in flight fails, and the next request starts fresh workers. */
  private fail(worker: number, error: Error): void {
    void worker;
    const workers = this.workers.splice(0);
    this.load.splice(0);
    for (const w of workers) void w.terminate();
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
