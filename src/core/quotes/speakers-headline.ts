/**
 * Quotes in a headline that says nobody's name beside them (“‘If they don't want me, I'll win
 * somewhere else’”, “UN alarm: ‘The era of global boiling has begun’”, “‘You don't have the cards:’
 * Trump, Zelenskyy clash”). A headline quotes the person its story is about, whom the body then quotes
 * more than anyone else: a reader who has read the article gives the headline's words to that person.
 * `speakers.ts` asks after its own rules and the echoes of the body have found nobody.
 */
import type { QuoteSpan, RawMention, SpeakerRef } from '../types';
import { HEADLINE_PRINCIPAL } from './confidence';

/** A principal speaker is quoted at least this often in the body. */
const MIN_BODY_QUOTES = 2;

/**
 * Gives each unattributed top-level quote of the first line the speaker the rest of the article
 * attributes the most quotes to, when one speaker leads the others, and when the headline names
 * people, one of them. Where two speakers are quoted as often, or the headline names only others, the
 * quote stays without a speaker.
 */
export function headlineSpeakers(text: string, quotes: readonly QuoteSpan[], speakers: (SpeakerRef | null)[], mentions: readonly RawMention[]): void {
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0) return;
  const open = quotes.flatMap((q, i) => (q.depth === 0 && q.outer.end <= lineEnd && !speakers[i] ? [i] : []));
  if (open.length === 0) return;
  const counts = new Map<string, { ref: SpeakerRef; n: number }>();
  quotes.forEach((q, i) => {
    const ref = speakers[i];
    if (q.depth > 0 || q.outer.start < lineEnd || !ref) return;
    const c = counts.get(ref.name);
    if (c) c.n++;
    else counts.set(ref.name, { ref, n: 1 });
  });
  const [top, next] = [...counts.values()].sort((a, b) => b.n - a.n);
  if (!top || top.n < MIN_BODY_QUOTES || (next && next.n === top.n)) return;
  const named = mentions.filter((m) => m.type === 'person' && m.end <= lineEnd);
  const words = new Set(top.ref.name.toLowerCase().split(/\s+/));
  if (named.length > 0 && !named.some((m) => m.text.toLowerCase().split(/\s+/).some((w) => words.has(w)))) return;
  for (const i of open) speakers[i] = { ...top.ref, via: 'continuation', confidence: HEADLINE_PRINCIPAL };
}
