import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QuoteIndex } from '../../../../src/core/matching';
import { findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { QuoteRef } from '../../../../src/core/types';

const SEEDS = join(__dirname, '../../../../seeds');

/** The sample articles one after another, repeated up to `size` characters: an ordinary long text. */
function plainText(size: number): string {
  const seeds = readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n\n');
  let text = '';
  while (text.length < size) text += `${seeds}\n\n`;
  return text.slice(0, size);
}

/** Every quote of `text`, as many as there are: the index's own bounds are under test here. */
function quotesOf(doc: string, text: string): QuoteRef[] {
  return findQuotes(text, paragraphs(text)).map((q, i) => ({ id: `${doc}-q${i}`, docId: doc, text: q.text, kind: q.kind }));
}

/** Milliseconds to find the quotes of `text` and index them beside one ordinary article. */
function indexTime(text: string): { ms: number; index: QuoteIndex; quotes: QuoteRef[] } {
  const index = new QuoteIndex();
  index.set('other', quotesOf('other', plainText(6000)));
  const t0 = process.hrtime.bigint();
  const quotes = quotesOf('doc', text);
  index.set('doc', quotes);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, index, quotes };
}

/** Best of three, so a busy machine's pause does not decide the ratio. */
function bestTime(text: string): number {
  return Math.min(...[0, 1, 2].map(() => indexTime(text).ms));
}

describe('QuoteIndex bounds on repetitive documents', () => {
  const size = 117_000;
  const plain = bestTime(plainText(size));

  it('links thirteen thousand copies of one word as one group, in time near an ordinary text', () => {
    const text = '“ok” '.repeat(13_000).slice(0, size);
    const { index, quotes } = indexTime(text);
    const ms = bestTime(text);
    assert.ok(quotes.length > 10_000, `${quotes.length} quotes`);
    // Each copy is linked to its neighbours, so the group costs its size.
    for (const q of quotes) assert.ok(index.linksOf(q.id).length <= 2, `${q.id} has ${index.linksOf(q.id).length} links`);
    assert.deepEqual(index.linkedIds(quotes[1].id).sort(), [quotes[0].id, quotes[2].id].sort());
    // Each of the 13,000 copies is still read and compared with its neighbour, where the ordinary text
    // of the same length holds a few hundred quotes: 3–6 times its time, measured.
    assert.ok(ms < 8 * plain + 50, `${ms.toFixed(0)} ms against ${plain.toFixed(0)} ms for an ordinary text`);
  });

  it('keeps a small group of copies linked each to each', () => {
    const index = new QuoteIndex();
    const q = (i: number): QuoteRef => ({ id: `d-q${i}`, docId: 'd', text: 'we will not back down', kind: 'statement' });
    index.set('d', [q(0), q(1), q(2)]);
    assert.deepEqual(index.linkedIds('d-q0').sort(), ['d-q1', 'd-q2']);
    assert.equal(index.linksOf('d-q2')[0].relation, 'identical');
  });

  it('compares thousands of different quotes with one opening formula in time near an ordinary text', () => {
    const words = 'alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega'.split(' ');
    let text = '';
    for (let i = 0; text.length < size; i++) {
      const tail = Array.from({ length: 10 }, (_, k) => `${words[(i * 7 + k * 3) % words.length]}${(i * 31 + k * 17) % 97}`).join(' ');
      text += `She said: “We will ${tail}.”\n\n`;
    }
    const ms = bestTime(text.slice(0, size));
    assert.ok(ms < 6 * plain + 50, `${ms.toFixed(0)} ms against ${plain.toFixed(0)} ms for an ordinary text`);
  });

  it('compares thousands of quotes made of a handful of words, every pair of them shared, in time near an ordinary text', () => {
    const words = ['we', 'act', 'now'];
    let text = '';
    for (let i = 0; text.length < size; i++) {
      const quote = Array.from({ length: 10 }, (_, k) => words[(i * 7 + k * k + (i >> k)) % 3]).join(' ');
      text += `“${quote}” `;
    }
    const ms = bestTime(text.slice(0, size));
    assert.ok(ms < 6 * plain + 50, `${ms.toFixed(0)} ms against ${plain.toFixed(0)} ms for an ordinary text`);
  });

  it('still finds a phrase quoted again inside a longer quote of the same document', () => {
    const index = new QuoteIndex();
    const formula = Array.from({ length: 40 }, (_, i) => ({ id: `d-q${i}`, docId: 'd', text: `we will rebuild the bridge number ${i} soon`, kind: 'statement' as const }));
    index.set('d', [
      ...formula,
      { id: 'd-q40', docId: 'd', text: 'ready to act decisively', kind: 'statement' },
      { id: 'd-q41', docId: 'd', text: 'We are ready to act decisively if the data call for it', kind: 'statement' },
    ]);
    assert.equal(index.linksOf('d-q40').find((l) => l.to === 'd-q41')?.relation, 'fragment');
  });

  it('matches an over-long quote on its opening words and says so', () => {
    const opening = Array.from({ length: 300 }, (_, i) => `word${i % 150}x${i}`).join(' ');
    const long = `${opening} ${Array.from({ length: 5000 }, (_, i) => `tail${i}`).join(' ')}`;
    const index = new QuoteIndex();
    const report = index.set('a', [{ id: 'a-q0', docId: 'a', text: long, kind: 'statement' }]);
    assert.equal(report.clipped, 1);
    index.set('b', [{ id: 'b-q0', docId: 'b', text: opening, kind: 'statement' }]);
    assert.equal(index.linksOf('b-q0')[0]?.relation, 'identical');
  });
});
