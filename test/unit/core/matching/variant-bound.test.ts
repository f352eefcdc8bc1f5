import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quoteFacts } from '../../../../src/core/first-pass';
import { align, meetings, rewordingsAtMost } from '../../../../src/core/matching/align';
import { comparePrepared, coverage, stemWeights } from '../../../../src/core/matching/compare';
import { prepare, Vocabulary, type PreparedQuote } from '../../../../src/core/matching/prepared';
import { cannotVary, coverageAtMost, wordsMet } from '../../../../src/core/matching/variant-bound';

const STORIES = join(__dirname, '..', '..', '..', 'fixtures', 'coverage');

/** Uneven weights, as rarity gives, so that the bound is tried on more than word counts. */
const weight = (stem: number): number => 1 + (stem % 7) / 3;

const weights = (q: PreparedQuote): Float64Array => stemWeights(q, weight);

/** The quotes of two stories' articles, the versions of one statement and others side by side. */
function storyQuotes(vocab: Vocabulary): PreparedQuote[] {
  const out: PreparedQuote[] = [];
  for (const story of ['boe-cut-to-four-percent', 'macron-troops-ukraine']) {
    for (const file of readdirSync(join(STORIES, story)).filter((f) => f.endsWith('.txt'))) {
      const facts = quoteFacts(readFileSync(join(STORIES, story, file), 'utf8'), file);
      for (const q of facts.quotes) out.push(prepare(q.text, q.kind, vocab));
    }
  }
  return out;
}

describe('the variant bound', () => {
  const vocab = new Vocabulary();
  const quotes = [
    ...storyQuotes(vocab),
    // Rewordings the aligner credits without a pair: between two matches, and after the same opening.
    prepare('Russia will sustain its assault on the eastern city this winter', 'statement', vocab),
    prepare('Russia will continue its offensive in the eastern city this winter', 'statement', vocab),
    prepare('We will do whatever it takes to ensure that Russia cannot win this war', 'statement', vocab),
    prepare('We will do everything so that Russia cannot win this war', 'statement', vocab),
  ];

  it('never falls below what the aligner finds, for any pair of quotes', () => {
    let pairs = 0;
    let cut = 0;
    for (const a of quotes) {
      for (const b of quotes) {
        if (a === b || a.stems.length === 0 || b.stems.length === 0) continue;
        const { inA, inB } = meetings(a, b, vocab);
        const metA = inA.reduce((x, y) => x + y, 0);
        const metB = inB.reduce((x, y) => x + y, 0);
        const contentMet = wordsMet(a, inA);
        const wa = weights(a);
        const wb = weights(b);
        const cannot = contentMet < 2 || cannotVary(a, b, inA, inB, wa, wb);
        const reworded = rewordingsAtMost(Math.min(metA, metB));
        const boundA = coverageAtMost(wa, inA, reworded);
        const boundB = coverageAtMost(wb, inB, reworded);
        const { creditA, creditB, pairs: matched } = align(a, b, vocab);
        assert.ok(coverage(wa, creditA) <= boundA + 1e-12);
        assert.ok(coverage(wb, creditB) <= boundB + 1e-12);
        assert.ok(matched.length <= Math.min(metA, metB));
        assert.ok(matched.filter((p) => !a.names[p.i]).length <= contentMet);
        if (cannot) cut++;
        pairs++;
      }
    }
    assert.ok(pairs > 1000 && cut > 0 && cut < pairs);
  });

  it('compares alike given the weights of the first quote beforehand', () => {
    for (const a of quotes.slice(0, 20)) {
      const weightsOfA = stemWeights(a, weight);
      for (const b of quotes) assert.deepEqual(comparePrepared(a, b, vocab, { weight, weightsOfA }), comparePrepared(a, b, vocab, { weight }));
    }
  });

  it('counts the words the aligner credits as rewordings without a pair', () => {
    for (const [a, b] of [quotes.slice(-4, -2), quotes.slice(-2)]) {
      const { inA, inB } = meetings(a, b, vocab);
      const wa = weights(a);
      const metOnly = coverageAtMost(wa, inA, 0);
      const reworded = rewordingsAtMost(Math.min(inA.reduce((x, y) => x + y, 0), inB.reduce((x, y) => x + y, 0)));
      const bound = coverageAtMost(wa, inA, reworded);
      assert.equal(cannotVary(a, b, inA, inB, wa, weights(b)), false);
      const found = coverage(wa, align(a, b, vocab).creditA);
      assert.ok(found > metOnly && found <= bound, `${metOnly} < ${found} <= ${bound}`);
      assert.equal(comparePrepared(a, b, vocab, { weight })?.relation, 'variant');
    }
  });
});
