/**
 * Character classes used when reading article text. They take one UTF-16 code unit or a one-character
 * string, the unit every offset in the core uses.
 */

const LETTER = /^[\p{L}\p{M}]$/u;
const UPPER = /^\p{Lu}$/u;
const DIGIT = /^\p{Nd}$/u;

/** White space, including no-break and zero-width spaces that pasted web text carries. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 ||
    c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/** True for white space; `undefined` (outside the text) is not white space. */
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isSpaceCode(ch.charCodeAt(0));
}

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return DIGIT.test(ch);
}

/** A letter or a digit: the characters words are made of. */
export function isWordChar(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch);
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(ch);
}

/** Quotation marks that open a quotation in some typographic convention. */
export const OPENING_MARKS = '“‘„‚‟‛«‹"\'';
/** Quotation marks that close a quotation in some typographic convention. */
export const CLOSING_MARKS = '”’“‘»›"\'';
