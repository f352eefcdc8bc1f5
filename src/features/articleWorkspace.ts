import * as vscode from 'vscode';
import type { Corpus, DocumentAnalysis } from '../core/corpus';
import type { Logger } from '../core/logger';
import type { AnalysisStatus } from '../core/indexing/editors';
import { Indexer, type IndexState, type IndexStats } from '../core/indexing/indexer';
import type { Analyzer, FactsStore } from '../core/indexing/ledger';
import type { SettingsSource } from './configuration';
import { corpusKey } from './convert';
import { openDocumentOf, WorkspaceHost } from './workspaceHost';

export type { IndexPhase } from '../core/indexing/passes';
export type { Analyzer, AnalysisStatus, IndexState };

/** Counts of what the workspace holds and did, for tests and the log. */
export type WorkspaceStats = IndexStats;

export interface ArticleWorkspaceOptions {
  readonly analyzer: Analyzer;
  /** The persisted index; without one every file is analysed on every start. */
  readonly cache?: FactsStore;
  /** Full analyses started at once while indexing; more keep the workers busy, fewer hold less text. */
  readonly window?: number;
}

/**
 * The workspace's articles for the features: the core's indexer over the VS Code workspace
 * (`WorkspaceHost`), indexed again when the settings that choose and bound the articles change.
 * Corpus keys are URI strings (`corpusKey`).
 */
export class ArticleWorkspace implements vscode.Disposable {
  private readonly host: WorkspaceHost;
  private readonly indexer: Indexer;
  private readonly subscription: vscode.Disposable;
  private readonly enabledEmitter = new vscode.EventEmitter<boolean>();
  private wanted = false;
  private why: string | undefined;
  private pending = false;
  private started = false;
  /** Settles once it is known whether Crosswire is on here (the folders may have to be looked at first). */
  private decided: Promise<void> = Promise.resolve();

  constructor(
    readonly corpus: Corpus,
    settings: SettingsSource,
    log: Logger,
    options: ArticleWorkspaceOptions,
  ) {
    this.host = new WorkspaceHost(settings.value);
    this.indexer = new Indexer(corpus, this.host, log, { ...options, maxFileSizeKB: () => settings.value.maxFileSizeKB });
    this.subscription = settings.onDidChange(({ previous, current }) => {
      if (
        previous.articles !== current.articles ||
        previous.exclude.join('\n') !== current.exclude.join('\n') ||
        previous.maxFileSizeKB !== current.maxFileSizeKB
      ) {
        this.host.useSettings(current);
        void this.indexer.reindex();
      }
    });
  }

  /** Fires as indexing starts, advances and ends. */
  get onDidChangeIndexState(): Indexer['onDidChangeIndexState'] {
    return this.indexer.onDidChangeIndexState;
  }

  /** Fires when the set of skipped files, or of files analysed only in part, changes. */
  get onDidChangeSkipped(): Indexer['onDidChangeSkipped'] {
    return this.indexer.onDidChangeSkipped;
  }

  /**
   * Fires with the corpus keys of documents that were analysed again or removed, and of open documents
   * whose analysis settled with nothing to show.
   */
  get onDidChangeCorpus(): Indexer['onDidChangeCorpus'] {
    return this.indexer.onDidChangeCorpus;
  }

  /**
   * Fires when Crosswire is turned on or off in this workspace, with whether it is now on, and when
   * what is said about it changes (being decided, why it is off).
   */
  readonly onDidChangeEnabled = this.enabledEmitter.event;

  /**
   * Starts watching the workspace and indexes it in the background, once Crosswire is on in it
   * (`setEnabled`); until then nothing is read.
   */
  start(): void {
    this.wanted = true;
    if (this.host.enabled && !this.started) {
      this.started = true;
      this.indexer.start();
    }
  }

  /** Whether Crosswire works in this workspace: when off, no file is an article and nothing is indexed. */
  get enabled(): boolean {
    return this.host.enabled;
  }

  /**
   * Turns Crosswire on or off in this workspace (a decision: it ends `deciding`). Off drops every article from the corpus, so every
   * highlight, card, flag and tree entry goes; on indexes the workspace. `why` says why it is off,
   * for the status bar.
   */
  setEnabled(on: boolean, why?: string): void {
    const said = this.pending || this.why !== (on ? undefined : why);
    this.pending = false;
    this.why = on ? undefined : why;
    if (on === this.host.enabled) {
      if (said) this.enabledEmitter.fire(on);
      return;
    }
    this.host.enabled = on;
    this.enabledEmitter.fire(on);
    if (!this.wanted) return;
    if (on && !this.started) this.start();
    else if (this.started) void this.indexer.reindex();
  }

  /** True while it is not yet known whether Crosswire is on here (`holdUntil`): off, but not said to be. */
  get deciding(): boolean {
    return this.pending;
  }

  /** Why Crosswire is off in this workspace, when it is and that is known. */
  get offReason(): string | undefined {
    return this.host.enabled ? undefined : this.why;
  }

  get state(): IndexState {
    return this.indexer.state;
  }

  /** Files left out of the corpus, with the reason, by corpus key. */
  get skipped(): ReadonlyMap<string, string> {
    return this.indexer.skipped;
  }

  /** Files analysed only in part because they are unusual (see `core/bounds`), with what was left out. */
  get shortened(): ReadonlyMap<string, string> {
    return this.indexer.shortened;
  }

  get stats(): WorkspaceStats {
    return this.indexer.stats;
  }

  /**
   * Resolves when the current indexing run has finished or was cancelled (at once when none is running),
   * after waiting for the decision whether Crosswire is on in this workspace when that is pending.
   */
  whenIndexed(): Promise<void> {
    return this.decided.then(() => this.indexer.whenIndexed());
  }

  /** Off until `decision` settles, having called `setEnabled` with what was decided. */
  holdUntil(decision: Promise<unknown>): void {
    this.setEnabled(false);
    this.pending = true;
    this.enabledEmitter.fire(false);
    this.decided = decision.then(
      () => undefined,
      () => undefined,
    );
  }

  /** True when `uri` names an article file under the current settings. */
  isArticle(uri: vscode.Uri): boolean {
    return this.host.isArticle(corpusKey(uri));
  }

  /**
   * The analysis of an open document's current text, analysing it (off this thread) when the corpus
   * holds another version. Undefined when the document is not an article, is too large, or cannot be
   * analysed. Should the text change again meanwhile, resolves with the analysis of the newer text.
   */
  analyse(document: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    return this.indexer.analyse(openDocumentOf(document));
  }

  /**
   * Where the analysis of an open document's current text stands, without waiting: ready (with the
   * analysis, or undefined when there is none to show), or not yet, in which case it has been started
   * and `onDidChangeCorpus` fires for the document when it is ready.
   */
  status(document: vscode.TextDocument): AnalysisStatus {
    return this.indexer.status(openDocumentOf(document));
  }

  /** Indexes the workspace again: new and changed files are read, removed ones dropped. */
  reindex(): Promise<void> {
    return this.indexer.reindex();
  }

  /** Stops the indexing run under way; what it has indexed so far stays. */
  cancelIndexing(): void {
    this.indexer.cancelIndexing();
  }

  dispose(): void {
    this.subscription.dispose();
    this.enabledEmitter.dispose();
    this.indexer.dispose();
  }
}
