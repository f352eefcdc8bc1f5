/**
 * The grammar the speaker attribution reads around a quote: subject words, reporting verbs,
 * appositives and asides, in a sentence's tokens (`speakers.ts` uses it).
 */
import type { Paragraph, QuoteSpan, SpeakerRef } from '../types';
import { isUpper } from '../text/chars';
import { lastStartingAtOrBefore, type Tok } from './context';
import { isDocumentNoun } from './speakers-documents';
import { DETERMINERS, HEAD_ROLES, isFiniteMarker, isForeignReportingVerb, isRoleModifier, isRoleNoun, NOT_SPEAKERS, PERSON_PRONOUNS, reportingVerb, SPEAKING_BODIES, TITLE_ABBREVIATIONS, TITLE_NOUNS } from './lexicon';

/** Words allowed after the verb of an attribution that ends a sentence ("told reporters on Friday"). */
const MAX_TAIL = 6;

/** A word that can belong to a speaker phrase: a name, a determiner, a role or what qualifies one. */
export function subjectWord(t: Tok, first: boolean): boolean {
  const w = t.text;
  const lower = w.toLowerCase();
  if (first && (PERSON_PRONOUNS.has(lower) || lower === 'they')) return true;
  // "WHO" and "IT" in capitals are a body and a trade, not the pronouns.
  if (isUpper(w[0])) return !NOT_SPEAKERS.has(lower) || DETERMINERS.has(lower) || isAcronym(w);
  return DETERMINERS.has(lower) || isRoleNoun(w) || isRoleModifier(w) || /['’]s$/.test(w) || lower === 'of';
}

/** A remark carried on from an earlier attribution, no surer than `at most`. */
export function carried(ref: SpeakerRef, atMost: number): SpeakerRef {
  return { ...ref, via: 'continuation', confidence: Math.min(ref.confidence ?? atMost, atMost) };
}

/** Role nouns that name a person, not a body ("minister", not "ministry"). */
const BODIES = new Set([
  'administration', 'government', 'ministry', 'department', 'embassy', 'agency', 'office', 'police', 'military', 'army',
  'kremlin', 'commission', 'council', 'committee', 'court', ...SPEAKING_BODIES,
]);

export function isPersonRole(word: string): boolean {
  const w = roleWord(word);
  if (BODIES.has(w) || /^(?:source|sources|man|woman)$/.test(w)) return false;
  if (!(isRoleNoun(w) || TITLE_NOUNS.has(w) || HEAD_ROLES.has(w))) return false;
  // Plurals stand for groups ("officials"), never one person introduced before.
  return !(w.endsWith('s') && isRoleNoun(w.slice(0, -1))) && !/(?:men|people)$/.test(w);
}

/** A word of a role or title as compared: lower case, stop and possessive dropped, abbreviation spelt out. */
export function roleWord(word: string): string {
  const w = word.toLowerCase().replace(/['’]s?$/, '').replace(/\.$/, '');
  return TITLE_ABBREVIATIONS[w] ?? w;
}

/**
 * The reporting verb at token `v`, with the index of its first word: a reporting verb, or a phrase
 * doing its work ("made it clear", "made clear", "pointed out").
 */
export function reportingAt(toks: readonly Tok[], v: number, titled = false): { form: 'finite' | 'ing'; first: number } | null {
  const t = toks[v];
  // Past either end of the sentence: a caller looking a word or two ahead of a comma at its end.
  if (t?.kind !== 'word') return null;
  // "Asegura que …", "Diz que …": another language's verb opening its sentence, its subject left out.
  const opening = v === 0 && isForeignReportingVerb(t.text.toLowerCase()) ? 'finite' : null;
  const form = reportingVerb(t.text) ?? (titled ? reportingVerb(t.text.toLowerCase()) : null) ?? opening;
  if (form) return { form, first: v };
  // "…“, so Biden.", "so Biden: „…“": German's "according to", before a name that ends its clause.
  // German sets the comma after the closing mark („…“, so Biden); else the sentence must read as German.
  if (t.text === 'so' && toks[v - 1]?.text === ',' && nameEndsClause(toks, v + 1) && (toks[v - 2]?.kind === 'quote' || toks.some((w) => w.kind === 'word' && GERMAN_WORDS.has(w.text)))) {
    return { form: 'finite', first: v };
  }
  const w = t.text.toLowerCase();
  if (w === 'clear' || w === 'plain') {
    let m = v - 1;
    if (toks[m]?.text.toLowerCase() === 'it') m--;
    const make = toks[m]?.text;
    if (make === 'made' || make === 'make' || make === 'makes') return { form: 'finite', first: m };
    if (make === 'making') return { form: 'ing', first: m };
  }
  if (w === 'out') {
    const point = toks[v - 1]?.text;
    if (point === 'pointed' || point === 'points') return { form: 'finite', first: v - 1 };
    if (point === 'pointing') return { form: 'ing', first: v - 1 };
  }
  const verb = PHRASAL_REPLIES.get(w)?.get(toks[v - 1]?.text ?? '');
  if (verb) return { form: verb, first: v - 1 };
  // "the ruling reads", "the opinion states": a document's words, in the present of its page.
  if (DOCUMENT_VERBS.has(w) && v > 0 && isDocumentNoun(toks[v - 1].text)) return { form: 'finite', first: v };
  return null;
}

/** Small words of German, which tell a German sentence (where "so" names a source) from an English one. */
const GERMAN_WORDS = new Set(['der', 'die', 'das', 'und', 'ist', 'sei', 'sind', 'nicht', 'ein', 'eine', 'mit', 'für', 'auf', 'dass', 'wir', 'ich', 'sich', 'werden', 'wird', 'hat', 'habe', 'haben', 'auch', 'noch', 'müsse', 'werde']);

/** Whether one to three capitalised words from `k` end the clause: a name, then a comma, a stop, a colon or nothing. */
function nameEndsClause(toks: readonly Tok[], k: number): boolean {
  let e = k;
  while (e < toks.length && e < k + 3 && toks[e].kind === 'word' && /^\p{Lu}/u.test(toks[e].text)) e++;
  if (e === k) return false;
  const next = toks[e];
  return !next || (next.kind === 'punct' && ',.:;'.includes(next.text));
}

/** Verbs that report a document's words after its noun only, being nouns or other verbs elsewhere. */
const DOCUMENT_VERBS = new Set(['reads', 'read', 'states']);

/**
 * Verbs that report a reply or a contribution with their particle ("shot back", "fired back", "hit
 * back", "pushed back", "snapped back", "chimed in", "weighed in"): the particle makes them speech.
 */
const PHRASAL_REPLIES: ReadonlyMap<string, ReadonlyMap<string, 'finite' | 'ing'>> = (() => {
  const forms = (list: string): Map<string, 'finite' | 'ing'> =>
    new Map(list.split(' ').map((x) => [x, x.endsWith('ing') ? 'ing' : 'finite'] as [string, 'finite' | 'ing']));
  return new Map([
    ['back', forms('shot shoots shooting fired fires firing hit hits hitting pushed pushes pushing snapped snaps snapping wrote writes writing')],
    ['in', forms('chimed chimes chiming weighed weighs weighing')],
  ]);
})();

/**
 * Where a short aside between a subject and its verb opens ("Hawley, visibly incredulous, shot back"),
 * given the comma closing it: the index of the comma opening it, or -1. At most a few words with no
 * verb of their own, after a word that can end a subject.
 */
export function asideOpening(toks: readonly Tok[], close: number): number {
  for (let k = close - 1; k >= 0 && k >= close - MAX_ASIDE - 1; k--) {
    const t = toks[k];
    if (t.text === ',') return k < close - 1 && toks[k - 1]?.kind === 'word' ? k : -1;
    if (t.kind !== 'word' || reportingVerb(t.text) || isFiniteMarker(t.text) || t.text.toLowerCase() === 'that') return -1;
  }
  return -1;
}

/** How many words an aside between a subject and its verb may have. */
const MAX_ASIDE = 5;

/**
 * Where an aside describing the speaker ends (", executive vice president of Brawner Builders,"), or
 * -1: the words up to the next comma are a role phrase.
 */
export function appositiveEnd(toks: readonly Tok[], comma: number): number {
  let role = false;
  for (let k = comma + 1; k < toks.length && k <= comma + 12; k++) {
    const t = toks[k];
    if (t.text === ',') return role && k > comma + 1 ? k : -1;
    if (t.kind !== 'word') return -1;
    if (isPersonRole(t.text)) role = true;
    else if (!(isUpper(t.text[0]) || isRoleModifier(t.text) || /^(?:of|for|at|and|the)$/.test(t.text) || /['’]s$/.test(t.text))) return -1;
  }
  return -1;
}

/** Words opening an aside between a speaker and the verb ("Xi, who met Blinken, said"). */
const ASIDES = new Set(['who', 'however', 'though', 'meanwhile', 'too', 'also', 'speaking', 'in', 'for', 'at', 'asked']);

/**
 * Where an aside opened by the comma at `comma` ends: the index of its closing comma, or -1 when the
 * comma opens no aside.
 */
export function parentheticalEnd(toks: readonly Tok[], comma: number): number {
  const next = toks[comma + 1];
  if (!next || next.kind !== 'word' || !ASIDES.has(next.text.toLowerCase())) return -1;
  for (let k = comma + 2; k < toks.length && k <= comma + PARENTHETICAL_REACH; k++) {
    if (toks[k].text === ',') return k;
    if (toks[k].kind !== 'word' && toks[k].text !== '-' && toks[k].text !== '’') return -1;
  }
  return -1;
}

/** Tokens from an aside's opening comma to its closing one, at most. */
const PARENTHETICAL_REACH = 20;

/**
 * The aside (see `parentheticalEnd`) that token `at` lies in or closes: the commas opening and closing
 * it, or null. Only the nearest comma before `at` can open it, as any other would close at that one.
 */
export function enclosingParenthetical(toks: readonly Tok[], at: number): { readonly open: number; readonly close: number } | null {
  for (let c = at - 1; c >= 0 && c >= at - PARENTHETICAL_REACH; c--) {
    if (toks[c].text !== ',') continue;
    const close = parentheticalEnd(toks, c);
    return close >= at ? { open: c, close } : null;
  }
  return null;
}

/** After a reporting verb: at most a few words, no new clause, then the end of the sentence. */
export function endsClause(toks: readonly Tok[], from: number, maxTail = MAX_TAIL): boolean {
  // "…, Trump said after the president said he was dropping out": a clause of time or reason, however long.
  const when = toks[from]?.kind === 'word' && CLAUSE_OF_TIME.has(toks[from].text.toLowerCase());
  // In a clause of time, a "that" after a verb of its own ("after the president said that he …") is its own.
  let reported = false;
  let words = 0;
  for (let k = from; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'quote') return false;
    if (t.kind === 'punct') {
      if ('.!?'.includes(t.text)) return true;
      if (t.text === ':') return false;
      continue;
    }
    // A clause of time may run on ("after a meeting that ran late"), but "…, said as the results came in
    // that …" reports more: a "that" after a verb's particle or a verb of saying opens what was said.
    if (t.text.toLowerCase() === 'that' && (!when || (!reported && opensReport(toks[k - 1])))) return false;
    if (when && reportingVerb(t.text)) reported = true;
    if (++words > (when ? MAX_TIME_TAIL : maxTail)) return false;
  }
  return true;
}

/** Words a clause of time or reason after the verb may take: a sentence's worth. */
const MAX_TIME_TAIL = 60;

/** Whether "that" after this token opens reported words: after a particle ("came in that") or a verb of saying. */
function opensReport(t: Tok | undefined): boolean {
  return t?.kind === 'word' && (/^(?:in|out|up|on|back|down|over)$/.test(t.text) || reportingVerb(t.text) !== null);
}

/** Words opening a clause of time or reason after a reporting verb, which says nothing more is quoted. */
const CLAUSE_OF_TIME = new Set(['after', 'before', 'when', 'while', 'as', 'since', 'because', 'shortly', 'hours', 'moments', 'minutes', 'days']);

/** Whether the words between a reporting verb and a quote open a clause the quote belongs to. */
export function introducesClause(between: readonly Tok[]): boolean {
  return between.some((t) => t.kind === 'word' && (t.text.toLowerCase() === 'that' || isFiniteMarker(t.text)));
}

/** Index of the token containing or starting before `offset`. */
export function tokenIndexAt(toks: readonly Tok[], offset: number): number {
  return Math.max(0, lastStartingAtOrBefore(toks, offset));
}

/** A list marker a paragraph may open with before its first words ("- ", "• ", "* ", "1. ", "2) "). */
const LIST_MARKER = /^[ \t]*(?:[-–—•*·▪►]|\d{1,2}[.)])[ \t]+$/u;

/** Whether a quote opens its paragraph, after at most a list marker (a bullet of key quotes). */
export function opensParagraph(text: string, para: Paragraph, q: QuoteSpan): boolean {
  return opensAt(text, para, q.outer.start);
}

/** Whether a quotation mark at `start` opens the paragraph, after a list marker if any. */
export function opensAt(text: string, para: Paragraph, start: number): boolean {
  return start === para.start || (start > para.start && start - para.start <= 6 && LIST_MARKER.test(text.slice(para.start, start)));
}

/**
 * Whether a sentence is written in title case, as headlines are ("‘Era Of Global Boiling’ Warns UN
 * Chief"): every longer word outside the quotes is capitalised, so a capitalised word may be a verb.
 */
export function isTitleCase(toks: readonly Tok[]): boolean {
  let known = titleCased.get(toks);
  if (known === undefined) titleCased.set(toks, (known = readTitleCase(toks)));
  return known;
}

/**
 * Whether each sentence is in title case, by its tokens: every quote of a sentence asks, and a
 * sentence may hold thousands of quotes, so reading it once per quote would be quadratic.
 */
const titleCased = new WeakMap<readonly Tok[], boolean>();

function readTitleCase(toks: readonly Tok[]): boolean {
  let words = 0;
  for (const t of toks) {
    if (t.kind !== 'word' || !/^\p{L}/u.test(t.text)) continue;
    words++;
    if (t.text.length >= 4 && !isUpper(t.text[0])) return false;
  }
  return words >= 3;
}

/** The comma closing a short aside opened at `open` that a reporting verb follows ("Hawley, visibly incredulous, shot back"), or -1. */
export function shortAsideEnd(toks: readonly Tok[], open: number): number {
  for (let k = open + 2; k < toks.length && k <= open + 6; k++) {
    if (toks[k].text !== ',') continue;
    const verb = reportingAt(toks, k + 1) ?? reportingAt(toks, k + 2);
    return asideOpening(toks, k) === open && verb?.form === 'finite' && verb.first === k + 1 ? k : -1;
  }
  return -1;
}

/**
 * Whether the subject of the verb at `first` cannot be read and an earlier reporting verb may govern
 * its clause ("Scholz said leaders in Paris agreed that “…”").
 */
export function embedded(toks: readonly Tok[], first: number, reach: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - reach; k--) {
    if (toks[k].kind === 'quote') return false;
    if (reportingAt(toks, k)) return true;
  }
  return false;
}

/**
 * Where the source named by a phrase of attribution at toks[k] begins: after "according to" or "in the
 * words of" ("It was, in the words of Matthew Bartlett, “…”"), both of which give the words that
 * follow or surround them to the source they name; -1 when no such phrase opens at k.
 */
export function sourcePhraseEnd(toks: readonly Tok[], k: number): number {
  const w = (i: number): string => toks[i]?.text.toLowerCase() ?? '';
  if (w(k) === 'according' && w(k + 1) === 'to') return k + 2;
  if (w(k) === 'in' && w(k + 1) === 'the' && w(k + 2) === 'words' && w(k + 3) === 'of') return k + 4;
  return -1;
}

/** Conjunctions and prepositions that open a clause or phrase before the main clause of a sentence. */
const SUBORDINATORS = new Set(['as', 'when', 'while', 'after', 'before', 'although', 'though', 'since', 'if', 'despite', 'unlike', 'once', 'until', 'because']);

/** Conjunctions a sentence may open with before its opening clause ("But, after …, Ten Hag struck"). */
const LEADING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so']);

/**
 * The offset where a sentence's opening subordinate clause ends ("When Zelenskyy tried to respond,
 * Trump interrupted": at its first comma), or -1 when the sentence does not open with one. The subject
 * of such a clause is not the subject of the sentence's main verb. A leading conjunction, with or
 * without its comma, is passed over ("But, after becoming the first manager since Ferguson to …, Ten
 * Hag struck").
 */
export function openingClauseEnd(toks: readonly Tok[]): number {
  let b = 0;
  if (toks[b]?.kind === 'word' && LEADING_CONJUNCTIONS.has(toks[b].text.toLowerCase())) b++;
  if (b > 0 && toks[b]?.text === ',') b++;
  const first = toks[b];
  if (!first || first.kind !== 'word' || !SUBORDINATORS.has(first.text.toLowerCase())) return -1;
  for (let k = b + 1; k < toks.length && k < b + 30; k++) if (toks[k].text === ',') return toks[k].start;
  return -1;
}

/** Whether a word after a quote opens a new clause, whose verb reports other words than the quote's. */
export function opensNewClause(word: string): boolean {
  return /^(?:after|before|when|while|because|if|since|until|although|though|once|unless|whereas)$/i.test(word);
}

/**
 * Whether toks[k] is "as" opening the complement the quote at `quote` finishes ("mocked Zelenskyy as an
 * “insolent pig”"), with at most an article between: the verb's clause goes on, no new one opens.
 */
export function complementAs(toks: readonly Tok[], k: number, quote: number): boolean {
  return toks[k].text.toLowerCase() === 'as' && quote - k <= 2 && (quote - k === 1 || /^(?:a|an|the)$/i.test(toks[k + 1].text));
}

/** An age for a person named before ("the 61-year-old"). */
export const AGE = /^\d{1,3}-year-old$/;

/** Whether toks[b..b+1] is "the 54-year-old", an age standing for a person the article named. */
export function isAgePhrase(toks: readonly Tok[], b: number): boolean {
  return /^the$/i.test(toks[b]?.text ?? '') && AGE.test(toks[b + 1]?.text ?? '');
}

/** How many tokens into a sentence its main clause's subject is looked for. */
const LEAD_REACH = 40;

/** Words after a noun phrase that carry the phrase on rather than give it a verb ("the mayor and", "the president who"). */
const NO_VERB = new Set(['and', 'or', 'nor', 'but', 'who', 'whom', 'whose', 'which', 'that', 'of', 'to', 'in', 'at', 'on', 'for', 'from', 'with', 'by']);

/**
 * Where a sentence's main clause has a role or he/she for its subject, not a name: at its start ("The
 * Labour leader spoke", "But he issued"), or after an opening phrase set off by a comma ("Speaking in
 * London, the next prime minister said", "Once the shouting subsided, the American president
 * shifted", "Amid rumours of his sacking, the 54-year-old addressed his future"). The phrase is a person's role (or the pronoun) with a lower-case word after it that can
 * be its verb; the first and last index of the phrase, or null. `opensWithSubject` says whether the
 * sentence's first words are already a subject (a name), after which no later phrase is its subject.
 */
export function leadPhrase(toks: readonly Tok[], opensWithSubject: boolean): { first: number; last: number } | null {
  const starts = [/^(?:but|and|yet|so)$/i.test(toks[0]?.text ?? '') ? 1 : 0];
  if (!opensWithSubject) for (let k = 1; k < toks.length && k < LEAD_REACH; k++) if (toks[k].text === ',') starts.push(k + 1);
  for (const b of starts) {
    const t = toks[b];
    if (!t || t.kind !== 'word') continue;
    let e = b;
    if (isAgePhrase(toks, b)) e = b + 1;
    else if (!PERSON_PRONOUNS.has(t.text.toLowerCase())) {
      while (e + 1 < toks.length && e - b < 8 && toks[e + 1].kind === 'word' && subjectWord(toks[e + 1], false)) e++;
      if (!isPersonRole(toks[e].text) || !subjectWord(t, true)) continue;
    }
    // "The Microsoft CEO, however, clarified": an aside between the subject and its verb.
    const aside = toks[e + 1]?.text === ',' ? parentheticalEnd(toks, e + 1) : -1;
    const verb = toks[aside >= 0 ? aside + 1 : e + 1];
    if (verb?.kind === 'word' && !isUpper(verb.text[0]) && /^\p{L}/u.test(verb.text) && !NO_VERB.has(verb.text.toLowerCase())) return { first: b, last: e };
  }
  return null;
}

/**
 * A word of two or more capitals and nothing else ("WHO", "NTSB", "IT"): a body's name, never the
 * function word, but for the joining words a headline in capitals prints so ("AND", "BUT", "IF").
 */
export function isAcronym(w: string): boolean {
  return w.length >= 2 && /^\p{Lu}+$/u.test(w) && !CAPITAL_FUNCTION_WORDS.has(w);
}

const CAPITAL_FUNCTION_WORDS = new Set(['AND', 'BUT', 'IF', 'OR', 'SO', 'AS', 'AT', 'IN', 'ON', 'OF', 'TO', 'THE', 'AN', 'BY', 'FOR', 'WHEN', 'THEN', 'THAT', 'THIS', 'WE', 'YOU', 'THEY', 'HE', 'SHE']);
