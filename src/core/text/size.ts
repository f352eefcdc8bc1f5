/**
 * The one rule for "too large to analyse": a file is measured in bytes as stored, and a text held in
 * memory (an open editor's) by the bytes of its UTF-8 encoding, so the same article is skipped or
 * analysed alike whether it is read from disk or opened, whatever its script.
 */

/** Kibibytes, the unit of `--max-size` and `crosswire.maxFileSizeKB`, as bytes. */
export function kibibytes(kb: number): number {
  return Math.floor(kb * 1024);
}

/** True when a file of `bytes` bytes is over the limit. */
export function overLimit(bytes: number, maxBytes: number): boolean {
  return bytes > maxBytes;
}

/**
 * True when the UTF-8 encoding of `text` is over the limit. Counts without encoding, and stops as soon
 * as the count passes the limit, so a huge text costs no more than the limit's worth of work.
 */
export function textOverLimit(text: string, maxBytes: number): boolean {
  // Every UTF-16 code unit takes one to three bytes (a surrogate pair, two units, takes four).
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text, maxBytes) > maxBytes;
}

/**
 * The length of `text` in UTF-8, in bytes; a lone surrogate counts as the three bytes of the U+FFFD
 * that replaces it. Counting stops once it passes `stopAbove`.
 */
export function utf8Length(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A size as people read it: 512 B, 3.5 KB, 20 KB, 1.5 MB, 2.0 GB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** Why a file of `bytes` bytes is skipped. */
export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `${formatSize(bytes)} is over the ${formatSize(maxBytes)} limit`;
}
