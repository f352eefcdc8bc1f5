import type { DiffPart, LinkRelation, QuoteKind, QuoteLink, QuoteRef, Span } from '../types';
import { comparePrepared, stemWeights, type Match } from './compare';
import { alignIds, mirrorAlignment, packAlignment, renderAlignment, unpackAlignment } from './diff';
import { partsOf } from './parts';
import { QuoteStore, type Entry, type Pair } from './quote-store';
import { DocumentGroups, GROUP_CLIQUE, linkWithinDocument } from './same-document';
import { leadingWords, wordForms } from './text';
import { WEAK_VARIANT } from './thresholds';
import { typoApart } from '../text/edit-distance';

/** Links kept per quote, strongest first. */
const MAX_LINKS = 32;
/**
 * Words of a quote the index reads. News quotations run to a few dozen words, rarely past 150; a
 * longer "quote" is most often a stray mark that opened a whole paragraph. Comparing two quotes costs
 * the product of their lengths, so past this the quote is matched on its opening words only.
 */
const MAX_MATCH_WORDS = 300;
/** Words more than a part that a whole quote needs to be read as going on past it. */
const LONGER_BY = 4;
/**
 * Words two matched parts must each have to be one statement even though both quotes go on with
 * other things: formulas that open different statements ("We reiterate our deep concerns") are short.
 */
const NO_FORMULA_WORDS = 12;
/** How close those parts must be: all but word for word (a light edit, a word or two changed). */
const NO_FORMULA_SCORE = 0.9;
/** Score of a link whose one side is the very words of a part of the other. */
const PART_IDENTICAL = 0.9;
/** What setting a document's quotes met of the index's bounds, for a note in the log. */
export interface IndexReport {
  /** Quotes longer than the index reads, matched on their opening words. */
  readonly clipped: number;
  /** Copies of the most repeated quote when they were too many to link each to each, else 0. */
  readonly chained: number;
  /** Quotes with more longer quotes in their document to be a fragment of than were compared. */
  readonly partnersCapped: number;
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
  private readonly quotes = new QuoteStore();
  private readonly vocab = this.quotes.vocab;
  private readonly entries = this.quotes.entries;
  private readonly numbers = this.quotes.numbers;
  private readonly docNumbers = this.quotes.docNumbers;
  private readonly weight = this.quotes.weight;
  private readonly docs = new Map<string, number[]>();
  /** The speaker key of each whole quote, by number (`QuoteRef.speaker`), set again with every `set` of its document. */
  private readonly speakers: (string | undefined)[] = [];
  /**
   * The grouping of the quotes of the document set last (`DocumentGroups`), kept for its next step: a
   * long document's quotes join a few at a time, one document after another.
   */
  private grouping: { readonly docId: string; readonly groups: DocumentGroups } | undefined;

  /**
   * Adds or replaces all quotes of one document. Quotes already indexed for the document with the same
   * text and kind keep their links and take the new ids; the others are added and linked, and quotes
   * no longer present are dropped with their links.
   */
  set(docId: string, quotes: readonly QuoteRef[]): IndexReport {
    const old = this.docs.get(docId);
    const unchanged = new Map<string, number[]>();
    // The same quotes with more after them (a long article's joining a few at a time) keep their
    // entries as they are: only the new ones are read, so adding a document in steps stays linear.
    const kept = old && this.extends(old, quotes) ? old.length : 0;
    if (kept === 0 && this.grouping?.docId === docId) this.grouping = undefined;
    if (old && kept === 0) {
      for (const n of old) {
        const e = this.entries[n]!;
        if (this.numbers.get(e.id) === n) this.numbers.delete(e.id);
        const key = quoteKey(e.kind, e.text);
        const list = unchanged.get(key);
        if (list) list.push(n);
        else unchanged.set(key, [n]);
      }
    }
    const nums: number[] = kept > 0 ? old!.slice() : [];
    const added: QuoteRef[] = [];
    const slots: number[] = [];
    let clipped = 0;
    for (let i = kept; i < quotes.length; i++) {
      const whole = quotes[i];
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
        // Speakers may change while the words stay (names found after the quotes): read when links are.
        this.speakers[n] = q.speaker;
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
      this.speakers[n] = q.speaker;
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
    // The grouping of the document's quotes so far, when these extend them, else a new one.
    const held = this.grouping;
    const grouping = kept > 0 && held?.docId === docId && held.groups.taken === kept ? held.groups : new DocumentGroups();
    grouping.take(this.quotes, nums);
    this.grouping = { docId, groups: grouping };
    const groups = grouping.groups;
    for (const g of groups) if (g.length > GROUP_CLIQUE && g.length > report.chained) report.chained = g.length;
    report.partnersCapped = linkWithinDocument(this.quotes, grouping, fresh, (x, y, score, relation) => this.addPair(x, y, score, relation));
    this.linkAcrossDocuments(groups, fresh);
    return report;
  }

  /**
   * Whether `quotes` begins with the document's indexed quotes `old`, in order, under the same ids and
   * words, and adds at least one: clipped quotes, whose indexed words are not the caller's, never do.
   * Each quote found kept takes its speaker key on the way.
   */
  private extends(old: readonly number[], quotes: readonly QuoteRef[]): boolean {
    if (quotes.length <= old.length) return false;
    for (let i = 0; i < old.length; i++) {
      const e = this.entries[old[i]]!;
      const q = quotes[i];
      if (e.id !== q.id || e.kind !== q.kind || e.text !== q.text || this.numbers.get(q.id) !== old[i]) return false;
      // Kept, it takes its speaker as it is now; if the list turns out not to extend, all are set again.
      this.speakers[old[i]] = q.speaker;
    }
    return true;
  }

  /** Drops a document's quotes and every link to them. */
  remove(docId: string): void {
    if (this.grouping?.docId === docId) this.grouping = undefined;
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

  /**
   * Ids of the quotes linked to one quote only by a likeness too weak to tell whose the words are
   * (`WEAK_VARIANT`), without drawing diffs. A translation is not among them: too loose to link the words
   * of two people (`isLoose`), it is as good as its own wording to tell who said words left unattributed.
   */
  weaklyLinkedIds(quoteId: string): Set<string> {
    const n = this.numbers.get(quoteId);
    const out = new Set<string>();
    if (n === undefined || !this.entries[n]) return out;
    for (const [other, { pair }] of this.bestPairs(n)) if (isWeak(pair)) out.add(this.entries[other]!.id);
    return out;
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
    const speaker = this.speakers[n];
    for (const from of [n, ...(this.entries[n]!.parts ?? [])]) {
      for (const pair of this.entries[from]!.links ?? []) {
        const other = this.entries[pair.a === from ? pair.b : pair.a]!.root;
        if (this.isLoose(pair) && otherSpeakers(speaker, this.speakers[other])) continue;
        if (pair.oneSpeaker && !oneSpeaker(speaker, this.speakers[other])) continue;
        const held = best.get(other);
        if (!held || pair.score > held.pair.score) best.set(other, { from, pair });
      }
    }
    return best;
  }

  /**
   * Whether a pair is a likeness too loose to stand between the words of two different people: a weak
   * variant, or a translation, read through the glosses of its words (`gloss.ts`).
   */
  private isLoose(pair: Pair): boolean {
    return isWeak(pair) || this.entries[pair.a]!.language !== this.entries[pair.b]!.language;
  }

  /** Number of quotes indexed. */
  get quoteCount(): number {
    return this.quotes.size;
  }

  /** Adds a whole quote, and its parts when it joins several statements. */
  private insert(q: QuoteRef, docId: string): number {
    const n = this.quotes.add(q.id, docId, q.text, q.kind, -1, 0);
    // A quote may join one remark that stands alone with others too short to: the one is still a part.
    const parts = partsOf(q.text);
    if (parts.length > 0) {
      this.entries[n]!.parts = parts.map((span, k) => this.quotes.add(partId(q.id, k), docId, q.text.slice(span.start, span.end), q.kind, n, span.start));
    }
    return n;
  }

  /** Forgets one quote and its parts: their links at both ends, then the quotes themselves. */
  private drop(n: number): void {
    const e = this.entries[n]!;
    this.speakers[n] = undefined;
    for (const part of e.parts ?? []) this.drop(part);
    for (const pair of e.links ?? []) this.unlink(pair.a === n ? pair.b : pair.a, n);
    this.quotes.remove(n);
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
          for (const { other, match } of found![k] ?? []) this.addPair(u, other, match.score, match.relation, match.oneSpeaker);
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
    return found.map((list, k) => list.filter(({ other, match }) => {
      const u = units[k];
      const root = this.entries[other]!.root;
      if (u === units[0] && root === other) return true;
      if (ours.get(root)!.size >= 2 && theirs.get(root)!.size >= 2) return true;
      // A sentence of a dozen words and more, matched all but word for word, is no stock opening but
      // the statement retold.
      if (match.score >= NO_FORMULA_SCORE && this.entries[u]!.words >= NO_FORMULA_WORDS && this.entries[other]!.words >= NO_FORMULA_WORDS) return true;
      return !(this.goesOnAfter(u, other) && this.goesOnAfter(other, u));
    }));
  }

  /**
   * Whether entry `x` has more to say after the words it shares with `y`, roughly: a part its quote
   * goes on past by several words, or a whole quote several words longer than the other.
   */
  private goesOnAfter(x: number, y: number): boolean {
    const e = this.entries[x]!;
    if (e.root !== x) {
      return wordForms(this.entries[e.root]!.text.slice(e.offset + e.text.length)).length >= LONGER_BY;
    }
    return e.words >= this.entries[y]!.words + LONGER_BY;
  }

  /**
   * The quotes and parts of other documents an entry matches; the very words of a part count as a
   * fragment, as the whole quotes are not the same. Copies of one wording are compared once.
   */
  private matchesOf(n: number): { other: number; match: Match }[] {
    const p = this.quotes.prepared(this.entries[n]!);
    const out: { other: number; match: Match }[] = [];
    // Nothing is added while the candidates are compared, so the weights of the quote's words hold.
    const options = { weight: this.weight, weightsOfA: stemWeights(p, this.weight) };
    for (const wording of this.quotes.candidates(n, p)) {
      const m = comparePrepared(p, this.quotes.prepared(this.entries[wording[0]]!), this.vocab, options);
      if (!m) continue;
      for (const other of wording) {
        const isPart = this.entries[n]!.root !== n || this.entries[other]!.root !== other;
        // The same words as a part are not the same quote: the whole quotes are one a fragment of the other.
        out.push({ other, match: isPart && m.relation === 'identical' ? { score: PART_IDENTICAL, relation: 'fragment' } : m });
      }
    }
    return out;
  }

  private addPair(x: number, y: number, score: number, relation: LinkRelation, oneSpeaker?: true): void {
    const ex = this.entries[x]!;
    const ey = this.entries[y]!;
    const [a, b] = ex.id < ey.id ? [x, y] : [y, x];
    // Aligned now rather than when asked, so that answering `linksOf` stays a matter of microseconds;
    // the prepared word ids stand for the words `wordForms` gives when the diff is drawn.
    const alignment = packAlignment(alignIds(this.quotes.prepared(this.entries[a]!).norms, this.quotes.prepared(this.entries[b]!).norms));
    const pair: Pair = oneSpeaker ? { a, b, score, relation, alignment, oneSpeaker } : { a, b, score, relation, alignment };
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

  /**
   * Keeps a quote's strongest links only, dropping the weakest (the oldest of equals) from both ends. A
   * link that holds only for one speaker (`Pair.oneSpeaker`) counts as weaker than any other: it may
   * never be shown, and must not push out one that is.
   */
  private trim(n: number): void {
    // Trimming the other end may already have dropped this quote's last link.
    const links = this.entries[n]?.links;
    if (!links || links.length <= MAX_LINKS) return;
    const strength = (pair: Pair): number => (pair.oneSpeaker ? pair.score - 1 : pair.score);
    let weakest = 0;
    for (let k = 1; k < links.length; k++) if (strength(links[k]) < strength(links[weakest])) weakest = k;
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

function byScoreThenId(x: QuoteLink, y: QuoteLink): number {
  return y.score - x.score || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0);
}

/** Whether a pair is a likeness too weak to tell whose the words are (`WEAK_VARIANT`). */
function isWeak(pair: Pair): boolean {
  return pair.relation === 'variant' && pair.score < WEAK_VARIANT;
}

/** Whether two speaker keys are known and name one person. */
function oneSpeaker(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && !otherSpeakers(a, b);
}

/**
 * Whether two speaker keys name different people: both known, and the surnames further apart than a
 * transliteration or a typo takes them (Zelensky, Zelenskyy, Zelenskiy are one man).
 */
function otherSpeakers(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return false;
  // Short surnames (Xi, Li, Wu, Xu) are told apart by a letter.
  if (Math.min(a.length, b.length) <= 3) return true;
  // A letter more, as transliterations add it (Zelensky, Zelenskyy); not a longer name (Williamson).
  if (a.startsWith(b) || b.startsWith(a)) return Math.abs(a.length - b.length) > 1;
  return !typoApart(a, b);
}
