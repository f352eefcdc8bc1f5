import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Newest modification time of the files under `dir`, in milliseconds; 0 when there are none. */
function newestUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The extension's analysis worker, `dist/worker.js`, rebuilt first when it is missing or older than the
 * core's sources (or the installed packages), so that the benchmark never times a stale worker. It is
 * built by `npm run build`'s own script, for the worker alone, so that a half-edited file elsewhere in
 * the extension cannot stop the benchmark. Returns the script's path and whether it
 * was rebuilt.
 */
export async function ensureWorkerBundle(root: string): Promise<{ script: string; rebuilt: boolean }> {
  const script = join(root, 'dist', 'worker.js');
  const sources = Math.max(
    newestUnder(join(root, 'src', 'core')),
    existsSync(join(root, 'package-lock.json')) ? statSync(join(root, 'package-lock.json')).mtimeMs : 0,
    statSync(join(root, 'scripts', 'build.mjs')).mtimeMs,
  );
  if (existsSync(script) && statSync(script).mtimeMs >= sources) return { script, rebuilt: false };
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--only=worker'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the worker failed: ${built.stderr || built.stdout}`);
  return { script, rebuilt: true };
}
