import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeText, Corpus } from '../../../src/core/corpus';
import { quoteFacts } from '../../../src/core/first-pass';
import { quoteSteps } from '../../../src/core/indexing/steps';
import { withoutRemembering } from '../../../src/core/lru';

/**
 * What an awkward file costs next to a plain article of the same length: the whole analysis of one
 * document (`analyzeText`, then `setFacts` into a corpus that holds a real article, then the corpus's
 * links), in CPU time and in the memory the corpus keeps. Ratios, not absolute times, so that a slow or
 * busy machine changes neither side more than the other; each side is the best of two runs.
 */
const SIZE = 300_000;
/**
 * Time and kept memory of any shape, at most this many times a plain article's. Memory follows the
 * names and quotes a text holds, and a list of names holds four to six times as many as prose: it
 * keeps 5–8 times the memory (the plain article's couple of megabytes measured to a few hundred
 * kilobytes), so its bound leaves room for that measure's noise.
 */
const MAX_TIME_RATIO = 6;
/**
 * The least memory a plain article's is taken to keep, in bytes. It keeps about 2 MB, but the heap
 * measured around the work also counts what the analysis's module-level memos made or cleared on the
 * way (a memo reaching its bound starts again empty), and that has measured it as low as 0.3 MB.
 */
const PLAIN_KEPT_FLOOR = 2 * 2 ** 20;
const MAX_MEMORY_RATIO = 12;
/**
 * Time of a file added in steps, at most this many times the same file added at once. Each step takes
 * in only its new quotes, but still looks once at each group of the document's quotes so far and at
 * each of its quotes; measured: 1.1–7.2× (a quote per word, whose quotes at once are one cheap chain,
 * the most). Before the earlier steps' quotes and groups were kept, files of 5,000 quotes (313 steps)
 * took 19–31× as long in steps.
 */
const MAX_STEPS_TIME_RATIO = 10;
/** The command line's peak memory (its process's, the runtime included) with any shape, at most this many times a plain article's. */
const MAX_PEAK_RATIO = 2;

const seedsDir = join(__dirname, '../../../seeds');
const seedTexts = readdirSync(seedsDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(seedsDir, n), 'utf8'));

/** The seeds' paragraphs, each with one word in seven spelt backwards, until `size`: no paragraph recurs, so no cache helps. */
function plainText(size: number): string {
  const paras = seedTexts.join('\n\n').split(/\n\s*\n/);
  const out: string[] = [];
  let n = 0;
  for (let round = 0; n < size; round++) {
    for (const p of paras) {
      let w = round;
      const changed = p.replace(/\b([a-z])([a-z]{3,})\b/g, (m, a: string, b: string) => (w++ % 7 === 0 ? a + [...b].reverse().join('') : m));
      out.push(changed);
      n += changed.length + 2;
      if (n >= size) break;
    }
  }
  return out.join('\n\n');
}

function upTo(size: number, piece: (i: number) => string): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = piece(i);
    out.push(s);
    n += s.length;
  }
  return out.join('');
}

const WORDS = ['border', 'budget', 'harbour', 'tariff', 'pension', 'reactor', 'treaty', 'harvest', 'railway', 'ceasefire'];

const SHAPES: Record<string, () => string> = {
  'a quote per word': () => '“ok” '.repeat(SIZE / 5),
  'one quoted line repeated': () => upTo(SIZE, () => '“We will not back down from this fight,” she said.\n'),
  'different quotes that all open alike': () =>
    upTo(SIZE, (i) => `“We will ${WORDS[i % 10]} the ${WORDS[(i * 7 + 3) % 10]} ${i} and ${WORDS[(i * 3 + 1) % 10]},” he said.\n`),
  'one sentence of words with scattered quote marks': () => upTo(SIZE, (i) => (i % 37 === 0 ? '“' : i % 41 === 0 ? '” ' : '') + `word${i % 13} `),
  'ten thousand names in a list': () => upTo(SIZE, (i) => `Maria Kowalski${i}, Jan Nowak${i % 300}, Acme Holdings${i % 50}; `),
  'dense quotes and names': () =>
    upTo(SIZE, (i) => `“Statement ${i} on Ankara and Geneva,” said Maria Kowalski${i % 50}. John Smith${i % 97} of Acme Corp said “we ${i} will go”.\n\n`),
  'a line of capitals': () => plainText(SIZE).toUpperCase().replace(/\n\s*\n/g, ' '),
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Cost {
  readonly ms: number;
  readonly kept: number;
}

function cost(text: string): Cost {
  let ms = Infinity;
  let kept = Infinity;
  for (let run = 0; run < 2; run++) {
    const corpus = new Corpus();
    corpus.set('other.txt', seedTexts[0]);
    gc();
    const heap = process.memoryUsage().heapUsed;
    const start = process.cpuUsage();
    withoutRemembering(() => {
      corpus.setFacts('shape.txt', text, analyzeText(text, 'shape.txt'));
      corpus.links();
    });
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
    gc();
    kept = Math.min(kept, Math.max(0, process.memoryUsage().heapUsed - heap));
    // The other article's results are whole.
    assert.ok(corpus.document('other.txt')!.quotes.length > 0);
  }
  return { ms, kept };
}

describe('the cost of awkward files, next to a plain article of the same length', function () {
  this.timeout(300_000);
  let plain: Cost;

  before(() => {
    analyzeText(plainText(20_000), 'warm.txt');
    plain = cost(plainText(SIZE));
  });

  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: time and kept memory within a small factor`, () => {
      const text = make();
      assert.ok(Math.abs(text.length - SIZE) < SIZE * 0.02, `${text.length} characters`);
      const c = cost(text);
      const time = c.ms / plain.ms;
      const memory = c.kept / Math.max(plain.kept, PLAIN_KEPT_FLOOR);
      assert.ok(time <= MAX_TIME_RATIO, `${c.ms.toFixed(0)} ms against ${plain.ms.toFixed(0)} ms for plain text: ${time.toFixed(1)}×`);
      assert.ok(memory <= MAX_MEMORY_RATIO, `${(c.kept / 1e6).toFixed(1)} MB kept against ${(plain.kept / 1e6).toFixed(1)} MB: ${memory.toFixed(1)}×`);
      console.log(`      ${name}: ${time.toFixed(2)}× the time, ${memory.toFixed(2)}× the memory`);
    });
  }
});

/**
 * CPU time of a file's quotes joining a corpus as the editor's quick pass adds them: found, then set a
 * step of `QUOTES_PER_STEP` more quotes at a time (`quoteSteps`), or all at once, the links computed
 * after. Best of three: on a shared machine two runs in a row can both fall in a slow stretch.
 */
function costInSteps(text: string, inSteps = true): number {
  const facts = quoteFacts(text, 'shape.txt');
  let ms = Infinity;
  for (let run = 0; run < 3; run++) {
    const corpus = new Corpus();
    corpus.setFacts('other.txt', seedTexts[0], quoteFacts(seedTexts[0], 'other.txt'));
    const start = process.cpuUsage();
    withoutRemembering(() => {
      for (const step of inSteps ? quoteSteps(facts) : [facts]) corpus.setFacts('shape.txt', text, step);
      corpus.links();
    });
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
    assert.equal(corpus.document('shape.txt')!.quotes.length, facts.quotes.length);
  }
  return ms;
}

describe('the cost of awkward files added in steps, next to adding them at once', function () {
  this.timeout(300_000);

  before(() => {
    // Once before measuring, so that the first shape is not timed with the code still cold.
    costInSteps(plainText(SIZE));
  });

  for (const [name, make] of Object.entries({ 'a plain article': () => plainText(SIZE), ...SHAPES })) {
    it(`${name}: time within a small factor`, () => {
      const text = make();
      const ms = costInSteps(text);
      const once = costInSteps(text, false);
      const time = ms / once;
      assert.ok(time <= MAX_STEPS_TIME_RATIO, `${ms.toFixed(0)} ms in steps against ${once.toFixed(0)} ms at once: ${time.toFixed(1)}×`);
      console.log(`      ${name}: ${time.toFixed(2)}× the time at once`);
    });
  }
});

/** A command line run in a child process: its exit code, report, time and peak memory. */
interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly ms: number;
  readonly rssKB: number;
}

function runCli(args: string[]): CliRun {
  const cli = join(__dirname, '../../../src/cli.ts');
  const script = `
    const { main } = require(${JSON.stringify(cli)});
    let out = '';
    const t0 = process.cpuUsage();
    main(process.argv.slice(1), { out: { write: (s) => (out += s) }, err: { write: () => {} } }).then((code) => {
      const used = process.cpuUsage(t0);
      process.stdout.write(JSON.stringify({ code, out, ms: (used.user + used.system) / 1000, rssKB: process.resourceUsage().maxRSS }));
    });`;
  const r = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  assert.equal(r.status, 0, `the command line did not finish: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout) as CliRun;
}

interface Report {
  readonly documents: { readonly path: string; readonly quotes: { readonly text: string }[]; readonly mentions: { readonly text: string }[] }[];
}

describe('the cost of awkward files on the command line, next to a plain article of the same length', function () {
  this.timeout(600_000);
  let dir: string;
  let plain: CliRun;
  let alone: Report['documents'][number];

  /** The command line over a folder of `text` (as shape.txt) and a real article, best of two runs. */
  function folderWith(name: string, text: string): { run: CliRun; report: Report } {
    const at = join(dir, name);
    rmSync(at, { recursive: true, force: true });
    mkdirSync(at);
    writeFileSync(join(at, 'shape.txt'), text);
    writeFileSync(join(at, 'real.txt'), seedTexts[0]);
    const runs = [runCli(['analyze', '--json', at]), runCli(['analyze', '--json', at])];
    const run = runs[0].ms <= runs[1].ms ? runs[0] : runs[1];
    assert.equal(run.code, 0);
    return { run, report: JSON.parse(run.out) as Report };
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-cost-'));
    plain = folderWith('plain', plainText(SIZE)).run;
    const only = join(dir, 'alone');
    mkdirSync(only);
    writeFileSync(join(only, 'real.txt'), seedTexts[0]);
    alone = (JSON.parse(runCli(['analyze', '--json', only]).out) as Report).documents[0];
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: time and peak memory within a small factor, the other article's results whole`, () => {
      const { run, report } = folderWith(name.replace(/\W+/g, '-'), make());
      const real = report.documents.find((d) => d.path.endsWith('real.txt'))!;
      assert.deepEqual(real.quotes.map((q) => q.text), alone.quotes.map((q) => q.text));
      assert.deepEqual(real.mentions.map((m) => m.text), alone.mentions.map((m) => m.text));
      assert.ok(report.documents.some((d) => d.path.endsWith('shape.txt')), 'the awkward file is in the report');
      const time = run.ms / plain.ms;
      const memory = run.rssKB / plain.rssKB;
      assert.ok(time <= MAX_TIME_RATIO, `${run.ms.toFixed(0)} ms against ${plain.ms.toFixed(0)} ms for plain text: ${time.toFixed(1)}×`);
      assert.ok(memory <= MAX_PEAK_RATIO, `${run.rssKB} KB at most against ${plain.rssKB} KB: ${memory.toFixed(1)}×`);
      console.log(`      ${name}: ${time.toFixed(2)}× the time, ${memory.toFixed(2)}× the peak memory`);
    });
  }
});
