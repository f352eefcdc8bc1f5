import type { QuoteKind, Span } from '../types';
import { tokenize } from '../text/words';
import { isFiniteMarker, PREDICATE_LEADS, reportingVerb, SUBJECT_PRONOUNS } from './lexicon';

/** Quotes of this many words or more are statements whatever their grammar. */
const LONG_QUOTE = 8;

/**
 * Tells reported speech from a phrase quoted as a term. A quote is a `statement` when it is long, holds
 * more than one sentence, reads as a clause (a subject pronoun, an auxiliary, a modal or the copula), is
 * a whole capitalised sentence, or finishes a clause begun outside the marks ("its supply “had a
 * material effect”", "must “ensure freedom of navigation”"). Anything else, a short noun or adjective
 * phrase (“normal”, “red lines”, “territorial integrity”), is a `term`. Words closed by a comma and
 * followed by a speaker and a reporting verb (`…,” Blinken said`) are a statement too.
 */
export function classifyQuote(text: string, outer: Span, quoted: string): QuoteKind {
  const outerStart = outer.start;
  const words = tokenize(quoted).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.length >= LONG_QUOTE) return 'statement';
  if (/[.!?]["'”’]?\s+\S/.test(quoted)) return 'statement';
  if (words.length >= 2 && words.some((w, i) => isFiniteMarker(w) || (SUBJECT_PRONOUNS.has(w.toLowerCase()) && i < words.length - 1))) {
    return 'statement';
  }
  if (words.length >= 3 && /^\p{Lu}/u.test(quoted) && /[.!?]$/.test(quoted)) return 'statement';
  if (words.length >= 3 && reportedAfter(text, outer)) return 'statement';
  if (words.length >= 3) {
    const before = tokenize(text, Math.max(0, outerStart - 40), outerStart);
    const last = before[before.length - 1];
    const prior = before[before.length - 2];
    // "her will", "the must": a determiner makes the lead a noun, not a modal.
    const nounLead = prior !== undefined && /^(?:a|an|the|his|her|its|their|our|my|your|political)$/i.test(prior.text);
    if (last && last.kind === 'word' && PREDICATE_LEADS.has(last.text.toLowerCase()) && !nounLead) return 'statement';
  }
  return 'term';
}

/** Whether the quote ends in a comma and a speaker with a reporting verb follows (`…,” X said`). */
function reportedAfter(text: string, outer: Span): boolean {
  const inner = text.slice(Math.max(outer.start, outer.end - 3), outer.end);
  const after = tokenize(text, outer.end, Math.min(text.length, outer.end + 80));
  let k = 0;
  if (after[0]?.text === ',') k = 1;
  else if (!/,\s*\S$/.test(inner)) return false;
  for (let n = 0; k < after.length && n < 6; k++, n++) {
    const t = after[k];
    if (t.kind !== 'word') return false;
    if (reportingVerb(t.text) === 'finite') return n > 0 || k > 0;
  }
  return false;
}
