/** The outcome of turning a file's bytes into article text. */
export type Decoded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
      /** How many invalid byte sequences were replaced with U+FFFD. */
      readonly replaced: number;
    }
  | { readonly ok: false; readonly reason: 'binary' | 'too-large'; readonly message: string };

export interface DecodeOptions {
  /** Files larger than this are not decoded at all. */
  readonly maxBytes?: number;
}

/** How much of the start of a file is sniffed for binary content. */
const SNIFF = 8192;

/**
 * Decodes an article file: UTF-8 with or without BOM, UTF-16 with a BOM. Invalid UTF-8 is replaced,
 * not fatal; content with NUL bytes or mostly control characters is refused as binary.
 */
export function decodeArticle(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      message: `${formatSize(bytes.length)} is over the ${formatSize(options.maxBytes)} limit`,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: 'binary', message: 'binary content (not text)' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8', replaced: countReplacements(text, body) };
}

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
  if (text.includes('\u0000')) return { ok: false, reason: 'binary', message: 'binary content (not text)' };
  return { ok: true, text, encoding, replaced: 0 };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.1;
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

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
