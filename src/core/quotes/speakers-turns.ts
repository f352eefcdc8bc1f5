/**
 * Turns of an exchange: a reply given to the other person ("“I don’t know,” came the reply"), the
 * answer line of a transcript ("Q: …" then "A: “…”"), and a quote someone nobody can name answers
 * with ("One person replied, “…”"), which is not the last speaker's (`speakers.ts` asks before
 * carrying remarks on).
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import { CONFIDENCE } from './confidence';
import { carried, tokenIndexAt } from './speakers-grammar';
import type { DocumentView, Tok } from './context';
import { NOT_DEFINITE, reportingVerb } from './lexicon';
import type { Subjects } from './speakers-subjects';

/**
 * `“I don’t know,” came the reply.`: in an exchange, the reply is the other person's, the one named
 * before it who did not speak the quote before; nobody's when no such person is named.
 */
export function reply(doc: DocumentView, subjects: Subjects, quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
  const q = quotes[i];
  const s = doc.sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
  if (!s) return null;
  const toks = s.tokens;
  let k = tokenIndexAt(toks, q.outer.end - 1) + 1;
  if (toks[k]?.text === ',') k++;
  const owned = ownedReply(doc, subjects, toks, k);
  if (owned || i === 0) return owned;
  if (toks[k]?.text.toLowerCase() !== 'came' || !/^(?:the|his|her)$/i.test(toks[k + 1]?.text ?? '') || !/^(?:reply|answer|response|retort)$/i.test(toks[k + 2]?.text ?? '')) return null;
  const asker = earlier[i - 1];
  if (!asker) return null;
  const people = doc.mentionsIn(Math.max(0, q.outer.start - 2000), q.outer.start).filter((m) => doc.mentions[m].type === 'person' && !doc.quoteAt(doc.mentions[m].start));
  for (let j = people.length - 1; j >= 0; j--) {
    const ref = subjects.mentionRef(people[j], doc.mentions[people[j]], 'after');
    if (ref.name !== asker.name) return { ...ref, span: { start: toks[k].start, end: toks[k + 2].end }, confidence: CONFIDENCE.pronoun };
  }
  return null;
}

/** Nouns for the words someone answered with. */
const REPLY_NOUNS = new Set(['reply', 'answer', 'response', 'retort', 'verdict', 'riposte']);

/** How many words may describe the reply between its owner and the noun ("his curt response"). */
const REPLY_MODIFIERS = 2;

/**
 * `“No,” was his response.`, `“…” was Guardiola's reply`: the reply is its owner's, he or she read
 * as a pronoun. toks[k] is the first token after the quote and its comma.
 */
function ownedReply(doc: DocumentView, subjects: Subjects, toks: readonly Tok[], k: number): SpeakerRef | null {
  if (!/^(?:was|is)$/i.test(toks[k]?.text ?? '')) return null;
  const owner = toks[k + 1];
  if (owner?.kind !== 'word') return null;
  let n = k + 2;
  while (n < k + 2 + REPLY_MODIFIERS && toks[n]?.kind === 'word' && !REPLY_NOUNS.has(toks[n].text.toLowerCase()) && /^\p{Ll}/u.test(toks[n].text)) n++;
  const noun = toks[n];
  if (noun?.kind !== 'word' || !REPLY_NOUNS.has(noun.text.toLowerCase())) return null;
  const span = { start: owner.start, end: noun.end };
  if (/^(?:his|her)$/i.test(owner.text)) {
    const ref = subjects.pronoun(owner);
    return ref && { ...ref, span, via: 'after', confidence: CONFIDENCE.pronoun };
  }
  if (!/['’]s?$/.test(owner.text)) return null;
  const m = doc.mentionAt(owner.start);
  if (m < 0 || doc.mentions[m].type === 'place') return null;
  return { ...subjects.mentionRef(m, doc.mentions[m], 'after'), span, confidence: CONFIDENCE.after };
}

/**
 * Whether a reporting verb right beside the quote introduces it with a subject nobody can name ("One
 * person replied, “…”", "“…,” a voice shouted"): the words are someone's, not the last speaker's.
 */
export function saidBySomeoneElse(doc: DocumentView, q: QuoteSpan): boolean {
  const s = doc.sentenceAt(q.outer.start);
  if (!s) return false;
  const toks = s.tokens;
  const qi = tokenIndexAt(toks, q.outer.start);
  let v = qi - 1;
  if (toks[v]?.text === ',' || toks[v]?.text === ':') v--;
  if (v >= 1 && toks[v].kind === 'word' && reportingVerb(toks[v].text) === 'finite' && toks[v - 1].kind === 'word') return true;
  let k = tokenIndexAt(toks, Math.max(q.outer.start, q.outer.end - 1)) + 1;
  if (toks[k]?.text === ',') k++;
  // `…,” X said` names someone; so does `…,” said one resident`, `said his wife`: someone new, whom the
  // attribution could not read, not a continuation of the remarks before. A definite description
  // (`said the 56-year-old German`) is more often the person the passage is about.
  for (let n = 0; n < 4 && toks[k + n]?.kind === 'word'; n++) {
    if (reportingVerb(toks[k + n].text) === 'finite') return n > 0 || (toks[k + 1]?.kind === 'word' && NOT_DEFINITE.has(toks[k + 1].text.toLowerCase()));
  }
  return false;
}

/** The label of a transcript's answer line, all that stands before its quote ("A: “…”"). */
const ANSWER_LABEL = /^\s*(?:A|Answer)\s*:\s*$/;

/** The label a transcript's question line opens with ("Q:", "Question:", "Reporter:"). */
const QUESTION_LABEL = /^\s*(?:Q|Question|Reporter|Interviewer)\b[^:\n]{0,40}:/;

/** How many characters a transcript's answer label takes at most, before its quote. */
const LABEL_CHARS = 10;

/** How many quotes back an answer looks for the one answering. */
const ANSWER_REACH = 12;

/**
 * `Q: “Is this a sign of panic?”` / `A: “No.”`: the answer line of a transcript is the person who
 * answered before, the speaker of the nearest earlier statement that is no question line; nobody
 * when no one answered before.
 */
export function answer(doc: DocumentView, quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
  const q = quotes[i];
  const para = doc.paras[q.paragraph];
  if (q.outer.start - para.start > LABEL_CHARS || !ANSWER_LABEL.test(doc.text.slice(para.start, q.outer.start))) return null;
  for (let k = i - 1; k >= 0 && k >= i - ANSWER_REACH; k--) {
    const ref = earlier[k];
    const p = doc.paras[quotes[k].paragraph];
    if (!ref || quotes[k].depth > 0 || quotes[k].kind !== 'statement' || QUESTION_LABEL.test(doc.text.slice(p.start, Math.min(quotes[k].outer.start, p.start + LABEL_CHARS * 6)))) continue;
    return carried(ref, CONFIDENCE.continuation);
  }
  return null;
}
