import { realpath } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { fileNameOf, quoteSteps, type Corpus, type DocumentAnalysis, type DocumentFacts } from '../core/corpus';
import { describeDocument } from '../core/documents';
import { QUICK_PASS_ON_CALLER_MAX_CHARS, quoteFacts } from '../core/first-pass';
import { warmUpQuotePass } from '../core/warm-up';
import type { Logger } from '../core/logger';
import { findArticleFilesAsync, isInside, readArticleFileAsync, type FindOptions, type ReadFailure } from '../core/files';
import { decodeArticle, describeDecoding, type Decoded } from '../core/text/decode';
import { kibibytes, overLimit, textOverLimit } from '../core/text/size';
import { ArticleMatcher } from './articleMatcher';
import type { SettingsSource } from './configuration';
import { corpusKey, uriOfKey } from './convert';
import { textHash, type FactsCache } from './factsCache';
import { NO_STEP, twoPasses, type IndexPhase, type Step } from './indexPasses';
import type { Settings } from './settings';

export type { IndexPhase } from './indexPasses';

/**
 * How far the background indexing of the workspace has got. A run looks for the article files, gives
 * every article its quotes (phase `quotes`: quotes, their links across articles, titles), then
 * recognises entities and speakers (phase `entities`); `done` and `total` count the files of the phase.
 */
export interface IndexState {
  readonly running: boolean;
  /** `finding` while the files are listed; `idle` when no run is under way. */
  readonly phase: 'finding' | IndexPhase | 'idle';
  readonly done: number;
  readonly total: number;
}

/** Analyses one document's text off the caller's thread (the worker pool in the extension). */
export interface Analyzer {
  /** The full analysis (`analyzeText`); an urgent one (an open document) goes ahead of the indexing. */
  analyze(text: string, fileName: string, options?: { readonly urgent?: boolean; readonly quick?: boolean }): Promise<DocumentFacts>;
  /** Gets ready for many analyses (starts the threads), so they are ready when the entity pass starts. */
  warm?(): void;
}

export interface ArticleWorkspaceOptions {
  readonly analyzer: Analyzer;
  /** The persisted index; without one every file is analysed on every start. */
  readonly cache?: FactsCache;
  /** Full analyses started at once while indexing; more keep the workers busy, fewer hold less text. */
  readonly window?: number;
}

/** Counts of what the workspace holds and did, for tests and the log. */
export interface WorkspaceStats {
  /** Documents analysed by the analyser (not taken from the cache). */
  readonly analysed: number;
  /** Documents whose facts came from the persisted index. */
  readonly reused: number;
  /** Analyses whose result was dropped because the text had changed again, or the file had gone. */
  readonly dropped: number;
  /** Open documents whose analysis state is kept. */
  readonly editorStates: number;
  /** Edits waiting for their debounce. */
  readonly pendingEdits: number;
  /** Analyses under way. */
  readonly inFlight: number;
  /** Files waiting to be read after watcher events. */
  readonly queued: number;
  /** Listeners on the workspace's events. */
  readonly listeners: number;
  /** Longest time one document took to join the corpus (`Corpus.setFacts`) on this thread, in ms. */
  readonly longestApplyMs: number;
  /** Documents given their quotes by the quick pass (before their entities). */
  readonly quick: number;
  /** Documents of the corpus whose entities are not recognised yet. */
  readonly awaitingEntities: number;
  /** How long the last complete indexing run took to give every article its quotes, and its entities, in ms. */
  readonly lastRun: { readonly quotesMs: number; readonly entitiesMs: number } | undefined;
}

/** What an open document's analysis is: ready (possibly with nothing to show), or on its way. */
export type AnalysisStatus = { readonly ready: true; readonly analysis: DocumentAnalysis | undefined } | { readonly ready: false };

/** Delay between the last keystroke and re-analysing the document. */
const EDIT_DEBOUNCE_MS = 150;
/** Longest run of work on the extension host's thread before letting other work in. */
const SLICE_MS = 8;
/**
 * Files read at once while their quotes are found: reading (and the persisted index) is waiting on
 * the disk, and a file's text is held only until its quotes are in the corpus.
 */
const READ_WINDOW = 32;
/** How often progress is reported while indexing. */
const PROGRESS_MS = 100;
/**
 * From how many files changed at once (a folder copied in) their quotes come first; fewer are
 * analysed in full straight away, sparing a second redraw of the views.
 */
const QUICK_PASS_MIN_FILES = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface EditorState {
  readonly version: number;
  readonly limitKB: number;
  result: Promise<DocumentAnalysis | undefined>;
  settled: boolean;
}

/** A file whose full analysis is still to come, with the text its quotes were found in. */
interface AwaitingEntities {
  readonly key: string;
  readonly text: string;
  /** The text's hash for the persisted index ('' without one), computed once per run. */
  readonly hash: string;
}

/**
 * Keeps the corpus in step with the workspace: indexes article files in the background, follows the
 * file watcher and file operations, and lets the text of open documents (saved or not) win over what
 * is on disk. Texts are analysed by the `Analyzer` (worker threads) or taken from the persisted index;
 * only the corpus-wide step (`Corpus.setFacts`) runs here, one document per slice of the event loop.
 */
export class ArticleWorkspace implements vscode.Disposable {
  private matcher: ArticleMatcher;
  private readonly editorStates = new Map<string, EditorState>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skippedFiles = new Map<string, string>();
  /** Which document a real file on disk is indexed as, so a second path to it is skipped. */
  private readonly realOwners = new Map<string, string>();
  /** Links and folders the listing did not follow, logged once each. */
  private readonly reportedListing = new Map<string, string>();
  /** The real paths of the workspace folders on disk, found again at each indexing run. */
  private folderReals: Promise<string[]> | undefined;
  /** How each file was decoded when that is worth saying (Windows-1252, replaced bytes), said once. */
  private readonly decodingNotes = new Map<string, string>();
  /** What was last logged of each file's bounds (`noteBounds`). */
  private readonly boundNotes = new Map<string, string>();
  /** Analysis failures already logged, so a broken file is reported once, not on every keystroke. */
  private readonly reportedFailures = new Map<string, string>();
  private readonly diskQueue = new Map<string, vscode.Uri>();
  /** Per document, the token of the latest analysis started: an older one's result is dropped. */
  private readonly latest = new Map<string, number>();
  private tokens = 0;
  /** Whether the quick pass has been run once on a sample (see `warmUpQuotePass`). */
  private warmedUp = false;
  private draining = false;
  private run: vscode.CancellationTokenSource | undefined;
  private runDone: Promise<void> = Promise.resolve();
  private indexState: IndexState = { running: false, phase: 'idle', done: 0, total: 0 };
  /** Documents of the corpus that hold the quick pass's facts, by key, with the text they came from. */
  private readonly awaiting = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  private readonly skippedEmitter = new vscode.EventEmitter<void>();
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  private readonly listenerCount = { n: 0 };
  private counts = { analysed: 0, reused: 0, dropped: 0, longestApplyMs: 0, quick: 0 };
  private lastRun: WorkspaceStats['lastRun'];
  private disposed = false;

  /** Fires as indexing starts, advances and ends. */
  readonly onDidChangeIndexState = counted(this.stateEmitter.event, this.listenerCount);
  /** Fires when the set of skipped files, or of files analysed only in part, changes. */
  readonly onDidChangeSkipped = counted(this.skippedEmitter.event, this.listenerCount);
  /**
   * Fires with the corpus keys (URI strings) of documents that were analysed again or removed, and of
   * open documents whose analysis settled with nothing to show.
   */
  readonly onDidChangeCorpus = counted(this.changeEmitter.event, this.listenerCount);

  private readonly analyzer: Analyzer;
  private readonly cache: FactsCache | undefined;
  private readonly window: number;

  constructor(
    readonly corpus: Corpus,
    private readonly settings: SettingsSource,
    private readonly log: Logger,
    options: ArticleWorkspaceOptions,
  ) {
    this.analyzer = options.analyzer;
    this.cache = options.cache;
    this.window = Math.max(1, options.window ?? 8);
    this.matcher = matcherFor(settings.value);
    const unsubscribe = corpus.onDidChange((uris) => this.changeEmitter.fire(uris));
    this.disposables.push(
      { dispose: unsubscribe },
      this.stateEmitter,
      this.skippedEmitter,
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleAnalysis(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.documentClosed(d)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.fileDeleted(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => this.fileRenamed(oldUri, newUri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      settings.onDidChange(({ previous, current }) => {
        if (
          previous.articles !== current.articles ||
          previous.exclude.join('\n') !== current.exclude.join('\n') ||
          previous.maxFileSizeKB !== current.maxFileSizeKB
        ) {
          this.matcher = matcherFor(current);
          void this.reindex();
        }
      }),
    );
  }

  /** Starts watching the workspace and indexes it in the background. */
  start(): void {
    this.watch();
    void this.reindex();
  }

  get state(): IndexState {
    return this.indexState;
  }

  /** Files left out of the corpus, with the reason, by corpus key. */
  get skipped(): ReadonlyMap<string, string> {
    return this.skippedFiles;
  }

  /** Files analysed only in part because they are unusual (see `core/bounds`), with what was left out. */
  get shortened(): ReadonlyMap<string, string> {
    return this.boundNotes;
  }

  get stats(): WorkspaceStats {
    return {
      ...this.counts,
      awaitingEntities: this.awaiting.size,
      lastRun: this.lastRun,
      editorStates: this.editorStates.size,
      pendingEdits: this.pendingEdits.size,
      inFlight: this.latest.size,
      queued: this.diskQueue.size,
      listeners: this.listenerCount.n,
    };
  }

  /** Resolves when the current indexing run has finished or was cancelled (at once when none is running). */
  whenIndexed(): Promise<void> {
    return this.runDone;
  }

  /** True when `uri` names an article file under the current settings. */
  isArticle(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return this.matcher.matches(vscode.workspace.asRelativePath(uri, false));
  }

  /**
   * The analysis of an open document's current text, analysing it (off this thread) when the corpus
   * holds another version. Undefined when the document is not an article, is too large, or cannot be
   * analysed. Should the text change again meanwhile, resolves with the analysis of the newer text.
   */
  analyse(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    if (!this.isArticle(document.uri)) return Promise.resolve(undefined);
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    const limitKB = this.settings.value.maxFileSizeKB;
    const known = this.editorStates.get(key);
    if (known && known.version === document.version && known.limitKB === limitKB) {
      return known.settled ? Promise.resolve(this.corpus.document(key)) : known.result;
    }
    const version = document.version;
    const text = document.getText();
    const state: EditorState = { version, limitKB, result: Promise.resolve(undefined), settled: true };
    this.editorStates.set(key, state);
    if (textOverLimit(text, kibibytes(limitKB))) {
      this.invalidate(key);
      this.skip(key, tooLarge(limitKB));
      this.removeAndNotify(key);
      return state.result;
    }
    this.unskip(key);
    const existing = this.corpus.document(key);
    // Facts from the quick pass lack entities and speakers: an open document gets its full analysis now.
    if (existing && existing.text === text && !this.awaiting.has(key)) {
      this.invalidate(key);
      return Promise.resolve(existing);
    }
    const token = this.begin(key);
    state.settled = false;
    // Settled before the corpus announces the change, so listeners find the analysis ready.
    const settle = (): void => {
      if (this.editorStates.get(key) === state) state.settled = true;
    };
    const result = this.factsFor(key, text, true).then(
      (facts) => {
        if (!this.finish(key, token) || document.isClosed || document.version !== version) {
          this.counts.dropped++;
          return document.isClosed || this.disposed ? undefined : this.analyse(document);
        }
        settle();
        return this.apply(key, text, facts, version);
      },
      (e: unknown) => {
        if (!this.finish(key, token)) return undefined;
        settle();
        this.failed(key, e);
        this.changeEmitter.fire([key]);
        return undefined;
      },
    );
    state.result = result;
    void result.then((analysis) => {
      if (this.editorStates.get(key) !== state || state.settled) return;
      state.settled = true;
      // Nothing changed in the corpus, yet the editor must stop waiting for an analysis.
      if (!analysis) this.changeEmitter.fire([key]);
    });
    return result;
  }

  /**
   * Where the analysis of an open document's current text stands, without waiting: ready (with the
   * analysis, or undefined when there is none to show), or not yet, in which case it has been started
   * and `onDidChangeCorpus` fires for the document when it is ready.
   */
  status(document: vscode.TextDocument): AnalysisStatus {
    if (!this.isArticle(document.uri)) return { ready: true, analysis: undefined };
    const key = corpusKey(document.uri);
    const known = this.editorStates.get(key);
    if (!(known && known.version === document.version && known.limitKB === this.settings.value.maxFileSizeKB)) {
      void this.analyse(document);
    }
    const state = this.editorStates.get(key);
    return state?.settled ? { ready: true, analysis: this.corpus.document(key) } : { ready: false };
  }

  /** Indexes the workspace again: new and changed files are read, removed ones dropped. */
  reindex(): Promise<void> {
    this.run?.cancel();
    this.run?.dispose();
    const source = new vscode.CancellationTokenSource();
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
    this.disposed = true;
    this.run?.cancel();
    this.run?.dispose();
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    this.diskQueue.clear();
    this.latest.clear();
    this.editorStates.clear();
    for (const d of this.disposables) d.dispose();
  }

  private async index(token: vscode.CancellationToken): Promise<void> {
    const started = performance.now();
    const before = { ...this.counts };
    this.setState({ running: true, phase: 'finding', done: 0, total: 0 });
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Crosswire' }, async (progress) => {
      progress.report({ message: 'finding articles…' });
      const { files, skipped } = await this.listArticles(token);
      if (token.isCancellationRequested || this.disposed) return;
      const seen = new Set([...files.map(corpusKey), ...skipped]);
      for (const uri of this.corpus.uris()) {
        const open = this.openDocument(uri);
        if (seen.has(uri) || (open && this.isArticle(open.uri))) continue;
        this.forget(uri);
      }
      for (const key of [...this.skippedFiles.keys()]) if (!seen.has(key)) this.unskip(key);
      let quotesMs = 0;
      let reported = 0;
      const complete = await this.loadAll(files, token, (phase, done, total) => {
        const now = performance.now();
        const turned = phase !== this.indexState.phase;
        if (turned && phase === 'entities') quotesMs = now - started;
        if (!turned && done < total && now - reported < PROGRESS_MS) return;
        reported = now;
        this.setState({ running: true, phase, done, total });
        progress.report({ message: `${phase} ${count(done)}/${count(total)}` });
      });
      if (!complete) return;
      const entitiesMs = performance.now() - started;
      this.lastRun = { quotesMs, entitiesMs };
      const analysed = this.counts.analysed - before.analysed;
      const reused = this.counts.reused - before.reused;
      this.log.info(
        `Indexed ${files.length} article file(s): quotes in ${Math.round(quotesMs)} ms, entities in ${Math.round(entitiesMs)} ms` +
          ` (${analysed} analysed, ${reused} from the index cache)` +
          (this.skippedFiles.size > 0 ? `, ${this.skippedFiles.size} skipped` : ''),
      );
      if (this.cache) void this.cache.prune(files.map(corpusKey));
    });
    if (!token.isCancellationRequested) this.setState({ running: false, phase: 'idle', done: this.indexState.total, total: this.indexState.total });
  }

  /**
   * Reads and adds files, a few at a time so the workers stay busy, applying them to the corpus in the
   * order given: every file's quotes first (or its full facts from the persisted index), then the
   * entities of those that still need them. A handful of files is analysed in full at once. False
   * when cancelled.
   */
  private async loadAll(
    files: readonly vscode.Uri[],
    token: vscode.CancellationToken,
    onProgress?: (phase: IndexPhase, done: number, total: number) => void,
  ): Promise<boolean> {
    const quick = files.length >= QUICK_PASS_MIN_FILES;
    if (quick && !this.warmedUp) {
      this.warmedUp = true;
      warmUpQuotePass();
      await yieldToEventLoop();
    }
    return twoPasses(files, (uri) => this.firstStep(uri, token, quick), (pending) => this.entityStep(pending, token), {
      window: READ_WINDOW,
      entityWindow: this.window,
      // Analyses start early only on cores beyond those the host's thread and the editor need: on two
      // cores they would slow the quotes pass more than they speed the entities.
      earlyAnalyses: Math.max(0, Math.min(this.window, availableParallelism() - 2)),
      sliceMs: SLICE_MS,
      isCancelled: () => token.isCancellationRequested || this.disposed,
      onProgress,
    });
  }

  /**
   * Reads one file; its turn adds it to the corpus with its quotes (or the persisted index's full facts)
   * and hands it on to the entity pass when its entities are still to come. Nothing is done when an
   * editor holds the file (the editor's text is analysed in full), or when it is skipped, gone or unchanged.
   */
  private async firstStep(uri: vscode.Uri, token: vscode.CancellationToken, quick: boolean): Promise<Step<AwaitingEntities>> {
    const key = corpusKey(uri);
    if (token.isCancellationRequested) return NO_STEP;
    const open = this.openDocument(key);
    if (open) return { apply: () => void this.analyse(open), abandon() {} };
    const text = await this.readArticle(uri, key);
    if (text === undefined || token.isCancellationRequested) return NO_STEP;
    const hashOf = (): string => (this.cache ? textHash(text) : '');
    if (this.corpus.document(key)?.text === text) {
      // Known already; its entities may still be missing (a run cancelled during the entity pass).
      if (this.awaiting.get(key) !== text) return NO_STEP;
      const pending: AwaitingEntities = { key, text, hash: hashOf() };
      return { apply: () => (this.awaiting.get(key) === text ? pending : undefined), abandon() {} };
    }
    const token0 = this.begin(key);
    const abandon = (): void => void this.finish(key, token0);
    const hash = hashOf();
    let cached = await this.cache?.get(key, hash, text.length);
    let found: DocumentFacts | undefined;
    if (cached) {
      this.counts.reused++;
    } else {
      try {
        if (!quick) cached = await this.analyseFully(key, text, hash, false);
        // Finding the quotes of a long text takes longer than a slice of the host's thread.
        else if (text.length > QUICK_PASS_ON_CALLER_MAX_CHARS) found = await this.analyzer.analyze(text, fileNameOf(key), { quick: true });
      } catch (e) {
        return {
          apply: () => {
            if (this.finish(key, token0)) this.failed(key, e);
            return undefined;
          },
          abandon,
        };
      }
    }
    return {
      apply: () => {
        // The document may have been opened, changed or deleted meanwhile: the newer state wins.
        if (this.superseded(key, token0)) return undefined;
        if (cached) return this.applyInSlices(key, text, cached, false).then(() => undefined);
        this.counts.quick++;
        // Entities come next: the threads load the analyser while the quotes are found.
        this.analyzer.warm?.();
        return this.applyInSlices(key, text, found ?? quoteFacts(text, fileNameOf(key)), true).then(() =>
          this.awaiting.get(key) === text ? { key, text, hash } : undefined,
        );
      },
      abandon,
    };
  }

  /**
   * Ends the analysis `token` of a file and says whether its result is moot: a later analysis started,
   * or an editor opened the file (which is then analysed from the editor's text).
   */
  private superseded(key: string, token: number): boolean {
    const reopened = this.openDocument(key);
    if (this.finish(key, token) && !reopened) return false;
    this.counts.dropped++;
    if (reopened) void this.analyse(reopened);
    return true;
  }

  /** The full analysis of a file the first pass handed on, unless it changed or was opened since. */
  private async entityStep({ key, text, hash }: AwaitingEntities, token: vscode.CancellationToken): Promise<Step<never>> {
    if (token.isCancellationRequested) return NO_STEP;
    const open = this.openDocument(key);
    if (open) return { apply: () => void this.analyse(open), abandon() {} };
    // Changed, removed or analysed in full since its quotes were found: nothing left to do.
    if (this.awaiting.get(key) !== text) return NO_STEP;
    const analysis = this.begin(key);
    const abandon = (): void => void this.finish(key, analysis);
    let facts: DocumentFacts;
    try {
      facts = await this.analyseFully(key, text, hash, false);
    } catch (e) {
      return {
        apply: () => {
          if (!this.finish(key, analysis)) return undefined;
          // The quotes found in this very text stay; only the entities are missing.
          if (this.awaiting.get(key) === text) this.report(key, e);
          else this.failed(key, e);
          return undefined;
        },
        abandon,
      };
    }
    return {
      apply: () => {
        if (this.superseded(key, analysis)) return undefined;
        this.apply(key, text, facts, 0);
        return undefined;
      },
      abandon,
    };
  }

  /**
   * The article files of the workspace, sorted, each file once, and the keys of listed files skipped
   * as they were found. Folders on disk are searched with the core's walk, as the command line does:
   * no link is followed out of the workspace folders or back into a folder already searched (however
   * VS Code's search is set to follow links), FIFOs and devices are not taken, and a file reached by
   * several paths is listed under one. Folders of other file systems are listed by VS Code's search.
   */
  private async listArticles(token: vscode.CancellationToken): Promise<{ files: vscode.Uri[]; skipped: Set<string> }> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const files: vscode.Uri[] = [];
    const skipped = new Set<string>();
    for (const folder of folders.filter((f) => f.uri.scheme !== 'file')) {
      const pattern = new vscode.RelativePattern(folder, this.matcher.include);
      files.push(...(await vscode.workspace.findFiles(pattern, this.matcher.excludeGlob(), undefined, token)));
    }
    const local = folders.filter((f) => f.uri.scheme === 'file');
    this.folderReals = undefined;
    if (local.length > 0) {
      const found = await findArticleFilesAsync(
        local.map((f) => f.uri.fsPath),
        { ...this.walkOptions(), isCancelled: () => token.isCancellationRequested || this.disposed },
      );
      this.realOwners.clear();
      for (const f of found.files) {
        const uri = vscode.Uri.file(f.path);
        files.push(uri);
        this.realOwners.set(f.real, corpusKey(uri));
      }
      for (const p of found.problems) {
        const uri = vscode.Uri.file(p.path);
        const key = corpusKey(uri);
        if (this.isArticle(uri)) {
          skipped.add(key);
          this.removeFromCorpus(key);
          this.skip(key, p.message.replace(/^skipped, /, '').replace('the folders given', 'the workspace folders').replace(/, analysed once$/, ', indexed once'));
        } else if (this.reportedListing.get(key) !== p.message) {
          this.reportedListing.set(key, p.message);
          this.log.info(`${vscode.workspace.asRelativePath(uri)}: ${p.message.replace('the folders given', 'the workspace folders')}`);
        }
      }
    }
    return { files: files.filter((u) => this.isArticle(u)).sort((a, b) => corpusKey(a).localeCompare(corpusKey(b))), skipped };
  }

  /** How the core's walk tells articles and left-out folders, by the settings' globs. */
  private walkOptions(): FindOptions {
    return {
      isArticle: (path) => this.isArticle(vscode.Uri.file(path)),
      skipFolder: (path) => this.matcher.excludesFolder(vscode.workspace.asRelativePath(vscode.Uri.file(path), false)),
      display: (path) => vscode.workspace.asRelativePath(vscode.Uri.file(path)),
    };
  }

  /**
   * Where a workspace file really is, or undefined (with the file skipped) when it is not to be read:
   * a link out of every workspace folder, or another path to a file indexed under its own path.
   */
  private async realPathOf(uri: vscode.Uri, key: string): Promise<string | undefined> {
    const real = await realpath(uri.fsPath).catch(() => undefined);
    if (real === undefined) return uri.fsPath;
    this.folderReals ??= Promise.all(
      (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => realpath(f.uri.fsPath).catch(() => f.uri.fsPath)),
    );
    const folders = await this.folderReals;
    if (folders.length > 0 && !isInside(real, folders)) {
      this.skip(key, 'a link out of the workspace folders, not followed');
      return undefined;
    }
    const owner = this.realOwners.get(real);
    if (owner !== undefined && owner !== key && this.corpus.has(owner)) {
      // As the listing chooses (`oneEntryPerFile`): the file's own path wins over a link's.
      if (uri.fsPath !== real || uriOfKey(owner).fsPath === real) {
        this.skip(key, `the same file as ${this.display(owner)}, indexed once`);
        return undefined;
      }
      this.removeFromCorpus(owner);
      this.skip(owner, `the same file as ${this.display(key)}, indexed once`);
    }
    this.realOwners.set(real, key);
    return real;
  }

  /**
   * The text of an article file, or undefined (and the corpus updated) when it is gone or skipped.
   * Only regular files are read (not FIFOs or devices), their size is checked before reading, and no
   * more than the size limit is read. Files on disk are read through the core's reader, which does not
   * block on a FIFO and is bounded however the file changes; files of other file systems through
   * VS Code's.
   */
  private async readArticle(uri: vscode.Uri, key: string): Promise<string | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.forget(key);
      return undefined;
    }
    if (stat.type & vscode.FileType.Directory) return undefined;
    const limitKB = this.settings.value.maxFileSizeKB;
    const maxBytes = kibibytes(limitKB);
    let decoded: Decoded | ReadFailure;
    if (!(stat.type & vscode.FileType.File)) {
      decoded = { ok: false, reason: 'not-a-file', message: 'not a regular file (a named pipe, a device or a socket)' };
    } else if (overLimit(stat.size, maxBytes)) {
      decoded = { ok: false, reason: 'too-large', message: '' };
    } else if (uri.scheme === 'file') {
      const real = await this.realPathOf(uri, key);
      if (real === undefined) {
        this.removeFromCorpus(key);
        return undefined;
      }
      decoded = await readArticleFileAsync(real, maxBytes);
    } else {
      try {
        decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), { maxBytes });
      } catch (e) {
        decoded = { ok: false, reason: 'unreadable', message: describe(e) };
      }
    }
    if (!decoded.ok) {
      if (decoded.reason === 'unreadable') this.log.warn(`Could not read ${vscode.workspace.asRelativePath(uri)}: ${decoded.message}`);
      else this.skip(key, decoded.reason === 'binary' ? 'binary file, not text' : decoded.reason === 'too-large' ? tooLarge(limitKB) : decoded.message);
      this.removeFromCorpus(key);
      return undefined;
    }
    this.unskip(key);
    const note = describeDecoding(decoded);
    if (note !== this.decodingNotes.get(key)) {
      if (note) this.decodingNotes.set(key, note);
      else this.decodingNotes.delete(key);
      if (note) this.log.info(`Read ${this.display(key)}: ${note}`);
    }
    return decoded.text;
  }

  /** The facts of a text: from the persisted index when it has them, else from the analyser. */
  private async factsFor(key: string, text: string, urgent: boolean): Promise<DocumentFacts> {
    const hash = this.cache ? textHash(text) : '';
    const cached = await this.cache?.get(key, hash, text.length);
    if (cached) {
      this.counts.reused++;
      return cached;
    }
    return this.analyseFully(key, text, hash, urgent);
  }

  /** The full analysis of a text by the analyser, kept in the persisted index. */
  private async analyseFully(key: string, text: string, hash: string, urgent: boolean): Promise<DocumentFacts> {
    const facts = await this.analyzer.analyze(text, fileNameOf(key), { urgent });
    this.counts.analysed++;
    this.cache?.put(key, hash, facts);
    return facts;
  }

  /**
   * Adds a file's facts as `apply` does, but a long article's quotes a few at a time, letting the event
   * loop run between slices: linking hundreds of new quotes at once would hold the host's thread for
   * far longer than a slice. Every step is a consistent corpus (the first quotes of the article); a
   * step finding that an editor opened the file, or its text changed, stops, the newer state winning.
   */
  private async applyInSlices(key: string, text: string, facts: DocumentFacts, quotesOnly: boolean): Promise<void> {
    let slice = performance.now();
    for (const step of quoteSteps(facts)) {
      if (!this.apply(key, text, step, 0, quotesOnly, step === facts) || step === facts) return;
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEventLoop();
        slice = performance.now();
        if (this.disposed || this.openDocument(key) || this.corpus.document(key)?.text !== text) return;
      }
    }
  }

  /**
   * Adds a document's facts to the corpus. `quotesOnly` marks the quick pass's facts, which the full
   * analysis is still to replace; they never go to the persisted index.
   */
  private apply(key: string, text: string, facts: DocumentFacts, version: number, quotesOnly = false, complete = true): DocumentAnalysis | undefined {
    try {
      // Known before the corpus announces the change, so listeners see whether entities are still to come.
      if (quotesOnly) this.awaiting.set(key, text);
      else this.awaiting.delete(key);
      const started = performance.now();
      const analysis = this.corpus.setFacts(key, text, facts, version);
      this.counts.longestApplyMs = Math.max(this.counts.longestApplyMs, performance.now() - started);
      this.reportedFailures.delete(key);
      if (complete) this.noteBounds(key);
      return analysis;
    } catch (e) {
      this.failed(key, e);
      return undefined;
    }
  }

  /** Logs a failed analysis of a document, once per message. */
  private report(key: string, e: unknown): void {
    if (this.disposed) return;
    const message = describe(e);
    if (this.reportedFailures.get(key) !== message) {
      this.reportedFailures.set(key, message);
      this.log.error(`Could not analyse ${this.display(key)}: ${message}`);
    }
  }

  private failed(key: string, e: unknown): void {
    if (this.disposed) return;
    this.report(key, e);
    // An analysis of other text would put highlights and links in the wrong places.
    this.removeFromCorpus(key);
  }

  private begin(key: string): number {
    const token = ++this.tokens;
    this.latest.set(key, token);
    return token;
  }

  /** True when `token` is still the latest analysis of `key`; it is then no longer under way. */
  private finish(key: string, token: number): boolean {
    if (this.latest.get(key) !== token) return false;
    this.latest.delete(key);
    return true;
  }

  /** Drops the analysis under way for `key`, if any: its result will not be applied. */
  private invalidate(key: string): void {
    this.latest.delete(key);
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.fileChanged(uri, true)),
      watcher.onDidChange((uri) => this.fileChanged(uri, false)),
      watcher.onDidDelete((uri) => this.fileDeleted(uri)),
    );
  }

  private fileChanged(uri: vscode.Uri, created: boolean): void {
    if (this.isArticle(uri)) {
      this.enqueue(uri);
    } else if (created) {
      // A folder moved or copied in arrives as one event: look inside it for articles.
      void this.scanFolder(uri);
    }
  }

  private async scanFolder(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      // A link to a folder leads out of the workspace, or to a folder indexed under its own path.
      if (!(stat.type & vscode.FileType.Directory) || stat.type & vscode.FileType.SymbolicLink) return;
      if (uri.scheme === 'file') {
        // As the listing does: a folder moved in may hold link loops, or links out of the workspace.
        const found = await findArticleFilesAsync([uri.fsPath], this.walkOptions());
        for (const f of found.files) this.enqueue(vscode.Uri.file(f.path));
        return;
      }
      const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), this.matcher.excludeGlob());
      for (const u of inside) if (this.isArticle(u)) this.enqueue(u);
    } catch {
      // Gone again before it could be read: nothing to index.
    }
  }

  /** Keys of the corpus documents at or under `key` (a file, or a folder). */
  private keysUnder(key: string): string[] {
    const prefix = key.endsWith('/') ? key : `${key}/`;
    return this.corpus.uris().filter((u) => u === key || u.startsWith(prefix));
  }

  private fileDeleted(uri: vscode.Uri): void {
    const key = corpusKey(uri);
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const doc of this.keysUnder(key)) if (!this.openDocument(doc)) this.forget(doc);
    for (const queued of [...this.diskQueue.keys()]) if (queued === key || queued.startsWith(prefix)) this.diskQueue.delete(queued);
    for (const skippedKey of [...this.skippedFiles.keys()]) {
      if (skippedKey === key || skippedKey.startsWith(prefix)) this.unskip(skippedKey);
    }
  }

  /**
   * A file or folder renamed inside the editor: its documents move to their new keys at once, with the
   * facts already known (the text is the same), so entities and links follow without a new analysis.
   */
  private fileRenamed(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const oldKey = corpusKey(oldUri);
    const newKey = corpusKey(newUri);
    const moved = this.keysUnder(oldKey);
    for (const from of moved) {
      const to = newKey + from.slice(oldKey.length);
      const doc = this.corpus.document(from);
      const facts = this.corpus.factsOf(from);
      const quotesOnly = this.awaiting.has(from);
      this.forget(from);
      const target = uriOfKey(to);
      if (!doc || !facts || !this.isArticle(target)) continue;
      const { title, source } = describeDocument(doc.text, facts.paragraphs, fileNameOf(to));
      const renamed: DocumentFacts = { ...facts, title, source };
      this.apply(to, doc.text, renamed, 0, quotesOnly);
      // Its entities were still to come under the old name: they come under the new one.
      if (quotesOnly) this.enqueue(target);
      else this.cache?.put(to, textHash(doc.text), renamed);
    }
    // Whatever was not known under the old name (a folder of new files, a file that now matches the
    // article glob) is read from disk.
    if (moved.length === 0) this.fileChanged(newUri, true);
  }

  private enqueue(uri: vscode.Uri): void {
    this.diskQueue.set(corpusKey(uri), uri);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    const source = new vscode.CancellationTokenSource();
    try {
      while (this.diskQueue.size > 0 && !this.disposed) {
        await yieldToEventLoop();
        const batch = [...this.diskQueue.values()];
        this.diskQueue.clear();
        await this.loadAll(batch, source.token);
      }
    } finally {
      source.dispose();
      this.draining = false;
    }
  }

  private scheduleAnalysis(document: vscode.TextDocument): void {
    if (!this.isArticle(document.uri)) return;
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        if (!document.isClosed) void this.analyse(document);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private cancelPending(key: string): void {
    const timer = this.pendingEdits.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.pendingEdits.delete(key);
    }
  }

  private documentClosed(document: vscode.TextDocument): void {
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    if (!this.editorStates.delete(key)) return;
    this.invalidate(key);
    this.reportedFailures.delete(key);
    // Unsaved edits are gone with the editor: what is on disk counts again, for files of the workspace.
    if (document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri)) this.forget(key);
    else this.enqueue(document.uri);
  }

  private forget(key: string): void {
    this.invalidate(key);
    this.awaiting.delete(key);
    this.unskip(key);
    this.reportedFailures.delete(key);
    this.forgetBounds(key);
    if (this.corpus.has(key)) this.cache?.delete(key);
    this.corpus.remove(key);
  }

  private removeFromCorpus(key: string): void {
    this.awaiting.delete(key);
    this.forgetBounds(key);
    this.corpus.remove(key);
  }

  private removeAndNotify(key: string): void {
    this.awaiting.delete(key);
    this.forgetBounds(key);
    if (this.corpus.has(key)) this.corpus.remove(key);
    else this.changeEmitter.fire([key]);
  }

  /** Says once in the log what the analysis of an unusual file left out, and again only when that changes. */
  private noteBounds(key: string): void {
    const notes = this.corpus.notesOf(key).join('; ');
    if (notes === (this.boundNotes.get(key) ?? '')) return;
    if (notes) {
      this.boundNotes.set(key, notes);
      this.log.warn(`${this.display(key)}: ${notes}`);
      this.skippedEmitter.fire();
    } else {
      this.forgetBounds(key);
    }
  }

  private forgetBounds(key: string): void {
    if (this.boundNotes.delete(key)) this.skippedEmitter.fire();
  }

  private skip(key: string, reason: string): void {
    if (this.skippedFiles.get(key) === reason) return;
    this.skippedFiles.set(key, reason);
    this.log.warn(`Skipped ${this.display(key)}: ${reason}`);
    this.skippedEmitter.fire();
  }

  private unskip(key: string): void {
    if (this.skippedFiles.delete(key)) this.skippedEmitter.fire();
  }

  private openDocument(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && corpusKey(d.uri) === key);
  }

  private display(key: string): string {
    return vscode.workspace.asRelativePath(uriOfKey(key));
  }

  private setState(state: IndexState): void {
    this.indexState = state;
    this.stateEmitter.fire(state);
  }
}

/** Why a file over the size limit is skipped. */
function tooLarge(limitKB: number): string {
  return `larger than ${limitKB} KB (crosswire.maxFileSizeKB)`;
}

function matcherFor(settings: Settings): ArticleMatcher {
  return new ArticleMatcher(settings.articles, settings.exclude);
}

/** A count as progress shows it: 10,000. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** `event`, counting the listeners attached to it and not yet disposed. */
function counted<T>(event: vscode.Event<T>, count: { n: number }): vscode.Event<T> {
  return (listener, thisArgs, disposables) => {
    const inner = event(listener, thisArgs);
    count.n++;
    let live = true;
    const subscription = {
      dispose: () => {
        if (!live) return;
        live = false;
        count.n--;
        inner.dispose();
      },
    };
    disposables?.push(subscription);
    return subscription;
  };
}
