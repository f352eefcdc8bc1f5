/**
 * Quotes in a headline that says nobody's name beside them (“‘If they don't want me, I'll win
 * somewhere else’”, “UN alarm: ‘The era of global boiling has begun’”, “‘You don't have the cards:’
 * Trump, Zelenskyy clash”). A headline quotes the person its story is about, whom the body then quotes
 * more than anyone else: a reader who has read the article gives the headline's words to that person.
 * `speakers.ts` asks after its own rules and the echoes of the body have found nobody.
 */
import type { QuoteSpan, RawMention, SpeakerRef } from '../types';
import { METADATA_LINE } from '../text/metadata';
import { HEADLINE_PRINCIPAL } from './confidence';

/** Lines an article may open with before its headline: metadata ("Source: …", "URL: …") and blank lines. */
const HEADLINE_LINES = 6;

/** A principal speaker is quoted at least this often in the body. */
const MIN_BODY_QUOTES = 2;

/**
 * Gives each unattributed top-level quote of the headline line the speaker the rest of the article
 * attributes the most quotes to, when one speaker leads the others, and when the headline names
 * people, one of them. Where two speakers are quoted as often, or the headline names only others, the
 * quote stays without a speaker.
 */
export function headlineSpeakers(text: string, quotes: readonly QuoteSpan[], speakers: (SpeakerRef | null)[], mentions: readonly RawMention[]): void {
  const head = headlineLine(text);
  if (!head) return;
  const open = quotes.flatMap((q, i) => (q.depth === 0 && q.outer.start >= head.start && q.outer.end <= head.end && !speakers[i] ? [i] : []));
  if (open.length === 0) return;
  const counts = new Map<string, { ref: SpeakerRef; n: number }>();
  quotes.forEach((q, i) => {
    const ref = speakers[i];
    if (q.depth > 0 || q.outer.start < head.end || !ref) return;
    const c = counts.get(ref.name);
    if (c) c.n++;
    else counts.set(ref.name, { ref, n: 1 });
  });
  const [top, next] = [...counts.values()].sort((a, b) => b.n - a.n);
  if (!top || top.n < MIN_BODY_QUOTES || (next && next.n === top.n)) return;
  const named = mentions.filter((m) => m.type === 'person' && m.start >= head.start && m.end <= head.end);
  const words = new Set(top.ref.name.toLowerCase().split(/\s+/));
  const namesTop = named.some((m) => m.text.toLowerCase().split(/\s+/).some((w) => words.has(w)));
  if (named.length > 0 && !namesTop) return;
  for (const i of open) {
    // A term in a headline that names nobody is the story's label ("‘Trial of the Century’"), not words
    // of its principal; beside the principal's name ("Powell: Fed ‘ready to act’") it is theirs.
    if (quotes[i].kind === 'term' && !namesTop) continue;
    speakers[i] = { ...top.ref, via: 'continuation', confidence: HEADLINE_PRINCIPAL };
  }
}

/**
 * The article's headline line: its first line, or the first after the metadata lines and blank lines
 * a saved article opens with ("Source: Anba News", "URL: …"); null when the text is one line.
 */
function headlineLine(text: string): { start: number; end: number } | null {
  let at = 0;
  for (let n = 0; n < HEADLINE_LINES; n++) {
    const end = text.indexOf('\n', at);
    if (end < 0) return null;
    const line = text.slice(at, end).trim();
    if (line !== '' && !METADATA_LINE.test(line)) return { start: at, end };
    at = end + 1;
  }
  return null;
}
