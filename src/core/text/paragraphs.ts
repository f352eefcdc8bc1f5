import { parseFrontMatter } from '../import/front-matter';
import { partitionPoint } from '../sorted';
import type { Paragraph } from '../types';
import { isSpaceCode } from './chars';

/**
 * Splits text into paragraphs. News text separates paragraphs with blank lines or with single line
 * breaks, so every non-blank line starts a paragraph; surrounding white space is trimmed off the span.
 * Front matter opening the text is no paragraph: its title and address are data, not the article's
 * words, so no quote or name is looked for in it.
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = parseFrontMatter(text)?.end ?? 0;
  lineBreak.lastIndex = lineStart;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, index: out.length });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    push(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  push(lineStart, text.length);
  return out;
}

/**
 * The index of the paragraph containing `offset` (or the last one starting before it), or -1 when the
 * offset comes before the first paragraph. `paras` must be sorted, as `paragraphs` returns them.
 */
export function paragraphAt(paras: readonly Paragraph[], offset: number): number {
  return partitionPoint(paras.length, (i) => paras[i].start <= offset) - 1;
}
