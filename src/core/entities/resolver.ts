import type { Entity, EntityType, RawMention } from '../types';
import { countryOf } from './gazetteer';

/** Where one mention lives: a document and the mention's index in that document's mention list. */
export interface MentionRef {
  readonly docId: string;
  readonly index: number;
}

/** How one mention was resolved inside its own document. */
interface Local {
  readonly type: EntityType;
  readonly surface: string;
  /** A full name's key (`type|folded name`), set when the document alone decides the referent. */
  readonly key: string | null;
  /** For a lone word the document could not place: the word, resolved against the corpus on demand. */
  readonly bare: string | null;
  /** True when the document had several full names the word could belong to and none nearby. */
  readonly ambiguous: boolean;
}

interface DocEntry {
  readonly locals: Local[];
}

interface Built {
  readonly entities: Entity[];
  readonly byId: Map<string, Entity>;
  readonly mentions: Map<string, MentionRef[]>;
}

/** Lower-case, accents and apostrophe styles folded, a leading article dropped: "Orbán" = "Orban". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u2018`´]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function slug(s: string): string {
  return fold(s).replace(/'/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'x';
}

function tokensOf(folded: string): string[] {
  return folded.split(/[\s-]+/).filter((t) => t.length > 0);
}

const SMALL = new Set(['of', 'and', 'the', 'for', '&']);

/** "Securities and Exchange Commission" → "sec": what an acronym of the name would be. */
function initials(folded: string): string {
  return tokensOf(folded).filter((t) => !SMALL.has(t)).map((t) => t[0]).join('');
}

/** Damerau-free edit distance, stopping early once it passes `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

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

  /** Adds or replaces a document's mentions. */
  set(docId: string, text: string, mentions: readonly RawMention[]): void {
    void text;
    this.remove(docId);
    const entry: DocEntry = { locals: resolveLocally(mentions) };
    this.docs.set(docId, entry);
    this.account(entry, +1);
    this.built = undefined;
    this.described.clear();
  }

  remove(docId: string): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    this.account(entry, -1);
    this.docs.delete(docId);
    this.built = undefined;
    this.described.clear();
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
    const l = this.docs.get(docId)?.locals[index];
    if (!l) return null;
    const key = this.keyOf(l);
    return key === null ? null : this.entityForKey(key).id;
  }

  private entityForKey(key: string): Entity {
    let e = this.described.get(key);
    if (!e) {
      e = this.describe(this.cluster(key));
      this.described.set(key, e);
    }
    return e;
  }

  /** Every mention of an entity across the corpus, in document order. */
  mentionsOf(entityId: string): MentionRef[] {
    return this.build().mentions.get(entityId) ?? [];
  }

  private account(entry: DocEntry, sign: 1 | -1): void {
    entry.locals.forEach((l) => {
      const key = l.key ?? (l.bare !== null ? bareKey(l.type, l.bare) : null);
      if (key === null) return;
      inc(this.keyCounts, key, sign);
      let s = this.surfaces.get(key);
      if (!s) this.surfaces.set(key, (s = new Map()));
      inc(s, l.surface, sign);
      if (!s.size) this.surfaces.delete(key);
      if (l.key === null) return;
      const [type, name] = splitKey(key);
      const toks = tokensOf(name);
      if (toks.length > 1) {
        for (const w of new Set([toks[0], toks[toks.length - 1]])) indexAdd(this.byWord, `${type}|${w}`, key, sign);
        if (type === 'organization' && toks.length > 1) indexAdd(this.acronyms, initials(name), key, sign);
      }
      for (let p = 0; p < toks.length; p++) {
        if (toks[p].length < 4) continue;
        const rest = toks.slice(0, p).concat(['*'], toks.slice(p + 1)).join(' ');
        indexAdd(this.blocks, `${type}|${toks.length}|${rest}`, key, sign);
      }
    });
  }

  /** The key a mention stands for, deciding lone words against the corpus; null when ambiguous. */
  private keyOf(l: Local): string | null {
    if (l.key !== null) return l.key;
    if (l.bare === null || l.ambiguous) return null;
    const candidates = this.byWord.get(`${l.type}|${l.bare}`);
    const clusters = new Set<string>();
    if (candidates) for (const k of candidates.keys()) clusters.add(this.cluster(k)[0]);
    if (l.type === 'organization' && !clusters.size) {
      const acr = this.acronyms.get(l.bare);
      if (acr) for (const k of acr.keys()) clusters.add(this.cluster(k)[0]);
    }
    if (clusters.size === 1) return [...clusters][0];
    if (clusters.size > 1) return null;
    return bareKey(l.type, l.bare);
  }

  /** The keys one letter apart from `key`, transitively, sorted with the representative first. */
  private cluster(key: string): string[] {
    const seen = new Set<string>([key]);
    const queue = [key];
    while (queue.length) {
      const k = queue.pop()!;
      const [type, name] = splitKey(k);
      const toks = tokensOf(name);
      for (let p = 0; p < toks.length; p++) {
        if (toks[p].length < 4) continue;
        const rest = toks.slice(0, p).concat(['*'], toks.slice(p + 1)).join(' ');
        const block = this.blocks.get(`${type}|${toks.length}|${rest}`);
        if (!block) continue;
        for (const other of block.keys()) {
          if (seen.has(other)) continue;
          const o = tokensOf(splitKey(other)[1])[p];
          if (o && o.length >= 4 && withinEdits(o, toks[p], 1)) {
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
    const mentions = new Map<string, MentionRef[]>();
    const byId = new Map<string, Entity>();
    // Lone words decided against the corpus are spellings of the entity too.
    const extra = new Map<string, Set<string>>();
    for (const [docId, entry] of this.docs) {
      entry.locals.forEach((l, index) => {
        const key = this.keyOf(l);
        if (key === null) return;
        const e = this.entityForKey(key);
        if (l.key === null && l.surface !== e.name && !e.aliases.includes(l.surface)) {
          let set = extra.get(e.id);
          if (!set) extra.set(e.id, (set = new Set()));
          set.add(l.surface);
        }
        byId.set(e.id, e);
        counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
        let list = mentions.get(e.id);
        if (!list) mentions.set(e.id, (list = []));
        list.push({ docId, index });
      });
    }
    for (const [id, more] of extra) {
      const e = byId.get(id)!;
      byId.set(id, { ...e, aliases: [...new Set([...e.aliases, ...more])].sort() });
    }
    const entities = [...byId.values()].sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
    this.built = { entities, byId, mentions };
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

function indexAdd(index: Map<string, Map<string, number>>, slot: string, key: string, sign: 1 | -1): void {
  let m = index.get(slot);
  if (!m) index.set(slot, (m = new Map()));
  inc(m, key, sign);
  if (!m.size) index.delete(slot);
}

/**
 * Resolves what one document can decide alone. A lone word goes to the full name of the same type
 * that contains it as first or last word ("Blinken" → "Antony Blinken", "Xi" → "Xi Jinping"); when
 * several do ("Wang"), to the nearest one before it, else the nearest after.
 */
function resolveLocally(mentions: readonly RawMention[]): Local[] {
  const folded = mentions.map((m) => fold(m.text));
  const fullAt = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const toks = tokensOf(folded[i]);
    if (toks.length < 2 || m.type === 'place') return;
    for (const w of new Set([toks[0], toks[toks.length - 1]])) {
      const slot = `${m.type}|${w}`;
      let list = fullAt.get(slot);
      if (!list) fullAt.set(slot, (list = []));
      list.push(i);
    }
  });
  const acronymAt = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (m.type !== 'organization' || tokensOf(folded[i]).length < 2) return;
    const a = initials(folded[i]);
    let list = acronymAt.get(a);
    if (!list) acronymAt.set(a, (list = []));
    list.push(i);
  });
  return mentions.map((m, i) => {
    const f = folded[i];
    const toks = tokensOf(f);
    if (m.type === 'place') {
      const country = countryOf(f);
      return { type: m.type, surface: m.text, key: `place|${country ? fold(country) : f}`, bare: null, ambiguous: false };
    }
    if (toks.length > 1) return { type: m.type, surface: m.text, key: `${m.type}|${toks.join(' ')}`, bare: null, ambiguous: false };
    const word = toks[0] ?? f;
    let hits = fullAt.get(`${m.type}|${word}`) ?? [];
    if (!hits.length && m.type === 'organization') hits = acronymAt.get(word) ?? [];
    const names = new Set(hits.map((h) => tokensOf(folded[h]).join(' ')));
    if (names.size === 1) return { type: m.type, surface: m.text, key: `${m.type}|${[...names][0]}`, bare: null, ambiguous: false };
    if (names.size > 1) {
      let best = -1;
      for (const h of hits) if (h < i) best = h;
      if (best < 0) best = hits.find((h) => h > i) ?? -1;
      if (best >= 0) return { type: m.type, surface: m.text, key: `${m.type}|${tokensOf(folded[best]).join(' ')}`, bare: null, ambiguous: false };
      return { type: m.type, surface: m.text, key: null, bare: word, ambiguous: true };
    }
    return { type: m.type, surface: m.text, key: null, bare: word, ambiguous: false };
  });
}
