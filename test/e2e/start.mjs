// @ts-check
// `npm start` on a machine without the `code` command, as a newcomer runs it: it prints an address and
// a password, the address in a browser asks for the password and then shows the sample articles
// highlighted, and Ctrl-C ends every process it started. Used by run.mjs as the `start` pass; also
// runs alone: `node test/e2e/start.mjs [--keep]`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { installedCodeServer } from './lib/installed.mjs';
import { Runner } from './lib/runner.mjs';
import * as wb from './lib/workbench.mjs';
import { walkthroughSteps } from './walkthrough.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

/**
 * @typedef {object} Started
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<number | null>} exited resolves with the exit code
 * @property {() => string} output what it printed so far
 * @property {string} marker an environment value every process it starts inherits
 * @property {(signal: NodeJS.Signals) => void} signal sends a signal to its process group, as Ctrl-C in a terminal does
 */

/**
 * Runs `npm start -- <args>` with a home of its own under `root`, and the code-server already installed.
 * The desktop `code` command is kept off PATH, as on this machine.
 * @param {string} root
 * @param {string} codeServerDir
 * @param {string[]} args
 * @returns {Started}
 */
export function npmStart(root, codeServerDir, args) {
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  const marker = `start-${process.pid}-${Date.now()}`;
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !isExecutable(join(dir, 'code'))).join(delimiter);
  const child = spawn('npm', ['start', '--silent', '--', '--no-browser', ...args], {
    cwd: repo,
    env: { ...process.env, PATH: path, HOME: home, CROSSWIRE_E2E_CODE_SERVER: codeServerDir, CROSSWIRE_START_PROBE: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, as a terminal gives a command; Ctrl-C signals that whole group.
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d) => { out += d; });
  child.stderr?.on('data', (d) => { out += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const signal = (/** @type {NodeJS.Signals} */ name) => {
    try { process.kill(-(child.pid ?? 0), name); } catch { /* ended */ }
  };
  return { child, exited, output: () => out, marker, signal };
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for the address and password `npm start` prints.
 * @param {Started} started
 * @param {number} timeoutMs
 * @returns {Promise<{ url: string, password: string }>}
 */
async function printedAddress(started, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let code = null;
  started.exited.then((c) => { code = c ?? -1; });
  while (Date.now() < deadline) {
    const url = /address:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(started.output())?.[1];
    const password = /password:\s+(\S+)/.exec(started.output())?.[1];
    if (url && password) return { url, password };
    if (code !== null) throw new Error(`npm start exited (${code}) without printing an address:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm start printed no address within ${timeoutMs} ms:\n${started.output()}`);
}

/**
 * Processes still running that inherited the marker: whatever `npm start` left behind.
 * @param {string} marker
 * @returns {string[]}
 */
export function processesWithMarker(marker) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!environ.split('\0').includes(`CROSSWIRE_START_PROBE=${marker}`)) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').trim();
      found.push(`${pid} ${cmd.slice(0, 160)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Ends whatever a start left, however a step failed.
 * @param {Started} started
 */
function killAll(started) {
  if (started.child.exitCode === null) started.signal('SIGKILL');
  for (const line of processesWithMarker(started.marker)) {
    try { process.kill(Number(line.split(' ')[0]), 'SIGKILL'); } catch { /* gone */ }
  }
}

/**
 * The processes of a start still running once they have had `ms` to end.
 * @param {Started} started
 * @param {number} [ms]
 */
async function leftAfter(started, ms = 3_000) {
  let left = processesWithMarker(started.marker);
  for (let waited = 0; waited < ms && left.length; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesWithMarker(started.marker);
  }
  return left;
}

/**
 * Logs in with the password at the address, as the login page asks.
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {{ url: string, password: string }} at
 */
export async function logIn(page, at) {
  await page.goto(at.url);
  const field = page.locator('input[type="password"]');
  await field.waitFor({ timeout: 30_000 });
  await field.fill(at.password);
  await page.keyboard.press('Enter');
}

/**
 * The `start` pass: start, log in, see highlights, follow the walkthrough a newcomer is shown, stop,
 * nothing left.
 * @param {Runner} runner
 * @param {{ codeServerDir: string, screenshots: string, keep?: boolean }} options
 */
export async function startPass(runner, { codeServerDir, screenshots, keep = false }) {
  const suite = 'start';
  console.log(`\n${suite}`);
  const root = mkdtempSync(join(tmpdir(), 'crosswire-e2e-start-'));
  const started = npmStart(root, codeServerDir, []);
  /** @type {import('./lib/workbench.mjs').BrowserContext | undefined} */
  let context;
  try {
    /** @type {{ url: string, password: string } | undefined} */
    let at;
    await runner.step(suite, 'npm start prints a loopback address and a password', async () => {
      at = await printedAddress(started, 120_000);
      assert.match(started.output(), /Ctrl-C/);
    }, { timeoutMs: 130_000 });
    if (!at) return;
    const address = at;
    const browser = await wb.launchBrowser(join(root, 'chromium'), { HOME: join(root, 'browser-home') });
    context = browser.context;
    const page = browser.page;
    await runner.step(suite, 'the address asks for the password, and a wrong one is refused', async () => {
      await logIn(page, { url: address.url, password: 'not-the-password' });
      await page.locator('.error, [class*="error"]').first().waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('.monaco-workbench').count(), 0, 'the workbench opened without the password');
    });
    await runner.step(suite, 'with the password, the workbench shows seeds/ with Crosswire’s highlights', async () => {
      await logIn(page, address);
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
      const shown = (await wb.explorerNames(page)).sort();
      const onDisk = readdirSync(join(repo, 'seeds')).filter((n) => !n.startsWith('.')).sort();
      assert.deepEqual(shown, onDisk);
      await wb.openFromExplorer(page, onDisk[0] ?? '');
      await wb.waitForDecorations(page, 60_000);
      await page.mouse.move(5, 5);
      await wb.screenshot(page, screenshots, '10-npm-start');
    }, { timeoutMs: 150_000 });
    await walkthroughSteps(runner, suite, page);
    await context.close();
    context = undefined;
    await runner.step(suite, 'Ctrl-C stops npm start and every process it started', async () => {
      assert.ok(processesWithMarker(started.marker).length >= 2, 'code-server was not found running before Ctrl-C');
      started.signal('SIGINT');
      const code = await Promise.race([started.exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
      assert.notEqual(code, 'still running', 'npm start did not end within 20 s of Ctrl-C');
      assert.deepEqual(await leftAfter(started), [], 'processes left running after Ctrl-C');
      assert.match(started.output(), /Stopping code-server/);
    }, { timeoutMs: 30_000 });
    await runner.step(suite, 'SIGTERM to npm alone (kill <pid>) also leaves nothing running', async () => {
      const again = npmStart(root, codeServerDir, []);
      try {
        await printedAddress(again, 120_000);
        // npm passes SIGTERM to its shell, which dies without passing it on: start.mjs must notice.
        again.child.kill('SIGTERM');
        assert.deepEqual(await leftAfter(again, 10_000), [], 'processes left running after SIGTERM to npm');
      } finally {
        killAll(again);
      }
    }, { timeoutMs: 150_000 });
  } finally {
    await context?.close().catch(() => undefined);
    killAll(started);
    if (keep) console.log(`      kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const codeServerDir = installedCodeServer();
  assert.ok(existsSync(join(codeServerDir, 'out', 'node', 'entry.js')), `no code-server in ${codeServerDir}: run scripts/e2e-setup.sh`);
  const screenshots = join(here, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  const runner = new Runner();
  await startPass(runner, { codeServerDir, screenshots, keep: process.argv.includes('--keep') });
  console.log(`${runner.passed} passed, ${runner.failed} failed`);
  process.exitCode = runner.failed > 0 || runner.passed === 0 ? 1 : 0;
}
