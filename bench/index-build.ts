import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { AnalyzerPool } from '../src/core/analyzer-pool';
import { Corpus, fileNameOf, quoteSteps, type DocumentFacts } from '../src/core/corpus';
import { QUICK_PASS_ON_CALLER_MAX_CHARS, quoteFacts } from '../src/core/first-pass';
import { warmUpQuotePass } from '../src/core/warm-up';
import type { GeneratedArticle, GeneratedCorpus, PlantedQuote, Statement } from './generate';
import { articleNear, linkAccuracy, measureEdit, measureLookups, summarize, type Summary } from './measure';
import type { SizeMessage } from './size-run';

/**
 * The index as a user's process holds it. The generated articles are written to a folder; a separate
 * process (`index-child.ts`) that holds nothing but what the extension would reads them back, finds the
 * quotes and links (the quick first pass), then builds the full index with the analysis in a pool of
 * worker threads while its main thread adds each document's facts in order, as the extension does.
 * Its peak memory is then the index's (worker threads included), not the generator's or the
 * benchmark's.
 */

/** Work the extension host does between two yields to its event loop, as the extension does. */
const SLICE_MS = 8;
/** Resolution of the event-loop delay monitor, in milliseconds. */
const MONITOR_RESOLUTION_MS = 5;
/** Analyses in flight at once; the extension's default. */
export const DEFAULT_WINDOW = 8;

/** One article of the folder, in the order the index is built. */
interface ManifestEntry {
  readonly uri: string;
  readonly file: string;
  readonly words: number;
}

/** The planted truth without the texts, read by the index process only after its memory is measured. */
interface Truth {
  readonly seed: number;
  readonly totalWords: number;
  readonly statements: readonly Statement[];
  readonly articles: readonly { readonly uri: string; readonly words: number; readonly quotes: readonly PlantedQuote[] }[];
  readonly longUri: string | null;
}

/** Writes the articles (one file each), the build order and the planted truth to `dir`. */
export function writeWorkspace(dir: string, generated: GeneratedCorpus, order: readonly GeneratedArticle[], long: GeneratedArticle | null): void {
  const articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  const manifest: ManifestEntry[] = order.map((a) => {
    const file = join(articlesDir, basename(a.uri));
    writeFileSync(file, a.text);
    return { uri: a.uri, file, words: a.words };
  });
  writeFileSync(join(dir, 'order.json'), JSON.stringify(manifest));
  const truth: Truth = {
    seed: generated.seed,
    totalWords: generated.totalWords,
    statements: generated.statements,
    articles: generated.articles.map((a) => ({ uri: a.uri, words: a.words, quotes: a.quotes })),
    longUri: long?.uri ?? null,
  };
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth));
}

/** What the index process is asked to do. */
export interface IndexOptions {
  /** Folder written by `writeWorkspace`. */
  readonly dir: string;
  /** The bundled analysis worker (`dist/worker.js`). */
  readonly workerScript: string;
  readonly workers: number;
  /** Analyses in flight at once. */
  readonly window: number;
  /** Epoch milliseconds: the quick pass stops reading articles after this. */
  readonly quotesDeadline?: number;
  /** Epoch milliseconds: the pooled build starts no analysis after this. */
  readonly buildDeadline?: number;
  readonly lookups: number;
  readonly editRepetitions: number;
}

/**
 * Event-loop delay over a phase, in milliseconds, from `monitorEventLoopDelay`, less the monitor's own
 * timer interval (which it counts in): how long a timer due at that moment was kept waiting.
 */
export interface LoopDelay {
  readonly max: number;
  readonly p99: number;
  readonly mean: number;
}

function loopDelay(h: IntervalHistogram): LoopDelay {
  const ms = (ns: number): number => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - MONITOR_RESOLUTION_MS) : 0);
  return h.count === 0 ? { max: 0, p99: 0, mean: 0 } : { max: ms(h.max), p99: ms(h.percentile(99)), mean: ms(h.mean) };
}

/**
 * The quick first pass, as the extension makes it: read every article and add its quotes (no entities)
 * to the corpus with `quoteFacts` and `setFacts`, then compute every link. The pooled build then
 * replaces each article's facts with the full analysis.
 */
export interface QuotesPhaseResult {
  /** Articles indexed; fewer than `articles` when the phase hit its time box. */
  readonly articlesDone: number;
  readonly articles: number;
  /** Wall time from the first read to the links computed: when quotes and links are ready. */
  readonly ms: number;
  readonly readMs: number;
  /** `quoteFacts`: paragraphs, quotes, title. */
  readonly findMs: number;
  /** `setFacts` of those facts: the quote index. */
  readonly indexMs: number;
  readonly linksMs: number;
  /**
   * Longest work for one article without a break on the main thread: `quoteFacts` with its first
   * `setFacts` step, or one later step of a long article.
   */
  readonly longestArticleMs: number;
  /** Words of that article, and its place in the pass (0 is the first, which also pays for warming up). */
  readonly longestArticleWords: number;
  readonly longestArticleIndex: number;
  readonly loopDelay: LoopDelay;
  readonly quotes: number;
  readonly links: number;
}

/** The full index built as the extension builds it: analysis in worker threads, facts added in order. */
export interface PooledBuildResult {
  /** Articles added; fewer than `articles` when the build hit its time box. */
  readonly articlesDone: number;
  readonly articles: number;
  readonly words: number;
  readonly workers: number;
  readonly window: number;
  /**
   * Wall time of the pooled build alone, from its first read to the last document's full facts added
   * (entities are ready after the quick pass and this); the threads were started during the quick pass,
   * as the extension starts them.
   */
  readonly ms: number;
  /** Time of the first `entities()` after the build. */
  readonly entitiesMs: number;
  /** Main-thread time in `setFacts`, in all and the longest single one (a block of the host's thread). */
  readonly setFactsMs: number;
  readonly longestSetFactsMs: number;
  /** Every `setFacts` of the build. */
  readonly setFacts: Summary;
  /** How many `setFacts` took longer than 50 ms. */
  readonly setFactsOver50Ms: number;
  /** Words of the article whose `setFacts` took longest. */
  readonly longestSetFactsWords: number;
  /**
   * The longest the main thread's event loop was kept waiting during the build: its own work, garbage
   * collection, and time the thread did not get a core (compare `IndexMemory.idleLoopDelay`).
   */
  readonly loopDelay: LoopDelay;
  readonly wordsPerSecond: number;
  readonly entities: number;
  readonly quotes: number;
  readonly mentions: number;
}

/** Memory of the index process after the build, with the corpus and the worker pool alive. */
export interface IndexMemory {
  readonly articles: number;
  readonly workers: number;
  /** Peak resident set size of the process, worker threads included (`resourceUsage().maxRSS`). */
  readonly peakRss: number;
  /** After a forced full collection of the main thread's heap. */
  readonly rssAfterGc: number;
  /** The main thread's heap after a forced full collection: the corpus itself. NaN without --expose-gc. */
  readonly heapAfterGc: number;
  readonly externalAfterGc: number;
  /** Resident set size once the core is loaded, before any article is read: the fixed cost. */
  readonly rssAtStart: number;
  /** After the quick pass and a full collection, with the worker threads started and not yet analysing. */
  readonly rssAfterQuickPass: number;
}

const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * An event-loop delay monitor already ticking: its timer starts on the loop's next turn, and a block
 * that began before then would go unseen.
 */
async function startedMonitor(): Promise<IntervalHistogram> {
  const monitor = monitorEventLoopDelay({ resolution: MONITOR_RESOLUTION_MS });
  monitor.enable();
  await new Promise((resolve) => setTimeout(resolve, 3 * MONITOR_RESOLUTION_MS));
  return monitor;
}

/** How long the idle event loop is watched before indexing. */
const IDLE_PROBE_MS = 1000;

/**
 * The event-loop delay of the index process while it does nothing: how late a timer fires only because
 * the thread did not get a core, on a machine shared with other work. The phases' delays are read
 * against it.
 */
async function idleLoopDelay(): Promise<LoopDelay> {
  const monitor = monitorEventLoopDelay({ resolution: MONITOR_RESOLUTION_MS });
  monitor.enable();
  await new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS));
  monitor.disable();
  return loopDelay(monitor);
}

function readManifest(dir: string): Promise<ManifestEntry[]> {
  return readFile(join(dir, 'order.json'), 'utf8').then((s) => JSON.parse(s) as ManifestEntry[]);
}

async function quotesPhase(
  corpus: Corpus,
  manifest: readonly ManifestEntry[],
  send: (m: SizeMessage) => void,
  deadline: number,
  pool: AnalyzerPool,
): Promise<QuotesPhaseResult> {
  const monitor = await startedMonitor();
  const started = performance.now();
  // As the extension does: the quick pass's one-off costs in a slice of their own, then the threads start.
  warmUpQuotePass();
  await breathe();
  pool.warm();
  const reads: (Promise<string> | undefined)[] = [];
  let launched = 0;
  let readMs = 0;
  let findMs = 0;
  let indexMs = 0;
  let longest = 0;
  let longestWords = 0;
  let longestIndex = -1;
  let quotes = 0;
  let done = 0;
  let slice = performance.now();
  for (let i = 0; i < manifest.length; i++) {
    while (launched < manifest.length && launched < i + DEFAULT_WINDOW && Date.now() < deadline) {
      reads[launched] = readFile(manifest[launched]!.file, 'utf8');
      launched++;
    }
    if (i >= launched) break;
    let t = performance.now();
    const text = await reads[i]!;
    reads[i] = undefined;
    readMs += performance.now() - t;
    t = performance.now();
    const { uri } = manifest[i]!;
    // As the extension does, a long text's quotes are found in a worker, off this thread.
    const inWorker = text.length > QUICK_PASS_ON_CALLER_MAX_CHARS;
    const facts = inWorker ? await pool.analyze(text, fileNameOf(uri), { quick: true }) : quoteFacts(text, fileNameOf(uri));
    findMs += performance.now() - t;
    // Waiting for the worker does not hold this thread up.
    if (inWorker) t = performance.now();
    // A long article's quotes join a few at a time, each step in its own slice when the slice is
    // spent, as the extension adds them (`applyInSlices`).
    for (const step of quoteSteps(facts)) {
      const m = performance.now();
      corpus.setFacts(uri, text, step, 0);
      const e = performance.now();
      indexMs += e - m;
      if (e - t > longest) {
        longest = e - t;
        longestWords = manifest[i]!.words;
        longestIndex = i;
      }
      if (step === facts) break;
      if (e - slice > SLICE_MS) {
        await breathe();
        slice = performance.now();
      }
      t = performance.now();
    }
    const e = performance.now();
    quotes += facts.quotes.length;
    done++;
    if (e - slice > SLICE_MS) {
      send({ type: 'progress', phase: 'quotes', done, total: manifest.length });
      await breathe();
      slice = performance.now();
    }
  }
  const t = performance.now();
  const links = corpus.links().length;
  const linksMs = performance.now() - t;
  const ms = performance.now() - started;
  monitor.disable();
  return {
    articlesDone: done, articles: manifest.length, ms, readMs, findMs, indexMs, linksMs, longestArticleMs: longest,
    longestArticleWords: longestWords, longestArticleIndex: longestIndex,
    loopDelay: loopDelay(monitor), quotes, links,
  };
}

interface Prepared {
  readonly entry: ManifestEntry;
  readonly text: string;
  readonly facts: DocumentFacts;
}

async function pooledBuild(
  corpus: Corpus,
  pool: AnalyzerPool,
  manifest: readonly ManifestEntry[],
  o: IndexOptions,
  send: (m: SizeMessage) => void,
): Promise<PooledBuildResult> {
  const deadline = o.buildDeadline ?? Infinity;
  const monitor = await startedMonitor();
  const started = performance.now();
  const prepare = async (entry: ManifestEntry): Promise<Prepared> => {
    const text = await readFile(entry.file, 'utf8');
    return { entry, text, facts: await pool.analyze(text, fileNameOf(entry.uri)) };
  };
  const prepared: (Promise<Prepared> | undefined)[] = [];
  let launched = 0;
  let done = 0;
  let words = 0;
  let setFactsMs = 0;
  let quotes = 0;
  let mentions = 0;
  const setFactsTimes: number[] = [];
  let longest = 0;
  let longestWords = 0;
  let slice = performance.now();
  for (let i = 0; i < manifest.length; i++) {
    // Past the time box no analysis starts; those under way are still added, in order.
    while (launched < manifest.length && launched < i + o.window && Date.now() < deadline) {
      prepared[launched] = prepare(manifest[launched]!);
      launched++;
    }
    if (i >= launched) break;
    const ready = await prepared[i]!;
    prepared[i] = undefined;
    const t = performance.now();
    corpus.setFacts(ready.entry.uri, ready.text, ready.facts, 0);
    const took = performance.now() - t;
    setFactsMs += took;
    setFactsTimes.push(took);
    if (took > longest) {
      longest = took;
      longestWords = ready.entry.words;
    }
    words += ready.entry.words;
    quotes += ready.facts.quotes.length;
    mentions += ready.facts.mentions.length;
    done++;
    if (performance.now() - slice > SLICE_MS) {
      send({ type: 'progress', phase: 'pooled build', done, total: manifest.length });
      await breathe();
      slice = performance.now();
    }
  }
  const ms = performance.now() - started;
  monitor.disable();
  const t = performance.now();
  const entities = corpus.entities().length;
  const entitiesMs = performance.now() - t;
  return {
    articlesDone: done, articles: manifest.length, words, workers: o.workers, window: o.window, ms, entitiesMs,
    setFactsMs, longestSetFactsMs: longest, setFacts: summarize(setFactsTimes), setFactsOver50Ms: setFactsTimes.filter((t) => t > 50).length,
    longestSetFactsWords: longestWords, loopDelay: loopDelay(monitor),
    wordsPerSecond: words / (ms / 1000), entities, quotes, mentions,
  };
}

function measureMemory(articles: number, workers: number, before: Pick<IndexMemory, 'rssAtStart' | 'rssAfterQuickPass'>): IndexMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem = process.memoryUsage();
  return {
    articles,
    workers,
    peakRss: process.resourceUsage().maxRSS * 1024,
    rssAfterGc: mem.rss,
    heapAfterGc: gc ? mem.heapUsed : NaN,
    externalAfterGc: mem.external,
    ...before,
  };
}

/**
 * Runs in the index process: the quick pass, the pooled build, the memory of the result, and then,
 * with the planted truth loaded only once memory is measured, lookups, link accuracy and edits.
 */
export async function runIndex(o: IndexOptions, send: (m: SizeMessage) => void): Promise<void> {
  // Nothing before the memory is measured asks the corpus for its documents: it may build them on
  // demand, and building every one would count as the index's memory.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssAtStart = process.memoryUsage().rss;
  const manifest = await readManifest(o.dir);
  send({ type: 'result', key: 'idleLoopDelay', value: await idleLoopDelay() });

  const corpus = new Corpus();
  const pool = new AnalyzerPool(o.workerScript, o.workers);
  try {
    send({ type: 'phase', phase: 'quotes' });
    // The extension starts the threads as the quick pass begins, so they are ready for the entities.
    const quick = await quotesPhase(corpus, manifest, send, o.quotesDeadline ?? Infinity, pool);
    send({ type: 'result', key: 'quotesPhase', value: quick });
    gc?.();
    const rssAfterQuickPass = process.memoryUsage().rss;

    send({ type: 'phase', phase: 'pooled build' });
    send({ type: 'result', key: 'pooled', value: await pooledBuild(corpus, pool, manifest, o, send) });
    send({ type: 'result', key: 'memory', value: measureMemory(manifest.filter((m) => corpus.has(m.uri)).length, o.workers, { rssAtStart, rssAfterQuickPass }) });

    const truth = JSON.parse(await readFile(join(o.dir, 'truth.json'), 'utf8')) as Truth;
    // Accuracy is judged on the articles in the corpus: a time-boxed build is a smaller corpus, not a worse one.
    const articles: GeneratedArticle[] = truth.articles
      .filter((a) => corpus.has(a.uri))
      .map((a) => ({ ...a, text: corpus.document(a.uri)!.text }));
    const judged: GeneratedCorpus = { seed: truth.seed, statements: truth.statements, totalWords: truth.totalWords, articles };

    send({ type: 'phase', phase: 'lookups' });
    send({ type: 'result', key: 'lookups', value: measureLookups(corpus, judged, o.lookups) });
    send({ type: 'phase', phase: 'accuracy' });
    send({ type: 'result', key: 'accuracy', value: linkAccuracy(corpus, judged) });
    send({ type: 'phase', phase: 'edit' });
    const regular = articles.filter((a) => a.uri !== truth.longUri);
    if (regular.length > 0) send({ type: 'result', key: 'edit600', value: measureEdit(corpus, articleNear({ ...judged, articles: regular }, 600), o.editRepetitions) });
    const long = articles.find((a) => a.uri === truth.longUri);
    if (long) send({ type: 'result', key: 'edit20k', value: measureEdit(corpus, long, o.editRepetitions) });
  } finally {
    pool.dispose();
  }
}
