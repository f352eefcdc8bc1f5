import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram, type PerformanceEntry } from 'node:perf_hooks';
import { AnalyzerPool } from '../src/core/analyzer-pool';
import { Corpus, type DocumentFacts } from '../src/core/corpus';
import { quoteFacts } from '../src/core/first-pass';
import { Indexer } from '../src/core/indexing/indexer';
import type { Analyzer } from '../src/core/indexing/ledger';
import { NodeFsHost } from '../src/core/indexing/node-host';
import { SLICE_MS } from '../src/core/indexing/runs';
import { nullLogger } from '../src/core/logger';
import type { GeneratedArticle, GeneratedCorpus, PlantedQuote, Statement } from './generate';
import { articleNear, linkAccuracy, measureEdit, measureLookups, summarize, type Summary } from './measure';
import type { SizeMessage } from './size-run';

/**
 * The index as a user's process holds it. The generated articles are written to a folder; a separate
 * process (`index-child.ts`) that holds nothing but what the extension would builds the index with the
 * extension's own indexer (`src/core/indexing`) over a `node:fs` host: it reads the files back, finds
 * the quotes and links (the quick first pass), then recognises the entities in a pool of worker
 * threads while its main thread adds each document's facts in order. Its peak memory is then the
 * index's (worker threads included), not the generator's or the benchmark's.
 */

/** The largest size limit the setting allows: no generated article is skipped. */
const MAX_FILE_SIZE_KB = 10240;
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

/**
 * The garbage collector's pauses of the main thread over a phase, as the engine reports them: a full
 * collection of a large heap stops the thread for one stretch that no slicing of the work can break.
 */
export interface GcPauses {
  /** The longest pause, in milliseconds, and whether it was a full (major) collection. */
  readonly longestMs: number;
  readonly longestMajor: boolean;
  /** Pauses over 50 ms. */
  readonly over50Ms: number;
  /** All pauses together, in milliseconds. */
  readonly totalMs: number;
}

/** Records every garbage collection pause of this thread, to be read by phase (`between`). */
export class GcRecorder {
  private readonly pauses: { start: number; ms: number; major: boolean }[] = [];
  private readonly observer = new PerformanceObserver((list) => this.record(list.getEntries()));

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /**
   * Stops recording, once the entries still queued have been delivered: the engine hands them over
   * from a timer of its own, not on the next turn of the loop.
   */
  async stop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 100));
    this.record(this.observer.takeRecords());
    this.observer.disconnect();
  }

  private record(entries: readonly PerformanceEntry[]): void {
    for (const e of entries) {
      this.pauses.push({ start: e.startTime, ms: e.duration, major: ((e as { detail?: { kind?: number } | null }).detail)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  }

  between(from: number, to: number): GcPauses {
    let longest: { ms: number; major: boolean } = { ms: 0, major: false };
    let over50Ms = 0;
    let totalMs = 0;
    for (const p of this.pauses) {
      if (p.start < from || p.start > to) continue;
      totalMs += p.ms;
      if (p.ms > 50) over50Ms++;
      if (p.ms > longest.ms) longest = p;
    }
    return { longestMs: longest.ms, longestMajor: longest.major, over50Ms, totalMs };
  }
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
  /** Wall time during which some file was being read. */
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
  /** The garbage collector's pauses of the main thread over the phase. */
  readonly gc: GcPauses;
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
  /** The garbage collector's pauses of the main thread over the phase. */
  readonly gc: GcPauses;
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
  /** The main thread's heap as committed by the engine after that collection (used or not). */
  readonly heapTotalAfterGc: number;
  /** Of `externalAfterGc`, the typed arrays' buffers: the index's postings and stores. */
  readonly arrayBuffersAfterGc: number;
  /** After the worker threads have stopped and another full collection: the corpus without the pool. */
  readonly rssWorkersStopped: number;
  /** Resident set size once the core is loaded, before any article is read: the fixed cost. */
  readonly rssAtStart: number;
  /** After the quick pass and a full collection, with the worker threads started and not yet analysing. */
  readonly rssAfterQuickPass: number;
  /** The main thread's heap by space after that collection: committed and used bytes of each. */
  readonly spacesAfterGc: readonly HeapSpace[];
  /** The same after the quick pass's collection. */
  readonly spacesAfterQuickPass: readonly HeapSpace[];
}

export interface HeapSpace {
  readonly space: string;
  readonly committed: number;
  readonly used: number;
}

/** The main thread's heap by space, as V8 has it now. */
function heapSpaces(): HeapSpace[] {
  return getHeapSpaceStatistics().map((s) => ({ space: s.space_name, committed: s.physical_space_size, used: s.space_used_size }));
}

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

/** The corpus of the index process, timing every document the indexer adds (`add`, which `setFacts` calls too). */
class TimedCorpus extends Corpus {
  onSetFacts: ((uri: string, facts: DocumentFacts, started: number, ended: number) => void) | undefined;

  override add(uri: string, text: string, facts: DocumentFacts, version = 0): void {
    const started = performance.now();
    super.add(uri, text, facts, version);
    this.onSetFacts?.(uri, facts, started, performance.now());
  }
}

/** What the quick pass measured, as it goes. */
class QuickPassTimes {
  readMs = 0;
  findMs = 0;
  indexMs = 0;
  quotes = 0;
  longest = 0;
  longestUri = '';
  readonly done = new Set<string>();
  /** When the quotes of the article about to join were found on this thread. */
  foundAt: number | undefined;

  /**
   * One `setFacts` of the quick pass. The longest work for one article without a break is finding its
   * quotes on this thread with its first step, or one later step of a long article.
   */
  added(uri: string, started: number, ended: number): void {
    this.indexMs += ended - started;
    const span = ended - (this.foundAt ?? started);
    this.foundAt = undefined;
    this.done.add(uri);
    if (span > this.longest) {
      this.longest = span;
      this.longestUri = uri;
    }
  }
}

/** What the entity pass measured, as it goes. */
interface EntityPassTimes {
  readonly setFacts: number[];
  words: number;
  quotes: number;
  mentions: number;
  longest: number;
  longestWords: number;
}

/**
 * Builds the index with the extension's own indexer (`core/indexing`) over the folder, through a
 * `node:fs` host: every article's quotes and links first, then the entities from the worker pool, the
 * main thread adding each document's facts in order. The corpus and the host are wrapped only to time
 * what the indexer does; each pass stops at its time box.
 */
async function buildIndex(
  corpus: TimedCorpus,
  pool: AnalyzerPool,
  manifest: readonly ManifestEntry[],
  o: IndexOptions,
  send: (m: SizeMessage) => void,
): Promise<{ quick: QuotesPhaseResult; pooled: PooledBuildResult; rssAfterQuickPass: number; spacesAfterQuickPass: HeapSpace[] }> {
  const byUri = new Map(manifest.map((m, i) => [m.uri, { entry: m, index: i }]));
  const q = new QuickPassTimes();
  const e: EntityPassTimes = { setFacts: [], words: 0, quotes: 0, mentions: 0, longest: 0, longestWords: 0 };
  const host = new NodeFsHost(manifest.map((m) => ({ key: m.uri, path: m.file })));
  // Reads overlap (the indexer keeps several under way): what counts is the time any read was.
  const read = host.read.bind(host);
  let reading = 0;
  let readingSince = 0;
  host.read = async (key, maxBytes) => {
    if (reading++ === 0) readingSince = performance.now();
    try {
      return await read(key, maxBytes);
    } finally {
      if (--reading === 0) q.readMs += performance.now() - readingSince;
    }
  };
  const analyzer: Analyzer = {
    analyze: async (text, fileName, options) => {
      if (!options?.quick) return pool.analyze(text, fileName, options);
      const t = performance.now();
      const facts = await pool.analyze(text, fileName, options);
      q.findMs += performance.now() - t;
      q.quotes += facts.quotes.length;
      return facts;
    },
    warm: () => pool.warm(),
  };
  const findQuotes = (text: string, fileName: string): DocumentFacts => {
    const t = performance.now();
    const facts = quoteFacts(text, fileName);
    q.findMs += performance.now() - t;
    q.quotes += facts.quotes.length;
    q.foundAt = t;
    return facts;
  };
  const indexer = new Indexer(corpus, host, nullLogger, { analyzer, window: o.window, findQuotes, maxFileSizeKB: () => MAX_FILE_SIZE_KB });
  corpus.onSetFacts = (uri, facts, started, ended) => {
    if (indexer.state.phase === 'quotes') return q.added(uri, started, ended);
    const took = ended - started;
    e.setFacts.push(took);
    const words = byUri.get(uri)?.entry.words ?? 0;
    if (took > e.longest) {
      e.longest = took;
      e.longestWords = words;
    }
    e.words += words;
    e.quotes += facts.quotes.length;
    e.mentions += facts.mentions.length;
  };

  const quickMonitor = await startedMonitor();
  const gc = new GcRecorder();
  const started = performance.now();
  let quickEnded = NaN;
  let quick: Omit<QuotesPhaseResult, 'gc'> | undefined;
  let entitiesStarted = NaN;
  let entitiesMonitor: IntervalHistogram | undefined;
  let rssAfterQuickPass = 0;
  let spacesAfterQuickPass: HeapSpace[] = [];
  let lastProgress = 0;
  const endQuickPass = (): Omit<QuotesPhaseResult, 'gc'> => {
    const t = performance.now();
    const links = corpus.links().length;
    const linksMs = performance.now() - t;
    quickMonitor.disable();
    quickEnded = performance.now();
    const longest = byUri.get(q.longestUri);
    return {
      articlesDone: q.done.size, articles: manifest.length, ms: performance.now() - started, readMs: q.readMs, findMs: q.findMs,
      indexMs: q.indexMs, linksMs, longestArticleMs: q.longest, longestArticleWords: longest?.entry.words ?? 0,
      longestArticleIndex: longest?.index ?? -1, loopDelay: loopDelay(quickMonitor), quotes: q.quotes, links,
    };
  };
  const timers: ReturnType<typeof setTimeout>[] = [];
  const cancelAt = (deadline: number | undefined, phases: readonly string[]): void => {
    if (deadline === undefined || !Number.isFinite(deadline)) return;
    timers.push(setTimeout(() => {
      if (phases.includes(indexer.state.phase)) indexer.cancelIndexing();
    }, Math.max(0, deadline - Date.now())));
  };
  const subscription = indexer.onDidChangeIndexState((state) => {
    if (state.phase === 'entities' && !quick) {
      quick = endQuickPass();
      (globalThis as { gc?: () => void }).gc?.();
      rssAfterQuickPass = process.memoryUsage().rss;
      spacesAfterQuickPass = heapSpaces();
      send({ type: 'phase', phase: 'pooled build' });
      entitiesMonitor = monitorEventLoopDelay({ resolution: MONITOR_RESOLUTION_MS });
      entitiesMonitor.enable();
      entitiesStarted = performance.now();
    }
    if ((state.phase === 'quotes' || state.phase === 'entities') && performance.now() - lastProgress > SLICE_MS) {
      lastProgress = performance.now();
      send({ type: 'progress', phase: state.phase === 'quotes' ? 'quotes' : 'pooled build', done: state.done, total: state.total });
    }
  });
  try {
    // Past the quick pass's time box no article is read; past the build's, no analysis is waited for.
    if (Date.now() < (o.quotesDeadline ?? Infinity)) {
      cancelAt(o.quotesDeadline, ['finding', 'quotes']);
      cancelAt(o.buildDeadline, ['entities']);
      await indexer.reindex();
    }
  } finally {
    timers.forEach(clearTimeout);
    subscription.dispose();
    indexer.dispose();
  }
  quick ??= endQuickPass();
  const ms = Number.isNaN(entitiesStarted) ? 0 : performance.now() - entitiesStarted;
  entitiesMonitor?.disable();
  const ended = performance.now();
  await gc.stop();
  const t = performance.now();
  const entities = corpus.entities().length;
  const entitiesMs = performance.now() - t;
  const done = e.setFacts.length;
  return {
    quick: { ...quick, gc: gc.between(started, quickEnded) },
    rssAfterQuickPass: rssAfterQuickPass || process.memoryUsage().rss,
    spacesAfterQuickPass,
    pooled: {
      articlesDone: done, articles: manifest.length, words: e.words, workers: o.workers, window: o.window, ms, entitiesMs,
      setFactsMs: e.setFacts.reduce((a, b) => a + b, 0), longestSetFactsMs: e.longest, setFacts: summarize(e.setFacts),
      setFactsOver50Ms: e.setFacts.filter((x) => x > 50).length, longestSetFactsWords: e.longestWords,
      loopDelay: entitiesMonitor ? loopDelay(entitiesMonitor) : { max: 0, p99: 0, mean: 0 },
      gc: Number.isNaN(entitiesStarted) ? gc.between(0, -1) : gc.between(entitiesStarted, ended),
      wordsPerSecond: ms > 0 ? e.words / (ms / 1000) : 0, entities, quotes: e.quotes, mentions: e.mentions,
    },
  };
}

/** Measures the index process's memory, then stops the pool's threads to measure it without them. */
async function measureMemory(
  pool: AnalyzerPool,
  articles: number,
  workers: number,
  before: Pick<IndexMemory, 'rssAtStart' | 'rssAfterQuickPass' | 'spacesAfterQuickPass'>,
): Promise<IndexMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem = process.memoryUsage();
  const spacesAfterGc = heapSpaces();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  await pool.close();
  gc?.();
  const measured: IndexMemory = {
    articles,
    workers,
    peakRss,
    rssAfterGc: mem.rss,
    heapAfterGc: gc ? mem.heapUsed : NaN,
    externalAfterGc: mem.external,
    heapTotalAfterGc: mem.heapTotal,
    arrayBuffersAfterGc: mem.arrayBuffers,
    rssWorkersStopped: process.memoryUsage().rss,
    spacesAfterGc,
    ...before,
  };
  // A heap snapshot of the index, taken once its memory is measured, for finding what holds it (bench/README.md).
  const snapshots = process.env.CROSSWIRE_BENCH_HEAP_SNAPSHOTS;
  if (snapshots) writeHeapSnapshot(join(snapshots, `index-${articles}.heapsnapshot`));
  return measured;
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

  const corpus = new TimedCorpus();
  const pool = new AnalyzerPool(o.workerScript, o.workers);
  try {
    send({ type: 'phase', phase: 'quotes' });
    const { quick, pooled, rssAfterQuickPass, spacesAfterQuickPass } = await buildIndex(corpus, pool, manifest, o, send);
    send({ type: 'result', key: 'quotesPhase', value: quick });
    send({ type: 'result', key: 'pooled', value: pooled });
    send({ type: 'result', key: 'memory', value: await measureMemory(pool, manifest.filter((m) => corpus.has(m.uri)).length, o.workers, { rssAtStart, rssAfterQuickPass, spacesAfterQuickPass }) });

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
