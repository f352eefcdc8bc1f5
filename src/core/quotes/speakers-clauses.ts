/**
 * Speakers a clause names away from the place right before its verb: the person a relative `who`
 * stands for, the name in apposition after a role ("Meta’s finance chief, Susan Li, told investors"), the person another's words moved to speak
 * ("prompting Vance to reply that"), the subject of a contrasting clause ("…, while Zakharova praised
 * Trump, calling it"), and the owner of words a possessive names ("Blair’s 1997 “new dawn” speech").
 * `speakers.ts` and `speakers-subjects.ts` ask these before reading the words before the verb.
 */
import type { QuoteSpan, SpeakerRef, Span } from '../types';
import type { DocumentView, Sentence, Tok } from './context';
import { isGivenName } from './given-names';
import { isNamingVerb, isRoleNoun, mayStandBeforeVerb } from './lexicon';
import { enclosingParenthetical, isPersonRole, subjectWord, tokenIndexAt } from './speakers-grammar';
import type { Subjects } from './speakers-subjects';

type Via = SpeakerRef['via'];

/**
 * `The company’s chief executive, Jane Doe, said`: the comma-bounded aside toks[open+1..close-1] is
 * exactly one person's name and the words before it end in a role, so the name is the subject.
 */
export function nameInApposition(doc: DocumentView, subjects: Subjects, toks: readonly Tok[], open: number, close: number, via: Via): SpeakerRef | null {
  const role = toks[open - 1];
  if (open <= 0 || !role || role.kind !== 'word' || !(isRoleNoun(role.text) || isPersonRole(role.text)) || close <= open + 1) return null;
  const m = doc.mentionAt(toks[open + 1].start);
  return m >= 0 && doc.mentions[m].type === 'person' && doc.mentions[m].end === toks[close - 1].end ? subjects.mentionRef(m, doc.mentions[m], via) : null;
}

/** `Minal Pathak, a scientist, who warned …`: `who` stands for the person named just before it. */
export function relativeSubject(doc: DocumentView, subjects: Subjects, toks: readonly Tok[], who: number, via: Via): SpeakerRef | null {
  const from = toks[Math.max(0, who - 12)].start;
  const people = doc.mentionsIn(from, toks[who].start).filter((i) => doc.mentions[i].type === 'person');
  const m = people[people.length - 1];
  return m === undefined ? null : { ...subjects.mentionRef(m, doc.mentions[m], via), span: { start: toks[who].start, end: toks[who].end } };
}

/** Verbs whose object is moved to act, so `prompting X to reply` has X reply. */
const MOVING = new Set([
  'prompting', 'prompted', 'leading', 'led', 'forcing', 'forced', 'causing', 'caused', 'spurring', 'spurred',
  'pushing', 'pushed', 'provoking', 'provoked', 'compelling', 'compelled', 'driving', 'drove',
]);

/**
 * `…, prompting Vance to reply that …`, `which led the judge to warn`: the subject of a reporting verb
 * after `to` (at `to`) is the object of a verb that moved them to speak, not the sentence's subject.
 */
export function movedToSpeak(subjects: Subjects, toks: readonly Tok[], to: number, via: Via): SpeakerRef | null {
  let b = to;
  while (b - 1 >= 0 && b > to - 6 && toks[b - 1].kind === 'word' && !MOVING.has(toks[b - 1].text.toLowerCase()) && subjectWord(toks[b - 1], false)) b--;
  const verb = toks[b - 1];
  if (b === to || !verb || verb.kind !== 'word' || !MOVING.has(verb.text.toLowerCase())) return null;
  return subjects.subjectEndingAt(toks, b, to - 1, via);
}

/** Conjunctions opening a clause of its own subject that a later participle belongs to. */
const CONTRASTING = new Set(['while', 'whereas', 'whilst']);

/**
 * `Medvedev mocked Zelenskyy, while Zakharova praised Trump, calling it …`: a participle (or an elided
 * verb) after `, while X …` belongs to X, the subject of that clause, not to the sentence's first.
 */
export function contrastSubject(subjects: Subjects, s: Sentence, verb: number, reach: number, via: Via): SpeakerRef | null {
  const toks = s.tokens;
  for (let k = verb - 2; k >= 1 && k >= verb - reach; k--) {
    const t = toks[k];
    if (t.kind === 'quote' || t.text === ';') return null;
    // The comma may close a quote before it: "mocked him as an “insolent pig,” while …".
    const comma = toks[k - 1].text === ',' || (toks[k - 1].kind === 'quote' && /,\W*$/.test(toks[k - 1].text));
    if (t.kind !== 'word' || !CONTRASTING.has(t.text.toLowerCase()) || !comma) continue;
    let e = k + 1;
    while (e < verb && toks[e].kind === 'word' && subjectWord(toks[e], e === k + 1)) e++;
    // The clause needs a verb of its own between its subject and the participle.
    return e > k + 1 && e < verb - 1 ? subjects.subjectAfter(toks, k + 1, via) : null;
  }
  return null;
}

/** How many words (a year, an adjective) may stand between a possessive and the words it owns. */
const OWNER_GAP = 2;

/** Nouns for a speech or a line remembered by its words ("the “I have a dream” speech"). */
const OWNED_NOUNS = new Set(['speech', 'address', 'slogan', 'pledge', 'promise', 'vow', 'mantra', 'catchphrase', 'motto', 'refrain', 'declaration']);

/**
 * `Tony Blair’s 1997 “new dawn” speech`, `Obama’s “yes we can” address`: a person's possessive
 * before words of at least two followed by a noun for a speech or a line makes the words that
 * person's. One word, or words opening with an adverb (`Biden’s “rambling” speech`, `his “deeply
 * divisive” address`), describe the speech, in a critic's words as often as not: left to other rules.
 */
export function ownedWords(doc: DocumentView, subjects: Subjects, q: QuoteSpan): SpeakerRef | null {
  const s = doc.sentenceAt(q.outer.start);
  if (!s) return null;
  const toks = s.tokens;
  const qi = tokenIndexAt(toks, q.outer.start);
  const noun = toks[qi + 1];
  if (!noun || noun.kind !== 'word' || !OWNED_NOUNS.has(noun.text.toLowerCase())) return null;
  const first = /^\s*([\p{L}'’-]+)\s+\S/u.exec(q.text);
  if (!first || /ly$/i.test(first[1])) return null;
  for (let k = qi - 1; k >= 0 && k >= qi - 1 - OWNER_GAP && toks[k].kind === 'word'; k--) {
    if (!/['’]s?$/.test(toks[k].text)) continue;
    const m = doc.mentionAt(toks[k].start);
    return m >= 0 && doc.mentions[m].type === 'person' ? subjects.mentionRef(m, doc.mentions[m], 'indirect') : null;
  }
  return null;
}

/** Prepositions that may tie a place or body to a group before its verb ("Prosecutors in South Carolina reacted"). */
const GROUP_TIES = new Set(['in', 'for', 'from', 'at']);

/**
 * `Prosecutors in South Carolina reacted …, telling a cheering crowd:`: a group opening the sentence
 * (a plural role, "prosecutors", "officials", "lawyers") is the subject of its participle, not a person
 * named later in an object. The group as written, or null when the sentence opens otherwise.
 */
export function groupLead(subjects: Subjects, toks: readonly Tok[], verb: number, via: Via): SpeakerRef | null {
  const b = /^(?:the|but|and)$/i.test(toks[0]?.text ?? '') ? 1 : 0;
  let e = b;
  while (e + 1 < verb && e - b < 4 && toks[e + 1].kind === 'word' && subjectWord(toks[e + 1], false)) e++;
  const w = toks[e]?.kind === 'word' ? toks[e].text.toLowerCase() : '';
  if (!w.endsWith('s') || !isRoleNoun(w.slice(0, -1)) || !subjectWord(toks[b], true)) return null;
  let v = e + 1;
  if (GROUP_TIES.has(toks[v]?.text ?? '')) while (v + 1 < verb && toks[v + 1].kind === 'word' && /^\p{Lu}/u.test(toks[v + 1].text)) v++;
  if (v > e + 1) v++;
  const next = toks[v];
  if (!next || next.kind !== 'word' || v >= verb || !/^\p{Ll}/u.test(next.text) || GROUP_TIES.has(next.text) || /^(?:and|or|who|of|to|with|by)$/.test(next.text)) return null;
  return subjects.subjectEndingAt(toks, b, e, via);
}

/** Objects a naming verb may take between it and the words it names ("called it “…”"). */
const NAMED_OBJECTS = new Set(['it', 'this', 'that', 'them', 'him', 'her']);

/**
 * `Wilson hailed “a great day for the people of South Carolina”`, `called it “a disgrace to the
 * office”`: a statement a naming verb right before it (or its pronoun object) gives to the verb's
 * subject. Not a participle, not "they", not a place.
 */
export function namedRightBefore(doc: DocumentView, subjects: Subjects, q: QuoteSpan): SpeakerRef | null {
  const s = doc.sentenceAt(q.outer.start);
  if (!s) return null;
  const toks = s.tokens;
  let v = tokenIndexAt(toks, q.outer.start) - 1;
  if (NAMED_OBJECTS.has(toks[v]?.text.toLowerCase() ?? '')) v--;
  else v = beforeNamedObject(doc, toks, v);
  const t = toks[v];
  if (!t || t.kind !== 'word' || !isNamingVerb(t.text, toks[v + 1]?.text) || t.text.endsWith('ing')) return null;
  const e = namingSubjectEnd(doc, toks, v);
  if (!toks[e] || toks[e].kind !== 'word' || toks[e].text.toLowerCase() === 'they') return null;
  const ref = subjects.subjectEndingAt(toks, 0, e, 'indirect');
  return ref && !(ref.mention !== null && doc.mentions[ref.mention].type === 'place') ? ref : null;
}

/**
 * Where the subject of a naming verb at token `v` ends: before the adverbs between them ("rightly
 * called"), and at a name set off by commas ("The UN secretary-general, António Guterres, summed up
 * Francis as …").
 */
export function namingSubjectEnd(doc: DocumentView, toks: readonly Tok[], v: number): number {
  let e = v - 1;
  while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) {
    // "Johnson was derided as “a clown” by critics": the passive's subject is who was named, not who named.
    if (BE_FORMS.has(toks[e].text.toLowerCase())) return -1;
    e--;
  }
  if (toks[e]?.text !== ',') return e;
  if (inApposition(doc, toks, e - 1)) return e - 1;
  // "Lee, who narrowly lost to Yoon in 2022, called …": the aside between the namer and the verb.
  const aside = enclosingParenthetical(toks, e);
  return aside && aside.close === e ? aside.open - 1 : e;
}

/** Forms of "be" that make a naming verb's participle a passive. */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Whether the name of a person or body ends at token `e`, a comma right before it, as in "the bank's chief, Jane Fraser,". */
function inApposition(doc: DocumentView, toks: readonly Tok[], e: number): boolean {
  const t = toks[e];
  if (!t || t.kind !== 'word') return false;
  const m = doc.mentionAt(t.start);
  if (m < 0 || doc.mentions[m].type === 'place' || doc.mentions[m].end !== t.end) return false;
  return toks[tokenIndexAt(toks, doc.mentions[m].start) - 1]?.text === ',';
}

/**
 * `Trump called Biden “the worst president …”`: the token before a name the naming verb takes as its
 * object, the name ending right before the quote; else `v` itself. A name of a person or body only.
 */
function beforeNamedObject(doc: DocumentView, toks: readonly Tok[], v: number): number {
  const t = toks[v];
  if (!t || t.kind !== 'word') return v;
  const m = doc.mentionAt(t.start);
  if (m < 0 || doc.mentions[m].type === 'place' || doc.mentions[m].end !== t.end) return v;
  let k = v;
  while (k > 0 && toks[k - 1].start >= doc.mentions[m].start) k--;
  return k - 1;
}

/** How many sentences back, its own included, `they` looks for two people opening a sentence. */
const PAIR_REACH = 3;

/**
 * `Dick Harpootlian and Jim Griffin told reporters … which they said “will take a while.”`: with no
 * group named for it, `they` stands for the two people who are the subject of a sentence just before,
 * named together as one speaker. Only two names joined by "and" opening the sentence, a verb after.
 */
export function pairBefore(doc: DocumentView, subjects: Subjects, t: Span): SpeakerRef | null {
  let s = doc.sentenceAt(t.start);
  for (let n = 0; s && n < PAIR_REACH; n++, s = doc.previousSentence(s)) {
    const pair = pairOpening(doc, subjects, s, t);
    if (pair) return pair;
  }
  return null;
}

/**
 * The two people sentence `s` opens with, joined by "and", a verb after them, as one speaker for `t`:
 * two names, or a given name and a full name sharing its surname ("Bill and Hillary Clinton", "Bill
 * Clinton and Hillary"), as news names a couple. Null when the sentence opens otherwise.
 */
export function pairOpening(doc: DocumentView, subjects: Subjects, s: Sentence, t: Span): SpeakerRef | null {
  const toks = s.tokens;
  if (s.start >= t.start) return null;
  let b = /^(?:but|and|so)$/i.test(toks[0]?.text ?? '') ? 1 : 0;
  // "Former President Bill Clinton and Hillary": a title before the first name belongs to it.
  while (b < toks.length - 1 && toks[b].kind === 'word' && doc.mentionAt(toks[b].start) < 0 && /^\p{Lu}/u.test(toks[b].text) && isPersonRole(toks[b + 1]?.text ?? '')) b += 2;
  const a = doc.mentionAt(toks[b]?.start ?? -1);
  const givenFirst = a < 0 && isGiven(toks[b]) && toks[b + 1]?.text === 'and';
  if (!givenFirst && (a < 0 || doc.mentions[a].type !== 'person')) return null;
  const and = givenFirst ? b + 1 : tokenIndexAt(toks, doc.mentions[a].end - 1) + 1;
  if (toks[and]?.text !== 'and') return null;
  const c = doc.mentionAt(toks[and + 1]?.start ?? -1);
  let second: string;
  let after: Tok | undefined;
  if (c >= 0 && doc.mentions[c].type === 'person' && doc.mentions[c].start < t.start) {
    if (givenFirst && !/\s/.test(doc.mentions[c].text)) return null;
    second = subjects.mentionRef(c, doc.mentions[c], 'pronoun').name;
    after = toks[tokenIndexAt(toks, doc.mentions[c].end - 1) + 1];
  } else if (!givenFirst && c < 0 && isGiven(toks[and + 1]) && /\s/.test(doc.mentions[a].text)) {
    second = `${toks[and + 1].text} ${doc.mentions[a].text.split(/\s+/).pop()}`;
    after = toks[and + 2];
  } else {
    return null;
  }
  // A verb after them, or an aside about them ("Bill Clinton and Hillary — who … — praised").
  if (!after || !((after.kind === 'word' && /^\p{Ll}/u.test(after.text)) || '—–,'.includes(after.text))) return null;
  const first = givenFirst ? toks[b].text : subjects.mentionRef(a, doc.mentions[a], 'pronoun').name;
  return { name: `${first} and ${second}`, span: { start: t.start, end: t.end }, mention: null, via: 'pronoun' };
}

function isGiven(t: Tok | undefined): boolean {
  return t?.kind === 'word' && isGivenName(t.text);
}
