import type { QuoteKind, Span } from '../types';
import { type Token, tokenize } from '../text/words';
import {
  AFTER_VERB, BETWEEN_AUXILIARY_AND_VERB, CLAUSE_CONJUNCTIONS, INTERJECTIONS, isFiniteMarker, isNamingVerb, NOT_VERBS_IN_S,
  PREDICATE_LEADS, reportingVerb, SUBJECT_PRONOUNS,
} from './lexicon';

/** Quotes of this many words or more are statements whatever their grammar. */
const LONG_QUOTE = 8;

/** Determiners and possessives: after one, the next word is a noun ("her will", "the must"). */
const NOUN_LEADS = /^(?:a|an|the|his|her|its|their|our|my|your|this|these|those|political)$/i;

/** Words after an -ing word that make it a verb taking an object or a complement ("gambling with …"). */
const AFTER_GERUND = new Set([...AFTER_VERB, 'with', 'to', 'for', 'about', 'on', 'in', 'into', 'at', 'from', 'against', 'over', 'off', 'like']);

/** Nouns in -ing: a quote opening with one is a noun phrase ("meeting with the press", "ruling on …"). */
const NOUNS_IN_ING = new Set([
  'thing', 'something', 'nothing', 'anything', 'everything', 'morning', 'evening', 'king', 'ring', 'spring',
  'string', 'wing', 'ceiling', 'building', 'meeting', 'briefing', 'hearing', 'ruling', 'funding', 'warning',
  'offering', 'bombing', 'shooting', 'landing', 'timing', 'setting', 'opening', 'ending', 'beginning',
  'painting', 'housing', 'clothing', 'wedding', 'sibling', 'darling', 'swing', 'sting', 'sing',
]);

/**
 * Tells reported speech from a phrase quoted as a term. A quote is a `statement` when it is long, holds
 * more than one sentence, or reads as a clause: a subject pronoun, an auxiliary, a modal or the copula;
 * a verb of the present tense with what follows it ("change begins now"); an -ing verb with its object
 * ("gambling with World War III"); a reply opening with an interjection ("“Yes sir,” Calhoun
 * confirmed"); the rest of a sentence opening with a conjunction ("but only with …"). It is one too when
 * it stands as a sentence of its own, when it finishes a clause begun outside the marks ("its supply
 * “had a material effect”", "could now “get its future back”", "It was, in the words of X, “…”"), and
 * when it is closed by a comma before a speaker and a reporting verb (`…,” Blinken said`). Anything
 * else, a name or a short noun or adjective phrase (“normal”, “red lines”, “an era of global boiling”
 * after "to"), is a `term`.
 */
export function classifyQuote(text: string, outer: Span, quoted: string): QuoteKind {
  const words = tokenize(quoted).filter((t) => t.kind === 'word').map((t) => t.text);
  if (words.length >= LONG_QUOTE) return 'statement';
  if (/[.!?]["'”’]?\s+\S/.test(quoted)) return 'statement';
  if (readsAsClause(words)) return 'statement';
  const first = words[0]?.toLowerCase() ?? '';
  // A reply is a statement however short: an interjection stands for a whole answer.
  if (INTERJECTIONS.has(first) && (reportedAfter(text, outer) || standsAlone(text, outer))) return 'statement';
  if (words.length >= 2 && /^\p{Lu}/u.test(quoted) && standsAlone(text, outer)) return 'statement';
  if (words.length < 3) return 'term';
  // Names and scare quotes never open with a conjunction: the quote is the rest of a sentence.
  if (CLAUSE_CONJUNCTIONS.has(first)) return 'statement';
  if (/^\p{Lu}/u.test(quoted) && /[.!?]$/.test(quoted)) return 'statement';
  if (reportedAfter(text, outer)) return 'statement';
  const before = tokenize(text, Math.max(0, outer.start - 240), outer.start);
  if (finishesClause(before, words)) return 'statement';
  return 'term';
}

/** Whether the quoted words hold a clause of their own. */
function readsAsClause(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  if (words.some((w, i) => isFiniteMarker(w) || (SUBJECT_PRONOUNS.has(w.toLowerCase()) && i < words.length - 1))) return true;
  if (words.length < 3) return false;
  const lower = words.map((w) => w.toLowerCase());
  // A verb in -s needs a subject before it and something after it that a plural noun closing a noun
  // phrase cannot have: "change begins now" is a clause, "red lines" and "boots on the ground" are not.
  for (let i = 1; i + 1 < lower.length; i++) {
    if (isVerbInS(lower[i]) && !NOUN_LEADS.test(lower[i - 1]) && AFTER_VERB.has(lower[i + 1])) return true;
  }
  // An -ing word with an object or a complement is a verb phrase, the rest of "accused him of …";
  // followed by "of" it is a noun ("the sending of troops").
  return /^\p{Ll}+ing$/u.test(lower[0]) && lower[0].length >= 5 && !NOUNS_IN_ING.has(lower[0]) && AFTER_GERUND.has(lower[1]);
}

function isVerbInS(w: string): boolean {
  return w.length >= 4 && /^\p{Ll}+s$/u.test(w) && !/(?:ss|us|is|ous)$/.test(w) && !NOT_VERBS_IN_S.has(w);
}

/**
 * Whether the quote is a sentence of its own: it opens a paragraph, follows a sentence's end or a colon
 * ("He added: “Change begins now”."), and closes its sentence or paragraph.
 */
function standsAlone(text: string, outer: Span): boolean {
  const head = text.slice(Math.max(0, outer.start - 4), outer.start);
  const opens = outer.start === 0 || /(?:^|[\n:.!?]["'”’]?)\s*$/.test(head) && !/\p{L}\.\s*$/u.test(head.slice(-3)) || /\n\s*$/.test(head);
  if (!opens) return false;
  const tail = text.slice(outer.end, outer.end + 3);
  return /^(?:[.!?]|\s*\n|\s*$)/.test(tail);
}

/**
 * Whether the quote finishes a clause begun before its opening mark: after an auxiliary, a modal, the
 * copula, an infinitive's "to" or "that" ("said it was “…”"), with an adverb ("could now") or an aside
 * between commas ("It was, in the words of X, “…”") between them; after "being"; after a verb left
 * without its subject by a reporting verb ("which he said required “…”"). After "to" a quote opening
 * with an article or reading "X of Y" is the object of the preposition ("moved from warming to “an era
 * of global boiling”"), not an infinitive.
 */
function finishesClause(before: readonly Token[], words: readonly string[]): boolean {
  if (interruptedClause(before, words)) return true;
  let k = before.length - 1;
  while (k >= 0 && before[k].kind === 'word' && BETWEEN_AUXILIARY_AND_VERB.has(before[k].text.toLowerCase()) && before.length - 1 - k < 2) k--;
  if (k >= 0 && before[k].text === ',') k = asideStart(before, k);
  const last = before[k];
  if (!last || last.kind !== 'word') return false;
  const lead = last.text.toLowerCase();
  const prior = before[k - 1];
  // "her will", "the must": a determiner makes the lead a noun, not a modal.
  const nounLead = prior !== undefined && prior.kind === 'word' && NOUN_LEADS.test(prior.text);
  if (nounLead) return false;
  // "called it “…”", "labelled it “…”": a naming verb's object is followed by the name it is given.
  if (lead === 'it' && prior?.kind === 'word' && isNamingVerb(prior.text, undefined)) return false;
  if (lead === 'to' && (NOUN_LEADS.test(words[0]) || words[1]?.toLowerCase() === 'of')) return false;
  // "it has now “one larger eyewall”": have with a counted noun phrase is possession, not an auxiliary.
  if (/^ha(?:s|ve|d)$/.test(lead) && /^(?:a|an|the|one|no|some|two|three|many|more|\d+)$/i.test(words[0])) return false;
  if (PREDICATE_LEADS.has(lead) || lead === 'being' || isContractedAuxiliary(last.text)) return true;
  // "which he said required “…”": the verb's subject is the one the reporting verb reports on.
  return k === before.length - 1 && prior?.kind === 'word' && reportingVerb(prior.text) === 'finite' && /^\p{Ll}+(?:ed|s)$/u.test(last.text) && !NOT_VERBS_IN_S.has(lead);
}

/** How many words an attribution set between commas inside a clause may hold ("the judge said"). */
const MAX_INTERRUPTION = 5;

/**
 * `His shifting stories, the judge said, “necessitated more lies”`: an attribution set off by commas
 * interrupts a clause whose verb the quote gives, a verb in the past or in -s opening it.
 */
function interruptedClause(before: readonly Token[], words: readonly string[]): boolean {
  const end = before.length - 1;
  if (before[end]?.text !== ',' || before[end - 1]?.kind !== 'word' || reportingVerb(before[end - 1].text) !== 'finite') return false;
  const verb = words[0] ?? '';
  if (!(/^\p{Ll}{3,}ed$/u.test(verb) || isVerbInS(verb))) return false;
  for (let k = end - 2; k >= 0 && end - 1 - k <= MAX_INTERRUPTION; k--) {
    const t = before[k];
    if (t.text === ',') return subjectBefore(before, k);
    if (t.kind !== 'word') return false;
  }
  return false;
}

/** Words opening a phrase that is not a clause's subject ("In court on Friday, the judge said, …"). */
const NOT_SUBJECT_OPENINGS = new Set([
  'in', 'on', 'at', 'after', 'before', 'when', 'while', 'as', 'if', 'since', 'during', 'for', 'with', 'by',
  'from', 'although', 'though', 'because', 'once', 'until', 'despite', 'outside', 'inside', 'asked',
]);

/** How many words the subject of an interrupted clause may hold. */
const MAX_SUBJECT = 8;

/** Whether the words before the comma at `comma`, back to the sentence's start, read as a subject: no verb of report, no opening preposition. */
function subjectBefore(before: readonly Token[], comma: number): boolean {
  let b = comma - 1;
  while (b >= 0 && before[b].kind === 'word') {
    if (reportingVerb(before[b].text) !== null || comma - b > MAX_SUBJECT) return false;
    b--;
  }
  if (b >= 0 && !/^[.!?”"]$/.test(before[b].text)) return false;
  const first = before[b + 1];
  return first !== undefined && b + 1 < comma && !NOT_SUBJECT_OPENINGS.has(first.text.toLowerCase());
}

/** "he’d", "they’ve", "we’ll": a pronoun with its auxiliary. */
function isContractedAuxiliary(word: string): boolean {
  return /^(?:i|we|you|he|she|it|they)['’](?:d|ve|ll|re|m)$/i.test(word);
}

/**
 * For a comma just before the quote, the index of the word before the comma that opens the aside
 * ("was, in the words of Matthew Bartlett, a strategist, “…”"), when that word is an auxiliary or the
 * copula; otherwise `comma` itself. An aside never crosses a sentence's end or another quote.
 */
function asideStart(before: readonly Token[], comma: number): number {
  for (let j = comma - 1; j > 0 && comma - j < 40; j--) {
    const t = before[j];
    if (t.kind === 'punct' && /[.!?;:"“”‘’«»]/.test(t.text)) return comma;
    if (t.text !== ',') continue;
    const w = before[j - 1];
    if (w.kind === 'word' && isFiniteMarker(w.text) && w.text === w.text.toLowerCase()) return j - 1;
  }
  return comma;
}

/** Whether the quote ends in a comma and a speaker with a reporting verb follows (`…,” X said`). */
function reportedAfter(text: string, outer: Span): boolean {
  const inner = text.slice(Math.max(outer.start, outer.end - 3), outer.end);
  // The first token after the quote is a comma exactly when the first character that is no space is
  // one: known before the words after it are read, which most quotes never need.
  const end = Math.min(text.length, outer.end + 80);
  let next = outer.end;
  while (next < end && /\s/.test(text[next])) next++;
  const commaAfter = next < end && text[next] === ',';
  if (!commaAfter && !/,\s*\S$/.test(inner)) return false;
  const after = tokenize(text, outer.end, end);
  let k = commaAfter ? 1 : 0;
  for (let n = 0; k < after.length && n < 6; k++, n++) {
    const t = after[k];
    if (t.kind !== 'word') return false;
    // `…,” Smith said` and `…,” said Smith` alike.
    if (reportingVerb(t.text) === 'finite') return n > 0 || k > 0 || after[k + 1]?.kind === 'word';
  }
  return false;
}
