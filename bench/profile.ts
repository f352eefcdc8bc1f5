import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileEntry } from './report';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where the time went: self time by function and by source file, across every profile in `dir`. */
export interface ProfileSummary {
  readonly functions: ProfileEntry[];
  readonly modules: ProfileEntry[];
}

/**
 * Sums the self time of every function in the `.cpuprofile` files of `dir`, mapped through the
 * bundles' source maps back to the TypeScript (or node_modules) file and line it comes from.
 */
export function summarizeProfiles(dir: string, root: string): ProfileSummary | null {
  if (!existsSync(dir)) return null;
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        const file = fileURLToPath(url);
        if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = null;
      }
      maps.set(url, map);
    }
    return maps.get(url) ?? null;
  };
  const byFunction = new Map<string, { name: string; location: string; micros: number }>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const node of profile.nodes) {
      const micros = self.get(node.id);
      if (!micros) continue;
      const cf = node.callFrame;
      if (cf.functionName === '(idle)') continue;
      total += micros;
      let location = cf.url ? `${cf.url}:${cf.lineNumber + 1}` : '';
      let file = cf.url || cf.functionName;
      if (cf.url.startsWith('file:')) {
        const entry = mapFor(cf.url)?.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
        if (entry?.originalSource) {
          const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
          file = relative(root, source.startsWith('/') ? source : join(dirname(fileURLToPath(cf.url)), source));
          location = `${file}:${(entry.originalLine ?? 0) + 1}`;
        } else {
          file = relative(root, fileURLToPath(cf.url));
          location = `${file}:${cf.lineNumber + 1}`;
        }
      }
      const key = `${cf.functionName}@${location}`;
      const entry = byFunction.get(key) ?? { name: cf.functionName || '(anonymous)', location, micros: 0 };
      entry.micros += micros;
      byFunction.set(key, entry);
      const module = moduleOf(file);
      byModule.set(module, (byModule.get(module) ?? 0) + micros);
    }
  }
  if (total === 0) return null;
  const functions = [...byFunction.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, 60)
    .map((e) => ({ name: e.name, location: e.location, selfMs: e.micros / 1000, share: (100 * e.micros) / total }));
  const modules = [...byModule.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([name, micros]) => ({ name, location: name, selfMs: micros / 1000, share: (100 * micros) / total }));
  return { functions, modules };
}

/** A package for node_modules files, a folder of src/core for ours: the unit that has an owner. */
function moduleOf(file: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  const core = /^src\/core\/([^/]+)\//.exec(file);
  if (core) return `src/core/${core[1]}`;
  return file;
}
