// Bundles the extension, the command line and the analysis worker with esbuild; `vscode` stays external.
//   node scripts/build.mjs [--production] [--watch] [--only=extension|cli|worker]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import ascii from './ascii-output.cjs';
import { writeExtensionPage } from './extension-page.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [ascii.asciiOutput],
};

const entries = [
  { name: 'extension', entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { name: 'cli', entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { name: 'worker', entryPoints: ['src/core/worker.ts'], outfile: 'dist/worker.js' },
].filter((e) => existsSync(e.entryPoints[0]) && (!only || e.name === only));

const options = (e) => ({ ...common, entryPoints: e.entryPoints, outfile: e.outfile, ...(e.banner ? { banner: e.banner } : {}) });

// The extension's page ships with the extension: written whenever the extension is built.
if (!only || only === 'extension') writeExtensionPage();

if (watch) {
  for (const e of entries) await (await esbuild.context(options(e))).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build(options(e))));
}
