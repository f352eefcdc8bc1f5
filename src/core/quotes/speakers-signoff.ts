import type { QuoteSpan, SpeakerRef } from '../types';
import type { DocumentView } from './context';
import { reportingVerb } from './lexicon';
import type { Subjects } from './speakers-subjects';
import { tokenIndexAt } from './speakers-grammar';

/** Dashes that sign a statement: en and em dashes, a hyphen standing for one. */
const DASHES = new Set(['–', '—', '-', '―']);

/** How many words a signature may hold ("Senior Assistant Deputy Attorney General Creighton Waters"). */
const MAX_SIGNATURE_WORDS = 10;

/**
 * A statement signed after a dash at the end of its paragraph, as released statements and epigraphs
 * are printed (`“…” –Attorney General Alan Wilson`): the signature's name or role is the speaker. Only
 * when the dash follows the closing mark and the signature runs, without a verb, to the paragraph's end,
 * and the sentence does not report the words itself before them ("Bailey said the cuts would be “not
 * too fast.” – Mortgage Strategy": the dash there gives the site a headline comes from).
 */
export function signedOff(doc: DocumentView, subjects: Subjects, q: QuoteSpan): SpeakerRef | null {
  if (q.unclosed) return null;
  const s = doc.sentenceAt(Math.max(q.outer.start, q.outer.end - 1));
  if (!s) return null;
  const next = doc.nextSentence(s);
  if (next && next.paragraph === s.paragraph) return null;
  const toks = s.tokens;
  const opening = tokenIndexAt(toks, q.outer.start);
  for (let i = 0; i < opening; i++) if (toks[i].kind === 'word' && reportingVerb(toks[i].text) === 'finite') return null;
  let k = tokenIndexAt(toks, q.outer.end - 1) + 1;
  while (k < toks.length && toks[k].kind === 'punct' && toks[k].text === ',') k++;
  if (!DASHES.has(toks[k]?.text ?? '')) return null;
  const from = k + 1;
  let end = toks.length;
  while (end > from && toks[end - 1].kind === 'punct' && '.'.includes(toks[end - 1].text)) end--;
  if (end === from || end - from > MAX_SIGNATURE_WORDS) return null;
  for (let i = from; i < end; i++) {
    if (toks[i].kind !== 'word' && toks[i].text !== ',') return null;
    if (toks[i].kind === 'word' && reportingVerb(toks[i].text) === 'finite') return null;
  }
  const ref = subjects.subjectAfter(toks, from, 'after');
  return ref && ref.span.end >= toks[end - 1].end ? ref : null;
}
