/**
 * A scare quote in a sentence that reports someone's words: `“If you stay, you are going to die,”
 * Mayor Jane Castor said on CNN while talking about Milton, a “literally catastrophic” hurricane`. The
 * reporter borrows the phrase from the speech the sentence reports, so a reader gives it the speaker
 * of the quote before it in the sentence. `speakers.ts` asks when the term has no attribution of its own.
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import { isUpper } from '../text/chars';
import { TERM_IN_REPORT } from './confidence';
import type { DocumentView, Tok } from './context';
import { DETERMINERS, isNamingVerb, reportingVerb, SUBJECT_PRONOUNS } from './lexicon';
import { complementAs } from './speakers-grammar';
import { ELIDING } from './speakers-subjects';

/**
 * Quotes looked back over from a term for the statement it borrows from: a sentence of news holds a
 * statement and a term or two, and one of thousands of quotes must not make each term read them all.
 */
const TERM_LOOK_BACK = 6;
/** Words after "and the" read for a verb that would make it a new clause: a clause's verb comes soon. */
const CLAUSE_VERB_WITHIN = 10;

/** Explicit attributions a term may borrow: beside a quote, not carried on from another. */
const EXPLICIT: ReadonlySet<SpeakerRef['via']> = new Set(['after', 'before', 'colon']);

/**
 * The speaker of the nearest attributed statement before term `i` in its sentence, when nothing in
 * between may own the term: no other person named, no semicolon, colon or parenthesis breaking the
 * sentence, and the term not a capitalised name of a thing (“Dali”), which is nobody's word.
 */
export function termInReport(doc: DocumentView, quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
  const q = quotes[i];
  if (q.kind !== 'term' || isUpper(q.text[0] ?? '')) return null;
  const s = doc.sentenceAt(q.outer.start);
  if (!s) return null;
  for (let j = i - 1; j >= 0 && j >= i - TERM_LOOK_BACK && quotes[j].outer.start >= s.start; j--) {
    const ref = earlier[j];
    if (quotes[j].depth > 0 || quotes[j].kind !== 'statement') continue;
    if (!ref || !EXPLICIT.has(ref.via)) return null;
    const between = doc.text.slice(quotes[j].outer.end, q.outer.start);
    if (/[;:()]/.test(between)) return null;
    const others = doc.mentionsIn(quotes[j].outer.end, q.outer.start).filter((m) => doc.mentions[m].type === 'person' && m !== ref.mention);
    if (others.length > 0) return null;
    return { ...ref, confidence: TERM_IN_REPORT };
  }
  return null;
}

/**
 * Whether the tokens between a reporting verb at `verb` and a term at `term` stay in the verb's clause,
 * no one else named: no other quote, break of the sentence, reporting verb or relative `who`, and no
 * conjunction opening another clause. `and` or `or` before an article joins two objects of the verb
 * ("pledged national renewal and a return of “politics to public service”"), unless a verb of saying
 * or naming follows, which makes the article open a new clause's subject.
 */
export function staysInClause(doc: DocumentView, toks: readonly Tok[], verb: number, term: number): boolean {
  for (let k = verb + 1; k < term; k++) {
    const t = toks[k];
    // Another phrase in marks in the same clause ("accused “much of traditional media” of fueling “…”")
    // is a word of the same report; a quoted sentence in between is another's.
    if (t.kind === 'quote' && !isPhrase(t.text)) return false;
    if (t.kind === 'quote') continue;
    if (t.kind === 'punct' && ';:—–()'.includes(t.text)) return false;
    if (t.kind !== 'word') continue;
    const lower = t.text.toLowerCase();
    const joinsObjects = (lower === 'and' || lower === 'or') && DETERMINERS.has(toks[k + 1]?.text.toLowerCase() ?? '');
    // "said search and rescue crews found “…”": `and` between two words, no comma before it and no
    // subject after it, joins them, not two clauses.
    const next = toks[k + 1];
    const joinsWords = (lower === 'and' || lower === 'or') && toks[k - 1]?.kind === 'word' && next?.kind === 'word' && /^\p{Ll}/u.test(next.text) && !DETERMINERS.has(next.text) && !SUBJECT_PRONOUNS.has(next.text);
    if (reportingVerb(t.text) || (ELIDING.has(lower) && !joinsObjects && !joinsWords && !complementAs(toks, k, term)) || lower === 'who') return false;
    // "… and the governor called the storm “historic”", "… and critics called it": a verb of saying or
    // naming after the joined words shows a clause after all.
    const from = joinsObjects ? k + 2 : k + 1;
    if ((joinsObjects || joinsWords) && toks.slice(from, Math.min(term, from + CLAUSE_VERB_WITHIN)).some((w) => w.kind === 'word' && (reportingVerb(w.text) !== null || isNamingVerb(w.text, undefined)))) return false;
  }
  // The verb's object right before the quote ("mocked Zelenskyy as an “insolent pig”") is spoken of, not speaking.
  const object = term - verb <= 5 ? toks[verb + 1]?.start : -1;
  return !doc.mentionsIn(toks[verb].end, toks[term].start).some((m) => doc.mentions[m].type === 'person' && doc.mentions[m].start !== object);
}

/** Words a phrase in marks holds at most to be read as a word of the report around it. */
const PHRASE_WORDS = 5;

/** Whether a quotation token is a short phrase, not a sentence: a few words, no full stop inside. */
function isPhrase(quoted: string): boolean {
  const inner = quoted.slice(1, -1);
  return (inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= PHRASE_WORDS && !/[.!?]\s/.test(inner);
}
