import type { Paragraph, QuoteSpan, RawMention, SpeakerRef, Span } from '../types';
import { isUpper } from '../text/chars';
import { DocumentView, lastStartingAtOrBefore, type Sentence, type Tok } from './context';
import {
  DETERMINERS, isFiniteMarker, isRoleModifier, isRoleNoun, mayStandBeforeVerb, NOT_SPEAKERS, PERSON_PRONOUNS,
  PREPOSITIONS, reportingVerb, VAGUE_PRONOUNS,
} from './lexicon';
import { FullNames } from './names';

type Via = SpeakerRef['via'];

/** How many tokens around a quotation are read for its attribution. */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 16;
/** Words allowed after the verb of an attribution that ends a sentence ("told reporters on Friday"). */
const MAX_TAIL = 6;
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
  for (let i = 0; i < quotes.length; i++) out.push(reader.attribute(quotes, i, out));
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
      (term ? null : this.continuation(quotes, i, earlier))
    );
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
        const close = parentheticalEnd(toks, v);
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
      const t = toks[v];
      const form = t.kind === 'word' ? reportingVerb(t.text) : null;
      if (!form) continue;
      const between = toks.slice(v + 1, qi);
      const last = between[between.length - 1];
      let via: Via = 'indirect';
      if (last?.text === ':') via = 'colon';
      else if (between.length === 0 || (last?.text === ',' && between.length <= 6 && !introducesClause(between))) via = 'before';
      if (term && via === 'indirect' && !introducesClause(between)) continue;
      if (form === 'ing') return this.sentenceSubject(s, v, via);
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      const subj = toks[e];
      if (!subj || subj.kind !== 'word' || ELIDING.has(subj.text.toLowerCase())) return this.sentenceSubject(s, v, via);
      return this.subjectEndingAt(toks, 0, e, via);
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
      const form = toks[v].kind === 'word' ? reportingVerb(toks[v].text) : null;
      if (!form) continue;
      if (form === 'ing') return this.sentenceSubject(s, v, 'colon');
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (e < 0 || toks[e].kind !== 'word') return this.sentenceSubject(s, v, 'colon');
      return this.subjectEndingAt(toks, 0, e, 'colon');
    }
    return null;
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
      if (quoted) return { ...quoted, via: 'continuation' };
      const clause = this.reportingClause(sent);
      if (clause) return { ...clause, via: 'continuation' };
      if (this.doc.mentionsIn(sent.start, sent.end).some((m) => this.doc.mentions[m].type === 'person')) return null;
    }
    const para = this.doc.paras[q.paragraph];
    if (q.outer.start !== para.start) return null;
    for (let k = i - 1; k >= 0 && k >= i - MAX_BACK && quotes[k].paragraph >= q.paragraph - 1; k--) {
      if (quotes[k].depth > 0 || quotes[k].paragraph === q.paragraph || quotes[k].kind !== 'statement') continue;
      const ref = earlier[k];
      return ref ? { ...ref, via: 'continuation' } : null;
    }
    return null;
  }

  /** The speaker of the last reporting verb with an explicit subject in a sentence, if any. */
  private reportingClause(s: Sentence): SpeakerRef | null {
    const toks = s.tokens;
    for (let v = toks.length - 1; v > 0 && v >= toks.length - LOOK_BEHIND; v--) {
      if (toks[v].kind !== 'word' || reportingVerb(toks[v].text) !== 'finite') continue;
      let e = v - 1;
      while (e > 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (toks[e].kind !== 'word') continue;
      const ref = this.subjectEndingAt(toks, 0, e, 'indirect');
      if (ref) return ref;
    }
    return null;
  }

  /**
   * The subject of a verb whose own subject is left out (`…, adding that`, `but said`): the speaker of
   * the first reporting verb of the sentence, else its first person, else its first named entity.
   */
  private sentenceSubject(s: Sentence, verb: number, via: Via): SpeakerRef | null {
    const toks = s.tokens;
    const from = Math.max(0, verb - LOOK_BEHIND);
    for (let v = from; v < verb; v++) {
      if (toks[v].kind !== 'word' || reportingVerb(toks[v].text) !== 'finite') continue;
      let e = v - 1;
      while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (e < 0 || toks[e].kind !== 'word' || ELIDING.has(toks[e].text.toLowerCase())) continue;
      const ref = this.subjectEndingAt(toks, 0, e, via);
      if (ref) return ref;
    }
    const found = this.doc.mentionsIn(toks[from].start, toks[verb].start);
    const person = found.find((i) => this.doc.mentions[i].type === 'person');
    const pick = person ?? found[0];
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
    if (VAGUE_PRONOUNS.has(lower)) return null;
    let b = e;
    while (b - 1 >= floor && toks[b - 1].kind === 'word' && subjectWord(toks[b - 1], false)) {
      b--;
      if (DETERMINERS.has(toks[b].text.toLowerCase())) break;
    }
    // "a spokesman for the ministry": a role followed by the body it speaks for.
    for (let k = e; k > b; k--) {
      const prep = toks[k - 1];
      if (!/^(?:for|of|at|from)$/.test(prep.text) || k - 2 < floor || !isRoleNoun(toks[k - 2].text)) continue;
      b = k - 2;
      while (b - 1 >= floor && toks[b - 1].kind === 'word' && subjectWord(toks[b - 1], false)) {
        b--;
        if (DETERMINERS.has(toks[b].text.toLowerCase())) break;
      }
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
    const headIsRole = isRoleNoun(toks[e].text) || /^(?:for|of|at|from)$/.test(toks[Math.max(b, e - 2)].text);
    const lastPerson = [...inside].reverse().find((i) => mentions[i].type === 'person');
    if (lastPerson !== undefined && mentions[lastPerson].end === end) return this.mentionRef(lastPerson, mentions[lastPerson], via);
    const covering = this.doc.mentionAt(toks[e].start);
    if (covering >= 0 && mentions[covering].end === end) return this.mentionRef(covering, mentions[covering], via);
    if (headIsRole || isRoleNoun(toks[e].text)) {
      const org = inside.find((i) => mentions[i].type === 'organization');
      return { name: this.doc.text.slice(start, end), span: { start, end }, mention: org ?? null, via };
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
    if (f === b + 1 && f === e && inside.length === 0 && EPITHET.test(toks[e].text)) return this.pronoun({ start, end });
    const s = toks[f].start;
    return { name: this.doc.text.slice(s, end), span: { start: s, end }, mention: inside[0] ?? null, via };
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
        const subject = people.find((i) => !this.inObjectPosition(s!, this.doc.mentions[i])) ?? people[0];
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

/** A word that can belong to a speaker phrase: a name, a determiner, a role or what qualifies one. */
function subjectWord(t: Tok, first: boolean): boolean {
  const w = t.text;
  const lower = w.toLowerCase();
  if (first && (PERSON_PRONOUNS.has(lower) || lower === 'they')) return true;
  if (isUpper(w[0])) return !NOT_SPEAKERS.has(lower) || DETERMINERS.has(lower);
  return DETERMINERS.has(lower) || isRoleNoun(w) || isRoleModifier(w) || /['’]s$/.test(w) || lower === 'of';
}

/** Words opening an aside between a speaker and the verb ("Xi, who met Blinken, said"). */
const ASIDES = new Set(['who', 'however', 'though', 'meanwhile', 'too', 'also', 'speaking', 'in', 'for', 'at', 'asked']);

/**
 * Where an aside opened by the comma at `comma` ends: the index of its closing comma, or -1 when the
 * comma opens no aside.
 */
function parentheticalEnd(toks: readonly Tok[], comma: number): number {
  const next = toks[comma + 1];
  if (!next || next.kind !== 'word' || !ASIDES.has(next.text.toLowerCase())) return -1;
  for (let k = comma + 2; k < toks.length && k <= comma + 20; k++) {
    if (toks[k].text === ',') return k;
    if (toks[k].kind !== 'word' && toks[k].text !== '-' && toks[k].text !== '’') return -1;
  }
  return -1;
}

/** After a reporting verb: at most a few words, no new clause, then the end of the sentence. */
function endsClause(toks: readonly Tok[], from: number): boolean {
  let words = 0;
  for (let k = from; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'quote') return false;
    if (t.kind === 'punct') {
      if ('.!?'.includes(t.text)) return true;
      if (t.text === ':') return false;
      continue;
    }
    if (t.text.toLowerCase() === 'that') return false;
    if (++words > MAX_TAIL) return false;
  }
  return true;
}

/** Whether the words between a reporting verb and a quote open a clause the quote belongs to. */
function introducesClause(between: readonly Tok[]): boolean {
  return between.some((t) => t.kind === 'word' && (t.text.toLowerCase() === 'that' || isFiniteMarker(t.text)));
}

/** Index of the token containing or starting before `offset`. */
function tokenIndexAt(toks: readonly Tok[], offset: number): number {
  return Math.max(0, lastStartingAtOrBefore(toks, offset));
}
