import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { AnalyzerPool } from '../../../src/core/analyzer-pool';
import { BACKGROUND_NICE, lowerThreadPriority } from '../../../src/core/background-priority';
import { analyzeText } from '../../../src/core/corpus';
import { quoteFacts } from '../../../src/core/first-pass';
import { currentModel, sharedModelTable } from '../../../src/core/entities/model';

const WORKER = join(__dirname, '../../../src/core/worker.ts');
const seedsDir = join(__dirname, '../../../seeds');
const seeds = readdirSync(seedsDir)
  .filter((n) => n.endsWith('.txt') || n.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

describe('the analyser pool', function () {
  this.timeout(60000);
  let dir: string;
  let script: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-worker-'));
    script = join(dir, 'worker.js');
    await build({ entryPoints: [WORKER], bundle: true, platform: 'node', outfile: script, logLevel: 'silent' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyses documents in worker threads with the same result as in the caller', async () => {
    const pool = new AnalyzerPool(script, 2);
    try {
      const facts = await Promise.all(seeds.map((s) => pool.analyze(s.text, s.name)));
      for (let i = 0; i < seeds.length; i++) {
        assert.deepEqual(facts[i], JSON.parse(JSON.stringify(analyzeText(seeds[i]!.text, seeds[i]!.name))));
      }
      assert.equal(pool.queued, 0);
    } finally {
      pool.dispose();
    }
  });

  it('runs its threads at a lower priority than the caller\'s, where a thread has its own', async () => {
    const pool = new AnalyzerPool(script, 2);
    try {
      await Promise.all(seeds.slice(0, 2).map((s) => pool.analyze(s.text, s.name)));
      const nice = (task: string): number => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      };
      if (process.platform === 'linux') {
        const tasks = readdirSync('/proc/self/task');
        assert.equal(nice(String(process.pid)), 0);
        assert.equal(tasks.filter((t) => nice(t) === BACKGROUND_NICE).length, 2);
      } else {
        assert.equal(lowerThreadPriority(), false);
      }
    } finally {
      pool.dispose();
    }
  });

  it('holds the entity model once: a thread decodes it only when not given the caller’s copy, and sends its own out', async () => {
    /** The messages a bare analysis thread sends for one document. */
    const run = (workerData: unknown) =>
      new Promise<unknown[]>((resolve, reject) => {
        const worker = new Worker(script, { execArgv: [], ...(workerData ? { workerData } : {}) });
        const got: unknown[] = [];
        // The table goes out right after the facts, by the same port: a moment after them is enough.
        worker.on('message', (m) => {
          if (got.push(m) === 1) setTimeout(() => void worker.terminate().then(() => resolve(got)), 300);
        });
        worker.on('error', reject);
        worker.postMessage({ id: 1, text: seeds[0]!.text, fileName: seeds[0]!.name });
      });
    const alone = await run(undefined);
    assert.equal(alone.length, 2, 'facts, then the table it decoded');
    assert.ok((alone[1] as { modelTable?: unknown }).modelTable instanceof SharedArrayBuffer);
    currentModel();
    const table = sharedModelTable();
    assert.ok(table instanceof SharedArrayBuffer, 'the caller’s model is in shared memory');
    const given = await run({ modelTable: table });
    assert.equal(given.length, 1, 'facts only: the thread read the table it was given');
    assert.deepEqual(given[0], alone[0], 'and analysed alike');
    const wrong = await run({ modelTable: new SharedArrayBuffer(16) });
    assert.equal(wrong.length, 2, 'a table of the wrong size is not used');
    assert.deepEqual(wrong[0], alone[0]);
  });

  it('in a caller that never decoded the model: has one thread decode it, keeps the rest waiting, and gives the caller that copy', async () => {
    // A process of its own: this one's model is loaded by the tests before.
    const probe = join(dir, 'fresh-caller.js');
    const source = join(dir, 'fresh-caller.ts');
    writeFileSync(
      source,
      `import { AnalyzerPool } from ${JSON.stringify(join(__dirname, '../../../src/core/analyzer-pool'))};
import { sharedModelTable } from ${JSON.stringify(join(__dirname, '../../../src/core/entities/model'))};
const texts = ${JSON.stringify(seeds.map((x) => x.text))};
(async () => {
  const pool = new AnalyzerPool(${JSON.stringify(script)}, 2, { idleMs: 50 });
  pool.warm();
  // Idle long enough for the extra thread to stop: the one kept must be able to analyse in full.
  await new Promise((r) => setTimeout(r, 600));
  const before = pool.threads;
  const facts = await pool.analyze(texts[0], 'a.txt');
  const after = pool.threads;
  const all = await Promise.all(texts.map((t, i) => pool.analyze(t, i + '.txt')));
  const out = { before, after, mentions: facts.mentions.length, all: all.length, table: sharedModelTable() instanceof SharedArrayBuffer };
  await pool.close();
  console.log(JSON.stringify(out));
})();
`,
    );
    await build({ entryPoints: [source], bundle: true, platform: 'node', outfile: probe, logLevel: 'silent' });
    const got = JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8', timeout: 60000 })) as { before: number; after: number; mentions: number; all: number; table: boolean };
    assert.equal(got.before, 1, 'the extra thread stopped once idle');
    assert.equal(got.after, 1, 'the thread kept analyses in full: none started again to decode the model');
    assert.ok(got.mentions > 0);
    assert.equal(got.all, seeds.length);
    assert.ok(got.table, 'the caller reads the table a thread decoded');
  });

  it('refuses work once closed', async () => {
    const pool = new AnalyzerPool(script, 1);
    pool.dispose();
    await assert.rejects(pool.analyze('text', 'a.txt'), /closed/);
  });
});

describe('the analyser pool while indexing', function () {
  this.timeout(60_000);
  let dir: string;
  let script: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-pool-'));
    script = join(dir, 'worker.js');
    await build({ entryPoints: [WORKER], bundle: true, platform: 'node', outfile: script, logLevel: 'silent' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyses an open document ahead of the folder being indexed', async () => {
    const pool = new AnalyzerPool(script, 1);
    try {
      const finished: string[] = [];
      const queued = seeds.map((s) => pool.analyze(s.text, s.name).then(() => finished.push(s.name)));
      const open = seeds[0]!;
      const urgent = pool.analyze(open.text, 'open.txt', { urgent: true }).then((facts) => {
        finished.push('open.txt');
        return facts;
      });
      const facts = await urgent;
      await Promise.all(queued);
      // Only the document already in the worker's hands comes before it.
      assert.ok(finished.indexOf('open.txt') <= 1, finished.join(', '));
      assert.deepEqual(facts, JSON.parse(JSON.stringify(analyzeText(open.text, 'open.txt'))));
      assert.equal(pool.queued, 0);
    } finally {
      pool.dispose();
    }
  });

  it('stops the extra threads once idle, keeping one for edits', async () => {
    const pool = new AnalyzerPool(script, 2, { idleMs: 50 });
    try {
      pool.warm();
      assert.equal(pool.threads, 2);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(pool.threads, 1);
      const facts = await pool.analyze(seeds[1]!.text, seeds[1]!.name);
      assert.ok(facts.quotes.length > 0, 'the pool still analyses');
    } finally {
      pool.dispose();
    }
  });

  it('finds only the quotes of a long text when asked for the quick pass, ahead of full analyses', async () => {
    const pool = new AnalyzerPool(script, 1);
    try {
      const finished: string[] = [];
      const queued = seeds.map((s) => pool.analyze(s.text, s.name).then(() => finished.push(s.name)));
      const long = seeds.map((s) => s.text).join('\n\n');
      const quick = await pool.analyze(long, 'long.txt', { quick: true });
      finished.push('long.txt');
      await Promise.all(queued);
      assert.deepEqual(quick, quoteFacts(long, 'long.txt'));
      assert.ok(finished.indexOf('long.txt') <= 1, finished.join(', '));
    } finally {
      pool.dispose();
    }
  });
});

describe('lowering an analysis thread\'s priority', () => {
  it('sets the nice value of the calling thread by its id on Linux', () => {
    const calls: [number, number][] = [];
    assert.equal(lowerThreadPriority('linux', () => '4242/task/4250', (id, n) => calls.push([id, n])), true);
    assert.deepEqual(calls, [[4250, BACKGROUND_NICE]]);
  });

  it('leaves the process alone where a thread has no priority of its own, or its id cannot be read', () => {
    const calls: number[] = [];
    const set = (id: number): number => calls.push(id);
    assert.equal(lowerThreadPriority('darwin', () => '1/task/2', set), false);
    assert.equal(lowerThreadPriority('win32', () => '1/task/2', set), false);
    assert.equal(lowerThreadPriority('linux', () => { throw new Error('ENOENT'); }, set), false);
    assert.equal(lowerThreadPriority('linux', () => '4242', set), false);
    assert.deepEqual(calls, []);
  });

  it('reports a refused change without throwing', () => {
    assert.equal(lowerThreadPriority('linux', () => '1/task/2', () => { throw new Error('EACCES'); }), false);
  });
});
