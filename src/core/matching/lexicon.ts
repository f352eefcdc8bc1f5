import stem from 'wink-porter2-stemmer';

/** Related-word data for one stem, from the WordNet-derived table in `lexicon.json`. */
export interface StemConcepts {
  /** Senses of the stem's words (synset numbers). */
  readonly own: readonly number[];
  /** Their direct hypernyms, or the head adjective of a satellite. */
  readonly broader: readonly number[];
}

interface Lexicon {
  concepts: Map<string, StemConcepts>;
  irregular: Map<string, string>;
  spelling: Map<string, string>;
}

let loaded: Lexicon | undefined;

/** Parsed on first use so that loading the extension stays quick. */
function lexicon(): Lexicon {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('./lexicon.json') as { concepts: string; irregular: string; spelling: string };
  const concepts = new Map<string, StemConcepts>();
  for (const line of raw.concepts.split('\n')) {
    const [s, own = '', broader = ''] = line.split(' ');
    concepts.set(s, { own: parseIds(own), broader: parseIds(broader) });
  }
  loaded = { concepts, irregular: pairs(raw.irregular), spelling: pairs(raw.spelling) };
  return loaded;
}

function parseIds(list: string): number[] {
  return list ? list.split(',').map((x) => parseInt(x, 36)) : [];
}

function pairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) out.set(line.slice(0, space), line.slice(space + 1));
  }
  return out;
}

/** The American spelling of a lower-case word where WordNet lists both (defence → defense). */
export function americanSpelling(word: string): string {
  return lexicon().spelling.get(word) ?? word;
}

/**
 * The Porter2 stem of a lower-case word, after undoing irregular inflections (said → say) and, for
 * words the table does not know, regular comparatives (largest → large, greater → great).
 */
export function stemOf(word: string): string {
  const lex = lexicon();
  const base = lex.irregular.get(word) ?? word;
  const s = stem(base);
  if (lex.concepts.has(s)) return s;
  const m = /^(.{3,}?)(er|est)$/.exec(base);
  if (m) {
    const root = m[1];
    const tries = [root, `${root}e`, root.replace(/(.)\1$/, '$1'), root.replace(/i$/, 'y')];
    for (const t of tries) {
      const ts = stem(t);
      if (lex.concepts.has(ts)) return ts;
    }
  }
  return s;
}

/** WordNet senses and broader senses of a stem, or undefined for words WordNet does not know. */
export function conceptsOf(stemmed: string): StemConcepts | undefined {
  return lexicon().concepts.get(stemmed);
}

/** Whether a word WordNet knows as a common word (not only as a name). */
export function isKnownWord(stemmed: string): boolean {
  return lexicon().concepts.has(stemmed);
}
