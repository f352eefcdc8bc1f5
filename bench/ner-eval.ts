/**
 * Scores the entity recogniser against the hand-annotated development set in test/fixtures/ner and
 * against the CoNLL-2003 development split (eng.testa, turned back into text): precision, recall and
 * F1 per type and overall, a mention counting only when both its span and its type match exactly.
 * CoNLL's MISC names are not gold (the project has no such type); a mention on one is a false
 * positive. Run with `npm run eval:ner` (add `--errors` to list the misses, `--no-conll` to skip
 * CoNLL, `--model FILE` to score another model; the data is read from ../shared/data/conll2003 or
 * `$CONLL_DIR`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recognize } from '../src/core/entities';
import { paragraphs } from '../src/core/text/paragraphs';
import { decodeModel, useModel, type ModelFile } from '../src/core/entities/model';
import { readConll } from '../src/core/entities/train/corpus';
import type { EntityType, RawMention } from '../src/core/types';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'ner');
const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** One annotated article: its text (inline or from a file under the repository) and its mentions. */
export interface DevDocument {
  readonly name: string;
  /** `seed` for the sample articles of seeds/, `own` for the articles written for this set, `conll` for CoNLL's. */
  readonly group: 'seed' | 'own' | 'conll';
  readonly text: string;
  readonly gold: readonly RawMention[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface GroupReport {
  readonly byType: Record<EntityType, Score>;
  readonly overall: Score;
}

export interface Miss {
  readonly doc: string;
  readonly kind: 'missed' | 'spurious';
  readonly mention: RawMention;
}

interface FixtureFile {
  source?: string;
  text?: string;
  mentions: RawMention[];
}

/** Loads every annotated article, checking that each gold span really spells its text. */
export function loadDevSet(): DevDocument[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as FixtureFile;
      const text = data.text ?? readFileSync(join(ROOT, data.source ?? ''), 'utf8');
      for (const m of data.mentions) {
        if (text.slice(m.start, m.end) !== m.text) throw new Error(`${f}: gold span ${m.start}-${m.end} is not "${m.text}"`);
      }
      return { name: f.replace(/\.json$/, ''), group: data.source ? 'seed' : 'own', text, gold: data.mentions } as DevDocument;
    });
}

const CONLL_TYPES: Record<string, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** The CoNLL-2003 development split as text with its PER, LOC and ORG names, or [] when the data is absent. */
export function loadConllDev(): DevDocument[] {
  const path = join(process.env.CONLL_DIR ?? join(ROOT, '..', 'shared', 'data', 'conll2003'), 'eng.testa');
  if (!existsSync(path)) return [];
  return readConll(path).map((d) => ({
    name: d.name,
    group: 'conll',
    text: d.text,
    gold: d.names.filter((n) => n.type in CONLL_TYPES).map((n) => ({ start: n.start, end: n.end, text: d.text.slice(n.start, n.end), type: CONLL_TYPES[n.type] })),
  }));
}

function score(c: Counts): Score {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

const keyOf = (m: RawMention): string => `${m.start}:${m.end}:${m.type}`;

/** Scores documents, returning per-type and overall figures plus the individual errors. */
export function evaluate(docs: readonly DevDocument[]): { report: GroupReport; misses: Miss[] } {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, Counts>;
  const misses: Miss[] = [];
  for (const d of docs) {
    const found = recognize(d.text, paragraphs(d.text));
    const gold = new Set(d.gold.map(keyOf));
    const got = new Set(found.map(keyOf));
    for (const m of found) {
      if (gold.has(keyOf(m))) counts[m.type].tp++;
      else {
        counts[m.type].fp++;
        misses.push({ doc: d.name, kind: 'spurious', mention: m });
      }
    }
    for (const m of d.gold) {
      if (!got.has(keyOf(m))) {
        counts[m.type].fn++;
        misses.push({ doc: d.name, kind: 'missed', mention: m });
      }
    }
  }
  const total = TYPES.reduce<Counts>((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
  const byType = Object.fromEntries(TYPES.map((t) => [t, score(counts[t])])) as Record<EntityType, Score>;
  return { report: { byType, overall: score(total) }, misses };
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(6);
}

function table(title: string, r: GroupReport): string {
  const rows = [`${title}`, `  ${'type'.padEnd(13)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp   fp   fn`];
  const line = (name: string, s: Score): string =>
    `  ${name.padEnd(13)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;
  for (const t of TYPES) rows.push(line(t, r.byType[t]));
  rows.push(line('overall', r.overall));
  return rows.join('\n');
}

function main(): void {
  const modelAt = process.argv.indexOf('--model');
  // Scores another model file (say, one trained with --hold-out) instead of the shipped one.
  if (modelAt >= 0) useModel(decodeModel(JSON.parse(readFileSync(process.argv[modelAt + 1], 'utf8')) as ModelFile));
  const docs = loadDevSet();
  const showErrors = process.argv.includes('--errors');
  const conll = process.argv.includes('--no-conll') ? [] : loadConllDev();
  const groups: [string, DevDocument[]][] = [
    ['seeds', docs.filter((d) => d.group === 'seed')],
    ['own articles', docs.filter((d) => d.group === 'own')],
    ['all', docs],
  ];
  if (conll.length) groups.push(['CoNLL-2003 development split (eng.testa)', conll]);
  for (const [name, group] of groups) {
    const { report, misses } = evaluate(group);
    console.log(table(`${name} (${group.length} documents)`, report));
    if (showErrors && name !== 'all') {
      for (const m of misses) {
        const doc = group.find((d) => d.name === m.doc)!;
        const ctx = doc.text.slice(Math.max(0, m.mention.start - 30), m.mention.end + 30).replace(/\s+/g, ' ');
        console.log(`    ${m.kind.padEnd(8)} ${m.mention.type.padEnd(12)} ${JSON.stringify(m.mention.text).padEnd(32)} ${m.doc}  …${ctx}…`);
      }
    }
    console.log('');
  }
}

if (require.main === module) main();
