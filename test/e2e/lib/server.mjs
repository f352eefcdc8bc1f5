// @ts-check
// Starts and stops a code-server workbench in an isolated sandbox: its own user data, extensions,
// XDG folders and a copy of the workspace, so a run never reads or writes the real home.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @typedef {object} Sandbox
 * @property {string} root        the run's temporary folder
 * @property {string} userDataDir code-server's --user-data-dir
 * @property {string} extensionsDir code-server's --extensions-dir
 * @property {string} workspace   the folder opened in the workbench (a copy)
 * @property {Record<string, string>} env environment with HOME and XDG_* inside the sandbox
 */

/**
 * Lays out a fresh sandbox under `root`.
 * @param {string} root
 * @param {{ workspaceSource: string, workspaceName: string, settings: Record<string, unknown> }} options
 * @returns {Sandbox}
 */
export function makeSandbox(root, { workspaceSource, workspaceName, settings }) {
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspace = join(root, 'workspace', workspaceName);
  const home = join(root, 'home');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, home]) mkdirSync(dir, { recursive: true });
  cpSync(workspaceSource, workspace, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: join(root, 'runtime'),
  };
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  return { root, userDataDir, extensionsDir, workspace, env };
}

/**
 * Installs an unpacked extension the way the marketplace would leave it:
 * `<extensionsDir>/<publisher>.<name>-<version>`.
 * @param {string} extensionRoot folder holding package.json and the built files
 * @param {string} extensionsDir
 * @returns {{ id: string, version: string, dir: string }}
 */
export function installExtensionFolder(extensionRoot, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const dir = join(extensionsDir, `${id}-${manifest.version}`);
  mkdirSync(dir, { recursive: true });
  const shipped = ['package.json', 'dist', 'media', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md'];
  for (const entry of shipped) {
    const from = join(extensionRoot, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
  }
  // As `npm run package` does: the README the extension page shows is the build's, pictures inlined.
  const page = join(extensionRoot, 'dist', 'README.md');
  if (!existsSync(page)) throw new Error('no dist/README.md: run npm run build');
  cpSync(page, join(dir, 'README.md'));
  return { id, version: manifest.version, dir };
}

/** Process groups of the servers this process started and has not stopped yet. */
const running = new Set();

/**
 * The servers run detached, so an interrupted test run would leave them (and their extension
 * hosts) behind; kill their groups on the way out, however the run ends.
 */
function killLeftoversOnExit(onSignals = true) {
  if (killLeftoversOnExit.installed) return;
  killLeftoversOnExit.installed = true;
  const killAll = () => {
    for (const pid of running) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    running.clear();
  };
  process.on('exit', killAll);
  if (!onSignals) return;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}
killLeftoversOnExit.installed = false;

/** @returns {Promise<number>} a TCP port on 127.0.0.1 that was free a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * @typedef {object} RunningServer
 * @property {string} url      the workbench's address
 * @property {number} port
 * @property {number} pid      leader of the server's own process group
 * @property {string} logFile  the server's stdout and stderr
 * @property {() => Promise<void>} stop kills the whole process group (extension host included)
 */

/**
 * Starts code-server detached, in its own process group, and waits until it answers.
 * `password` turns on code-server's password login (passed through the environment, never on the
 * command line where other users' `ps` would show it); without it anyone who reaches the port is in.
 * `stopOnSignals: false` leaves Ctrl-C and SIGTERM to the caller (the group is still killed on exit).
 * @param {string} codeServerDir
 * @param {Pick<Sandbox, 'root' | 'userDataDir' | 'extensionsDir' | 'workspace' | 'env'>} sandbox
 * @param {{ timeoutMs?: number, password?: string, extraArgs?: string[], stopOnSignals?: boolean }} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startCodeServer(codeServerDir, sandbox, { timeoutMs = 30_000, password, extraArgs = [], stopOnSignals = true } = {}) {
  const port = await freePort();
  const logFile = join(sandbox.root, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    join(codeServerDir, 'out', 'node', 'entry.js'),
    '--auth', password === undefined ? 'none' : 'password',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...extraArgs,
    sandbox.workspace,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...sandbox.env, ...(password === undefined ? {} : { PASSWORD: password }) },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  child.unref();
  killLeftoversOnExit(stopOnSignals);
  running.add(pid);
  let exited = false;
  child.on('exit', () => { exited = true; });

  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    running.delete(pid);
    for (const signal of /** @type {const} */ (['SIGTERM', 'SIGKILL'])) {
      try { process.kill(-pid, signal); } catch { return; }
      for (let i = 0; i < 20; i++) {
        await sleep(100);
        try { process.kill(-pid, 0); } catch { return; }
      }
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const response = await fetch(`${url}healthz`);
      if (response.ok) return { url, port, pid, logFile, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`code-server did not answer within ${timeoutMs} ms; see ${logFile}`);
}

/**
 * Log files under `userDataDir/logs` that `keep` accepts, by path.
 * @param {string} userDataDir
 * @param {(path: string) => boolean} keep
 * @returns {string[]}
 */
function logFiles(userDataDir, keep) {
  const logsRoot = join(userDataDir, 'logs');
  if (!existsSync(logsRoot)) return [];
  return readdirSync(logsRoot, { recursive: true, encoding: 'utf8' })
    .map((relative) => join(logsRoot, relative))
    .filter((path) => path.endsWith('.log') && keep(path));
}

/**
 * Lines of the logs that report a failure of the given extension: a failed activation or an
 * error line naming it in the extension host's log, and any error the extension wrote to its own
 * log channel. Built-in extensions log unrelated network errors in the host's log, so its other
 * `[error]` lines are not counted.
 * @param {string} userDataDir
 * @param {string} extensionId
 * @returns {string[]}
 */
export function extensionErrors(userDataDir, extensionId) {
  const id = extensionId.toLowerCase();
  /** @type {string[]} */
  const problems = [];
  const hostLogs = logFiles(userDataDir, (p) => /exthost\.log$/.test(p));
  const ownLogs = logFiles(userDataDir, (p) => p.toLowerCase().includes(`/${id}/`));
  for (const file of [...hostLogs, ...ownLogs]) {
    const own = ownLogs.includes(file);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const lower = line.toLowerCase();
      const failedActivation = lower.includes(`activating extension ${id} failed`);
      const error = lower.includes('[error]') && (own || lower.includes(id));
      if (failedActivation || error) {
        // The stack trace follows on the next lines; keep a few for the report.
        problems.push([line, ...lines.slice(index + 1, index + 4).filter((l) => /^\s+at /.test(l))].join('\n'));
      }
    });
  }
  return problems;
}
