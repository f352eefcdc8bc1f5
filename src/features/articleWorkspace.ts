import * as vscode from 'vscode';
import type { Corpus, DocumentAnalysis } from '../core/corpus';
import type { Logger } from '../core/logger';
import { decodeArticle } from '../core/text/decode';
import { ArticleMatcher } from './articleMatcher';
import type { SettingsStore } from './configuration';
import { corpusKey, uriOfKey } from './convert';
import type { Settings } from './settings';

/** How far the background indexing of the workspace has got. */
export interface IndexState {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
}

/** Delay between the last keystroke and re-analysing the document. */
const EDIT_DEBOUNCE_MS = 150;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Keeps the corpus in step with the workspace: indexes article files in the background, follows the
 * file watcher, and lets the text of open documents (saved or not) win over what is on disk.
 */
export class ArticleWorkspace implements vscode.Disposable {
  private matcher: ArticleMatcher;
  /**
   * Documents whose corpus entry holds editor text: the document version it was taken from, and the
   * size limit it was checked against.
   */
  private readonly editorVersions = new Map<string, { version: number; limitKB: number }>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skippedFiles = new Map<string, string>();
  /** Analysis failures already logged, so a broken file is reported once, not on every keystroke. */
  private readonly reportedFailures = new Map<string, string>();
  private readonly diskQueue = new Map<string, vscode.Uri>();
  private draining = false;
  private run: vscode.CancellationTokenSource | undefined;
  private runDone: Promise<void> = Promise.resolve();
  private indexState: IndexState = { running: false, done: 0, total: 0 };
  private watcher: vscode.Disposable | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  private readonly skippedEmitter = new vscode.EventEmitter<void>();
  private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
  private disposed = false;

  /** Fires as indexing starts, advances and ends. */
  readonly onDidChangeIndexState = this.stateEmitter.event;
  /** Fires when the set of skipped files changes. */
  readonly onDidChangeSkipped = this.skippedEmitter.event;
  /** Fires with the corpus keys (URI strings) of documents that were analysed again or removed. */
  readonly onDidChangeCorpus = this.changeEmitter.event;

  constructor(
    readonly corpus: Corpus,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
  ) {
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

  /** Resolves when the current indexing run has finished (at once when none is running). */
  whenIndexed(): Promise<void> {
    return this.runDone;
  }

  /** True when `uri` names an article file under the current settings. */
  isArticle(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return this.matcher.matches(vscode.workspace.asRelativePath(uri, false));
  }

  /**
   * The analysis of an open document's current text, analysing it now if the corpus holds another
   * version. Undefined when the document is not an article, is too large, or cannot be analysed.
   */
  analyse(document: vscode.TextDocument): DocumentAnalysis | undefined {
    if (!this.isArticle(document.uri)) return undefined;
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    const limitKB = this.settings.value.maxFileSizeKB;
    const known = this.editorVersions.get(key);
    if (known && known.version === document.version && known.limitKB === limitKB) {
      // Known version: its analysis, or nothing when that version was skipped or could not be analysed.
      return this.corpus.document(key);
    }
    this.editorVersions.set(key, { version: document.version, limitKB });
    const text = document.getText();
    if (text.length > limitKB * 1024) {
      this.skip(key, `larger than ${limitKB} KB (crosswire.maxFileSizeKB)`);
      this.corpus.remove(key);
      return undefined;
    }
    this.unskip(key);
    const existing = this.corpus.document(key);
    if (existing && existing.text === text) return existing;
    return this.setSafely(key, text, document.version);
  }

  /** The analysis of an open document if it is an article, or of an indexed file by corpus key. */
  analysisOf(key: string): DocumentAnalysis | undefined {
    const open = this.openDocument(key);
    return open ? this.analyse(open) : this.corpus.document(key);
  }

  /** Drops what is known and indexes the workspace again. */
  reindex(): Promise<void> {
    this.run?.cancel();
    this.run?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.run = source;
    const done = this.index(source.token).catch((e: unknown) => this.log.error(`Indexing failed: ${describe(e)}`));
    this.runDone = done;
    return done;
  }

  dispose(): void {
    this.disposed = true;
    this.run?.cancel();
    this.run?.dispose();
    this.watcher?.dispose();
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    this.diskQueue.clear();
    for (const d of this.disposables) d.dispose();
  }

  private async index(token: vscode.CancellationToken): Promise<void> {
    const started = Date.now();
    this.setState({ running: true, done: 0, total: 0 });
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Crosswire' },
        async (progress) => {
          progress.report({ message: 'finding articles…' });
          const found = await vscode.workspace.findFiles(this.matcher.include, this.matcher.excludeGlob(), undefined, token);
          if (token.isCancellationRequested) return;
          const files = found.filter((u) => this.isArticle(u)).sort((a, b) => corpusKey(a).localeCompare(corpusKey(b)));
          const seen = new Set(files.map(corpusKey));
          for (const doc of this.corpus.documents()) {
            const open = this.openDocument(doc.uri);
            if (seen.has(doc.uri) || (open && this.isArticle(open.uri))) continue;
            this.editorVersions.delete(doc.uri);
            this.corpus.remove(doc.uri);
          }
          for (const key of [...this.skippedFiles.keys()]) if (!seen.has(key)) this.unskip(key);
          this.setState({ running: true, done: 0, total: files.length });
          for (const [i, uri] of files.entries()) {
            // One file per turn of the event loop, so the extension host stays responsive.
            await yieldToEventLoop();
            if (token.isCancellationRequested || this.disposed) return;
            await this.load(uri);
            this.setState({ running: true, done: i + 1, total: files.length });
            progress.report({ message: `indexing ${i + 1}/${files.length} articles` });
          }
          this.log.info(
            `Indexed ${files.length} article file(s) in ${Date.now() - started} ms` +
              (this.skippedFiles.size > 0 ? `, ${this.skippedFiles.size} skipped` : ''),
          );
        },
      );
    } finally {
      if (!token.isCancellationRequested) this.setState({ running: false, done: this.indexState.done, total: this.indexState.total });
    }
  }

  /** Reads one file from disk into the corpus, unless an editor holds it or it should be skipped. */
  private async load(uri: vscode.Uri): Promise<void> {
    const key = corpusKey(uri);
    const open = this.openDocument(key);
    if (open) {
      this.analyse(open);
      return;
    }
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.forget(key);
      return;
    }
    if (stat.type & vscode.FileType.Directory) return;
    const limitKB = this.settings.value.maxFileSizeKB;
    if (stat.size > limitKB * 1024) {
      this.skip(key, `larger than ${limitKB} KB (crosswire.maxFileSizeKB)`);
      this.corpus.remove(key);
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      this.log.warn(`Could not read ${vscode.workspace.asRelativePath(uri)}: ${describe(e)}`);
      this.corpus.remove(key);
      return;
    }
    const decoded = decodeArticle(bytes, { maxBytes: limitKB * 1024 });
    if (!decoded.ok) {
      this.skip(key, decoded.reason === 'binary' ? 'binary file, not text' : `larger than ${limitKB} KB (crosswire.maxFileSizeKB)`);
      this.corpus.remove(key);
      return;
    }
    this.unskip(key);
    // The document may have been opened while the file was read: its text wins.
    const reopened = this.openDocument(key);
    if (reopened) {
      this.analyse(reopened);
      return;
    }
    const text = decoded.text;
    if (this.corpus.document(key)?.text === text) return;
    this.setSafely(key, text, 0);
  }

  private setSafely(key: string, text: string, version: number): DocumentAnalysis | undefined {
    try {
      const analysis = this.corpus.set(key, text, version);
      this.reportedFailures.delete(key);
      return analysis;
    } catch (e) {
      const message = describe(e);
      if (this.reportedFailures.get(key) !== message) {
        this.reportedFailures.set(key, message);
        this.log.error(`Could not analyse ${this.display(key)}: ${message}`);
      }
      // An analysis of other text would put highlights and links in the wrong places.
      this.corpus.remove(key);
      return undefined;
    }
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.watcher = vscode.Disposable.from(
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
      if (!(stat.type & vscode.FileType.Directory)) return;
      const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), this.matcher.excludeGlob());
      for (const u of inside) if (this.isArticle(u)) this.enqueue(u);
    } catch {
      // Gone again before it could be read: nothing to index.
    }
  }

  private fileDeleted(uri: vscode.Uri): void {
    const key = corpusKey(uri);
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const doc of this.corpus.documents()) {
      if ((doc.uri === key || doc.uri.startsWith(prefix)) && !this.openDocument(doc.uri)) this.forget(doc.uri);
    }
    for (const skippedKey of [...this.skippedFiles.keys()]) {
      if (skippedKey === key || skippedKey.startsWith(prefix)) this.unskip(skippedKey);
    }
  }

  private enqueue(uri: vscode.Uri): void {
    this.diskQueue.set(corpusKey(uri), uri);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.diskQueue.size > 0 && !this.disposed) {
        await yieldToEventLoop();
        const [key, uri] = this.diskQueue.entries().next().value as [string, vscode.Uri];
        this.diskQueue.delete(key);
        await this.load(uri);
      }
    } finally {
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
        if (!document.isClosed) this.analyse(document);
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
    if (!this.editorVersions.delete(key)) return;
    // Unsaved edits are gone with the editor: what is on disk (if anything) counts again.
    if (document.uri.scheme === 'untitled') this.forget(key);
    else this.enqueue(document.uri);
  }

  private forget(key: string): void {
    this.unskip(key);
    this.reportedFailures.delete(key);
    this.corpus.remove(key);
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

function matcherFor(settings: Settings): ArticleMatcher {
  return new ArticleMatcher(settings.articles, settings.exclude);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
