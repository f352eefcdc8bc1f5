import { realpath } from 'node:fs/promises';
import * as vscode from 'vscode';
import { findArticleFilesAsync, readArticleFileAsync, type FindOptions, type ReadFailure } from '../core/files';
import { describe } from '../core/indexing/ledger';
import type { CancellationToken, Disposable, FileStat, HostEvent, IndexHost, ListedFile, Listing, LocalPath, OpenDocument } from '../core/indexing/host';
import { decodeArticle, type Decoded } from '../core/text/decode';
import { ArticleMatcher } from './present/articleMatcher';
import { corpusKey, uriOfKey } from './convert';
import type { Settings } from './present/settings';

/** An editor's document as the indexer sees it: its key, and its version, state and text read live. */
export function openDocumentOf(document: vscode.TextDocument): OpenDocument {
  return {
    key: corpusKey(document.uri),
    get version() {
      return document.version;
    },
    get isClosed() {
      return document.isClosed;
    },
    getText: () => document.getText(),
  };
}

/**
 * The workspace as the indexer reads it, through `vscode.workspace`: its folders, files, editors and
 * file events. Folders on disk are searched and read with the core's walk and reader, as the command
 * line does: no link is followed out of the workspace folders or back into a folder already searched
 * (however VS Code's search is set to follow links), FIFOs and devices are not read, and a file reached
 * by several paths is listed under one. Folders of other file systems go through VS Code's search and
 * `workspace.fs`. It reports no progress of its own: Crosswire's status item shows the indexer's state.
 */
export class WorkspaceHost implements IndexHost {
  private matcher: ArticleMatcher;
  /** Off in a workspace where Crosswire is not used: then no file is an article. */
  enabled = true;

  constructor(settings: Settings) {
    this.matcher = matcherFor(settings);
  }

  /** The settings' globs changed. */
  useSettings(settings: Settings): void {
    this.matcher = matcherFor(settings);
  }

  isArticle(key: string): boolean {
    if (!this.enabled) return false;
    const uri = uriOfKey(key);
    if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    return this.matcher.matches(vscode.workspace.asRelativePath(uri, false));
  }

  inWorkspace(key: string): boolean {
    const uri = uriOfKey(key);
    return uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  display(key: string): string {
    return vscode.workspace.asRelativePath(uriOfKey(key));
  }

  openDocument(key: string): OpenDocument | undefined {
    const document = vscode.workspace.textDocuments.find((d) => !d.isClosed && corpusKey(d.uri) === key);
    return document && openDocumentOf(document);
  }

  async list(token: CancellationToken): Promise<Listing> {
    if (!this.enabled) return { files: [], skipped: [], notes: [] };
    const folders = vscode.workspace.workspaceFolders ?? [];
    const found: ListedFile[] = [];
    const skipped: { key: string; reason: string }[] = [];
    const notes: { key: string; message: string }[] = [];
    const source = new vscode.CancellationTokenSource();
    const relay = token.onCancellationRequested(() => source.cancel());
    try {
      for (const folder of folders.filter((f) => f.uri.scheme !== 'file')) {
        const pattern = new vscode.RelativePattern(folder, this.matcher.include);
        for (const uri of await vscode.workspace.findFiles(pattern, this.matcher.excludeGlob(), undefined, source.token)) found.push({ key: corpusKey(uri) });
      }
    } finally {
      relay.dispose();
      source.dispose();
    }
    const local = folders.filter((f) => f.uri.scheme === 'file');
    if (local.length > 0) {
      const walk = await findArticleFilesAsync(local.map((f) => f.uri.fsPath), { ...this.walkOptions(), isCancelled: () => token.isCancellationRequested });
      for (const f of walk.files) found.push({ key: corpusKey(vscode.Uri.file(f.path)), local: { path: f.path, real: f.real } });
      for (const p of walk.problems) {
        const key = corpusKey(vscode.Uri.file(p.path));
        if (this.isArticle(key)) {
          const reason = p.message.replace(/^skipped, /, '').replace('the folders given', 'the workspace folders').replace(/, analysed once$/, ', indexed once');
          skipped.push({ key, reason });
        } else {
          notes.push({ key, message: p.message.replace('the folders given', 'the workspace folders') });
        }
      }
    }
    const files = found.filter((f) => this.isArticle(f.key)).sort((a, b) => a.key.localeCompare(b.key));
    return { files, skipped, notes };
  }

  async articlesUnder(key: string): Promise<readonly string[]> {
    const uri = uriOfKey(key);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      // A link to a folder leads out of the workspace, or to a folder indexed under its own path.
      if (!(stat.type & vscode.FileType.Directory) || stat.type & vscode.FileType.SymbolicLink) return [];
      if (uri.scheme === 'file') {
        // As the listing does: a folder moved in may hold link loops, or links out of the workspace.
        const found = await findArticleFilesAsync([uri.fsPath], this.walkOptions());
        return found.files.map((f) => corpusKey(vscode.Uri.file(f.path)));
      }
      const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), this.matcher.excludeGlob());
      return inside.map(corpusKey).filter((k) => this.isArticle(k));
    } catch {
      // Gone again before it could be read: nothing to index.
      return [];
    }
  }

  async stat(key: string): Promise<FileStat> {
    const stat = await vscode.workspace.fs.stat(uriOfKey(key));
    const type = stat.type & vscode.FileType.Directory ? 'directory' : stat.type & vscode.FileType.File ? 'file' : 'other';
    return { type, size: stat.size };
  }

  async localPath(key: string): Promise<LocalPath | undefined> {
    const uri = uriOfKey(key);
    if (uri.scheme !== 'file') return undefined;
    return { path: uri.fsPath, real: await realpath(uri.fsPath).catch(() => undefined) };
  }

  localRoots(): Promise<readonly string[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return Promise.all(folders.map((f) => realpath(f.uri.fsPath).catch(() => f.uri.fsPath)));
  }

  /**
   * Files on disk are read through the core's reader, which does not block on a FIFO and is bounded
   * however the file changes; files of other file systems through VS Code's.
   */
  async read(key: string, maxBytes: number, localPath?: string): Promise<Decoded | ReadFailure> {
    if (localPath !== undefined) return readArticleFileAsync(localPath, maxBytes);
    try {
      return decodeArticle(await vscode.workspace.fs.readFile(uriOfKey(key)), { maxBytes });
    } catch (e) {
      return { ok: false, reason: 'unreadable', message: describe(e) };
    }
  }

  onDidChange(listener: (e: HostEvent) => void): Disposable {
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) listener({ type: 'edited', document: openDocumentOf(e.document) });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => listener({ type: 'closed', document: openDocumentOf(d) })),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => listener({ type: 'deleted', key: corpusKey(uri) }))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => listener({ type: 'renamed', from: corpusKey(oldUri), to: corpusKey(newUri) }))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => listener({ type: 'folders' })),
    );
  }

  watch(listener: (e: HostEvent) => void): Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => listener({ type: 'created', key: corpusKey(uri) })),
      watcher.onDidChange((uri) => listener({ type: 'changed', key: corpusKey(uri) })),
      watcher.onDidDelete((uri) => listener({ type: 'deleted', key: corpusKey(uri) })),
    );
  }

  /** How the core's walk tells articles and left-out folders, by the settings' globs. */
  private walkOptions(): FindOptions {
    return {
      isArticle: (path) => this.isArticle(corpusKey(vscode.Uri.file(path))),
      skipFolder: (path) => this.matcher.excludesFolder(vscode.workspace.asRelativePath(vscode.Uri.file(path), false)),
      display: (path) => vscode.workspace.asRelativePath(vscode.Uri.file(path)),
    };
  }
}

function matcherFor(settings: Settings): ArticleMatcher {
  return new ArticleMatcher(settings.articles, settings.exclude);
}
