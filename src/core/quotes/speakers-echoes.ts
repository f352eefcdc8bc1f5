/**
 * Words quoted twice in one article: a headline, a teaser or a pull quote repeats words the body
 * attributes ("‘Why haven’t you resigned?’ Senators torch Boeing CEO" above "Hawley asked: “Why haven’t
 * you resigned?”"). The echo has the speaker of the attributed words (`speakers.ts` asks after its
 * own rules have found nobody).
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import { ECHOED } from './confidence';

/** Fewer words than this are too common to tell a speaker when only contained in a longer quote. */
const MIN_CONTAINED_WORDS = 3;

/** Fewer words than this are too common to tell a speaker even when quoted word for word ("Yes sir"). */
const MIN_EQUAL_WORDS = 2;

/** How many quotes an echo is compared with, at most: articles are short, a hostile text is not. */
const MAX_COMPARED = 400;

function wordsOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Gives each unattributed top-level quote the speaker of the other quotes of the document that hold
 * the same words (all of them, or it whole within a longer one), when every such quote that has a
 * speaker has the same one. A quote echoing nobody, or people who disagree, stays without a speaker.
 */
export function echoSpeakers(quotes: readonly QuoteSpan[], speakers: (SpeakerRef | null)[]): void {
  if (quotes.length > MAX_COMPARED) return;
  const words = quotes.map((q) => (q.depth === 0 ? wordsOf(q.text) : ''));
  const found = speakers.slice();
  for (let i = 0; i < quotes.length; i++) {
    if (found[i] || !words[i]) continue;
    const n = words[i].split(' ').length;
    if (n < MIN_EQUAL_WORDS) continue;
    let echoed: SpeakerRef | null = null;
    let agree = true;
    for (let j = 0; j < quotes.length && agree; j++) {
      const other = found[j];
      if (j === i || !other || !words[j]) continue;
      const same = words[j] === words[i] || (n >= MIN_CONTAINED_WORDS && ` ${words[j]} `.includes(` ${words[i]} `));
      if (!same) continue;
      if (echoed && echoed.name !== other.name) agree = false;
      else echoed ??= other;
    }
    if (echoed && agree) speakers[i] = { ...echoed, via: 'continuation', confidence: Math.min(echoed.confidence ?? ECHOED, ECHOED) };
  }
}
