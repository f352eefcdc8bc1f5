/**
 * Writing an export to a local folder, for the command line. An export never goes among the
 * articles it describes: a folder equal to or inside a folder of articles is refused, unless it lies
 * in a folder the article search leaves out (hidden or build folders, such as `.crosswire/export`),
 * where its copies of the texts can never be read back as articles; and no file is written where an
 * article is, through a link or otherwise.
 */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isInside, skippedFolder } from '../files';
import type { ExportFile } from './model';

/** The nearest existing folder at or above `path`, as a real path. */
function realExisting(path: string): { real: string; rest: string[] } {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return { real: realpathSync(at), rest };
    } catch {
      const up = dirname(at);
      if (up === at) return { real: at, rest };
      rest.unshift(at.slice(up.length).replace(/^[\\/]/, ''));
      at = up;
    }
  }
}

/** The real path `out` would have once made, links on the way resolved. */
export function realOut(out: string): string {
  const { real, rest } = realExisting(out);
  return rest.length ? join(real, ...rest) : real;
}

/**
 * Why an export may not be written to `out`, or null when it may. `inputs` are the files and folders
 * the articles were found in; `articles` the real paths of the articles.
 */
export function exportTargetProblem(out: string, inputs: readonly string[]): string | null {
  const target = realOut(out);
  for (const input of inputs) {
    let root: string;
    try {
      root = realpathSync(input);
      if (!statSync(root).isDirectory()) root = dirname(root);
    } catch {
      continue;
    }
    if (!isInside(target, [root])) continue;
    const inner = relative(root, target).split(sep).filter(Boolean);
    if (inner.some(skippedFolder)) continue;
    return target === root
      ? 'the export would be written among the articles; give another --out folder (outside the articles, or a hidden one such as .crosswire/export)'
      : 'the export folder is inside the folder of articles, where its copies would be read as articles; give another --out folder (outside the articles, or a hidden one such as .crosswire/export)';
  }
  return null;
}

/**
 * Writes the files under `out` (made if missing), never over an article: a file whose real path is one
 * of `articles` is refused and nothing is written. Returns the paths written.
 */
export function writeExport(out: string, files: readonly ExportFile[], articles: ReadonlySet<string>): string[] {
  const targets = files.map((f) => join(out, ...f.path.split('/')));
  for (const t of targets) {
    if (existsSync(t) && articles.has(realpathSync(t))) throw new Error(`${t} is an article; nothing was exported`);
    if (articles.has(realOut(t))) throw new Error(`${t} is an article; nothing was exported`);
  }
  files.forEach((f, i) => {
    mkdirSync(dirname(targets[i]!), { recursive: true });
    writeFileSync(targets[i]!, f.content);
  });
  return targets;
}
