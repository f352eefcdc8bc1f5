import { strict as assert } from 'node:assert';
import { attributeSpeakers, findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { EntityType, RawMention, SpeakerRef } from '../../../../src/core/types';

/** Every whole-word occurrence of each name, longest first on overlaps, sorted. */
function mentionsOf(text: string, names: readonly [string, EntityType][]): RawMention[] {
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

function speakers(text: string, names: readonly [string, EntityType][] = []): (SpeakerRef | null)[] {
  const paras = paragraphs(text);
  const quotes = findQuotes(text, paras);
  return attributeSpeakers(text, paras, quotes, mentionsOf(text, names));
}

/** The speaker's name per quote, null where none. */
function names(text: string, people: readonly [string, EntityType][] = []): (string | null)[] {
  return speakers(text, people).map((s) => s?.name ?? null);
}

const person = (...ns: string[]): [string, EntityType][] => ns.map((n) => [n, 'person']);

describe('speaker attribution: the general grammar of news attribution', () => {
  describe('a name the recogniser mistyped', () => {
    it('is the person named before it, whole or by surname', () => {
      const text = 'Sen. Richard Blumenthal opened the hearing with David Calhoun.\n\nCalhoun turned to the families. “I apologize,” he said.';
      assert.deepEqual(names(text, [...person('Richard Blumenthal', 'David Calhoun'), ['Calhoun', 'organization']]), ['David Calhoun']);
    });

    it('stays what it was when no person of that name came before', () => {
      const early = speakers('“We recall them,” Ford said. Later Jane Ford arrived.', [['Jane Ford', 'person'], ['Ford', 'organization']]);
      assert.equal(early[0]?.name, 'Ford');
      assert.equal(early[0]?.mention, 0, 'still the company, not the later Jane Ford');
    });
  });
});
