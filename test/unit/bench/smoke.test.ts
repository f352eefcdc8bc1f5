import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Summary } from '../../../bench/measure';
import { evaluateBudgets, renderBudgets, renderTable, type BenchReport } from '../../../bench/report';
import { GcRecorder } from '../../../bench/index-build';
import { runSize, type SizeMessage, type SizeReport } from '../../../bench/size-run';
import { ensureWorkerBundle } from '../../../bench/worker-bundle';

const ROOT = join(__dirname, '../../..');

function assertTimings(s: Summary, what: string): void {
  assert.ok(s.count > 0, `${what}: no samples`);
  for (const k of ['p50', 'p95', 'p99', 'max'] as const) {
    assert.ok(Number.isFinite(s[k]) && s[k] > 0, `${what}.${k} = ${s[k]}`);
  }
  assert.ok(s.p50 <= s.p95 && s.p95 <= s.p99 && s.p99 <= s.max, `${what} percentiles out of order`);
}

describe('benchmark smoke run (20 articles)', function () {
  this.timeout(60_000);
  let report: SizeReport;
  let workerScript: string;
  const messages: SizeMessage[] = [];

  before(async () => {
    workerScript = (await ensureWorkerBundle(ROOT)).script;
    report = await runSize(
      {
        size: 20, seed: 99, longArticleWords: 1500, baselineArticles: 5, inProcessArticles: 8, lookups: 40, editRepetitions: 1,
        seedsDir: join(ROOT, 'seeds'), workerScript, workers: 2,
      },
      (m) => messages.push(m),
    );
  });

  it('reports every step, in order, without errors', () => {
    assert.deepEqual(messages.filter((m) => m.type === 'error'), []);
    const results = messages.flatMap((m) => (m.type === 'result' ? [m.key] : []));
    assert.deepEqual(results, [
      'generation', 'baseline', 'inProcess', 'idleLoopDelay', 'quotesPhase', 'pooled', 'memory', 'lookups', 'accuracy', 'edit600', 'edit20k',
    ]);
  });

  it('generates the corpus it was asked for, with planted links', () => {
    const g = report.generation!;
    assert.equal(g.articles, 21);
    assert.ok(g.longArticleWords >= 1500);
    assert.ok(g.plantedQuotes >= 40 && g.truePairs > 0 && g.statements > 0);
  });

  it('times in-process analysis and the compromise baseline on the articles asked for', () => {
    const { baseline, inProcess } = report;
    assert.ok(baseline!.wordsPerSecond > 0 && baseline!.perQuoteMs > 0);
    assertTimings(baseline!.perArticle, 'baseline');
    assert.equal(inProcess!.articlesDone, 8);
    assertTimings(inProcess!.perArticle, 'analysis');
    assert.ok(inProcess!.totalMs > 0 && inProcess!.wordsPerSecond > 0);
    assert.ok(inProcess!.analyzeMs > 0 && inProcess!.corpusMs > 0 && inProcess!.analyzeMs + inProcess!.corpusMs <= inProcess!.totalMs + 1);
  });

  it('builds the whole index from files in the index process, with the worker pool', () => {
    const { quotesPhase, pooled, memory, generation } = report;
    assert.equal(quotesPhase!.articlesDone, 21);
    assert.ok(quotesPhase!.ms > 0 && quotesPhase!.readMs > 0 && quotesPhase!.quotes >= generation!.plantedQuotes * 0.9);
    assert.ok(quotesPhase!.links > 0, 'the quick pass links quotes across articles');
    assert.ok(quotesPhase!.longestArticleMs > 0 && quotesPhase!.longestArticleIndex >= 0 && quotesPhase!.longestArticleWords > 0);
    // Whichever article holds the thread longest (even the first, before any yield), the monitor sees it.
    assert.ok(quotesPhase!.loopDelay.max >= quotesPhase!.longestArticleMs - 12, `${quotesPhase!.loopDelay.max} < ${quotesPhase!.longestArticleMs}`);
    assert.equal(pooled!.articlesDone, 21);
    assert.equal(pooled!.workers, 2);
    assert.equal(pooled!.words, generation!.words);
    assert.ok(pooled!.ms > 0 && pooled!.setFactsMs > 0 && pooled!.longestSetFactsMs > 0 && pooled!.longestSetFactsMs <= pooled!.setFactsMs);
    assert.equal(pooled!.setFacts.count, 21);
    assert.equal(pooled!.setFacts.max, pooled!.longestSetFactsMs);
    assert.ok(pooled!.quotes >= generation!.plantedQuotes * 0.9, 'the pooled build finds most planted quotes');
    assert.ok(pooled!.entities > 0 && pooled!.mentions > 0);
    assert.ok(pooled!.loopDelay.max >= pooled!.loopDelay.p99);
    // A setFacts blocks the main thread, so the event-loop monitor (one tick every 5 ms) sees the longest one.
    assert.ok(pooled!.loopDelay.max >= pooled!.longestSetFactsMs - 12, `${pooled!.loopDelay.max} < ${pooled!.longestSetFactsMs}`);
    // Whether the young generation is collected at all in so small a build is chance; the recorder itself is tested apart.
    assert.ok(quotesPhase!.gc.longestMs <= quotesPhase!.gc.totalMs && quotesPhase!.gc.over50Ms >= 0);
    assert.ok(pooled!.gc.longestMs <= pooled!.gc.totalMs && pooled!.gc.over50Ms >= 0);
    assert.ok(report.idleLoopDelay!.max >= 0 && report.idleLoopDelay!.max < 1000);
    assert.equal(memory!.articles, 21);
    assert.ok(Number.isFinite(memory!.heapAfterGc) && memory!.heapAfterGc > 0, 'the index process runs with --expose-gc');
    assert.ok(memory!.peakRss >= memory!.rssAfterGc && memory!.rssAfterGc > memory!.heapAfterGc);
    assert.ok(memory!.heapTotalAfterGc >= memory!.heapAfterGc && memory!.arrayBuffersAfterGc > 0);
    assert.ok(memory!.rssWorkersStopped > 0 && memory!.rssWorkersStopped < memory!.peakRss, 'the RSS with the threads stopped is measured');
    assert.ok(memory!.rssAtStart > 0 && memory!.peakRss >= memory!.rssAfterQuickPass, 'the pool and the corpus add to the process');
  });

  it('measures lookups and one-word edits of a short and a long article', () => {
    assertTimings(report.lookups!, 'lookup');
    assert.ok(report.lookups!.linksPerQuote > 0, 'hovered quotes have links');
    for (const e of [report.edit600!, report.edit20k!]) {
      assertTimings(e.set, 'edit set');
      assertTimings(e.analyze, 'edit analysis');
      assert.ok(e.analyze.p50 <= e.set.p50);
      assertTimings(e.withLinks, 'edit with links');
      assert.ok(e.withLinks.p50 >= e.set.p50 && e.baselineMs > 0);
    }
    assert.ok(report.edit20k!.words > report.edit600!.words);
  });

  it('scores links against the planted truth within [0, 1]', () => {
    const a = report.accuracy!;
    assert.equal(a.truePairs, report.generation!.truePairs);
    assert.ok(a.quotesFound > 0 && a.quotesFound <= a.plantedQuotes);
    for (const v of [a.precision, a.recall]) assert.ok(v >= 0 && v <= 1, `${v}`);
    assert.ok(a.truePositives > 0, 'some planted links are found');
    // Every planted statement appears at most once per article, so every judged link is true or false.
    assert.equal(a.truePositives + a.falsePositives, a.judgedLinks);
    assert.ok(a.judgedLinks + a.unplannedLinks === a.links);
  });

  it('renders the table and judges the budgets from the report', () => {
    const full: BenchReport = {
      date: 'now', command: 'test', node: process.version, machine: 'test', seed: 99, quick: true, durationMs: 1,
      coldLoad: { coreMs: 50, compromiseMs: 100, runs: 1 },
      activate: null,
      sizes: [{ size: 20, status: 'ok', wallMs: 1, timeoutS: 10, unfinished: null, error: null, report }],
      budgets: [],
      profiles: null,
    };
    full.budgets = evaluateBudgets(full);
    const table = renderTable(full);
    assert.ok(!table.includes('not finished') && !table.includes('NaN'), table);
    assert.match(table, /link precision\s+\d\.\d{3}/);
    const budgets = renderBudgets(full);
    assert.match(budgets, /edit re-analysis, 600 words.*(met|NOT MET)/);
    assert.match(budgets, /activate\(\).*not measured/);
    assert.match(budgets, /memory at 10,000 \(index process peak RSS\).*not measured/);
    assert.match(budgets, /host blocked.*\d+(\.\d+)? ms \(quick pass [\d.]+, longest article [\d.]+, longest GC pause [\d.]+; pooled build [\d.]+, longest setFacts [\d.]+, \d+ over 50 ms, longest GC pause [\d.]+; idle [\d.]+\).*(met|NOT MET)/);
    assert.match(budgets, /index time 10,000 over 1,000: pooled build.*not measured/);
  });

  it('cuts every phase at the time box and still reports the steps after them', async () => {
    const cutMessages: SizeMessage[] = [];
    const cut = await runSize(
      {
        size: 20, seed: 99, longArticleWords: 0, baselineArticles: 2, inProcessArticles: 20, lookups: 10, editRepetitions: 1,
        seedsDir: join(ROOT, 'seeds'), workerScript, workers: 1, deadline: Date.now() - 1,
      },
      (m) => cutMessages.push(m),
    );
    assert.deepEqual(cutMessages.filter((m) => m.type === 'error'), []);
    assert.equal(cut.inProcess!.articlesDone, 0);
    assert.equal(cut.quotesPhase!.articlesDone, 0);
    assert.equal(cut.pooled!.articlesDone, 0);
    assert.equal(cut.accuracy!.plantedQuotes, 0, 'accuracy is judged on the articles built, here none');
    assert.equal(cut.edit600, undefined);
  });

  it('marks a size that ran out of time as not finished', () => {
    const cut: BenchReport = {
      date: 'now', command: 'test', node: process.version, machine: 'test', seed: 99, quick: true, durationMs: 1,
      coldLoad: { coreMs: 50, compromiseMs: 100, runs: 1 },
      activate: null,
      sizes: [{
        size: 20, status: 'timeout', wallMs: 1, timeoutS: 7,
        unfinished: { phase: 'build', done: 50, total: 100 }, error: null,
        report: { size: 20, seed: 99, generation: report.generation, baseline: report.baseline },
      }],
      budgets: [],
      profiles: null,
    };
    cut.budgets = evaluateBudgets(cut);
    const table = renderTable(cut);
    assert.match(table, /not finished in 7 s \(build 50\/100\)/);
    assert.match(table, /link precision\s+not finished/);
    assert.ok(cut.budgets.every((b) => b.met !== true || b.name.startsWith('activate')));
  });
});

describe('benchmark garbage-collection recorder', () => {
  it('records the pauses of this thread by phase, the longest within the total', async () => {
    const recorder = new GcRecorder();
    const from = performance.now();
    let kept: unknown[] = [];
    // Enough short-lived garbage to fill the young generation many times over.
    for (let i = 0; i < 2_000_000; i++) {
      kept.push({ i, s: `x${i}` });
      if (kept.length > 1000) kept = [];
    }
    const to = performance.now();
    await recorder.stop();
    const pauses = recorder.between(from, to);
    assert.ok(pauses.totalMs > 0 && pauses.longestMs > 0 && pauses.longestMs <= pauses.totalMs, JSON.stringify(pauses));
    assert.deepEqual(recorder.between(to + 60_000, to + 120_000), { longestMs: 0, longestMajor: false, over50Ms: 0, totalMs: 0 });
  });
});
