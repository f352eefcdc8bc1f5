/**
 * Scores quotes, speakers and cross-source links against the hand-annotated real coverage in
 * test/fixtures/coverage: one folder per story, several outlets' articles and a gold.json. Each folder
 * is analysed by the command line itself (`crosswire analyze --json <folder>`), so the figures are the
 * product's. Run with `npm run eval:quotes` (add `--errors` to list the mistakes on the stories used
 * for development, `--errors=all` to include the held-out story; `--dir=PATH` to score another folder
 * of stories annotated the same way).
 *
 * Predicted quotes are aligned one to one with gold quotes by span overlap. Links are scored on pairs of
 * statements in different articles: directly (a predicted link between the two) and through chains of
 * links (the two fall in one connected component of the story's links), against the pairs of gold
 * quotes that share a statement cluster.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { main as cli } from '../src/cli';
import type { JsonReport } from '../src/core/report';
import type { QuoteKind } from '../src/core/types';

const ROOT = join(__dirname, '..');
const COVERAGE = join(ROOT, 'test', 'fixtures', 'coverage');

/** One hand-annotated quotation of a story, as stored in gold.json. */
export interface GoldQuoteEntry {
  readonly id: string;
  readonly file: string;
  /** The quoted words exactly as in the file, marks excluded, without a trailing comma, colon or semicolon. */
  readonly text: string;
  /** Which occurrence of `text` in the file is meant, 0 for the first. */
  readonly occurrence?: number;
  readonly kind: QuoteKind;
  /** The speaker as a reader would name them; null when a reader could not tell. */
  readonly speaker: string | null;
  /** Other names a reader would accept for the same speaker ("the Coast Guard"). */
  readonly aliases?: readonly string[];
  /** Statements reported: quotes sharing a cluster report the same words. Null leaves the quote out of link scoring. */
  readonly clusters: readonly string[] | null;
}

export interface GoldQuote extends GoldQuoteEntry {
  readonly start: number;
  readonly end: number;
}

export interface GoldStory {
  readonly name: string;
  readonly description: string;
  /** Measured, never used to develop the attribution rules. */
  readonly heldOut: boolean;
  readonly quotes: readonly GoldQuote[];
  /** Pairs of gold quote ids that must not be linked, with the reason. */
  readonly decoys: readonly (readonly [string, string, string])[];
}

/** A quote the tool found, in the shape the scoring needs. */
export interface PredictedQuote {
  readonly id: string;
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: QuoteKind;
  readonly speaker: string | null;
}

export interface PredictedLink {
  readonly from: string;
  readonly to: string;
}

export interface Ratio {
  readonly hit: number;
  readonly of: number;
}

export interface LinkScore {
  /** Predicted pairs that are gold pairs, over predicted pairs. */
  readonly precision: Ratio;
  /** Gold pairs found, over gold pairs. */
  readonly recall: Ratio;
}

export interface StoryScore {
  readonly quotesFound: Ratio;
  readonly exactSpans: Ratio;
  readonly kinds: Ratio;
  readonly speakers: Ratio;
  readonly statementSpeakers: Ratio;
  readonly direct: LinkScore;
  readonly chained: LinkScore;
  readonly decoysLinked: Ratio;
  readonly decoysChained: Ratio;
  readonly errors: readonly string[];
}

interface GoldFile {
  story: string;
  heldOut?: boolean;
  quotes: GoldQuoteEntry[];
  decoys: [string, string, string][];
}

/** Loads every story, checking that each gold quote's text is where it says. */
export function loadStories(dir = COVERAGE): GoldStory[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(join(dir, name, 'gold.json'), 'utf8')) as GoldFile;
      const texts = new Map<string, string>();
      const quotes = data.quotes.map((q) => {
        let text = texts.get(q.file);
        if (text === undefined) texts.set(q.file, (text = readFileSync(join(dir, name, q.file), 'utf8')));
        const start = nthIndexOf(text, q.text, q.occurrence ?? 0);
        if (start < 0) throw new Error(`${name}/gold.json: ${q.id} not found in ${q.file}`);
        // The words of a quote follow a quotation mark, after the space French puts inside guillemets, or
        // open a paragraph when only the closing mark was printed; anything else is the same words
        // elsewhere (a URL).
        const prev = text[start - 1] ?? '';
        const spaced = text.slice(Math.max(0, start - 3), start).replace(/[ \u00a0\u202f]+$/, '');
        const opens = start === 0 || prev === '\n' || /["'“‘„‚«»‹›”’]/.test(prev) || (/[ \u00a0\u202f]/.test(prev) && /[«‹„“]$/.test(spaced));
        if (!opens) throw new Error(`${name}/gold.json: ${q.id} is not after a quotation mark in ${q.file}`);
        return { ...q, start, end: start + q.text.length };
      });
      const ids = new Set(quotes.map((q) => q.id));
      if (ids.size !== quotes.length) throw new Error(`${name}/gold.json: duplicate quote ids`);
      for (const [a, b] of data.decoys) {
        if (!ids.has(a) || !ids.has(b)) throw new Error(`${name}/gold.json: decoy ${a}–${b} names an unknown quote`);
      }
      return { name, description: data.story, heldOut: data.heldOut === true, quotes, decoys: data.decoys };
    });
}

function nthIndexOf(text: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** Runs the command line on a story's folder and returns its quotes and links. */
export async function analyseFolder(dir: string): Promise<{ quotes: PredictedQuote[]; links: PredictedLink[] }> {
  let out = '';
  let err = '';
  const status = await cli(['analyze', '--json', dir], { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  if (status !== 0) throw new Error(`crosswire analyze ${dir} failed: ${err}`);
  const report = JSON.parse(out) as JsonReport;
  const quotes = report.documents.flatMap((d) =>
    d.quotes.map((q) => ({ id: q.id, file: basename(d.path), start: q.start, end: q.end, text: q.text, kind: q.kind, speaker: q.speaker ?? q.speakerElsewhere?.name ?? null })),
  );
  return { quotes, links: report.links.map((l) => ({ from: l.from, to: l.to })) };
}

/**
 * Pairs gold and predicted quotes of the same file one to one, largest overlap first; a pair counts when
 * the overlap covers at least half of the shorter span. Quotes nested inside another predicted quote are
 * left out, as the gold holds top-level quotes only. Returns gold id → predicted quote.
 */
export function alignQuotes(gold: readonly GoldQuote[], predicted: readonly PredictedQuote[]): Map<string, PredictedQuote> {
  const top = predicted.filter((p) => !predicted.some((o) => o !== p && o.file === p.file && o.start <= p.start && p.end <= o.end && o.end - o.start > p.end - p.start));
  const candidates: { g: GoldQuote; p: PredictedQuote; overlap: number }[] = [];
  for (const g of gold) {
    for (const p of top) {
      if (p.file !== g.file) continue;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > 0 && overlap >= 0.5 * Math.min(g.end - g.start, p.end - p.start)) candidates.push({ g, p, overlap });
    }
  }
  candidates.sort((a, b) => b.overlap - a.overlap);
  const out = new Map<string, PredictedQuote>();
  const used = new Set<string>();
  for (const c of candidates) {
    if (out.has(c.g.id) || used.has(c.p.id)) continue;
    out.set(c.g.id, c.p);
    used.add(c.p.id);
  }
  return out;
}

/** Words of a name that say what someone is rather than who: titles, honorifics, determiners. */
const TITLES = new Set([
  'the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'president', 'vice', 'gov', 'governor', 'mayor', 'secretary',
  'rear', 'adm', 'admiral', 'col', 'colonel', 'gen', 'general', 'sen', 'senator', 'rep', 'ceo', 'chief', 'executive',
  'chair', 'chairman', 'chairwoman', 'minister', 'prime', 'us', 'u', 's', 'mp',
]);

function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !TITLES.has(w));
}

/**
 * Whether a predicted speaker names the gold one: both null; or, titles and initials aside, the
 * prediction's words all belong to the gold name (or to an accepted alias) and include its last word,
 * so "Gilreath" and "Rear Adm. Shannon N. Gilreath" name Shannon Gilreath and "Francis Scott Key" does
 * not name Brandon Scott.
 */
export function speakerMatches(predicted: string | null, gold: Pick<GoldQuoteEntry, 'speaker' | 'aliases'>): boolean {
  if (gold.speaker === null || predicted === null) return gold.speaker === predicted;
  const said = nameWords(predicted);
  if (said.length === 0) return false;
  for (const name of [gold.speaker, ...(gold.aliases ?? [])]) {
    const words = nameWords(name);
    if (words.length === 0) continue;
    if (said.includes(words[words.length - 1]!) && said.every((w) => words.includes(w))) return true;
  }
  return false;
}

/** Unordered key of a pair of ids. */
/** Sets of ids joined one pair at a time: `find` names a set by one of its members. */
function disjointSets(): { find: (x: string) => string; join: (a: string, b: string) => void } {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const join = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  return { find, join };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Pairs of gold quotes in different files that report the same statement: `direct`, the two share a
 * cluster; `chained`, a chain of such quotes joins them (a quote joining two remarks joins their
 * clusters), which is what chains of correct links can reach.
 */
export function goldPairs(gold: readonly GoldQuote[]): { direct: Set<string>; chained: Set<string> } {
  const direct = new Set<string>();
  const chained = new Set<string>();
  const scored = gold.filter((q) => q.clusters && q.clusters.length > 0);
  const { find, join } = disjointSets();
  for (const q of scored) {
    for (const c of q.clusters!.slice(1)) {
      join(`cluster:${q.clusters![0]}`, `cluster:${c}`);
    }
  }
  for (let i = 0; i < scored.length; i++) {
    for (let j = i + 1; j < scored.length; j++) {
      const a = scored[i]!;
      const b = scored[j]!;
      if (a.file === b.file) continue;
      if (a.clusters!.some((c) => b.clusters!.includes(c))) direct.add(pairKey(a.id, b.id));
      if (find(`cluster:${a.clusters![0]}`) === find(`cluster:${b.clusters![0]}`)) chained.add(pairKey(a.id, b.id));
    }
  }
  return { direct, chained };
}

/**
 * The gold pairs the predicted links connect: `direct`, a link between the two aligned quotes; `chained`,
 * a path of links between them (any statement on the way, in any file). Only gold quotes that take part
 * in link scoring (with clusters) and lie in different files form pairs. A path runs through statements
 * only, as the product's statements (`core/coverage/clusters.ts`) do: a scare-quoted term found in two
 * statements says they share a phrase, not that they are one statement. `kindOf` gives a predicted
 * quote's kind; without it every quote is a statement.
 */
export function predictedPairs(
  gold: readonly GoldQuote[],
  aligned: ReadonlyMap<string, PredictedQuote>,
  links: readonly PredictedLink[],
  kindOf: (id: string) => QuoteKind | undefined = () => 'statement',
): { direct: Set<string>; chained: Set<string> } {
  const goldOf = new Map<string, GoldQuote>();
  for (const g of gold) {
    const p = aligned.get(g.id);
    if (p && g.clusters && g.clusters.length > 0) goldOf.set(p.id, g);
  }
  const direct = new Set<string>();
  const { find, join } = disjointSets();
  for (const l of links) {
    const a = goldOf.get(l.from);
    const b = goldOf.get(l.to);
    if (a && b && a.file !== b.file) direct.add(pairKey(a.id, b.id));
    if (kindOf(l.from) !== 'term' && kindOf(l.to) !== 'term') join(l.from, l.to);
  }
  const chained = new Set<string>();
  const members = [...goldOf.entries()];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [pa, a] = members[i]!;
      const [pb, b] = members[j]!;
      if (a.file !== b.file && find(pa) === find(pb)) chained.add(pairKey(a.id, b.id));
    }
  }
  return { direct, chained };
}

function linkScore(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): LinkScore {
  let hit = 0;
  for (const p of predicted) if (gold.has(p)) hit++;
  return { precision: { hit, of: predicted.size }, recall: { hit, of: gold.size } };
}

/** Scores one story's predictions against its gold. */
export function scoreStory(story: Pick<GoldStory, 'quotes' | 'decoys'>, predicted: readonly PredictedQuote[], links: readonly PredictedLink[]): StoryScore {
  const gold = story.quotes;
  const aligned = alignQuotes(gold, predicted);
  const errors: string[] = [];
  let exact = 0;
  let kinds = 0;
  let speakers = 0;
  let statements = 0;
  let statementSpeakers = 0;
  for (const g of gold) {
    const p = aligned.get(g.id);
    if (g.kind === 'statement') statements++;
    if (!p) {
      errors.push(`missed     ${g.id}: “${clip(g.text)}”`);
      continue;
    }
    if (p.start === g.start && p.end === g.end) exact++;
    else errors.push(`boundary   ${g.id}: “${clip(p.text)}” for “${clip(g.text)}”`);
    if (p.kind === g.kind) kinds++;
    else errors.push(`kind       ${g.id}: ${p.kind} for ${g.kind} “${clip(g.text)}”`);
    if (speakerMatches(p.speaker, g)) {
      speakers++;
      if (g.kind === 'statement') statementSpeakers++;
    } else {
      errors.push(`speaker    ${g.id}: ${p.speaker ?? 'none'} for ${g.speaker ?? 'none'} “${clip(g.text)}”`);
    }
  }
  const wanted = goldPairs(gold);
  const predictedKinds = new Map(predicted.map((q) => [q.id, q.kind]));
  const kindOf = (id: string): QuoteKind | undefined => predictedKinds.get(id);
  const { direct, chained } = predictedPairs(gold, aligned, links, kindOf);
  const byId = new Map(gold.map((g) => [g.id, g]));
  const pairText = (key: string): string => {
    const [a, b] = key.split('\u0000') as [string, string];
    return `${a} ~ ${b}: “${clip(byId.get(a)!.text)}” / “${clip(byId.get(b)!.text)}”`;
  };
  for (const key of wanted.chained) if (!chained.has(key)) errors.push(`unlinked   ${pairText(key)}`);
  for (const key of chained) {
    if (!wanted.chained.has(key)) errors.push(`${direct.has(key) ? 'wrong link ' : 'wrong chain'} ${pairText(key)}`);
  }
  // Decoys may pair quotes left out of link scoring (terms, headlines): look for them among all aligned quotes.
  const everyQuote = gold.map((g) => (g.clusters && g.clusters.length > 0 ? g : { ...g, clusters: ['-'] }));
  const all = predictedPairs(everyQuote, aligned, links, kindOf);
  const decoyKeys = story.decoys.map(([a, b]) => pairKey(a, b));
  const count = (set: ReadonlySet<string>): Ratio => ({ hit: decoyKeys.filter((k) => set.has(k)).length, of: decoyKeys.length });
  return {
    quotesFound: { hit: aligned.size, of: gold.length },
    exactSpans: { hit: exact, of: gold.length },
    kinds: { hit: kinds, of: gold.length },
    speakers: { hit: speakers, of: gold.length },
    statementSpeakers: { hit: statementSpeakers, of: statements },
    direct: linkScore(direct, wanted.direct),
    chained: linkScore(chained, wanted.chained),
    decoysLinked: count(all.direct),
    decoysChained: count(all.chained),
    errors,
  };
}

function clip(s: string, n = 70): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : flat.slice(0, n - 1).trimEnd() + '…';
}

function add(a: Ratio, b: Ratio): Ratio {
  return { hit: a.hit + b.hit, of: a.of + b.of };
}

/** Sums the counts of several stories' scores. */
export function sumScores(scores: readonly StoryScore[]): StoryScore {
  const zero: Ratio = { hit: 0, of: 0 };
  const link = (pick: (s: StoryScore) => LinkScore): LinkScore => ({
    precision: scores.map((s) => pick(s).precision).reduce(add, zero),
    recall: scores.map((s) => pick(s).recall).reduce(add, zero),
  });
  const sum = (pick: (s: StoryScore) => Ratio): Ratio => scores.map(pick).reduce(add, zero);
  return {
    quotesFound: sum((s) => s.quotesFound),
    exactSpans: sum((s) => s.exactSpans),
    kinds: sum((s) => s.kinds),
    speakers: sum((s) => s.speakers),
    statementSpeakers: sum((s) => s.statementSpeakers),
    direct: link((s) => s.direct),
    chained: link((s) => s.chained),
    decoysLinked: sum((s) => s.decoysLinked),
    decoysChained: sum((s) => s.decoysChained),
    errors: scores.flatMap((s) => s.errors),
  };
}

export function rate(r: Ratio): string {
  return r.of === 0 ? '   –' : (r.hit / r.of).toFixed(2);
}

function row(label: string, s: StoryScore, width: number): string {
  const cells = [
    rate(s.direct.precision), rate(s.direct.recall), rate(s.chained.precision), rate(s.chained.recall),
    rate(s.speakers), rate(s.statementSpeakers), rate(s.exactSpans), rate(s.quotesFound), rate(s.kinds),
    `${s.decoysLinked.hit}/${s.decoysLinked.of}`,
  ];
  return `${label.padEnd(width)} ${cells.map((c) => c.padStart(6)).join(' ')}`;
}

async function run(argv: readonly string[]): Promise<void> {
  const showErrors = argv.includes('--errors') || argv.includes('--errors=all');
  const showHeldOut = argv.includes('--errors=all');
  // `--dir=PATH` scores another folder of stories laid out the same way (a private set, say).
  const dir = argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? COVERAGE;
  const stories = loadStories(dir);
  const scored: { story: GoldStory; score: StoryScore }[] = [];
  for (const story of stories) {
    const { quotes, links } = await analyseFolder(join(dir, story.name));
    scored.push({ story, score: scoreStory(story, quotes, links) });
  }
  const labels = scored.map(({ story }) => `${story.name}${story.heldOut ? ' (held out)' : ''}`);
  const width = Math.max(30, ...labels.map((l) => l.length + 1));
  const header = ['link P', 'link R', 'chainP', 'chainR', 'spkr', 'spkr-S', 'exact', 'found', 'kind', 'decoy'];
  console.log(`${'story'.padEnd(width)} ${header.map((h) => h.padStart(6)).join(' ')}`);
  scored.forEach(({ story, score }, i) => {
    const n = new Set(story.quotes.map((q) => q.file)).size;
    console.log(row(labels[i], score, width) + `   ${n} articles, ${story.quotes.length} quotes`);
  });
  const dev = scored.filter((s) => !s.story.heldOut).map((s) => s.score);
  const held = scored.filter((s) => s.story.heldOut).map((s) => s.score);
  if (held.length > 0) console.log(row('development stories', sumScores(dev), width));
  if (held.length > 0) console.log(row('held-out stories', sumScores(held), width));
  console.log(row('overall', sumScores(scored.map((s) => s.score)), width));
  console.log('\nlink P/R: direct links between statements of different articles; chainP/chainR: through chains of links;');
  console.log('spkr: speaker right over all gold quotes, spkr-S over statements; exact: quote span exactly right;');
  console.log('found: gold quotes found at all; kind: statement/term right; decoy: pairs that must not be linked, linked.');
  if (!showErrors) return;
  for (const { story, score } of scored) {
    if (story.heldOut && !showHeldOut) continue;
    console.log(`\n${story.name}`);
    for (const e of score.errors) console.log(`  ${e}`);
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
