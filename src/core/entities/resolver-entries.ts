/**
 * How the resolver keeps a document's mentions: each distinct local resolution once, with its count,
 * and each mention as an index into them; and how it finds again the mentions of one entity there.
 */
import { type Local, localId } from './resolver-local';

/**
 * A document's mentions, compactly: a document names a few referents many times, so each distinct
 * local resolution is kept once with how often it occurs, and each mention is an index into them.
 */
export interface DocEntry {
  readonly table: readonly Local[];
  readonly counts: Uint32Array;
  readonly ofMention: Uint16Array | Uint32Array;
}

/**
 * Tables up to this many entries are read whole for each entity asked of them; a larger one (a list
 * of thousands of names) has its mentions grouped by entity once, so that asking for every entity
 * reads each mention once rather than once per entity.
 */
const GROUPED_TABLE = 64;

/**
 * The indexes of the mentions of `entityId` in a document, given the entity of each entry of its table
 * (`ids`). `groups` keeps the grouping of large tables, by document, for as long as `ids` holds.
 */
export function mentionsIn(entry: DocEntry, ids: readonly (string | null)[], entityId: string, groups: Map<string, Map<string, number[]>>, docId: string): readonly number[] {
  const of = entry.ofMention;
  if (entry.table.length <= GROUPED_TABLE) {
    const out: number[] = [];
    for (let index = 0; index < of.length; index++) if (ids[of[index]] === entityId) out.push(index);
    return out;
  }
  let byEntity = groups.get(docId);
  if (!byEntity) {
    byEntity = new Map();
    for (let index = 0; index < of.length; index++) {
      const id = ids[of[index]];
      if (id === null) continue;
      const list = byEntity.get(id);
      if (list) list.push(index);
      else byEntity.set(id, [index]);
    }
    groups.set(docId, byEntity);
  }
  return byEntity.get(entityId) ?? [];
}

/** The entry of a document without names, shared: a folder's articles first join the corpus without them. */
const NO_MENTIONS: DocEntry = { table: [], counts: new Uint32Array(0), ofMention: new Uint16Array(0) };

/** Keeps each distinct local resolution once, with its count, and each mention as an index into them. */
export function compact(locals: readonly Local[], intern: (l: Local, id: string) => Local): DocEntry {
  if (locals.length === 0) return NO_MENTIONS;
  const table: Local[] = [];
  const counts: number[] = [];
  const seen = new Map<string, number>();
  const ofMention = locals.length < 0xffff ? new Uint16Array(locals.length) : new Uint32Array(locals.length);
  locals.forEach((l, i) => {
    const id = localId(l);
    let t = seen.get(id);
    if (t === undefined) {
      t = table.length;
      seen.set(id, t);
      table.push(intern(l, id));
      counts.push(0);
    }
    counts[t]++;
    ofMention[i] = t;
  });
  return { table, counts: Uint32Array.from(counts), ofMention };
}
