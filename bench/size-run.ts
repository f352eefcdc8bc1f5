import type { Corpus } from '../src/core/corpus';
import { generateCorpus, readSeeds, trueLinkCount, type GeneratedCorpus } from './generate';
import {
  articleNear, buildCorpus, linkAccuracy, measureBaseline, measureEdit, measureLookups, measureQuotesPhase,
  type AccuracyResult, type BaselineResult, type BuildResult, type EditResult, type LookupResult, type QuotesPhaseResult,
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
    /** Resident set size with the generated corpus in memory, before any analysis. */
    rss: number;
  };
  baseline?: BaselineResult;
  quotesPhase?: QuotesPhaseResult;
  build?: BuildResult;
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
  readonly lookups: number;
  readonly editRepetitions: number;
  readonly seedsDir?: string;
  /**
   * Epoch milliseconds by which the size should be done. The quote phase gets the first 30 % of the time
   * left after generation and the baseline, the build runs until 80 %; a phase cut short reports how far it got, and the
   * later steps run on the articles that were built.
   */
  readonly deadline?: number;
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
  const quotesDeadline = start + 0.3 * box;
  const buildDeadline = start + 0.8 * box;
  // The long article goes first so that a time-boxed build still has it for the edit benchmark.
  const buildOrder = long ? [long, ...regular] : regular;

  send({ type: 'phase', phase: 'quotes' });
  put('quotesPhase', await measureQuotesPhase(buildOrder, progress, quotesDeadline));
  (globalThis as { gc?: () => void }).gc?.();

  send({ type: 'phase', phase: 'build' });
  const built: { corpus: Corpus; result: BuildResult } = await buildCorpus(buildOrder, progress, buildDeadline);
  put('build', built.result);
  const corpus = built.corpus;
  const inCorpus = buildOrder.slice(0, built.result.articlesDone);
  const present = new Set(inCorpus);
  // Accuracy is judged on the articles in the corpus: a time-boxed build is a smaller corpus, not a worse one.
  const judged: GeneratedCorpus = { ...generated, articles: generated.articles.filter((a) => present.has(a)) };

  send({ type: 'phase', phase: 'lookups' });
  put('lookups', measureLookups(corpus, judged, o.lookups));

  send({ type: 'phase', phase: 'accuracy' });
  put('accuracy', linkAccuracy(corpus, judged));

  send({ type: 'phase', phase: 'edit' });
  const regularIn = inCorpus.filter((a) => a !== long);
  if (regularIn.length > 0) put('edit600', measureEdit(corpus, articleNear({ ...generated, articles: regularIn }, 600), o.editRepetitions));
  if (long && present.has(long)) put('edit20k', measureEdit(corpus, long, o.editRepetitions));
  return report;
}
