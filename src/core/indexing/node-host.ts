import { stat } from 'node:fs/promises';
import { readArticleFileAsync, type ReadFailure } from '../files';
import type { Decoded } from '../text/decode';
import type { FileStat, IndexHost, Listing, OpenDocument } from './host';

/** A file of the local disk and the key its document has in the corpus. */
export interface NodeFile {
  readonly key: string;
  readonly path: string;
}

/**
 * Article files of the local disk, read with `node:fs` through the core's reader (regular files only,
 * at most the size limit), indexed in the order given. No editors and no file events: what is
 * indexed is what the files hold when they are read.
 */
export class NodeFsHost implements IndexHost {
  private readonly paths: ReadonlyMap<string, string>;

  constructor(private readonly files: readonly NodeFile[]) {
    this.paths = new Map(files.map((f) => [f.key, f.path]));
  }

  async list(): Promise<Listing> {
    return { files: this.files.map((f) => ({ key: f.key })), skipped: [], notes: [] };
  }

  async articlesUnder(): Promise<readonly string[]> {
    return [];
  }

  async stat(key: string): Promise<FileStat> {
    const s = await stat(this.pathOf(key));
    return { type: s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other', size: s.size };
  }

  read(key: string, maxBytes: number): Promise<Decoded | ReadFailure> {
    return readArticleFileAsync(this.pathOf(key), maxBytes);
  }

  openDocument(): OpenDocument | undefined {
    return undefined;
  }

  isArticle(key: string): boolean {
    return this.paths.has(key);
  }

  inWorkspace(key: string): boolean {
    return this.paths.has(key);
  }

  display(key: string): string {
    return key;
  }

  private pathOf(key: string): string {
    const path = this.paths.get(key);
    if (path === undefined) throw new Error(`not a file of this folder: ${key}`);
    return path;
  }
}
