// @ts-check
// The README's screenshots (media/screenshots/) are taken by the end-to-end passes themselves when
// CROSSWIRE_README_SHOTS=1, so they always show the extension as it draws today.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Whether this run retakes the README's screenshots. */
export const readmeShots = process.env.CROSSWIRE_README_SHOTS === '1';

/**
 * Copies a screenshot the run took to media/screenshots/<name>.png when README shots are asked for,
 * through Debian's pngquant when it is there (a palette of 256 colours keeps text crisp and the
 * extension page small).
 * @param {string} path the run's screenshot
 * @param {string} name the README picture's name, without extension
 */
export function keepForReadme(path, name) {
  if (!readmeShots) return;
  const target = join(repo, 'media', 'screenshots', `${name}.png`);
  copyFileSync(path, target);
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--output', target, '256', target]);
  } catch {
    // Left as taken.
  }
}
