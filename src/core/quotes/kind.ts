import type { QuoteKind } from '../types';
import { tokenize } from '../text/words';
import { isFiniteMarker, PREDICATE_LEADS, SUBJECT_PRONOUNS } from './lexicon';

/** Quotes of this many words or more are statements whatever their grammar. */
const LONG_QUOTE = 8;

/**
 * Tells reported speech from a phrase quoted as a term. A quote is a `statement` when it is long, holds
 * more than one sentence, reads as a clause (a subject pronoun, an auxiliary, a modal or the copula), is
 * a whole capitalised sentence, or finishes a clause begun outside the marks ("its supply “had a
 * material effect”", "must “ensure freedom of navigation”"). Anything else, a short noun or adjective
 * phrase (“normal”, “red lines”, “territorial integrity”), is a `term`.
 */
export function classifyQuote(text: string, outerStart: number, quoted: string): QuoteKind {
  const words = tokenize(quoted).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.length >= LONG_QUOTE) return 'statement';
  if (/[.!?]["'”’]?\s+\S/.test(quoted)) return 'statement';
  if (words.length >= 2 && words.some((w, i) => isFiniteMarker(w) || (SUBJECT_PRONOUNS.has(w.toLowerCase()) && i < words.length - 1))) {
    return 'statement';
  }
  if (words.length >= 3 && /^\p{Lu}/u.test(quoted) && /[.!?]$/.test(quoted)) return 'statement';
  if (words.length >= 3) {
    const before = tokenize(text, Math.max(0, outerStart - 40), outerStart);
    const last = before[before.length - 1];
    if (last && last.kind === 'word' && PREDICATE_LEADS.has(last.text.toLowerCase())) return 'statement';
  }
  return 'term';
}
