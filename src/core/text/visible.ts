/**
 * Article text shown to a person (a terminal, a hover card, a tree row, a picker) can carry characters
 * that act instead of showing: terminal control codes and escape sequences (clear the screen, retitle
 * the window, write the clipboard), bidirectional overrides and isolates that make text read in another
 * order than it is stored, and zero-width characters that hide inside a word. `visible` turns each into
 * a short printable marker such as `⟨U+202E⟩`, so the reader sees that it is there and nothing acts.
 *
 * Only displayed strings go through it: the analysis, its offsets and the documents are never changed.
 */

/** The marker shown in place of an invisible or acting character. */
export function marker(code: number): string {
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * C0 controls but tab and line feed, DEL and C1 controls; bidirectional embeddings, overrides, isolates
 * and marks; zero-width space, joiners, word joiner and byte order mark; invisible operators,
 * interlinear annotation controls, and the tag characters that can smuggle invisible ASCII.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\r(?!\n)|\udb40[\udc00-\udc7f]/g;

/**
 * The text with every character that could act or hide shown as a marker. Tab, line feed and a carriage
 * return that ends a line (CRLF) are kept; a lone carriage return, which moves a terminal's cursor back
 * over what was written, is marked. Everything else is unchanged.
 */
export function visible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, (ch) => marker(ch.codePointAt(0)!)) : text;
}

const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

/**
 * `shown` (text that went through `visible`) cut to at most `max` characters, never inside a marker:
 * a marker that does not fit is left out whole, so a shortened preview cannot end in `⟨U+20`.
 */
export function cutVisible(shown: string, max: number): string {
  if (shown.length <= max) return shown;
  const cut = shown.slice(0, Math.max(0, max));
  const open = cut.lastIndexOf('⟨');
  return open >= 0 && cut.indexOf('⟩', open) < 0 ? cut.slice(0, open) : cut;
}

/** Article text as one line of plain text: line breaks and runs of white space are single spaces, invisible characters shown. */
export function plainText(text: string): string {
  return visible(text.replace(/[\t\n\r]+/g, ' ')).replace(/\s+/g, ' ');
}

/**
 * Article text as one line (`plainText`, trimmed) of at most `max` characters: a longer one is cut,
 * never inside a marker, and ends in an ellipsis. The cut falls at a word boundary unless `atWord` is
 * false or the last word would take more than two fifths of the line.
 */
export function truncate(text: string, max: number, atWord = true): string {
  const flat = plainText(text).trim();
  if (flat.length <= max) return flat;
  const cut = cutVisible(flat, Math.max(1, max - 1));
  const space = atWord ? cut.lastIndexOf(' ') : -1;
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** True when `visible` would change the text. */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}
