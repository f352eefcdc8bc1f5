/**
 * The order of work when a folder is indexed, apart from VS Code (no `vscode` import), so it is
 * unit-tested on its own. Indexing runs in two passes over the files: a quick one that gives every
 * article its quotes (and their links across articles), then a slow one, in worker threads, that
 * recognises entities and speakers and replaces each article's facts. The slow parts of each file's
 * turn (reading, analysing) run a few files ahead; what touches the shared corpus runs on the host's
 * thread in file order, in slices short enough never to hold it up for long.
 */
import { performance } from 'node:perf_hooks';
import { formatCount } from '../text/plural';

/** A file's turn once its slow part is over: applied on the host's thread, or dropped. */
export interface Step<Next> {
  /**
   * Applies the result; returns what the next pass needs of this file, if anything. A large result may
   * be applied in several slices of the event loop: its promise then settles once it is all in.
   */
  apply(): Next | undefined | Promise<Next | undefined>;
  /** The run was cancelled: the result is dropped and nothing under way for it is waited for. */
  abandon(): void;
}

/** Which pass a run is in: quotes (the quick pass) or entities (the full analysis). */
export type IndexPhase = 'quotes' | 'entities';

/**
 * Where indexing stands, in the words every surface uses (the status bar's progress, the side bar's
 * views), so that they tell one story with the same numbers.
 */
export function progressWords(phase: IndexPhase | 'finding' | 'idle', done: number, total: number): string {
  const counted = `${formatCount(done)} of ${formatCount(total)}`;
  if (phase === 'quotes') return `Finding quotes… ${counted}`;
  if (phase === 'entities') return `Recognising entities… ${counted}`;
  return 'Looking for articles…';
}

export interface PassOptions {
  /** How many files' slow parts are under way at once, ahead of the one being applied. */
  readonly window: number;
  /** The same for the entity pass, whose slow part is a full analysis (`window` when not given). */
  readonly entityWindow?: number;
  /**
   * How many full analyses may already run while the quotes are still being found, on the cores the
   * host's thread leaves free (none when not given). Their results wait for the quotes pass to end.
   */
  readonly earlyAnalyses?: number;
  /** Longest run of applies before letting the event loop take other work. */
  readonly sliceMs: number;
  isCancelled(): boolean;
  /** Called as each pass starts (done 0) and after every file it applies. */
  onProgress?(phase: IndexPhase, done: number, total: number): void;
  /** The clock slices are measured with (`performance.now` by default). */
  now?(): number;
  /** Lets other work of the event loop run (a macrotask by default). */
  yieldToEventLoop?(): Promise<void>;
}

/** A step that does nothing: a file with nothing (more) to do. */
export const NO_STEP: Step<never> = { apply: () => undefined, abandon() {} };

/** Lets the other work of the event loop run (a macrotask) before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Starts each item's slow part (at most `window` ahead) and applies the results in the order of
 * `items`. Returns what the applies handed on, in order; undefined when cancelled, every result not
 * yet applied then abandoned.
 */
export async function inOrder<T, Next>(
  items: readonly T[],
  start: (item: T, index: number) => Promise<Step<Next>>,
  options: PassOptions,
  onApplied?: (done: number) => void,
  onHanded?: (next: Next) => void,
): Promise<Next[] | undefined> {
  const now = options.now ?? (() => performance.now());
  const pause = options.yieldToEventLoop ?? yieldToEventLoop;
  const window = Math.max(1, options.window);
  const started: (Promise<Step<Next>> | undefined)[] = [];
  const handed: Next[] = [];
  let launched = 0;
  let slice = now();
  const abandonFrom = (i: number): undefined => {
    for (const p of started.slice(i)) void p?.then((step) => step.abandon(), () => undefined);
    return undefined;
  };
  for (let i = 0; i < items.length; i++) {
    while (launched < items.length && launched < i + window) {
      started[launched] = start(items[launched]!, launched);
      launched++;
    }
    const step = await started[i]!;
    started[i] = undefined;
    if (options.isCancelled()) {
      step.abandon();
      return abandonFrom(i + 1);
    }
    const applied = step.apply();
    const next = applied instanceof Promise ? await applied : applied;
    if (next !== undefined) {
      handed.push(next);
      onHanded?.(next);
    }
    onApplied?.(i + 1);
    if (now() - slice > options.sliceMs) {
      await pause();
      slice = now();
      if (options.isCancelled()) return abandonFrom(i + 1);
    }
  }
  return handed;
}

/**
 * Indexes `files` in two passes: `quick` for every file (its apply hands on what the full analysis
 * needs, or nothing when the file is done, say from a cache), then `full` for what was handed on.
 * Every quick result is applied before the first full one, though up to `earlyAnalyses` full ones
 * may be under way meanwhile. False when cancelled.
 */
export async function twoPasses<F, Pending>(
  files: readonly F[],
  quick: (file: F) => Promise<Step<Pending>>,
  full: (pending: Pending) => Promise<Step<unknown>>,
  options: PassOptions,
): Promise<boolean> {
  const report = (phase: IndexPhase, total: number) => (done: number) => options.onProgress?.(phase, done, total);
  const early: (Promise<Step<unknown>> | undefined)[] = [];
  const handed: Pending[] = [];
  let quotesDone = false;
  let running = 0;
  const startEarly = (): void => {
    while (!quotesDone && running < (options.earlyAnalyses ?? 0) && early.length < handed.length && !options.isCancelled()) {
      const step = full(handed[early.length]!);
      early.push(step);
      running++;
      const settled = (): void => {
        running--;
        startEarly();
      };
      step.then(settled, settled);
    }
  };
  const abandonEarly = (): void => {
    for (const step of early) void step?.then((s) => s.abandon(), () => undefined);
  };

  report('quotes', files.length)(0);
  const pending = await inOrder(files, quick, options, report('quotes', files.length), (next) => {
    handed.push(next);
    startEarly();
  });
  quotesDone = true;
  if (!pending) {
    abandonEarly();
    return false;
  }
  report('entities', pending.length)(0);
  const fullAt = (item: Pending, i: number): Promise<Step<unknown>> => {
    const started = early[i];
    early[i] = undefined;
    return started ?? full(item);
  };
  const finished = await inOrder(pending, fullAt, { ...options, window: options.entityWindow ?? options.window }, report('entities', pending.length));
  if (!finished) abandonEarly();
  return finished !== undefined;
}
