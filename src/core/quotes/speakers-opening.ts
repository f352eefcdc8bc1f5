/**
 * A quote in the clause of a sentence that opens with a person, whatever the clause's verb, after the
 * "that" or "as" that opens what it reports: `Homendy identified that “…”`, `Guterres summed up
 * Francis as “a messenger of hope”`. Copies that reword a report put any verb in place of "said" or
 * "noted" ("included", "identified"). `speakers.ts` asks last, when nothing nearer says who speaks.
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import { isUpper } from '../text/chars';
import { SUBJECT_OF_SENTENCE } from './confidence';
import { lastStartingAtOrBefore, type DocumentView, type Tok } from './context';
import { isRoleModifier, isRoleNoun, mayStandBeforeVerb } from './lexicon';
import { appositiveEnd, isPersonRole, tokenIndexAt } from './speakers-grammar';
import { isPossessive } from './speakers-positions';
import type { Subjects } from './speakers-subjects';
import { staysInClause } from './speakers-terms';

/** Words of a title a sentence may open with before the name ("Justice", "Mr.", "the UN chief"). */
const TITLE_WORDS = 4;

/**
 * Verbs after which the quoted words are someone else's, or said of the subject: refusing or mocking
 * another's words ("rejected the “witch hunt” claims"), the forms of "be" and "get" that make the
 * subject what is described ("was called “a traitor”"), verbs of hearing or reading, and a word's
 * meaning given in marks ("Chandrayaan means “moon craft”", in the languages outlets quote in too).
 */
const NOT_OWN_WORDS = new Set([
  'rejected', 'rejects', 'denied', 'denies', 'dismissed', 'dismisses', 'disputed', 'disputes', 'refuted', 'mocked',
  'mocks', 'ridiculed', 'questioned', 'challenged', 'rebuffed', 'quoted', 'quotes', 'cited', 'cites', 'heard', 'hears',
  'read', 'reads', 'learned', 'learnt', 'was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'gets', 'became',
  'remains', 'remained', 'means', 'meant', 'stands', 'significa', 'signifie', 'bedeutet', 'heißt',
]);

/** The speaker of quote `q` as the person its sentence opens with, or null when the sentence does not open so or another may own the words. */
export function openingPerson(doc: DocumentView, subjects: Subjects, q: QuoteSpan): SpeakerRef | null {
  // A capitalised term is the name of a thing ("the “Inflation Reduction Act”"), nobody's word; a single
  // word in marks ("called off the “review”") is as often the reporter's doubt as the person's word.
  if (q.kind === 'term' && (isUpper(q.text[0] ?? '') || !/[\p{L}\p{N}]\s+[\p{L}\p{N}]/u.test(q.text))) return null;
  const s = doc.sentenceAt(q.outer.start);
  if (!s) return null;
  const toks = s.tokens;
  const qi = tokenIndexAt(toks, q.outer.start);
  const person = openingName(doc, toks, qi);
  if (person < 0) return null;
  const m = doc.mentions[person];
  let v = lastStartingAtOrBefore(toks, m.end - 1) + 1;
  // "Homendy, the NTSB chair, identified": past an appositive of the name.
  if (toks[v]?.text === ',') {
    const close = appositiveEnd(toks, v);
    if (close < 0) return null;
    v = close + 1;
  }
  // "Farrell was called": an auxiliary of the passive is no adverb to pass over.
  while (v < qi && toks[v].kind === 'word' && mayStandBeforeVerb(toks[v].text) && !NOT_OWN_WORDS.has(toks[v].text.toLowerCase())) v++;
  const verb = toks[v];
  if (v >= qi || verb.kind !== 'word' || !/^\p{Ll}/u.test(verb.text) || NOT_OWN_WORDS.has(verb.text.toLowerCase())) return null;
  // "Trump supporters chanted", "Sunak allies described": the name qualifies the people who speak.
  if (isRoleNoun(verb.text) || isPersonRole(verb.text) || PEOPLE.has(verb.text.toLowerCase())) return null;
  if (!staysInClause(doc, toks, v, qi) || !oneClause(toks, v, qi) || !reportsWords(toks, v, qi)) return null;
  // Read as a reporting verb's subject is, but never lent on as an explicit attribution would be.
  return { ...subjects.mentionRef(person, m, 'indirect'), confidence: SUBJECT_OF_SENTENCE };
}

/**
 * The person mention a sentence opens with, perhaps after words of a title or a role phrase closed by a
 * comma ("The UN secretary-general, António Guterres, summed up"); -1 when it opens otherwise, or when
 * the name owns what the sentence is about ("Biden’s aide").
 */
function openingName(doc: DocumentView, toks: readonly Tok[], before: number): number {
  let k = 0;
  while (k < before && k < TITLE_WORDS && toks[k].kind === 'word' && !isUpper(toks[k].text[0] ?? '') && (isRoleModifier(toks[k].text) || isPersonRole(toks[k].text) || /^the$/i.test(toks[k].text))) k++;
  // "The UN secretary-general, António Guterres, …": a role phrase and a comma before the name.
  if (k > 0 && toks[k]?.kind === 'word' && doc.mentionAt(toks[k].start) < 0) {
    let c = k;
    while (c < before && c < k + TITLE_WORDS && toks[c].kind === 'word') c++;
    if (toks[c]?.text === ',') k = c + 1;
  }
  for (let j = k; j < before && j <= k + TITLE_WORDS && toks[j].kind === 'word'; j++) {
    const m = doc.mentionAt(toks[j].start);
    if (m < 0) {
      if (!isUpper(toks[j].text[0] ?? '') && !isPersonRole(toks[j].text)) return -1;
      continue;
    }
    const mention = doc.mentions[m];
    if (mention.type !== 'person' || isPossessive(doc.text, mention)) return -1;
    return m;
  }
  return -1;
}

/** Nouns for people a name may qualify at the head of a sentence, besides the roles of the lexicon. */
const PEOPLE = new Set([
  'supporters', 'allies', 'fans', 'critics', 'voters', 'protesters', 'opponents', 'rivals', 'backers', 'followers',
  'loyalists', 'advisers', 'advisors', 'friends', 'relatives', 'team', 'camp', 'people', 'donors', 'members',
  'party', 'staff', 'campaign', 'family', 'aides', 'officials', 'administration', 'government',
]);

/** Words that open what a verb reports or describes: "that" in the languages read, "as". */
const REPORTED = new Set(['that', 'que', 'dass', 'che', 'as']);
/** Tokens between such a word and the quote, at most ("that this was a “…”"). */
const REPORTED_WITHIN = 4;
/** Tokens from the verb to its "that", at most: the verb's particle or an adverb between ("pointed out that"). */
const THAT_AFTER_VERB = 2;

/**
 * Whether the clause reports or describes words: "that" or "as" opens what the verb at `verb` says,
 * a few words at most before the quote at `quote` ("identified that “…”", "summed up Francis as “…”").
 * Without it the words are as often someone else's in the subject's presence ("watched protesters
 * chant “…”", "received a “hero's welcome”") as the subject's own.
 */
function reportsWords(toks: readonly Tok[], verb: number, quote: number): boolean {
  for (let k = Math.max(verb + 1, quote - REPORTED_WITHIN); k < quote; k++) {
    if (toks[k].kind !== 'word') continue;
    const w = toks[k].text.toLowerCase();
    if (w === 'as') return true;
    // "That" of what the verb reports follows it ("identified that"); one further on opens a relative
    // clause about something else ("signed the bill that critics call “…”").
    if (REPORTED.has(w) && k <= verb + THAT_AFTER_VERB) return true;
  }
  return false;
}

/**
 * Whether no comma between the verb at `verb` and the quote at `quote` closes the clause: a phrase
 * after a comma ("summed the figures, a “tidy profit” in all") is the writer's aside, but a participle
 * carries the subject on ("…, keeping in mind that “…”").
 */
function oneClause(toks: readonly Tok[], verb: number, quote: number): boolean {
  for (let k = verb + 1; k < quote; k++) {
    if (toks[k].text === ',' && !/^\p{Ll}+ing$/u.test(toks[k + 1]?.text ?? '')) return false;
  }
  return true;
}
