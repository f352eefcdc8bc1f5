import type { Paragraph } from '../types';

/**
 * Splits text into paragraphs. News text separates paragraphs with blank lines or with single line
 * breaks, so every non-blank line starts a paragraph; surrounding white space is trimmed off the span.
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}
