/**
 * Offsets in Unicode code points. The corpus counts UTF-16 code units, as VS Code does; brat and the
 * Web Annotation model count characters, that is code points, so a name after an emoji or a
 * supplementary-plane letter sits one further on per such character in their count.
 */
import { partitionPoint } from '../sorted';

/** A function from a UTF-16 offset into `text` to the number of code points before it. */
export function codePointOffsets(text: string): (utf16: number) => number {
  // Positions of the second halves of surrogate pairs, in order: each is one code unit the count skips.
  const lows: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) lows.push(++i);
    }
  }
  if (lows.length === 0) return (utf16) => utf16;
  return (utf16) => utf16 - partitionPoint(lows.length, (i) => lows[i]! < utf16);
}
