/**
 * Decides which files are articles from the `crosswire.articles` and `crosswire.exclude` globs, the
 * same way for files on disk, watcher events and open documents. Pure: paths come in relative to a
 * workspace folder with forward slashes.
 */
import { minimatch, type MinimatchOptions } from 'minimatch';

const OPTIONS: MinimatchOptions = { dot: true, nocase: false, matchBase: false };

export class ArticleMatcher {
  constructor(
    readonly include: string,
    readonly exclude: readonly string[],
  ) {}

  /** True when `relativePath` (forward slashes, no leading slash) names an article file. */
  matches(relativePath: string): boolean {
    const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!minimatch(path, this.include, OPTIONS)) return false;
    return !this.exclude.some((g) => minimatch(path, g, OPTIONS));
  }

  /** True when `relativePath` names a folder whose whole content the excludes leave out. */
  excludesFolder(relativePath: string): boolean {
    const path = relativePath.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
    if (path === '') return false;
    return this.exclude.some((g) => minimatch(`${path}/`, g, OPTIONS) || minimatch(`${path}/x`, g, OPTIONS));
  }

  /** The excludes as one glob, the form `workspace.findFiles` takes; undefined when there are none. */
  excludeGlob(): string | undefined {
    if (this.exclude.length === 0) return undefined;
    return this.exclude.length === 1 ? this.exclude[0] : `{${this.exclude.join(',')}}`;
  }
}
