import { partitionPoint } from '../sorted';
import type { Paragraph, QuoteSpan, RawMention, Span } from '../types';
import { paragraphAt } from '../text/paragraphs';
import { sentenceSpans } from '../text/sentences';
import { tokenize } from '../text/words';

/** A word, a punctuation sign, or a whole top-level quotation seen from outside as one unit. */
export interface Tok extends Span {
  readonly text: string;
  readonly kind: 'word' | 'punct' | 'quote';
}

/** A sentence of the document with its tokens, quotations folded into single `quote` tokens. */
export interface Sentence extends Span {
  readonly paragraph: number;
  /** Position among the sentences of its paragraph. */
  readonly index: number;
  readonly tokens: readonly Tok[];
}

/**
 * What attribution needs to read a document: its sentences (which never break inside a quotation),
 * tokens that see each top-level quotation as one unit, and lookups of mentions by offset. Sentences
 * are built lazily per paragraph and kept, so each part of the text is read a bounded number of times.
 */
export class DocumentView {
  private readonly sentenceCache = new Map<number, Sentence[]>();
  /** Top-level quotations, outer spans, sorted by start and non-overlapping. */
  readonly opaque: readonly Span[];

  constructor(
    readonly text: string,
    readonly paras: readonly Paragraph[],
    quotes: readonly QuoteSpan[],
    readonly mentions: readonly RawMention[],
  ) {
    const top = quotes.filter((q) => q.depth === 0).map((q) => q.outer);
    top.sort((a, b) => a.start - b.start);
    this.opaque = top;
  }

  /** The top-level quotation containing `offset` (marks included), or null. */
  quoteAt(offset: number): Span | null {
    const i = lastStartingAtOrBefore(this.opaque, offset);
    return i >= 0 && offset < this.opaque[i].end ? this.opaque[i] : null;
  }

  sentences(paragraph: number): Sentence[] {
    let cached = this.sentenceCache.get(paragraph);
    if (cached) return cached;
    const para = this.paras[paragraph];
    const from = Math.max(0, lastStartingAtOrBefore(this.opaque, para.start));
    const overlapping: Span[] = [];
    for (let i = from; i < this.opaque.length && this.opaque[i].start < para.end; i++) {
      if (this.opaque[i].end > para.start) overlapping.push(this.opaque[i]);
    }
    cached = sentenceSpans(this.text, para, overlapping).map((s, index) => ({
      ...s,
      paragraph,
      index,
      tokens: this.tokensOf(s, overlapping),
    }));
    this.sentenceCache.set(paragraph, cached);
    return cached;
  }

  /** The sentence containing `offset`, or null outside every paragraph. */
  sentenceAt(offset: number): Sentence | null {
    const p = paragraphAt(this.paras, offset);
    if (p < 0 || offset >= this.paras[p].end) return null;
    const list = this.sentences(p);
    const i = lastStartingAtOrBefore(list, offset);
    return list[Math.max(0, i)] ?? null;
  }

  /** The sentence after `s` in its paragraph, or null. */
  nextSentence(s: Sentence): Sentence | null {
    return this.sentences(s.paragraph)[s.index + 1] ?? null;
  }

  /** The sentence before `s`, going back into earlier paragraphs, or null. */
  previousSentence(s: Sentence): Sentence | null {
    if (s.index > 0) return this.sentences(s.paragraph)[s.index - 1];
    for (let p = s.paragraph - 1; p >= 0; p--) {
      const list = this.sentences(p);
      if (list.length > 0) return list[list.length - 1];
    }
    return null;
  }

  /** Index of the mention covering `offset`, or -1. */
  mentionAt(offset: number): number {
    const i = lastStartingAtOrBefore(this.mentions, offset);
    return i >= 0 && offset < this.mentions[i].end ? i : -1;
  }

  /** Indices of the mentions lying within [from, to) and outside every quotation, in order. */
  mentionsIn(from: number, to: number, limit = 64): number[] {
    const out: number[] = [];
    const first = Math.max(0, lastStartingAtOrBefore(this.mentions, from));
    for (let i = first; i < this.mentions.length && i < first + limit * 4; i++) {
      const m = this.mentions[i];
      if (m.start >= to || out.length >= limit) break;
      if (m.start >= from && m.end <= to && !this.quoteAt(m.start)) out.push(i);
    }
    return out;
  }

  /** The sentence's tokens, each quotation one token; `quotes` sorted by start and non-overlapping. */
  private tokensOf(s: Span, quotes: readonly Span[]): Tok[] {
    const out: Tok[] = [];
    const words = (from: number, to: number): void => {
      // One by one: a sentence may hold more tokens than a call can take as arguments.
      for (const t of tokenize(this.text, from, to)) {
        // Two names the page ran together in one word ("FrancisTrump") are two words, as the
        // recogniser read them (`unglued`).
        const i = t.kind === 'word' ? lastStartingAtOrBefore(this.mentions, t.end - 1) : -1;
        const cut = i >= 0 ? this.mentions[i].start : -1;
        if (cut > t.start && cut < t.end && /\p{Ll}/u.test(this.text[cut - 1]) && /\p{Lu}/u.test(this.text[cut])) {
          out.push({ ...t, end: cut, text: this.text.slice(t.start, cut) }, { ...t, start: cut, text: this.text.slice(cut, t.end) });
        } else out.push(t);
      }
    };
    let at = s.start;
    for (let i = Math.max(0, lastStartingAtOrBefore(quotes, s.start)); i < quotes.length && quotes[i].start < s.end; i++) {
      const q = quotes[i];
      if (q.end <= s.start) continue;
      if (q.start > at) words(at, q.start);
      const qs = Math.max(q.start, s.start);
      const qe = Math.min(q.end, s.end);
      out.push({ start: qs, end: qe, text: this.text.slice(qs, qe), kind: 'quote' });
      at = qe;
    }
    if (at < s.end) words(at, s.end);
    return foldAbbreviations(out);
  }
}

/** Titles and suffixes written with a full stop inside a name ("Gov. Wes Moore", "Roland L. Butler Jr."). */
const NAME_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'st',
  'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs', 'atty', 'sec', 'u.s', 'u.k', 'u.n',
]);

/** Dotted capitals, whose last stop the tokenizer leaves apart: places and bodies ("S.C.", "N.Y.", "D.C."). */
const DOTTED_ACRONYM = /^\p{Lu}(?:\.\p{Lu})+$/u;

/**
 * Joins an initial, a dotted acronym or a title abbreviation with its full stop ("Q.", "Adm."), so that a name read
 * token by token is not cut at the stop. A stop with no word after it in the sentence is left alone.
 */
function foldAbbreviations(toks: Tok[]): Tok[] {
  let lastWord = toks.length - 1;
  while (lastWord >= 0 && toks[lastWord].kind === 'punct') lastWord--;
  let folded: Tok[] | null = null;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    const dot = toks[k + 1];
    if (
      k + 1 < lastWord && dot.text === '.' && dot.start === t.end && t.kind === 'word' &&
      (/^\p{Lu}$/u.test(t.text) || DOTTED_ACRONYM.test(t.text) || NAME_ABBREVIATIONS.has(t.text.toLowerCase()))
    ) {
      folded ??= toks.slice(0, k);
      folded.push({ start: t.start, end: dot.end, text: t.text + '.', kind: 'word' });
      k++;
      continue;
    }
    folded?.push(t);
  }
  return folded ?? toks;
}

/** Index of the last span starting at or before `offset` in a list sorted by start, or -1. */
export function lastStartingAtOrBefore(list: readonly Span[], offset: number): number {
  return partitionPoint(list.length, (i) => list[i].start <= offset) - 1;
}
