import type { DiffPart, LinkRelation, QuoteKind, QuoteLink, QuoteRef, Span } from '../types';
import { comparePrepared, type Match } from './compare';
import { prepare, preparedView, Vocabulary, type PreparedQuote } from './prepared';
import { alignIds, mirrorAlignment, packAlignment, renderAlignment, unpackAlignment } from './diff';
import { partsOf } from './parts';
import { PostingLists } from './postings';
import { contentWords, leadingWords, wordForms } from './text';

/** Posting lists longer than this stop growing: such a word or sense says little about a statement. */
const MAX_POSTINGS = 2000;
/** Quotes fully compared with each new quote, the ones sharing the most distinctive words. */
const MAX_CANDIDATES = 24;
/** Links kept per quote, strongest first. */
const MAX_LINKS = 32;
/** Posting entries read per new quote when gathering its candidates. */
const POSTINGS_BUDGET = 8000;
/**
 * The same for a part of a quote, and the candidates it compares in full: a part is a sentence or two,
 * whose rarest words find its versions within a few lists, and the whole quote has read the rest.
 */
const PART_POSTINGS_BUDGET = 2000;
const PART_CANDIDATES = 8;
/**
 * Share of the smaller quote's weight a candidate must show in shared words and senses. Below it no
 * rule of the comparison (half of both, most of the shorter, all of a term) can hold.
 */
const CANDIDATE_SHARE = 0.4;
/** Credit a shared sense gives a candidate, against 1 for a shared stem. */
const SENSE_CREDIT = 0.6;
/**
 * Rarity weights are smoothed as if the index held this many more quotes, so a small corpus does not
 * punish a pair merely for sharing a word.
 */
const IDF_PRIOR = 20;
/**
 * Words of a quote the index reads. News quotations run to a few dozen words, rarely past 150; a
 * longer "quote" is most often a stray mark that opened a whole paragraph. Comparing two quotes costs
 * the product of their lengths, so past this the quote is matched on its opening words only.
 */
const MAX_MATCH_WORDS = 300;
/**
 * Longer quotes of the same document a quote is compared with, to find the ones it is a fragment of.
 * A real article repeats a phrase of one of its quotes once or twice (a headline, a pull quote).
 */
const MAX_SAME_DOCUMENT = 8;
/**
 * Quotes of the same document looked at, at most, to find those longer ones: the holders of a quote's
 * rarest pair of words are few in real text, but in a file of quotes made of a handful of words every
 * pair is held by nearly all, and most are not longer.
 */
const MAX_SAME_DOCUMENT_LOOKS = 8 * MAX_SAME_DOCUMENT;
/**
 * Copies of one quote in one document linked each to each. Past this (a chorus, a chant, a list of
 * one-word answers) each copy is linked to the one before it, so a group costs its size, not its square.
 */
const GROUP_CLIQUE = 8;
/** Content words other than names a part needs to be matched on its own. */
const MIN_PART_CONTENT = 4;
/** Words more than a part that a whole quote needs to be read as going on past it. */
const LONGER_BY = 4;
/** Score of a link whose one side is the very words of a part of the other. */
const PART_IDENTICAL = 0.9;
/** Vocabulary ids stay below this, so that two of them make one exact number key. */
const ID_SPAN = 2 ** 26;
/** Posting lists one quote can gather stay below this, so a list's length and place make one key. */
const LIST_PLACES = 2 ** 20;

/** What setting a document's quotes met of the index's bounds, for a note in the log. */
export interface IndexReport {
  /** Quotes longer than the index reads, matched on their opening words. */
  readonly clipped: number;
  /** Copies of the most repeated quote when they were too many to link each to each, else 0. */
  readonly chained: number;
  /** Quotes with more longer quotes in their document to be a fragment of than were compared. */
  readonly partnersCapped: number;
}

interface Entry {
  /** Changes when an edit moves an unchanged quote to another position of its document. */
  id: string;
  readonly docId: string;
  /** Replaced by the caller's latest copy so that an old version of the document can be freed. */
  text: string;
  readonly kind: QuoteKind;
  readonly negated: boolean;
  /** Where the quote's prepared arrays start in the index's store (moves when the store is compacted). */
  at: number;
  readonly words: number;
  readonly stems: number;
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
}

interface Pair {
  /** The quote the alignment is computed from. */
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly relation: LinkRelation;
  /** Word alignment from a to b, packed (see `packAlignment`). */
  readonly alignment: string;
}

/**
 * The cross-source quote index: finds, for every quote, the quotes that report the same words or the
 * same statement. Indexed, so adding a document costs work proportional to its quotes and their
 * candidates, not to the corpus size.
 *
 * Quotes are posted under their content stems and WordNet senses. A new quote collects candidates
 * from the postings of its words, rarest first, keeps the few sharing the most weighted evidence and
 * compares only those in full. Across documents a link may be `identical`, `fragment` or `variant`;
 * within one document only `identical` and `fragment` (a phrase quoted again inside a longer quote).
 * Links are stored once per pair, so both ends see the same score and relation. Rarity weights are
 * read when a pair is compared; links made earlier keep the weights of their time.
 *
 * Setting a document again is incremental: quotes whose text and kind are unchanged keep their links
 * (taking the id of their new position), only new quotes are compared, and vanished ones are dropped.
 */
export class QuoteIndex {
  private readonly vocab = new Vocabulary();
  private readonly entries: (Entry | undefined)[] = [];
  private readonly free: number[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly docs = new Map<string, number[]>();
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
  private size = 0;
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
  /** Numbers of the documents with quotes; never reused, so a stale number cannot match a new document. */
  private readonly docNumbers = new Map<string, number>();
  private nextDocNumber = 0;
  /** Scratch accumulator for `candidates`, indexed by quote number, left all zero between calls. */
  private evidence = new Float64Array(0);
  /** Scratch list of the quotes `candidates` gave evidence to, as long as `evidence`. */
  private touched = new Int32Array(0);

  /**
   * Adds or replaces all quotes of one document. Quotes already indexed for the document with the same
   * text and kind keep their links and take the new ids; the others are added and linked, and quotes
   * no longer present are dropped with their links.
   */
  set(docId: string, quotes: readonly QuoteRef[]): IndexReport {
    const old = this.docs.get(docId);
    const unchanged = new Map<string, number[]>();
    if (old) {
      for (const n of old) {
        const e = this.entries[n]!;
        if (this.numbers.get(e.id) === n) this.numbers.delete(e.id);
        const key = quoteKey(e.kind, e.text);
        const list = unchanged.get(key);
        if (list) list.push(n);
        else unchanged.set(key, [n]);
      }
    }
    const nums: number[] = [];
    const added: QuoteRef[] = [];
    const slots: number[] = [];
    let clipped = 0;
    for (const whole of quotes) {
      if (this.numbers.has(whole.id)) continue;
      const text = leadingWords(whole.text, MAX_MATCH_WORDS);
      if (text !== whole.text) clipped++;
      const q = text === whole.text ? whole : { ...whole, text };
      const same = unchanged.get(quoteKey(q.kind, q.text));
      const n = same?.shift();
      if (n !== undefined) {
        const e = this.entries[n]!;
        e.id = q.id;
        e.text = q.text;
        for (const [k, part] of (e.parts ?? []).entries()) {
          const pe = this.entries[part]!;
          pe.id = partId(q.id, k);
          pe.text = q.text.slice(pe.offset, pe.offset + pe.text.length);
        }
        this.numbers.set(q.id, n);
        nums.push(n);
      } else {
        // Held by a stand-in id until inserted, so a repeated id later in the list is still skipped.
        this.numbers.set(q.id, -1);
        added.push(q);
        slots.push(nums.length);
        nums.push(-1);
      }
    }
    for (const list of unchanged.values()) for (const n of list) this.drop(n);
    const fresh = new Set<number>();
    added.forEach((q, k) => {
      const n = this.insert(q, docId);
      nums[slots[k]] = n;
      fresh.add(n);
      for (const part of this.entries[n]!.parts ?? []) fresh.add(part);
    });
    if (nums.length > 0) {
      this.docs.set(docId, nums);
    } else {
      this.docs.delete(docId);
      this.docNumbers.delete(docId);
    }
    const report = { clipped, chained: 0, partnersCapped: 0 };
    if (fresh.size === 0) return report;
    const groups = this.identicalGroups(nums);
    for (const g of groups) if (g.length > GROUP_CLIQUE && g.length > report.chained) report.chained = g.length;
    report.partnersCapped = this.linkWithinDocument(groups, fresh);
    this.linkAcrossDocuments(groups, fresh);
    return report;
  }

  /** Drops a document's quotes and every link to them. */
  remove(docId: string): void {
    const nums = this.docs.get(docId);
    if (!nums) return;
    this.docs.delete(docId);
    this.docNumbers.delete(docId);
    for (const n of nums) {
      const e = this.entries[n];
      if (!e) continue;
      if (this.numbers.get(e.id) === n) this.numbers.delete(e.id);
      this.drop(n);
    }
  }

  /**
   * Links of one quote, best first; each link's `from` is `quoteId`. A link found between parts of
   * the two quotes says which (`part`); one link per other quote, the strongest.
   */
  linksOf(quoteId: string): QuoteLink[] {
    const n = this.numbers.get(quoteId);
    if (n === undefined || !this.entries[n]) return [];
    return [...this.bestPairs(n)].map(([other, { from, pair }]) => this.toLink(from, pair.a === from ? pair.b : pair.a, pair, n, other)).sort(byScoreThenId);
  }

  /** Ids of the quotes linked to one quote, without drawing their diffs: for grouping many quotes. */
  linkedIds(quoteId: string): string[] {
    const n = this.numbers.get(quoteId);
    if (n === undefined || !this.entries[n]) return [];
    return [...this.bestPairs(n).keys()].map((other) => this.entries[other]!.id);
  }

  /** Every link once (from the quote that sorts first by id), for reports. */
  links(): QuoteLink[] {
    const out: QuoteLink[] = [];
    for (let n = 0; n < this.entries.length; n++) {
      const e = this.entries[n];
      if (!e || e.root !== n || (!e.links && !e.parts)) continue;
      for (const [other, { from, pair }] of this.bestPairs(n)) {
        if (e.id < this.entries[other]!.id) out.push(this.toLink(from, pair.a === from ? pair.b : pair.a, pair, n, other));
      }
    }
    return out.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : byScoreThenId(x, y)));
  }

  /**
   * For a whole quote, the pair that stands for its link with each other whole quote, by the other's
   * number: the strongest among the pairs of the quote and of its parts with the other and its parts,
   * the first found among equals (the whole quote's own pairs are read first).
   */
  private bestPairs(n: number): Map<number, { from: number; pair: Pair }> {
    const best = new Map<number, { from: number; pair: Pair }>();
    for (const from of [n, ...(this.entries[n]!.parts ?? [])]) {
      for (const pair of this.entries[from]!.links ?? []) {
        const other = this.entries[pair.a === from ? pair.b : pair.a]!.root;
        const held = best.get(other);
        if (!held || pair.score > held.pair.score) best.set(other, { from, pair });
      }
    }
    return best;
  }

  /** Number of quotes indexed. */
  get quoteCount(): number {
    return this.size;
  }

  /** Adds a whole quote, and its parts when it joins several statements. */
  private insert(q: QuoteRef, docId: string): number {
    const n = this.insertEntry(q.id, docId, q.text, q.kind, -1, 0);
    // A part that names only people, places and dates ("On 26 April.", "Beijing on Friday.") says too
    // little to be matched on its own.
    const parts = partsOf(q.text).filter((span) => contentWords(q.text.slice(span.start, span.end)) >= MIN_PART_CONTENT);
    if (parts.length > 1) {
      this.entries[n]!.parts = parts.map((span, k) => this.insertEntry(partId(q.id, k), docId, q.text.slice(span.start, span.end), q.kind, n, span.start));
    }
    return n;
  }

  /**
   * Adds one entry: a whole quote (`root` -1) or a part of one. Parts are posted and compared like
   * whole quotes, but do not count in the rarity weights: a word of a quote is one word of the corpus
   * however the quote is cut.
   */
  private insertEntry(id: string, docId: string, text: string, kind: QuoteKind, root: number, offset: number): number {
    const prepared = prepare(text, kind, this.vocab);
    const n = this.free.pop() ?? this.entries.length;
    const mass = this.mass(prepared);
    const words = prepared.norms.length;
    const stems = prepared.stems.length;
    const at = this.reserve(words + 3 * stems);
    this.store.set(prepared.norms, at);
    this.store.set(prepared.stems, at + words);
    this.store.set(prepared.positions, at + words + stems);
    this.store.set(prepared.names, at + words + 2 * stems);
    this.entries[n] = {
      id, docId, text, kind, negated: prepared.negated, at, words, stems, mass, links: undefined,
      root: root < 0 ? n : root, offset, parts: undefined,
    };
    if (n >= this.docOf.length) {
      this.docOf = grown(this.docOf, n + 1);
      this.massOf = grown(this.massOf, n + 1);
    }
    let doc = this.docNumbers.get(docId);
    if (doc === undefined) this.docNumbers.set(docId, (doc = this.nextDocNumber++));
    this.docOf[n] = doc;
    this.massOf[n] = mass;
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
  private prepared(e: Entry): PreparedQuote {
    return preparedView(e.kind, e.negated, this.store, e.at, e.words, e.stems);
  }

  /** Room for `length` ints at the end of the store; compacts it when dropped quotes fill half. */
  private reserve(length: number): number {
    if (this.storeUsed + length > this.store.length) {
      const live = this.storeUsed - this.storeGarbage;
      const next = new Int32Array(Math.max(2 * (live + length), this.storeGarbage > live ? this.store.length : 2 * this.store.length));
      let used = 0;
      for (const e of this.entries) {
        if (!e) continue;
        const size = e.words + 3 * e.stems;
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

  /** Forgets one quote and its parts: their links at both ends, their postings and the rarity counts. */
  private drop(n: number): void {
    const e = this.entries[n]!;
    for (const part of e.parts ?? []) this.drop(part);
    for (const pair of e.links ?? []) this.unlink(pair.a === n ? pair.b : pair.a, n);
    const prepared = this.prepared(e);
    for (const key of this.keysOf(prepared)) this.postings.remove(key, n);
    if (e.root === n) {
      for (const s of prepared.stems) this.df[s]--;
      this.size--;
      this.weightGeneration++;
    }
    this.storeGarbage += e.words + 3 * e.stems;
    this.entries[n] = undefined;
    this.docOf[n] = -1;
    this.free.push(n);
  }

  /** Posting keys of a quote: its stems, and the senses of its non-name stems, each once. */
  private keysOf(p: PreparedQuote): Set<number> {
    const keys = new Set<number>();
    for (let i = 0; i < p.stems.length; i++) {
      keys.add(2 * p.stems[i]);
      if (p.names[i]) continue;
      for (const code of this.vocab.senseCodes(p.stems[i])) keys.add(code | 1);
    }
    return keys;
  }

  private mass(p: PreparedQuote): number {
    let total = 0;
    for (let i = 0; i < p.stems.length; i++) total += this.weight(p.stems[i]) * (p.names[i] ? 0.5 : 1);
    return total;
  }

  private readonly weight = (stem: number): number => {
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
   * A document's quotes grouped by their words (copies of one quote share a group), groups in order of
   * their first copy and copies in document order.
   */
  private identicalGroups(nums: readonly number[]): number[][] {
    const byWords = new Map<string, number[]>();
    const groups: number[][] = [];
    for (const n of nums) {
      const norms = this.prepared(this.entries[n]!).norms;
      if (norms.length === 0) continue;
      const key = norms.join(',');
      const group = byWords.get(key);
      if (group) group.push(n);
      else {
        const created = [n];
        byWords.set(key, created);
        groups.push(created);
      }
    }
    return groups;
  }

  /**
   * Links the quotes of one document that repeat each other: copies of one quote as `identical`, and a
   * quote with the longer quotes that contain its words as one run as a `fragment` of them. Each group
   * of copies is compared once, through its first copy, with at most `MAX_SAME_DOCUMENT` longer
   * quotes among the first `MAX_SAME_DOCUMENT_LOOKS` holding the rarest pair of adjacent words of the
   * shorter one, which every quote containing it must hold too. Only pairs with a new quote are made; the others exist already.
   * Returns how many quotes had more longer partners than were compared.
   */
  private linkWithinDocument(groups: readonly number[][], fresh: ReadonlySet<number>): number {
    const hasFresh = groups.map((g) => g.some((n) => fresh.has(n)));
    groups.forEach((g, k) => {
      if (g.length < 2 || !hasFresh[k]) return;
      if (g.length <= GROUP_CLIQUE) {
        for (let x = 0; x < g.length; x++) {
          for (let y = x + 1; y < g.length; y++) if (fresh.has(g[x]) || fresh.has(g[y])) this.addPair(g[x], g[y], 1, 'identical');
        }
      } else {
        for (let c = 1; c < g.length; c++) if (fresh.has(g[c - 1]) || fresh.has(g[c])) this.addPair(g[c - 1], g[c], 1, 'identical');
      }
    });
    // Which groups hold each pair of adjacent words, each group once, in document order.
    const holders = new Map<number, number[]>();
    groups.forEach((g, k) => {
      const norms = this.prepared(this.entries[g[0]]!).norms;
      for (let p = 0; p + 1 < norms.length; p++) {
        const key = norms[p] * ID_SPAN + norms[p + 1];
        const list = holders.get(key);
        if (!list) holders.set(key, [k]);
        else if (list[list.length - 1] !== k) list.push(k);
      }
    });
    let capped = 0;
    groups.forEach((g, k) => {
      const short = this.prepared(this.entries[g[0]]!);
      const length = short.norms.length;
      if (length < 2) return;
      let rarest: number[] | undefined;
      for (let p = 0; p + 1 < length; p++) {
        const list = holders.get(short.norms[p] * ID_SPAN + short.norms[p + 1])!;
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      let compared = 0;
      let looked = 0;
      for (const other of rarest!) {
        if (looked++ === MAX_SAME_DOCUMENT_LOOKS) {
          capped += g.length;
          break;
        }
        const longer = groups[other];
        if (other === k || this.entries[longer[0]]!.words <= length || !(hasFresh[k] || hasFresh[other])) continue;
        if (compared === MAX_SAME_DOCUMENT) {
          capped += g.length;
          break;
        }
        compared++;
        const long = this.prepared(this.entries[longer[0]]!);
        const m = comparePrepared(short, long, this.vocab, { weight: this.weight, variants: false });
        if (!m) continue;
        const shortCopies = g.slice(0, GROUP_CLIQUE);
        const longCopies = longer.slice(0, GROUP_CLIQUE);
        for (const x of shortCopies) for (const y of longCopies) if (fresh.has(x) || fresh.has(y)) this.addPair(x, y, m.score, m.relation);
      }
    });
    return capped;
  }

  /**
   * Links each new quote, and each of its parts, with its candidates in other documents. Copies of one
   * quote in a document have the same candidates and the same matches, so they are found once, for the
   * group's first new copy (and its parts), and given to the others.
   */
  private linkAcrossDocuments(groups: readonly number[][], fresh: ReadonlySet<number>): void {
    for (const g of groups) {
      let found: { other: number; match: Match }[][] | undefined;
      for (const n of g) {
        if (!fresh.has(n)) continue;
        const units = [n, ...(this.entries[n]!.parts ?? [])];
        found ??= this.withoutLoneFormulas(units, units.map((u) => this.matchesOf(u)));
        units.forEach((u, k) => {
          for (const { other, match } of found![k] ?? []) this.addPair(u, other, match.score, match.relation);
        });
      }
    }
  }

  /**
   * Drops the matches of a part with another quote where both go on past the words they share with
   * different things and nothing else of theirs matches: two statements opening with the same sentence
   * ("We reiterate our deep concerns. …") and then saying different things, as a formula at the start
   * of two whole quotes is. The last sentence of a quote matched elsewhere is a cut; quotes with two
   * parts matched report one statement.
   */
  private withoutLoneFormulas(units: readonly number[], found: { other: number; match: Match }[][]): { other: number; match: Match }[][] {
    if (units.length === 1 && found[0].every(({ other }) => this.entries[other]!.root === other)) return found;
    // For each other quote, which parts of this quote and which of its own took part in a match: a
    // whole quote matching a part covers the same words as that part, and does not count again.
    const ours = new Map<number, Set<number>>();
    const theirs = new Map<number, Set<number>>();
    found.forEach((list, k) => {
      for (const { other } of list) {
        const root = this.entries[other]!.root;
        if (!ours.has(root)) {
          ours.set(root, new Set());
          theirs.set(root, new Set());
        }
        if (k > 0) ours.get(root)!.add(units[k]);
        if (root !== other) theirs.get(root)!.add(other);
      }
    });
    return found.map((list, k) => list.filter(({ other }) => {
      const u = units[k];
      const root = this.entries[other]!.root;
      if (u === units[0] && root === other) return true;
      if (ours.get(root)!.size >= 2 && theirs.get(root)!.size >= 2) return true;
      return !(this.goesOnAfter(u, other) && this.goesOnAfter(other, u));
    }));
  }

  /**
   * Whether entry `x` has more to say after the words it shares with `y`, roughly: a part that is not
   * its quote's last, or a whole quote several words longer than the other.
   */
  private goesOnAfter(x: number, y: number): boolean {
    const e = this.entries[x]!;
    if (e.root !== x) {
      const parts = this.entries[e.root]!.parts!;
      return parts.indexOf(x) < parts.length - 1;
    }
    return e.words >= this.entries[y]!.words + LONGER_BY;
  }

  /**
   * The quotes and parts of other documents an entry matches; the very words of a part count as a
   * fragment, as the whole quotes are not the same.
   */
  private matchesOf(n: number): { other: number; match: Match }[] {
    const p = this.prepared(this.entries[n]!);
    const out: { other: number; match: Match }[] = [];
    for (const other of this.candidates(n, p)) {
      const m = comparePrepared(p, this.prepared(this.entries[other]!), this.vocab, { weight: this.weight });
      if (!m) continue;
      const isPart = this.entries[n]!.root !== n || this.entries[other]!.root !== other;
      // The same words as a part are not the same quote: the whole quotes are one a fragment of the other.
      out.push({ other, match: isPart && m.relation === 'identical' ? { score: PART_IDENTICAL, relation: 'fragment' } : m });
    }
    return out;
  }

  /**
   * Quotes of other documents sharing the most weighted words or senses with quote `n`. Posting lists
   * are read rarest first, within a budget, so a quote made of common words costs no more than others.
   */
  private candidates(n: number, p: PreparedQuote): number[] {
    const keys: number[] = [];
    const credits: number[] = [];
    let total = 0;
    for (let i = 0; i < p.stems.length; i++) {
      const s = p.stems[i];
      const w = this.weight(s) * (p.names[i] ? 0.5 : 1);
      total += w;
      if (this.postings.count(2 * s) > 0) {
        keys.push(2 * s);
        credits.push(w);
      }
      if (p.names[i]) continue;
      for (const code of this.vocab.senseCodes(s)) {
        if (this.postings.count(code | 1) > 0) {
          keys.push(code | 1);
          credits.push(w * SENSE_CREDIT);
        }
      }
    }
    // Rarest first, in order of appearance among equals: one numeric sort of (length, place) keys.
    const order = new Float64Array(keys.length);
    for (let k = 0; k < keys.length; k++) order[k] = this.postings.count(keys[k]) * LIST_PLACES + k;
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
    for (const key of order) {
      const k = key % LIST_PLACES;
      const length = this.postings.count(keys[k]);
      if (length > budget) break;
      budget -= length;
      touchedEnd = this.postings.accumulate(keys[k], credits[k], evidence, touched, touchedEnd);
    }
    // A short quote inside a long one shares little of the long one's weight, so the bar is set by
    // the smaller of the two; the full comparison decides. The best few are kept in order as they
    // come, rather than sorting the hundreds that pass.
    const best: number[] = [];
    const beats = (x: number, y: number): boolean => evidence[x] > evidence[y] || (evidence[x] === evidence[y] && x < y);
    const doc = this.docOf[n];
    const docOf = this.docOf;
    const massOf = this.massOf;
    for (let t = 0; t < touchedEnd; t++) {
      const other = touched[t];
      const v = evidence[other];
      const d = docOf[other];
      if (other !== n && d >= 0 && d !== doc && v >= CANDIDATE_SHARE * Math.min(total, massOf[other])) {
        if (best.length === most && !beats(other, best[most - 1])) continue;
        let at = best.length === most ? most - 1 : best.length;
        while (at > 0 && beats(other, best[at - 1])) {
          best[at] = best[at - 1];
          at--;
        }
        best[at] = other;
      }
    }
    for (let t = 0; t < touchedEnd; t++) evidence[touched[t]] = 0;
    return best;
  }

  private addPair(x: number, y: number, score: number, relation: LinkRelation): void {
    const ex = this.entries[x]!;
    const ey = this.entries[y]!;
    const [a, b] = ex.id < ey.id ? [x, y] : [y, x];
    // Aligned now rather than when asked, so that answering `linksOf` stays a matter of microseconds;
    // the prepared word ids stand for the words `wordForms` gives when the diff is drawn.
    const alignment = packAlignment(alignIds(this.prepared(this.entries[a]!).norms, this.prepared(this.entries[b]!).norms));
    const pair: Pair = { a, b, score, relation, alignment };
    (ex.links ??= []).push(pair);
    (ey.links ??= []).push(pair);
    this.trim(x);
    this.trim(y);
  }

  private unlink(n: number, other: number): void {
    const e = this.entries[n];
    if (!e?.links) return;
    const at = e.links.findIndex((pair) => pair.a === other || pair.b === other);
    if (at >= 0) e.links.splice(at, 1);
    if (e.links.length === 0) e.links = undefined;
  }

  /** Keeps a quote's strongest links only, dropping the weakest (the oldest of equals) from both ends. */
  private trim(n: number): void {
    // Trimming the other end may already have dropped this quote's last link.
    const links = this.entries[n]?.links;
    if (!links || links.length <= MAX_LINKS) return;
    let weakest = 0;
    for (let k = 1; k < links.length; k++) if (links[k].score < links[weakest].score) weakest = k;
    const pair = links[weakest];
    this.unlink(n, pair.a === n ? pair.b : pair.a);
    this.unlink(pair.a === n ? pair.b : pair.a, n);
  }

  /**
   * The link between whole quotes `root` and `otherRoot` that pair `pair`, between entries `n` (the
   * quote or one of its parts) and `other`, stands for.
   */
  private toLink(n: number, other: number, pair: Pair, root: number, otherRoot: number): QuoteLink {
    const e = this.entries[n]!;
    const o = this.entries[other]!;
    const link: QuoteLink = { from: this.entries[root]!.id, to: this.entries[otherRoot]!.id, score: pair.score, relation: pair.relation, diff: this.diffOf(pair, n) };
    if (n === root && other === otherRoot) return link;
    const span = (x: Entry, r: number): Span | undefined => (x === this.entries[r] ? undefined : { start: x.offset, end: x.offset + x.text.length });
    return { ...link, part: { from: span(e, root), to: span(o, otherRoot) } };
  }

  /** Word diff of a pair from one end; one alignment per pair, so both ends show mirrored runs. */
  private diffOf(pair: Pair, from: number): DiffPart[] {
    const a = this.entries[pair.a]!;
    const b = this.entries[pair.b]!;
    const wa = wordForms(a.text);
    const wb = wordForms(b.text);
    const alignment = unpackAlignment(pair.alignment);
    return from === pair.a
      ? renderAlignment(alignment, a.text, wa, b.text, wb)
      : renderAlignment(mirrorAlignment(alignment), b.text, wb, a.text, wa, true);
  }
}

/** The internal id of a quote's `k`-th part. */
function partId(quoteId: string, k: number): string {
  return `${quoteId}#${k}`;
}

function quoteKey(kind: QuoteKind, text: string): string {
  return `${kind}\u0000${text}`;
}

function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, 2 * a.length));
  out.set(a);
  return out;
}

function byScoreThenId(x: QuoteLink, y: QuoteLink): number {
  return y.score - x.score || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
}
