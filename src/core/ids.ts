/** The names and ids the corpus gives documents and quotes. */

/** A quote's id: its document's id and its place in the document. */
export function quoteId(docId: string, index: number): string {
  return `${docId}-q${index}`;
}

/** The last segment of a path or URI, decoded: what a title falls back to. */
export function fileNameOf(uri: string): string {
  const last = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable ids for documents and cache keys. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
