import type { LinkRelation, QuoteKind } from '../types';
import { clauseStarts, prepare, preparedSize, preparedView, Vocabulary, type PreparedQuote } from './prepared';
import type { Language } from './gloss';
import { PostingLists } from './postings';
import { preparedHash, Wordings } from './wordings';

/** Posting lists longer than this stop growing: such a word or sense says little about a statement. */
const MAX_POSTINGS = 2000;
/** Quotes fully compared with each new quote, the ones sharing the most distinctive words. */
const MAX_CANDIDATES = 24;
/** Posting entries read per new quote when gathering its candidates. */
const POSTINGS_BUDGET = 8000;
/**
 * The same for a part of a quote, and the candidates it compares in full: a part is a sentence or two,
 * whose rarest words find its versions within a few lists, and the whole quote has read the rest.
 */
const PART_POSTINGS_BUDGET = 2000;
const PART_CANDIDATES = 8;
/**
 * Copies of the candidates' wordings taken along, at most, per new quote. Outlets print the same words
 * by the dozen, and copies compare alike: a candidate's place goes to a wording, and its copies in
 * other documents come with it, so that a few widely copied versions cannot crowd out the rest. As
 * many as the links a quote keeps.
 */
const MAX_COPIES = 32;
/**
 * Share of the smaller quote's weight a candidate must show in shared words and senses. Below it no
 * rule of the comparison (half of both, most of the shorter, all of a term) can hold.
 */
const CANDIDATE_SHARE = 0.4;
/**
 * Words a quote without a content word needs to be posted under its wording: "We did it" or "How
 * could you?" printed by several outlets is one remark, found by its copies only, but a word or two
 * ("No", "Thank you") is said by everyone.
 */
const WORDING_MIN_WORDS = 3;
/** Credit a shared sense gives a candidate, against 1 for a shared stem. */
const SENSE_CREDIT = 0.6;
/**
 * Rarity weights are smoothed as if the index held this many more quotes, so a small corpus does not
 * punish a pair merely for sharing a word.
 */
const IDF_PRIOR = 20;
/** How much larger the store of prepared quotes is made when it is full. */
const STORE_GROWTH = 1.5;
/** Posting lists one quote can gather stay below this, so a list's length and place make one key. */
const LIST_PLACES = 2 ** 20;

/** One quote of the index, or one part of a quote, by number. */
export interface Entry {
  /** Changes when an edit moves an unchanged quote to another position of its document. */
  id: string;
  readonly docId: string;
  /** Replaced by the caller's latest copy so that an old version of the document can be freed. */
  text: string;
  readonly kind: QuoteKind;
  readonly negated: boolean;
  /** The quote's language when not English, '' for English (`PreparedQuote.language`). */
  readonly language: Language | '';
  /** Where the quote's prepared arrays start in the index's store (moves when the store is compacted). */
  at: number;
  readonly words: number;
  readonly stems: number;
  /** Clause starts of the prepared form (see `preparedView`). */
  readonly clauses: number;
  /** Weighted size when added, to judge how much of it a candidate shares. */
  readonly mass: number;
  /** Pair records this quote takes part in, oldest first; absent while it has none. */
  links: Pair[] | undefined;
  /** The quote this is a part of (see `partsOf`), or the entry's own number for a whole quote. */
  readonly root: number;
  /** Where a part starts in its quote's text; 0 for a whole quote. */
  readonly offset: number;
  /** The entries of a whole quote's parts, when it joins several statements. */
  parts: number[] | undefined;
  /** Its words as one key, '' for none, made when first asked (`DocumentGroups.take`). */
  wordsKey: string | undefined;
}

/** A link between two entries, stored once for both ends. */
export interface Pair {
  /** The quote the alignment is computed from. */
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly relation: LinkRelation;
  /** Word alignment from a to b, packed (see `packAlignment`). */
  readonly alignment: string;
  /** A link only while both quotes are given to one speaker (`Match.oneSpeaker`). */
  readonly oneSpeaker?: true;
}

/**
 * The quotes of the quote index and what finds candidates among them: each quote's prepared words in
 * one flat store, the posting lists of its stems and senses, and the rarity weights. The index
 * (`quote-index.ts`) decides which candidates are versions of each other and keeps their links.
 */
export class QuoteStore {
  readonly vocab = new Vocabulary();
  readonly entries: (Entry | undefined)[] = [];
  private readonly free: number[] = [];
  /** Number of each quote id (-1 while a document is set: its quote kept under another number). */
  readonly numbers = new Map<string, number>();
  /** Quote numbers under each stem (key `2 * stem`) and each WordNet sense (key `2 * sense + 1`). */
  private readonly postings = new PostingLists();
  /**
   * Every quote's prepared arrays, one after another (see `preparedView`): one array rather than
   * several small typed arrays per quote, whose fixed costs would outweigh their contents.
   */
  private store = new Int32Array(1 << 16);
  private storeUsed = 0;
  /** Ints of the store that belong to dropped quotes, reclaimed by compaction. */
  private storeGarbage = 0;
  /** Quotes containing each stem (by vocabulary id), for rarity weights (not capped). */
  private df = new Int32Array(1024);
  /** Whole quotes held (parts not counted). */
  size = 0;
  /**
   * Rarity weights by stem id, valid where `weightStamp` equals `weightGeneration`; any change to the
   * quote count or a stem's count moves the generation on, so a cached weight is always the current one.
   */
  private weights = new Float64Array(1024);
  private weightStamp = new Int32Array(1024);
  private weightGeneration = 1;
  /** Document number of each quote number, -1 for a free number: read for every candidate, so kept flat. */
  private docOf = new Int32Array(1024);
  /** Each quote's `mass`, flat for the same reason. */
  private massOf = new Float64Array(1024);
  /** Which quotes are copies of one wording, to tell them apart from the rest among candidates. */
  private readonly wordings = new Wordings();
  /** Numbers of the documents with quotes; never reused, so a stale number cannot match a new document. */
  readonly docNumbers = new Map<string, number>();
  private nextDocNumber = 0;
  /** Scratch accumulator for `candidates`, indexed by quote number, left all zero between calls. */
  private evidence = new Float64Array(0);
  /** Scratch list of the quotes `candidates` gave evidence to, as long as `evidence`. */
  private touched = new Int32Array(0);
  /** Scratch for `candidates`: the posting keys of a quote, each one's credit, and their reading order. */
  private keys = new Int32Array(256);
  private credits = new Float64Array(256);
  private order = new Float64Array(256);
  /** Scratch for `candidates`: the evidence of the best ones kept so far. */
  private readonly bestEvidence = new Float64Array(Math.max(MAX_CANDIDATES, PART_CANDIDATES));

  /**
   * Adds one entry: a whole quote (`root` -1) or a part of one. Parts are posted and compared like
   * whole quotes, but do not count in the rarity weights: a word of a quote is one word of the corpus
   * however the quote is cut.
   */
  add(id: string, docId: string, text: string, kind: QuoteKind, root: number, offset: number): number {
    const prepared = prepare(text, kind, this.vocab);
    const n = this.free.pop() ?? this.entries.length;
    const mass = this.mass(prepared);
    const words = prepared.norms.length;
    const stems = prepared.stems.length;
    const clauses = prepared.clauseCount;
    const at = this.reserve(preparedSize(words, stems, clauses));
    this.store.set(prepared.norms, at);
    this.store.set(prepared.stems, at + words);
    this.store.set(prepared.positions, at + words + stems);
    this.store.set(prepared.names, at + words + 2 * stems);
    this.store.set(clauseStarts(prepared), at + words + 3 * stems);
    this.entries[n] = {
      id, docId, text, kind, negated: prepared.negated, language: prepared.language, at, words, stems, clauses, mass, links: undefined,
      root: root < 0 ? n : root, offset, parts: undefined, wordsKey: undefined,
    };
    if (n >= this.docOf.length) {
      this.docOf = grown(this.docOf, n + 1);
      this.massOf = grown(this.massOf, n + 1);
    }
    let doc = this.docNumbers.get(docId);
    if (doc === undefined) this.docNumbers.set(docId, (doc = this.nextDocNumber++));
    this.docOf[n] = doc;
    this.massOf[n] = mass;
    this.wordings.add(n, preparedHash(this.store, at, preparedSize(words, stems, clauses), kind, prepared.negated), (other) => this.sameWords(other, n));
    for (const key of this.keysOf(prepared)) this.postings.add(key, n, MAX_POSTINGS);
    if (root >= 0) return n;
    this.numbers.set(id, n);
    this.size++;
    for (const s of prepared.stems) {
      if (s >= this.df.length) this.df = grown(this.df, s + 1);
      this.df[s]++;
    }
    this.weightGeneration++;
    return n;
  }

  /** The prepared form of a quote, as views into the store: valid until the next insertion. */
  prepared(e: Entry): PreparedQuote {
    return preparedView(e.kind, e.negated, e.language, this.store, e.at, e.words, e.stems, e.clauses);
  }

  /** The word ids of a quote (its prepared `norms`), as a view into the store: valid until the next insertion. */
  norms(e: Entry): Int32Array {
    return this.store.subarray(e.at, e.at + e.words);
  }

  /**
   * Room for `length` ints at the end of the store; compacts it when dropped quotes fill half. The
   * store grows by half again, not twice over: it is the index's largest array, and a store that had
   * just doubled would be half empty.
   */
  private reserve(length: number): number {
    if (this.storeUsed + length > this.store.length) {
      const live = this.storeUsed - this.storeGarbage;
      const grown = Math.ceil(STORE_GROWTH * (live + length));
      const next = new Int32Array(Math.max(grown, this.storeGarbage > live ? this.store.length : Math.ceil(STORE_GROWTH * this.store.length)));
      let used = 0;
      for (const e of this.entries) {
        if (!e) continue;
        const size = preparedSize(e.words, e.stems, e.clauses);
        next.set(this.store.subarray(e.at, e.at + size), used);
        e.at = used;
        used += size;
      }
      this.store = next;
      this.storeUsed = used;
      this.storeGarbage = 0;
    }
    const at = this.storeUsed;
    this.storeUsed += length;
    return at;
  }

  /** Posting keys of a quote: its stems, and the senses of its non-name stems, each once. */
  private keysOf(p: PreparedQuote): Set<number> {
    const keys = new Set<number>();
    const wording = this.wordingKey(p);
    if (wording >= 0) keys.add(wording);
    for (let i = 0; i < p.stems.length; i++) {
      keys.add(2 * p.stems[i]);
      if (p.names[i]) continue;
      for (const code of this.vocab.senseCodes(p.stems[i])) keys.add(code | 1);
    }
    return keys;
  }

  /**
   * The posting key of a quote with no content word, under which its copies find it: its words as one
   * vocabulary entry, an even key like a stem's. -1 for any other quote, and for one of a word or two.
   */
  private wordingKey(p: PreparedQuote): number {
    if (p.stems.length > 0 || p.norms.length < WORDING_MIN_WORDS) return -1;
    return 2 * this.vocab.id(`\u0000${p.norms.join(' ')}`);
  }

  private mass(p: PreparedQuote): number {
    let total = 0;
    for (let i = 0; i < p.stems.length; i++) total += this.weight(p.stems[i]) * (p.names[i] ? 0.5 : 1);
    return total;
  }

  readonly weight = (stem: number): number => {
    if (stem >= this.weights.length) {
      this.weights = grown(this.weights, stem + 1);
      this.weightStamp = grown(this.weightStamp, stem + 1);
    }
    if (this.weightStamp[stem] === this.weightGeneration) return this.weights[stem];
    const w = Math.log((this.size + IDF_PRIOR) / ((this.df[stem] ?? 0) + 1));
    this.weights[stem] = w;
    this.weightStamp[stem] = this.weightGeneration;
    return w;
  };

  /**
   * Quotes of other documents sharing the most weighted words or senses with quote `n`, one list per
   * wording: a candidate, then its copies (the same prepared words in other documents), which compare
   * with `n` as it does. Posting lists are read rarest first, within a budget, so a quote made of
   * common words costs no more than others.
   */
  candidates(n: number, p: PreparedQuote): number[][] {
    const postings = this.postings;
    let keys = this.keys;
    let credits = this.credits;
    let listed = 0;
    let total = 0;
    for (let i = 0; i < p.stems.length; i++) {
      const s = p.stems[i];
      const w = this.weight(s) * (p.names[i] ? 0.5 : 1);
      total += w;
      const codes = p.names[i] ? NO_CODES : this.vocab.senseCodes(s);
      if (listed + 1 + codes.length > keys.length) {
        keys = this.keys = grown(keys, listed + 1 + codes.length);
        credits = this.credits = grown(credits, listed + 1 + codes.length);
        this.order = new Float64Array(keys.length);
      }
      if (postings.count(2 * s) > 0) {
        keys[listed] = 2 * s;
        credits[listed++] = w;
      }
      for (let c = 0; c < codes.length; c++) {
        if (postings.count(codes[c] | 1) > 0) {
          keys[listed] = codes[c] | 1;
          credits[listed++] = w * SENSE_CREDIT;
        }
      }
    }
    const wording = this.wordingKey(p);
    if (wording >= 0 && postings.count(wording) > 0) {
      keys[listed] = wording;
      credits[listed++] = 1;
    }
    // Rarest first, in order of appearance among equals: one numeric sort of (length, place) keys.
    const order = this.order.subarray(0, listed);
    for (let k = 0; k < listed; k++) order[k] = postings.count(keys[k]) * LIST_PLACES + k;
    order.sort();
    if (this.evidence.length < this.entries.length) {
      this.evidence = new Float64Array(2 * this.entries.length);
      this.touched = new Int32Array(2 * this.entries.length);
    }
    const evidence = this.evidence;
    const touched = this.touched;
    let touchedEnd = 0;
    const part = this.entries[n]!.root !== n;
    let budget = part ? PART_POSTINGS_BUDGET : POSTINGS_BUDGET;
    const most = part ? PART_CANDIDATES : MAX_CANDIDATES;
    for (let r = 0; r < listed; r++) {
      const k = order[r] % LIST_PLACES;
      const length = postings.count(keys[k]);
      if (length > budget) break;
      budget -= length;
      touchedEnd = postings.accumulate(keys[k], credits[k], evidence, touched, touchedEnd);
    }
    // A short quote inside a long one shares little of the long one's weight, so the bar is set by
    // the smaller of the two; the full comparison decides. The best few are kept in order as they
    // come, rather than sorting the hundreds that pass; each quote's evidence is cleared as it is read,
    // so the kept ones' is kept beside them.
    const best: number[] = [];
    const copies: number[][] = [];
    let copied = 0;
    const bestEvidence = this.bestEvidence;
    const doc = this.docOf[n];
    const docOf = this.docOf;
    const massOf = this.massOf;
    const bar = CANDIDATE_SHARE * total;
    for (let t = 0; t < touchedEnd; t++) {
      const other = touched[t];
      const v = evidence[other];
      evidence[other] = 0;
      if (v < bar && v < CANDIDATE_SHARE * massOf[other]) continue;
      const d = docOf[other];
      if (other === n || d < 0 || d === doc) continue;
      // Below the weakest of a full list, it neither ties a kept wording nor takes a place.
      if (best.length === most && v < bestEvidence[most - 1]) continue;
      // A copy of a wording kept has the same evidence, gathered from the same lists in the same order.
      const copyOf = this.keptWording(other, v, best);
      if (copyOf >= 0) {
        if (copied < MAX_COPIES) {
          copies[copyOf].push(other);
          copied++;
        }
        continue;
      }
      const full = best.length === most;
      // Most evidence first, then the lower number.
      if (full && !(v > bestEvidence[most - 1] || (v === bestEvidence[most - 1] && other < best[most - 1]))) continue;
      if (full) copied -= copies[most - 1].length;
      let at = full ? most - 1 : best.length;
      while (at > 0 && (v > bestEvidence[at - 1] || (v === bestEvidence[at - 1] && other < best[at - 1]))) {
        best[at] = best[at - 1];
        copies[at] = copies[at - 1];
        bestEvidence[at] = bestEvidence[at - 1];
        at--;
      }
      best[at] = other;
      copies[at] = [];
      bestEvidence[at] = v;
    }
    return best.map((b, k) => (copies[k].length > 0 ? [b, ...copies[k]] : [b]));
  }

  /** The place among the kept candidates `best` of one with the same words as `other`, -1 for none. */
  private keptWording(other: number, v: number, best: readonly number[]): number {
    const wording = this.wordings.of(other);
    for (let k = 0; k < best.length && this.bestEvidence[k] >= v; k++) {
      if (this.bestEvidence[k] === v && this.wordings.of(best[k]) === wording) return k;
    }
    return -1;
  }

  /** Whether two entries have the same prepared form, so compare alike with any quote. */
  private sameWords(x: number, y: number): boolean {
    const a = this.entries[x]!;
    const b = this.entries[y]!;
    if (a.kind !== b.kind || a.negated !== b.negated || a.language !== b.language || a.words !== b.words || a.stems !== b.stems || a.clauses !== b.clauses) return false;
    const size = preparedSize(a.words, a.stems, a.clauses);
    for (let k = 0; k < size; k++) if (this.store[a.at + k] !== this.store[b.at + k]) return false;
    return true;
  }

  /** Forgets one entry whose links are gone: its postings, its rarity counts and its room in the store. */
  remove(n: number): void {
    const e = this.entries[n]!;
    const prepared = this.prepared(e);
    for (const key of this.keysOf(prepared)) this.postings.remove(key, n);
    if (e.root === n) {
      for (const s of prepared.stems) this.df[s]--;
      this.size--;
      this.weightGeneration++;
    }
    this.storeGarbage += preparedSize(e.words, e.stems, e.clauses);
    this.wordings.remove(n);
    this.entries[n] = undefined;
    this.docOf[n] = -1;
    this.free.push(n);
  }
}

const NO_CODES = new Int32Array(0);


function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, 2 * a.length));
  out.set(a);
  return out;
}
