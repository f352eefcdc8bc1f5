// @ts-check
// Runs the mocha integration specs inside the extension host of a real workbench (code-server in
// headless Chromium), with this folder loaded as the extension under development and a copy of
// seeds/ as the workspace. Needs no VS Code download, unlike @vscode/test-electron. Usage:
//
//   node test/e2e/integration.mjs [--spec file.test.ts …] [--extension dir] [--keep] [--verbose]
//
// Without --spec it runs test/integration/**/*.test.ts; --extension loads another build of the
// extension than this folder's. Expects `npm run build` and
// `scripts/e2e-setup.sh` to have run.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { makeSandbox, startCodeServer } from './lib/server.mjs';
import { launchBrowser } from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const { values: flags } = parseArgs({
  options: {
    spec: { type: 'string', multiple: true },
    extension: { type: 'string', default: repo },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'timeout-s': { type: 'string', default: '300' },
  },
});
const codeServerDir =
  process.env.CROSSWIRE_E2E_CODE_SERVER ??
  join(process.env.CROSSWIRE_E2E_CACHE ?? join(homedir(), '.cache', 'crosswire-e2e'), 'code-server-4.96.4');

const extension = resolve(flags.extension ?? repo);
const specs = (flags.spec ?? findSpecs(join(repo, 'test', 'integration'))).map((s) => resolve(s));
const started = Date.now();
let passed = 0;
let failed = 0;
try {
  assert.ok(existsSync(join(codeServerDir, 'out', 'node', 'entry.js')), `no code-server in ${codeServerDir}: run scripts/e2e-setup.sh`);
  assert.ok(existsSync(join(extension, 'dist', 'extension.js')), `no dist/extension.js in ${extension}: run npm run build`);
  assert.ok(specs.length > 0, 'no integration spec found');
  const outcome = await runInHost(specs);
  for (const t of outcome.tests) {
    console.log(`  ${t.state === 'passed' ? '✓' : '✗'} ${t.title} (${t.ms} ms)`);
    for (const line of t.output ?? []) console.log(`      ${line.trim()}`);
    if (t.error) console.log(t.error.split('\n').slice(0, 8).join('\n').replace(/^/gm, '      '));
  }
  if (outcome.fatal) console.log(`  ✗ the suite did not run:\n${outcome.fatal.replace(/^/gm, '      ')}`);
  passed = outcome.tests.filter((t) => t.state === 'passed').length;
  failed = outcome.tests.filter((t) => t.state === 'failed').length + (outcome.fatal ? 1 : 0);
} catch (error) {
  console.log(`  ✗ ${error instanceof Error ? error.message : String(error)}`);
  failed++;
}
console.log(`\nintegration: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

/**
 * @param {string[]} files
 * @returns {Promise<{ tests: { title: string, state: string, ms: number, error?: string, output?: string[] }[], fatal?: string }>}
 */
async function runInHost(files) {
  const root = mkdtempSync(join(tmpdir(), 'crosswire-integration-'));
  const sandbox = makeSandbox(root, {
    workspaceSource: join(repo, 'seeds'),
    workspaceName: 'seeds',
    settings: { 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off' },
  });
  const resultFile = join(root, 'result.json');
  // The extension host inherits the server's environment: that is how the specs reach it.
  sandbox.env.CROSSWIRE_E2E_RESULT = resultFile;
  sandbox.env.CROSSWIRE_E2E_SPECS = JSON.stringify(files);
  /** @type {import('./lib/server.mjs').RunningServer | undefined} */
  let server;
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  try {
    server = await startCodeServer(codeServerDir, sandbox);
    const browser = await launchBrowser(join(root, 'chromium'), sandbox.env);
    context = browser.context;
    if (flags.verbose) {
      browser.page.on('console', (m) => {
        if (m.text().includes('[Extension Host]')) console.log(`    host: ${m.text().replace(/%c/g, '').replace(/color: \S+/g, '').trim()}`);
      });
    }
    const remote = (/** @type {string} */ path) => `vscode-remote://127.0.0.1:${server?.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(join(here, 'host'))],
    ]);
    await browser.page.goto(`${server.url}?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(payload)}`);
    const deadline = Date.now() + Number(flags['timeout-s']) * 1000;
    while (!existsSync(resultFile)) {
      if (Date.now() > deadline) throw new Error(`no result within ${flags['timeout-s']} s; logs in ${root}`);
      await sleep(250);
    }
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } finally {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (flags.keep) console.log(`  sandbox kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/** @param {string} dir @returns {string[]} */
function findSpecs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}
