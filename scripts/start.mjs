// Opens a folder of articles (the sample articles by default) in a real VS Code with this extension,
// after a build. With the `code` command, in the desktop VS Code; without it, in code-server (VS Code in
// the browser, the one the end-to-end tests use), installed on first use and served on this machine only.
//
//   npm start [-- [--no-browser] <folder>]
//
// CROSSWIRE_E2E_CACHE is where code-server and the workbench's own profile are kept (~/.cache/crosswire-e2e);
// CROSSWIRE_E2E_CODE_SERVER names a code-server folder to use instead of installing one.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { installExtensionFolder, startCodeServer } from '../test/e2e/lib/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CODE_SERVER_VERSION = '4.96.4';

/** The workbench profile's first settings; the user's changes are kept after that. */
const FIRST_SETTINGS = {
  // The Welcome page lists Crosswire's walkthrough.
  'workbench.startupEditor': 'welcomePage',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  // A folder of downloaded articles may be untrusted: no dialog, Restricted Mode until the user trusts
  // it (Crosswire works in it).
  'security.workspace.trust.startupPrompt': 'never',
  // Restricted Mode boxes every curly quote and apostrophe as a look-alike of code's quote marks;
  // in articles they are the typography.
  '[plaintext]': { 'editor.unicodeHighlight.ambiguousCharacters': false },
  '[markdown]': { 'editor.unicodeHighlight.ambiguousCharacters': false },
  'editor.wordWrap': 'on',
};

const { values: flags, positionals } = parseArgs({
  options: { 'no-browser': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  allowPositionals: true,
});
if (flags.help || positionals.length > 1) {
  process.stdout.write('Usage: npm start [-- [--no-browser] <folder>]   (default folder: seeds/)\n');
  process.exit(flags.help ? 0 : 2);
}
// npm runs the script from the package folder; a folder given on its command line is relative to where npm was run.
const workspace = positionals[0] ? resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]) : join(root, 'seeds');
if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
  process.stderr.write(`start: ${workspace} is not a folder\n`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const probe = spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' });
if (!probe.error && probe.status === 0) {
  const run = spawnSync('code', ['--extensionDevelopmentPath', root, workspace], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(run.status ?? 0);
}

const cache = process.env.CROSSWIRE_E2E_CACHE ?? join(homedir(), '.cache', 'crosswire-e2e');
const codeServerDir = process.env.CROSSWIRE_E2E_CODE_SERVER ?? installCodeServer();
if (!codeServerDir) {
  reportInstead();
} else {
  await serve(codeServerDir);
}

/**
 * Installs code-server with the end-to-end setup (skipped in well under a second once done), showing
 * its progress. Returns its folder, or undefined when it cannot be installed here.
 */
function installCodeServer() {
  const ready = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  if (existsSync(join(ready, '.crosswire-ready'))) return ready;
  process.stderr.write(
    'The `code` command is not on PATH: installing VS Code for the browser (code-server ' +
      `${CODE_SERVER_VERSION}) into ${cache}, once. This takes a few minutes.\n`,
  );
  const setup = spawnSync('bash', [join(root, 'scripts', 'e2e-setup.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, CROSSWIRE_E2E_CACHE: cache },
  });
  if (setup.status !== 0) return undefined;
  return setup.stdout.trim().split('\n').pop();
}

/** The command-line report, for a machine where neither VS Code nor code-server can run. */
function reportInstead() {
  process.stdout.write(
    [
      '',
      'VS Code cannot be started here: the `code` command is not on PATH and code-server could not be',
      'installed (the lines above say why). Install VS Code and its `code` command (Command Palette →',
      '"Shell Command: Install \'code\' command in PATH") and run `npm start` again, or run this yourself:',
      '',
      `  code --extensionDevelopmentPath="${root}" "${workspace}"`,
      '',
      `Meanwhile, this is what Crosswire finds in ${workspace} (the command-line report, \`npx crosswire analyze\`):`,
      '',
    ].join('\n'),
  );
  const report = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', workspace], { stdio: 'inherit' });
  process.exit(report.status ?? 1);
}

/**
 * Serves the workbench on 127.0.0.1 behind a password made for this start, until Ctrl-C or SIGTERM,
 * which stop code-server's whole process group (its extension host and terminals included).
 * @param {string} codeServerDir
 */
async function serve(codeServerDir) {
  // A profile of its own, kept between starts (settings, open editors), never the user's real one.
  const state = join(cache, 'workbench');
  const userDataDir = join(state, 'user-data');
  const extensionsDir = join(state, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(FIRST_SETTINGS, null, 2) + '\n');
  // The build just made is the one installed: a fresh copy each start, so no stale file is left in it.
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  installExtensionFolder(root, extensionsDir);
  // code-server otherwise writes a config file with a password of its own into ~/.config.
  const config = join(state, 'config.yaml');
  writeFileSync(config, '');

  const password = randomBytes(12).toString('base64url');
  let server;
  try {
    server = await startCodeServer(
      codeServerDir,
      { root: state, userDataDir, extensionsDir, workspace, env: {} },
      { password, extraArgs: ['--config', config, '--app-name', 'Crosswire'], stopOnSignals: false },
    );
  } catch (error) {
    process.stderr.write(`start: code-server in ${codeServerDir} did not start: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  process.stdout.write(
    [
      '',
      `Crosswire is open in VS Code for the browser, on this machine only, with ${workspace}:`,
      '',
      `  address:  ${server.url}`,
      `  password: ${password}`,
      '',
      `The password is new each start. Press Ctrl-C here to stop it. (code-server's log: ${server.logFile})`,
      '',
    ].join('\n'),
  );
  if (!flags['no-browser']) openBrowser(server.url);

  let stopping = false;
  const stop = async (/** @type {string} */ why, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${why}\n`);
    await server.stop();
    process.exit(code);
  };
  // Asked to end, code-server gets SIGTERM and a moment to save its state, then its group is killed.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop('Stopping code-server…'));
  // npm passes SIGTERM on to its shell, which ends without passing it on: this script is then orphaned.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('npm start was ended: stopping code-server…');
    try {
      process.kill(server.pid, 0);
    } catch {
      void stop(`code-server stopped by itself; see ${server.logFile}`, 1);
    }
  }, 500);
}

/**
 * Opens the address in the desktop's browser when there is a desktop; without one (a server, a
 * container, an SSH session) the printed address is enough, and nothing fails.
 * @param {string} url
 */
function openBrowser(url) {
  const opener =
    process.platform === 'darwin' ? 'open'
    : process.platform === 'win32' ? null
    : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? 'xdg-open'
    : null;
  if (!opener) return;
  try {
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener installed: the address is printed above.
  }
}
