import { overLimit, tooLargeMessage } from './size';

export { formatSize } from './size';

/** The outcome of turning a file's bytes into article text. */
export type Decoded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
      /** How many invalid byte sequences were replaced with U+FFFD. */
      readonly replaced: number;
    }
  | { readonly ok: false; readonly reason: 'binary' | 'too-large'; readonly message: string };

export interface DecodeOptions {
  /** Files larger than this are not decoded at all. */
  readonly maxBytes?: number;
}

/** The text of a decoded file, as the command line and the extension's log say it. */
export function describeDecoding(decoded: Decoded): string | undefined {
  if (!decoded.ok) return undefined;
  if (decoded.encoding === 'windows-1252') return 'not valid UTF-8, decoded as Windows-1252';
  if (decoded.replaced > 0) return `${decoded.replaced} invalid UTF-8 sequence${decoded.replaced === 1 ? '' : 's'} replaced`;
  return undefined;
}

/**
 * Decodes an article file: UTF-8 with or without BOM, UTF-16 with a BOM, and Windows-1252 (the
 * encoding of older newsroom systems and Word exports) when the bytes are not UTF-8 but read as it.
 * Invalid UTF-8 is otherwise replaced, not fatal. Content with a NUL byte anywhere, or mostly control
 * characters, is refused as binary: the whole file is looked at (it is no larger than the size limit),
 * because archives and images appended to text, or text with a binary tail, hide past any sample.
 */
export function decodeArticle(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.maxBytes !== undefined && overLimit(bytes.length, options.maxBytes)) {
    return { ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length, options.maxBytes) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return BINARY;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  if (!text.includes('\ufffd')) return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8', replaced: 0 };
  if (!bom && readsAsWindows1252(body)) return { ok: true, text: windows1252(body), encoding: 'windows-1252', replaced: 0 };
  return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8', replaced: countReplacements(text, body) };
}

const BINARY: Decoded = { ok: false, reason: 'binary', message: 'binary content (not text)' };

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  let text: string;
  if (encoding === 'utf-16le') {
    text = new TextDecoder('utf-16le').decode(body);
  } else {
    const swapped = new Uint8Array(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    text = new TextDecoder('utf-16le').decode(swapped);
  }
  if (text.includes('\u0000')) return BINARY;
  return { ok: true, text, encoding, replaced: 0 };
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) >= 0) return true;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return bytes.length > 0 && control / bytes.length > 0.1;
}

/**
 * Windows-1252's characters for 0x80–0x9F (0 where it has none); the other bytes are Latin-1, the
 * same code point as the byte.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * True when bytes that are not valid UTF-8 are better read as Windows-1252: every byte is one that
 * encoding defines, and the invalid sequences outnumber the valid multi-byte ones. A UTF-8 file with a
 * few damaged bytes keeps its many valid sequences (curly quotes, accents) and is read as UTF-8; a
 * Windows-1252 file seldom holds even one valid UTF-8 sequence by chance ("Ã©").
 */
function readsAsWindows1252(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b <= 0x9f && CP1252_HIGH[b - 0x80] === 0) return false;
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid > valid;
}

/** The length of the valid UTF-8 multi-byte sequence at `i`, or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const ok = cont(1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) && cont(2);
    return ok ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const ok = cont(1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3);
    return ok ? 4 : 0;
  }
  return 0;
}

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function countReplacements(text: string, bytes: Uint8Array): number {
  let inText = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) inText++;
  if (inText === 0) return 0;
  // U+FFFD written as valid UTF-8 (EF BF BD) in the file was not a replacement.
  let literal = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++;
  return inText - literal;
}
