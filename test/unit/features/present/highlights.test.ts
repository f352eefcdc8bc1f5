import { strict as assert } from 'node:assert';
import type { SpeakerRef } from '../../../../src/core/types';
import { spansByKind } from '../../../../src/features/present/highlightSpans';
import { DEFAULT_SETTINGS } from '../../../../src/features/present/settings';
import { mention, quoteAt } from '../../../support/fake-corpus';

const U = 'file:///w/a.txt';
const who = (start: number, via: SpeakerRef['via']): SpeakerRef => ({ name: 'Blinken', span: { start, end: start + 7 }, mention: 0, via });

// “We will act,” Blinken said. “Soon,” he added. “Now,” Blinken said. Beijing’s “normal” trade.
const analysis = {
  mentions: [
    mention(U, 0, 'Blinken', 15, { id: 'p', name: 'Blinken', type: 'person', aliases: [] }),
    mention(U, 1, 'Beijing', 70, { id: 'b', name: 'Beijing', type: 'place', aliases: [] }),
    mention(U, 2, 'State Department', 100, { id: 'o', name: 'State Department', type: 'organization', aliases: [] }),
  ],
  quotes: [
    quoteAt(U, 'q0', 'We will act,', 1, { speaker: who(15, 'after') }),
    quoteAt(U, 'q1', 'Soon,', 30, { speaker: who(37, 'pronoun') }),
    quoteAt(U, 'q2', 'Now,', 50, { speaker: who(15, 'continuation') }),
    quoteAt(U, 'q3', 'Later,', 60, { speaker: who(15, 'after') }),
    quoteAt(U, 'q4', 'normal', 80, { kind: 'term' }),
  ],
};

describe('editor highlights', () => {
  it('draws each kind of name, statements and terms apart, and each named speaker once', () => {
    const spans = spansByKind(analysis, DEFAULT_SETTINGS.highlight);
    assert.deepEqual(spans.person, [analysis.mentions[0]]);
    assert.deepEqual(spans.place, [analysis.mentions[1]]);
    assert.deepEqual(spans.organization, [analysis.mentions[2]]);
    assert.deepEqual(spans.statement.map((s) => s.start), [0, 29, 49, 59], 'statements with their quote marks');
    assert.deepEqual(spans.term.map((s) => s.start), [79]);
    assert.deepEqual(spans.speaker, [{ start: 15, end: 22 }], 'a pronoun is not marked as a name, a repeated name once');
  });

  it('turns each kind off on its own, and everything off with the master switch', () => {
    const noPlaces = spansByKind(analysis, { ...DEFAULT_SETTINGS.highlight, places: false, terms: false });
    assert.equal(noPlaces.place.length, 0);
    assert.equal(noPlaces.term.length, 0);
    assert.equal(noPlaces.person.length, 1);
    assert.equal(noPlaces.statement.length, 4);
    const off = spansByKind(analysis, { ...DEFAULT_SETTINGS.highlight, enabled: false });
    assert.ok(Object.values(off).every((list) => list.length === 0));
  });
});

describe('how many names are highlighted', () => {
  // Blinken at 0 and 20 in the first paragraph, again at 50 in the second; Beijing at 30 and 60;
  // a statement from 40 to 70 holds the second paragraph's Blinken and Beijing.
  const blinken = { id: 'p', name: 'Blinken', type: 'person' as const, aliases: [] };
  const beijing = { id: 'b', name: 'Beijing', type: 'place' as const, aliases: [] };
  const doc = {
    paragraphs: [
      { start: 0, end: 38, index: 0 },
      { start: 39, end: 80, index: 1 },
    ],
    mentions: [
      mention(U, 0, 'Blinken', 0, blinken),
      mention(U, 1, 'Blinken', 20, blinken),
      mention(U, 2, 'Beijing', 30, beijing),
      mention(U, 3, 'Blinken', 50, blinken),
      mention(U, 4, 'Beijing', 60, beijing),
    ],
    quotes: [quoteAt(U, 'q', 'x'.repeat(30), 40)],
  };
  const starts = (names: 'all' | 'firstInParagraph' | 'inQuotes') => {
    const spans = spansByKind(doc, { ...DEFAULT_SETTINGS.highlight, names });
    return [...spans.person, ...spans.place].map((s) => s.start).sort((a, b) => a - b);
  };

  it('draws every mention by default', () => {
    assert.deepEqual(starts('all'), [0, 20, 30, 50, 60]);
  });

  it('draws a name once in each paragraph, its first mention there', () => {
    assert.deepEqual(starts('firstInParagraph'), [0, 30, 50, 60]);
  });

  it('draws only the names inside statements, and still every statement', () => {
    assert.deepEqual(starts('inQuotes'), [50, 60]);
    assert.equal(spansByKind(doc, { ...DEFAULT_SETTINGS.highlight, names: 'inQuotes' }).statement.length, 1);
  });

  it('finds the names inside statements among thousands of both, statements overlapping or not', () => {
    // A name every 10 characters, a statement over 98 of every 200: nine names inside each.
    const many = {
      mentions: Array.from({ length: 5000 }, (_, i) => mention(U, i, 'Blinken', 10 * i + 5, blinken)),
      quotes: [
        ...Array.from({ length: 250 }, (_, k) => quoteAt(U, `q${k}`, 'x'.repeat(98), 200 * k)),
        // A term holds no names for this density, and a statement inside another changes nothing.
        quoteAt(U, 'term', 'x'.repeat(98), 100, { kind: 'term' }),
        quoteAt(U, 'inner', 'x'.repeat(20), 10),
      ],
    };
    const drawn = spansByKind(many, { ...DEFAULT_SETTINGS.highlight, names: 'inQuotes' }).person.map((m) => m.start);
    // Inside one statement from its first word to its last, as the one-by-one reading has it.
    const statements = many.quotes.filter((q) => q.kind === 'statement');
    const expected = many.mentions.filter((m) => statements.some((q) => m.start >= q.start && m.end <= q.end)).map((m) => m.start);
    assert.equal(expected.length, 2250);
    assert.deepEqual(drawn, expected);
  });
});

describe('names the recogniser is unsure of', () => {
  const blinken = { id: 'p', name: 'Blinken', type: 'person' as const, aliases: [] };
  const doc = {
    mentions: [
      { ...mention(U, 0, 'Blinken', 0, blinken), confidence: 0.98 },
      { ...mention(U, 1, 'Sunak', 20, blinken), confidence: 0.4 },
      { ...mention(U, 2, 'Ashes', 40, blinken), confidence: 0.4, corrected: ['change-type' as const] },
      mention(U, 3, 'Xi', 60, blinken),
    ],
    quotes: [],
  };
  const drawn = (minConfidence: number) => spansByKind(doc, { ...DEFAULT_SETTINGS.highlight, minConfidence }).person.map((m) => m.start);

  it('draws every name by default, however unsure', () => {
    assert.deepEqual(drawn(0), [0, 20, 40, 60]);
  });

  it('leaves out those below the threshold, but never one the reader corrected or one without a confidence', () => {
    assert.deepEqual(drawn(0.5), [0, 40, 60]);
    assert.deepEqual(drawn(1), [40, 60]);
  });
});
