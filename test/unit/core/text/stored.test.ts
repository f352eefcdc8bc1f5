import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../../../src/core/corpus';
import { detached, loadText, storedBytes, storeText } from '../../../../src/core/text/stored';

const seedsDir = join(__dirname, '../../../../seeds');
const seeds = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(join(seedsDir, n), 'utf8'));

describe('texts kept compact', () => {
  it('gives back the very same string for every kind of text', () => {
    const texts = [
      '',
      'short “quote”',
      'plain ASCII text of some length, long enough to be worth storing compactly, with no curly marks',
      'Latin-1 only: café, naïve, Æsop — no, that dash is past U+00FF; ’ too. '.repeat(3),
      '中文新闻报道说，“我们将继续合作。”'.repeat(8),
      'Emoji 🙂 and a pair of surrogates 𝒜 in an otherwise “English” article text. '.repeat(2),
      'A lone surrogate \uD800 and a lone low one \uDC00 in an article of some length, kept as they are.',
      ...seeds,
    ];
    for (const t of texts) assert.equal(loadText(storeText(t)), t);
  });

  it('keeps an English article with curly quotes in about a byte a character', () => {
    for (const text of seeds) {
      const stored = storeText(text);
      assert.ok(stored instanceof Uint8Array, 'stored as UTF-8');
      assert.ok(storedBytes(stored) < 1.1 * text.length, `${storedBytes(stored)} bytes for ${text.length} characters`);
    }
  });

  it('keeps a text that UTF-8 would make larger as a string', () => {
    const chinese = '中文新闻报道说，“我们将继续合作。”'.repeat(20);
    assert.equal(typeof storeText(chinese), 'string');
    const latin1 = 'café au lait, s’il vous plaît'.replace('’', "'").repeat(10);
    assert.equal(typeof storeText(latin1), 'string');
  });

  it('gives a corpus document its exact text, its mentions and quotes at their offsets, after many others were read', () => {
    const corpus = new Corpus();
    seeds.forEach((t, i) => corpus.set(`/a/${i}.txt`, t));
    // Enough other documents to push the first out of the recently read texts.
    for (let i = 0; i < 60; i++) corpus.set(`/b/${i}.txt`, `${seeds[i % seeds.length]!}\n\nCopy ${i}.`);
    seeds.forEach((t, i) => {
      const doc = corpus.document(`/a/${i}.txt`)!;
      assert.equal(doc.text, t);
      for (const m of doc.mentions) assert.equal(m.text, t.slice(m.start, m.end));
      for (const q of doc.quotes) assert.equal(q.text, t.slice(q.start, q.end));
    });
  });

  it('gives a copy of a substring equal to it, short or long', () => {
    const text = 'An article of some length with “a quotation long enough to be shared” inside it.';
    for (const [a, b] of [[0, 5], [31, 68], [0, text.length]] as const) assert.equal(detached(text.slice(a, b)), text.slice(a, b));
  });
});
