/**
 * Reading an article file for the index: the size limit (in bytes, the one rule of `text/size`), only
 * regular files, no link out of the workspace folders, one path per file on a local disk, and the
 * decoding said once in the log.
 */
import { isInside, openFailure, type ReadFailure } from '../files';
import type { Logger } from '../logger';
import { describeDecoding, type Decoded } from '../text/decode';
import { kibibytes, overLimit, textOverLimit, tooLargeMessage } from '../text/size';
import type { IndexHost, ListedFile } from './host';
import type { Ledger } from './ledger';

/** The size above which an article is skipped, in the settings' unit (KB) and in bytes. */
export interface SizeLimit {
  readonly kb: number;
  readonly bytes: number;
}

export function sizeLimit(kb: number): SizeLimit {
  return { kb, bytes: kibibytes(kb) };
}

/** Why a file over the size limit is skipped. */
export function tooLarge(limit: SizeLimit): string {
  return `larger than ${limit.kb} KB (crosswire.maxFileSizeKB)`;
}

/** True when an editor's text is over the limit: its UTF-8 bytes count, as a file's stored bytes do. */
export function textTooLarge(text: string, limit: SizeLimit): boolean {
  return textOverLimit(text, limit.bytes);
}

export class ArticleReader {
  /** Which document a real file on disk is indexed as (and under which path), so a second path to it is skipped. */
  private readonly realOwners = new Map<string, { readonly key: string; readonly path: string }>();
  /** The real paths of the workspace folders on disk, found again at each indexing run. */
  private roots: Promise<readonly string[]> | undefined;
  /** How each file was decoded when that is worth saying (Windows-1252, replaced bytes), said once. */
  private readonly decodingNotes = new Map<string, string>();

  constructor(
    private readonly host: IndexHost,
    private readonly ledger: Ledger,
    private readonly log: Logger,
  ) {}

  /** A new listing: the folders' real paths are found again, and the files' owners are those listed. */
  listed(files: readonly ListedFile[]): void {
    this.roots = undefined;
    this.realOwners.clear();
    for (const f of files) if (f.local) this.realOwners.set(f.local.real, { key: f.key, path: f.local.path });
  }

  /**
   * The text of an article file, or undefined (and the corpus updated) when it is gone or skipped.
   * Only regular files are read (not FIFOs or devices), their size is checked before reading, and no
   * more than the size limit is read.
   */
  async read(key: string, limit: SizeLimit): Promise<string | undefined> {
    let stat;
    try {
      stat = await this.host.stat(key);
    } catch (e) {
      this.ledger.outcomes?.read(key, openFailure(e));
      this.ledger.drop(key, { gone: true });
      return undefined;
    }
    if (stat.type === 'directory') return undefined;
    let decoded: Decoded | ReadFailure;
    if (stat.type !== 'file') {
      decoded = { ok: false, reason: 'not-a-file', message: 'not a regular file (a named pipe, a device or a socket)' };
    } else if (overLimit(stat.size, limit.bytes)) {
      decoded = { ok: false, reason: 'too-large', message: tooLargeMessage(stat.size, limit.bytes) };
    } else {
      const local = await this.host.localPath?.(key);
      const at = local && (await this.realPathOf(key, local.path, local.real));
      if (local && at === undefined) {
        this.ledger.drop(key);
        return undefined;
      }
      decoded = await this.host.read(key, limit.bytes, at);
    }
    this.ledger.outcomes?.read(key, decoded);
    if (!decoded.ok) {
      if (decoded.reason === 'unreadable') this.log.warn(`Could not read ${this.host.display(key)}: ${decoded.message}`);
      else this.ledger.skip(key, decoded.reason === 'binary' ? 'binary file, not text' : decoded.reason === 'too-large' ? tooLarge(limit) : decoded.message);
      this.ledger.drop(key);
      return undefined;
    }
    this.ledger.unskip(key);
    const note = describeDecoding(decoded);
    if (note !== this.decodingNotes.get(key)) {
      if (note) this.decodingNotes.set(key, note);
      else this.decodingNotes.delete(key);
      if (note) this.log.info(`Read ${this.host.display(key)}: ${note}`);
    }
    return decoded.text;
  }

  /**
   * Where a file on disk really is, or undefined (with the file skipped) when it is not to be read: a
   * link out of every workspace folder, or another path to a file indexed under its own path.
   */
  private async realPathOf(key: string, path: string, real: string | undefined): Promise<string | undefined> {
    if (real === undefined) return path;
    this.roots ??= this.host.localRoots?.() ?? Promise.resolve([]);
    const roots = await this.roots;
    if (roots.length > 0 && !isInside(real, roots)) {
      this.ledger.skip(key, 'a link out of the workspace folders, not followed');
      return undefined;
    }
    const owner = this.realOwners.get(real);
    if (owner !== undefined && owner.key !== key && this.ledger.corpus.has(owner.key)) {
      // As the listing chooses (`oneEntryPerFile`): the file's own path wins over a link's.
      if (path !== real || owner.path === real) {
        this.ledger.skip(key, `the same file as ${this.host.display(owner.key)}, indexed once`);
        return undefined;
      }
      this.ledger.drop(owner.key);
      this.ledger.skip(owner.key, `the same file as ${this.host.display(key)}, indexed once`);
    }
    this.realOwners.set(real, { key, path });
    return real;
  }
}
