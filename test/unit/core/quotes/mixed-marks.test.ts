import assert from 'node:assert/strict';
import { findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';

const quotes = (text: string): string[] => findQuotes(text, paragraphs(text)).map((q) => q.text);

describe('quotes opened with one kind of double mark and closed with the other', () => {
  it('ends “…» and «…” where they close, so the next paragraph’s quotes stand apart', () => {
    assert.deepEqual(quotes('He spoke of “an era of global boiling». Then he warned of “a cruel summer”.\n\n“For the planet, it’s a disaster,” he said.'), [
      'an era of global boiling', 'a cruel summer', 'For the planet, it’s a disaster',
    ]);
    assert.deepEqual(quotes('Le «président» a dit «non”, puis «oui».'), ['président', 'non', 'oui']);
  });

  it('does not read a mark before a word as closing: it opens a quote inside the quote', () => {
    assert.deepEqual(quotes('She used “the »arrow« style” here.'), ['the »arrow« style', 'arrow']);
  });
});

describe('a paragraph opened with a closing mark and a space, as copies that lost their opening marks print it', () => {
  it('opens a quote when words follow and the paragraph closes one after them', () => {
    assert.deepEqual(quotes('” We are really lucky here,” the chair stated. “Nobody was seated there.”'), ['We are really lucky here', 'Nobody was seated there.']);
  });

  it('opens nothing when no closing mark follows in the paragraph, or mid-paragraph', () => {
    assert.deepEqual(quotes('” We are really lucky here, the chair stated.\n\nShe left.”'), []);
    assert.deepEqual(quotes('She said ” we are lucky,” and left.'), []);
  });
});
