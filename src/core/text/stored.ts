/**
 * Texts kept compact. A JavaScript engine stores a string with any character past U+00FF (a curly
 * quote, a dash) at two bytes a character, and nearly every news article has some, so a corpus of
 * articles would hold its texts at twice their size. Kept as UTF-8 instead, an English article takes
 * about one byte a character; a text that UTF-8 would not make smaller (one-byte already, or mostly
 * in scripts that take three bytes) is kept as it is.
 */

/** A text as kept: the string itself, or its UTF-8 bytes. */
export type StoredText = string | Uint8Array;

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** True when every character of `text` is at most U+00FF: the engine already keeps it at a byte each. */
function oneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** `text` as it is best kept; `loadText` gives back the very same string. */
export function storeText(text: string): StoredText {
  // A lone surrogate has no UTF-8 form and would come back as U+FFFD: such a text stays a string.
  if (text.length < 64 || oneByte(text) || LONE_SURROGATE.test(text)) return text;
  const bytes = encoder.encode(text);
  return bytes.length < 2 * text.length ? bytes : text;
}

/** The text a `storeText` result holds. */
export function loadText(stored: StoredText): string {
  return typeof stored === 'string' ? stored : decoder.decode(stored);
}

/** Memory a stored text takes, in bytes, less the engine's fixed costs. */
export function storedBytes(stored: StoredText): number {
  return typeof stored === 'string' ? (oneByte(stored) ? stored.length : 2 * stored.length) : stored.byteLength;
}

/**
 * Shortest slice the engine shares with the string it was cut from rather than copying (V8's sliced
 * strings); a shorter one is a copy already.
 */
const SHARED_SLICE_MIN = 13;

/**
 * `s` as a string of its own. A substring may share the memory of the string it was cut from and keep
 * all of it alive (a quote's few words, an article's whole text); the copy holds only its own
 * characters. Flattening a concatenation makes the copy.
 */
export function detached(s: string): string {
  return s.length < SHARED_SLICE_MIN ? s : (' ' + s).slice(1);
}
