/**
 * The persisted index: what `analyzeText` found in each article, kept in the extension's own storage
 * so that a second start of the same workspace analyses only the files that changed. No `vscode`: the
 * folder is reached through `CacheFolder`, so the cache is unit-tested with an in-memory one.
 *
 * One small JSON file per article, named after a hash of its URI, holds the URI, a hash of the text
 * the facts were computed from, the cache format and the analyser's fingerprint. An entry is used
 * only when all four match; anything else (a partial write, hand edits, an older format or analyser)
 * is discarded and the article analysed again. Writes go to a temporary file in the same folder that
 * is then renamed over the entry, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import type { DocumentFacts } from '../corpus';
import type { Logger } from '../logger';

/** Bumped whenever the layout of an entry changes. */
export const CACHE_FORMAT = 1;

/** The folder the cache lives in, by file name. */
export interface CacheFolder {
  /** The file's bytes, or undefined when there is no such file. */
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, data: Uint8Array): Promise<void>;
  /** Moves `from` over `to`, replacing it. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; no error when it is missing. */
  remove(name: string): Promise<void>;
  /** Names of the files in the folder (empty when the folder does not exist yet). */
  list(): Promise<string[]>;
}

/** A fast, stable hash of an article's text (SHA-1, hex). */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The entry file of a document. */
export function entryName(uri: string): string {
  return `${createHash('sha1').update(uri).digest('hex').slice(0, 24)}.json`;
}

interface Entry {
  readonly format: number;
  readonly analyzer: string;
  readonly uri: string;
  readonly hash: string;
  readonly facts: DocumentFacts;
}

/** What the cache did since it was created. */
export interface FactsCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly discarded: number;
  readonly written: number;
}

export interface FactsCacheOptions {
  /** Identifies the analyser: entries written by another one are outdated. */
  readonly analyzer: string;
  /** How long writes wait for more writes. */
  readonly debounceMs?: number;
  /** Writes wait at most this long, however busy indexing keeps the cache. */
  readonly maxDelayMs?: number;
}

/** Why an entry was not used. */
type Rejection = 'corrupt' | 'outdated';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class FactsCache {
  private readonly pending = new Map<string, Entry | null>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPending = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly reported = new Set<Rejection>();
  private counts = { hits: 0, misses: 0, discarded: 0, written: 0 };
  private tempSerial = 0;
  private writeFailureLogged = false;
  private closed = false;

  constructor(
    private readonly folder: CacheFolder,
    private readonly log: Logger,
    private readonly options: FactsCacheOptions,
  ) {}

  get stats(): FactsCacheStats {
    return { ...this.counts };
  }

  /**
   * The facts cached for `uri` when they were computed from text with this hash and fit a text of
   * `textLength` characters; undefined otherwise (the caller analyses the text and calls `put`).
   */
  async get(uri: string, hash: string, textLength: number): Promise<DocumentFacts | undefined> {
    const name = entryName(uri);
    const waiting = this.pending.get(name);
    if (waiting !== undefined) {
      if (waiting && waiting.uri === uri && waiting.hash === hash) return this.hit(waiting.facts);
      this.counts.misses++;
      return undefined;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.folder.read(name);
    } catch {
      bytes = undefined;
    }
    if (!bytes) {
      this.counts.misses++;
      return undefined;
    }
    const entry = parseEntry(bytes);
    if (!entry) return this.reject('corrupt', name);
    if (entry.format !== CACHE_FORMAT || entry.analyzer !== this.options.analyzer) return this.reject('outdated', name);
    // Another document whose name hashes alike, or another text: a plain miss.
    if (entry.uri !== uri || entry.hash !== hash) {
      this.counts.misses++;
      return undefined;
    }
    if (!factsFit(entry.facts, textLength)) return this.reject('corrupt', name);
    return this.hit(entry.facts);
  }

  /** Remembers the facts of `uri`'s text; written to disk after a short delay. */
  put(uri: string, hash: string, facts: DocumentFacts): void {
    this.schedule(entryName(uri), { format: CACHE_FORMAT, analyzer: this.options.analyzer, uri, hash, facts });
  }

  /** Forgets `uri` (deleted, or no longer an article). */
  delete(uri: string): void {
    this.schedule(entryName(uri), null);
  }

  /** Deletes every entry except those of `keep` (the articles of a complete index run). */
  async prune(keep: Iterable<string>): Promise<void> {
    const wanted = new Set([...keep].map(entryName));
    for (const name of await this.folder.list().catch(() => [] as string[])) {
      if (this.closed) return;
      // Temporary files are being written now, or were left by a crash and get overwritten.
      if (!name.endsWith('.json') || wanted.has(name) || this.pending.has(name)) continue;
      await this.folder.remove(name).catch(() => undefined);
    }
  }

  /** Writes what is waiting now. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.writeAll(batch));
    return this.flushing;
  }

  /** Writes what is waiting and stops writing. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private hit(facts: DocumentFacts): DocumentFacts {
    this.counts.hits++;
    return facts;
  }

  private reject(reason: Rejection, name: string): undefined {
    this.counts.discarded++;
    this.counts.misses++;
    if (!this.reported.has(reason)) {
      this.reported.add(reason);
      this.log.warn(
        reason === 'corrupt'
          ? `The index cache holds unreadable entries (such as ${name}); they are discarded and the articles analysed again.`
          : `The index cache was written by another version of Crosswire; it is discarded and rebuilt.`,
      );
    }
    this.schedule(name, null);
    return undefined;
  }

  private schedule(name: string, entry: Entry | null): void {
    if (this.closed) return;
    if (this.pending.size === 0) this.firstPending = Date.now();
    this.pending.set(name, entry);
    const debounce = this.options.debounceMs ?? 1000;
    const waited = Date.now() - this.firstPending;
    const delay = Math.max(0, Math.min(debounce, (this.options.maxDelayMs ?? 5000) - waited));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /**
   * Writes each entry of a batch on its own: one that fails (a full disk, a name the folder refuses)
   * leaves no temporary file behind and does not keep the others from being written. Failures are
   * logged once, until a batch is written whole again.
   */
  private async writeAll(batch: readonly [string, Entry | null][]): Promise<void> {
    let failed = 0;
    let firstError = '';
    for (const [name, entry] of batch) {
      if (this.closed) return;
      const temp = entry === null ? undefined : `${name}.${process.pid}-${++this.tempSerial}.tmp`;
      try {
        if (temp === undefined) {
          await this.folder.remove(name);
          continue;
        }
        await this.folder.write(temp, encoder.encode(JSON.stringify(entry)));
        await this.folder.rename(temp, name);
        this.counts.written++;
      } catch (e) {
        if (temp !== undefined) await this.folder.remove(temp).catch(() => undefined);
        if (failed++ === 0) firstError = e instanceof Error ? e.message : String(e);
      }
    }
    if (failed === 0) {
      this.writeFailureLogged = false;
    } else if (!this.writeFailureLogged) {
      this.writeFailureLogged = true;
      this.log.warn(
        `Could not write ${failed} of ${batch.length} index cache entr${batch.length === 1 ? 'y' : 'ies'} (${firstError}); ` +
          'those articles will be analysed again on the next start.',
      );
    }
  }
}

function parseEntry(bytes: Uint8Array): Entry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const e = value as Partial<Entry>;
  if (typeof e.format !== 'number' || typeof e.analyzer !== 'string' || typeof e.uri !== 'string' || typeof e.hash !== 'string') {
    return undefined;
  }
  if (!e.facts || typeof e.facts !== 'object') return undefined;
  return e as Entry;
}

const isSpan = (s: unknown, length: number): boolean => {
  if (!s || typeof s !== 'object') return false;
  const { start, end } = s as { start?: unknown; end?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number) && (start as number) <= (end as number) && (end as number) <= length;
};

/** The facts have the shape `analyzeText` gives, with every span inside a text of `length` characters. */
function factsFit(facts: DocumentFacts, length: number): boolean {
  const f = facts as Partial<Record<keyof DocumentFacts, unknown>>;
  if (typeof f.title !== 'string' || (f.source !== null && typeof f.source !== 'string')) return false;
  const { paragraphs, quotes, speakers, mentions } = f;
  if (!Array.isArray(paragraphs) || !Array.isArray(quotes) || !Array.isArray(speakers) || !Array.isArray(mentions)) return false;
  if (speakers.length !== quotes.length) return false;
  if (!paragraphs.every((p) => isSpan(p, length))) return false;
  if (!mentions.every((m) => isSpan(m, length) && typeof (m as { text?: unknown }).text === 'string')) return false;
  const speakerFits = (s: unknown): boolean => {
    if (s === null) return true;
    const { name, span, mention } = (s ?? {}) as { name?: unknown; span?: unknown; mention?: unknown };
    const mentionOk = mention === null || (Number.isInteger(mention) && (mention as number) >= 0 && (mention as number) < mentions.length);
    return typeof name === 'string' && isSpan(span, length) && mentionOk;
  };
  if (!speakers.every(speakerFits)) return false;
  return quotes.every(
    (q) => isSpan(q, length) && isSpan((q as { outer?: unknown }).outer, length) && typeof (q as { text?: unknown }).text === 'string',
  );
}
