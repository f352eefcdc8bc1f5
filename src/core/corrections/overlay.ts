/**
 * Corrections that span the corpus — links between quotes of different articles, and which mentions
 * make up an entity — laid over what the quote index and the entity resolver find, rather than fed
 * into them: both stay as they are, incremental and shared, and the corpus asks the overlay to adjust
 * its answers. An overlay is made afresh whenever the corpus changes.
 */
import type { MentionRef } from '../entities';
import { slug } from '../entities/resolver-local';
import { wordDiff } from '../matching';
import { wordsOf } from '../text/words';
import type { Entity, EntityType, LinkRelation, QuoteLink } from '../types';
import type { BoundCorrection, CorrectionOutcome, EntityName } from './types';

export interface LinkOverlay {
  linksOf(quoteId: string, found: readonly QuoteLink[]): QuoteLink[];
  linkedIds(quoteId: string, found: readonly string[]): string[];
  links(found: readonly QuoteLink[]): QuoteLink[];
  readonly outcomes: readonly CorrectionOutcome[];
}

const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The link and unlink corrections whose two quotes were both found (`ends`: correction → its two
 * quote ids), later corrections overriding earlier ones; undefined when there are none.
 */
export function correctLinks(
  corrections: readonly BoundCorrection[],
  ends: ReadonlyMap<number, readonly (string | undefined)[]>,
  source: { linked(a: string, b: string): boolean; text(quoteId: string): string | undefined },
): LinkOverlay | undefined {
  const relevant = corrections.filter((c) => c.correction.kind === 'link-quotes' || c.correction.kind === 'unlink-quotes');
  if (relevant.length === 0) return undefined;
  const removed = new Set<string>();
  const added = new Map<string, readonly [string, string]>();
  const outcomes: CorrectionOutcome[] = [];
  for (const c of relevant) {
    const [a, b] = ends.get(c.index) ?? [];
    if (!a || !b) continue;
    const key = pairKey(a, b);
    const outcome = (status: CorrectionOutcome['status'], message: string): void => {
      outcomes.push({ index: c.index, kind: c.correction.kind, status, message });
    };
    if (a === b) outcome('conflict', 'both ends are the same quote');
    else if (c.correction.kind === 'unlink-quotes') {
      const was = (source.linked(a, b) && !removed.has(key)) || added.has(key);
      removed.add(key);
      added.delete(key);
      outcome(was ? 'applied' : 'unneeded', was ? 'the two quotes are not versions of each other' : 'the analysis no longer links the two quotes');
    } else {
      const found = source.linked(a, b);
      const was = (found && !removed.has(key)) || added.has(key);
      removed.delete(key);
      if (!found) added.set(key, [a, b]);
      outcome(was ? 'unneeded' : 'applied', was ? 'the analysis already links the two quotes' : 'the two quotes are versions of each other');
    }
  }
  const made = new Map<string, QuoteLink[]>();
  const forward: QuoteLink[] = [];
  for (const [a, b] of added.values()) {
    const ta = source.text(a) ?? '';
    const tb = source.text(b) ?? '';
    const relation = relationOf(ta, tb);
    const ab: QuoteLink = { from: a, to: b, score: 1, relation, diff: wordDiff(ta, tb), corrected: true };
    const ba: QuoteLink = { from: b, to: a, score: 1, relation, diff: wordDiff(tb, ta), corrected: true };
    forward.push(ab);
    made.set(a, [...(made.get(a) ?? []), ab]);
    made.set(b, [...(made.get(b) ?? []), ba]);
  }
  const kept = (l: { from: string; to: string }): boolean => !removed.has(pairKey(l.from, l.to));
  return {
    linksOf: (id, found) => [...(made.get(id) ?? []), ...found.filter((l) => kept(l))],
    linkedIds: (id, found) => [...(made.get(id) ?? []).map((l) => l.to), ...found.filter((to) => kept({ from: id, to }))],
    links: (found) => [...found.filter(kept), ...forward],
    outcomes,
  };
}

/** How two quotes a reader linked relate: the same words, one cut from the other, or other words. */
function relationOf(a: string, b: string): LinkRelation {
  const x = wordsOf(a).join(' ');
  const y = wordsOf(b).join(' ');
  if (x === y) return 'identical';
  if ((x && ` ${y} `.includes(` ${x} `)) || (y && ` ${x} `.includes(` ${y} `))) return 'fragment';
  return 'variant';
}

export interface EntityOverlay {
  readonly entities: readonly Entity[];
  readonly byId: ReadonlyMap<string, Entity>;
  /** A mention's entity, given the one the resolver found. */
  entityOf(docId: string, index: number, found: string | null): string | null;
  /** An entity's mentions, given the resolver's mentions of any entity. */
  mentionsOf(entityId: string, found: (entityId: string) => readonly MentionRef[]): MentionRef[];
  readonly outcomes: readonly CorrectionOutcome[];
}

/**
 * Merges (each entity into another, found by name among the resolver's entities) and splits (a
 * mention taken out of its entity into one of its own spelling); undefined when there are none.
 */
export function correctEntities(
  corrections: readonly BoundCorrection[],
  splits: readonly { readonly index: number; readonly docId: string; readonly mention: number; readonly text: string; readonly type: EntityType }[],
  source: {
    entities(): readonly Entity[];
    entityOf(docId: string, index: number): string | null;
    stats(id: string): { mentions: number };
    mentionsOf(id: string): readonly MentionRef[];
    /** The words of each mention, as written. */
    spellings(refs: readonly MentionRef[]): string[];
  },
): EntityOverlay | undefined {
  const merges = corrections.filter((c) => c.correction.kind === 'merge-entities');
  if (merges.length === 0 && splits.length === 0) return undefined;
  const base = source.entities();
  const outcomes: CorrectionOutcome[] = [];
  const find = (n: EntityName): Entity | undefined =>
    base.find((e) => e.type === n.type && e.name === n.name) ??
    base.find((e) => e.type === n.type && e.aliases.includes(n.name)) ??
    base.find((e) => e.type === n.type && (e.name.toLowerCase() === n.name.toLowerCase() || e.id === `${n.type}:${slug(n.name)}`));
  const redirect = new Map<string, string>();
  const final = (id: string): string => {
    let at = id;
    for (let next = redirect.get(at); next !== undefined; next = redirect.get(at)) at = next;
    return at;
  };
  for (const c of merges) {
    if (c.correction.kind !== 'merge-entities') continue;
    const { entity, into } = c.correction;
    const from = find(entity);
    const to = find(into);
    const outcome = (status: CorrectionOutcome['status'], message: string): void => {
      outcomes.push({ index: c.index, kind: 'merge-entities', status, message });
    };
    if (!from || !to) outcome('lost', `no ${(from ? into : entity).type} named ${(from ? into : entity).name} among the entities`);
    else if (final(from.id) === final(to.id)) outcome('unneeded', `${entity.name} and ${into.name} are already one entity`);
    else {
      redirect.set(final(from.id), final(to.id));
      outcome('applied', `${entity.name} is ${into.name}`);
    }
  }
  const refKey = (docId: string, index: number): string => `${docId}:${index}`;
  const splitTo = new Map<string, string>();
  const splitRefs = new Map<string, MentionRef[]>();
  const splitOut = new Map<string, number>();
  const fresh = new Map<string, Entity>();
  for (const s of splits) {
    const found = source.entityOf(s.docId, s.mention);
    const current = found === null ? null : final(found);
    const outcome = (status: CorrectionOutcome['status'], message: string): void => {
      outcomes.push({ index: s.index, kind: 'split-from-entity', status, message });
    };
    if (current === null) {
      outcome('unneeded', `“${s.text}” is in no entity`);
      continue;
    }
    let id = `${s.type}:${slug(s.text)}`;
    if (id === current) id = `${id}~${s.docId}-${s.mention}`;
    splitTo.set(refKey(s.docId, s.mention), id);
    splitRefs.set(id, [...(splitRefs.get(id) ?? []), { docId: s.docId, index: s.mention }]);
    splitOut.set(current, (splitOut.get(current) ?? 0) + 1);
    if (!fresh.has(id)) fresh.set(id, { id, name: s.text, type: s.type, aliases: [], corrected: true });
    outcome('applied', `“${s.text}” is not ${base.find((e) => e.id === current)?.name ?? current}`);
  }
  const mergedInto = new Map<string, Entity[]>();
  for (const e of base) {
    if (!redirect.has(e.id)) continue;
    const to = final(e.id);
    mergedInto.set(to, [...(mergedInto.get(to) ?? []), e]);
  }
  const entities: Entity[] = [];
  for (const e of base) {
    if (redirect.has(e.id)) continue;
    const merged = mergedInto.get(e.id) ?? [];
    const count = source.stats(e.id).mentions + merged.reduce((n, m) => n + source.stats(m.id).mentions, 0) - (splitOut.get(e.id) ?? 0) + (splitRefs.get(e.id)?.length ?? 0);
    if (count <= 0) continue;
    if (merged.length === 0 && !splitOut.has(e.id) && !splitRefs.has(e.id)) {
      entities.push(e);
      continue;
    }
    const aliases = [...new Set([...e.aliases, ...merged.flatMap((m) => [m.name, ...m.aliases])])].filter((a) => a !== e.name).sort();
    entities.push({ ...e, aliases, corrected: true });
  }
  const listed = new Set(entities.map((e) => e.id));
  for (const e of fresh.values()) if (!listed.has(e.id)) entities.push(e);
  const mentionsOf = (id: string, found: (entityId: string) => readonly MentionRef[]): MentionRef[] => {
    if (redirect.has(id)) return [];
    const sources = [id, ...(mergedInto.get(id) ?? []).map((e) => e.id)];
    const refs = sources.flatMap((s) => found(s)).filter((r) => {
      const to = splitTo.get(refKey(r.docId, r.index));
      return to === undefined || to === id;
    });
    const seen = new Set(refs.map((r) => refKey(r.docId, r.index)));
    for (const r of splitRefs.get(id) ?? []) if (!seen.has(refKey(r.docId, r.index))) refs.push(r);
    return refs;
  };
  // An entity a mention was split off keeps only the spellings its other mentions still use.
  entities.forEach((e, i) => {
    if (!splitOut.has(e.id)) return;
    const used = new Set(source.spellings(mentionsOf(e.id, (id) => source.mentionsOf(id))));
    entities[i] = { ...e, aliases: e.aliases.filter((a) => used.has(a)) };
  });
  const byId = new Map(entities.map((e) => [e.id, e]));
  return {
    entities,
    byId,
    entityOf: (docId, index, found) => splitTo.get(refKey(docId, index)) ?? (found === null ? null : final(found)),
    mentionsOf,
    outcomes,
  };
}
