/**
 * Anchoring corrections to an article's words. An anchor keeps the words, up to `CONTEXT` characters
 * either side and their offset; `locate` finds the words again in an edited text: where they are
 * with the most of their context around them, the nearest to the old offset among equals. The words
 * alone are not enough where they occur more than once with none of their context: a correction is
 * then not put on one of them at a guess.
 */
import type { Span } from '../types';
import type { Anchor } from './types';

export const CONTEXT = 32;

/** Context needed around one of several occurrences of the words to take it. */
const MIN_CONTEXT = 8;

export function anchorOf(text: string, span: Span): Anchor {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT),
    start: span.start,
  };
}

/** Where the anchor's words are in `text`, or null when they are gone (or cannot be told apart). */
export function locate(text: string, anchor: Anchor): Span | null {
  const { exact } = anchor;
  if (exact.length === 0) return null;
  const found: { at: number; context: number }[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    found.push({ at, context: commonSuffix(text, at, anchor.prefix) + commonPrefix(text, at + exact.length, anchor.suffix) });
  }
  if (found.length === 0) return null;
  const available = anchor.prefix.length + anchor.suffix.length;
  found.sort((a, b) => b.context - a.context || Math.abs(a.at - anchor.start) - Math.abs(b.at - anchor.start));
  const best = found[0]!;
  if (found.length > 1 && best.context < Math.min(MIN_CONTEXT, available)) return null;
  return { start: best.at, end: best.at + exact.length };
}

/** How many characters of `prefix`, from its end, stand just before `at` in `text`. */
function commonSuffix(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text[at - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters of `suffix`, from its start, stand at `at` in `text`. */
function commonPrefix(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}
