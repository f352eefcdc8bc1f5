import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { forgetRecognized } from '../../src/core/entities';
import { jsonReport } from '../../src/core/report';
import { assertSymmetricLinks, assertWellFormed } from '../fixtures/hostile/invariants';

/**
 * Property tests over random text and random edits. The seed is fixed so a run is reproducible; set
 * CROSSWIRE_PROPERTY_SEED to explore others (a failure prints the seed and path to replay it) and
 * CROSSWIRE_PROPERTY_RUNS to multiply the number of runs, which are kept small for compromise's sake.
 */
const SEED = Number(process.env.CROSSWIRE_PROPERTY_SEED ?? 20260425);
const RUNS = Number(process.env.CROSSWIRE_PROPERTY_RUNS ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS)), endOnFailure: true });

const SEEDS = join(__dirname, '../../seeds');
const SEED_TEXTS = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));

/** Pieces that exercise every reading rule: names, reporting verbs, every quote mark, every line end. */
const PIECES = [
  ' ', ' ', ' ', ' ', 'said', 'told', 'says', 'the', 'and', 'of', 'we', 'will', 'not', 'Smith', 'Jane', 'Paris',
  'Reuters', 'Minister', 'Ukraine', 'United Nations', 'Mr', 'O’Neil', 'McDonald’s', 'U.S.', 'EU', 'NATO',
  '"', "'", '“', '”', '‘', '’', '„', '‚', '‟', '‛', '«', '»', '‹', '›',
  '\n', '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\t', '\u00a0', '\u200b', '\ufeff',
  '.', ',', ';', ':', '—', '–', '-', '(', ')', '[', ']', '!', '?', '…', '/',
  'e\u0301', 'Ṣ̂̃', 'مرحبا', 'שלום', '\u200f', '\u202e', '😀', '👩‍👩‍👧', '𝒜𝒷', '\ud800', '\udc00',
  '[link](command:x)', '<b>', '</b>', '$(gear)', '&amp;', '![img](x.png)',
];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((ps) => ps.join(''));
/** Any UTF-16 string, lone surrogates included: what a decoder may hand over. */
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const utf16Text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
/** A stretch of a real article, so edits land among real quotes, names and paragraphs. */
const articleText = fc
  .tuple(fc.nat(SEED_TEXTS.length - 1), fc.nat(2000), fc.integer({ min: 200, max: 1500 }))
  .map(([i, from, length]) => {
    const text = SEED_TEXTS[i]!;
    const start = Math.min(from, Math.max(0, text.length - length));
    return text.slice(start, start + length);
  });
const text = fc.oneof({ weight: 3, arbitrary: piecesText }, { weight: 1, arbitrary: anyText }, { weight: 1, arbitrary: utf16Text }, { weight: 2, arbitrary: articleText });

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat(40),
  insert: fc.oneof(fc.constantFrom('', '“', '”', '"', '\n', '\r\n', ' said Smith. ', 'Jane Doe', '’s'), piecesText.map((s) => s.slice(0, 40))),
});

function applyEdit(s: string, e: Edit): string {
  const at = s.length === 0 ? 0 : e.at % (s.length + 1);
  return s.slice(0, at) + e.insert + s.slice(Math.min(s.length, at + e.remove));
}

/** Everything the corpus answers about itself, as plain data. */
function snapshot(corpus: Corpus): unknown {
  return {
    documents: corpus.documents(),
    entities: corpus.entities(),
    mentions: corpus.entities().map((e) => corpus.mentionsOf(e.id)),
    links: corpus.links(),
    report: jsonReport(corpus),
  };
}

/** The documents and entities, without the links. */
function analysisOf(corpus: Corpus): unknown {
  return {
    documents: corpus.documents(),
    entities: corpus.entities(),
    mentions: corpus.entities().map((e) => corpus.mentionsOf(e.id)),
  };
}

describe('properties of the analysis on random text', function () {
  this.timeout(60000 * Math.max(1, RUNS));

  it('never throws, and every quote, mention and speaker lies inside the text at its exact offsets', () => {
    const found = { quotes: 0, mentions: 0, speakers: 0 };
    fc.assert(
      fc.property(text, (t) => {
        const doc = new Corpus().set('doc.txt', t);
        assertWellFormed(doc, JSON.stringify(t));
        found.quotes += doc.quotes.length;
        found.mentions += doc.mentions.length;
        found.speakers += doc.quotes.filter((q) => q.speaker).length;
      }),
      params(300),
    );
    // The texts are rich enough that the invariants were checked on real findings.
    assert.ok(found.quotes > 100 && found.mentions > 100 && found.speakers > 20, JSON.stringify(found));
  });

  it('is deterministic: the same texts give the same analysis, also in two fresh corpora', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        const a = new Corpus();
        const b = new Corpus();
        texts.forEach((t, i) => a.set(`doc${i}.txt`, t));
        texts.forEach((t, i) => b.set(`doc${i}.txt`, t));
        assert.deepEqual(snapshot(a), snapshot(b));
        // Setting the same text again leaves the documents and entities as they were. Link scores may
        // drift: the quote index keeps the rarity weights a pair was compared with.
        texts.forEach((t, i) => a.set(`doc${i}.txt`, t));
        assert.deepEqual(a.documents(), b.documents(), 'setting the same text again changes its analysis');
        assert.deepEqual(a.entities(), b.entities(), 'setting the same text again changes the entities');
      }),
      params(60),
    );
  });

  it('gives the same result for an edit applied to a known document as for the edited text analysed afresh', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 3 }), articleText, (original, edits, neighbour) => {
        const edited = edits.reduce(applyEdit, original);
        const incremental = new Corpus();
        incremental.set('other.txt', neighbour);
        incremental.set('doc.txt', original);
        incremental.set('doc.txt', edited);
        // Each edit on its own too, so every step reuses what the one before it remembered.
        const stepwise = new Corpus();
        stepwise.set('doc.txt', original);
        stepwise.set('other.txt', neighbour);
        edits.reduce((t, e) => {
          const next = applyEdit(t, e);
          stepwise.set('doc.txt', next);
          return next;
        }, original);
        // Nothing remembered from the analyses above may stand in for analysing the edited text.
        forgetRecognized();
        const fresh = new Corpus();
        fresh.set('other.txt', neighbour);
        fresh.set('doc.txt', edited);
        const freshFirst = new Corpus();
        freshFirst.set('doc.txt', edited);
        freshFirst.set('other.txt', neighbour);
        // Link scores depend on the order quotes met the index in, so only the analysis is compared here.
        assert.deepEqual(analysisOf(stepwise), analysisOf(freshFirst));
        assertWellFormed(incremental.document('doc.txt')!);
        assert.deepEqual(snapshot(incremental), snapshot(fresh));
      }),
      params(80),
    );
  });

  it('links quotes symmetrically, with the same score and relation at both ends', () => {
    // Articles made of the seeds' sentences share quotes, so links are plentiful.
    const sentences = SEED_TEXTS.flatMap((t) => t.split(/(?<=[.!?”])\s+/)).filter((s) => s.length > 20 && /[“"]/.test(s));
    const articles = fc.shuffledSubarray(sentences, { minLength: 3, maxLength: 8 }).chain((pool) =>
      fc.array(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 }).map((ss) => ss.join('\n\n')), { minLength: 2, maxLength: 4 }),
    );
    let linked = 0;
    fc.assert(
      fc.property(articles, fc.array(edit, { maxLength: 2 }), (articles, edits) => {
        const corpus = new Corpus();
        articles.forEach((t, i) => corpus.set(`a${i}.txt`, t));
        corpus.set('a0.txt', edits.reduce(applyEdit, articles[0]!));
        assertSymmetricLinks(corpus);
        linked += corpus.links().length;
        for (const l of corpus.links()) {
          assert.ok(corpus.quote(l.from) && corpus.quote(l.to), `a link to a quote that does not exist: ${l.from} → ${l.to}`);
        }
        corpus.remove('a1.txt');
        assertSymmetricLinks(corpus);
        assert.ok(corpus.links().every((l) => corpus.quote(l.from) && corpus.quote(l.to)), 'links to a removed document remain');
      }),
      params(50),
    );
    assert.ok(linked > 100, `only ${linked} links seen`);
  });
});
