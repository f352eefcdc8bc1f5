import { Worker } from 'node:worker_threads';
import type { DocumentFacts } from './corpus';
import { adoptModelTable, sharedModelTable } from './entities/model';
import type { AnalyzeRequest, ModelTableMessage, WorkerStart } from './worker';

interface Job {
  readonly id: number;
  readonly text: string;
  readonly fileName: string;
  readonly quick: boolean;
  readonly urgent: boolean;
  resolve(facts: DocumentFacts): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  /** The job the worker is on, if any. */
  job: Job | undefined;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Whether the thread has the entity model: it was given the table, or it decodes it. A thread
   * waiting for another's table takes only quick passes, which need no model.
   */
  model: 'ready' | 'decoding' | 'waiting';
  /** The table the thread reads, as far as this thread knows: given it, sent it, or told of its own. */
  table: SharedArrayBuffer | undefined;
}

export interface AnalyzerPoolOptions {
  /**
   * How long a worker beyond the first may stay idle before it stops (it starts again on demand):
   * all the threads help while a folder is indexed, one is enough for edits afterwards.
   */
  readonly idleMs?: number;
}

/** What `analyze` is asked for. */
export interface AnalyzeOptions {
  /** Goes ahead of the documents waiting (an open document, while a folder is indexed). */
  readonly urgent?: boolean;
  /**
   * Only the quick first pass (`quoteFacts`, no entities). Such a job is short and holds up the
   * indexing of the files after it, so it goes ahead of full analyses as an urgent one does.
   */
  readonly quick?: boolean;
}

/**
 * Heap limits of each analysing thread, in MB. V8 lets a heap grow towards its limit before it
 * collects in earnest, so the limit is what a thread costs in memory while a folder is indexed: at
 * 512 MB two threads took some 600 MB between them, at 128 MB about 180, in the same time. An
 * analysis holds at most `MAX_ANALYSED_CHARS` of text (`bounds.ts`), and a million characters of
 * anything (prose, dense quotes and names, a quote per word, lists of names, capitals) fit in this,
 * where 64 MB is too little for most of them.
 */
const WORKER_YOUNG_GENERATION_MB = 8;
const WORKER_OLD_GENERATION_MB = 128;

/**
 * A small pool of worker threads running `analyzeText`, so that indexing a large folder never blocks the
 * caller's thread. Each worker analyses one document at a time; the others wait in the pool's queue, in
 * order, except urgent ones, which go first.
 */
export class AnalyzerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private disposed = false;
  private readonly idleMs: number;

  /** `script` is the bundled worker (dist/worker.js); `size` is how many threads to run at most. */
  constructor(private readonly script: string, private readonly size = 1, options: AnalyzerPoolOptions = {}) {
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Analyses one document in a worker (in full, or only its quick first pass). */
  analyze(text: string, fileName: string, options: AnalyzeOptions = {}): Promise<DocumentFacts> {
    if (this.disposed) return Promise.reject(new Error('the analyser pool is closed'));
    return new Promise<DocumentFacts>((resolve, reject) => {
      const job: Job = { id: this.nextId++, text, fileName, quick: options.quick ?? false, urgent: options.urgent ?? false, resolve, reject };
      if (options.urgent || options.quick) this.waiting.unshift(job);
      else this.waiting.push(job);
      this.dispatch();
    });
  }

  /** Starts every worker now, so they have loaded the analyser by the time documents come. */
  warm(): void {
    if (this.disposed) return;
    while (this.slots.length < this.capacity) this.scheduleIdle(this.spawn());
  }

  /** Documents sent and not yet answered. */
  get queued(): number {
    return this.waiting.length + this.slots.filter((s) => s.job).length;
  }

  /** Worker threads running now. */
  get threads(): number {
    return this.slots.length;
  }

  dispose(): void {
    void this.close();
  }

  /** Stops every thread, failing the documents not yet answered; resolves once the threads have exited. */
  async close(): Promise<void> {
    this.disposed = true;
    const error = new Error('the analyser pool was closed');
    const exits: Promise<number>[] = [];
    for (const slot of this.slots.splice(0)) {
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.job?.reject(error);
      exits.push(slot.worker.terminate());
    }
    for (const job of this.waiting.splice(0)) job.reject(error);
    await Promise.all(exits);
  }

  private get capacity(): number {
    return Math.max(1, this.size);
  }

  private dispatch(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const fits = (s: Slot): boolean => !s.job && (this.waiting[i]!.quick || s.model !== 'waiting');
      let slot = this.slots.find(fits);
      if (!slot && this.slots.length < this.capacity) {
        slot = this.spawn();
        if (!fits(slot)) slot = undefined;
      }
      if (!slot) {
        // Every free thread waits for the model: a quick pass further on may still go.
        if (this.slots.some((s) => !s.job)) i++;
        else return;
        continue;
      }
      const job = this.waiting.splice(i, 1)[0]!;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      slot.job = job;
      // Only an open document's analysis is worth remembering: its next edit is analysed again.
      const req: AnalyzeRequest = { id: job.id, text: job.text, fileName: job.fileName, quick: job.quick, remember: job.urgent };
      slot.worker.postMessage(req);
    }
  }

  private spawn(): Slot {
    // Tagging makes much short-lived garbage. With V8's defaults, sized for the whole machine's memory,
    // each thread's heap grows by a hundred megabytes or more before it is collected; smaller limits cost
    // little time and still leave room for the largest article the settings let through.
    // The worker is a bundled script and needs none of the caller's flags: inheriting them would load
    // a caller's module loader or source maps (a test runner's, a debugger's) into every thread.
    // The entity model's table is held once: a thread is given the copy this thread has, or else the
    // first thread decodes it and the others wait for that one's (`share`).
    const modelTable = sharedModelTable();
    const model: Slot['model'] = modelTable ? 'ready' : this.slots.some((s) => s.model === 'decoding') ? 'waiting' : 'decoding';
    const workerData: WorkerStart = modelTable ? { modelTable } : { decode: model === 'decoding' };
    const worker = new Worker(this.script, {
      execArgv: [],
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
    });
    worker.unref();
    const slot: Slot = { worker, job: undefined, idleTimer: undefined, model, table: modelTable };
    worker.on('message', (msg: { id: number; facts?: DocumentFacts; error?: string } | ModelTableMessage) => {
      if ('modelTable' in msg) return this.share(msg.modelTable, slot);
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      slot.job = undefined;
      if (msg.facts) job.resolve(msg.facts);
      else job.reject(new Error(msg.error ?? 'analysis failed'));
      this.dispatch();
      if (!slot.job) this.scheduleIdle(slot);
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.disposed && this.slots.includes(slot)) this.fail(slot, new Error(`analysis worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * A thread decoded the entity model. The copy this thread has, else the sender's (which this thread
   * then reads too), is sent to every thread reading another, which drops its own: however many
   * threads run, and whichever decoded first, the table ends up held once.
   */
  private share(table: SharedArrayBuffer, from: Slot): void {
    from.table = table;
    const kept = sharedModelTable() ?? (adoptModelTable(table) ? table : undefined);
    for (const slot of this.slots) {
      if (kept && slot.table !== kept) {
        slot.worker.postMessage({ modelTable: kept } satisfies ModelTableMessage);
        slot.table = kept;
      }
      // A table this thread cannot read (it never happens with one bundle) leaves each thread to decode its own.
      if (slot === from || kept || slot.model === 'waiting') slot.model = 'ready';
    }
    this.dispatch();
    if (!from.job) this.scheduleIdle(from);
  }

  /** A worker beyond the first that stays idle stops, to give back its memory. */
  private scheduleIdle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      // The thread decoding the model stays until it has sent it (`share` sets its timer again).
      if (slot.job || this.slots.length <= 1 || slot.model === 'decoding') return;
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.terminate();
    }, this.idleMs);
    slot.idleTimer.unref?.();
  }

  /** A worker died: its document fails, and the next document starts a fresh worker. */
  private fail(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
    // The thread that was to decode the model is gone: the others decode their own.
    if (slot.model === 'decoding') for (const s of this.slots) if (s.model === 'waiting') s.model = 'ready';
    const job = slot.job;
    slot.job = undefined;
    job?.reject(error);
    this.dispatch();
  }
}
