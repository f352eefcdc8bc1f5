/**
 * Where a name stands in its sentence, for the pronoun that looks back to it: as an object, as an owner,
 * as an example in a list, or as the subject of a reporting verb.
 */
import type { Span } from '../types';
import { isUpper } from '../text/chars';
import { DocumentView, lastStartingAtOrBefore, type Sentence, type Tok } from './context';
import { DETERMINERS, FOREIGN_ARTICLES, FOREIGN_PREPOSITIONS, isForeignReportingVerb, isRoleModifier, isRoleNoun, PREPOSITIONS, reportingVerb } from './lexicon';
import { agreeing, type Gender, type GenderCue } from './speakers-gender';

/** Whether a name is a possessive ("Brawner Builders' executive vice president"): it qualifies the subject. */
export function isPossessive(text: string, m: Span): boolean {
  return /^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 3));
}

/**
 * Whether a name follows a preposition or a verb taking an object ("met with Wang", "told Xi"), in
 * English or in another language ("avec Macron", "a la futbolista Jenni Hermoso", "a Jenni Hermoso").
 */
export function inObjectPosition(s: Sentence, m: Span): boolean {
  if (PREPOSITIONS.has(wordBefore(s, m))) return true;
  return foreignObject(s, m);
}

/**
 * A name after another language's preposition, its article and a lowercase noun of apposition between
 * ("contra la ministra Yolanda Díaz"), or after the `a` that marks a person as the object in Spanish,
 * Italian and Portuguese, right before the name or before its article ("dio a Jenni Hermoso", "a la
 * futbolista"); in English an `a` there makes the name a modifier ("a Biden aide").
 */
export function foreignObject(s: Sentence, m: Span): boolean {
  const toks = s.tokens;
  let k = lastStartingAtOrBefore(toks, m.start) - 1;
  while (k >= 0 && toks[k].kind === 'word' && isUpper(toks[k].text[0]) && toks[k].end !== toks[k + 1].start) k--;
  const lower = (i: number): string => (i >= 0 && toks[i].kind === 'word' ? toks[i].text.toLowerCase() : '');
  // "la futbolista": a lowercase noun after one of those languages' articles belongs to the name.
  if (lower(k) && !FOREIGN_ARTICLES.has(lower(k)) && /^\p{Ll}/u.test(toks[k].text) && FOREIGN_ARTICLES.has(lower(k - 1)) && lower(k - 1) !== 'a') k--;
  // Right before the name, "a" is the object's mark ("dado a Jenni Hermoso") or makes the name a
  // modifier ("a Biden aide"), but is Portuguese's article when a verb follows the name ("Depois, a
  // Marina Silva respondeu").
  if (lower(k) === 'a') return !verbAfter(toks, lastStartingAtOrBefore(toks, m.end - 1) + 1);
  if (FOREIGN_ARTICLES.has(lower(k))) k--;
  return lower(k) === 'a' || FOREIGN_PREPOSITIONS.has(lower(k));
}

/**
 * Whether a name is only mentioned in passing, as one of a list of examples ("the five passengers,
 * including OceanGate CEO Stockton Rush"): the sentence is about the group, not the person. Unlike
 * the agent of a passive or a verb's object ("led by Capt. Jason Neubauer, who …") or an owner
 * ("Hawley’s disbelief was palpable"), who may well be what the sentence is about.
 */
export function isIncidental(s: Sentence, m: Span): boolean {
  return wordBefore(s, m) === 'including';
}

/**
 * The person who spoke last before sentence `s`: the first person, not an object or an owner, before
 * the first reporting verb of one of the `reach` sentences before it, of the pronoun's gender. Asked
 * when the nearest sentence names people only in passing ("…, including OceanGate CEO Stockton Rush."):
 * a reporter's sentence of background between a speaker's quotes does not change who `he said` is,
 * and news writes `he said` of the one quoted last far more often than of someone named in passing.
 * Null when no one spoke within reach.
 */
export function lastSpeaker(doc: DocumentView, s: Sentence, reach: number, wanted: Gender | null, genderOf: (i: number) => GenderCue | undefined): number | null {
  let p = doc.previousSentence(s);
  for (let n = 0; p && n < reach; n++, p = doc.previousSentence(p)) {
    const sent = p;
    const toks = sent.tokens;
    const verb = toks.findIndex((t) => t.kind === 'word' && reportingVerb(t.text) === 'finite');
    if (verb < 0) continue;
    const before = doc.mentionsIn(sent.start, toks[verb].start).filter((i) => doc.mentions[i].type === 'person');
    const speakers = agreeing(before.filter((i) => !inObjectPosition(sent, doc.mentions[i]) && !isPossessive(doc.text, doc.mentions[i])), wanted, genderOf);
    if (speakers.length > 0) return speakers[0];
  }
  return null;
}

/** The word before a name and its titles and determiners, lower-cased; empty when none. */
function wordBefore(s: Sentence, m: Span): string {
  const toks = s.tokens;
  let k = lastStartingAtOrBefore(toks, m.start) - 1;
  while (k >= 0 && toks[k].kind === 'word' && (isUpper(toks[k].text[0]) || isRoleNoun(toks[k].text) || isRoleModifier(toks[k].text))) {
    if (DETERMINERS.has(toks[k].text.toLowerCase())) break;
    // Two names run together by the page ("FrancisTrump") are two phrases: the first is what stands before.
    if (toks[k].end === toks[k + 1].start) break;
    k--;
  }
  while (k >= 0 && toks[k].kind === 'word' && DETERMINERS.has(toks[k].text.toLowerCase())) k--;
  return k >= 0 && toks[k].kind === 'word' ? toks[k].text.toLowerCase() : '';
}

/**
 * Whether the word at `k` is the verb of a clause whose subject ends before it: a reporting verb of
 * another language, or a Portuguese, Spanish or Italian past ("respondeu", "afirmó", "disse").
 */
function verbAfter(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'word' || !/^\p{Ll}/u.test(t.text)) return false;
  return isForeignReportingVerb(t.text) || /(?:ou|eu|iu|ó|ió|ò)$/u.test(t.text);
}
