// The whole test suite, as the README's test command and CI run it: type check, lint, build, unit tests,
// then the end-to-end tests in a real VS Code (code-server) driven through headless Chromium.
// Prints one closing line that adds up every suite's tests.
import { spawn } from 'node:child_process';

const unitOnly = process.argv.includes('--unit');

/** Runs a command, echoing its output, and returns its exit code and what it printed. */
function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', '.'], null],
  ['lint', 'npx', ['eslint', 'src', 'test', 'bench', 'scripts'], null],
  ['build', 'node', ['scripts/build.mjs'], null],
  ['unit tests', 'npx', ['mocha'], 'mocha'],
];
if (!unitOnly) {
  steps.push(
    ['end-to-end setup: Chromium and code-server', 'bash', ['scripts/e2e-setup.sh'], null],
    ['integration tests inside a real VS Code extension host', 'node', ['test/e2e/integration.mjs'], 'plain'],
    ['end-to-end tests in a real VS Code workbench', 'node', ['test/e2e/run.mjs'], 'plain'],
  );
}

/** Lines of a run's end repeated when it names no failing test. */
const TAIL_LINES = 30;

/**
 * Mocha's account of its failing tests (from "N failing" on), or the lines of a plain runner that mark a
 * failure, so that the closing lines of a long log still say which tests failed and why.
 */
function failureDetails(counts, out) {
  const lines = out.split('\n');
  // A run that died before it could say which tests failed: its last words say why.
  const tail = () => lines.slice(-TAIL_LINES).join('\n').trim();
  if (counts === 'mocha') {
    const at = out.search(/^\s*\d+ failing/m);
    return at < 0 ? tail() : out.slice(at).trim().split('\n').slice(0, 120).join('\n');
  }
  const kept = [];
  lines.forEach((line, i) => {
    if (!/^\s*✗/.test(line)) return;
    kept.push(line);
    for (let j = i + 1; j < lines.length && j <= i + 30 && /^ {6}/.test(lines[j]); j++) kept.push(lines[j]);
  });
  return kept.length ? kept.slice(0, 120).join('\n') : tail();
}

let passed = 0;
let failed = 0;
const failures = [];
const details = [];
for (const [label, command, args, counts] of steps) {
  const { code, out } = await run(label, command, args);
  if (counts === 'mocha') {
    passed += Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
    failed += Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  } else if (counts === 'plain') {
    const m = [...out.matchAll(/^(\d+) passed, (\d+) failed$/gm)].pop();
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
  }
  if (code !== 0) {
    failures.push(label);
    const said = failureDetails(counts, out);
    if (said) details.push(`${label}:\n${said}`);
    // Without a build or a set-up workbench the later steps cannot tell anything.
    if (!counts) break;
  }
}
if (details.length) console.log(`\n${details.join('\n\n')}`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exitCode = failures.length ? 1 : 0;
