import nlp from 'compromise';
import { cacheStats, resetCacheStats } from '../src/core/cache-stats';
import { analyzeText, Corpus, type CorpusQuote } from '../src/core/corpus';
import { fileNameOf } from '../src/core/ids';
import { yieldToEventLoop } from '../src/core/indexing/passes';
import { paragraphs } from '../src/core/text/paragraphs';
import { countWords, trueLinkCount, type GeneratedArticle, type GeneratedCorpus, type PlantedQuote, type Variant } from './generate';
import { Random } from './prng';

/**
 * The benchmark's measuring functions. Each takes a generated corpus (and a built `Corpus` where it
 * needs one) and returns plain numbers, so the runner can put them in a child process per size and
 * the smoke test can check them on a tiny corpus.
 */

/** Order statistics of a sample of timings, in milliseconds. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
  const total = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    mean: sorted.length ? total / sorted.length : NaN,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

export type Progress = (phase: string, done: number, total: number) => void;

/** Raw compromise parsing of the same articles, paragraph by paragraph: the yardstick for speed. */
export interface BaselineResult {
  readonly articles: number;
  readonly words: number;
  readonly totalMs: number;
  readonly perArticle: Summary;
  readonly wordsPerSecond: number;
  /** Median time to parse one quotation's words alone, the yardstick for a lookup. */
  readonly perQuoteMs: number;
}

export function parseWithCompromise(text: string): number {
  let terms = 0;
  for (const p of paragraphs(text)) {
    const json = nlp(text.slice(p.start, p.end)).json({ offset: true }) as unknown[];
    terms += json.length;
  }
  return terms;
}

export async function measureBaseline(articles: readonly GeneratedArticle[], onProgress?: Progress): Promise<BaselineResult> {
  // compromise builds its lexicon on first use; parse once so the figure is the steady speed.
  parseWithCompromise(articles[0]?.text ?? 'Warm up.');
  const times: number[] = [];
  let words = 0;
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const t = performance.now();
    parseWithCompromise(a.text);
    times.push(performance.now() - t);
    words += a.words;
    if (i % 20 === 19) {
      onProgress?.('baseline', i + 1, articles.length);
      await yieldToEventLoop();
    }
  }
  const quoteTimes: number[] = [];
  for (const a of articles.slice(0, 40)) {
    for (const q of a.quotes) {
      const t = performance.now();
      nlp(q.text).json({ offset: true });
      quoteTimes.push(performance.now() - t);
    }
  }
  const totalMs = times.reduce((a, b) => a + b, 0);
  return {
    articles: articles.length,
    words,
    totalMs,
    perArticle: summarize(times),
    wordsPerSecond: words / (totalMs / 1000),
    perQuoteMs: summarize(quoteTimes).p50,
  };
}

export interface BuildResult {
  /** Articles set; fewer than `articles` when the build hit its time box. */
  readonly articlesDone: number;
  readonly articles: number;
  readonly words: number;
  /** Wall time of `corpus.set` over every article. */
  readonly totalMs: number;
  /** Of which the per-document analysis (`analyzeText`: the part a worker thread can take). */
  readonly analyzeMs: number;
  /** Of which the corpus-wide work (`setFacts`: entity resolution, quote index). */
  readonly corpusMs: number;
  readonly perArticle: Summary;
  readonly wordsPerSecond: number;
  /** Time of the first `entities()` after the build (where a resolver defers its work). */
  readonly entitiesMs: number;
  readonly entities: number;
  readonly quotes: number;
  readonly mentions: number;
  /**
   * Peak resident set size of the benchmark process so far, in bytes: the generator's data and
   * compromise's lexicon included, so not the index's memory (see `IndexMemory`).
   */
  readonly peakRss: number;
  /** The benchmark process's heap after a full collection with the corpus alive (NaN without --expose-gc). */
  readonly heapAfterGc: number;
  readonly rssAfterGc: number;
  /** Hit rates of the analysis's caches over the build. */
  readonly caches: readonly { name: string; hits: number; misses: number; hitRate: number }[];
}

export async function buildCorpus(
  articles: readonly GeneratedArticle[],
  onProgress?: Progress,
  deadline = Infinity,
): Promise<{ corpus: Corpus; result: BuildResult }> {
  const corpus = new Corpus();
  const times: number[] = [];
  let words = 0;
  resetCacheStats();
  const wall = performance.now();
  let paused = 0;
  let done = 0;
  let analyzeMs = 0;
  let corpusMs = 0;
  for (let i = 0; i < articles.length && Date.now() < deadline; i++, done++) {
    const a = articles[i]!;
    // `set` is `analyzeText` then `setFacts`; timed apart to tell per-document from corpus-wide cost.
    const t = performance.now();
    const facts = analyzeText(a.text, fileNameOf(a.uri));
    const m = performance.now();
    corpus.setFacts(a.uri, a.text, facts, 1);
    const e = performance.now();
    analyzeMs += m - t;
    corpusMs += e - m;
    times.push(e - t);
    words += a.words;
    if (i % 50 === 49) {
      const p = performance.now();
      onProgress?.('build', i + 1, articles.length);
      await yieldToEventLoop();
      paused += performance.now() - p;
    }
  }
  const totalMs = performance.now() - wall - paused;
  let t = performance.now();
  const entities = corpus.entities().length;
  const entitiesMs = performance.now() - t;
  t = performance.now();
  let quotes = 0;
  let mentions = 0;
  for (const a of articles.slice(0, done)) {
    const d = corpus.document(a.uri);
    quotes += d?.quotes.length ?? 0;
    mentions += d?.mentions.length ?? 0;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const mem = process.memoryUsage();
  return {
    corpus,
    result: {
      articlesDone: done,
      articles: articles.length,
      words,
      totalMs,
      analyzeMs,
      corpusMs,
      perArticle: summarize(times),
      wordsPerSecond: words / (totalMs / 1000),
      entitiesMs,
      entities,
      quotes,
      mentions,
      peakRss: process.resourceUsage().maxRSS * 1024,
      heapAfterGc: gc ? mem.heapUsed : NaN,
      rssAfterGc: mem.rss,
      caches: cacheStats(),
    },
  };
}

/** Normalised for comparing a found quote with a planted one: case, punctuation and spacing ignored. */
function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Maps each found quote of the corpus to the planted quote it is, by text (or nearly the same span). */
export function mapQuotes(corpus: Corpus, generated: GeneratedCorpus): Map<string, PlantedQuote> {
  const out = new Map<string, PlantedQuote>();
  for (const a of generated.articles) {
    const found = corpus.document(a.uri)?.quotes ?? [];
    const planted = a.quotes.map((p) => ({ p, n: norm(p.text) }));
    for (const q of found) {
      const n = norm(q.text);
      let hit = planted.find((x) => x.n === n && x.p.start < q.end && q.start < x.p.end)?.p;
      if (!hit) {
        for (const { p } of planted) {
          const overlap = Math.min(p.end, q.end) - Math.max(p.start, q.start);
          if (overlap > 0 && overlap >= 0.8 * Math.max(p.end - p.start, q.end - q.start)) {
            hit = p;
            break;
          }
        }
      }
      if (hit) out.set(q.id, hit);
    }
  }
  return out;
}

/** How hard a true link is to find, by the harder of its two ends. */
export type LinkClass = 'identical' | 'truncated' | 'reworded' | 'reattributed';

function classOf(a: Variant, b: Variant): LinkClass {
  const order: LinkClass[] = ['reworded', 'truncated', 'reattributed'];
  for (const c of order) if (a === c || b === c) return c;
  return 'identical';
}

export interface AccuracyResult {
  readonly plantedQuotes: number;
  /** Planted quotes the quote finder found (mapped by text). */
  readonly quotesFound: number;
  readonly truePairs: number;
  readonly links: number;
  /** Links whose two ends are both planted quotes. */
  readonly judgedLinks: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  /** False links between a decoy and the statement whose opening it borrows. */
  readonly decoyLinks: number;
  /** Links with an end that is no planted quote (a quote found where none was planted). */
  readonly unplannedLinks: number;
  readonly precision: number;
  readonly recall: number;
  readonly recallByClass: Readonly<Record<LinkClass, { truePairs: number; found: number; recall: number }>>;
  /** A few false links, for the matcher's owners. */
  readonly falseExamples: readonly { from: string; to: string; score: number; relation: string }[];
}

/** Link precision and recall against the planted truth. */
export function linkAccuracy(corpus: Corpus, generated: GeneratedCorpus): AccuracyResult {
  const mapped = mapQuotes(corpus, generated);
  const plantedQuotes = generated.articles.reduce((n, a) => n + a.quotes.length, 0);
  const foundPlanted = new Set(mapped.values());
  const statements = generated.statements;

  const classes: Record<LinkClass, { truePairs: number; found: number; recall: number }> = {
    identical: { truePairs: 0, found: 0, recall: 0 },
    truncated: { truePairs: 0, found: 0, recall: 0 },
    reworded: { truePairs: 0, found: 0, recall: 0 },
    reattributed: { truePairs: 0, found: 0, recall: 0 },
  };
  const byStatement = new Map<number, PlantedQuote[]>();
  for (const a of generated.articles) {
    for (const q of a.quotes) byStatement.set(q.statement, [...(byStatement.get(q.statement) ?? []), q]);
  }
  for (const group of byStatement.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (group[i]!.doc !== group[j]!.doc) classes[classOf(group[i]!.variant, group[j]!.variant)].truePairs++;
      }
    }
  }

  const seen = new Set<string>();
  let links = 0;
  let judged = 0;
  let tp = 0;
  let fp = 0;
  let decoy = 0;
  let unplanned = 0;
  const falseExamples: { from: string; to: string; score: number; relation: string }[] = [];
  for (const link of corpus.links()) {
    const key = link.from < link.to ? `${link.from}|${link.to}` : `${link.to}|${link.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links++;
    const a = mapped.get(link.from);
    const b = mapped.get(link.to);
    if (!a || !b) {
      unplanned++;
      continue;
    }
    judged++;
    if (a.statement === b.statement && a.doc !== b.doc) {
      tp++;
      classes[classOf(a.variant, b.variant)].found++;
    } else if (a.statement !== b.statement) {
      fp++;
      if (statements[a.statement]?.decoyOf === b.statement || statements[b.statement]?.decoyOf === a.statement) decoy++;
      if (falseExamples.length < 5) falseExamples.push({ from: a.text, to: b.text, score: link.score, relation: link.relation });
    }
  }
  for (const c of Object.values(classes)) c.recall = c.truePairs ? c.found / c.truePairs : NaN;
  const truePairs = trueLinkCount(generated);
  return {
    plantedQuotes,
    quotesFound: foundPlanted.size,
    truePairs,
    links,
    judgedLinks: judged,
    truePositives: tp,
    falsePositives: fp,
    decoyLinks: decoy,
    unplannedLinks: unplanned,
    precision: judged ? tp / judged : NaN,
    recall: truePairs ? tp / truePairs : NaN,
    recallByClass: classes,
    falseExamples,
  };
}

/** A hover on a quote: find the quote under the pointer, then its links. */
export interface LookupResult extends Summary {
  readonly linksPerQuote: number;
}

export function measureLookups(corpus: Corpus, generated: GeneratedCorpus, samples: number, seed = 7): LookupResult {
  const rng = new Random(seed);
  const quotes: CorpusQuote[] = [];
  for (const a of generated.articles) quotes.push(...(corpus.document(a.uri)?.quotes ?? []).filter((q) => q.depth === 0));
  const times: number[] = [];
  let links = 0;
  for (let i = 0; i < Math.min(samples, quotes.length * 4); i++) {
    const q = quotes[rng.int(quotes.length)]!;
    const offset = (q.start + q.end) >> 1;
    const t = performance.now();
    const hit = corpus.quoteAt(q.uri, offset);
    const found = hit ? corpus.linksOf(hit.id) : [];
    times.push(performance.now() - t);
    links += found.length;
  }
  return { ...summarize(times), linksPerQuote: times.length ? links / times.length : 0 };
}

/**
 * Re-analysis after a one-word edit: `corpus.set` of the edited text, then the links of its quotes. Each
 * repetition puts a different word in the same place, starting from the article analysed once on the
 * measuring thread.
 */
export interface EditResult {
  readonly uri: string;
  readonly words: number;
  /** `corpus.set` alone. */
  readonly set: Summary;
  /** Of `set`, the per-document analysis (`analyzeText`); the rest is `setFacts`, the corpus-wide update. */
  readonly analyze: Summary;
  /** `corpus.set` and the links of every quote of the edited document: what a redraw needs. */
  readonly withLinks: Summary;
  /** Raw compromise parse of the same article, once. */
  readonly baselineMs: number;
}

/** Finds a word of narrative text near the middle of the article, outside every planted quote. */
function editableWord(a: GeneratedArticle): { start: number; end: number } {
  const inQuote = (i: number): boolean => a.quotes.some((q) => q.start - 2 <= i && i <= q.end + 2);
  const re = /\b[a-z]{4,}\b/g;
  re.lastIndex = a.text.length >> 1;
  for (let m = re.exec(a.text); m; m = re.exec(a.text)) {
    if (!inQuote(m.index)) return { start: m.index, end: m.index + m[0].length };
  }
  re.lastIndex = 0;
  for (let m = re.exec(a.text); m; m = re.exec(a.text)) {
    if (!inQuote(m.index)) return { start: m.index, end: m.index + m[0].length };
  }
  throw new Error(`no editable word in ${a.uri}`);
}

/** Words put in place of the edited word, one per repetition, so that no repetition repeats a text. */
const EDIT_WORDS = [
  'notably', 'reportedly', 'apparently', 'formally', 'publicly', 'privately', 'recently', 'repeatedly',
  'firmly', 'briefly', 'openly', 'quietly', 'largely', 'partly', 'mainly', 'chiefly',
];

export function measureEdit(corpus: Corpus, article: GeneratedArticle, repetitions = 7): EditResult {
  const { start, end } = editableWord(article);
  const original = article.text;
  const fileName = fileNameOf(article.uri);
  // The article as the editor opened it, analysed on this thread: an edit re-analyses what changed since.
  corpus.setFacts(article.uri, original, analyzeText(original, fileName), 1);
  const setTimes: number[] = [];
  const analyzeTimes: number[] = [];
  const totals: number[] = [];
  let version = 2;
  let edited = original;
  for (let r = 0; r < repetitions * 2; r++) {
    // Each repetition types a word not typed before, as a user would: a text analysed earlier may be
    // remembered by the analyser, and an edit back to it would time the memory, not the analysis.
    edited = `${original.slice(0, start)}${EDIT_WORDS[r % EDIT_WORDS.length]}${r >= EDIT_WORDS.length ? r : ''}${original.slice(end)}`;
    // What `corpus.set` does, in its two steps, so the report can say which one an edit waits on.
    const t = performance.now();
    const facts = analyzeText(edited, fileName);
    const a = performance.now();
    const doc = corpus.setFacts(article.uri, edited, facts, version++);
    const s = performance.now();
    analyzeTimes.push(a - t);
    for (const q of doc.quotes) corpus.linksOf(q.id);
    const e = performance.now();
    setTimes.push(s - t);
    totals.push(e - t);
  }
  corpus.set(article.uri, original, version);
  // compromise builds its lexicon on first use, which a process that analyses only in workers has not done.
  parseWithCompromise('Warm up.');
  const t = performance.now();
  parseWithCompromise(edited);
  const baselineMs = performance.now() - t;
  return {
    uri: article.uri, words: countWords(edited), set: summarize(setTimes), analyze: summarize(analyzeTimes),
    withLinks: summarize(totals), baselineMs,
  };
}

/** The article nearest `words` long, for the edit benchmark. */
export function articleNear(generated: GeneratedCorpus, words: number): GeneratedArticle {
  let best = generated.articles[0]!;
  for (const a of generated.articles) if (Math.abs(a.words - words) < Math.abs(best.words - words)) best = a;
  return best;
}
