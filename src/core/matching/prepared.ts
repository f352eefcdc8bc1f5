import type { QuoteKind } from '../types';
import { conceptsOf, stemOf } from './lexicon';
import { languageOf, glossed, type Language } from './gloss';
import { isFunctionWord, NEGATIONS, words } from './text';

/**
 * A quote reduced to what the matcher compares, with words and stems as small integers so that a
 * large index keeps little per quote.
 */
export interface PreparedQuote {
  readonly kind: QuoteKind;
  /** Every word's normalised form, as vocabulary ids. */
  readonly norms: Int32Array;
  /** Distinct content stems in order of first appearance, as vocabulary ids. */
  readonly stems: Int32Array;
  /** Word index where each content stem first appears. */
  readonly positions: Int32Array;
  /** 1 where the content stem is a name. */
  readonly names: Int32Array;
  /** Says that something is not so ("not", "never", "without", "n't"), "not only" aside. */
  readonly negated: boolean;
  /** The language the quote is in when not English (`gloss.ts`), its words compared by their English glosses; '' for English. */
  readonly language: Language | '';
  /** How many clause starts follow the name flags in the same array (see `clauseStarts`). */
  readonly clauseCount: number;
}

const NOT_A_NEGATION_AFTER = new Set(['only', 'just', 'merely', 'least']);

/** "Not only", "not least"; and "No." before a number, the abbreviation of "number" ("the No. 1 message"). */
function notANegation(word: string, next: string): boolean {
  return NOT_A_NEGATION_AFTER.has(next) || (word === 'no' && /^\p{N}/u.test(next));
}

/**
 * Whether words `from` to `to` (exclusive) of a quote say that something is not so, as `negated` says
 * of the whole quote.
 */
export function negatedIn(p: PreparedQuote, vocab: Vocabulary, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = vocab.text(p.norms[i]);
    if ((NEGATIONS.has(w) || w.endsWith("n't")) && !notANegation(w, i + 1 < p.norms.length ? vocab.text(p.norms[i + 1]) : '')) return true;
  }
  return false;
}

/** Interns word forms and stems; one per index so ids are comparable across quotes. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly codes: (Int32Array | undefined)[] = [];
  /** Each word's `stemOf`, null for a function word, looked up once (see `wordStem`). */
  private readonly wordStems: (string | null | undefined)[] = [];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
      // Kept dense: an array filled at scattered indices turns into a slow dictionary.
      this.codes.push(undefined);
      this.wordStems.push(undefined);
    }
    return id;
  }

  text(id: number): string {
    return this.texts[id] ?? '';
  }

  /**
   * The stem of a word id read as a word (`stemOf` of its text), null for a function word: the rules
   * that tell one word in two inflections ask it of the same few words for every comparison.
   */
  wordStem(id: number): string | null {
    let stem = this.wordStems[id];
    if (stem === undefined) {
      const text = this.texts[id] ?? '';
      stem = isFunctionWord(text) ? null : stemOf(text);
      if (id < this.wordStems.length) this.wordStems[id] = stem;
    }
    return stem;
  }

  /**
   * WordNet senses of a stem id, looked up once: its own senses as `sense * 2`, then its broader ones
   * as `sense * 2 + 1`. One small array per distinct stem, so quotes need not carry their senses.
   */
  senseCodes(id: number): Int32Array {
    let codes = this.codes[id];
    if (codes === undefined) {
      const c = conceptsOf(this.texts[id]);
      codes = c ? Int32Array.from([...c.own.map((k) => 2 * k), ...c.broader.map((k) => 2 * k + 1)]) : NO_SENSES;
      this.codes[id] = codes;
    }
    return codes;
  }
}

const NO_SENSES = new Int32Array(0);

/** Reduces a quote text to its comparable form. */
export function prepare(text: string, kind: QuoteKind, vocab: Vocabulary): PreparedQuote {
  const read = words(text);
  // A quote in another language is compared by the English glosses of its words.
  const language = languageOf(read, text);
  const ws = language ? glossed(read, language, text) : read;
  const count = ws.length;
  const norms = new Int32Array(count);
  const stems: number[] = [];
  const positions: number[] = [];
  const names: number[] = [];
  const clauses: number[] = [];
  const seen = new Map<number, number>();
  let negated = false;
  for (let i = 0; i < count; i++) {
    const w = ws[i];
    norms[i] = vocab.id(w.norm);
    if (i > 0 && endsClause(text, ws[i - 1].end, w.start)) clauses.push(i);
    const negation = NEGATIONS.has(w.norm) || w.norm.endsWith("n't");
    if (negation && !notANegation(w.norm, ws[i + 1]?.norm ?? '')) negated = true;
    if (!w.stem) continue;
    const s = vocab.id(w.stem);
    const at = seen.get(s);
    if (at === undefined) {
      seen.set(s, stems.length);
      stems.push(s);
      positions.push(i);
      names.push(w.name ? 1 : 0);
    } else if (!w.name) {
      // A word written once in lower case is not a name even if another occurrence is capitalised.
      names[at] = 0;
    }
  }
  const data = new Int32Array(count + 3 * stems.length + clauses.length);
  data.set(norms);
  data.set(stems, count);
  data.set(positions, count + stems.length);
  data.set(names, count + 2 * stems.length);
  data.set(clauses, count + 3 * stems.length);
  return preparedView(kind, negated, language ?? '', data, 0, count, stems.length, clauses.length);
}

/**
 * Whether the text between two words ends a clause: a comma, a colon or semicolon, a sentence's end, a
 * dash (a hyphen between spaces too; one between letters joins a compound).
 */
function endsClause(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // , ; : . ! ? – —
    if (c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63 || c === 0x2013 || c === 0x2014) return true;
    if (c === 45 && k > from && k + 1 < to) return true;
  }
  return false;
}

/**
 * A prepared quote over a stretch of a larger array laid out as `prepare` lays it out: `words` norms,
 * then `stems` stems, positions and name flags, then `clauses` clause starts. An index keeps all its
 * quotes in one array this way and makes the views only when a quote is compared.
 */
export function preparedView(kind: QuoteKind, negated: boolean, language: Language | '', data: Int32Array, at: number, words: number, stems: number, clauses: number): PreparedQuote {
  const s = at + words;
  return {
    kind,
    norms: data.subarray(at, s),
    stems: data.subarray(s, s + stems),
    positions: data.subarray(s + stems, s + 2 * stems),
    names: data.subarray(s + 2 * stems, s + 3 * stems),
    clauseCount: clauses,
    negated,
    language,
  };
}

/**
 * Word indices where a clause of the quote begins after a mark (a comma, a dash, a sentence's end), in
 * order. Read only by the rules that ask, so that the views made for every comparison stay few.
 */
export function clauseStarts(p: PreparedQuote): Int32Array {
  return new Int32Array(p.names.buffer, p.names.byteOffset + p.names.byteLength, p.clauseCount);
}

/** Ints a prepared quote takes in the layout of `preparedView`. */
export function preparedSize(words: number, stems: number, clauses: number): number {
  return words + 3 * stems + clauses;
}
