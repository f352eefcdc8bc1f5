import type { Paragraph, QuoteSpan, Span } from '../types';
import { partitionPoint } from '../sorted';
import { isLetter, isSpaceCode, isWordChar, isDigit } from '../text/chars';
import { classifyQuote } from './kind';
import { reportingVerb } from './lexicon';
import { trailingAttributionStart } from './trailing';

/** Quotation-mark families: a mark closes only a quote opened by a mark of its family. */
type Family = 'double' | 'single' | 'guillemet' | 'single-guillemet';

interface Segment {
  /** Offset of the mark that opened (or, in a following paragraph, reopened) the quote. */
  readonly mark: number;
  /** First offset after that mark. */
  readonly content: number;
  readonly paragraph: number;
}

interface Open {
  readonly family: Family;
  readonly char: string;
  /** The paragraphs the quote has run through so far; more than one only for continued quotes. */
  readonly segments: Segment[];
}

interface Found {
  outer: Span;
  start: number;
  end: number;
  unclosed: boolean;
  paragraph: number;
}

/** Opening marks that say which way they face, never nesting inside a quote opened by the same mark. */
const REOPENING = new Set(['“', '„']);

/** Whether the words of `open` before the mark at `at` end a sentence ("… from Balmoral. “The death …"). */
function afterSentenceEnd(text: string, open: Open, at: number): boolean {
  const from = open.segments[open.segments.length - 1].content;
  let k = at;
  while (k > from && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > from + 1 && k < at && '.!?…'.includes(text[k - 1]);
}

/**
 * The closing marks of an opening mark ahead of a position, up to two (two close a nested quote and
 * the one around it). Asked at positions that only grow, it walks the marks once in all.
 */
class CloserScan {
  private readonly next = new Map<string, number[]>();
  private readonly at = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly marks: readonly number[],
  ) {}

  ahead(from: number, end: number, open: string): number {
    const close = open === '“' ? '”' : '“';
    let list = this.next.get(close);
    if (!list) this.next.set(close, (list = []));
    let i = this.at.get(close) ?? 0;
    // The closers read so far that lie before `from` are past for good.
    while (list.length > 0 && list[0] <= from) list.shift();
    while (list.length < 2 && i < this.marks.length) {
      const m = this.marks[i++];
      if (m > from && this.text[m] === close) list.push(m);
    }
    this.at.set(close, i);
    return list.filter((m) => m < end).length;
  }
}

/** Deeper nesting is treated as noise: keeps the work per mark constant on hostile input. */
const MAX_OPEN = 6;

/**
 * Longest quotation kept whole, in UTF-16 code units. A real quote, even a speech quoted over several
 * paragraphs, stays well below it; a mark whose partner lies further away is a stray mark in a file
 * written on one line or a data dump, and such a quote would make every later step slow. A longer
 * quote is cut at its last sentence end within the limit and reported as unclosed.
 */
export const MAX_QUOTE_LENGTH = 5000;

const MARK = /["'“”‘’„‚‟‛«»‹›]/g;

const FAMILY: Record<string, Family> = {
  '"': 'double', '“': 'double', '”': 'double', '„': 'double', '‟': 'double',
  "'": 'single', '‘': 'single', '’': 'single', '‚': 'single', '‛': 'single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'single-guillemet', '›': 'single-guillemet',
};

/** Characters after which a mark opens: nothing, white space, opening brackets and dashes. */
const OPENING_CONTEXT = '([{<—–-/“‘„‚«‹"\'';
/** Characters before which a mark closes: nothing, white space, punctuation, closing brackets. */
const CLOSING_CONTEXT = '.,;:!?)]}>—–-/…”’»›"\'';

/**
 * Words cut short at their start with an apostrophe ("’em", "’til", "'tis"); a mark before them is no
 * quotation.
 */
const ELISIONS = /^(?:em|til|tis|twas|n|cause|bout|round|kay)\b/i;

/**
 * Finds every quotation in `text` with exact offsets, sorted by start (an outer quote before the
 * quotes nested in it).
 *
 * Marks are read paragraph by paragraph. Curly, low-high and guillemet marks say which way they face;
 * straight marks are paired by context (an opening mark follows white space, a line start or opening
 * punctuation, a closing mark comes before white space, punctuation or a line end). A single mark
 * between letters, or after a word with no single quote open, is an apostrophe.
 *
 * A quote left open at a paragraph's end continues into the next paragraph when that paragraph opens
 * with a quotation mark of the same family, or when the next mark of that family in it closes a quote,
 * or when it runs through a few paragraphs with no such mark to one whose first closes it before the
 * attribution (`…," the coach told Sky Sports.`); otherwise, or when the paragraph ends on an
 * attribution with no closing mark (`…, Farrell said.`), it ends with its paragraph (`unclosed`). A chain of paragraphs that each reopen the quote
 * and never close it is returned as one unclosed quote per paragraph, so an unclosed quote never
 * swallows the paragraphs after it.
 *
 * For a quote spanning paragraphs, `text` is the exact slice from its first word to its last, so it
 * holds the paragraph break and, in the news convention, the mark reopening the quote; use
 * `normalizeQuoteText` to compare its words. Quoted words are trimmed of white space and of a trailing
 * comma, semicolon or colon, which belong to the reporting sentence. No quote is longer than
 * `MAX_QUOTE_LENGTH`: a longer one is cut at a sentence end and marked `unclosed`.
 */
export function findQuotes(text: string, paras: readonly Paragraph[]): QuoteSpan[] {
  const found: Found[] = [];
  let carried: Open | null = null;
  const marks = markPositions(text);
  const closers = new CloserScan(text, marks);
  // The first mark not yet read: paragraphs come in order, so the marks are read once in all.
  let k = 0;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p];
    const stack: Open[] = carried ? [carried] : [];
    const counts: Record<Family, number> = { double: 0, single: 0, guillemet: 0, 'single-guillemet': 0 };
    if (carried) counts[carried.family]++;
    carried = null;
    let i = para.start;
    if (stack.length === 1 && reopens(text, para, stack[0].family)) {
      stack[0].segments.push({ mark: para.start, content: para.start + 1, paragraph: p });
      i = para.start + 1;
    }
    while (k < marks.length && marks[k] < i) k++;
    for (; k < marks.length && marks[k] < para.end; k++) {
      const at = marks[k];
      const ch = text[at];
      const family = FAMILY[ch];
      const role = roleOf(text, para, at, ch, counts[family] > 0, topChar(stack, family));
      if (role === 'close') {
        while (stack.length > 0) {
          const top = stack.pop()!;
          counts[top.family]--;
          if (top.family === family) {
            found.push(closedQuote(top, at));
            break;
          }
        }
      } else if (role === 'none' && closesOtherFamily(text, para, at, ch, stack[stack.length - 1])) {
        const top = stack.pop()!;
        counts[top.family]--;
        found.push(closedQuote(top, at));
      } else if (role === 'open' && stack.length === 1 && stack[0].char === ch && REOPENING.has(ch) && afterSentenceEnd(text, stack[0], at) && closers.ahead(at, para.end, ch) < 2) {
        // “We are all devastated … from Balmoral. “The death of Her Majesty …”: a curly mark that opens
        // again after a sentence inside its own kind of quote is a new quote whose writer forgot to close
        // the last one, unless two closing marks follow, one for each (“I read the sign. “Keep out,” it
        // said,” Smith said); a nested quote takes the other marks (‘…’ inside “…”).
        const last = stack.pop()!;
        for (const seg of last.segments.slice(0, -1)) {
          const q = unclosedSegment(text, paras[seg.paragraph], seg);
          if (q) found.push(q);
        }
        const seg = last.segments[last.segments.length - 1];
        found.push({ outer: { start: seg.mark, end: at }, start: seg.content, end: at, unclosed: true, paragraph: seg.paragraph });
        stack.push({ family, char: ch, segments: [{ mark: at, content: at + 1, paragraph: p }] });
      } else if (role === 'open' && stack.length < MAX_OPEN) {
        stack.push({ family, char: ch, segments: [{ mark: at, content: at + 1, paragraph: p }] });
        counts[family]++;
      }
    }
    // Only the outermost open quote may continue; inner marks left open were not quotation marks.
    const outer = stack[0];
    if (!outer) continue;
    const next = paras[p + 1];
    // A paragraph that ends on its attribution ("…, Farrell said.") ended its quote, mark or no mark.
    const attributed = trailingAttributionStart(text, outer.segments[outer.segments.length - 1].content, para.end) !== null;
    if (next && !attributed && (reopens(text, next, outer.family) || firstMarkCloses(text, next, outer.family, marks) || runsOnUnmarked(text, paras, p + 1, outer.family, marks))) {
      carried = outer;
      continue;
    }
    if (outer.family === 'single' && outer.segments.length === 1) continue;
    for (const seg of outer.segments) {
      const q = unclosedSegment(text, paras[seg.paragraph], seg);
      if (q) found.push(q);
    }
  }
  return finish(text, found);
}

/**
 * Whether a closing double mark of the other kind ends the innermost quote: “…» and «…”, as texts
 * translated or typed on another keyboard mix them. Only right after a word and before a space,
 * punctuation or the paragraph's end, where nothing else could be meant.
 */
function closesOtherFamily(text: string, para: Span, at: number, ch: string, top: Open | undefined): boolean {
  if (!top || !((ch === '»' && top.family === 'double') || (ch === '”' && top.family === 'guillemet'))) return false;
  const prev = at > para.start ? text[at - 1] : undefined;
  const next = at + 1 < para.end ? text[at + 1] : undefined;
  if (prev === undefined || isSpaceCode(prev.charCodeAt(0))) return false;
  return next === undefined || isSpaceCode(next.charCodeAt(0)) || CLOSING_CONTEXT.includes(next);
}

/**
 * `” We are really lucky,” the chair said.`: a closing mark and a space opening a paragraph, as a copy
 * that lost its opening marks prints them, opens a quote when words follow it and the paragraph
 * closes a quote after them. Read once per paragraph, at its start.
 */
function opensParagraphWords(text: string, para: Span, at: number): boolean {
  if (!isLetter(text[at + 2])) return false;
  for (let c = at + 3; c < para.end; c++) {
    if (text[c] !== '”') continue;
    const before = ',.?!'.includes(text[c - 1]) ? text[c - 2] : text[c - 1];
    return isLetter(before);
  }
  return false;
}

function topChar(stack: readonly Open[], family: Family): string | null {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].family === family) return stack[k].char;
  return null;
}

/**
 * What a mark does at `at`: opens a quote, closes the innermost open quote of its family, or nothing
 * (an apostrophe, a prime, a stray mark).
 */
function roleOf(
  text: string,
  para: Span,
  at: number,
  ch: string,
  familyOpen: boolean,
  openChar: string | null,
): 'open' | 'close' | 'none' {
  const prev = at > para.start ? text[at - 1] : undefined;
  const next = at + 1 < para.end ? text[at + 1] : undefined;
  const opensHere = prev === undefined || isSpaceCode(prev.charCodeAt(0)) || OPENING_CONTEXT.includes(prev);
  const closesHere = next === undefined || isSpaceCode(next.charCodeAt(0)) || CLOSING_CONTEXT.includes(next);
  switch (ch) {
    case '“':
      if (familyOpen && (openChar === '„' || (closesHere && !opensHere))) return 'close';
      return 'open';
    case '”':
      if (familyOpen) return 'close';
      if (prev === undefined && next === ' ' && opensParagraphWords(text, para, at)) return 'open';
      return opensHere && !closesHere ? 'open' : 'none';
    case '„':
    case '‟':
      return 'open';
    case '"':
      if (opensHere && !closesHere) return 'open';
      if (closesHere && !opensHere) return familyOpen ? 'close' : 'none';
      if (!opensHere && !closesHere && openChar !== null && openChar !== '"') {
        // Wedged between two characters inside a curly quote (an HTML attribute, a typo), a straight
        // mark opens a nested quote rather than ending the curly one mid-word.
        return 'open';
      }
      return familyOpen ? 'close' : 'open';
    case '‘':
      if (isWordChar(prev) && isWordChar(next)) return 'none';
      if (familyOpen && closesHere && !opensHere) return 'close';
      return isElision(text, at + 1, para.end) ? 'none' : 'open';
    case '’':
      if (isWordChar(prev) && isWordChar(next)) return 'none';
      if (familyOpen && prev !== undefined && !isSpaceCode(prev.charCodeAt(0))) return 'close';
      return 'none';
    case "'":
      if (isWordChar(prev) && isWordChar(next)) return 'none';
      if (opensHere && !closesHere) return isElision(text, at + 1, para.end) || !isWordChar(next) && next !== '“' && next !== '"' ? 'none' : 'open';
      if (closesHere && !opensHere) return familyOpen ? 'close' : 'none';
      return 'none';
    case '‚':
    case '‛':
      return opensHere && isLetter(next) ? 'open' : 'none';
    case '«':
      return familyOpen && openChar === '»' ? 'close' : 'open';
    case '»':
      if (familyOpen && openChar === '«') return 'close';
      return opensHere && !closesHere ? 'open' : 'none';
    case '‹':
      return familyOpen && openChar === '›' ? 'close' : 'open';
    case '›':
      if (familyOpen && openChar === '‹') return 'close';
      return opensHere && !closesHere ? 'open' : 'none';
    default:
      return 'none';
  }
}

/** An apostrophe cutting a word short ("’em", "'90s") rather than opening a quote. */
function isElision(text: string, from: number, limit: number): boolean {
  if (isDigit(text[from]) && isDigit(text[from + 1]) && !isDigit(text[from + 2])) return true;
  return ELISIONS.test(text.slice(from, Math.min(limit, from + 6)));
}

/**
 * Where the text's quotation marks are, in order. Found once for the whole text: a search from each
 * paragraph for its next mark would read on past the paragraph to the next one that has a mark,
 * which for thousands of paragraphs without any is the rest of the text each time.
 */
function markPositions(text: string): number[] {
  const out: number[] = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) out.push(m.index);
  return out;
}

/** Whether `para` starts with a mark that opens a quote of `family` (the news convention). */
function reopens(text: string, para: Span, family: Family): boolean {
  const ch = text[para.start];
  if (FAMILY[ch] !== family) return false;
  return roleOf(text, para, para.start, ch, false, null) === 'open';
}

/** Whether the first mark of `family` in `para` closes a quote (the writer forgot to reopen it). */
function firstMarkCloses(text: string, para: Span, family: Family, marks: readonly number[]): boolean {
  return closes(text, firstMarkOf(text, para, family, marks));
}

/** Whether the mark `first` found (`firstMarkOf`) closes a quote, and is not an opening mark read as closing. */
function closes(text: string, first: { readonly at: number; readonly role: 'open' | 'close' } | null): boolean {
  if (!first || first.role !== 'close') return false;
  const ch = text[first.at];
  return !(ch === '“' || ch === '‘' || ch === '«' || ch === '‹');
}

/** How many paragraphs without a quotation mark an open quote may run through to the mark closing it. */
const MAX_UNMARKED_PARAGRAPHS = 4;

/** How many words after a closing mark its reporting verb is looked for. */
const CLOSING_VERB_REACH = 6;

/**
 * Whether a quote left open runs on through paragraph `p` and the paragraphs after it that hold no
 * mark of its family, to one whose first such mark closes it and is followed by the attribution
 * (`…, but you need players who will be available," the coach told Sky Sports.`): a copy that dropped
 * the marks reopening each paragraph. A closing mark with no reporting verb after it, or a paragraph
 * with marks of the family that do not close, ends the quote with its paragraph as before.
 */
function runsOnUnmarked(text: string, paras: readonly Paragraph[], p: number, family: Family, marks: readonly number[]): boolean {
  for (let n = 0; n <= MAX_UNMARKED_PARAGRAPHS && p + n < paras.length; n++) {
    const para = paras[p + n];
    const mark = firstMarkOf(text, para, family, marks);
    if (!mark) continue;
    const first = mark.at;
    if (n === 0 || !closes(text, mark) || !',?!'.includes(text[first - 1])) return false;
    const after = text.slice(first + 1, Math.min(para.end, first + 80)).split(/\s+/).slice(0, CLOSING_VERB_REACH + 1);
    return after.some((w) => reportingVerb(w.replace(/[.,;:]+$/, '')) === 'finite');
  }
  return false;
}

/** The first mark of `family` in `para` that is not an apostrophe, with its role, or null. */
function firstMarkOf(text: string, para: Span, family: Family, marks: readonly number[]): { readonly at: number; readonly role: 'open' | 'close' } | null {
  for (let k = partitionPoint(marks.length, (j) => marks[j] < para.start); k < marks.length && marks[k] < para.end; k++) {
    const ch = text[marks[k]];
    if (FAMILY[ch] !== family) continue;
    const role = roleOf(text, para, marks[k], ch, true, null);
    if (role !== 'none') return { at: marks[k], role };
  }
  return null;
}

function closedQuote(open: Open, closeAt: number): Found {
  const first = open.segments[0];
  return { outer: { start: first.mark, end: closeAt + 1 }, start: first.content, end: closeAt, unclosed: false, paragraph: first.paragraph };
}

/** A quote ended by its paragraph; a bare attribution closing the paragraph is left outside it. */
function unclosedSegment(text: string, para: Span, seg: Segment): Found | null {
  let end = para.end;
  const cut = trailingAttributionStart(text, seg.content, para.end);
  if (cut !== null) end = cut;
  return { outer: { start: seg.mark, end }, start: seg.content, end, unclosed: true, paragraph: seg.paragraph };
}

/** Where an over-long quote is cut: after a sentence end, else at a space, never inside a surrogate pair. */
function cutLongQuote(text: string, start: number, limit: number): number {
  for (let i = limit - 1; i > start + MAX_QUOTE_LENGTH / 2; i--) {
    if ('.!?…'.includes(text[i - 1]) && isSpaceCode(text.charCodeAt(i))) return i;
  }
  for (let i = limit; i > start + MAX_QUOTE_LENGTH / 2; i--) if (isSpaceCode(text.charCodeAt(i))) return i;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Trims the quoted words, drops empty quotes, computes nesting depths and kinds, sorts. */
function finish(text: string, found: Found[]): QuoteSpan[] {
  const trimmed: Found[] = [];
  for (const f of found) {
    let s = f.start;
    let e = f.end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    let unclosed = f.unclosed;
    if (e - s > MAX_QUOTE_LENGTH) {
      e = cutLongQuote(text, s, s + MAX_QUOTE_LENGTH);
      unclosed = true;
    }
    while (e > s && (isSpaceCode(text.charCodeAt(e - 1)) || ',;:'.includes(text[e - 1]))) e--;
    if (e <= s) continue;
    let outerEnd = f.outer.end;
    if (unclosed) outerEnd = e;
    trimmed.push({ ...f, start: s, end: e, unclosed, outer: { start: f.outer.start, end: outerEnd } });
  }
  trimmed.sort((a, b) => a.outer.start - b.outer.start || b.outer.end - a.outer.end);
  const out: QuoteSpan[] = [];
  const ends: number[] = [];
  for (const f of trimmed) {
    while (ends.length > 0 && ends[ends.length - 1] <= f.outer.start) ends.pop();
    const depth = ends.length;
    ends.push(f.outer.end);
    const quoted = text.slice(f.start, f.end);
    out.push({
      start: f.start,
      end: f.end,
      text: quoted,
      outer: f.outer,
      kind: classifyQuote(text, f.outer, quoted),
      depth,
      unclosed: f.unclosed,
      paragraph: f.paragraph,
    });
  }
  return out;
}
