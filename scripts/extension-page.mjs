// Writes dist/README.md, the README as the extension page shows it (the Extensions view, the
// Marketplace). That page is a webview that loads pictures only from `https:` and `data:` addresses,
// and a locally installed extension has no `https:` address of its own: each picture the README
// takes from this repository is inlined as a `data:` address, and each link to another file of the
// repository points at the repository instead. `npm run package` ships this file as the README.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** Whether a link target is a path inside the repository rather than an address or an anchor. */
function isRelative(target) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#') && !target.startsWith('/');
}

/**
 * The extension page's Markdown for `markdown`, whose relative paths are relative to `base`.
 * @param {string} markdown
 * @param {{ base: string, repository: string }} options
 */
export function extensionPage(markdown, { base, repository }) {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (all, alt, target) => {
      if (!isRelative(target)) return all;
      const file = join(base, target);
      const type = TYPES[extname(file).toLowerCase()];
      if (!type) throw new Error(`README picture ${target}: only PNG, JPEG and GIF can be shown on the extension page`);
      if (!existsSync(file)) throw new Error(`README picture ${target} does not exist`);
      return `![${alt}](data:${type};base64,${readFileSync(file).toString('base64')})`;
    })
    .replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (all, words, target) => (isRelative(target) ? `[${words}](${repository})` : all));
}

/** The repository's web address, from package.json's `repository`. */
function repositoryOf(manifest) {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url ?? '';
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** Writes dist/README.md from README.md. */
export function writeExtensionPage() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const page = extensionPage(readFileSync(join(root, 'README.md'), 'utf8'), { base: root, repository: repositoryOf(manifest) });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'README.md'), page);
}
