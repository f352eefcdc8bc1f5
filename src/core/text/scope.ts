/**
 * What of a text is the article's prose. Code, markup and addresses are not: a fenced block of shell
 * commands, an inline `send-email`, a link's target or a page's address hold words that look like names
 * and quotation marks that look like quotes, and none of them is something anyone said.
 *
 * The text is masked, never cut: every character out of scope becomes a space and every line break
 * stays, so offsets found in the masked text are offsets into the text as written.
 */
import { parseFrontMatter } from '../import/front-matter';

/** File names read as Markdown, whose code, links and HTML are left out of the analysis. */
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;

/** Whether a file of this name is read as Markdown. */
export function isMarkdownName(fileName: string): boolean {
  return MARKDOWN_NAME.test(fileName);
}

/**
 * The text with everything that is not the article's prose blanked out, as long as `text` and with the
 * same line breaks (web addresses become a run of `x`, everything else spaces). In every article: front matter and web addresses (`https://…`, `www.…`). In a
 * Markdown article also: fenced code blocks, inline code, link and image targets (the words of a link
 * and an image's description stay), reference definitions, autolinks, HTML comments, tags and scripts.
 */
export function scopedText(text: string, fileName: string): string {
  const markdown = isMarkdownName(fileName);
  let out = text;
  const front = parseFrontMatter(out);
  if (front) out = blank(out, [[0, front.end]]);
  if (markdown) {
    out = blank(out, fencedBlocks(out));
    out = blank(out, htmlBlocks(out));
    out = blank(out, inlineCode(out));
    out = blank(out, [...linkTargets(out), ...matches(out, REFERENCE_DEFINITION), ...matches(out, AUTOLINK), ...matches(out, HTML_TAG)]);
  }
  // An address stands as a word would, not as white space: a quote mark before it still opens a quote
  // (`"http://…"` inside a statement stays a quote within it), and no name is read in its letters.
  return blank(out, addresses(out), 'x');
}

type Range = readonly [start: number, end: number];

/** `text` with each range's characters but line breaks turned to `filler`; ranges may overlap. */
function blank(text: string, ranges: readonly Range[], filler = ' '): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [s0, e] of sorted) {
    const s = Math.max(s0, at);
    if (e <= s) continue;
    parts.push(text.slice(at, s), text.slice(s, e).replace(/[^\r\n\u2028\u2029]/g, filler));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function matches(text: string, re: RegExp): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The lines of a text, each with where it starts and ends (before its line break) and where the next begins. */
function* lines(text: string): Generator<{ start: number; end: number; next: number }> {
  const br = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = br.exec(text); m; m = br.exec(text)) {
    yield { start, end: m.index, next: m.index + m[0].length };
    start = m.index + m[0].length;
  }
  yield { start, end: text.length, next: text.length };
}

/**
 * Fenced code blocks as CommonMark has them: a line of three or more backticks or tildes, indented at
 * most three spaces, to a line of at least as many of the same character, or to the end of the text.
 */
function fencedBlocks(text: string): Range[] {
  const out: Range[] = [];
  let open: { start: number; char: string; length: number } | null = null;
  for (const line of lines(text)) {
    const content = text.slice(line.start, line.end);
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
      if (close && close[1]![0] === open.char && close[1]!.length >= open.length) {
        out.push([open.start, line.end]);
        open = null;
      }
      continue;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(content);
    // A backtick fence's info string holds no backtick: "``` a `b` ```" is inline code on one line.
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      open = { start: line.start, char: fence[1]![0]!, length: fence[1]!.length };
    }
  }
  if (open) out.push([open.start, text.length]);
  return out;
}

/** HTML comments, and script and style elements with their content. */
function htmlBlocks(text: string): Range[] {
  return matches(text, /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi);
}

/**
 * Code spans: a run of backticks to the next run of as many, within one paragraph (no blank line
 * between). A run with no partner is a literal backtick, as is one escaped with a backslash.
 */
function inlineCode(text: string): Range[] {
  const out: Range[] = [];
  const run = /`+/g;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    if (escaped(text, m.index)) {
      // Only the first backtick is escaped; the rest of the run may still open a span.
      run.lastIndex = m.index + 1;
      continue;
    }
    const n = m[0].length;
    const close = closingRun(text, m.index + n, n);
    if (close < 0) continue;
    out.push([m.index, close + n]);
    run.lastIndex = close + n;
  }
  return out;
}

/** Where the next run of exactly `n` backticks starts before a blank line, or -1. */
function closingRun(text: string, from: number, n: number): number {
  const run = /`+|\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;
  run.lastIndex = from;
  for (let m = run.exec(text); m; m = run.exec(text)) {
    if (m[0][0] !== '`') return -1;
    if (m[0].length === n) return m.index;
  }
  return -1;
}

function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * The `(target "title")` of inline links and images, `[words](target)`: from the parenthesis after
 * the closing bracket to its partner on the same line (a target may hold balanced parentheses).
 */
function linkTargets(text: string): Range[] {
  const out: Range[] = [];
  const opener = /\]\(/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const lineStart = Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('\r', m.index)) + 1;
    if (!text.slice(lineStart, m.index).includes('[')) continue;
    const open = m.index + 1;
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '\n' || c === '\r') break;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        out.push([open, i + 1]);
        opener.lastIndex = i + 1;
        break;
      }
    }
  }
  return out;
}

/** `[label]: target "title"` on a line of its own. */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\r\n]+\]:[ \t]*\S+.*$/gm;
/** `<https://…>`, `<mailto:…>`, `<someone@example.org>`. */
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/g;
/** An HTML tag with its attributes, opening or closing; the words between tags stay. */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>/g;

/**
 * Web addresses written out: `https://…`, `ftp://…` and `www.…`, up to white space, a quotation mark or
 * a bracket, less trailing punctuation (a sentence's full stop, a closing parenthesis it does not open).
 */
function addresses(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(/\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'“”‘’«»„\[\]{}]+/giu)) {
    let url = m[0];
    for (;;) {
      const last = url[url.length - 1]!;
      if (/[.,;:!?]/.test(last)) url = url.slice(0, -1);
      else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
      else break;
    }
    out.push([m.index, m.index + url.length]);
  }
  return out;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/**
 * Spans found in the scoped text, their `text` as written: a quote may run across a link's target or
 * an inline tag, and its words are shown and matched as the article has them.
 */
export function asWritten<T extends { readonly start: number; readonly end: number; readonly text: string }>(text: string, scoped: string, spans: readonly T[]): readonly T[] {
  if (scoped === text) return spans;
  return spans.map((s) => {
    const written = text.slice(s.start, s.end);
    return written === s.text ? s : { ...s, text: written };
  });
}

/**
 * A line of Markdown with its links and images written as their words alone: `[Daily Wire](https://…)`
 * reads "Daily Wire". For a headline shown in a card or a tree, where the target means nothing.
 */
export function linkWords(line: string): string {
  return line.replace(/!?\[([^\]\r\n]*)\](?:\((?:[^()\r\n]|\([^()\r\n]*\))*\))?/g, '$1');
}
