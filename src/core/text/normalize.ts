/**
 * Normalisation for comparing quoted words across outlets that typeset them differently: curly or
 * straight marks, dashes, no-break spaces, line breaks inside a quote that spans paragraphs.
 */

const FOLD: Record<string, string> = {
  '“': '"', '”': '"', '„': '"', '‟': '"', '«': '"', '»': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '‹': "'", '›': "'",
  '–': '-', '—': '-', '‒': '-', '−': '-', '‐': '-', '‑': '-',
  '…': '...',
};

/** Replaces typographic quotes, dashes and ellipses by their plain ASCII forms. */
export function foldPunctuation(s: string): string {
  return s.replace(/[“”„‟«»‘’‚‛‹›–—‒−‐‑…]/g, (c) => FOLD[c] ?? c);
}

/** Collapses every run of white space (line breaks, no-break spaces) into one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * The words of a quote as a reader hears them: punctuation folded, white space collapsed, and the
 * quotation mark that reopens a quote at the start of each following paragraph (the news convention for
 * a quote spanning paragraphs) removed. Two outlets quoting the same words give the same result even
 * when one breaks the quote into paragraphs and the other does not.
 */
export function normalizeQuoteText(s: string): string {
  const joined = s.replace(/["'“”„‟«»‘’‚‛‹›]?[ \t\u00a0]*(?:\r\n|\r|\n|\u2028|\u2029)\s*["“„‟«]?/g, ' ');
  return collapseWhitespace(foldPunctuation(joined));
}
