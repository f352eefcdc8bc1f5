import assert from 'node:assert/strict';
import { QuoteIndex } from '../../../../src/core/matching';
import type { QuoteKind, QuoteLink, QuoteRef } from '../../../../src/core/types';
import { SEED_DOCS, seedQuotes } from '../../../fixtures/matching-seeds';

function seedIndex(): QuoteIndex {
  const index = new QuoteIndex();
  for (const doc of SEED_DOCS) index.set(doc, seedQuotes(doc));
  return index;
}

/** Quotes of one document as the corpus numbers them: by position. */
function numbered(docId: string, quotes: readonly { kind: QuoteKind; text: string }[]): QuoteRef[] {
  return quotes.map((q, i) => ({ id: `${docId}-q${i}`, docId, text: q.text, kind: q.kind }));
}

const unrelated = { kind: 'statement' as const, text: 'We will hold our first talks on artificial intelligence in the coming weeks' };
const key = (l: QuoteLink): string => `${l.from} ${l.to} ${l.relation}`;
const linked = (index: QuoteIndex, a: string, b: string): QuoteLink | undefined =>
  index.linksOf(a).find((l) => l.to === b);

/** Every quote's links have their mirror at the other end, and point only at quotes still there. */
function assertSymmetric(index: QuoteIndex, ids: readonly string[]): void {
  const present = new Set(ids);
  for (const id of ids) {
    for (const l of index.linksOf(id)) {
      assert.ok(present.has(l.to), `${id} links to ${l.to}, which is gone`);
      const back = linked(index, l.to, id);
      assert.ok(back, `${l.to} should link back to ${id}`);
      assert.equal(back.score, l.score);
      assert.equal(back.relation, l.relation);
    }
  }
}

function allIds(docs: Record<string, QuoteRef[]>): string[] {
  return Object.values(docs).flatMap((qs) => qs.map((q) => q.id));
}

describe('QuoteIndex.set on a document already indexed', () => {
  it('keeps the links of unchanged quotes, under the ids of their new positions', () => {
    const index = seedIndex();
    const edited = numbered('001', [unrelated, ...seedQuotes('001')]);
    index.set('001', edited);
    // The old first quote is now the second.
    assert.equal(linked(index, '000-q1', '001-q1')?.relation, 'variant');
    assert.equal(linked(index, '000-q1', '001-q0'), undefined);
    assert.deepEqual(index.linksOf('001-q0'), []);
    assert.equal(linked(index, '001-q6', '002-q4')?.relation, 'variant');
    assert.equal(index.quoteCount, SEED_DOCS.flatMap(seedQuotes).length + 1);
  });

  it('ends with the links a fresh index of the same documents has', () => {
    const docs = Object.fromEntries(SEED_DOCS.map((d) => [d, seedQuotes(d)]));
    docs['001'] = numbered('001', [unrelated, ...seedQuotes('001').reverse()]);
    docs['003'] = numbered('003', seedQuotes('003').filter((_, i) => i !== 1));
    const incremental = seedIndex();
    incremental.set('001', docs['001']);
    incremental.set('003', docs['003']);
    const fresh = new QuoteIndex();
    for (const [doc, quotes] of Object.entries(docs)) fresh.set(doc, quotes);
    assert.deepEqual(incremental.links().map(key).sort(), fresh.links().map(key).sort());
  });

  it('moves links with quotes that change places', () => {
    const index = seedIndex();
    const reversed = numbered('001', seedQuotes('001').reverse());
    index.set('001', reversed);
    assert.equal(linked(index, '000-q1', '001-q5')?.relation, 'variant');
    assert.equal(linked(index, '001-q0', '002-q4')?.relation, 'variant');
    assert.equal(linked(index, '000-q1', '001-q0'), undefined);
    assert.equal(index.linksOf('001-q0').every((l) => l.from === '001-q0'), true);
  });

  it('links a changed quote afresh and drops the links of the text it replaced', () => {
    const index = seedIndex();
    const quotes = seedQuotes('001');
    index.set('001', numbered('001', [unrelated, ...quotes.slice(1)]));
    assert.deepEqual(index.linksOf('000-q1'), []);
    assert.deepEqual(index.linksOf('001-q0'), []);
    assert.ok(linked(index, '001-q5', '002-q4'), 'links of the quotes left alone stay');
    index.set('001', quotes);
    assert.equal(linked(index, '000-q1', '001-q0')?.relation, 'variant');
  });

  it('drops the same-document link of a repeated quote when one copy goes', () => {
    const index = seedIndex();
    assert.equal(linked(index, '003-q0', '003-q1')?.relation, 'identical');
    index.set('003', numbered('003', seedQuotes('003').filter((_, i) => i !== 1)));
    assert.deepEqual(index.linksOf('003-q0'), []);
    // "our grave concerns" moved from q2 to q1 and keeps its link.
    assert.equal(linked(index, '001-q1', '003-q1')?.relation, 'variant');
  });

  it('treats a quote whose kind changed as a new quote', () => {
    const index = seedIndex();
    const quotes = seedQuotes('002').map((q, i) => (i === 4 ? { ...q, kind: 'statement' as const } : q));
    index.set('002', quotes);
    // As a statement, two words cannot make a variant of a longer statement.
    assert.equal(linked(index, '001-q5', '002-q4'), undefined);
    assert.ok(linked(index, '001-q5', '002-q5'));
  });

  it('keeps links symmetric through edits and removals', () => {
    const index = seedIndex();
    const docs = Object.fromEntries(SEED_DOCS.map((d) => [d, seedQuotes(d)]));
    docs['001'] = numbered('001', [unrelated, ...seedQuotes('001').slice(2), seedQuotes('001')[0]]);
    index.set('001', docs['001']);
    assertSymmetric(index, allIds(docs));
    index.remove('002');
    delete docs['002'];
    assertSymmetric(index, allIds(docs));
    docs['004'] = numbered('004', seedQuotes('004').slice(1));
    index.set('004', docs['004']);
    assertSymmetric(index, allIds(docs));
    assert.ok(index.links().every((l) => !l.from.startsWith('002-') && !l.to.startsWith('002-')));
  });

  it('costs far less to set again with the same quotes than to set the first time', () => {
    // A long article: hundreds of quotes, a few of which repeat each other.
    const sentences = SEED_DOCS.flatMap(seedQuotes).filter((q) => q.kind === 'statement').map((q) => q.text);
    const quotes = Array.from({ length: 400 }, (_, i) => ({
      kind: 'statement' as const,
      text: `${sentences[i % sentences.length]} (${Math.floor(i / sentences.length)})`,
    }));
    const index = seedIndex();
    const start = performance.now();
    index.set('long', numbered('long', quotes));
    const first = performance.now() - start;
    const before = index.links().map(key);
    const again = performance.now();
    index.set('long', numbered('long', quotes));
    const second = performance.now() - again;
    assert.deepEqual(index.links().map(key), before);
    assert.ok(second * 5 < first, `set again ${second.toFixed(2)} ms, first ${first.toFixed(2)} ms`);
  });
});

describe('QuoteIndex after documents come and go', () => {
  it('links a new document to one indexed before a removal, as two different documents', () => {
    const text = 'Both sides agreed to meet again next month after frank and constructive talks';
    const index = new QuoteIndex();
    for (const doc of ['a', 'b']) index.set(doc, numbered(doc, [{ kind: 'statement', text }]));
    index.remove('a');
    index.set('c', numbered('c', [{ kind: 'statement', text }]));
    assert.deepEqual(index.links().map(key), ['b-q0 c-q0 identical']);
    index.set('b', []);
    index.set('d', numbered('d', [{ kind: 'statement', text }]));
    assert.deepEqual(index.links().map(key), ['c-q0 d-q0 identical']);
  });
});

describe('QuoteIndex within one long document', () => {
  it('keeps at most 32 links a quote, symmetric, when a text repeats one passage forty times', () => {
    const passage = [
      { kind: 'statement' as QuoteKind, text: 'Both sides agreed to meet again next month after frank and constructive talks' },
      { kind: 'statement' as QuoteKind, text: 'frank and constructive talks' },
      { kind: 'term' as QuoteKind, text: 'constructive' },
    ];
    const index = new QuoteIndex();
    const quotes = numbered('d', Array.from({ length: 40 }, () => passage).flat());
    index.set('d', quotes);
    for (const q of quotes) {
      const links = index.linksOf(q.id);
      assert.ok(links.length <= 32, `${q.id} has ${links.length} links`);
      for (const l of links) assert.ok(index.linksOf(l.to).some((back) => back.to === q.id), `${l.to} does not link back to ${q.id}`);
    }
    assert.ok(quotes.filter((q) => index.linksOf(q.id).length > 0).length >= 40, 'repeats are linked');
  });

  it('finds a phrase quoted again among hundreds of quotes, and only that', () => {
    const long = 'The ministry said it would release the full budget figures for the coming year by the end of the month';
    const filler = Array.from({ length: 300 }, (_, i) => ({ kind: 'statement' as const, text: `Filler remark number ${i} about the weather in the port` }));
    const quotes = [...filler.slice(0, 150), { kind: 'statement' as const, text: long }, ...filler.slice(150), { kind: 'term' as const, text: 'the full budget figures' }];
    const index = new QuoteIndex();
    index.set('doc', numbered('doc', quotes));
    assert.equal(linked(index, 'doc-q150', 'doc-q301')?.relation, 'fragment');
    assert.deepEqual(index.linksOf('doc-q301').map((l) => l.to), ['doc-q150']);
    assert.deepEqual(index.linksOf('doc-q0'), []);
  });
});
