import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeeds, trueLinkCount } from './generate';
import {
  DEFAULT_WINDOW, writeWorkspace,
  type IndexMemory, type LoopDelay, type IndexOptions, type PooledBuildResult, type QuotesPhaseResult,
} from './index-build';
import {
  buildCorpus, measureBaseline,
  type AccuracyResult, type BaselineResult, type BuildResult, type EditResult, type LookupResult,
} from './measure';

/** Everything measured at one corpus size. A field is missing when its step did not finish. */
export interface SizeReport {
  size: number;
  seed: number;
  generation?: {
    ms: number;
    articles: number;
    words: number;
    meanWords: number;
    statements: number;
    decoys: number;
    plantedQuotes: number;
    truePairs: number;
    longArticleWords: number;
    /** Resident set size of the benchmark process with the generated corpus in memory, before any analysis. */
    rss: number;
  };
  baseline?: BaselineResult;
  /**
   * `analyzeText` and `setFacts` of the first articles, one after the other in the benchmark process:
   * the per-article times and words/s. Its memory figures are the benchmark process's, generator included.
   */
  inProcess?: BuildResult;
  /** The index process's event-loop delay for a second before any work: the machine's noise floor. */
  idleLoopDelay?: LoopDelay;
  /** The quick pass (quotes and links) in the index process. */
  quotesPhase?: QuotesPhaseResult;
  /** The full index built in the index process with the worker pool. */
  pooled?: PooledBuildResult;
  /** The index process's memory after the pooled build. */
  memory?: IndexMemory;
  lookups?: LookupResult;
  accuracy?: AccuracyResult;
  edit600?: EditResult;
  edit20k?: EditResult;
}

export type SizeMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; key: keyof SizeReport; value: unknown }
  | { type: 'phase'; phase: string }
  | { type: 'error'; message: string; stack?: string };

export interface SizeOptions {
  readonly size: number;
  readonly seed: number;
  /** Words of the long article added for the edit benchmark; 0 for none. */
  readonly longArticleWords: number;
  /** How many articles (from the start) the compromise baseline parses. */
  readonly baselineArticles: number;
  /** How many articles (from the start) are analysed one after the other in the benchmark process. */
  readonly inProcessArticles: number;
  readonly lookups: number;
  readonly editRepetitions: number;
  readonly seedsDir?: string;
  /** The bundled analysis worker (see `ensureWorkerBundle`). */
  readonly workerScript: string;
  /** Worker threads of the pooled build; by default one per core, at most 4. */
  readonly workers?: number;
  /**
   * An empty folder for the articles the index process reads; by default one made and removed here. The
   * runner passes its own so that it can remove it even when this process is stopped at its time box.
   */
  readonly workDir?: string;
  /** Extra Node options for the index process (a CPU profile). */
  readonly indexExecArgv?: readonly string[];
  /**
   * Epoch milliseconds by which the size should be done. Of the time left after generation and the
   * baseline, the in-process analysis gets the first 20 %, the quick pass runs until 40 % and the pooled
   * build until 85 %; a phase cut short reports how far it got, and the later steps run on the articles
   * that were built.
   */
  readonly deadline?: number;
}

/** Worker threads for the pooled build when none is asked for: one per core, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The index process's entry: next to this file, bundled or run from source through tsx. */
function indexChild(): { script: string; execArgv: string[] } {
  return __filename.endsWith('.ts')
    ? { script: join(__dirname, 'index-child.ts'), execArgv: ['--import', 'tsx'] }
    : { script: join(__dirname, 'index-child.js'), execArgv: [] };
}

/** Runs the index process on a folder, relaying its messages; resolves when it has exited. */
function runIndexProcess(options: IndexOptions, extraExecArgv: readonly string[], send: (m: SizeMessage) => void): Promise<void> {
  const { script, execArgv } = indexChild();
  return new Promise((done) => {
    const proc = fork(script, [JSON.stringify(options)], {
      execArgv: [...execArgv, '--expose-gc', ...extraExecArgv],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let failed = false;
    proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    proc.on('message', (m: SizeMessage) => {
      if (m.type === 'error') failed = true;
      send(m);
    });
    proc.on('exit', (code, signal) => {
      if (code !== 0 && !failed) send({ type: 'error', message: `the index process stopped (${signal ?? `exit code ${code}`}): ${stderr.slice(-1500)}` });
      done();
    });
  });
}

/**
 * Runs every measurement at one size, reporting each result as soon as it is known so that a
 * time-boxed run still keeps what finished.
 */
export async function runSize(o: SizeOptions, send: (m: SizeMessage) => void): Promise<SizeReport> {
  const report: SizeReport = { size: o.size, seed: o.seed };
  const put = <K extends keyof SizeReport>(key: K, value: SizeReport[K]): void => {
    report[key] = value;
    send({ type: 'result', key, value });
  };
  const progress = (phase: string, done: number, total: number): void => send({ type: 'progress', phase, done, total });

  send({ type: 'phase', phase: 'generate' });
  const t = performance.now();
  const generated = generateCorpus({ articles: o.size, seed: o.seed, longArticleWords: o.longArticleWords, material: readSeeds(o.seedsDir) });
  const ms = performance.now() - t;
  const long = o.longArticleWords > 0 ? generated.articles[generated.articles.length - 1]! : null;
  const regular = long ? generated.articles.slice(0, -1) : generated.articles;
  put('generation', {
    ms,
    articles: generated.articles.length,
    words: generated.totalWords,
    meanWords: regular.reduce((n, a) => n + a.words, 0) / regular.length,
    statements: generated.statements.length,
    decoys: generated.statements.filter((s) => s.decoyOf !== null || s.stockOpening).length,
    plantedQuotes: generated.articles.reduce((n, a) => n + a.quotes.length, 0),
    truePairs: trueLinkCount(generated),
    longArticleWords: long?.words ?? 0,
    rss: process.memoryUsage().rss,
  });

  send({ type: 'phase', phase: 'baseline' });
  put('baseline', await measureBaseline(regular.slice(0, o.baselineArticles), progress));

  // The time box is split from here: the baseline's share is fixed by its article count.
  const start = Date.now();
  const box = o.deadline === undefined ? Infinity : Math.max(0, o.deadline - start);

  send({ type: 'phase', phase: 'in-process analysis' });
  const sample = regular.slice(0, o.inProcessArticles);
  put('inProcess', (await buildCorpus(sample, progress, start + 0.2 * box)).result);
  (globalThis as { gc?: () => void }).gc?.();

  send({ type: 'phase', phase: 'write articles' });
  const dir = o.workDir ?? mkdtempSync(join(tmpdir(), 'crosswire-bench-'));
  try {
    // The long article goes first so that a time-boxed build still has it for the edit benchmark.
    writeWorkspace(dir, generated, long ? [long, ...regular] : regular, long);
    const workers = o.workers ?? defaultWorkers();
    await runIndexProcess(
      {
        dir, workerScript: o.workerScript, workers, window: Math.max(DEFAULT_WINDOW, 2 * workers),
        quotesDeadline: start + 0.4 * box, buildDeadline: start + 0.85 * box,
        lookups: o.lookups, editRepetitions: o.editRepetitions,
      },
      o.indexExecArgv ?? [],
      (m) => {
        if (m.type === 'result') (report as unknown as Record<string, unknown>)[m.key] = m.value;
        send(m);
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
