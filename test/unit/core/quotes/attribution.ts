/** Attribution over hand-made mentions, shared by the speaker tests. */
import { attributeSpeakers, findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { EntityType, RawMention, SpeakerRef } from '../../../../src/core/types';

/** Hand-made mentions: every whole-word occurrence of each name, sorted, longest name first on overlaps. */
export function mentionsOf(text: string, names: readonly [string, EntityType][]): RawMention[] {
  const found: RawMention[] = [];
  for (const [name, type] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + name.length;
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ start, end, text: name, type });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The speaker of each quote of `text`, given the mentions of `names`. */
export function speakers(text: string, names: readonly [string, EntityType][] = []): (SpeakerRef | null)[] {
  const paras = paragraphs(text);
  return attributeSpeakers(text, paras, findQuotes(text, paras), mentionsOf(text, names));
}

/** The speaker's name per quote, null where none. */
export function names(text: string, people: readonly [string, EntityType][] = []): (string | null)[] {
  return speakers(text, people).map((s) => s?.name ?? null);
}

export const person = (...ns: string[]): [string, EntityType][] => ns.map((n) => [n, 'person']);
