/**
 * Keeps a corpus in step with a folder of articles, over an injected host (`host.ts`): indexes the
 * files in two passes, follows file events and editors, and lets the text of open documents (saved
 * or not) win over what is on disk. Texts are analysed by the `Analyzer` (worker threads) or taken
 * from the persisted index; only the corpus-wide step (`Corpus.setFacts`) runs on this thread, one
 * document per slice of the event loop. The extension, the command line, the benchmark and the tests
 * run this same code.
 */
import { performance } from 'node:perf_hooks';
import type { Corpus, DocumentAnalysis, DocumentFacts } from '../corpus';
import { fileNameOf } from '../ids';
import { describeDocument } from '../documents';
import type { Logger } from '../logger';
import { EditorAnalyses, type AnalysisStatus } from './editors';
import { CancellationSource, Emitter, NEVER_CANCELLED, type ListenerCount } from './events';
import type { CancellationToken, Disposable, HostEvent, IndexHost, Listing, OpenDocument } from './host';
import { describe, Ledger, type Analyzer, type Counts, type FactsStore, type FileOutcomes } from './ledger';
import { progressWords, yieldToEventLoop, type IndexPhase } from './passes';
import { ArticleReader } from './reading';
import { IndexRuns, type RunOptions } from './runs';

/**
 * How far the background indexing has got. A run looks for the article files, gives every article
 * its quotes (phase `quotes`: quotes, their links across articles, titles), then recognises entities
 * and speakers (phase `entities`); `done` and `total` count the files of the phase.
 */
export interface IndexState {
  readonly running: boolean;
  /** `finding` while the files are listed; `idle` when no run is under way. */
  readonly phase: 'finding' | IndexPhase | 'idle';
  readonly done: number;
  readonly total: number;
}

/** Counts of what the indexer holds and did, for tests and the log. */
export interface IndexStats extends Readonly<Counts> {
  /** Open documents whose analysis state is kept. */
  readonly editorStates: number;
  /** Edits waiting for their debounce. */
  readonly pendingEdits: number;
  /** Analyses under way. */
  readonly inFlight: number;
  /** Files waiting to be read after file events. */
  readonly queued: number;
  /** Listeners on the indexer's events. */
  readonly listeners: number;
  /** Documents of the corpus whose entities are not recognised yet. */
  readonly awaitingEntities: number;
  /** How long the last complete indexing run took to give every article its quotes, and its entities, in ms. */
  readonly lastRun: { readonly quotesMs: number; readonly entitiesMs: number } | undefined;
}

export interface IndexerOptions extends Partial<RunOptions> {
  readonly analyzer: Analyzer;
  /** The persisted index; without one every file is analysed on every start. */
  readonly cache?: FactsStore;
  /** The size above which an article is skipped, in KB (read at each use: the setting may change). */
  readonly maxFileSizeKB: () => number;
  /** Told what became of each file, beside the log. */
  readonly outcomes?: FileOutcomes;
}

/** How often progress is reported while indexing. */
const PROGRESS_MS = 100;

export class Indexer implements Disposable {
  private readonly ledger: Ledger;
  private readonly reader: ArticleReader;
  private readonly editors: EditorAnalyses;
  private readonly runs: IndexRuns;
  private readonly cache: FactsStore | undefined;
  /** Links and folders the listing did not follow, logged once each. */
  private readonly reportedListing = new Map<string, string>();
  /** Files waiting to be read after file events. */
  private readonly diskQueue = new Set<string>();
  private draining = false;
  private run: CancellationSource | undefined;
  private runDone: Promise<void> = Promise.resolve();
  private indexState: IndexState = { running: false, phase: 'idle', done: 0, total: 0 };
  private lastRun: IndexStats['lastRun'];
  private readonly listenerCount: ListenerCount = { n: 0 };
  private readonly stateEmitter = new Emitter<IndexState>(this.listenerCount);
  private readonly skippedEmitter = new Emitter<void>(this.listenerCount);
  private readonly changeEmitter = new Emitter<readonly string[]>(this.listenerCount);
  private readonly disposables: Disposable[] = [];

  /** Fires as indexing starts, advances and ends. */
  readonly onDidChangeIndexState = this.stateEmitter.event;
  /** Fires when the set of skipped files, or of files analysed only in part, changes. */
  readonly onDidChangeSkipped = this.skippedEmitter.event;
  /**
   * Fires with the keys of documents that were analysed again or removed, and of open documents whose
   * analysis settled with nothing to show.
   */
  readonly onDidChangeCorpus = this.changeEmitter.event;

  constructor(
    readonly corpus: Corpus,
    private readonly host: IndexHost,
    private readonly log: Logger,
    options: IndexerOptions,
  ) {
    this.cache = options.cache;
    this.ledger = new Ledger(corpus, options.analyzer, log, (key) => host.display(key), options.cache, this.skippedEmitter, this.changeEmitter, options.outcomes);
    this.reader = new ArticleReader(host, this.ledger, log);
    this.editors = new EditorAnalyses(host, this.ledger, options.maxFileSizeKB, this.changeEmitter);
    const runOptions: RunOptions = { ...options, window: Math.max(1, options.window ?? 8) };
    this.runs = new IndexRuns(host, this.ledger, this.reader, this.editors, options.maxFileSizeKB, runOptions);
    const unsubscribe = corpus.onDidChange((keys) => this.changeEmitter.fire(keys));
    this.disposables.push({ dispose: unsubscribe }, this.stateEmitter, this.skippedEmitter, this.changeEmitter);
    if (host.onDidChange) this.disposables.push(host.onDidChange((e) => this.handle(e)));
  }

  /** Starts watching the files and indexes them in the background. */
  start(): void {
    if (this.host.watch) this.disposables.push(this.host.watch((e) => this.handle(e)));
    void this.reindex();
  }

  get state(): IndexState {
    return this.indexState;
  }

  /** Files left out of the corpus, with the reason, by key. */
  get skipped(): ReadonlyMap<string, string> {
    return this.ledger.skipped;
  }

  /** Files analysed only in part because they are unusual (see `core/bounds`), with what was left out. */
  get shortened(): ReadonlyMap<string, string> {
    return this.ledger.bounds;
  }

  get stats(): IndexStats {
    return {
      ...this.ledger.counts,
      awaitingEntities: this.ledger.awaiting.size,
      lastRun: this.lastRun,
      editorStates: this.editors.size,
      pendingEdits: this.editors.pending,
      inFlight: this.ledger.inFlight,
      queued: this.diskQueue.size,
      listeners: this.listenerCount.n,
    };
  }

  /** Resolves when the current indexing run has finished or was cancelled (at once when none is running). */
  whenIndexed(): Promise<void> {
    return this.runDone;
  }

  /** See `EditorAnalyses.analyse`. */
  analyse(document: OpenDocument): Promise<DocumentAnalysis | undefined> {
    return this.editors.analyse(document);
  }

  /** See `EditorAnalyses.status`. */
  status(document: OpenDocument): AnalysisStatus {
    return this.editors.status(document);
  }

  /** Indexes the files again: new and changed files are read, removed ones dropped. */
  reindex(): Promise<void> {
    this.run?.cancel();
    this.run?.dispose();
    const source = new CancellationSource();
    this.run = source;
    const done = this.index(source.token).catch((e: unknown) => this.log.error(`Indexing failed: ${describe(e)}`));
    this.runDone = done;
    return done;
  }

  /** Stops the indexing run under way; what it has indexed so far stays. */
  cancelIndexing(): void {
    if (!this.run) return;
    this.run.cancel();
    this.setState({ running: false, phase: 'idle', done: this.indexState.done, total: this.indexState.total });
  }

  dispose(): void {
    this.ledger.disposed = true;
    this.run?.cancel();
    this.run?.dispose();
    this.editors.dispose();
    this.diskQueue.clear();
    this.ledger.clear();
    for (const d of this.disposables) d.dispose();
  }

  private handle(e: HostEvent): void {
    switch (e.type) {
      case 'created':
      case 'changed':
        return this.fileChanged(e.key, e.type === 'created');
      case 'deleted':
        return this.fileDeleted(e.key);
      case 'renamed':
        return this.fileRenamed(e.from, e.to);
      case 'edited':
        return this.editors.edited(e.document);
      case 'closed':
        return this.documentClosed(e.document);
      case 'folders':
        void this.reindex();
    }
  }

  private async index(token: CancellationToken): Promise<void> {
    const started = performance.now();
    const before = { ...this.ledger.counts };
    this.setState({ running: true, phase: 'finding', done: 0, total: 0 });
    const task = async (progress: (message: string) => void): Promise<void> => {
      progress(progressWords('finding', 0, 0));
      const listing = await this.host.list(token);
      this.listed(listing);
      if (token.isCancellationRequested || this.ledger.disposed) return;
      const keys = listing.files.map((f) => f.key);
      const seen = new Set([...keys, ...listing.skipped.map((s) => s.key)]);
      for (const key of this.corpus.uris()) {
        const open = this.host.openDocument(key);
        if (seen.has(key) || (open && this.host.isArticle(open.key))) continue;
        this.ledger.drop(key, { gone: true });
      }
      for (const key of [...this.ledger.skipped.keys()]) if (!seen.has(key)) this.ledger.unskip(key);
      // When this run's quick pass ended: the first word of its entity pass, whatever the last run said.
      let quotesMs: number | undefined;
      let reported = 0;
      const complete = await this.runs.loadAll(keys, token, (phase, done, total) => {
        const now = performance.now();
        const turned = phase !== this.indexState.phase;
        if (phase === 'entities' && quotesMs === undefined) quotesMs = now - started;
        if (!turned && done < total && now - reported < PROGRESS_MS) return;
        reported = now;
        this.setState({ running: true, phase, done, total });
        progress(progressWords(phase, done, total));
      });
      if (!complete) return;
      const entitiesMs = performance.now() - started;
      this.lastRun = { quotesMs: quotesMs ?? 0, entitiesMs };
      const counts = this.ledger.counts;
      const skipped = this.ledger.skipped.size;
      const times = quotesMs === undefined
        ? ` in ${Math.round(entitiesMs)} ms`
        : `: quotes and links in ${Math.round(quotesMs)} ms, then entities in ${Math.round(entitiesMs - quotesMs)} ms`;
      this.log.info(
        `Indexed ${keys.length} article file(s)${times}` +
          ` (${counts.analysed - before.analysed} analysed, ${counts.reused - before.reused} from the index cache)` +
          (skipped > 0 ? `, ${skipped} skipped` : ''),
      );
      if (this.cache) void this.cache.prune(keys);
    };
    await (this.host.withProgress ? this.host.withProgress(task) : task(() => undefined));
    if (!token.isCancellationRequested) this.setState({ running: false, phase: 'idle', done: this.indexState.total, total: this.indexState.total });
  }

  /** What the listing found out: the files' real paths, the files it skipped, the links it did not follow. */
  private listed(listing: Listing): void {
    this.reader.listed(listing.files);
    for (const { key, reason } of listing.skipped) {
      this.ledger.drop(key);
      this.ledger.skip(key, reason);
    }
    for (const { key, message } of listing.notes) {
      if (this.reportedListing.get(key) === message) continue;
      this.reportedListing.set(key, message);
      this.log.info(`${this.host.display(key)}: ${message}`);
    }
  }

  private fileChanged(key: string, created: boolean): void {
    if (this.host.isArticle(key)) {
      this.enqueue(key);
    } else if (created) {
      // A folder moved or copied in arrives as one event: look inside it for articles.
      void this.host.articlesUnder(key).then((keys) => keys.forEach((k) => this.enqueue(k)), () => undefined);
    }
  }

  /** Keys of the corpus documents at or under `key` (a file, or a folder). */
  private keysUnder(key: string): string[] {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    return this.corpus.uris().filter((u) => u === key || u.startsWith(prefix));
  }

  private fileDeleted(key: string): void {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    const under = (k: string): boolean => k === key || k.startsWith(prefix);
    for (const doc of this.keysUnder(key)) if (!this.host.openDocument(doc)) this.ledger.drop(doc, { gone: true });
    for (const queued of [...this.diskQueue]) if (under(queued)) this.diskQueue.delete(queued);
    for (const skipped of [...this.ledger.skipped.keys()]) if (under(skipped)) this.ledger.unskip(skipped);
  }

  /**
   * A file or folder renamed inside the editor: its documents move to their new keys at once, with the
   * facts already known (the text is the same), so entities and links follow without a new analysis.
   */
  private fileRenamed(oldKey: string, newKey: string): void {
    const moved = this.keysUnder(oldKey);
    for (const from of moved) {
      const to = newKey + from.slice(oldKey.length);
      const doc = this.corpus.document(from);
      const facts = this.corpus.factsOf(from);
      const quotesOnly = this.ledger.awaiting.has(from);
      this.ledger.drop(from, { gone: true });
      if (!doc || !facts || !this.host.isArticle(to)) continue;
      const { title, source } = describeDocument(doc.text, facts.paragraphs, fileNameOf(to));
      const renamed: DocumentFacts = { ...facts, title, source };
      this.ledger.apply(to, doc.text, renamed, 0, quotesOnly);
      // Its entities were still to come under the old name: they come under the new one.
      if (quotesOnly) this.enqueue(to);
      else this.cache?.put(to, this.ledger.hashOf(doc.text), renamed);
    }
    // Whatever was not known under the old name (a folder of new files, a file that now matches the
    // article glob) is read from disk.
    if (moved.length === 0) this.fileChanged(newKey, true);
  }

  private documentClosed(document: OpenDocument): void {
    const { key } = document;
    if (!this.editors.closed(key)) return;
    this.ledger.invalidate(key);
    this.ledger.forgetFailure(key);
    // Unsaved edits are gone with the editor: what is on disk counts again, for files of the workspace.
    if (!this.host.inWorkspace(key)) this.ledger.drop(key, { gone: true });
    else this.enqueue(key);
  }

  private enqueue(key: string): void {
    this.diskQueue.add(key);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.diskQueue.size > 0 && !this.ledger.disposed) {
        await yieldToEventLoop();
        const batch = [...this.diskQueue];
        this.diskQueue.clear();
        await this.runs.loadAll(batch, NEVER_CANCELLED);
      }
    } finally {
      this.draining = false;
    }
  }

  private setState(state: IndexState): void {
    this.indexState = state;
    this.stateEmitter.fire(state);
  }
}
