import nlp from 'compromise';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortHash } from '../src/core/ids';
import { Random } from './prng';

/**
 * Deterministic corpus generator for the benchmark. Articles are built from the seed articles'
 * own sentences (read at run time), with quotations planted so that the true links between them are
 * known: the same statement quoted whole, cut down, re-worded as a second translation would, or put in
 * another speaker's mouth; and decoys that open like another statement but say something else.
 */

/** What the seeds provide: narrative sentences, a word chain for new statements, quote openings. */
export interface SeedMaterial {
  /** Sentences with no quotation marks, for the paragraphs around the quotes. */
  readonly filler: readonly string[];
  /** The first words of the seeds' quotations, the stock openings decoys reuse. */
  readonly openings: readonly (readonly string[])[];
  /** Word → the words that follow it somewhere in the seeds (repeated by frequency). */
  readonly chain: ReadonlyMap<string, readonly string[]>;
  /** Capitalised words that open a sentence or a quotation. */
  readonly starts: readonly string[];
  /** Part of speech of the seeds' content words (lower case), as compromise tags them in context. */
  readonly contentTags: ReadonlyMap<string, ContentTag>;
  /** Words of each part of speech to put in their place: the seeds' own and compromise's lexicon. */
  readonly pools: ReadonlyMap<ContentTag, readonly string[]>;
}

/** The parts of speech a statement's words are varied in. */
export type ContentTag = 'Plural' | 'Singular' | 'Adjective' | 'Gerund' | 'PastTense' | 'PresentTense' | 'Infinitive';
const CONTENT_TAGS: readonly ContentTag[] = ['Plural', 'Singular', 'Adjective', 'Gerund', 'PastTense', 'PresentTense', 'Infinitive'];
/** Words with these tags keep their place: names, numbers and the grammar around the content words. */
const KEEP_TAGS = new Set(['ProperNoun', 'Person', 'Place', 'Organization', 'Value', 'Pronoun', 'Auxiliary', 'Modal', 'Copula', 'Determiner', 'Acronym']);

/** How a planted quote renders its statement. */
export type Variant = 'original' | 'identical' | 'truncated' | 'reworded' | 'reattributed';

/** A quotation planted in an article, with the statement it reports. */
export interface PlantedQuote {
  /** Index of the article in `GeneratedCorpus.articles`. */
  readonly doc: number;
  /** Span of the quoted words, marks excluded, in the article text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Statement id: two planted quotes report the same statement exactly when their ids are equal. */
  readonly statement: number;
  readonly variant: Variant;
  readonly speaker: string;
}

export interface GeneratedArticle {
  readonly uri: string;
  readonly text: string;
  readonly words: number;
  readonly quotes: readonly PlantedQuote[];
}

/** A statement made once by someone and reported by one or more articles. */
export interface Statement {
  readonly id: number;
  readonly text: string;
  readonly speaker: string;
  /** The statement whose opening this one borrows, for a decoy; else null. */
  readonly decoyOf: number | null;
  /** True when the opening comes from the seeds' stock openings rather than another statement. */
  readonly stockOpening: boolean;
}

export interface GeneratedCorpus {
  readonly seed: number;
  readonly articles: readonly GeneratedArticle[];
  readonly statements: readonly Statement[];
  readonly totalWords: number;
}

export interface GenerateOptions {
  readonly articles: number;
  readonly seed?: number;
  /** Appends one long article of about this many words (for the edit benchmark); 0 for none. */
  readonly longArticleWords?: number;
  /** Folder of seed articles; defaults to the repository's `seeds/`. */
  readonly seedsDir?: string;
  /** Material already read, to generate many corpora without reading the seeds again. */
  readonly material?: SeedMaterial;
}

export const DEFAULT_SEED = 20240426;

/** Most articles quote statements of the last few dozen articles: a news cycle. */
const NEWS_CYCLE = 60;
const MAX_APPEARANCES = 8;
const REUSE = 0.5;
const DECOY = 0.15;

const QUOTE_MARKS = /[“”"‘«»„]/;
const CLOSING_SINGLE = /’(?![\p{L}\p{N}])/u;

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export { countWords };

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-Z])/u).map((s) => s.trim()).filter(Boolean);
}

function isCaptionLike(sentence: string): boolean {
  const words = sentence.split(/\s+/);
  const shouting = words.filter((w) => /^[A-Z][A-Z.'’-]+$/.test(w.replace(/[,;:]$/, ''))).length;
  return /[/*@|]|https?:/.test(sentence) || (shouting >= 3 && shouting / words.length > 0.2);
}

/** Removes quotation marks from a word, keeping apostrophes inside words ("China’s"). */
function bareWord(w: string): string {
  return w.replace(/[“”"‘«»„]/g, '').replace(/^’|’$/g, '');
}

/** Reads every seed article in `dir` and takes it apart into generator material. */
export function readSeeds(dir: string = join(__dirname, '..', 'seeds')): SeedMaterial {
  const files = readdirSync(dir).filter((f) => /\.(txt|md)$/i.test(f)).sort();
  if (files.length === 0) throw new Error(`no seed articles in ${dir}`);
  const filler = new Set<string>();
  const quotes: string[] = [];
  const training: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n');
    for (const para of text.split('\n').map((p) => p.trim()).filter(Boolean)) {
      for (const m of para.matchAll(/“([^”\n]+)”|"([^"\n]+)"/g)) {
        const inner = (m[1] ?? m[2] ?? '').trim();
        if (countWords(inner) >= 6) quotes.push(inner);
      }
      for (const s of sentencesOf(para)) {
        const n = countWords(s);
        if (n < 6 || n > 55 || !/[.!?]$/.test(s) || isCaptionLike(s)) continue;
        if (!QUOTE_MARKS.test(s) && !CLOSING_SINGLE.test(s)) filler.add(s);
        training.push(s);
      }
    }
  }
  const chain = new Map<string, string[]>();
  const starts: string[] = [];
  for (const s of [...training, ...quotes]) {
    const words = s.split(/\s+/).map(bareWord).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length === 0) continue;
    if (/^[A-Z]/.test(words[0]!)) starts.push(words[0]!);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = chain.get(words[i]!) ?? [];
      list.push(words[i + 1]!);
      chain.set(words[i]!, list);
    }
  }
  const openings = quotes
    .map((q) => q.split(/\s+/).map(bareWord).filter(Boolean).slice(0, 4))
    .filter((o) => o.length === 4 && /^[A-Z]/.test(o[0]!));
  if (filler.size < 5 || starts.length === 0 || openings.length === 0) {
    throw new Error(`the seed articles in ${dir} are too short to build a benchmark corpus from`);
  }
  const { contentTags, pools } = partsOfSpeech([...training, ...quotes]);
  return { filler: [...filler], openings, chain, starts, contentTags, pools };
}

interface TaggedTerm {
  readonly normal?: string;
  readonly tags?: readonly string[];
}

/**
 * Tags the seeds' words in context and gathers, for each part of speech, the words that may stand in
 * for them. A few thousand seed words make a small vocabulary: statements walked from them alone repeat
 * whole phrases far more than real quotes do, so content words are varied from compromise's lexicon.
 */
function partsOfSpeech(sentences: readonly string[]): { contentTags: Map<string, ContentTag>; pools: Map<ContentTag, string[]> } {
  const contentTags = new Map<string, ContentTag>();
  const pools = new Map<ContentTag, Set<string>>(CONTENT_TAGS.map((t) => [t, new Set<string>()]));
  const doc = nlp(sentences.join('\n')).json() as { terms?: TaggedTerm[] }[];
  for (const sentence of doc) {
    for (const term of sentence.terms ?? []) {
      const word = term.normal ?? '';
      const tags = term.tags ?? [];
      if (!/^[a-z]{3,}$/.test(word) || tags.some((t) => KEEP_TAGS.has(t))) continue;
      const tag = CONTENT_TAGS.find((t) => tags.includes(t));
      if (!tag) continue;
      if (!contentTags.has(word)) contentTags.set(word, tag);
      pools.get(tag)!.add(word);
    }
  }
  const lexicon = (nlp.model() as { one?: { lexicon?: Record<string, unknown> } }).one?.lexicon ?? {};
  for (const [word, tag] of Object.entries(lexicon)) {
    if (typeof tag === 'string' && pools.has(tag as ContentTag) && /^[a-z]{3,12}$/.test(word)) pools.get(tag as ContentTag)!.add(word);
  }
  return { contentTags, pools: new Map([...pools].map(([t, set]) => [t, [...set].sort()])) };
}

/** Puts other words of the same part of speech in place of some content words. */
export function varyContent(rng: Random, words: readonly string[], m: SeedMaterial, share: number): string[] {
  return words.map((w) => {
    const core = w.replace(/[^\p{L}’'-]+$/u, '');
    const tag = m.contentTags.get(core.toLowerCase());
    const pool = tag ? m.pools.get(tag) : undefined;
    if (!pool || pool.length === 0 || !rng.chance(share)) return w;
    return matchCase(core, rng.pick(pool)) + w.slice(core.length);
  });
}

/** Share of a new statement's content words put in other words. */
const VARIED = 0.5;
/** Share of a narrative sentence's content words put in other words. */
const FILLER_VARIED = 0.3;
/** Share of narrative sentences made of two seed sentences joined at a comma. */
const RECOMBINED = 0.3;

/** Length of the word runs no two statements may share, and how many walks may try for one that shares none. */
const RUN = 5;
const DISTINCT_TRIES = 12;

/** Hashes of the runs of `RUN` words of a statement, lower-cased and without punctuation. */
function runsOf(words: readonly string[]): string[] {
  const bare = words.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + RUN <= bare.length; i++) out.push(shortHash(bare.slice(i, i + RUN).join(' ')));
  return out;
}

/** Index of the first word after the third that ends with a comma, or -1. */
function commaAfter(words: readonly string[]): number {
  for (let i = 3; i < words.length - 1; i++) if (words[i]!.endsWith(',')) return i;
  return -1;
}

/** Walks the word chain from `opening` to a sentence end: new statements in the seeds' own words. */
function walk(rng: Random, m: SeedMaterial, opening: readonly string[], min: number, max: number): string[] {
  const words = opening.length > 0 ? [...opening] : [rng.pick(m.starts)];
  while (words.length < max) {
    const last = words[words.length - 1]!;
    if (/[.!?]$/.test(last)) {
      if (words.length >= min) return words;
      words.push(rng.pick(m.starts));
      continue;
    }
    const next = m.chain.get(last);
    words.push(next && next.length > 0 ? rng.pick(next) : rng.pick(m.starts));
  }
  return endSentence(words);
}

function endSentence(words: string[]): string[] {
  const out = [...words];
  const last = out[out.length - 1]!.replace(/[,;:–—-]+$/, '');
  out[out.length - 1] = /[.!?]$/.test(last) ? last : `${last}.`;
  return out;
}

// Word changes a second translation of the same words typically makes. Generic English, not the seeds'.
const SYNONYMS: Record<string, string> = {
  support: 'backing', backing: 'support', concerns: 'worries', concern: 'worry', important: 'crucial',
  crucial: 'critical', critical: 'vital', very: 'extremely', help: 'assist', want: 'wish', large: 'big',
  big: 'large', major: 'significant', significant: 'major', threat: 'danger', difficult: 'hard',
  continue: 'keep', sustain: 'maintain', maintain: 'preserve', stop: 'halt', halt: 'stop', increase: 'raise',
  provide: 'supply', providing: 'supplying', supply: 'provide', supplying: 'providing', seen: 'observed',
  attempts: 'efforts', efforts: 'attempts', quickly: 'rapidly', carefully: 'closely', totally: 'completely',
  completely: 'entirely', serious: 'grave', grave: 'serious', deep: 'profound', conflict: 'confrontation',
  war: 'conflict', country: 'nation', countries: 'nations', officials: 'authorities', problem: 'issue',
  issue: 'matter', urge: 'call on', relations: 'ties', ties: 'relations', goods: 'products',
  products: 'goods', necessary: 'needed', strengthen: 'reinforce', threatens: 'endangers', made: 'have made',
  clear: 'plain', address: 'tackle', ensure: 'make sure', use: 'employ', uses: 'employs', build: 'develop',
  taking: 'adopting', steps: 'measures', measures: 'steps', greater: 'bigger', broader: 'wider',
  impact: 'effect', effect: 'impact', achieve: 'attain', better: 'improved', leading: 'main',
  largest: 'biggest', biggest: 'largest', cooperate: 'work together', forthright: 'frank', avoid: 'prevent',
  extremely: 'highly', baseless: 'groundless', accusations: 'allegations', allegations: 'accusations',
  interests: 'interest', security: 'safety', defend: 'protect', protect: 'defend', ready: 'prepared',
  prepared: 'ready', reduce: 'cut', assault: 'offensive', offensive: 'assault', struggle: 'find it hard',
  difficulties: 'problems', talks: 'discussions', meeting: 'talks', evidence: 'proof', world: 'globe',
};
const DROPPABLE = new Set([
  'very', 'also', 'really', 'the', 'that', 'so', 'just', 'now', 'all', 'both', 'generally', 'arguably',
  'extremely', 'still', 'even', 'indeed', 'clearly', 'quite', 'highly', 'most', 'more', 'such', 'then',
]);

function matchCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/** One to three word substitutions, deletions or swaps; never returns the words unchanged. */
export function reword(rng: Random, words: readonly string[]): string[] {
  const out = [...words];
  const edits = rng.between(1, 3);
  let done = 0;
  for (let attempt = 0; attempt < 30 && done < edits; attempt++) {
    const kind = rng.weighted(['substitute', 'delete', 'swap'], [5, 2, 2]);
    const i = rng.between(1, Math.max(1, out.length - 2));
    const w = out[i];
    if (w === undefined) continue;
    const core = w.replace(/[^\p{L}’'-]+$/u, '');
    const tail = w.slice(core.length);
    if (kind === 'substitute') {
      const syn = SYNONYMS[core.toLowerCase()];
      if (!syn) continue;
      out[i] = matchCase(core, syn) + tail;
    } else if (kind === 'delete') {
      if (!DROPPABLE.has(core.toLowerCase()) || tail || out.length < 8) continue;
      out.splice(i, 1);
    } else {
      const v = out[i + 1];
      if (v === undefined || i + 1 >= out.length - 1 || tail || /[^\p{L}’'-]$/u.test(v)) continue;
      out[i] = v;
      out[i + 1] = w;
    }
    done++;
  }
  if (done === 0 || out.join(' ') === words.join(' ')) {
    // Nothing in the statement lends itself to a synonym: drop a middle word, as a looser translation would.
    const i = Math.max(1, Math.floor(out.length / 2));
    if (out.length > 6) out.splice(i, 1);
  }
  return out;
}

/** A contiguous part of a statement, at least six words, as reporters cut quotes down. */
export function truncate(rng: Random, words: readonly string[]): string[] {
  const n = words.length;
  const k = Math.max(6, Math.round(n * (0.45 + 0.35 * rng.next())));
  if (k >= n) return [...words];
  const mode = rng.weighted(['prefix', 'suffix', 'middle'], [5, 3, 2]);
  const from = mode === 'prefix' ? 0 : mode === 'suffix' ? n - k : rng.between(1, n - k - 1);
  const part = words.slice(from, from + k);
  return from + k < n ? endSentence(part) : part;
}

// Name parts for synthetic speakers: generic, so thousands of people exist and surnames recur.
const GIVEN = [
  'Amara', 'Bilal', 'Carmen', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kwame', 'Leila',
  'Marek', 'Nadia', 'Oskar', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Ulla', 'Viktor', 'Wen', 'Yusuf', 'Zofia',
  'Aidan', 'Beatriz', 'Chidi', 'Daria', 'Emil', 'Fatima', 'Gabriel', 'Hana', 'Ivan', 'Julia', 'Kenji', 'Lucia',
  'Mateo', 'Nora', 'Olumide', 'Paula', 'Rashid', 'Selin', 'Teodor', 'Valeria', 'Willem', 'Ximena', 'Yara', 'Zain',
];
const SURNAME_HEADS = [
  'Hal', 'Mor', 'Ash', 'Bren', 'Cal', 'Dun', 'Ell', 'Fair', 'Gar', 'Hart', 'Kes', 'Lind', 'Mar', 'Nor', 'Oak',
  'Pell', 'Quar', 'Ros', 'Sel', 'Thorn', 'Vand', 'Wex', 'Bark', 'Cor', 'Dra', 'Ferr', 'Grun', 'Holm',
];
const SURNAME_TAILS = [
  'ford', 'ley', 'wood', 'ton', 'berg', 'sen', 'ova', 'ic', 'ez', 'ard', 'well', 'by', 'field', 'stein', 'ini',
  'ak', 'enko', 'quist',
];
const TITLES = [
  'Foreign Minister', 'Defence Minister', 'Trade Minister', 'Finance Minister', 'Senator', 'Ambassador',
  'Deputy Prime Minister', 'Interior Minister', 'Governor', 'Mayor', 'General', 'Professor', 'Commissioner',
];
const ROLES = [
  'a spokeswoman for the ministry', 'the agency’s director', 'a senior diplomat', 'the party’s leader',
  'an analyst at the institute', 'the union’s president', 'a government adviser', 'the company’s chief executive',
];
const CITIES = [
  'Geneva', 'Nairobi', 'Jakarta', 'Brussels', 'Lima', 'Ottawa', 'Warsaw', 'Seoul', 'Cairo', 'Canberra', 'Oslo',
  'Madrid', 'Hanoi', 'Accra', 'Santiago', 'Vienna', 'Manila', 'Ankara', 'Dublin', 'Tunis',
];
const OUTLET_HEADS = ['Northern', 'Coastal', 'Metro', 'Daily', 'Evening', 'Global', 'Capital', 'Harbour'];
const OUTLET_TAILS = ['Ledger', 'Courier', 'Dispatch', 'Herald', 'Wire', 'Observer', 'Gazette', 'Review'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Person {
  readonly given: string;
  readonly surname: string;
  readonly title: string | null;
  readonly role: string;
}

function fullName(p: Person): string {
  return `${p.given} ${p.surname}`;
}

interface Block {
  text: string;
  /** Offsets of the planted quote's words inside `text`. */
  quote?: { start: number; end: number; statement: number; variant: Variant; speaker: string };
}

interface QuotePlan {
  readonly statement: LiveStatement;
  readonly variant: Variant;
  readonly words: readonly string[];
  readonly speaker: Person;
}

interface LiveStatement {
  readonly id: number;
  readonly words: readonly string[];
  readonly speaker: Person;
  readonly bornAt: number;
  appearances: number;
}

/** The generator's state: carried across articles so a corpus of N is a prefix of a corpus of M > N. */
class Generator {
  readonly statements: Statement[] = [];
  private readonly live: LiveStatement[] = [];
  /** Hashes of the narrative paragraphs made so far. */
  private readonly paragraphs = new Set<string>();
  private readonly people: Person[] = [];
  /** Hashes of every run of `RUN` words of the statements made so far. */
  private readonly runs = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly m: SeedMaterial,
  ) {}

  article(index: number, uri: string, targetWords: number): GeneratedArticle {
    const rng = this.rng;
    const cast: Person[] = [];
    const named = new Set<Person>();
    const refer = (p: Person): string => {
      const clash = cast.some((o) => o !== p && o.surname === p.surname);
      if (named.has(p) && !clash) return p.surname;
      named.add(p);
      if (p.title && rng.chance(0.7)) return `${p.title} ${fullName(p)}`;
      return `${fullName(p)}, ${p.role},`;
    };

    const quoteCount = Math.max(2, Math.round(targetWords / 120) + rng.between(-1, 1));
    const chosen = new Set<number>();
    const plans: QuotePlan[] = [];
    for (let q = 0; q < quoteCount; q++) {
      const plan = this.quoteFor(index, chosen);
      chosen.add(plan.statement.id);
      if (!cast.includes(plan.speaker)) cast.push(plan.speaker);
      plans.push(plan);
    }

    const blocks: (Block | QuotePlan)[] = [];
    const lead = this.fillerSentences(1);
    const city = rng.pick(CITIES);
    const outlet = `${rng.pick(OUTLET_HEADS)} ${rng.pick(OUTLET_TAILS)}`;
    const dateline = rng.chance(0.5)
      ? `${city.toUpperCase()}, ${rng.pick(MONTHS)} ${rng.between(1, 28)} (${outlet}) – `
      : `${city} (${outlet}) — `;
    blocks.push({ text: dateline + lead });
    let words = countWords(dateline + lead) + plans.reduce((n, p) => n + p.words.length + 4, 0);
    while (words < targetWords) {
      const text = this.fillerSentences(rng.between(1, 3));
      words += countWords(text);
      blocks.push({ text });
    }
    for (const p of plans) blocks.splice(rng.between(1, blocks.length), 0, p);
    // Rendered in reading order, so a speaker's first appearance carries the full name and title.
    const rendered = blocks.map((b) => ('text' in b ? b : this.quoteBlock(b, refer)));

    const first = plans[0];
    const headline = first && rng.chance(0.7)
      ? `${first.speaker.surname} ${rng.pick(['says', 'warns', 'insists', 'urges action:', 'on talks:'])} ${
        this.headlineWords(first.statement.id)}`
      : this.fillerSentences(1).replace(/[.!?]$/, '');

    let text = `${headline}\n\n`;
    const planted: PlantedQuote[] = [];
    rendered.forEach((b, i) => {
      if (b.quote) {
        const start = text.length + b.quote.start;
        const end = text.length + b.quote.end;
        planted.push({
          doc: index, start, end, text: b.text.slice(b.quote.start, b.quote.end),
          statement: b.quote.statement, variant: b.quote.variant, speaker: b.quote.speaker,
        });
      }
      text += b.text + (i < rendered.length - 1 ? '\n\n' : '\n');
    });
    return { uri, text, words: countWords(text), quotes: planted };
  }

  private headlineWords(statement: number): string {
    const s = this.statements[statement]!;
    const words = s.text.split(' ').slice(0, this.rng.between(4, 7)).map((w) => w.replace(/[,.;:!?]+$/, ''));
    return words.join(' ').replace(/^./, (c) => c.toLowerCase());
  }

  /**
   * A paragraph of `n` narrative sentences, each a seed sentence with some content words varied, and
   * some joined at a comma to the second half of another; never a paragraph the corpus already has, so
   * that no cache of the analysis is handed whole repeated paragraphs, as real coverage seldom does.
   */
  private fillerSentences(n: number): string {
    let text = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(this.fillerSentence());
      text = out.join(' ');
      const hash = shortHash(text);
      if (!this.paragraphs.has(hash)) {
        this.paragraphs.add(hash);
        break;
      }
    }
    return text;
  }

  private fillerSentence(): string {
    const rng = this.rng;
    let words = rng.pick(this.m.filler).split(' ');
    if (rng.chance(RECOMBINED)) {
      const other = rng.pick(this.m.filler).split(' ');
      const cut = commaAfter(words);
      const join = commaAfter(other);
      if (cut > 0 && join > 0 && join < other.length - 3) words = [...words.slice(0, cut + 1), ...other.slice(join + 1)];
    }
    return varyContent(rng, words, this.m, FILLER_VARIED).join(' ');
  }

  private person(): Person {
    const rng = this.rng;
    if (this.people.length > 0 && rng.chance(0.65)) {
      // Recent people come back more often than old ones: the same officials speak across a story.
      const recent = Math.min(this.people.length, 80);
      return this.people[this.people.length - 1 - rng.int(recent)]!;
    }
    const p: Person = {
      given: rng.pick(GIVEN),
      surname: rng.pick(SURNAME_HEADS) + rng.pick(SURNAME_TAILS),
      title: rng.chance(0.6) ? rng.pick(TITLES) : null,
      role: rng.pick(ROLES),
    };
    this.people.push(p);
    return p;
  }

  private newStatement(index: number): LiveStatement {
    const rng = this.rng;
    let words: string[];
    let decoyOf: number | null = null;
    let stock = false;
    if (rng.chance(DECOY)) {
      const source = this.live.length > 0 && rng.chance(0.6) ? rng.pick(this.live) : null;
      const opening = source ? source.words.slice(0, rng.between(3, 5)) : rng.pick(this.m.openings);
      stock = source === null;
      decoyOf = source ? source.id : null;
      words = this.distinctContinuation(opening, source?.words ?? null);
      words = [...opening, ...varyContent(rng, words.slice(opening.length), this.m, VARIED)];
    } else {
      words = this.distinctStatement();
    }
    this.remember(words);
    const id = this.statements.length;
    const speaker = this.person();
    this.statements.push({ id, text: words.join(' '), speaker: fullName(speaker), decoyOf, stockOpening: stock });
    const live: LiveStatement = { id, words, speaker, bornAt: index, appearances: 0 };
    this.live.push(live);
    return live;
  }

  /**
   * A new statement in the seeds' words that shares no run of `RUN` words with any statement made
   * before, or the one sharing fewest of some tries. The word chain of five seed articles is small: left
   * alone, two of its walks share a long run ever more often as the corpus grows (at 10,000 articles,
   * some 200,000 pairs of statements shared a run of five words), and the truth would call
   * near-identical words different statements. Real coverage of many stories seldom does; decoys, which
   * are made alike on purpose, are made apart from this.
   */
  private distinctStatement(): string[] {
    let best: string[] = [];
    let bestShared = Infinity;
    for (let attempt = 0; attempt < DISTINCT_TRIES && bestShared > 0; attempt++) {
      const words = varyContent(this.rng, walk(this.rng, this.m, [], 10, this.rng.between(14, 34)), this.m, VARIED);
      let shared = 0;
      for (const run of runsOf(words)) if (this.runs.has(run)) shared++;
      if (shared < bestShared) {
        best = words;
        bestShared = shared;
      }
    }
    return best;
  }

  private remember(words: readonly string[]): void {
    for (const run of runsOf(words)) this.runs.add(run);
  }

  /** Continues a borrowed opening until the rest shares little with the statement it came from. */
  private distinctContinuation(opening: readonly string[], source: readonly string[] | null): string[] {
    let best: string[] = [];
    let bestRuns = Infinity;
    for (let attempt = 0; attempt < DISTINCT_TRIES; attempt++) {
      const words = walk(this.rng, this.m, opening, opening.length + 8, opening.length + this.rng.between(10, 26));
      let apart = true;
      if (source) {
        const rest = new Set(words.slice(opening.length).map((w) => w.toLowerCase()));
        const theirs = new Set(source.slice(opening.length).map((w) => w.toLowerCase()));
        let shared = 0;
        for (const w of rest) if (theirs.has(w)) shared++;
        apart = shared / Math.max(1, Math.min(rest.size, theirs.size)) < 0.4;
      }
      // The opening is shared on purpose; the rest shares no run with any statement, as new ones do.
      let runs = 0;
      for (const run of runsOf(words.slice(opening.length))) if (this.runs.has(run)) runs++;
      if (apart && runs < bestRuns) {
        best = words;
        bestRuns = runs;
      }
      if (apart && runs === 0) break;
      if (best.length === 0 && attempt === DISTINCT_TRIES - 1) best = words;
    }
    return best;
  }

  private quoteFor(index: number, taken: ReadonlySet<number>): QuotePlan {
    const rng = this.rng;
    while (this.live.length > 0 && index - this.live[0]!.bornAt > NEWS_CYCLE) this.live.shift();
    const candidates = this.live.filter((s) => !taken.has(s.id) && s.appearances < MAX_APPEARANCES);
    if (candidates.length > 0 && rng.chance(REUSE)) {
      const s = rng.pick(candidates);
      s.appearances++;
      const variant = rng.weighted<Variant>(['identical', 'truncated', 'reworded', 'reattributed'], [3, 2.5, 3, 1.5]);
      let words = [...s.words];
      let speaker = s.speaker;
      if (variant === 'truncated') words = truncate(rng, s.words);
      else if (variant === 'reworded') words = reword(rng, s.words);
      else if (variant === 'reattributed') {
        for (let i = 0; i < 5 && speaker === s.speaker; i++) speaker = this.person();
      }
      return { statement: s, variant, words, speaker };
    }
    const s = this.newStatement(index);
    s.appearances++;
    return { statement: s, variant: 'original', words: [...s.words], speaker: s.speaker };
  }

  private quoteBlock(plan: QuotePlan, refer: (p: Person) => string): Block {
    const rng = this.rng;
    const { words, variant, speaker } = plan;
    const statement = plan.statement.id;
    const [open, close] = rng.chance(0.88) ? ['“', '”'] : ['"', '"'];
    const body = words.join(' ');
    const asClause = body.replace(/\.$/, ',');
    const ref = refer(speaker);
    const verb = rng.pick(['said', 'said', 'said', 'told reporters', 'added', 'warned', 'stated']);
    const quote = { statement, variant, speaker: fullName(speaker) };
    const form = rng.weighted(['after', 'colon', 'inverted', 'after+filler'], [45, 30, 15, 10]);
    if (form === 'colon') {
      const lead = `${ref.replace(/,$/, '')} ${verb}: ${open}`;
      return { text: `${lead}${body}${close}`, quote: { ...quote, start: lead.length, end: lead.length + body.length } };
    }
    if (form === 'inverted') {
      const tail = ref.endsWith(',') ? ref.slice(0, -1) : ref;
      return {
        text: `${open}${asClause}${close} said ${tail}.`,
        quote: { ...quote, start: open.length, end: open.length + asClause.length },
      };
    }
    const after = `${open}${asClause}${close} ${ref} ${verb}.`;
    const text = form === 'after+filler' ? `${after} ${this.fillerSentences(1)}` : after;
    return { text, quote: { ...quote, start: open.length, end: open.length + asClause.length } };
  }
}

/** Builds a corpus of `articles` articles (plus the optional long one); the same options give the same text. */
export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const material = options.material ?? readSeeds(options.seedsDir);
  const rng = new Random(seed);
  const gen = new Generator(rng, material);
  const articles: GeneratedArticle[] = [];
  let totalWords = 0;
  const lengths = new Random(seed ^ 0x5bd1e995);
  for (let i = 0; i < options.articles; i++) {
    const target = lengths.chance(0.04)
      ? lengths.between(1500, 3500)
      : Math.min(2500, Math.max(250, Math.round(lengths.logNormal(440, 0.35))));
    const a = gen.article(i, `/bench/corpus/${String(i).padStart(5, '0')}.txt`, target);
    totalWords += a.words;
    articles.push(a);
  }
  if (options.longArticleWords && options.longArticleWords > 0) {
    const i = articles.length;
    const a = gen.article(i, `/bench/corpus/long-${String(i).padStart(5, '0')}.txt`, options.longArticleWords);
    totalWords += a.words;
    articles.push(a);
  }
  return { seed, articles, statements: gen.statements, totalWords };
}

/** Pairs of planted quotes in different articles that report the same statement: the true links. */
export function trueLinkCount(corpus: GeneratedCorpus): number {
  const byStatement = new Map<number, Map<number, number>>();
  for (const a of corpus.articles) {
    for (const q of a.quotes) {
      const docs = byStatement.get(q.statement) ?? new Map<number, number>();
      docs.set(q.doc, (docs.get(q.doc) ?? 0) + 1);
      byStatement.set(q.statement, docs);
    }
  }
  let pairs = 0;
  for (const docs of byStatement.values()) {
    let total = 0;
    let same = 0;
    for (const n of docs.values()) {
      total += n;
      same += (n * (n - 1)) / 2;
    }
    pairs += (total * (total - 1)) / 2 - same;
  }
  return pairs;
}
