/**
 * One file's turn in each pass of an indexing run (`passes.ts` orders the turns): read it, find its
 * quotes or take its facts from the persisted index, then recognise its entities; a turn finding that
 * an editor opened the file, or that its text changed, leaves the file to the newer state.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DocumentFacts } from '../corpus';
import { fileNameOf } from '../ids';
import { QUICK_PASS_ON_CALLER_MAX_CHARS, quoteFacts } from '../first-pass';
import { warmUpSteps } from '../warm-up';
import type { EditorAnalyses } from './editors';
import type { CancellationToken, IndexHost } from './host';
import type { Ledger } from './ledger';
import { NO_STEP, twoPasses, yieldToEventLoop, type IndexPhase, type Step } from './passes';
import { sizeLimit, type ArticleReader } from './reading';
import { quoteSteps } from './steps';

/** Longest run of work on the host's thread before letting other work in. */
export const SLICE_MS = 8;
/**
 * Files read at once while their quotes are found: reading (and the persisted index) is waiting on
 * the disk, and a file's text is held only until its quotes are in the corpus.
 */
const READ_WINDOW = 32;
/**
 * From how many files changed at once (a folder copied in) their quotes come first; fewer are
 * analysed in full straight away, sparing a second redraw of the views.
 */
const QUICK_PASS_MIN_FILES = 8;

/**
 * A file whose full analysis is still to come. Its text is read from the corpus when its turn comes: a
 * folder's texts are held there, compact, rather than as strings in the entity pass's queue.
 */
interface AwaitingEntities {
  readonly key: string;
}

export interface RunOptions {
  /** Full analyses started at once while indexing; more keep the workers busy, fewer hold less text. */
  readonly window: number;
  /** Cores of the machine (`availableParallelism()` when not given). */
  readonly cores?: number;
  /** Finds a text's quotes on this thread, in the quick pass (`quoteFacts`; the benchmark times it). */
  readonly findQuotes?: (text: string, fileName: string) => DocumentFacts;
  /**
   * Whether the host's thread is kept responsive while indexing (true when not given): many files then
   * get their quotes first and their entities after, and a long article's quotes join the corpus a few
   * at a time. Off where nothing waits on the thread (the command line): each file is analysed once,
   * in full, and joins the corpus in one step, as if the files were added one by one.
   */
  readonly responsive?: boolean;
}

export class IndexRuns {
  /** Whether the quick pass and the resolver have been run once on samples (`warmUpSteps`). */
  private warmedUp = false;

  constructor(
    private readonly host: IndexHost,
    private readonly ledger: Ledger,
    private readonly reader: ArticleReader,
    private readonly editors: EditorAnalyses,
    private readonly limitKB: () => number,
    private readonly options: RunOptions,
  ) {}

  /**
   * Reads and adds files, a few at a time so the workers stay busy, applying them to the corpus in the
   * order given: every file's quotes first (or its full facts from the persisted index), then the
   * entities of those that still need them. A handful of files is analysed in full at once. False
   * when cancelled.
   */
  async loadAll(keys: readonly string[], token: CancellationToken, onProgress?: (phase: IndexPhase, done: number, total: number) => void): Promise<boolean> {
    const quick = this.options.responsive !== false && keys.length >= QUICK_PASS_MIN_FILES;
    if (quick && !this.warmedUp) {
      this.warmedUp = true;
      for (const step of warmUpSteps()) {
        step();
        await yieldToEventLoop();
      }
    }
    const window = this.options.window;
    return twoPasses(keys, (key) => this.firstStep(key, token, quick), (pending) => this.entityStep(pending, token), {
      window: READ_WINDOW,
      entityWindow: window,
      // Analyses start early only on cores beyond those the host's thread and the editor need: on two
      // cores they would slow the quotes pass more than they speed the entities.
      earlyAnalyses: Math.max(0, Math.min(window, (this.options.cores ?? availableParallelism()) - 2)),
      sliceMs: SLICE_MS,
      isCancelled: () => token.isCancellationRequested || this.ledger.disposed,
      onProgress,
    });
  }

  /**
   * Reads one file; its turn adds it to the corpus with its quotes (or the persisted index's full facts)
   * and hands it on to the entity pass when its entities are still to come. Nothing is done when an
   * editor holds the file (the editor's text is analysed in full), or when it is skipped, gone or unchanged.
   */
  private async firstStep(key: string, token: CancellationToken, quick: boolean): Promise<Step<AwaitingEntities>> {
    const ledger = this.ledger;
    if (token.isCancellationRequested) return NO_STEP;
    const open = this.host.openDocument(key);
    if (open) return { apply: () => void this.editors.analyse(open), abandon() {} };
    const text = await this.reader.read(key, sizeLimit(this.limitKB()));
    if (text === undefined || token.isCancellationRequested) return NO_STEP;
    if (ledger.corpus.text(key) === text) {
      // Known already; its entities may still be missing (a run cancelled during the entity pass).
      if (!ledger.awaiting.has(key)) return NO_STEP;
      return { apply: () => (ledger.awaiting.has(key) ? { key } : undefined), abandon() {} };
    }
    const token0 = ledger.begin(key);
    const abandon = (): void => void ledger.finish(key, token0);
    const hash = ledger.hashOf(text);
    let cached = await ledger.cached(key, text, hash);
    let found: DocumentFacts | undefined;
    if (!cached) {
      try {
        if (!quick) cached = await ledger.analyseFully(key, text, hash, false);
        // Finding the quotes of a long text takes longer than a slice of the host's thread.
        else if (text.length > QUICK_PASS_ON_CALLER_MAX_CHARS) found = await ledger.analyzer.analyze(text, fileNameOf(key), { quick: true });
      } catch (e) {
        return {
          apply: () => {
            if (ledger.finish(key, token0)) ledger.failed(key, e);
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
        ledger.counts.quick++;
        // Entities come next: the threads load the analyser while the quotes are found.
        ledger.analyzer.warm?.();
        const facts = found ?? (this.options.findQuotes ?? quoteFacts)(text, fileNameOf(key));
        return this.applyInSlices(key, text, facts, true).then(() => (ledger.awaiting.has(key) ? { key } : undefined));
      },
      abandon,
    };
  }

  /**
   * Ends the analysis `token` of a file and says whether its result is moot: a later analysis started,
   * or an editor opened the file (which is then analysed from the editor's text).
   */
  private superseded(key: string, token: number): boolean {
    const reopened = this.host.openDocument(key);
    if (this.ledger.finish(key, token) && !reopened) return false;
    this.ledger.counts.dropped++;
    if (reopened) void this.editors.analyse(reopened);
    return true;
  }

  /**
   * The full analysis of a file the first pass handed on, from the text the corpus holds for it (the
   * latest its quotes were found in), unless it was opened, removed or analysed in full since.
   */
  private async entityStep({ key }: AwaitingEntities, token: CancellationToken): Promise<Step<never>> {
    const ledger = this.ledger;
    if (token.isCancellationRequested) return NO_STEP;
    const open = this.host.openDocument(key);
    if (open) return { apply: () => void this.editors.analyse(open), abandon() {} };
    const text = ledger.awaiting.has(key) ? ledger.corpus.text(key) : undefined;
    if (text === undefined) return NO_STEP;
    const hash = ledger.hashOf(text);
    const analysis = ledger.begin(key);
    const abandon = (): void => void ledger.finish(key, analysis);
    let facts: DocumentFacts;
    try {
      facts = await ledger.analyseFully(key, text, hash, false);
    } catch (e) {
      return {
        apply: () => {
          if (!ledger.finish(key, analysis)) return undefined;
          // The quotes found in this very text stay; only the entities are missing.
          if (ledger.awaiting.has(key) && ledger.corpus.text(key) === text) ledger.report(key, e);
          else ledger.failed(key, e);
          return undefined;
        },
        abandon,
      };
    }
    return {
      apply: () => {
        if (this.superseded(key, analysis)) return undefined;
        ledger.apply(key, text, facts, 0);
        return undefined;
      },
      abandon,
    };
  }

  /**
   * Adds a file's facts as `Ledger.apply` does, but (when the thread is kept responsive) a long
   * article's quotes a few at a time, letting the event loop run between slices: linking hundreds of
   * new quotes at once would hold the host's thread for far longer than a slice. Every step is a
   * consistent corpus (the first quotes of the article); a step finding that an editor opened the
   * file, or its text changed, stops, the newer state winning.
   */
  private async applyInSlices(key: string, text: string, facts: DocumentFacts, quotesOnly: boolean): Promise<void> {
    let slice = performance.now();
    for (const step of this.options.responsive === false ? [facts] : quoteSteps(facts)) {
      if (!this.ledger.apply(key, text, step, 0, quotesOnly, step === facts) || step === facts) return;
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEventLoop();
        slice = performance.now();
        if (this.ledger.disposed || this.host.openDocument(key) || this.ledger.corpus.text(key) !== text) return;
      }
    }
  }
}
