import stem from 'wink-porter2-stemmer';

/** Related-word data for one stem, from the WordNet-derived table in `lexicon.json`. */
export interface StemConcepts {
  /** Senses of the stem's words (synset numbers). */
  readonly own: readonly number[];
  /** Their direct hypernyms, or the head adjective of a satellite. */
  readonly broader: readonly number[];
}

/**
 * One table of `lexicon.json`: lines `key rest`, sorted by key in code-unit order. It is searched in
 * place, so loading costs only the JSON parse; building maps of all 45,000 stems up front blocked the
 * thread for a fifth of a second, and a document uses a few hundred of them.
 */
class SortedTable {
  private readonly memo = new Map<string, string | null>();

  constructor(private readonly text: string) {}

  /** The rest of the line whose key is `key`, '' when the line has no rest, null when absent. */
  get(key: string): string | null {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const found = this.search(key);
    this.memo.set(key, found);
    return found;
  }

  private search(key: string): string | null {
    const text = this.text;
    let lo = 0;
    let hi = text.length;
    // Invariant: the wanted line, if any, starts in [lo, hi); lo is always a line start.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
      const start0 = start < lo ? lo : start;
      let end = text.indexOf('\n', start0);
      if (end < 0) end = text.length;
      let space = text.indexOf(' ', start0);
      if (space < 0 || space > end) space = end;
      const k = text.slice(start0, space);
      if (k === key) return space === end ? '' : text.slice(space + 1, end);
      if (k < key) lo = end + 1;
      else hi = start0;
    }
    return null;
  }
}

interface Lexicon {
  concepts: SortedTable;
  irregular: SortedTable;
  spelling: SortedTable;
  antonyms: SortedTable;
}

let loaded: Lexicon | undefined;
const conceptMemo = new Map<string, StemConcepts | null>();
/** Stems of the words seen so far: news text repeats its words, and stemming costs more than a lookup. */
const stemMemo = new Map<string, string>();

/** Read on first use so that loading the extension stays quick. */
function lexicon(): Lexicon {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./lexicon.json') as { concepts: string; irregular: string; spelling: string; antonyms: string };
  loaded = { concepts: new SortedTable(raw.concepts), irregular: new SortedTable(raw.irregular), spelling: new SortedTable(raw.spelling), antonyms: new SortedTable(raw.antonyms) };
  return loaded;
}

function parseIds(list: string | undefined): number[] {
  return list ? list.split(',').map((x) => parseInt(x, 36)) : [];
}

/** The American spelling of a lower-case word where WordNet lists both (defence → defense). */
export function americanSpelling(word: string): string {
  return lexicon().spelling.get(word) ?? word;
}

/** Letters of the longest word stemmed; English words stop well short of it. */
export const MAX_STEMMED_LETTERS = 40;

/**
 * The Porter2 stem of a lower-case word, after undoing irregular inflections (said → say) and, for
 * words the table does not know, regular comparatives (largest → large, greater → great).
 */
export function stemOf(word: string): string {
  // The stemmer's time grows with the square of a word's length: a token longer than any word (hostile
  // text, a run of letters) is its own stem.
  if (word.length > MAX_STEMMED_LETTERS) return word;
  let s = stemMemo.get(word);
  if (s === undefined) stemMemo.set(word, (s = stemAfresh(word)));
  return s;
}

function stemAfresh(word: string): string {
  const lex = lexicon();
  const base = lex.irregular.get(word) ?? word;
  const s = stem(base);
  if (isKnownWord(s)) return s;
  const m = /^(.{3,}?)(er|est)$/.exec(base);
  if (m) {
    const root = m[1];
    const tries = [root, `${root}e`, root.replace(/(.)\1$/, '$1'), root.replace(/i$/, 'y')];
    for (const t of tries) {
      const ts = stem(t);
      if (isKnownWord(ts)) return ts;
    }
  }
  return s;
}

/** WordNet senses and broader senses of a stem, or undefined for words WordNet does not know. */
export function conceptsOf(stemmed: string): StemConcepts | undefined {
  let c = conceptMemo.get(stemmed);
  if (c === undefined) {
    const rest = lexicon().concepts.get(stemmed);
    if (rest === null) {
      c = null;
    } else {
      const [own, broader] = rest.split(' ');
      c = { own: parseIds(own), broader: parseIds(broader) };
    }
    conceptMemo.set(stemmed, c);
  }
  return c ?? undefined;
}

/** Whether a word WordNet knows as a common word (not only as a name). */
export function isKnownWord(stemmed: string): boolean {
  return lexicon().concepts.get(stemmed) !== null;
}

const antonymMemo = new Map<string, readonly string[]>();

/** Stems WordNet gives as antonyms of a stem in some sense ("hire" / "fire", "increas" / "decreas"). */
export function antonymsOf(stemmed: string): readonly string[] {
  let found = antonymMemo.get(stemmed);
  if (found === undefined) {
    const rest = lexicon().antonyms.get(stemmed);
    antonymMemo.set(stemmed, (found = rest ? rest.split(',') : []));
  }
  return found;
}
