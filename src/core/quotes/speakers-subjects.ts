import type { RawMention, SpeakerRef, Span } from '../types';
import { isUpper } from '../text/chars';
import { EPITHET_ROLE, PRINCIPAL_ROLE, ROLE_ONLY, ROLE_RESOLVED, THE_SPEAKER, UNRECOGNISED_NAME } from './confidence';
import { DocumentView, lastStartingAtOrBefore, type Sentence, type Tok } from './context';
import { DETERMINERS, FOREIGN_ARTICLES, FOREIGN_PERSON_PRONOUNS, GENERATION, isForeignReportingVerb, isForeignThat, isNamingVerb, isRoleModifier, isRoleNoun, LOOSE_ROLE_WORDS, mayStandBeforeVerb, NOT_DEFINITE, NOT_SPEAKERS, PERSON_PRONOUNS, reportingVerb, SPEECH_NOUNS, VAGUE_PRONOUNS } from './lexicon';
import { FullNames, isOfficeAlone } from './names';
import { agreeing, genderOfCue, type GenderCue, genderOfPronoun, gendersOf, withMainSubject } from './speakers-gender';
import { isAcronym, isAgePhrase, isPersonRole, leadPhrase, openingClauseEnd, subjectWord } from './speakers-grammar';
import { contrastSubject, groupLead, pairBefore, pairOpening, relativeSubject } from './speakers-clauses';
import { bodyBefore, bodyHolder, COUNTRY_WORDS, principalInRole, roleHolder } from './speakers-roles';
import { documentOwner, isDocumentNoun } from './speakers-documents';
import { foreignObject, inObjectPosition, isIncidental, isPossessive, lastSpeaker } from './speakers-positions';

type Via = SpeakerRef['via'];

/**
 * The subject of a sentence's main clause when it is not a name: he or she (`tok`), or a role the
 * article gave a person it named (`person`, the mention standing for them).
 */
interface Lead {
  readonly first: Tok;
  readonly last: Tok;
  /** The person a role stands for; null for he or she (`first`). */
  readonly person: number | null;
}

/** How many tokens before a quotation are read for its attribution. */
export const LOOK_BEHIND = 48;

/** How many words of title a sentence's opening name may come after ("Rear Adm. John Mauger"). */
const OPENER_WORDS = 6;

/** How far back in one (possibly endless) sentence a pronoun looks for its person. */
const REACH_CHARS = 2000;

/** How many sentences back `they` looks for the group it stands for. */
const PLURAL_REACH = 3;

/** How many sentences back a pronoun looks for the person it stands for. */
const PRONOUN_REACH = 8;

/**
 * A nationality standing for a person named before ("the Australian said"), read like a pronoun.
 */
/** An official introduced without a name: "a senior US official", "one official", "officials". */
const UNNAMED_OFFICIAL = /\b(?:(?:an?|one|another)\s+(?:[\p{L}.-]+\s+){0,3}official\b|officials\b)/iu;
/** How far back, in characters, an unnamed official is looked for: a few paragraphs. */
const UNNAMED_OFFICIAL_REACH = 3000;
const EPITHET = /^\p{Lu}\p{Ll}+(?:ian|an|ese|ish|man|woman|ard|ite)$/u;

/** Conjunctions that leave the subject of the verb after them to the clause before ("but said"). */
export const ELIDING = new Set(['and', 'but', 'while', 'as', 'before', 'after', 'then', 'also', 'yet', 'so']);

/**
 * Who a stretch of a sentence names as the one speaking: the subject of a reporting verb, a name, a
 * role the article introduced someone in, a pronoun or `they` standing for a person or group named
 * earlier. The speaker attribution (`speakers.ts`) finds where in the sentence to look; this reads
 * the words there.
 */
export class Subjects {
  private genders: Map<string, GenderCue> | undefined;
  /** Each sentence's lead subject, by the sentence's start, once read. */
  private readonly leads = new Map<number, Lead | null>();

  constructor(
    private readonly doc: DocumentView,
    private readonly names: FullNames,
  ) {}

  /** The person a sentence opens with, as its subject: a name (after a title) or he/she, before token `limit`. */
  opener(s: Sentence, limit: number, via: Via): SpeakerRef | null {
    const toks = s.tokens;
    let k = 0;
    while (k < limit && k < 4 && toks[k].kind === 'word' && (isRoleModifier(toks[k].text) || isPersonRole(toks[k].text) || /\.$/.test(toks[k].text))) k++;
    const t = toks[k];
    if (!t || t.kind !== 'word' || k >= limit) return null;
    if (PERSON_PRONOUNS.has(t.text.toLowerCase())) return this.pronoun(t);
    let m = this.doc.mentionAt(t.start);
    // "Fed Chair Powell:": a title of capitalised words before the name.
    for (let j = k + 1; (m < 0 || this.doc.mentions[m].type !== 'person') && j < limit && j <= k + 4; j++) {
      if (toks[j].kind !== 'word' || !(isUpper(toks[j - 1].text[0]) || isPersonRole(toks[j - 1].text))) break;
      m = this.doc.mentionAt(toks[j].start);
    }
    if (m < 0 || this.doc.mentions[m].type !== 'person' || this.doc.mentions[m].end > (toks[limit]?.start ?? s.end)) return null;
    return this.mentionRef(m, this.doc.mentions[m], via);
  }

  /**
   * The subject of a verb whose own subject is left out (`…, adding that`, `but said`): the speaker of
   * the first reporting verb of the sentence, else its first person, else its first named entity.
   */
  sentenceSubject(s: Sentence, verb: number, via: Via, anyEntity = true): SpeakerRef | null {
    const toks = s.tokens;
    const contrast = contrastSubject(this, s, verb, LOOK_BEHIND, via);
    if (contrast) return contrast;
    const from = Math.max(0, verb - LOOK_BEHIND);
    for (let v = from; v < verb; v++) {
      // A verb of naming ("Trump called Biden “…”, adding") says who speaks as a reporting verb does.
      if (toks[v].kind !== 'word' || (reportingVerb(toks[v].text) !== 'finite' && !finiteNaming(toks, v))) continue;
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      e = beforeShortForm(toks, 0, e);
      if (e < 0 || toks[e].kind !== 'word' || ELIDING.has(toks[e].text.toLowerCase()) || toks[e].text.toLowerCase() === 'to') continue;
      const ref = this.subjectEndingAt(toks, 0, e, via);
      if (ref) return ref;
    }
    const owned = this.possessedBody(toks, verb, via);
    if (owned) return owned;
    // "He also pushed Zelensky …, saying", "As Milton neared, Tampa’s mayor went on CNN with a warning:".
    const lead = this.lead(s);
    if (lead && lead.last.end <= toks[verb].start) {
      const ref = lead.person === null ? this.pronoun(lead.first) : { ...this.mentionRef(lead.person, this.doc.mentions[lead.person], via), span: { start: lead.first.start, end: lead.last.end }, confidence: ROLE_RESOLVED };
      if (ref) return { ...ref, via };
    }
    const group = groupLead(this, toks, verb, via);
    if (group) return group;
    const found = this.doc.mentionsIn(toks[from].start, toks[verb].start);
    const people = found.filter((i) => this.doc.mentions[i].type === 'person');
    // The subject rather than a person named in an object ("He painted Russia under President Putin").
    // "When Zelenskyy tried to respond, Trump interrupted, … stating": not the subject of the opening clause.
    const clauseEnd = openingClauseEnd(toks);
    const subject =
      people.find((i) => !inObjectPosition(s, this.doc.mentions[i]) && this.doc.mentions[i].start > clauseEnd) ??
      people.find((i) => !inObjectPosition(s, this.doc.mentions[i]));
    if (subject === undefined && from === 0 && toks[0].kind === 'word' && PERSON_PRONOUNS.has(toks[0].text.toLowerCase())) {
      const ref = this.pronoun(toks[0]);
      if (ref) return { ...ref, via };
    }
    const person = subject ?? people[0];
    if (person === undefined && from === 0) {
      // "Boeing CEO blasted during hearing, apologizes for …": a role the sentence opens with, not the body in it.
      let e = 0;
      while (e < verb && e < 8 && toks[e].kind === 'word' && subjectWord(toks[e], e === 0)) e++;
      if (e > 0 && isPersonRole(toks[e - 1].text)) {
        const role = this.subjectEndingAt(toks, 0, e - 1, via);
        if (role) return role;
      }
    }
    const pick = person ?? (anyEntity ? found[0] : found.find((i) => this.doc.mentions[i].type === 'organization'));
    return pick === undefined ? null : this.mentionRef(pick, this.doc.mentions[pick], via);
  }

  /** A speaker named right after a verb or `according to`: a name, a role, or he/she. */
  subjectAfter(toks: readonly Tok[], from: number, via: Via): SpeakerRef | null {
    // "schrieb er", "dijo ella": another language's he or she, in lower case right after its verb.
    if (FOREIGN_PERSON_PRONOUNS.has(toks[from]?.text ?? '') && from > 0 && isForeignReportingVerb(toks[from - 1].text)) return this.pronoun(toks[from]);
    // "a déclaré le président Emmanuel Macron", "afirmó el ministro de Exteriores, José Manuel Albares":
    // after another language's verb, the person its words of title lead to.
    if (from > 0 && isForeignReportingVerb(toks[from - 1].text.toLowerCase())) {
      const named = this.personAfterTitle(toks, from);
      if (named) return named;
      // "dijo el presidente", "sagte der südkoreanische Präsident": the office, as "said the president" is read.
      // Read as "the" and its office alone: what describes the office is the language's own, and its
      // article may look like an English indefinite one (Portuguese "a presidente").
      const role = foreignRoleAfter(toks, from);
      if (role >= 0) return this.resolvePhrase([{ ...toks[from], text: 'the' }, toks[role]], 0, 1, via);
    }
    let e = from;
    while (e < toks.length && e < from + 10 && toks[e].kind === 'word' && subjectWord(toks[e], e === from)) e++;
    if (e === from) return null;
    if (toks[e]?.kind === 'word' && /^(?:for|of|at|from|in)$/.test(toks[e].text) && isRoleNoun(toks[e - 1].text)) {
      let f = e + 1;
      while (f < toks.length && f < e + 6 && toks[f].kind === 'word' && subjectWord(toks[f], false) && toks[f].text !== 'of') f++;
      if (f > e + 1 && (isUpper(toks[f - 1].text[0]) || isRoleNoun(toks[f - 1].text))) e = f;
    }
    // "said the company's spokesman, Ed Kim": the role, then the name of the one holding it.
    if (toks[e]?.text === ',' && isPersonRole(toks[e - 1].text)) {
      const m = toks[e + 1] ? this.doc.mentionAt(toks[e + 1].start) : -1;
      const after = m >= 0 ? toks[lastStartingAtOrBefore(toks, this.doc.mentions[m].end - 1) + 1] : undefined;
      if (m >= 0 && this.doc.mentions[m].type === 'person' && after?.kind !== 'word') return this.mentionRef(m, this.doc.mentions[m], via);
    }
    const first = toks[from].text.toLowerCase();
    if (e - from === 1 && PERSON_PRONOUNS.has(first)) return this.pronoun(toks[from]);
    if (e - from === 1 && first === 'they') return this.plural(toks[from]);
    if (NOT_SPEAKERS.has(first) && !DETERMINERS.has(first) && !isAcronym(toks[from].text)) return null;
    // "according to a statement from the foreign ministry", "… issued by Acme": the one it is from.
    const documentNoun = (k: number): boolean => toks[k]?.kind === 'word' && /^\p{Ll}/u.test(toks[k].text) && isDocumentNoun(toks[k].text);
    const noun = documentNoun(e) ? e : documentNoun(e - 1) ? e - 1 : -1;
    if (noun >= 0) {
      let by = noun + 1;
      if (/^\p{Ll}+ly$/u.test(toks[by]?.text ?? '')) by++;
      if (/^(?:issued|released|signed|posted|sent|published)$/.test(toks[by]?.text ?? '') && /^by$/.test(toks[by + 1]?.text ?? '')) by++;
      const owner = /^(?:from|by|of)$/.test(toks[by]?.text ?? '') && toks[by + 1]?.kind === 'word' ? this.subjectAfter(toks, by + 1, via) : null;
      return owner ?? documentOwner(this.doc, this, toks, from, noun, via);
    }
    return this.resolvePhrase(toks, from, e - 1, via);
  }

  /**
   * The subject ending at token `e`, reading no further left than token `floor`: a mention, he/she, a
   * role phrase ("A US State Department spokesman", "a spokesman for the ministry"), or a capitalised
   * name the recogniser missed. Anything else (a noun like "the report") gives null.
   */
  subjectEndingAt(toks: readonly Tok[], floor: number, e: number, via: Via): SpeakerRef | null {
    // "Maui Mayor Richard Bissen, Jr. said": the generation after the name is not a name of its own.
    if (toks[e] && GENERATION.test(toks[e].text) && e - 1 >= floor && this.doc.mentionAt(toks[e].start) < 0) {
      const name = toks[e - 1].text === ',' ? e - 2 : e - 1;
      if (name >= floor && toks[name].kind === 'word' && isUpper(toks[name].text[0])) e = name;
    }
    e = beforeShortForm(toks, floor, e);
    const t = toks[e];
    if (!t || t.kind !== 'word') return null;
    // "The Prime Minister speaking in Hindi said": the language, and what the speaker was doing in it, are no subject.
    if (LANGUAGES.has(toks[e].text) && toks[e - 1]?.text === 'in' && e - 2 >= floor) {
      let f = e - 2;
      if (/^\p{Ll}+ing$/u.test(toks[f].text) && f - 1 >= floor) f--;
      if (toks[f].kind === 'word') return this.subjectEndingAt(toks, floor, f, via);
    }
    const listed = this.namedList(toks, floor, e, via);
    if (listed) return listed;
    // "the 24-year-old American said", "the 81-year-old president said": an age and what the person
    // is stand for the person the passage is about, read like a pronoun.
    if (e - 2 >= floor && isAgePhrase(toks, e - 2) && isEpithetNoun(toks[e].text) && !isRoleNoun(toks[e].text) && !this.doc.mentionsIn(toks[e].start, toks[e].end).some((i) => this.doc.mentions[i].type === 'person')) {
      const person = this.pronoun({ start: toks[e - 2].start, end: toks[e].end });
      if (person) return { ...person, via, confidence: EPITHET_ROLE };
    }
    const lower = t.text.toLowerCase();
    if (PERSON_PRONOUNS.has(lower)) return this.pronoun(t);
    // "Ele afirmou que …", "Er sagte": he or she in the language of the reporting verb after it.
    // A verb both languages share ("Il assure que") is that language's too after its he or she, with
    // that language's "that" after it: "Lei told reporters" is Lei.
    const next = toks[e + 1]?.text ?? '';
    const shared = reportingVerb(next) === 'finite' && isForeignThat(toks[e + 2]?.text ?? '');
    if (FOREIGN_PERSON_PRONOUNS.has(lower) && (isForeignReportingVerb(next) || shared)) return this.pronoun(t);
    if (lower === 'they') return this.plural(t);
    // "Ford said … “…,” it said in a statement": the body that spoke just before, never one only named.
    if (t.text === 'it' && (e === 0 || toks[e - 1].kind !== 'word' || ELIDING.has(toks[e - 1].text.toLowerCase()))) {
      const body = bodyBefore(this.doc, t.start, () => false);
      if (body !== null) return { ...this.mentionRef(body, this.doc.mentions[body], via), span: { start: t.start, end: t.end }, confidence: ROLE_RESOLVED };
    }
    if (lower === 'who') return relativeSubject(this.doc, this, toks, e, via);
    // "Bowman’s statement said", "the company’s post read": the words are their owner’s.
    if (SPEECH_NOUNS.has(lower) && e - 1 >= floor && /['’]s?$/.test(toks[e - 1].text)) {
      const owner = this.doc.mentionAt(toks[e - 1].start);
      if (owner >= 0 && this.doc.mentions[owner].type !== 'place') return this.mentionRef(owner, this.doc.mentions[owner], via);
    }
    // "his statement read", "their statement said": the one the possessive stands for.
    if (SPEECH_NOUNS.has(lower) && e - 1 >= floor && /^(?:his|her|their)$/i.test(toks[e - 1].text)) {
      const owner = toks[e - 1].text.toLowerCase() === 'their' ? this.plural(toks[e - 1]) : this.pronoun(toks[e - 1]);
      if (owner) return owner;
    }
    if (VAGUE_PRONOUNS.has(lower)) return null;
    // "the post said", not "the New York Post said": a document is written in lower case.
    if (isDocumentNoun(lower) && !isUpper(t.text[0])) return documentOwner(this.doc, this, toks, floor, e, via);
    let b = e;
    while (b - 1 >= floor && toks[b - 1].kind === 'word' && (subjectWord(toks[b - 1], false) || compoundRole(toks, b - 1, floor))) {
      b--;
      if (DETERMINERS.has(toks[b].text.toLowerCase())) break;
    }
    // "John Mauger of the U.S. Coast Guard said": a person, then the body they work for.
    const prep = toks[b - 1];
    if (b - 2 >= floor && prep?.kind === 'word' && /^(?:of|at|from)$/.test(prep.text)) {
      const p = this.doc.mentionAt(toks[b - 2].start);
      if (p >= 0 && this.doc.mentions[p].type === 'person' && this.doc.mentions[p].end === toks[b - 2].end && this.doc.mentions[p].start >= toks[floor].start) {
        b = lastStartingAtOrBefore(toks, this.doc.mentions[p].start);
      }
    }
    // "a spokesman for the ministry": a role followed by the body it speaks for.
    for (let k = e; k >= b && k - 2 >= floor; k--) {
      const prep = toks[k - 1];
      if (!/^(?:for|of|at|from)$/.test(prep.text) || !isRoleNoun(toks[k - 2].text)) continue;
      b = k - 2;
      while (b - 1 >= floor && toks[b - 1].kind === 'word' && subjectWord(toks[b - 1], false)) {
        b--;
        if (DETERMINERS.has(toks[b].text.toLowerCase())) break;
      }
    }
    // "leaders in Paris agreed": the place is not the subject, the unread words before it are.
    if (b === e && b > floor && /^(?:in|at|from|of|for|on|with|across)$/i.test(toks[b - 1].text)) {
      const m = this.doc.mentionAt(toks[b].start);
      if (m >= 0 && this.doc.mentions[m].type === 'place') return null;
    }
    if (toks[b] && b <= e && toks[b].kind === 'word' && NOT_SPEAKERS.has(toks[b].text.toLowerCase()) && !DETERMINERS.has(toks[b].text.toLowerCase())) {
      while (b <= e && NOT_SPEAKERS.has(toks[b].text.toLowerCase()) && !DETERMINERS.has(toks[b].text.toLowerCase())) b++;
      if (b > e) return null;
    }
    return this.resolvePhrase(toks, b, e, via);
  }

  /** Turns the subject phrase toks[b..e] into a speaker. */
  private resolvePhrase(toks: readonly Tok[], b: number, e: number, via: Via): SpeakerRef | null {
    const start = toks[b].start;
    const end = toks[e].end;
    const inside = this.doc.mentionsIn(start, end);
    const mentions = this.doc.mentions;
    // "a spokesman for the ministry", "the US Secretary of State": a role, then the body it serves.
    let headIsRole = isRoleNoun(toks[e].text);
    for (let k = b; k < e && !headIsRole; k++) headIsRole = isRoleNoun(toks[k].text) && /^(?:for|of|at|from)$/.test(toks[k + 1].text);
    const lastPerson = [...inside].reverse().find((i) => mentions[i].type === 'person');
    // "A spokesperson for Prime Minister Rishi Sunak" is the spokesperson, not Sunak.
    const servant = lastPerson !== undefined && this.roleOfSomeone(toks, b, mentions[lastPerson].start);
    if (lastPerson !== undefined && mentions[lastPerson].end === end && !servant) return this.mentionRef(lastPerson, mentions[lastPerson], via);
    // "Rear Admiral John Mauger of the U.S. Coast Guard said", "said Jane Doe at Goldman Sachs": a
    // person, then where they work; the body or place qualifies the person, who is the one speaking.
    if (lastPerson !== undefined && !servant && /^\s+(?:of|at|from)\s/.test(this.doc.text.slice(mentions[lastPerson].end, end))) {
      return this.mentionRef(lastPerson, mentions[lastPerson], via);
    }
    // Named as a reader names them: the person's full name and the role, without the person's titles.
    const served = servant ? mentions[lastPerson] : undefined;
    const role = served && served.end === end ? toks.slice(b, e).find((t) => isRoleNoun(t.text) && t.start < served.start) : undefined;
    if (role && lastPerson !== undefined) return { name: `${this.names.of(lastPerson)}'s ${role.text.toLowerCase()}`, span: { start, end }, mention: null, via, confidence: ROLE_ONLY };
    const covering = servant ? -1 : this.doc.mentionAt(toks[e].start);
    // An office alone the recogniser took for a name ("der Präsident") is read as the role below.
    const office = covering >= 0 && isOfficeAlone(this.doc.text, mentions[covering]);
    if (covering >= 0 && mentions[covering].end === end && !office) return this.mentionRef(covering, mentions[covering], via);
    if (headIsRole || isRoleNoun(toks[e].text)) {
      // "The speaker said" names whoever is speaking, not a person the article introduced as Speaker:
      // it stays a role, never a name or an entity.
      if (e === b + 1 && /^the$/i.test(toks[b].text) && /^speaker$/i.test(toks[e].text)) {
        return { name: this.doc.text.slice(start, end), span: { start, end }, mention: null, via, confidence: THE_SPEAKER };
      }
      const holder = roleHolder(this.doc, toks, b, e) ?? bodyHolder(this.doc, toks, b, e);
      if (holder !== null) return { ...this.mentionRef(holder, mentions[holder], via), span: { start, end }, confidence: ROLE_RESOLVED };
      // "the Ukrainian president", "the former Portuguese prime minister": with nobody introduced in the
      // role, a description by nationality or past office stands for the person the passage is about.
      if (this.isEpithet(toks, b, e) || this.isOfficialOfPassage(toks, b, e)) {
        const person = this.pronoun({ start, end });
        if (person) return { ...person, via, confidence: EPITHET_ROLE };
      }
      const principal = principalInRole(this.doc, toks, b, e, (i) => this.names.of(i));
      if (principal !== null) return { ...this.mentionRef(principal, mentions[principal], via), span: { start, end }, confidence: PRINCIPAL_ROLE };
      const org = inside.find((i) => mentions[i].type === 'organization');
      return { name: this.doc.text.slice(start, end), span: { start, end }, mention: org ?? null, via, confidence: ROLE_ONLY };
    }
    // "the 61-year-old said": an age standing for the person the passage is about, read like a pronoun.
    if (e === b + 1 && isAgePhrase(toks, b)) {
      const person = this.pronoun({ start, end });
      return person ? { ...person, via, confidence: EPITHET_ROLE } : null;
    }
    // A capitalised name the recogniser did not catch.
    let f = b;
    while (f <= e && DETERMINERS.has(toks[f].text.toLowerCase())) f++;
    if (f > e) return null;
    for (let k = f; k <= e; k++) {
      const w = toks[k].text;
      if (!isUpper(w[0]) && w !== 'of') return null;
      if (NOT_SPEAKERS.has(w.toLowerCase())) return null;
    }
    // "Suank admitted": a name one letter off a person the article named, whom the recogniser missed.
    const typo = f === e && inside.length === 0 ? this.names.misspeltWord(toks[e].text) : -1;
    if (typo >= 0) return { ...this.mentionRef(typo, this.doc.mentions[typo], via), span: { start: toks[f].start, end }, confidence: UNRECOGNISED_NAME };
    if (f === b + 1 && f === e && inside.length === 0 && EPITHET.test(toks[e].text)) {
      const person = this.pronoun({ start, end });
      return person ? { ...person, confidence: UNRECOGNISED_NAME } : null;
    }
    const s = toks[f].start;
    const ref: SpeakerRef = { name: this.doc.text.slice(s, end), span: { start: s, end }, mention: inside[0] ?? null, via };
    return inside.length === 0 ? { ...ref, confidence: UNRECOGNISED_NAME } : ref;
  }

  /** Whether a role noun and `for`, `of` or `to` come before `start` in toks[b..]: "a spokesman for X", "an aide to X". */
  private roleOfSomeone(toks: readonly Tok[], b: number, start: number): boolean {
    for (let k = b; k + 1 < toks.length && toks[k + 1].start < start; k++) {
      if (isRoleNoun(toks[k].text) && /^(?:for|of|to)$/.test(toks[k + 1].text) && !/^(?:minister|secretary|president|chief|head|leader|governor|chairman|director)$/i.test(toks[k].text)) {
        return true;
      }
    }
    return false;
  }

  /** A definite singular role of a person described by nationality or past office ("the Ukrainian president"). */
  private isEpithet(toks: readonly Tok[], b: number, e: number): boolean {
    if (NOT_DEFINITE.has(toks[b].text.toLowerCase()) || !isPersonRole(toks[e].text)) return false;
    for (let k = /^the$/i.test(toks[b].text) ? b + 1 : b; k < e; k++) {
      const w = toks[k].text;
      if (w === 'former' || (EPITHET.test(w) && this.doc.mentionAt(toks[k].start) < 0) || COUNTRY_WORDS.has(w.toLowerCase())) return true;
      if (!(isRoleModifier(w) || isPersonRole(w) || isUpper(w[0]))) return false;
    }
    return false;
  }

  /**
   * "the official said" (perhaps "the senior official"), where the article named someone in office
   * and no official without a name: a word for any holder of an office, it stands for the person the
   * passage is about, as a pronoun does. Once an unnamed official was introduced ("a US official
   * said"), "the official" is that one, and stays a role.
   */
  private isOfficialOfPassage(toks: readonly Tok[], b: number, e: number): boolean {
    if (!/^the$/i.test(toks[b].text) || !/^official$/i.test(toks[e].text)) return false;
    for (let k = b + 1; k < e; k++) if (!LOOSE_ROLE_WORDS.has(toks[k].text.toLowerCase())) return false;
    return !UNNAMED_OFFICIAL.test(this.doc.text.slice(Math.max(0, toks[b].start - UNNAMED_OFFICIAL_REACH), toks[b].start));
  }

  /**
   * The subject of sentence `s`'s main clause when it is he or she, or a role standing for a person the
   * article named in it ("The Labour leader spoke an hour after he received the call from Rishi
   * Sunak": the leader, not Sunak); null when the subject is a name or cannot be read. A role nobody
   * was given is no lead: the sentence is read as before.
   */
  private lead(s: Sentence): Lead | null {
    const known = this.leads.get(s.start);
    if (known !== undefined) return known;
    // An age is read like a pronoun, which asks this sentence's lead again: it has none meanwhile.
    this.leads.set(s.start, null);
    const toks = s.tokens;
    // A name opens the sentence, perhaps after its title ("WHO chief Tedros Adhanom Ghebreyesus said").
    let opener = -1;
    for (let k = 0; k < toks.length && k < OPENER_WORDS && opener < 0 && toks[k].kind === 'word' && subjectWord(toks[k], k === 0); k++) {
      const m = this.doc.mentionAt(toks[k].start);
      if (m >= 0 && this.doc.mentions[m].type === 'person') opener = m;
    }
    const opensWithSubject = toks[0]?.kind === 'word' && (PERSON_PRONOUNS.has(toks[0].text.toLowerCase()) || opener >= 0);
    const found = leadPhrase(toks, opensWithSubject);
    let lead: Lead | null = null;
    if (found && found.first === found.last && PERSON_PRONOUNS.has(toks[found.first].text.toLowerCase())) lead = { first: toks[found.first], last: toks[found.first], person: null };
    else if (found && !this.doc.mentionsIn(toks[found.first].start, toks[found.last].end).some((i) => this.doc.mentions[i].type === 'person')) {
      const person = isAgePhrase(toks, found.first)
        ? (this.pronoun({ start: toks[found.first].start, end: toks[found.last].end })?.mention ?? null)
        : (roleHolder(this.doc, toks, found.first, found.last) ?? principalInRole(this.doc, toks, found.first, found.last, (i) => this.names.of(i)));
      if (person !== null) lead = { first: toks[found.first], last: toks[found.last], person };
    }
    this.leads.set(s.start, lead);
    return lead;
  }

  /**
   * The person named within a few words from token `from`, past words of a title in another language
   * (lower case, or a capitalised title the recogniser leaves out, "Bundeskanzler") and a comma: null when
   * another kind of word, or no person, comes first.
   */
  private personAfterTitle(toks: readonly Tok[], from: number): SpeakerRef | null {
    for (let k = from; k < toks.length && k < from + FOREIGN_TITLE_WORDS; k++) {
      const m = this.doc.mentionAt(toks[k].start);
      if (m >= 0 && this.doc.mentions[m].type === 'person') return this.mentionRef(m, this.doc.mentions[m], 'after');
      // The body or place of the title ("el ministro de Exteriores", "le porte-parole du Kremlin").
      if (m >= 0) {
        k = lastStartingAtOrBefore(toks, this.doc.mentions[m].end - 1);
        continue;
      }
      if (toks[k].kind !== 'word' && toks[k].text !== ',') return null;
    }
    return null;
  }

  /**
   * `Donald Trump’s campaign team lashed into Harris, saying …`: a sentence opening with a person's
   * body or staff (a speaking body or people in a role, "campaign", "lawyers", "aides") is theirs to
   * speak for, not the person's: the phrase as written. Null when the sentence opens otherwise.
   */
  private possessedBody(toks: readonly Tok[], verb: number, via: Via): SpeakerRef | null {
    const m = this.doc.mentionAt(toks[0]?.start ?? -1);
    if (m < 0 || this.doc.mentions[m].type !== 'person') return null;
    let k = lastStartingAtOrBefore(toks, this.doc.mentions[m].end - 1);
    if (!/['’]s?$/.test(toks[k]?.text ?? '') && !/^['’]s?$/.test(toks[k + 1]?.text ?? '')) return null;
    if (/^['’]s?$/.test(toks[k + 1]?.text ?? '')) k++;
    let noun = k + 1;
    while (noun < verb && noun <= k + 3 && toks[noun].kind === 'word' && /^\p{Ll}/u.test(toks[noun].text) && !isRoleNoun(toks[noun].text)) noun++;
    if (noun >= verb || !isRoleNoun(toks[noun].text)) return null;
    // "campaign team", "legal team": the team of the body.
    if (/^team$/i.test(toks[noun + 1]?.text ?? '')) noun++;
    if (toks[noun + 1]?.kind !== 'word' || !/^\p{Ll}/u.test(toks[noun + 1].text)) return null;
    const start = this.doc.mentions[m].start;
    return { name: this.doc.text.slice(start, toks[noun].end), span: { start, end: toks[noun].end }, mention: null, via, confidence: ROLE_ONLY };
  }

  /**
   * `the Treasury Department, Federal Reserve, and the FDIC said`, `Senators Ana Ruiz and Tom Hale
   * said`: names of one kind listed as the subject, ending at token `e`, speak together. Null unless
   * two names at least, the last ending at `e`.
   */
  namedList(toks: readonly Tok[], floor: number, e: number, via: Via): SpeakerRef | null {
    e = beforeShortForm(toks, floor, e);
    if (toks[e]?.kind !== 'word') return null;
    const mentions = this.doc.mentions;
    const last = this.doc.mentionAt(toks[e].start);
    if (last < 0 || mentions[last].end !== toks[e].end || mentions[last].type === 'place') return null;
    const type = mentions[last].type;
    const names = [last];
    let k = lastStartingAtOrBefore(toks, mentions[last].start) - 1;
    while (k >= floor && names.length < MAX_LISTED) {
      let j = k;
      if (j >= floor && /^the$/i.test(toks[j].text)) j--;
      const joined = toks[j]?.text === 'and' || toks[j]?.text === ',';
      if (!joined) break;
      j--;
      if (toks[j]?.text === ',') j--;
      const m = j >= floor ? this.doc.mentionAt(toks[j].start) : -1;
      if (m < 0 || mentions[m].end !== toks[j].end || mentions[m].type !== type) break;
      names.unshift(m);
      k = lastStartingAtOrBefore(toks, mentions[m].start) - 1;
    }
    // A list needs its "and": "Google, Apple said" is no list, "Ruiz, a senator, said" an aside; two
    // names are joined by "and" alone ("Okafor mocked Lund, and Ruiz called" joins two clauses).
    if (names.length < 2 || !/\band\b/.test(this.doc.text.slice(mentions[names[0]].end, mentions[last].start))) return null;
    if (names.length === 2 && !/^\s+and\s+(?:the\s+)?$/i.test(this.doc.text.slice(mentions[names[0]].end, mentions[last].start))) return null;
    // Nor is a list the object of a verb before it ("Okafor mocked Lund and Ruiz").
    let before = lastStartingAtOrBefore(toks, mentions[names[0]].start) - 1;
    if (before >= floor && /^the$/i.test(toks[before].text)) before--;
    if (before >= floor && toks[before].kind === 'word' && /^\p{Ll}/u.test(toks[before].text)) return null;
    const said = names.map((i) => (type === 'person' ? this.names.of(i) : mentions[i].text));
    const name = `${said.slice(0, -1).join(', ')} and ${said[said.length - 1]}`;
    return { name, span: { start: mentions[names[0]].start, end: mentions[last].end }, mention: null, via };
  }

  /** The speaker a mention names: a person by their fullest name in the document, else as written. */
  mentionRef(index: number, m: RawMention, via: Via): SpeakerRef {
    const name = m.type === 'person' ? this.names.of(index) : m.text;
    return { name, span: { start: m.start, end: m.end }, mention: index, via };
  }

  /**
   * `he` or `she` stands for the person who is the subject of the nearest sentence before it that
   * names a person outside quotation marks: the first such person not in an object position. A
   * sentence whose subject is a role the article gave someone stands for that person; one whose
   * subject is the same pronoun passes the question on to the sentences before it.
   */
  pronoun(t: Span): SpeakerRef | null {
    let s = this.doc.sentenceAt(t.start);
    let limit = t.start;
    // "she" is not a man the article called Mr, nor "he" a woman it called Ms or a spokeswoman.
    const wanted = genderOfPronoun(this.doc.text.slice(t.start, t.end));
    const genderOf = (i: number): GenderCue | undefined => this.genderCueOf(i);
    let fallback: number | undefined;
    for (let n = 0; s && n < PRONOUN_REACH; n++) {
      // "The Labour leader spoke after a call from Rishi Sunak. … he said": the subject of the sentence,
      // a role or the same pronoun again, before anyone it names.
      const lead = this.lead(s);
      if (lead && lead.last.end <= limit) {
        const agrees = lead.person === null ? genderOfPronoun(lead.first.text) === wanted : !wanted || (genderOfCue(genderOf(lead.person)) ?? wanted) === wanted;
        if (agrees && lead.person !== null) return { name: this.names.of(lead.person), span: { start: t.start, end: t.end }, mention: lead.person, via: 'pronoun' };
        if (agrees) {
          s = this.doc.previousSentence(s);
          limit = s ? s.end : 0;
          continue;
        }
      }
      const clauseEnd = openingClauseEnd(s.tokens);
      // In the pronoun's own sentence, a person named as an owner before it ("Francis’ death, she said")
      // is what the sentence is about, not who speaks.
      const found = this.doc
        .mentionsIn(Math.max(s.start, limit - REACH_CHARS), limit)
        .filter((i) => this.doc.mentions[i].type === 'person' && !(n === 0 && ownerOfSubject(this.doc.text, this.doc.mentions[i])));
      const inMainClause = (i: number): boolean => this.doc.mentions[i].start > clauseEnd && !inObjectPosition(s!, this.doc.mentions[i]) && !isPossessive(this.doc.text, this.doc.mentions[i]);
      const people = clauseEnd < 0 ? agreeing(found, wanted, genderOf) : withMainSubject(found, wanted, genderOf, inMainClause);
      if (people.length > 0) {
        const free = (i: number): boolean => !inObjectPosition(s!, this.doc.mentions[i]) && !isPossessive(this.doc.text, this.doc.mentions[i]);
        const subject =
          people.find((i) => free(i) && this.doc.mentions[i].start > clauseEnd) ??
          people.find(free) ??
          (people.every((i) => isIncidental(s!, this.doc.mentions[i])) ? lastSpeaker(this.doc, s, PRONOUN_REACH - n - 1, wanted, genderOf) : null) ??
          people.find((i) => !inObjectPosition(s!, this.doc.mentions[i])) ??
          (people.every((i) => foreignObject(s!, this.doc.mentions[i])) ? null : people[0]);
        if (subject !== null) return { name: this.names.of(subject), span: { start: t.start, end: t.end }, mention: subject, via: 'pronoun' };
        // Everyone the sentence names is the object of another language's preposition ("Asegura que el
        // beso que dio a Jenni Hermoso …"), in a sentence that leaves its subject out: the subject is the
        // one before. The first of them only if no one is found. An English sentence names its subject,
        // and a person there after a preposition may be what it is about ("led by Capt. Jason Neubauer").
        fallback ??= people[0];
      }
      s = this.doc.previousSentence(s);
      limit = s ? s.end : 0;
    }
    return fallback === undefined ? null : { name: this.names.of(fallback), span: { start: t.start, end: t.end }, mention: fallback, via: 'pronoun' };
  }

  /** Whether he or she at `t` may stand for the person of mention `i`, by what the article tells of their gender. */
  agrees(t: Span, i: number): boolean {
    const wanted = genderOfPronoun(this.doc.text.slice(t.start, t.end));
    if (!wanted || this.doc.mentions[i]?.type !== 'person') return false;
    return (genderOfCue(this.genderCueOf(i)) ?? wanted) === wanted;
  }

  /** What the article tells of the gender of the person of mention `i`, read once per document. */
  private genderCueOf(i: number): GenderCue | undefined {
    this.genders ??= gendersOf(this.doc.text, this.doc.mentions, this.names);
    return this.genders.get(this.names.of(i));
  }

  /**
   * `they` stands for the group named by a plural role in the nearest sentences before it ("US
   * officials … They said"), else for two people opening a sentence just before; else unresolved.
   */
  private plural(t: Span): SpeakerRef | null {
    let s = this.doc.sentenceAt(t.start);
    let limit = t.start;
    for (let n = 0; s && n < PLURAL_REACH; n++) {
      // Two people the sentence opens with, before a group it names later ("Bill and Hillary Clinton were
      // quick to back Harris, as party leaders rushed to …").
      const pair = pairOpening(this.doc, this, s, t);
      if (pair) return pair;
      const toks = s.tokens;
      const last = lastStartingAtOrBefore(toks, limit - 1);
      for (let k = last; k >= 0 && k > last - LOOK_BEHIND; k--) {
        const w = toks[k];
        if (w.kind !== 'word' || w.end > limit || !isRoleNoun(w.text) || !/s$/.test(w.text)) continue;
        const ref = this.subjectEndingAt(toks, 0, k, 'pronoun');
        if (ref) return { ...ref, span: { start: t.start, end: t.end }, via: 'pronoun' };
      }
      s = this.doc.previousSentence(s);
      limit = s ? s.end : 0;
    }
    return pairBefore(this.doc, this, t);
  }
}

/**
 * "the fire chief", "the health minister": a lowercase noun between an article and a role of a person
 * names which office it is, as a title does ("Fire Chief Bradford Ventura"); it belongs to the phrase.
 */
function compoundRole(toks: readonly Tok[], k: number, floor: number): boolean {
  const w = toks[k].text;
  return /^\p{Ll}[\p{Ll}-]+$/u.test(w) && k - 1 >= floor && /^the$/i.test(toks[k - 1].text) && isPersonRole(toks[k + 1]?.text ?? '');
}

/**
 * Where the office named after another language's reporting verb stands: its article at `from`, at
 * most two words describing it before it, and no name after it (a name there is the person's, found
 * by `personAfterTitle`). -1 for none.
 */
function foreignRoleAfter(toks: readonly Tok[], from: number): number {
  if (!FOREIGN_ARTICLES.has(toks[from]?.text ?? '')) return -1;
  for (let k = from + 1; k <= from + 3 && k < toks.length && toks[k].kind === 'word'; k++) {
    if (!isRoleNoun(toks[k].text)) continue;
    const next = toks[k + 1];
    return next?.kind === 'word' && isUpper(next.text[0]) ? -1 : k;
  }
  return -1;
}

/** Languages a speaker may be said to speak in ("said in Hindi"), which are never the speaker. */
const LANGUAGES = new Set([
  'English', 'French', 'Spanish', 'German', 'Italian', 'Portuguese', 'Russian', 'Ukrainian', 'Chinese', 'Mandarin',
  'Cantonese', 'Japanese', 'Korean', 'Arabic', 'Hebrew', 'Persian', 'Farsi', 'Turkish', 'Hindi', 'Urdu', 'Bengali',
  'Tamil', 'Polish', 'Dutch', 'Greek', 'Swedish', 'Norwegian', 'Danish', 'Finnish', 'Indonesian', 'Malay', 'Thai',
  'Vietnamese', 'Tagalog', 'Swahili', 'Latin',
]);

/** Words of a title another language puts between its reporting verb and the person's name. */
const FOREIGN_TITLE_WORDS = 8;

/** Names a listed subject holds at most. */
const MAX_LISTED = 6;

/**
 * Verbs that give a thing a name ("called Biden “the worst president”"), in a finite form: their subject
 * says the words. Verbs of praise or blame ("praised", "denounced") name no words of their own.
 */
const CALLING = /^(?:call|calls|called|describe|describes|described|dub|dubs|dubbed|label|labels|labell?ed|brand|brands|branded|term|terms|termed)$/;

function finiteNaming(toks: readonly Tok[], v: number): boolean {
  return CALLING.test(toks[v].text) && isNamingVerb(toks[v].text, toks[v + 1]?.text);
}

/**
 * What an age may go with to stand for the person a passage is about ("the 24-year-old American", "the
 * 24-year-old gymnast"): anything but what a story calls people it has not named ("the 24-year-old
 * witness"). An office ("the 81-year-old president") is read as the role it is.
 */
function isEpithetNoun(word: string): boolean {
  return !UNNAMED_ROLES.test(word.toLowerCase());
}

/** People a story introduces by what they are without naming them, whom an age does not make the passage's person. */
const UNNAMED_ROLES = /^(?:witness|witnesses|victim|suspect|driver|passenger|resident|bystander|survivor|neighbou?r|worker|employee|student|patient|customer|shopper|motorist|pedestrian|tourist|defendant|man|woman|boy|girl)$/;

/**
 * A person named as the owner of a sentence's subject ("Francis’ death, she said"), not of what an
 * opening phrase is about ("In Trump’s speech in Ohio, he said": the speech's owner may well speak).
 */
function ownerOfSubject(text: string, m: { readonly start: number; readonly end: number; readonly text: string }): boolean {
  if (!isPossessive(text, m)) return false;
  const before = /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, m.start - 20), m.start))?.[1]?.toLowerCase() ?? '';
  return !/^(?:in|at|during|after|before|on|for|with|from|of|to|by|about|under|since|like|the)$/.test(before);
}

/**
 * "the Federal Deposit Insurance Corporation (FDIC) said": the token ending a name that its short form
 * follows in brackets at token `e`, reading no further left than `floor`; else `e`.
 */
function beforeShortForm(toks: readonly Tok[], floor: number, e: number): number {
  return toks[e]?.text === ')' && toks[e - 2]?.text === '(' && e - 3 >= floor && toks[e - 3].kind === 'word' ? e - 3 : e;
}
