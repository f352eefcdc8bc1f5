/**
 * What the indexer needs of the place the articles live, so the same indexing code runs in the
 * extension (over `vscode.workspace.fs` and its editors), on the command line and in the benchmark
 * (over `node:fs`) and in tests (over a map in memory). Files are named by key, the corpus's name of a document (the
 * extension uses URI strings); the host alone knows what a key means.
 */
import type { Decoded } from '../text/decode';
import type { ReadFailure } from '../files';

/** Something to stop: a subscription, a watcher. */
export interface Disposable {
  dispose(): void;
}

/** Whether a piece of work is still wanted. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  /** Calls `listener` once, when the work is cancelled. */
  onCancellationRequested(listener: () => void): Disposable;
}

/** A document open in an editor, whose text wins over the file's. The properties are read live. */
export interface OpenDocument {
  readonly key: string;
  /** Goes up with every change of the text. */
  readonly version: number;
  readonly isClosed: boolean;
  getText(): string;
}

/** What a key names, as far as reading it goes. */
export interface FileStat {
  readonly type: 'file' | 'directory' | 'other';
  /** Bytes as stored. */
  readonly size: number;
}

/** A file of a local disk, for the files reached by several paths or through links. */
export interface LocalPath {
  /** The path the key names. */
  readonly path: string;
  /** The path with every link resolved; undefined when it cannot be resolved. */
  readonly real: string | undefined;
}

/** An article file found by the listing. */
export interface ListedFile {
  readonly key: string;
  /** For a file on a local disk: the path it was found under and its real path. */
  readonly local?: { readonly path: string; readonly real: string };
}

/** The article files of the workspace, in the order to index them, and what the listing left out. */
export interface Listing {
  readonly files: readonly ListedFile[];
  /** Article files left out as they were found, with the reason. */
  readonly skipped: readonly { readonly key: string; readonly reason: string }[];
  /** Other paths the listing did not follow (links, folders), with why: logged once each. */
  readonly notes: readonly { readonly key: string; readonly message: string }[];
}

/** Something that happened to the workspace's files or editors. */
export type HostEvent =
  | { readonly type: 'created' | 'changed' | 'deleted'; readonly key: string }
  | { readonly type: 'renamed'; readonly from: string; readonly to: string }
  | { readonly type: 'edited' | 'closed'; readonly document: OpenDocument }
  /** The set of workspace folders changed: everything is listed again. */
  | { readonly type: 'folders' };

export interface IndexHost {
  /** Lists the article files. */
  list(token: CancellationToken): Promise<Listing>;
  /** The article files inside a folder that appeared (moved or copied in); empty for anything else. */
  articlesUnder(key: string): Promise<readonly string[]>;
  /** Throws when there is no such file. */
  stat(key: string): Promise<FileStat>;
  /** Where a file of a local disk is, for the checks on links; undefined for other files. */
  localPath?(key: string): Promise<LocalPath | undefined>;
  /** The real paths of the workspace folders on a local disk (a file outside them is not read). */
  localRoots?(): Promise<readonly string[]>;
  /**
   * Reads and decodes at most `maxBytes` of a file, from `localPath` when one is given. Failures are
   * returned, not thrown.
   */
  read(key: string, maxBytes: number, localPath?: string): Promise<Decoded | ReadFailure>;
  /** The editor holding `key`, if any. */
  openDocument(key: string): OpenDocument | undefined;
  /** True when `key` names an article under the current settings. */
  isArticle(key: string): boolean;
  /** True when `key` is a file of the workspace (not an untitled document or a file opened from elsewhere). */
  inWorkspace(key: string): boolean;
  /** How a file is named in the log. */
  display(key: string): string;
  /** Events about editors and file operations. */
  onDidChange?(listener: (e: HostEvent) => void): Disposable;
  /** Starts watching the files on disk. */
  watch?(listener: (e: HostEvent) => void): Disposable;
  /** Shows that an indexing run is under way while `task` runs; `report` says how far it has got. */
  withProgress?<T>(task: (report: (message: string) => void) => Promise<T>): Promise<T>;
}
