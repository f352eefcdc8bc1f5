import type { Entity, EntityType, RawMention } from '../types';
import { countryOf } from './gazetteer';
import { type Local, fold, slug, tokensOf, initials, withinOneEdit, detached, localId, resolveLocally } from './resolver-local';
import { compact, type DocEntry, mentionsIn } from './resolver-entries';

/** Where one mention lives: a document and the mention's index in that document's mention list. */
export interface MentionRef {
  readonly docId: string;
  readonly index: number;
}

interface Built {
  readonly entities: Entity[];
  readonly byId: Map<string, Entity>;
  /** Per entity, the documents that mention it, in document order; their mentions are found on demand. */
  readonly docsOf: Map<string, string[]>;
  /** Per entity, how many mentions it has. */
  readonly counts: Map<string, number>;
  /** Per document, the entity id of each entry of its table. */
  readonly idsOf: Map<string, (string | null)[]>;
  /** Per document with a large table, its mentions grouped by entity, made when first asked for. */
  readonly groups: Map<string, Map<string, number[]>>;
}

/**
 * Most names one block may hold for its names to be joined across a one-letter difference. Each name
 * of a cluster is compared with every other of its block, so a block of thousands (a list of ten
 * thousand made-up names sharing a first name, numbered) would cost millions of comparisons. Real
 * news names a few dozen people sharing a first name or a surname, a few hundred in the largest
 * corpora; past this bound, names one letter apart there stay apart.
 */
const MAX_FUZZY_BLOCK = 1000;

function inc<K>(m: Map<K, number>, k: K, by: number): void {
  const v = (m.get(k) ?? 0) + by;
  if (v <= 0) m.delete(k);
  else m.set(k, v);
}

/**
 * Gathers the mentions of all documents into entities, one per real-world referent, and keeps them
 * up to date as documents are set and removed.
 *
 * Each document is resolved on its own when it is set: places through the country list ("U.S." =
 * "United States"), full names to themselves, and a lone word ("Blinken", "Wang") to the full name in
 * the same document it belongs to, the nearest one when several share it. Only what the document
 * cannot decide waits for the corpus, and that is looked up when asked through small indexes: a lone
 * word joins the one full name in the corpus that contains it, or stays unresolved when there are
 * several; full names one letter apart ("Anthony"/"Antony Blinken") are one entity. Setting or
 * removing a document therefore touches only its own entries; only the whole-corpus listings
 * (`entities`, `mentionsOf`) are rebuilt, lazily, when asked after a change.
 */
export class EntityResolver {
  private readonly docs = new Map<string, DocEntry>();
  /** Mentions per full-name key, and per surface within it, across the corpus. */
  private readonly keyCounts = new Map<string, number>();
  private readonly surfaces = new Map<string, Map<string, number>>();
  /** `type|word` → full-name keys containing that word as first or last word. */
  private readonly byWord = new Map<string, Map<string, number>>();
  /** `type|n|position|other words` → keys that differ from each other only at `position`. */
  private readonly blocks = new Map<string, Map<string, number>>();
  /** Organisation initials → full organisation keys ("sec" → "organization|securities and exchange commission"). */
  private readonly acronyms = new Map<string, Map<string, number>>();
  private built: Built | undefined;
  /** Entities described since the last change, by key: a document's mentions repeat a few keys. */
  private readonly described = new Map<string, Entity>();
  private readonly keyTokens = new Map<string, string[]>();
  /** Every distinct local resolution in use, with how many document tables hold it. */
  private readonly shared = new Map<string, { readonly local: Local; refs: number }>();
  /** Lone words decided against the corpus since the last change, by `type|word`. */
  private readonly decided = new Map<string, string | null>();
  /** Clusters found since the last change, by key. */
  private readonly clusters = new Map<string, string[]>();

  /**
   * Adds or replaces a document's mentions. Only what changed in the document's resolutions is
   * accounted for again; an edit that leaves its names as they were changes nothing corpus-wide.
   */
  set(docId: string, text: string, mentions: readonly RawMention[]): void {
    void text;
    const entry = compact(resolveLocally(mentions), this.intern);
    const old = this.docs.get(docId);
    this.docs.set(docId, entry);
    if (old) this.release(old);
    if (!old) {
      this.account(entry, +1);
      this.changed();
      return;
    }
    const before = new Map<string, number>();
    old.table.forEach((l, t) => before.set(localId(l), t));
    let same = old.table.length === entry.table.length;
    const gone = new Int32Array(old.table.length).fill(1);
    const delta: [Local, number][] = [];
    entry.table.forEach((l, t) => {
      const o = before.get(localId(l));
      const was = o === undefined ? 0 : old.counts[o];
      if (o !== undefined) gone[o] = 0;
      if (was !== entry.counts[t]) {
        delta.push([l, entry.counts[t] - was]);
        same = false;
      }
    });
    old.table.forEach((l, t) => {
      if (gone[t]) delta.push([l, -old.counts[t]]);
    });
    for (const [l, by] of delta) this.accountLocal(l, by);
    // Which mentions carry which name does not matter corpus-wide, only which names and how often,
    // except for the order of documents in an entity's listing, which a set keeps.
    if (!same) this.changed();
  }

  remove(docId: string): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    this.account(entry, -1);
    this.docs.delete(docId);
    this.release(entry);
    this.changed();
  }

  /**
   * The one shared copy of a local resolution: the same names resolve alike in document after
   * document, and a corpus holds far fewer distinct resolutions than documents times names.
   */
  private readonly intern = (l: Local, id: string): Local => {
    const shared = this.shared.get(id);
    if (shared) {
      shared.refs++;
      return shared.local;
    }
    // The shared copy may outlive its document, so its spelling must not be a view into that text.
    const local = { ...l, surface: detached(l.surface) };
    this.shared.set(id, { local, refs: 1 });
    return local;
  };

  private release(entry: DocEntry): void {
    for (const l of entry.table) {
      const id = localId(l);
      const shared = this.shared.get(id);
      if (shared && --shared.refs <= 0) this.shared.delete(id);
    }
  }

  private changed(): void {
    this.built = undefined;
    this.described.clear();
    this.decided.clear();
    this.clusters.clear();
  }

  /** All entities, most mentioned first. */
  entities(): Entity[] {
    return this.build().entities;
  }

  entity(id: string): Entity | undefined {
    return this.build().byId.get(id);
  }

  /** The entity id of a document's mention, or null where it stays unresolved. */
  entityOf(docId: string, index: number): string | null {
    const entry = this.docs.get(docId);
    if (!entry || index < 0 || index >= entry.ofMention.length) return null;
    const l = entry.table[entry.ofMention[index]];
    const key = this.keyOf(l);
    return key === null ? null : this.entityForKey(key).id;
  }

  private entityForKey(key: string): Entity {
    let e = this.described.get(key);
    if (!e) {
      // Every key of a cluster is the same entity: described once for all of them, not once per key,
      // which for a cluster of thousands of spellings would read all of them thousands of times.
      const keys = this.cluster(key);
      e = this.describe(keys);
      for (const k of keys) this.described.set(k, e);
    }
    return e;
  }

  /** Every mention of an entity across the corpus, in document order. */
  mentionsOf(entityId: string): MentionRef[] {
    const out: MentionRef[] = [];
    const built = this.build();
    for (const docId of built.docsOf.get(entityId) ?? []) {
      for (const index of mentionsIn(this.docs.get(docId)!, built.idsOf.get(docId)!, entityId, built.groups, docId)) out.push({ docId, index });
    }
    return out;
  }

  /** How many mentions an entity has, and in how many documents, without listing them. */
  statsOf(entityId: string): { mentions: number; documents: number } {
    const built = this.build();
    return { mentions: built.counts.get(entityId) ?? 0, documents: built.docsOf.get(entityId)?.length ?? 0 };
  }

  private account(entry: DocEntry, sign: 1 | -1): void {
    entry.table.forEach((l, t) => this.accountLocal(l, sign * entry.counts[t]));
  }

  /** Adds `by` mentions resolved as `l` to the corpus-wide counts and indexes (removes them when negative). */
  private accountLocal(l: Local, by: number): void {
    const key = l.key ?? (l.bare !== null ? bareKey(l.type, l.bare) : null);
    if (key === null) return;
    inc(this.keyCounts, key, by);
    let s = this.surfaces.get(key);
    if (!s) this.surfaces.set(key, (s = new Map()));
    inc(s, l.surface, by);
    if (!s.size) this.surfaces.delete(key);
    if (l.key === null) return;
    const [type, name] = splitKey(key);
    const toks = tokensOf(name);
    if (toks.length > 1) {
      for (const w of new Set([toks[0], toks[toks.length - 1]])) indexAdd(this.byWord, `${type}|${w}`, key, by);
      if (type === 'organization' && toks.length > 1) indexAdd(this.acronyms, initials(name), key, by);
    }
    for (let p = 0; p < toks.length; p++) {
      if (toks[p].length < 4) continue;
      const rest = toks.slice(0, p).concat(['*'], toks.slice(p + 1)).join(' ');
      indexAdd(this.blocks, `${type}|${toks.length}|${rest}`, key, by);
    }
  }

  /** The key a mention stands for, deciding lone words against the corpus; null when ambiguous. */
  private keyOf(l: Local): string | null {
    if (l.key !== null) return l.key;
    if (l.bare === null || l.ambiguous) return null;
    const slot = `${l.type}|${l.bare}`;
    let key = this.decided.get(slot);
    if (key === undefined) {
      key = this.decide(l.type, l.bare);
      this.decided.set(slot, key);
    }
    return key;
  }

  /** A lone word joins the one full name in the corpus containing it; several leave it unresolved. */
  private decide(type: EntityType, bare: string): string | null {
    const candidates = this.byWord.get(`${type}|${bare}`);
    const clusters = new Set<string>();
    if (candidates) for (const k of candidates.keys()) clusters.add(this.cluster(k)[0]);
    if (type === 'organization' && !clusters.size) {
      const acr = this.acronyms.get(bare);
      if (acr) for (const k of acr.keys()) clusters.add(this.cluster(k)[0]);
    }
    if (clusters.size === 1) return [...clusters][0];
    if (clusters.size > 1) return null;
    return bareKey(type, bare);
  }

  /** The keys one letter apart from `key`, transitively, sorted with the representative first. */
  private cluster(key: string): string[] {
    let found = this.clusters.get(key);
    if (!found) {
      found = this.findCluster(key);
      for (const k of found) this.clusters.set(k, found);
    }
    return found;
  }

  /** The words of a key's name, remembered: clustering compares each key with its neighbours often. */
  private tokensOfKey(key: string): string[] {
    let toks = this.keyTokens.get(key);
    if (!toks) {
      if (this.keyTokens.size > 2 * this.keyCounts.size + 1000) this.keyTokens.clear();
      toks = tokensOf(splitKey(key)[1]);
      this.keyTokens.set(key, toks);
    }
    return toks;
  }

  private findCluster(key: string): string[] {
    const seen = new Set<string>([key]);
    const queue = [key];
    while (queue.length) {
      const k = queue.pop()!;
      const type = splitKey(k)[0];
      const toks = this.tokensOfKey(k);
      for (let p = 0; p < toks.length; p++) {
        if (toks[p].length < 4) continue;
        const rest = toks.slice(0, p).concat(['*'], toks.slice(p + 1)).join(' ');
        const block = this.blocks.get(`${type}|${toks.length}|${rest}`);
        if (!block || block.size > MAX_FUZZY_BLOCK) continue;
        for (const other of block.keys()) {
          if (seen.has(other)) continue;
          const o = this.tokensOfKey(other)[p];
          if (o && o.length >= 4 && withinOneEdit(o, toks[p])) {
            seen.add(other);
            queue.push(other);
          }
        }
      }
    }
    return [...seen].sort((a, b) => (this.keyCounts.get(b) ?? 0) - (this.keyCounts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Id, name and aliases of a cluster of keys. */
  private describe(keys: readonly string[]): Entity {
    const [type, name] = splitKey(keys[0]);
    const all = new Map<string, number>();
    for (const k of keys) for (const [s, n] of this.surfaces.get(k) ?? []) all.set(s, (all.get(s) ?? 0) + n);
    let canonical = countryName(type, name);
    if (!canonical) {
      // The fullest spelling, then the most common, then mixed case over capitals.
      let best = '';
      let bestScore = -Infinity;
      for (const [s, n] of all) {
        const score = tokensOf(fold(s)).length * 1e6 + n * 10 + (s === s.toUpperCase() ? 0 : 1);
        if (score > bestScore || (score === bestScore && s < best)) {
          best = s;
          bestScore = score;
        }
      }
      canonical = best || name;
    }
    const aliases = [...all.keys()].filter((s) => s !== canonical).sort();
    return { id: `${type}:${slug(canonical)}`, name: canonical, type: type as EntityType, aliases };
  }

  private build(): Built {
    if (this.built) return this.built;
    const counts = new Map<string, number>();
    const docsOf = new Map<string, string[]>();
    const idsOf = new Map<string, (string | null)[]>();
    const byId = new Map<string, Entity>();
    // Lone words decided against the corpus are spellings of the entity too.
    const extra = new Map<string, Set<string>>();
    for (const [docId, entry] of this.docs) {
      const ids: (string | null)[] = new Array<string | null>(entry.table.length).fill(null);
      idsOf.set(docId, ids);
      entry.table.forEach((l, t) => {
        const key = this.keyOf(l);
        if (key === null) return;
        const e = this.entityForKey(key);
        ids[t] = e.id;
        if (l.key === null && l.surface !== e.name && !e.aliases.includes(l.surface)) {
          let set = extra.get(e.id);
          if (!set) extra.set(e.id, (set = new Set()));
          set.add(l.surface);
        }
        byId.set(e.id, e);
        counts.set(e.id, (counts.get(e.id) ?? 0) + entry.counts[t]);
        let list = docsOf.get(e.id);
        if (!list) docsOf.set(e.id, (list = []));
        // A document's table can hold several spellings of one entity; list the document once.
        if (list[list.length - 1] !== docId) list.push(docId);
      });
    }
    for (const [id, more] of extra) {
      const e = byId.get(id)!;
      byId.set(id, { ...e, aliases: [...new Set([...e.aliases, ...more])].sort() });
    }
    const entities = [...byId.values()].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
    this.built = { entities, byId, docsOf, counts, idsOf, groups: new Map() };
    return this.built;
  }
}

function splitKey(key: string): [EntityType, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar) as EntityType, key.slice(bar + 1)];
}

function bareKey(type: EntityType, word: string): string {
  return `${type}|${word}`;
}

function countryName(type: EntityType, folded: string): string | undefined {
  return type === 'place' ? countryOf(folded) : undefined;
}

function indexAdd(index: Map<string, Map<string, number>>, slot: string, key: string, sign: number): void {
  let m = index.get(slot);
  if (!m) index.set(slot, (m = new Map()));
  inc(m, key, sign);
  if (!m.size) index.delete(slot);
}
