/**
 * Turns of an exchange: a reply given to the other person ("“I don’t know,” came the reply") and a
 * quote someone nobody can name answers with ("One person replied, “…”"), which is not the last
 * speaker's (`speakers.ts` asks before carrying remarks on).
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import { CONFIDENCE } from './confidence';
import type { DocumentView } from './context';
import { reportingVerb } from './lexicon';
import { tokenIndexAt } from './speakers-grammar';
import type { Subjects } from './speakers-subjects';

/**
 * `“I don’t know,” came the reply.`: in an exchange, the reply is the other person's, the one named
 * before it who did not speak the quote before; nobody's when no such person is named.
 */
export function reply(doc: DocumentView, subjects: Subjects, quotes: readonly QuoteSpan[], i: number, earlier: readonly (SpeakerRef | null)[]): SpeakerRef | null {
  const q = quotes[i];
  const s = doc.sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
  if (!s || i === 0) return null;
  const toks = s.tokens;
  let k = tokenIndexAt(toks, q.outer.end - 1) + 1;
  if (toks[k]?.text === ',') k++;
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
  for (let n = 0; n < 4 && toks[k + n]?.kind === 'word'; n++) {
    if (reportingVerb(toks[k + n].text) === 'finite') return n > 0;
  }
  return false;
}
