import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus, analyzeText } from '../../../src/core/corpus';
import { EntityResolver, forgetRecognized, recognize, recognitionCacheSize } from '../../../src/core/entities';
import { paragraphs } from '../../../src/core/text/paragraphs';

const SEEDS = join(__dirname, '../../../seeds');
const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (f: string): string => readFileSync(join(SEEDS, f), 'utf8');

/**
 * What the analysis of documents and entities shows a user, as plain data. Links are left out: the
 * quote index keeps the rarity weights a pair was compared with, so their scores may drift.
 */
function snapshot(c: Corpus): unknown {
  const entities = c.entities();
  return {
    documents: c.documents().map((d) => ({ ...d, quotes: d.quotes, mentions: d.mentions })),
    entities,
    mentions: entities.map((e) => c.mentionsOf(e.id)),
  };
}

/** Sets `texts` in order into a corpus built with nothing remembered from earlier analyses. */
function fresh(texts: readonly [string, string][]): Corpus {
  forgetRecognized();
  const c = new Corpus();
  for (const [uri, t] of texts) c.set(uri, t);
  return c;
}

/** Applies each edit in turn to `uri` of a corpus of the seeds, then compares it with a fresh corpus. */
function assertEditsMatchFresh(uri: string, edits: readonly ((t: string) => string)[]): void {
  const texts: [string, string][] = SEED_FILES.map((f) => [f, seed(f)]);
  const c = new Corpus();
  for (const [u, t] of texts) c.set(u, t);
  const at = texts.findIndex(([u]) => u === uri);
  for (const edit of edits) {
    texts[at] = [uri, edit(texts[at]![1])];
    c.set(uri, texts[at]![1]);
    assert.deepEqual(snapshot(c), snapshot(fresh(texts)));
  }
}

describe('incremental re-analysis', function () {
  this.timeout(120000);

  it('gives the same analysis after one-word edits as a fresh analysis of the edited article', () => {
    const file = SEED_FILES[3]!;
    const text = seed(file);
    const word = /\b(?:the|and|was)\b/g;
    const spots = [...text.matchAll(word)].map((m) => m.index!).filter((_, i) => i % 7 === 3).slice(0, 3);
    assert.ok(spots.length === 3);
    assertEditsMatchFresh(file, spots.map((at) => (t: string) => `${t.slice(0, at)}notably${t.slice(at + 3)}`));
  });

  it('gives the same analysis after joining and splitting paragraphs and opening or closing a quote', () => {
    const file = SEED_FILES[2]!;
    const text = seed(file);
    const breakAt = text.indexOf('\n', text.length >> 1);
    const quoteAt = text.indexOf('“');
    const closeAt = text.indexOf('”', quoteAt);
    assert.ok(breakAt > 0 && quoteAt > 0 && closeAt > quoteAt);
    assertEditsMatchFresh(file, [
      // Join two paragraphs, then split one in the middle of a sentence.
      (t) => t.slice(0, breakAt) + ' ' + t.slice(t.slice(breakAt).search(/\S/) + breakAt),
      (t) => { const at = t.indexOf('. ', t.length >> 2) + 2; return `${t.slice(0, at)}\n\n${t.slice(at)}`; },
      // Remove a closing mark, so the quote runs to the paragraph end or on into the next one.
      (t) => t.slice(0, closeAt) + t.slice(closeAt + 1),
      // Open a quote at the start of a paragraph that continues one left open.
      (t) => { const at = t.indexOf('\n', closeAt) + 1; return `${t.slice(0, at)}“${t.slice(at)}`; },
    ]);
  });

  it('re-reads an unchanged paragraph when an edit elsewhere changes which words the article shows to be names', () => {
    const withName = 'Rotor said profits fell.\n\nAnalysts at the board expect more.';
    const without = 'Rotor said profits fell.\n\nAnalysts at the rotor board expect more.';
    const c = new Corpus();
    c.set('a.txt', withName);
    // The first paragraph is unchanged, but once the second uses "rotor" as a common word its first word is no name.
    const edited = c.set('a.txt', without);
    assert.deepEqual(edited.mentions, []);
    assert.deepEqual(c.set('a.txt', withName).mentions.map((m) => m.text), ['Rotor']);
    assert.deepEqual(snapshot(c), snapshot(fresh([['a.txt', withName]])));
  });

  it('finds the same mentions whether a paragraph was seen before or not, wherever it moves', () => {
    const text = seed(SEED_FILES[0]!);
    forgetRecognized();
    const first = recognize(text, paragraphs(text));
    // The same paragraphs, shifted by a new first paragraph: offsets move, readings do not.
    const lead = 'Breaking news from the wire.\n\n';
    const shifted = recognize(lead + text, paragraphs(lead + text));
    assert.deepEqual(shifted.map((m) => ({ ...m, start: m.start - lead.length, end: m.end - lead.length })), first);
    forgetRecognized();
    assert.deepEqual(recognize(lead + text, paragraphs(lead + text)), shifted);
  });

  it('keeps its remembered chunks and tags within bounds', () => {
    forgetRecognized();
    for (let i = 0; i < 4500; i++) recognize(`Report ${i} from Oslo by Kari Nordmann.`, [{ start: 0, end: 38 + String(i).length - 1, index: 0 }]);
    const size = recognitionCacheSize();
    assert.ok(size.chunks <= 4000 && size.chunks > 1000, JSON.stringify(size));
    assert.ok(size.tokens <= 40000 && size.tokens > 0, JSON.stringify(size));
  });
});

describe('the corpus answers from compact storage', function () {
  this.timeout(60000);
  const c = new Corpus();
  for (const f of SEED_FILES) c.set(f, seed(f));

  it('finds the mention and the quote at every offset as a scan of the document would', () => {
    for (const f of SEED_FILES) {
      const d = c.document(f)!;
      for (let offset = 0; offset <= d.text.length; offset += 3) {
        assert.deepEqual(c.mentionAt(f, offset), d.mentions.find((m) => m.start <= offset && offset <= m.end), `${f} @${offset}`);
        let best: (typeof d.quotes)[number] | undefined;
        for (const q of d.quotes) if (q.outer.start <= offset && offset <= q.outer.end && (!best || q.depth > best.depth)) best = q;
        assert.deepEqual(c.quoteAt(f, offset), best);
      }
      for (const q of d.quotes) assert.deepEqual(c.quote(q.id), q);
    }
    assert.equal(c.quote('nonsense-q0'), undefined);
    assert.equal(c.quote(`${c.document(SEED_FILES[0]!)!.id}-q9999`), undefined);
  });

  it('keeps only the analyses of the last documents asked for, and rebuilds others equal', () => {
    const first = c.document(SEED_FILES[0]!)!;
    assert.equal(c.document(SEED_FILES[0]!), first, 'an analysis asked twice in a row is rebuilt');
    const other = new Corpus();
    for (let i = 0; i < 40; i++) other.set(`d${i}.txt`, `Kari Nordmann spoke in Oslo on day ${i}.`);
    const d0 = other.document('d0.txt')!;
    for (let i = 1; i < 40; i++) other.document(`d${i}.txt`);
    const again = other.document('d0.txt')!;
    assert.notEqual(again, d0, 'every analysis asked for is kept');
    assert.deepEqual({ ...again, mentions: again.mentions, quotes: again.quotes }, { ...d0, mentions: d0.mentions, quotes: d0.quotes });
  });

  it('reads a document\'s text without building its analysis, and keeps a text set again as stored', () => {
    const other = new Corpus();
    const text = `Rivers rise\n\n“The dam will hold through the spring floods without any doubt,” Mayor Ana Lopes said. ${'The town waited. '.repeat(8)}`;
    const quick = analyzeText(text, 'a.txt');
    other.add('a.txt', text, { ...quick, mentions: [] });
    for (let i = 0; i < 40; i++) other.set(`d${i}.txt`, `Kari Nordmann spoke in Oslo on day ${i}, “and we will stay here all year,” he said.`);
    assert.equal(other.text('a.txt'), text);
    assert.equal(other.text('missing.txt'), undefined);
    const stored = (other as unknown as { docs: Map<string, { text: unknown; quotes: readonly { text: string }[] }> }).docs;
    const before = stored.get('a.txt')!;
    assert.ok(before.text instanceof Uint8Array, 'a text with curly quotes is kept as UTF-8');
    other.add('a.txt', text, quick);
    const after = stored.get('a.txt')!;
    assert.equal(after.text, before.text, 'the same text set again keeps its compact copy');
    assert.equal(after.quotes[0], before.quotes[0], 'and its quotes as stored');
    assert.equal(other.document('a.txt')!.mentions.length, quick.mentions.length);
  });

  it('keeps no decoded text of a document replaced or removed', () => {
    const other = new Corpus();
    const long = `“We will rebuild,” the mayor said. ${'The town waited for news. '.repeat(3000)}`;
    const recent = (other as unknown as { recentTexts: { size: number; weight: number } }).recentTexts;
    for (let v = 0; v < 5; v++) other.set('a.txt', `${long} Version ${v}.`);
    assert.equal(recent.size, 1, 'only the latest version’s text is kept');
    other.remove('a.txt');
    assert.equal(recent.size, 0);
    assert.equal(recent.weight, 0);
  });

  it('gives back the facts it was given', () => {
    for (const f of SEED_FILES) {
      const facts = c.factsOf(f)!;
      const d = c.document(f)!;
      assert.deepEqual(facts.mentions, d.mentions.map(({ start, end, text, type, confidence }) => (confidence === undefined ? { start, end, text, type } : { start, end, text, type, confidence })));
    }
  });
});

describe('the resolver after an edit', () => {
  it('keeps the entity listing when an edit leaves the names as they were, and rebuilds it when they change', () => {
    const r = new EntityResolver();
    const set = (id: string, t: string): void => r.set(id, t, recognize(t, paragraphs(t)));
    set('a', 'Antony Blinken met Wang Yi in Beijing. Blinken said little.');
    set('b', 'Wang Yi spoke to Antony Blinken.');
    const listing = r.entities();
    set('b', 'Wang Yi spoke at length to Antony Blinken.');
    assert.equal(r.entities(), listing);
    set('b', 'Wang Yi spoke to Antony Blinken and Xi Jinping.');
    assert.notEqual(r.entities(), listing);
    assert.ok(r.entities().some((e) => e.id === 'person:xi-jinping'));
    assert.deepEqual(r.mentionsOf('person:antony-blinken').map((m) => m.docId), ['a', 'a', 'b']);
  });
});

describe('entity statistics', () => {
  it('counts an entity’s mentions and documents as listing them would', () => {
    const c = new Corpus();
    for (const f of SEED_FILES) c.set(f, seed(f));
    for (const e of c.entities().slice(0, 20)) {
      const all = c.mentionsOf(e.id);
      assert.deepEqual(c.mentionStats(e.id), { mentions: all.length, documents: new Set(all.map((m) => m.uri)).size }, e.id);
    }
    assert.ok(c.mentionStats('person:antony-blinken').documents >= 3);
    assert.deepEqual(c.mentionStats('person:nobody-at-all'), { mentions: 0, documents: 0 });
  });
});

describe('removing documents', () => {
  it('leaves nothing of them behind, and adding them again gives what a fresh corpus gives', () => {
    const c = new Corpus();
    for (const f of SEED_FILES) c.set(f, seed(f));
    for (const f of SEED_FILES) c.remove(f);
    assert.deepEqual(c.entities(), []);
    assert.deepEqual(c.documents(), []);
    assert.equal(c.mentionAt(SEED_FILES[0]!, 10), undefined);
    for (const f of SEED_FILES) c.set(f, seed(f));
    assert.deepEqual(snapshot(c), snapshot(fresh(SEED_FILES.map((f) => [f, seed(f)]))));
  });
});
