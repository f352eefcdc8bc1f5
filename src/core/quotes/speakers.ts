import type { Paragraph, QuoteSpan, RawMention, Span, SpeakerRef } from '../types';
import { isUpper } from '../text/chars';
import { CONFIDENCE, HEAD_OF_SENTENCE, PARAGRAPH_CARRIED, TERM_IN_REPORT } from './confidence';
import { DocumentView, lastStartingAtOrBefore, type Sentence, type Tok } from './context';
import { isFiniteMarker, isForeignReportingVerb, isForeignThat, isNamingVerb, mayStandBeforeVerb, reportingVerb, SPEECH_NOUNS } from './lexicon';
import { FullNames, peopleOf } from './names';
import { movedToSpeak, namedRightBefore, nameInApposition, namingSubjectEnd, ownedWords } from './speakers-clauses';
import { echoSpeakers } from './speakers-echoes';
import { headlineSpeakers } from './speakers-headline';
import { answer, reply, saidBySomeoneElse } from './speakers-turns';
import { capitalLabel, listedUnder } from './speakers-lists';
import { openingPerson } from './speakers-opening';
import { staysInClause, termInReport } from './speakers-terms';
import { signedOff } from './speakers-signoff';
import { ELIDING, LOOK_BEHIND, Subjects } from './speakers-subjects';
import { isPersonRole, subjectWord, carried, reportingAt, appositiveEnd, parentheticalEnd, enclosingParenthetical, endsClause, introducesClause, tokenIndexAt, opensParagraph, isTitleCase, shortAsideEnd, embedded, asideOpening, sourcePhraseEnd, opensNewClause } from './speakers-grammar';

type Via = SpeakerRef['via'];

/** How many tokens after a quotation are read for its attribution. */
const LOOK_AHEAD = 16;
/**
 * Verbs of praise and blame in a finite form: not reporting verbs (a policy is criticised as often as
 * in words), but a quote standing alone right after the sentence gives the words they were done in.
 */
const EVALUATING = /^(?:critici[sz]e[sd]?|prais(?:e|es|ed)|slam(?:s|med)|blast(?:s|ed)|attack(?:s|ed)|defend(?:s|ed)|condemn(?:s|ed)|denounce[sd]?|hail(?:s|ed)|lashe[sd]|lambaste[sd]?)$/;

/** Of those, the ones a country does with arms as well as words ("Russia attacked Kyiv"). */
const ARMED = /^(?:attack(?:s|ed)|blast(?:s|ed)|slam(?:s|med))$/;

/** Words for what was said that open a sentence before its verb in other languages, the subject after it. */
const SAID_FIRST = new Set(['das', 'dies', 'eso', 'esto', 'cela', 'ceci', 'ça', 'isso', 'dat', 'dit']);

/** Auxiliaries of the perfect in the languages outlets quote in, before a reporting verb's participle. */
const FOREIGN_AUXILIARIES = new Set(['ha', 'han', 'había', 'a', 'avait', 'hat', 'hatte', 'heeft', 'tem']);
/**
 * Articles of the languages whose reporting verbs are read: after the verb they open its subject
 * ("dijo el ministro", "a déclaré la ministre", "sagte die Außenministerin"), which is then no pronoun left out.
 */
const FOREIGN_ARTICLES = new Set(['el', 'la', 'los', 'las', 'le', 'les', 'l', 'un', 'una', 'une', 'uno', 'des', 'du', 'a', 'o', 'os', 'as', 'um', 'uma', 'il', 'lo', 'gli', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine']);

/** Whether the words from token `k` leave the verb before them without a subject: the clause ends, or an adverb or a preposition's phrase follows. */
function leavesSubjectOut(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind === 'punct') return true;
  if (t.kind !== 'word') return false;
  const w = t.text.toLowerCase().replace(/['’]$/, '');
  return !isUpper(t.text[0]) && !FOREIGN_ARTICLES.has(w);
}

/** Reflexive pronouns before another language's reporting verb ("se preguntó", "s'est exclamé"). */
const REFLEXIVES = new Set(['se', 'si', 'sich']);

/**
 * French's inverted he or she after the auxiliary, before a reporting verb: "a-t-il martelé", "a t’il
 * lancé", "avait-elle écrit". The pronoun's span and the verb's token.
 */
function invertedPronoun(toks: readonly Tok[], k: number): { pronoun: Span; verb: number } | null {
  const t = toks[k];
  if (!t || t.kind !== 'word') return null;
  const joined = /^(?:a|avait)-(?:t-)?(il|elle)$/i.exec(t.text);
  if (joined && isForeignReportingVerb(toks[k + 1]?.text ?? '')) return { pronoun: { start: t.end - joined[1].length, end: t.end }, verb: k + 1 };
  const next = toks[k + 1];
  const split = next?.kind === 'word' && /^(?:a|avait)$/i.test(t.text) ? /^-?t?[-’'](il|elle)$/i.exec(next.text) : null;
  if (split && isForeignReportingVerb(toks[k + 2]?.text ?? '')) return { pronoun: { start: next!.end - split[1].length, end: next!.end }, verb: k + 2 };
  return null;
}

/** Words the clause of an attribution after a quote's own question or exclamation mark may run to. */
const OWN_MARK_TAIL = 12;

/** Verbs with which a speaker goes on from the quote before ("he added", "she continued"). */
const GOING_ON = new Set(['added', 'adds', 'continued', 'continues', 'concluded', 'concludes']);

/**
 * Token `e` before a reporting verb at `verb`, or the one before it when `e` is another language's
 * auxiliary of the perfect ("el presidente Pedro Sánchez ha explicado", "Emmanuel Macron a déclaré"),
 * reading no further left than `floor`.
 */
function beforeAuxiliary(toks: readonly Tok[], e: number, floor: number, verb: number): number {
  return e > floor && FOREIGN_AUXILIARIES.has(toks[e].text) && isForeignReportingVerb(toks[verb].text) ? e - 1 : e;
}

/** Tokens a list of names speaking together may take between a quote and its reporting verb. */
const LIST_WORDS = 24;

/** How many sentences of its paragraph a quote looks back for the speaker it continues. */
const MAX_SENTENCES_BACK = 4;

/** How many words a line's label (a name and its title before a colon) may have. */
const LABEL_WORDS = 10;

/** Words no label of a name and title holds. */
const NOT_IN_LABEL = /^(?:for|by|to|from|about|with|on|in|at|of|after|before|and|or|the|a|an)$/i;

/** How many words a `quoted … as saying` clause may run to after the quote. */
const QUOTED_REACH = 12;

/** How many quotes back the previous speaker is looked for. */
const MAX_BACK = 12;

/**
 * Attributes each quote to its speaker, as a reader would; `null` where no speaker can be found.
 * `mentions` are the document's entity mentions, sorted by start; the result is parallel to `quotes`.
 *
 * The attributions tried, in order: a speaker and reporting verb right after the closing mark
 * (`…,” X said`, `said X`, `…,” according to X`) or signing it after a dash at its paragraph's end
 * (`“…” – Attorney General X`); a reporting verb earlier in the sentence, with a colon
 * (`X said: “…”`), right before the quote (`X said, “…”`) or introducing indirect speech that the quote
 * completes (`X said its supply “had a material effect”`); a closing `, X said.` at the end of the
 * sentence; `according to X` anywhere in the sentence; a paragraph ending `X said:` before a quote
 * opening the next. A statement left without attribution continues the remarks of the speaker of the
 * previous quote in its paragraph, or in the paragraph before when it opens its own; a bare quotation
 * listed under a heading that names one person is theirs. Terms (scare quotes) are attributed only by
 * an explicit attribution, a naming verb's first, indirect speech only when the verb introduces a clause. `he` and `she` are the
 * subject of the nearest earlier sentence naming one person, by name or role. Names are given in their
 * fullest form in the document (a bare surname never a relative's), roles as written.
 */
export function attributeSpeakers(
  text: string,
  paras: readonly Paragraph[],
  quotes: readonly QuoteSpan[],
  mentions: readonly RawMention[],
): (SpeakerRef | null)[] {
  const people = peopleOf(text, mentions);
  const reader = new Attributor(new DocumentView(text, paras, quotes, people), new FullNames(people, text));
  const out: (SpeakerRef | null)[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const ref = reader.attribute(quotes, i, out);
    out.push(ref && ref.confidence === undefined ? { ...ref, confidence: CONFIDENCE[ref.via] } : ref);
  }
  echoSpeakers(quotes, out);
  headlineSpeakers(text, quotes, out, people);
  return out;
}

class Attributor {
  private readonly subjects: Subjects;

  constructor(private readonly doc: DocumentView, names: FullNames) {
    this.subjects = new Subjects(doc, names);
  }

  attribute(quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
    const q = quotes[i];
    if (q.depth > 0) return null;
    const term = q.kind === 'term';
    return (
      ownedWords(this.doc, this.subjects, q) ??
      this.goingOn(quotes, i, earlier, this.after(q)) ??
      signedOff(this.doc, this.subjects, q) ??
      (term ? this.named(q) : null) ??
      this.before(q, term) ??
      this.sentenceEnd(q) ??
      this.accordingTo(q) ??
      this.colonBefore(q) ??
      capitalLabel(this.doc, quotes, i) ??
      reply(this.doc, this.subjects, quotes, i, earlier) ??
      answer(this.doc, quotes, i, earlier) ??
      (term || saidBySomeoneElse(this.doc, q) ? null : namedRightBefore(this.doc, this.subjects, q) ?? openingPerson(this.doc, this.subjects, q) ?? this.continuation(quotes, i, earlier)) ??
      listedUnder(this.doc, this.subjects, q) ??
      termInReport(this.doc, quotes, i, earlier) ??
      (term ? openingPerson(this.doc, this.subjects, q) : null)
    );
  }

  /**
   * `Mr. Prigozhin “will go to Belarus,” Peskov announced … “The case will be dropped,” he added`: he or
   * she with a verb of going on stands for whoever spoke the quote just before, in that sentence or the
   * one before it, rather than for a name the sentence opened with. `found` is what the quote's own
   * attribution gave.
   */
  private goingOn(quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[], found: SpeakerRef | null): SpeakerRef | null {
    if (!found || found.via !== 'pronoun' || i === 0) return found;
    const verb = /^\s+(\p{L}+)(?:\s+(\p{L}+))?/u.exec(this.doc.text.slice(found.span.end, found.span.end + 24));
    const going = verb && (GOING_ON.has(verb[1]) || ((verb[1] === 'went' || verb[1] === 'goes') && verb[2] === 'on'));
    const before = earlier[i - 1];
    if (!going || !before || before.mention === null || before.mention === found.mention || quotes[i - 1].depth > 0) return found;
    const own = this.doc.sentenceAt(quotes[i].outer.start);
    const previous = this.doc.sentenceAt(quotes[i - 1].outer.start);
    if (!own || !previous || (previous !== own && this.doc.previousSentence(own) !== previous)) return found;
    // "Asked about Putin's warning …, Joe Biden shrugged. “…,” he added": the person the pronoun's own
    // reading finds named after the quote before is who goes on.
    const at = found.mention === null ? -1 : this.doc.mentions[found.mention].start;
    if (at >= quotes[i - 1].outer.end && at < quotes[i].outer.start) return found;
    return this.subjects.agrees(found.span, before.mention) ? { ...before, span: found.span, via: 'pronoun', confidence: found.confidence } : found;
  }

  /** `…,” X said`, `…,” said X`, `…,” according to X`; across a full stop only when the clause ends there. */
  private after(q: QuoteSpan): SpeakerRef | null {
    let s = this.doc.sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
    if (!s) return null;
    let toks = s.tokens;
    let k = tokenIndexAt(toks, q.outer.end - 1) + 1;
    let crossed = false;
    // The quote's own question or exclamation mark ended the sentence, not the writer.
    let ownMark = false;
    if (q.unclosed || k >= toks.length) {
      const next = q.unclosed ? this.doc.sentenceAt(q.outer.end + 1) : this.doc.nextSentence(s);
      if (!next || next.paragraph !== s.paragraph || next.start < q.outer.end) return null;
      s = next;
      toks = s.tokens;
      k = 0;
      crossed = true;
      ownMark = !q.unclosed && /[?!]$/.test(q.text) && /^\s*$/.test(this.doc.text.slice(q.outer.end, next.start)) && !/:\s*$/.test(this.doc.text.slice(Math.max(0, q.outer.start - 8), q.outer.start));
    }
    // Across a full stop the words after the verb must end the clause: "Peskov said the talks…" reports
    // something else. After the quote's own mark (“…personally?” Peskov said in a conference call with
    // reporters Saturday) a longer tail may follow, though still no "that" opening other words, and not
    // after a quote a colon introduced.
    const ends = (from: number): boolean => !crossed || endsClause(toks, from, ownMark ? OWN_MARK_TAIL : undefined);
    while (k < toks.length && toks[k].kind === 'punct' && ',.!?—–-…'.includes(toks[k].text)) {
      if ('.!?'.includes(toks[k].text)) crossed = true;
      k++;
    }
    const first = toks[k];
    // "called Vance “too radical” after Vance suggested …": a clause of its own, reporting something else.
    if (!first || first.kind !== 'word' || opensNewClause(first.text)) return null;
    const source = sourcePhraseEnd(toks, k);
    if (source >= 0) return this.subjects.subjectAfter(toks, source, 'according-to');
    const quoted = this.quotedAsSaying(toks, k);
    if (quoted !== undefined) return quoted;
    const titled = isTitleCase(toks);
    // "…”, ha explicado Biden", "…», a déclaré le ministre": another language's perfect, the subject after it.
    // "…», a-t-il martelé", "…», a t’il lancé": French puts he or she after the auxiliary.
    const inverted = invertedPronoun(toks, k);
    if (inverted) {
      if (!ends(inverted.verb + 1)) return null;
      return this.subjects.pronoun(inverted.pronoun);
    }
    if (FOREIGN_AUXILIARIES.has(first.text) && isForeignReportingVerb(toks[k + 1]?.text ?? '')) k++;
    // "…», se preguntó Rubiales": a reflexive verb.
    else if (REFLEXIVES.has(first.text) && isForeignReportingVerb(toks[k + 1]?.text ?? '')) k++;
    if (reportingAt(toks, k, titled)?.form === 'finite') {
      if (!ends(k + 1)) return null;
      const subject = this.subjects.subjectAfter(toks, k + 1, 'after');
      // "…", ha señalado.', '…», dijo.': a language that leaves out he or she; read as one would be.
      if (!subject && isForeignReportingVerb(toks[k].text) && leavesSubjectOut(toks, k + 1)) {
        return this.subjects.pronoun({ start: toks[k].start, end: toks[k].end });
      }
      return subject;
    }
    const listed = this.listBeforeVerb(toks, k, crossed);
    if (listed) return listed;
    let subjectEnd = -1;
    for (let v = k + 1; v < toks.length && v <= k + 10; v++) {
      const t = toks[v];
      if (t.text === ',' && subjectEnd < 0) {
        const known = this.knownAs(toks, v, titled, crossed);
        if (known) return known;
        const close = Math.max(parentheticalEnd(toks, v), appositiveEnd(toks, v), shortAsideEnd(toks, v));
        if (close < 0) return this.namedAfterRole(toks, k, v, titled, crossed);
        subjectEnd = v - 1;
        v = close;
        continue;
      }
      if (t.kind !== 'word') return null;
      const found = reportingAt(toks, v, titled);
      if (found?.form !== 'finite') continue;
      if (!ends(v + 1)) return null;
      let e = subjectEnd >= 0 ? subjectEnd : found.first - 1;
      while (e > k && mayStandBeforeVerb(toks[e].text)) e--;
      // "…”, el presidente Pedro Sánchez ha explicado": another language's perfect after its subject.
      e = beforeAuxiliary(toks, e, k, found.first);
      return this.subjects.subjectEndingAt(toks, k, e, 'after');
    }
    return null;
  }

  /**
   * `“…,” the Treasury Department, Federal Reserve, and the FDIC said`: names listed from token `k` up to
   * a reporting verb, their commas a list's rather than an aside's, speak together.
   */
  private listBeforeVerb(toks: readonly Tok[], k: number, crossed: boolean): SpeakerRef | null {
    for (let v = k + 2; v < toks.length && v <= k + LIST_WORDS; v++) {
      if (toks[v].kind !== 'word' || reportingAt(toks, v)?.form !== 'finite') continue;
      if (crossed && !endsClause(toks, v + 1)) return null;
      const listed = this.subjects.namedList(toks, k, v - 1, 'after');
      return listed && listed.span.start <= toks[k + 1].start ? listed : null;
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
    const titled = isTitleCase(toks);
    for (let v = qi - 1; v >= floor; v--) {
      // "Johnson thanked the panel; the hearing was a “circus”": a semicolon closes the verb's clause.
      if (toks[v].text === ';') break;
      const found = reportingAt(toks, v, titled);
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
        if (ref || !embedded(toks, found.first, LOOK_BEHIND)) return ref;
        continue;
      }
      // Only in the verb's own clause ("warned of an", "thanked the CEO for coming to face"): no other
      // quote, no break of the sentence and no other person named in between, who might own the word;
      // and not a capitalised name of a thing (“Today”, “Falcon”), which is nobody's word.
      if (ref && staysInClause(this.doc, toks, found.first, qi) && !isUpper(q.text[0]) && this.speaksForItself(ref)) return { ...ref, confidence: TERM_IN_REPORT };
    }
    if (toks[qi - 1]?.text !== ':') return this.labelled(toks, qi);
    return this.speechNounSubject(s, qi - 1) ?? this.headSubject(s, qi - 1);
  }

  /**
   * `NASA program manager Steve Stich: there was “too much uncertainty” in …`: a live page's line
   * labelled with a person's name and a colon gives that person the words quoted in it, no other verb
   * of saying between.
   */
  private labelled(toks: readonly Tok[], qi: number): SpeakerRef | null {
    let c = 0;
    // A label is a name and its title: no verb ("The reason was clear to Steve Stich:"), no preposition
    // ("The lesson for Joe Biden:", "Photo by Jane Doe:").
    while (c < qi && c < LABEL_WORDS && toks[c].kind === 'word' && !reportingVerb(toks[c].text) && !isFiniteMarker(toks[c].text) && !NOT_IN_LABEL.test(toks[c].text)) c++;
    if (c === 0 || c >= qi || toks[c].text !== ':') return null;
    for (let k = c + 1; k < qi; k++) if (toks[k].kind === 'word' && reportingVerb(toks[k].text)) return null;
    const m = this.doc.mentionAt(toks[c - 1].start);
    if (m < 0 || this.doc.mentions[m].type !== 'person' || this.doc.mentions[m].end !== toks[c - 1].end) return null;
    return { ...this.subjects.mentionRef(m, this.doc.mentions[m], 'colon'), confidence: HEAD_OF_SENTENCE };
  }

  /**
   * The subject of a reporting verb: before it (`X said`), after it when it follows a quote (`“…,”
   * admitted X, referring to …`), or the sentence's for a participle or an infinitive (`adding that`,
   * `was reported to have told`).
   */
  private verbSubject(s: Sentence, found: { form: 'finite' | 'ing'; first: number }, via: Via): SpeakerRef | null {
    const toks = s.tokens;
    if (found.form === 'ing') return this.subjects.sentenceSubject(s, found.first, via);
    // "…, so Biden: „…“": the name after German's "so" is the speaker.
    if (toks[found.first].text === 'so') return this.subjects.subjectAfter(toks, found.first + 1, via);
    let e = found.first - 1;
    while (e >= 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
    // "Asegura que el beso fue “…”": a language that leaves out he or she, its verb opening the
    // sentence and its "that" right after; read as the pronoun would be. With a subject after the
    // verb ("Asegura la ministra que …"), the subject.
    if (e < 0 && isForeignReportingVerb(toks[found.first].text.toLowerCase())) {
      if (isForeignThat(toks[found.first + 1]?.text ?? '')) return this.subjects.pronoun(toks[found.first]);
      return this.subjects.subjectAfter(toks, found.first + 1, via);
    }
    // "Emmanuel Macron a déclaré : « … »": another language's perfect after its subject.
    e = beforeAuxiliary(toks, e, 0, found.first);
    // "Hawley, visibly incredulous, shot back": the subject stands before the aside.
    const aside = toks[e]?.text === ',' ? asideOpening(toks, e) : -1;
    const named = aside > 0 ? nameInApposition(this.doc, this.subjects, toks, aside, e, via) : null;
    if (named) return named;
    if (aside > 0) e = aside - 1;
    const subj = toks[e];
    if (subj && (subj.kind === 'quote' || (subj.text === ',' && toks[e - 1]?.kind === 'quote'))) {
      return this.subjects.subjectAfter(toks, found.first + 1, via);
    }
    // "Das sagte US-Präsident Joe Biden", "Eso dijo el ministro": the words said first, the subject after the verb.
    if (subj?.kind === 'word' && e === 0 && SAID_FIRST.has(subj.text.toLowerCase())) return this.subjects.subjectAfter(toks, found.first + 1, via);
    if (!subj || subj.kind !== 'word' || ELIDING.has(subj.text.toLowerCase()) || subj.text.toLowerCase() === 'to') {
      return (subj?.text.toLowerCase() === 'to' ? movedToSpeak(this.subjects, toks, e, via) : null) ?? this.subjects.sentenceSubject(s, found.first, via);
    }
    return this.subjects.subjectEndingAt(toks, 0, e, via);
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
    const ref = this.subjects.opener(s, colon, 'colon');
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
        if (/^(?:his|her)$/i.test(toks[o].text)) return this.subjects.pronoun(toks[o]);
      }
      return this.subjects.sentenceSubject(s, k, 'colon', false) ?? this.owner(s, k, colon) ?? this.openingPhrase(s, k);
    }
    return null;
  }

  /**
   * `Key quotes from Powell’s press conference:`, `Remarks by the Boeing CEO:`: the person (else the
   * body) named after the noun for what was said, before the colon, owns the words.
   */
  private owner(s: Sentence, noun: number, colon: number): SpeakerRef | null {
    const toks = s.tokens;
    const next = toks[noun + 1]?.text.toLowerCase();
    if (next !== 'from' && next !== 'by' && next !== 'of') return null;
    const found = this.doc.mentionsIn(toks[noun].end, toks[colon].start).filter((m) => this.doc.mentions[m].type !== 'place');
    const pick = found.find((m) => this.doc.mentions[m].type === 'person') ?? found[0];
    if (pick !== undefined) return this.subjects.mentionRef(pick, this.doc.mentions[pick], 'colon');
    return this.subjects.subjectEndingAt(toks, noun + 2, colon - 1, 'colon');
  }

  /** The noun phrase a sentence opens with, before token `limit`, as its subject ("The foreign minister …"). */
  private openingPhrase(s: Sentence, limit: number): SpeakerRef | null {
    const toks = s.tokens;
    let e = 0;
    while (e < limit && e < 10 && toks[e].kind === 'word' && subjectWord(toks[e], e === 0)) e++;
    // "Key quotes:": words running up to the noun qualify it, unless they own it ("Powell’s remarks").
    if (e === limit && !/['’]s?$/.test(toks[e - 1]?.text ?? '')) return null;
    return e === 0 ? null : this.subjects.subjectEndingAt(toks, 0, e - 1, 'colon');
  }

  /** `Scott called the collapse “an unthinkable tragedy”`: a term is its namer's, a person, body or role, never "they" or a place. */
  private named(q: QuoteSpan): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    for (let v = qi - 1; v >= 0 && v >= qi - LOOK_BEHIND; v--) {
      const t = toks[v];
      if (t.kind === 'punct' && '.;:'.includes(t.text)) return null;
      if (t.kind !== 'word' || !isNamingVerb(t.text, toks[v + 1]?.text)) continue;
      // "X, who criticised Y…, the president said that the “…”": a verb in an aside closed before the
      // term names nothing of it.
      const aside = enclosingParenthetical(toks, v);
      if (aside && aside.close > v && aside.close < qi) continue;
      // "…, referring to a “reckless commitment”": the participle's subject is the sentence's person.
      if (t.text.endsWith('ing')) {
        const ref = toks[v - 1]?.text === ',' ? this.subjects.sentenceSubject(s, v, 'indirect', false) : null;
        return ref && (ref.mention === null || this.doc.mentions[ref.mention].type === 'person') ? ref : null;
      }
      const e = namingSubjectEnd(this.doc, toks, v);
      const subj = toks[e];
      if (!subj || subj.kind !== 'word' || subj.text.toLowerCase() === 'they') return null;
      const ref = this.subjects.subjectEndingAt(toks, 0, e, 'indirect');
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
      // "…, sagte Präsident Yoon Suk Yeol.": the name after the verb. A role there is left to the
      // readings below: "…, says U.S. senator" names nobody the article named.
      if (toks[v - 1]?.text === ',' && v + 1 < toks.length && toks[v + 1].kind === 'word') {
        const after = this.subjects.subjectAfter(toks, v + 1, 'after');
        if (after && after.mention !== null && this.doc.mentions[after.mention].start > t.start) return after;
      }
      let e = v - 1;
      while (e > qi && mayStandBeforeVerb(toks[e].text)) e--;
      let b = e;
      while (b > qi && toks[b - 1].kind === 'word') b--;
      const lead = toks[b - 1];
      if (!lead || !(lead.text === ',' || lead.kind === 'quote') || opensNewClause(toks[b].text)) return null;
      return this.subjects.subjectEndingAt(toks, b, e, 'after');
    }
    return null;
  }

  /** `according to X` or `in the words of X` anywhere in the quote's sentence. */
  private accordingTo(q: QuoteSpan): SpeakerRef | null {
    const s = this.doc.sentenceAt(q.outer.start);
    if (!s) return null;
    const toks = s.tokens;
    const qi = tokenIndexAt(toks, q.outer.start);
    const last = Math.min(toks.length - 1, qi + LOOK_AHEAD * 2);
    for (let k = Math.max(0, qi - LOOK_BEHIND); k < last; k++) {
      const source = sourcePhraseEnd(toks, k);
      const ref = source >= 0 ? this.subjects.subjectAfter(toks, source, 'according-to') : null;
      if (ref) return ref;
    }
    return null;
  }

  /**
   * `…,” the Director General of the Africa CDC, Jean Kaseya said`: a role, a comma, then the name
   * of its holder right before the reporting verb (the closing comma left out).
   */
  private namedAfterRole(toks: readonly Tok[], from: number, comma: number, titled: boolean, crossed: boolean): SpeakerRef | null {
    const next = toks[comma + 1];
    const m = next?.kind === 'word' ? this.doc.mentionAt(next.start) : -1;
    if (m < 0 || !toks.slice(from, comma).some((t) => isPersonRole(t.text))) return null;
    return this.personBeforeVerb(toks, m, false, titled, crossed);
  }

  /**
   * Mention `m` as the speaker when it is a person and a reporting verb follows it (after a comma, when
   * `comma` allows one), the clause ending there if the quote's sentence was crossed; else null.
   */
  private personBeforeVerb(toks: readonly Tok[], m: number, comma: boolean, titled: boolean, crossed: boolean): SpeakerRef | null {
    if (this.doc.mentions[m].type !== 'person') return null;
    let after = lastStartingAtOrBefore(toks, this.doc.mentions[m].end - 1) + 1;
    if (comma && toks[after]?.text === ',') after++;
    if (toks[after]?.kind !== 'word' || reportingAt(toks, after, titled)?.form !== 'finite') return null;
    if (crossed && !endsClause(toks, after + 1)) return null;
    return this.subjects.mentionRef(m, this.doc.mentions[m], 'after');
  }

  /**
   * `…,” the royal, formerly known as Prince Charles, wrote`: the one described is the person the
   * aside names, when a reporting verb follows it.
   */
  private knownAs(toks: readonly Tok[], comma: number, titled: boolean, crossed: boolean): SpeakerRef | null {
    let k = comma + 1;
    if (/^(?:formerly|also|better|previously|once)$/i.test(toks[k]?.text ?? '')) k++;
    if (!/^known$/i.test(toks[k]?.text ?? '') || !/^as$/i.test(toks[k + 1]?.text ?? '')) return null;
    // The name perhaps after a title the recogniser left out of it ("Prince Charles").
    let at = k + 2;
    while (at < k + 4 && toks[at]?.kind === 'word' && isUpper(toks[at].text[0]) && this.doc.mentionAt(toks[at].start) < 0) at++;
    const m = toks[at] ? this.doc.mentionAt(toks[at].start) : -1;
    return m < 0 ? null : this.personBeforeVerb(toks, m, true, titled, crossed);
  }

  /**
   * `…,” CNN quoted a letter from the employees as saying`, `…,” Doe was quoted by Reuters as saying`:
   * the one quoted is the speaker, not the outlet quoting them. Undefined when the words after the
   * quote (from token `k`) are no such clause.
   */
  private quotedAsSaying(toks: readonly Tok[], k: number): SpeakerRef | null | undefined {
    for (let v = k; v < toks.length && v <= k + QUOTED_REACH; v++) {
      if (toks[v].kind !== 'word') return undefined;
      if (toks[v].text.toLowerCase() !== 'quoted') continue;
      if (v - 2 >= k && /^(?:was|is|were|are|being)$/i.test(toks[v - 1].text)) return this.subjects.subjectEndingAt(toks, k, v - 2, 'after');
      for (let a = v + 2; a < toks.length && a <= v + QUOTED_REACH; a++) {
        if (toks[a].text.toLowerCase() !== 'as' || !/^(?:saying|telling|writing|adding)$/i.test(toks[a + 1]?.text ?? '')) continue;
        // "Reuters quoted him as saying": the person he or she stands for.
        const object = toks[v + 1];
        if (object && /^(?:him|her)$/i.test(object.text)) return this.subjects.pronoun(object);
        return this.subjects.subjectAfter(toks, v + 1, 'after');
      }
      return undefined;
    }
    return undefined;
  }

  /** A paragraph ending `X said:` introduces the quote opening the next paragraph. */
  private colonBefore(q: QuoteSpan): SpeakerRef | null {
    const para = this.doc.paras[q.paragraph];
    if (!opensParagraph(this.doc.text, para, q) || q.paragraph === 0) return null;
    const prev = this.doc.paras[q.paragraph - 1];
    if (this.doc.text[prev.end - 1] !== ':') return null;
    const list = this.doc.sentences(q.paragraph - 1);
    const s = list[list.length - 1];
    const toks = s.tokens;
    for (let v = toks.length - 2; v >= Math.max(0, toks.length - LOOK_BEHIND); v--) {
      const found = reportingAt(toks, v);
      if (found) return this.verbSubject(s, found, 'colon');
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
    if (!opensParagraph(this.doc.text, para, q)) return null;
    let quotedBefore = false;
    for (let k = i - 1; k >= 0 && k >= i - MAX_BACK && quotes[k].paragraph >= q.paragraph - 1; k--) {
      // A scare-quoted term in the paragraph before is the reporter's account, not remarks carried on.
      if (quotes[k].paragraph === q.paragraph - 1 && (quotes[k].kind === 'statement' || earlier[k])) quotedBefore = true;
      // A term counts only as an answer opening its paragraph with its own speaker ("“No,” was his response.").
      if (quotes[k].depth > 0 || quotes[k].paragraph === q.paragraph || (quotes[k].kind !== 'statement' && !(earlier[k] && opensParagraph(this.doc.text, this.doc.paras[quotes[k].paragraph], quotes[k])))) continue;
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
      // "Trump further criticized Biden's record. “…”": a verb of praise or blame, then the words it was done in.
      if (toks[v].kind !== 'word' || (reportingVerb(toks[v].text) !== 'finite' && !EVALUATING.test(toks[v].text))) continue;
      let e = v - 1;
      while (e > 0 && toks[e].kind === 'word' && mayStandBeforeVerb(toks[e].text)) e--;
      if (toks[e].kind !== 'word' || toks[e].text.toLowerCase() === 'to') continue;
      const ref = this.subjects.subjectEndingAt(toks, 0, e, 'indirect');
      // A country attacks with arms ("Russia attacked Kyiv"): the words after are not its own.
      if (ref && ARMED.test(toks[v].text) && ref.mention !== null && this.doc.mentions[ref.mention].type === 'place') continue;
      if (ref) return ref;
    }
    // "Guterres delivered his alarming statement on Thursday.": the words quoted next are his.
    if (toks.some((t) => t.kind === 'word' && SPEECH_NOUNS.has(t.text.toLowerCase()))) return this.subjects.opener(s, toks.length, 'indirect');
    return null;
  }
}
