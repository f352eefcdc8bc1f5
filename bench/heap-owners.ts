/**
 * What holds the memory of a heap snapshot, by owner: each object's own size is counted to the first
 * object of a named class on its way to the roots (first retainer first), with the field it is held
 * by (`QuoteIndex.entries`, `EntityResolver.docs`), and the corpus's documents by their fields. For the
 * snapshots the benchmark's index process writes when `CROSSWIRE_BENCH_HEAP_SNAPSHOTS` names a folder:
 *
 *   CROSSWIRE_BENCH_HEAP_SNAPSHOTS=/tmp npm run bench -- --sizes 10000
 *   node --max-old-space-size=8192 --import tsx bench/heap-owners.ts /tmp/index-10001.heapsnapshot
 *
 * "First retainer" is a simplification of V8's dominator tree: an object held from two places is
 * counted once, under the first. Good enough to see which structure is large.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Plain containers and V8's internals: memory they hold belongs to whoever holds them. */
const GENERIC = new Set(['Object', 'Array', 'Map', 'Set', 'ArrayBuffer', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float64Array', '']);

function main(file: string): void {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { node_fields: nf, node_types: [types], edge_fields: ef, edge_types: [edgeTypes] } = s.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f));
  const { nodes, edges, strings } = s;
  const count = nodes.length / N;
  const typeOf = (i: number) => types[nodes[i * N + typeAt]];
  const nameOf = (i: number) => strings[nodes[i * N + nameAt]];
  // The first retainer of each node and the edge's name.
  const parent = new Int32Array(count).fill(-1);
  const via = new Array<string>(count);
  let e = 0;
  for (let i = 0; i < count; i++) {
    for (let k = nodes[i * N + edgeCountAt]; k > 0; k--, e += E) {
      const to = edges[e + edgeToAt] / N;
      const type = edgeTypes[edges[e + edgeTypeAt]];
      if (type === 'weak' || parent[to] !== -1 || to === i) continue;
      parent[to] = i;
      via[to] = type === 'element' || type === 'hidden' ? '[]' : strings[edges[e + edgeNameAt]];
    }
  }
  const named = (i: number) => typeOf(i) === 'object' && !GENERIC.has(nameOf(i)) && !nameOf(i).startsWith('system');
  const owner = new Array<string | undefined>(count);
  const ownerOf = (i: number): string => {
    const path: number[] = [];
    let cur = i;
    let found = '(no named owner)';
    for (let hops = 0; hops < 12; hops++) {
      const known = owner[cur];
      if (known) {
        found = known;
        break;
      }
      const p = parent[cur];
      if (p < 0) break;
      path.push(cur);
      if (named(p)) {
        found = `${nameOf(p)}.${via[cur]}`;
        break;
      }
      cur = p;
    }
    for (const q of path) owner[q] = found;
    return found;
  };
  const bytes = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const size = nodes[i * N + sizeAt];
    total += size;
    const o = ownerOf(i);
    bytes.set(o, (bytes.get(o) ?? 0) + size);
  }
  const mb = (b: number) => `${(b / 1e6).toFixed(1).padStart(7)} MB`;
  console.log(`${mb(total)}  in all (own sizes of ${count.toLocaleString('en-US')} nodes)`);
  for (const [o, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(`${mb(b)}  ${o}`);
}

main(process.argv[2] ?? '');
