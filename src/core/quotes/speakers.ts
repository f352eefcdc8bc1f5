import type { Paragraph, QuoteSpan, RawMention, SpeakerRef, Span } from '../types';
import { isUpper } from '../text/chars';
import { DocumentView, lastStartingAtOrBefore, type Sentence, type Tok } from './context';
import {
  DETERMINERS, HEAD_ROLES, isNamingVerb, isRoleModifier, isRoleNoun, LOOSE_ROLE_WORDS, mayStandBeforeVerb,
  NOT_SPEAKERS, PERSON_PRONOUNS, PREPOSITIONS, reportingVerb, SPEECH_NOUNS,
  VAGUE_PRONOUNS,
} from './lexicon';
import { FullNames } from './names';
import { subjectWord, carried, isPersonRole, roleWord, reportingAt, appositiveEnd, parentheticalEnd, endsClause, introducesClause, tokenIndexAt } from './speakers-grammar';

type Via = SpeakerRef['via'];

/** How many tokens around a quotation are read for its attribution. */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 16;
/** How many sentences of its paragraph a quote looks back for the speaker it continues. */
const MAX_SENTENCES_BACK = 4;
/** How many quotes back the previous speaker is looked for. */
const MAX_BACK = 12;
/** How far back in one (possibly endless) sentence a pronoun looks for its person. */
const REACH_CHARS = 2000;
/** How many sentences back `they` looks for the group it stands for. */
const PLURAL_REACH = 3;
/** How many sentences back a pronoun looks for the person it stands for. */
const PRONOUN_REACH = 8;

/**
 * A nationality standing for a person named before ("the Australian said"), read like a pronoun.
 */
const EPITHET = /^\p{Lu}\p{Ll}+(?:ian|an|ese|ish|man|woman|ard|ite)$/u;

/**
 * How sure each way of finding a speaker is, as the `confidence` of the speakers it finds: an
 * attribution beside the quote is all but certain, a pronoun, a role or remarks carried on from an
 * earlier quote are a reader's inference.
 */
const CONFIDENCE: Readonly<Record<Via, number>> = {
  after: 0.95, before: 0.9, colon: 0.9, 'according-to': 0.9, indirect: 0.8, pronoun: 0.75, continuation: 0.7,
};
/** A role resolved to the person the article introduced in it ("the governor" for Gov. Wes Moore). */
const ROLE_RESOLVED = 0.75;
/** A role no person was introduced in ("a Foreign Ministry spokesman"): the role is the speaker. */
const ROLE_ONLY = 0.6;
/** A capitalised name the recogniser did not find, or a nationality standing for a person. */
const UNRECOGNISED_NAME = 0.6;
/** "The speaker": whoever is speaking, which the sentence does not say. */
const THE_SPEAKER = 0.5;
/** A term in a reported sentence, outside the reported clause: the reporter's word, most likely. */
const TERM_IN_REPORT = 0.6;
/** A role described by nationality or past office, read as the person the passage is about. */
const EPITHET_ROLE = 0.5;
/** A quote after a colon, said by the person the sentence opens with. */
const HEAD_OF_SENTENCE = 0.6;
/** A quote opening a paragraph, carrying on the reporting clause that closed the paragraph before. */
const PARAGRAPH_CARRIED = 0.55;
/** How many person mentions back a role phrase looks for the person introduced in that role. */
const ROLE_REACH = 60;
/** Nationality and country words a role may carry or leave out ("the US president", "the president"). */
const COUNTRY_WORDS = new Set(['us', 'u.s', 'u.s.', 'usa', 'uk', 'u.k', 'eu', 'un', 'american', 'british', 'chinese', 'russian', 'french', 'german', 'federal', 'national', 'state-run']);
/** Role heads that stand for the head of any body ("the bank's chief" for its governor). */
const GENERIC_HEADS = new Set(['chief', 'head', 'leader', 'boss']);

/** Conjunctions that leave the subject of the verb after them to the clause before ("but said"). */
const ELIDING = new Set(['and', 'but', 'while', 'as', 'before', 'after', 'then', 'also', 'yet', 'so']);

/**
 * Attributes each quote to its speaker, as a reader would; `null` where no speaker can be found.
 * `mentions` are the document's entity mentions, sorted by start; the result is parallel to `quotes`.
 *
 * The attributions tried, in order: a speaker and reporting verb right after the closing mark
 * (`…,” X said`, `said X`, `…,” according to X`); a reporting verb earlier in the sentence, with a colon
 * (`X said: “…”`), right before the quote (`X said, “…”`) or introducing indirect speech that the quote
 * completes (`X said its supply “had a material effect”`); a closing `, X said.` at the end of the
 * sentence; `according to X` anywhere in the sentence; a paragraph ending `X said:` before a quote
 * opening the next. A statement left without attribution continues the remarks of the speaker of the
 * previous quote in its paragraph, or in the paragraph before when it opens its own. Terms (scare
 * quotes) are attributed only by an explicit attribution, and indirect speech counts only when the verb
 * introduces a clause. `he` and `she` stand for the person who is the subject of the nearest earlier
 * sentence naming one. Names are given in their fullest form in the document; roles as written.
 */
export function attributeSpeakers(
  text: string,
  paras: readonly Paragraph[],
  quotes: readonly QuoteSpan[],
  mentions: readonly RawMention[],
): (SpeakerRef | null)[] {
  const reader = new Attributor(new DocumentView(text, paras, quotes, mentions), new FullNames(mentions));
  const out: (SpeakerRef | null)[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const ref = reader.attribute(quotes, i, out);
    out.push(ref && ref.confidence === undefined ? { ...ref, confidence: CONFIDENCE[ref.via] } : ref);
  }
  return out;
}

class Attributor {
  constructor(
    private readonly doc: DocumentView,
    private readonly names: FullNames,
  ) {}

  attribute(quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
    const q = quotes[i];
    if (q.depth > 0) return null;
    const term = q.kind === 'term';
    return (
      this.after(q) ??
      this.before(q, term) ??
      this.sentenceEnd(q) ??
      this.accordingTo(q) ??
      this.colonBefore(q) ??
      (term ? this.named(q) : this.saidBySomeoneElse(q) ? null : this.continuation(quotes, i, earlier))
    );
  }

  /**
   * Whether a reporting verb right beside the quote introduces it with a subject nobody can name ("One
   * person replied, “…”", "“…,” a voice shouted"): the words are someone's, not the last speaker's.
   */
  private saidBySomeoneElse(q: QuoteSpan): boolean {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return false;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    let v = qi - 1;
    if (toks[v]?.text === ',' || toks[v]?.text === ':') v--;
    if (v >= 1 && toks[v].kind === 'word' && reportingVerb(toks[v].text) === 'finite' && toks[v - 1].kind === 'word') return true;
    let k = tokenIndexAt(toks, Math.max(q.outer.start, q.outer.end - 1)) + 1;
    if (toks[k]?.text === ',') k++;
    for (let n = 0; n < 4 && toks[k + n]?.kind === 'word'; n++) {
      if (reportingVerb(toks[k + n].text) === 'finite') return n > 0;
    }
    return false;
  }

  /** `…,” X said`, `…,” said X`, `…,” according to X`; across a full stop only when the clause ends there. */
  private after(q: QuoteSpan): SpeakerRef | null {
    let s = this.doc.sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
    if (!s) return null;
    let toks = s.tokens;
    let k = tokenIndexAt(toks, q.outer.end - 1) + 1;
    let crossed = false;
    if (q.unclosed || k >= toks.length) {
      const next = q.unclosed ? this.doc.sentenceAt(q.outer.end + 1) : this.doc.nextSentence(s);
      if (!next || next.paragraph !== s.paragraph || next.start < q.outer.end) return null;
      s = next;
      toks = s.tokens;
      k = 0;
      crossed = true;
    }
    while (k < toks.length && toks[k].kind === 'punct' && ',.!?—–-…'.includes(toks[k].text)) {
      if ('.!?'.includes(toks[k].text)) crossed = true;
      k++;
    }
    const first = toks[k];
    if (!first || first.kind !== 'word') return null;
    if (first.text.toLowerCase() === 'according' && toks[k + 1]?.text === 'to') {
      return this.subjectAfter(toks, k + 2, 'according-to');
    }
    if (reportingVerb(first.text) === 'finite') {
      if (crossed && !endsClause(toks, k + 1)) return null;
      return this.subjectAfter(toks, k + 1, 'after');
    }
    let subjectEnd = -1;
    for (let v = k + 1; v < toks.length && v <= k + 10; v++) {
      const t = toks[v];
      if (t.text === ',' && subjectEnd < 0) {
        const close = Math.max(parentheticalEnd(toks, v), appositiveEnd(toks, v));
        if (close < 0) return null;
        subjectEnd = v - 1;
        v = close;
        continue;
      }
      if (t.kind !== 'word') return null;
      if (reportingVerb(t.text) !== 'finite') continue;
      if (crossed && !endsClause(toks, v + 1)) return null;
      let e = subjectEnd >= 0 ? subjectEnd : v - 1;
      while (e > k && mayStandBeforeVerb(toks[e].text)) e--;
      return this.subjectEndingAt(toks, k, e, 'after');
    }
    return null;
  }

  /** A reporting verb earlier in the quote's sentence: `X said: “…”`, `X said, “…”`, indirect speech. */
  private before(q: QuoteSpan, term: boolean): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    const floor = Math.max(0, qi - LOOK_BEHIND);
    for (let v = qi - 1; v >= floor; v--) {
      const found = reportingAt(toks, v);
      if (!found) continue;
      const between = toks.slice(v + 1, qi);
      const last = between[between.length - 1];
      let via: Via = 'indirect';
      if (last?.text === ':') via = 'colon';
      else if (between.length === 0 || (last?.text === ',' && between.length <= 6 && !introducesClause(between))) via = 'before';
      // A term in a reported sentence that is not the reported clause ("warned of an “era of global
      // boiling”", "apologised for the “grief”") is the reporter's word, a little less surely.
      const loose = term && via === 'indirect' && !introducesClause(between);
      const ref = this.verbSubject(s, found, via);
      if (!loose) {
        if (ref || !this.embedded(toks, found.first)) return ref;
        continue;
      }
      // Only right after the verb, in its object ("of an", "for the"), and not a capitalised name of a
      // thing (“Today”, “Falcon”), which is nobody's word.
      const near = between.length <= 4 && !between.some((t) => t.kind !== 'word');
      if (ref && near && !isUpper(q.text[0]) && this.speaksForItself(ref)) return { ...ref, confidence: TERM_IN_REPORT };
    }
    if (toks[qi - 1]?.text !== ':') return null;
    return this.speechNounSubject(s, qi - 1) ?? this.headSubject(s, qi - 1);
  }

  /**
   * The subject of a reporting verb: before it (`X said`), after it when it follows a quote (`“…,”
   * admitted X, referring to …`), or the sentence's for a participle or an infinitive (`adding that`,
   * `was reported to have told`).
   */
  private verbSubject(s: Sentence, found: { form: 'finite' | 'ing'; first: number }, via: Via): SpeakerRef | null {
    const toks = s.tokens;
    if (found.form === 'ing') return this.sentenceSubject(s, found.first, via);
    let e = found.first - 1;
    while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
    const subj = toks[e];
    if (subj && (subj.kind === 'quote' || (subj.text === ',' && toks[e - 1]?.kind === 'quote'))) {
      return this.subjectAfter(toks, found.first + 1, via);
    }
    if (!subj || subj.kind !== 'word' || ELIDING.has(subj.text.toLowerCase()) || subj.text.toLowerCase() === 'to') {
      return this.sentenceSubject(s, found.first, via);
    }
    return this.subjectEndingAt(toks, 0, e, via);
  }

  /**
   * Whether the subject of the verb at `first` cannot be read and an earlier reporting verb may govern
   * its clause ("Scholz said leaders in Paris agreed that “…”").
   */
  private embedded(toks: readonly Tok[], first: number): boolean {
    for (let k = first - 1; k >= 0 && k >= first - LOOK_BEHIND; k--) {
      if (toks[k].kind === 'quote') return false;
      if (reportingAt(toks, k)) return true;
    }
    return false;
  }

  /** A speaker a term may be given: a person, a body or a role, not a place or a vague group. */
  private speaksForItself(ref: SpeakerRef): boolean {
    if (ref.mention !== null) return this.doc.mentions[ref.mention].type !== 'place';
    return !/^(?:they|them)$/i.test(this.doc.text.slice(ref.span.start, ref.span.end)) && ref.via !== 'pronoun';
  }

  /**
   * `Hawley to Calhoun: ‘Why haven’t you resigned?’`, `Josh Hawley scorches Boeing CEO: ‘…’`: with no
   * reporting verb, a quote after a colon is said by the person the sentence opens with.
   */
  private headSubject(s: Sentence, colon: number): SpeakerRef | null {
    const ref = this.opener(s, colon, 'colon');
    return ref && ref.via !== 'pronoun' ? { ...ref, confidence: HEAD_OF_SENTENCE } : null;
  }

  /**
   * `X delivered these words: “…”`, `Her message was blunt: “…”`: a noun for what was said before the
   * colon makes the person (or body) the sentence is about the speaker.
   */
  private speechNounSubject(s: Sentence, colon: number): SpeakerRef | null {
    const toks = s.tokens;
    for (let k = colon - 1; k >= 0 && k >= colon - LOOK_BEHIND; k--) {
      if (toks[k].kind !== 'word' || !SPEECH_NOUNS.has(toks[k].text.toLowerCase())) continue;
      // "His message was blunt:": the owner of the words is the person the pronoun stands for.
      for (let o = k - 1; o >= 0 && o >= k - 3 && toks[o].kind === 'word'; o--) {
        if (/^(?:his|her)$/i.test(toks[o].text)) return this.pronoun(toks[o]);
      }
      return this.sentenceSubject(s, k, 'colon', false) ?? this.openingPhrase(s, k);
    }
    return null;
  }

  /** The noun phrase a sentence opens with, before token `limit`, as its subject ("The foreign minister …"). */
  private openingPhrase(s: Sentence, limit: number): SpeakerRef | null {
    const toks = s.tokens;
    let e = 0;
    while (e < limit && e < 10 && toks[e].kind === 'word' && subjectWord(toks[e], e === 0)) e++;
    return e === 0 ? null : this.subjectEndingAt(toks, 0, e - 1, 'colon');
  }

  /**
   * A term named by the subject of a naming verb before it: `Scott called the collapse “an unthinkable
   * tragedy”`. Only a person, a body or a role named right before the verb; never "they" or a place.
   */
  private named(q: QuoteSpan): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    for (let v = qi - 1; v >= 0 && v >= qi - LOOK_BEHIND; v--) {
      const t = toks[v];
      if (t.kind === 'punct' && '.;:'.includes(t.text)) return null;
      if (t.kind !== 'word' || !isNamingVerb(t.text, toks[v + 1]?.text)) continue;
      // "…, referring to a “reckless commitment”": the participle's subject is the sentence's person.
      if (t.text.endsWith('ing')) {
        const ref = toks[v - 1]?.text === ',' ? this.sentenceSubject(s, v, 'indirect', false) : null;
        return ref && (ref.mention === null || this.doc.mentions[ref.mention].type === 'person') ? ref : null;
      }
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      const subj = toks[e];
      if (!subj || subj.kind !== 'word' || subj.text.toLowerCase() === 'they') return null;
      const ref = this.subjectEndingAt(toks, 0, e, 'indirect');
      if (ref && ref.mention !== null && this.doc.mentions[ref.mention].type === 'place') return null;
      return ref;
    }
    return null;
  }

  /** `“…” and “…”, X said.`: an attribution closing the sentence covers every quote in it. */
  private sentenceEnd(q: QuoteSpan): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    for (let v = qi + 2; v < toks.length && v <= qi + LOOK_AHEAD * 4; v++) {
      const t = toks[v];
      if (t.kind !== 'word' || reportingVerb(t.text) !== 'finite') continue;
      if (!endsClause(toks, v + 1)) return null;
      let e = v - 1;
      while (e > qi && mayStandBeforeVerb(toks[e].text)) e--;
      let b = e;
      while (b > qi && toks[b - 1].kind === 'word') b--;
      const lead = toks[b - 1];
      if (!lead || !(lead.text === ',' || lead.kind === 'quote')) return null;
      return this.subjectEndingAt(toks, b, e, 'after');
    }
    return null;
  }

  /** `according to X` anywhere in the quote's sentence. */
  private accordingTo(q: QuoteSpan): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    const last = Math.min(toks.length - 1, qi + LOOK_AHEAD * 2);
    for (let k = Math.max(0, qi - LOOK_BEHIND); k < last; k++) {
      if (toks[k].text.toLowerCase() === 'according' && toks[k + 1].text === 'to') {
        const ref = this.subjectAfter(toks, k + 2, 'according-to');
        if (ref) return ref;
      }
    }
    return null;
  }

  /** A paragraph ending `X said:` introduces the quote opening the next paragraph. */
  private colonBefore(q: QuoteSpan): SpeakerRef | null {
    const para = this.doc.paras[q.paragraph];
    if (q.outer.start !== para.start || q.paragraph === 0) return null;
    const prev = this.doc.paras[q.paragraph - 1];
    if (this.doc.text[prev.end - 1] !== ':') return null;
    const list = this.doc.sentences(q.paragraph - 1);
    const s = list[list.length - 1];
    const toks = s.tokens;
    for (let v = toks.length - 2; v >= Math.max(0, toks.length - LOOK_BEHIND); v--) {
      const found = reportingAt(toks, v);
      if (!found) continue;
      if (found.form === 'ing') return this.sentenceSubject(s, found.first, 'colon');
      let e = found.first - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (e < 0 || toks[e].kind !== 'word' || toks[e].text.toLowerCase() === 'to') return this.sentenceSubject(s, found.first, 'colon');
      return this.subjectEndingAt(toks, 0, e, 'colon');
    }
    return toks[toks.length - 1]?.text === ':' ? this.speechNounSubject(s, toks.length - 1) : null;
  }

  /**
   * A statement with no attribution of its own continues the remarks of the nearest speaker before it
   * in its paragraph: the speaker of an earlier quote, or the subject of a reporting clause. A person
   * named in between without a reporting verb leaves it unattributed rather than guessed. A quote
   * opening its paragraph continues the last statement of the paragraph before.
   */
  private continuation(quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
    const q = quotes[i];
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const list = this.doc.sentences(s.paragraph);
    let j = i - 1;
    for (let k = s.index - 1; k >= 0 && k >= s.index - MAX_SENTENCES_BACK; k--) {
      const sent = list[k];
      let quoted: SpeakerRef | null = null;
      for (; j >= 0 && j >= i - MAX_BACK && quotes[j].outer.start >= sent.start; j--) {
        if (!quoted && quotes[j].depth === 0 && earlier[j]) quoted = earlier[j];
      }
      if (quoted) return carried(quoted, CONFIDENCE.continuation);
      const clause = this.reportingClause(sent);
      if (clause) return carried(clause, CONFIDENCE.continuation);
      if (this.doc.mentionsIn(sent.start, sent.end).some((m) => this.doc.mentions[m].type === 'person')) return null;
    }
    const para = this.doc.paras[q.paragraph];
    if (q.outer.start !== para.start) return null;
    let quotedBefore = false;
    for (let k = i - 1; k >= 0 && k >= i - MAX_BACK && quotes[k].paragraph >= q.paragraph - 1; k--) {
      if (quotes[k].paragraph === q.paragraph - 1) quotedBefore = true;
      if (quotes[k].depth > 0 || quotes[k].paragraph === q.paragraph || quotes[k].kind !== 'statement') continue;
      const ref = earlier[k];
      return ref ? carried(ref, CONFIDENCE.continuation) : null;
    }
    // "Biden said he spoke to the governor.\n\n“I told them …”": a paragraph of reported speech with no
    // quote of its own introduces the quote opening the next one.
    if (quotedBefore || q.paragraph === 0) return null;
    const before = this.doc.sentences(q.paragraph - 1);
    const last = before[before.length - 1];
    const clause = last ? this.reportingClause(last) : null;
    return clause ? carried(clause, PARAGRAPH_CARRIED) : null;
  }

  /** The speaker of the last reporting verb with an explicit subject in a sentence, if any. */
  private reportingClause(s: Sentence): SpeakerRef | null {
    const toks = s.tokens;
    for (let v = toks.length - 1; v > 0 && v >= toks.length - LOOK_BEHIND; v--) {
      if (toks[v].kind !== 'word' || reportingVerb(toks[v].text) !== 'finite') continue;
      let e = v - 1;
      while (e > 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (toks[e].kind !== 'word' || toks[e].text.toLowerCase() === 'to') continue;
      const ref = this.subjectEndingAt(toks, 0, e, 'indirect');
      if (ref) return ref;
    }
    // "Guterres delivered his alarming statement on Thursday.": the words quoted next are his.
    if (toks.some((t) => t.kind === 'word' && SPEECH_NOUNS.has(t.text.toLowerCase()))) return this.opener(s, toks.length, 'indirect');
    return null;
  }

  /** The person a sentence opens with, as its subject: a name (after a title) or he/she, before token `limit`. */
  private opener(s: Sentence, limit: number, via: Via): SpeakerRef | null {
    const toks = s.tokens;
    let k = 0;
    while (k < limit && k < 4 && toks[k].kind === 'word' && (isRoleModifier(toks[k].text) || isPersonRole(toks[k].text) || /\.$/.test(toks[k].text))) k++;
    const t = toks[k];
    if (!t || t.kind !== 'word' || k >= limit) return null;
    if (PERSON_PRONOUNS.has(t.text.toLowerCase())) return this.pronoun(t);
    const m = this.doc.mentionAt(t.start);
    if (m < 0 || this.doc.mentions[m].type !== 'person' || this.doc.mentions[m].end > (toks[limit]?.start ?? s.end)) return null;
    return this.mentionRef(m, this.doc.mentions[m], via);
  }

  /**
   * The subject of a verb whose own subject is left out (`…, adding that`, `but said`): the speaker of
   * the first reporting verb of the sentence, else its first person, else its first named entity.
   */
  private sentenceSubject(s: Sentence, verb: number, via: Via, anyEntity = true): SpeakerRef | null {
    const toks = s.tokens;
    const from = Math.max(0, verb - LOOK_BEHIND);
    for (let v = from; v < verb; v++) {
      if (toks[v].kind !== 'word' || reportingVerb(toks[v].text) !== 'finite') continue;
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (e < 0 || toks[e].kind !== 'word' || ELIDING.has(toks[e].text.toLowerCase()) || toks[e].text.toLowerCase() === 'to') continue;
      const ref = this.subjectEndingAt(toks, 0, e, via);
      if (ref) return ref;
    }
    const found = this.doc.mentionsIn(toks[from].start, toks[verb].start);
    const people = found.filter((i) => this.doc.mentions[i].type === 'person');
    // The subject rather than a person named in an object ("He painted Russia under President Putin").
    const subject = people.find((i) => !this.inObjectPosition(s, this.doc.mentions[i]));
    if (subject === undefined && from === 0 && toks[0].kind === 'word' && PERSON_PRONOUNS.has(toks[0].text.toLowerCase())) {
      const ref = this.pronoun(toks[0]);
      if (ref) return { ...ref, via };
    }
    const person = subject ?? people[0];
    const pick = person ?? (anyEntity ? found[0] : found.find((i) => this.doc.mentions[i].type === 'organization'));
    return pick === undefined ? null : this.mentionRef(pick, this.doc.mentions[pick], via);
  }

  /** A speaker named right after a verb or `according to`: a name, a role, or he/she. */
  private subjectAfter(toks: readonly Tok[], from: number, via: Via): SpeakerRef | null {
    let e = from;
    while (e < toks.length && e < from + 10 && toks[e].kind === 'word' && subjectWord(toks[e], e === from)) e++;
    if (e === from) return null;
    if (toks[e]?.kind === 'word' && /^(?:for|of|at|from|in)$/.test(toks[e].text) && isRoleNoun(toks[e - 1].text)) {
      let f = e + 1;
      while (f < toks.length && f < e + 6 && toks[f].kind === 'word' && subjectWord(toks[f], false) && toks[f].text !== 'of') f++;
      if (f > e + 1 && (isUpper(toks[f - 1].text[0]) || isRoleNoun(toks[f - 1].text))) e = f;
    }
    const first = toks[from].text.toLowerCase();
    if (e - from === 1 && PERSON_PRONOUNS.has(first)) return this.pronoun(toks[from]);
    if (e - from === 1 && first === 'they') return this.plural(toks[from]);
    if (NOT_SPEAKERS.has(first) && !DETERMINERS.has(first)) return null;
    return this.resolvePhrase(toks, from, e - 1, via);
  }

  /**
   * The subject ending at token `e`, reading no further left than token `floor`: a mention, he/she, a
   * role phrase ("A US State Department spokesman", "a spokesman for the ministry"), or a capitalised
   * name the recogniser missed. Anything else (a noun like "the report") gives null.
   */
  private subjectEndingAt(toks: readonly Tok[], floor: number, e: number, via: Via): SpeakerRef | null {
    const t = toks[e];
    if (!t || t.kind !== 'word') return null;
    const lower = t.text.toLowerCase();
    if (PERSON_PRONOUNS.has(lower)) return this.pronoun(t);
    if (lower === 'they') return this.plural(t);
    if (lower === 'who') return this.relative(toks, e, via);
    if (VAGUE_PRONOUNS.has(lower)) return null;
    let b = e;
    while (b - 1 >= floor && toks[b - 1].kind === 'word' && subjectWord(toks[b - 1], false)) {
      b--;
      if (DETERMINERS.has(toks[b].text.toLowerCase())) break;
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

  /** `Minal Pathak, a scientist, who warned …`: `who` stands for the person named just before it. */
  private relative(toks: readonly Tok[], who: number, via: Via): SpeakerRef | null {
    const from = toks[Math.max(0, who - 12)].start;
    const people = this.doc.mentionsIn(from, toks[who].start).filter((i) => this.doc.mentions[i].type === 'person');
    const m = people[people.length - 1];
    return m === undefined ? null : { ...this.mentionRef(m, this.doc.mentions[m], via), span: { start: toks[who].start, end: toks[who].end } };
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
    const covering = servant ? -1 : this.doc.mentionAt(toks[e].start);
    if (covering >= 0 && mentions[covering].end === end) return this.mentionRef(covering, mentions[covering], via);
    if (headIsRole || isRoleNoun(toks[e].text)) {
      // "The speaker said" names whoever is speaking, not a person the article introduced as Speaker:
      // it stays a role, never a name or an entity.
      if (e === b + 1 && /^the$/i.test(toks[b].text) && /^speaker$/i.test(toks[e].text)) {
        return { name: this.doc.text.slice(start, end), span: { start, end }, mention: null, via, confidence: THE_SPEAKER };
      }
      const holder = this.roleHolder(toks, b, e);
      if (holder !== null) return { ...this.mentionRef(holder, mentions[holder], via), span: { start, end }, confidence: ROLE_RESOLVED };
      // "the Ukrainian president", "the former Portuguese prime minister": with nobody introduced in the
      // role, a description by nationality or past office stands for the person the passage is about.
      if (this.isEpithet(toks, b, e)) {
        const person = this.pronoun({ start, end });
        if (person) return { ...person, via, confidence: EPITHET_ROLE };
      }
      const org = inside.find((i) => mentions[i].type === 'organization');
      return { name: this.doc.text.slice(start, end), span: { start, end }, mention: org ?? null, via, confidence: ROLE_ONLY };
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
    if (!/^the$/i.test(toks[b].text) || !isPersonRole(toks[e].text)) return false;
    for (let k = b + 1; k < e; k++) {
      const w = toks[k].text;
      if (w === 'former' || (EPITHET.test(w) && this.doc.mentionAt(toks[k].start) < 0) || COUNTRY_WORDS.has(w.toLowerCase())) return true;
      if (!(isRoleModifier(w) || isPersonRole(w) || isUpper(w[0]))) return false;
    }
    return false;
  }

  /**
   * The person the article introduced, before the role phrase toks[b..e], in the role it names: "the
   * governor" for "Maryland Gov. Wes Moore", "the US Secretary of State" for "US Secretary of State
   * Antony Blinken", "the bank's chief" for "Bank of Canada Governor Tiff Macklem", "the executive" for
   * "Jeffrey Pritzker, executive vice president of Brawner Builders". Only a definite, singular role of
   * a person ("the minister", not "a minister", "officials" or "the ministry"), and only a person whose
   * title holds every word of the role that tells roles apart ("foreign", "of State"); the nearest wins.
   */
  private roleHolder(toks: readonly Tok[], b: number, e: number): number | null {
    const phraseStart = toks[b].start;
    const mentions = this.doc.mentions;
    // A role naming the article's first person ("UN chief warns …" in a headline) is the person the
    // article introduces in it further on; headlines drop the article, so "the" is not needed there.
    let first = true;
    for (let i = 0; i < mentions.length && mentions[i].start < phraseStart && first; i++) {
      const m = mentions[i];
      if (m.type === 'person' && m.end <= phraseStart && !this.doc.quoteAt(m.start)) first = false;
    }
    if (!first && !/^the$/i.test(toks[b].text)) return null;
    let h = e;
    while (h > b && !isPersonRole(toks[h].text)) h--;
    if (h === b) return null;
    const head = roleWord(toks[h].text);
    const required: string[] = [];
    for (let k = b; k <= e; k++) {
      if (k === h) continue;
      const t = toks[k];
      const w = roleWord(t.text);
      if (/['’]s?$/.test(t.text)) {
        // "Biden's spokesman" is not Biden; "the bank's chief" is the bank's.
        const m = this.doc.mentionAt(t.start);
        if (m >= 0 && this.doc.mentions[m].type === 'person') return null;
        continue;
      }
      if (DETERMINERS.has(w) || COUNTRY_WORDS.has(w) || LOOSE_ROLE_WORDS.has(w) || /^(?:of|for|at|and)$/.test(w)) continue;
      const m = this.doc.mentionAt(t.start);
      if (m >= 0 && this.doc.mentions[m].type === 'place') continue;
      required.push(w);
    }
    const holds = (i: number): boolean => {
      const title = this.titleOf(mentions[i]);
      if (title.size === 0) return false;
      const heads = GENERIC_HEADS.has(head) ? [...title].some((w) => HEAD_ROLES.has(w)) : title.has(head);
      return heads && required.every((w) => title.has(w));
    };
    let seen = 0;
    if (first) {
      for (let i = lastStartingAtOrBefore(mentions, phraseStart) + 1; i < mentions.length && seen < ROLE_REACH; i++) {
        if (mentions[i].type !== 'person' || this.doc.quoteAt(mentions[i].start)) continue;
        seen++;
        if (holds(i)) return i;
      }
      return null;
    }
    for (let i = lastStartingAtOrBefore(mentions, phraseStart - 1); i >= 0 && seen < ROLE_REACH; i--) {
      const m = mentions[i];
      if (m.type !== 'person' || m.end > phraseStart || this.doc.quoteAt(m.start)) continue;
      seen++;
      if (holds(i)) return i;
    }
    return null;
  }

  /**
   * The words of the title or description a person mention is given where it stands: before the name
   * ("Maryland Gov.", "US Secretary of State", "CrowdStrike CEO") or in an aside beside it (", the
   * mayor of Baltimore,", "Jeffrey Pritzker, executive vice president of Brawner Builders,").
   */
  private titleOf(m: Span): Set<string> {
    const out = new Set<string>();
    const s = this.doc.sentenceAt(m.start);
    if (!s) return out;
    const toks = s.tokens;
    const i = lastStartingAtOrBefore(toks, m.start);
    if (i < 0) return out;
    const add = (t: Tok): void => {
      const w = roleWord(t.text);
      out.add(w);
      if (w === 'ceo') out.add('chief').add('executive');
    };
    for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
      const t = toks[k];
      if (t.kind !== 'word' || !(isUpper(t.text[0]) || isPersonRole(t.text) || isRoleModifier(t.text) || /^(?:of|for|at)$/.test(t.text))) break;
      if (DETERMINERS.has(t.text.toLowerCase())) break;
      add(t);
    }
    const aside = (from: number, step: 1 | -1): void => {
      const words: Tok[] = [];
      for (let k = from; k >= 0 && k < toks.length && words.length < 10; k += step) {
        const t = toks[k];
        if (t.kind !== 'word') break;
        words.push(t);
      }
      if (words.some((t) => isPersonRole(t.text))) words.forEach(add);
    };
    if (toks[i - 1]?.text === ',') aside(i - 2, -1);
    let j = i;
    while (j < toks.length && toks[j].start < m.end) j++;
    if (toks[j]?.text === ',') aside(j + 1, 1);
    return out;
  }

  private mentionRef(index: number, m: RawMention, via: Via): SpeakerRef {
    const name = m.type === 'person' ? this.names.of(index) : m.text;
    return { name, span: { start: m.start, end: m.end }, mention: index, via };
  }

  /**
   * `he` or `she` stands for the person who is the subject of the nearest sentence before it that
   * names a person outside quotation marks: the first such person not in an object position.
   */
  private pronoun(t: Span): SpeakerRef | null {
    let s = this.doc.sentenceAt(t.start);
    let limit = t.start;
    for (let n = 0; s && n < PRONOUN_REACH; n++) {
      const people = this.doc.mentionsIn(Math.max(s.start, limit - REACH_CHARS), limit).filter((i) => this.doc.mentions[i].type === 'person');
      if (people.length > 0) {
        const subject =
          people.find((i) => !this.inObjectPosition(s!, this.doc.mentions[i]) && !this.isPossessive(this.doc.mentions[i])) ??
          people.find((i) => !this.inObjectPosition(s!, this.doc.mentions[i])) ??
          people[0];
        return { name: this.names.of(subject), span: { start: t.start, end: t.end }, mention: subject, via: 'pronoun' };
      }
      s = this.doc.previousSentence(s);
      limit = s ? s.end : 0;
    }
    return null;
  }

  /**
   * `they` stands for the group named by a plural role in the nearest sentences before it ("US
   * officials … They said"); with none, it is left unresolved.
   */
  private plural(t: Span): SpeakerRef | null {
    let s = this.doc.sentenceAt(t.start);
    let limit = t.start;
    for (let n = 0; s && n < PLURAL_REACH; n++) {
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
    return null;
  }

  /** Whether a name is a possessive ("Brawner Builders' executive vice president"): it qualifies the subject. */
  private isPossessive(m: Span): boolean {
    return /^['’]s?(?![\p{L}])/u.test(this.doc.text.slice(m.end, m.end + 3));
  }

  /** Whether a name follows a preposition or a verb taking an object ("met with Wang", "told Xi"). */
  private inObjectPosition(s: Sentence, m: Span): boolean {
    const toks = s.tokens;
    let k = lastStartingAtOrBefore(toks, m.start) - 1;
    while (k >= 0 && toks[k].kind === 'word' && (isUpper(toks[k].text[0]) || isRoleNoun(toks[k].text) || isRoleModifier(toks[k].text))) {
      if (DETERMINERS.has(toks[k].text.toLowerCase())) break;
      k--;
    }
    while (k >= 0 && toks[k].kind === 'word' && DETERMINERS.has(toks[k].text.toLowerCase())) k--;
    return k >= 0 && toks[k].kind === 'word' && PREPOSITIONS.has(toks[k].text.toLowerCase());
  }
}
