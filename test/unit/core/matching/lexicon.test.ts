import assert from 'node:assert/strict';
import { americanSpelling, conceptsOf, isKnownWord, stemOf } from '../../../../src/core/matching/lexicon';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const table = require('../../../../src/core/matching/lexicon.json') as Record<'concepts' | 'irregular' | 'spelling', string>;
const keysOf = (text: string): string[] => text.split('\n').map((line) => line.slice(0, line.indexOf(' ') < 0 ? undefined : line.indexOf(' ')));

describe('the WordNet lexicon', () => {
  it('keeps every table sorted by key, which its in-place search relies on', () => {
    for (const name of ['concepts', 'irregular', 'spelling'] as const) {
      const keys = keysOf(table[name]);
      for (let k = 1; k < keys.length; k++) assert.ok(keys[k - 1] < keys[k], `${name}: ${keys[k - 1]} before ${keys[k]}`);
    }
  });

  it('finds the first, last and middle keys of each table, and no key that is not there', () => {
    const concepts = keysOf(table.concepts);
    for (const stem of [concepts[0], concepts[concepts.length - 1], concepts[concepts.length >> 1]]) assert.ok(isKnownWord(stem), stem);
    assert.equal(isKnownWord('qzxv'), false);
    assert.equal(isKnownWord(''), false);
    assert.equal(conceptsOf('qzxv'), undefined);
  });

  it('reads spellings, irregular forms and comparatives', () => {
    assert.equal(americanSpelling('defence'), 'defense');
    assert.equal(americanSpelling('labour'), 'labor');
    assert.equal(americanSpelling('security'), 'security');
    assert.equal(stemOf('said'), stemOf('say'));
    assert.equal(stemOf('children'), stemOf('child'));
    assert.equal(stemOf('largest'), stemOf('large'));
  });

  it('relates a word to its synonym through a shared sense, and not to an unrelated word', () => {
    const senses = (word: string): Set<number> => new Set(conceptsOf(stemOf(word))?.own ?? []);
    const shared = (x: string, y: string): boolean => [...senses(x)].some((k) => senses(y).has(k));
    assert.ok(shared('baseless', 'groundless'));
    assert.ok(shared('grave', 'serious'));
    assert.equal(shared('grave', 'banana'), false);
  });
});

describe('stemming a token longer than any word', () => {
  it('leaves it as it is, as the stemmer would take the square of its length', () => {
    const run = 'a'.repeat(100_000) + 'ing';
    assert.equal(stemOf(run), run);
    assert.equal(stemOf('consistently'), stemOf('consistent'), 'words are stemmed as before');
  });
});
