import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cacheStats, resetCacheStats } from '../../../../src/core/cache-stats';
import { documentFeatures, forgetReadings, secondFeatures } from '../../../../src/core/entities/feature-memo';
import { documentContext, priorOnly, priorReading, sentenceFeatures, type SentenceFeatures } from '../../../../src/core/entities/features';
import { currentModel } from '../../../../src/core/entities/model';
import { PAIRED_STRIDE } from '../../../../src/core/entities/paired';
import { firstReading, tagSentences } from '../../../../src/core/entities/tagger';
import { paragraphSentences } from '../../../../src/core/entities/tokens';
import { withoutRemembering } from '../../../../src/core/lru';
import { paragraphs } from '../../../../src/core/text/paragraphs';

const SEED = readFileSync(join(__dirname, '../../../../seeds/003_2b7f539160dc2239.txt'), 'utf8');
const reuse = () => cacheStats().find((c) => c.name === 'sentence features (entities)')!;

function contextOf(text: string) {
  return documentContext(paragraphs(text).flatMap((p) => paragraphSentences(text, p)));
}

function plain(f: SentenceFeatures): number[][] {
  return [[...f.starts], [...f.feats]];
}

/**
 * Features as `documentFeatures` gives them for `text`, and the second stage's as `secondFeatures`
 * does, against a fresh extraction of every sentence.
 */
function checkAgainstFresh(text: string): void {
  const ctx = contextOf(text);
  const got = documentFeatures(ctx);
  assert.equal(got.length, ctx.sentences.length);
  got.forEach((f, i) => assert.deepEqual(plain(f), plain(sentenceFeatures(ctx, i)), `sentence ${i}`));
  const prior = priorReading(ctx, firstReading(ctx, currentModel(), got));
  const extras = secondFeatures(ctx, prior, (i) => priorOnly(ctx, i, got[i], prior));
  extras.forEach((f, i) => assert.deepEqual(plain(f), plain(priorOnly(ctx, i, got[i], prior)), `second stage, sentence ${i}`));
}

describe('entity features of an edited document', () => {
  beforeEach(() => forgetReadings());

  it('extracts again only the sentences an edit can change, the same as a fresh extraction', () => {
    documentFeatures(contextOf(SEED));
    const at = SEED.indexOf(' the ', SEED.length / 2);
    const edited = `${SEED.slice(0, at)} a ${SEED.slice(at + 5)}`;
    resetCacheStats();
    checkAgainstFresh(edited);
    const { hits, misses } = reuse();
    assert.ok(misses >= 1 && hits > 10 * misses, `${hits} sentences kept, ${misses} extracted again`);
  });

  it('makes the second stage\'s features again only for the sentences whose first reading can differ', () => {
    const second = (text: string): number => {
      const ctx = contextOf(text);
      const feats = documentFeatures(ctx);
      const prior = priorReading(ctx, firstReading(ctx, currentModel(), feats));
      let made = 0;
      secondFeatures(ctx, prior, (i) => (made++, priorOnly(ctx, i, feats[i], prior)));
      return made;
    };
    const all = second(SEED);
    const at = SEED.indexOf(' the ', SEED.length / 2);
    const made = second(`${SEED.slice(0, at)} a ${SEED.slice(at + 5)}`);
    assert.ok(made >= 1 && made * 10 < all, `${made} of ${all} sentences made again`);
  });

  it('reads a moved paragraph, a renamed person and a changed capital as a fresh extraction does', () => {
    const paras = SEED.split(/\n\s*\n/);
    const edits = [
      [paras[2], paras[1], paras[0], ...paras.slice(3)].join('\n\n'),
      SEED.replaceAll('Beijing', 'Peking'),
      SEED.replace(/\bthe\b/, 'The'),
      `${SEED}\n\n${paras[1]}`,
      paras.slice(1).join('\n\n'),
    ];
    for (const edited of edits) {
      forgetReadings();
      checkAgainstFresh(SEED);
      checkAgainstFresh(edited);
    }
  });

  it('matches a fresh extraction after any run of word edits', () => {
    const words = ['Smith', 'smith', 'the', 'The', 'Beijing', 'said', 'U.S.', '“', 'Reuters', 'ORG', 'talks', 'TALKS', 'Talks'];
    const base = 'Wang Yi met John Smith in Beijing. The minister said the talks were frank.\n\nSmith said: “We met the Chinese side in Beijing.” THE TALKS WENT ON.\n\nReuters reported that the Smith family was in Beijing.';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.constantFrom(...words)), { minLength: 1, maxLength: 6 }), (edits) => {
        forgetReadings();
        let text = base;
        checkAgainstFresh(text);
        for (const [n, w] of edits) {
          const tokens = text.split(' ');
          tokens[n % tokens.length] = w;
          text = tokens.join(' ');
          checkAgainstFresh(text);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('keeps nothing of a document read without remembering', () => {
    withoutRemembering(() => documentFeatures(contextOf(SEED)));
    resetCacheStats();
    documentFeatures(contextOf(SEED));
    assert.equal(reuse().hits, 0);
  });
});

describe('entity tagger: both stages from one table', () => {
  it('finds the very names and margins that two separate tables give', () => {
    const shipped = currentModel();
    assert.ok(shipped.second && shipped.second.emission === shipped.emission, 'the shipped model is stored as one table');
    const L = 17;
    const rows = 1 << shipped.bits;
    const split = (offset: number): Int8Array => {
      const out = new Int8Array(rows * L);
      for (let r = 0; r < rows; r++) for (let y = 0; y < L; y++) out[r * L + y] = shipped.emission[r * PAIRED_STRIDE + offset + y];
      return out;
    };
    const apart = {
      ...shipped, emission: split(0), stride: L, offset: 0,
      second: { ...shipped.second, emission: split(L), stride: L, offset: 0 },
    };
    const sentences = paragraphs(SEED).flatMap((p) => paragraphSentences(SEED, p));
    forgetReadings();
    const together = withoutRemembering(() => tagSentences(sentences, shipped));
    const separately = withoutRemembering(() => tagSentences(sentences, apart));
    assert.ok(together.flat().length > 20);
    assert.deepEqual(together, separately);
  });
});
