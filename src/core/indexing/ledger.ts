/**
 * Which analysis of each file is current, and what the corpus, the log and the persisted index hold
 * of it: every change of a document's place in the corpus goes through here, so a file is added by
 * `apply` and taken out by `drop`, and nowhere else.
 */
import { performance } from 'node:perf_hooks';
import type { Corpus, DocumentFacts } from '../corpus';
import type { ReadFailure } from '../files';
import { fileNameOf } from '../ids';
import type { Logger } from '../logger';
import type { Decoded } from '../text/decode';
import type { Emitter } from './events';
import { textHash } from './facts-cache';

/** Analyses one document's text off the caller's thread (the worker pool in the extension). */
export interface Analyzer {
  /** The full analysis (`analyzeText`); an urgent one (an open document) goes ahead of the indexing. */
  analyze(text: string, fileName: string, options?: { readonly urgent?: boolean; readonly quick?: boolean }): Promise<DocumentFacts>;
  /** Gets ready for many analyses (starts the threads), so they are ready when the entity pass starts. */
  warm?(): void;
}

/** Where full analyses are kept between starts, by key and a hash of the text (`FactsCache`). */
export interface FactsStore {
  /** The facts of the text with this hash, if kept. */
  get(key: string, hash: string, textLength: number): Promise<DocumentFacts | undefined>;
  put(key: string, hash: string, facts: DocumentFacts): void;
  delete(key: string): void;
  /** Forgets every entry but those of `keep`. */
  prune(keep: Iterable<string>): Promise<void>;
}

/**
 * Told what became of each file, for a caller that reports it in its own words (the command line);
 * the log says the same in the extension's.
 */
export interface FileOutcomes {
  /** A file was read and decoded, or was not read, and why. */
  read(key: string, read: Decoded | ReadFailure): void;
  /** A file could not be analysed, and is left out of the corpus. */
  failed(key: string, message: string): void;
}

/** What the indexer did, for tests and the log. */
export interface Counts {
  /** Documents analysed by the analyser (not taken from the persisted index). */
  analysed: number;
  /** Documents whose facts came from the persisted index. */
  reused: number;
  /** Analyses whose result was dropped because the text had changed again, or the file had gone. */
  dropped: number;
  /** Longest time one document took to join the corpus (`Corpus.setFacts`) on this thread, in ms. */
  longestApplyMs: number;
  /** Documents given their quotes by the quick pass (before their entities). */
  quick: number;
}

export class Ledger {
  /** Per document, the token of the latest analysis started: an older one's result is dropped. */
  private readonly latest = new Map<string, number>();
  private tokens = 0;
  /**
   * Documents of the corpus that hold the quick pass's facts, whose entities are still to come. Their
   * texts are the corpus's, kept compact there, and not held a second time as strings here.
   */
  readonly awaiting = new Set<string>();
  /** Files left out of the corpus, with the reason. */
  readonly skipped = new Map<string, string>();
  /** Files analysed only in part, with what was left out (`noteBounds`). */
  readonly bounds = new Map<string, string>();
  /** Analysis failures already logged, so a broken file is reported once, not on every keystroke. */
  private readonly failures = new Map<string, string>();
  readonly counts: Counts = { analysed: 0, reused: 0, dropped: 0, longestApplyMs: 0, quick: 0 };
  disposed = false;

  constructor(
    readonly corpus: Corpus,
    readonly analyzer: Analyzer,
    private readonly log: Logger,
    private readonly display: (key: string) => string,
    readonly cache: FactsStore | undefined,
    private readonly skippedChanged: Emitter<void>,
    private readonly corpusChanged: Emitter<readonly string[]>,
    readonly outcomes: FileOutcomes | undefined,
  ) {}

  /** Analyses under way. */
  get inFlight(): number {
    return this.latest.size;
  }

  /** Starts an analysis of `key`: any earlier one under way is superseded. */
  begin(key: string): number {
    const token = ++this.tokens;
    this.latest.set(key, token);
    return token;
  }

  /** True when `token` is still the latest analysis of `key`; it is then no longer under way. */
  finish(key: string, token: number): boolean {
    if (this.latest.get(key) !== token) return false;
    this.latest.delete(key);
    return true;
  }

  /** Drops the analysis under way for `key`, if any: its result will not be applied. */
  invalidate(key: string): void {
    this.latest.delete(key);
  }

  /** Forgets every analysis under way. */
  clear(): void {
    this.latest.clear();
  }

  /**
   * Adds a document's facts to the corpus; false when they could not be added. `quotesOnly` marks the
   * quick pass's facts, which the full analysis is still to replace; `complete` is false for a step of
   * a long article still joining. The document's analysis is built when something asks for it.
   */
  apply(key: string, text: string, facts: DocumentFacts, version: number, quotesOnly = false, complete = true): boolean {
    try {
      // Known before the corpus announces the change, so listeners see whether entities are still to come.
      if (quotesOnly) this.awaiting.add(key);
      else this.awaiting.delete(key);
      const started = performance.now();
      this.corpus.add(key, text, facts, version);
      this.counts.longestApplyMs = Math.max(this.counts.longestApplyMs, performance.now() - started);
      this.failures.delete(key);
      if (complete) this.noteBounds(key);
      return true;
    } catch (e) {
      this.failed(key, e);
      return false;
    }
  }

  /**
   * Takes `key` out of the corpus. When the file itself is `gone`, everything known of it goes too:
   * its analysis under way, why it was skipped, its failure and its persisted facts. With `notify`,
   * listeners hear of it even when the corpus did not hold it (an editor waiting for its analysis).
   */
  drop(key: string, { gone = false, notify = false } = {}): void {
    if (gone) {
      this.invalidate(key);
      this.unskip(key);
      this.failures.delete(key);
      if (this.corpus.has(key)) this.cache?.delete(key);
    }
    this.awaiting.delete(key);
    this.forgetBounds(key);
    if (this.corpus.has(key)) this.corpus.remove(key);
    else if (notify) this.corpusChanged.fire([key]);
  }

  /** The hash the persisted index keeps a text's facts under ('' without one). */
  hashOf(text: string): string {
    return this.cache ? textHash(text) : '';
  }

  /** The facts of a text: from the persisted index when it has them, else from the analyser. */
  async factsFor(key: string, text: string, urgent: boolean): Promise<DocumentFacts> {
    const hash = this.hashOf(text);
    const cached = await this.cached(key, text, hash);
    return cached ?? this.analyseFully(key, text, hash, urgent);
  }

  /** The facts the persisted index holds for this text, if any. */
  async cached(key: string, text: string, hash: string): Promise<DocumentFacts | undefined> {
    const cached = await this.cache?.get(key, hash, text.length);
    if (cached) this.counts.reused++;
    return cached;
  }

  /** The full analysis of a text by the analyser, kept in the persisted index. */
  async analyseFully(key: string, text: string, hash: string, urgent: boolean): Promise<DocumentFacts> {
    const facts = await this.analyzer.analyze(text, fileNameOf(key), { urgent });
    this.counts.analysed++;
    this.cache?.put(key, hash, facts);
    return facts;
  }

  /** Logs a failed analysis of a document, once per message. */
  report(key: string, e: unknown): void {
    if (this.disposed) return;
    const message = describe(e);
    if (this.failures.get(key) !== message) {
      this.failures.set(key, message);
      this.log.error(`Could not analyse ${this.display(key)}: ${message}`);
    }
  }

  /** Logs a failed analysis and drops the document: an analysis of other text would misplace highlights. */
  failed(key: string, e: unknown): void {
    if (this.disposed) return;
    this.outcomes?.failed(key, describe(e));
    this.report(key, e);
    this.drop(key);
  }

  /** Lets a document's next failure be logged again (its editor closed). */
  forgetFailure(key: string): void {
    this.failures.delete(key);
  }

  skip(key: string, reason: string): void {
    if (this.skipped.get(key) === reason) return;
    this.skipped.set(key, reason);
    this.log.warn(`Skipped ${this.display(key)}: ${reason}`);
    this.skippedChanged.fire();
  }

  unskip(key: string): void {
    if (this.skipped.delete(key)) this.skippedChanged.fire();
  }

  /** Says once in the log what the analysis of an unusual file left out, and again only when that changes. */
  private noteBounds(key: string): void {
    const notes = this.corpus.notesOf(key).join('; ');
    if (notes === (this.bounds.get(key) ?? '')) return;
    if (notes) {
      this.bounds.set(key, notes);
      this.log.warn(`${this.display(key)}: ${notes}`);
      this.skippedChanged.fire();
    } else {
      this.forgetBounds(key);
    }
  }

  private forgetBounds(key: string): void {
    if (this.bounds.delete(key)) this.skippedChanged.fire();
  }
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
