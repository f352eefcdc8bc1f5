import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { recognize } from '../../../../src/core/entities';
import { viterbi } from '../../../../src/core/entities/decode';
import { documentContext, sentenceFeatures, tokenFeatures } from '../../../../src/core/entities/features';
import { allowed, LABEL_COUNT, labelsOf, mayEnd, spansOf } from '../../../../src/core/entities/labels';
import { currentModel, decodeModel, useModel } from '../../../../src/core/entities/model';
import { tagSentences } from '../../../../src/core/entities/tagger';
import { paragraphSentences, tokenize } from '../../../../src/core/entities/tokens';
import { examplesOf, prepareDocument } from '../../../../src/core/entities/train/data';
import { encodeModel, quantize } from '../../../../src/core/entities/train/encode';
import { trainPerceptron } from '../../../../src/core/entities/train/perceptron';
import type { GoldDocument } from '../../../../src/core/entities/train/corpus';
import { paragraphs } from '../../../../src/core/text/paragraphs';

function names(text: string): string[] {
  return recognize(text, paragraphs(text)).map((m) => `${m.text}/${m.type}`);
}

function sentencesOf(text: string) {
  return paragraphs(text).flatMap((p) => paragraphSentences(text, p));
}

describe('entities: tokens', () => {
  it('splits like newswire: possessives, punctuation and hyphens apart, abbreviations and initials whole', () => {
    const text = 'Gov. Wes Moore’s U.S.-based aide, J. Smith, didn\'t go (Reuters).';
    const toks = tokenize(text, 0, text.length);
    assert.deepEqual(toks.map((t) => t.text), ['Gov.', 'Wes', 'Moore', '’s', 'U.S.', '-', 'based', 'aide', ',', 'J.', 'Smith', ',', 'did', 'n\'t', 'go', '(', 'Reuters', ')', '.']);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
  });

  it('keeps offsets into the source for any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => {
      let last = 0;
      for (const t of tokenize(text, 0, text.length)) {
        assert.equal(text.slice(t.start, t.end), t.text);
        assert.ok(t.start >= last && t.end > t.start);
        last = t.end;
      }
    }));
  });
});

describe('entities: decoding', () => {
  it('never decodes an ill-formed label sequence, whatever the scores', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (n, seed) => {
      let s = seed;
      const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
      const scores = Float64Array.from({ length: n * LABEL_COUNT }, () => rand() * 20 - 10);
      const transition = Float64Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, () => rand() * 4 - 2);
      const { labels } = viterbi(scores, n, transition);
      let prev = -1;
      for (const y of labels) {
        assert.ok(allowed(prev, y), `${prev} → ${y}`);
        prev = y;
      }
      assert.ok(mayEnd(prev));
      assert.deepEqual(labelsOf(n, spansOf(labels)), labels);
    }));
  });
});

describe('entities: decoding written out', () => {
  /** Viterbi as a plain loop over `allowed`, predecessors in label order, a strictly better one replacing the best. */
  function reference(scores: Float64Array, n: number, transition: Float64Array): { labels: number[]; best: number } {
    const L = LABEL_COUNT;
    const alpha: number[][] = [];
    const back: number[][] = [];
    alpha.push(Array.from({ length: L }, (_, y) => (allowed(-1, y) ? transition[y] + scores[y] : -Infinity)));
    for (let t = 1; t < n; t++) {
      alpha.push([]);
      back.push([]);
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        for (let from = 0; from < L; from++) {
          if (!allowed(from, y)) continue;
          const v = alpha[t - 1][from] + transition[(from + 1) * L + y];
          if (v > best) { best = v; arg = from; }
        }
        alpha[t][y] = best + scores[t * L + y];
        back[t - 1][y] = arg;
      }
    }
    let best = -Infinity;
    let last = 0;
    for (let y = 0; y < L; y++) if (mayEnd(y) && alpha[n - 1][y] > best) { best = alpha[n - 1][y]; last = y; }
    const labels = [last];
    for (let t = n - 1; t > 0; t--) labels.unshift(back[t - 1][labels[0]]);
    return { labels, best };
  }

  it('decodes what a plain loop over the allowed transitions decodes, ties included', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9 }), fc.integer(), fc.boolean(), (n, seed, coarse) => {
      let s = seed;
      const rand = (): number => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
      // Coarse scores (whole numbers from a small range) make many ties.
      const draw = (scale: number): number => (coarse ? Math.floor(rand() * 3) : rand() * scale - scale / 2);
      const scores = Float64Array.from({ length: n * LABEL_COUNT }, () => draw(20));
      const transition = Float64Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, () => draw(4));
      const got = viterbi(scores, n, transition);
      const want = reference(scores, n, transition);
      assert.deepEqual([...got.labels], want.labels);
      assert.equal(got.best, want.best);
    }), { numRuns: 500 });
  });
});

describe('entities: features', () => {
  it('describes a word in a line of capitals by how the document writes it elsewhere', () => {
    const withBody = sentencesOf('SOCCER - JAPAN GET LUCKY WIN\n\nIn a soccer match, Japan beat Syria.');
    const alone = sentencesOf('SOCCER - JAPAN GET LUCKY WIN\n\nThey met in a stadium.');
    const first = (s: ReturnType<typeof sentencesOf>, t: number): number[] => {
      const f = sentenceFeatures(documentContext(s), 0);
      return tokenFeatures(f, t);
    };
    // The document says "soccer" is a common word and "Japan" a name; without it the headline says less.
    assert.ok(first(withBody, 0).length > first(alone, 0).length);
    assert.ok(first(withBody, 2).length > first(alone, 2).length);
    // Features are a pure function of the text.
    assert.deepEqual(first(withBody, 2), first(sentencesOf('SOCCER - JAPAN GET LUCKY WIN\n\nIn a soccer match, Japan beat Syria.'), 2));
  });
});

const TINY: GoldDocument[] = [
  { name: 'a', text: 'Anna Berg met Oslo officials.\nThe Nordvik board met in Bergen.\n', names: [{ start: 0, end: 9, type: 'PER' }, { start: 14, end: 18, type: 'LOC' }, { start: 34, end: 41, type: 'ORG' }, { start: 55, end: 61, type: 'LOC' }] },
  { name: 'b', text: 'Bergen welcomed Anna Berg.\n', names: [{ start: 0, end: 6, type: 'LOC' }, { start: 16, end: 25, type: 'PER' }] },
];

describe('entities: training', () => {
  const train = (): string => {
    const examples = TINY.map(prepareDocument).flatMap((d) => examplesOf(d));
    const model = trainPerceptron(examples, { bits: 12, epochs: 5, seed: 7 });
    return JSON.stringify(encodeModel(quantize(model), { data: 'tiny' }));
  };

  it('gives the same bytes for the same data, and a model that loads and tags what it learned', () => {
    const a = train();
    assert.equal(a, train());
    const tiny = decodeModel(JSON.parse(a));
    useModel(tiny);
    try {
      assert.deepEqual(names('Anna Berg met Oslo officials.'), ['Anna Berg/person', 'Oslo/place']);
    } finally {
      useModel(undefined);
    }
  });
});

describe('entities: the shipped tagger', () => {
  it('loads quickly', () => {
    const t = Date.now();
    currentModel();
    assert.ok(Date.now() - t < 2000);
  });

  it('does not read headline words or sports tables as names', () => {
    const got = names('SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.\n\nJapan beat Syria 2-1 on Friday.\n\nW L T PTS\n\nNew York 10 4 2 22');
    assert.ok(!got.some((n) => /^(SOCCER|W|L|T|PTS|WIN)\//.test(n)), got.join(', '));
    assert.ok(got.includes('JAPAN/place') && got.includes('Japan/place'), got.join(', '));
  });

  it('keeps titles out of names and a middle initial inside one', () => {
    assert.deepEqual(names('Gov. Wes Moore said on Monday that John F. Kennedy was his hero.'), ['Wes Moore/person', 'John F. Kennedy/person']);
    const got = names('Longshorewoman Tanya Scott said Col. Roland Butler Jr. had left.');
    assert.ok(got.includes('Tanya Scott/person'), got.join(', '));
    assert.ok(got.some((n) => n.startsWith('Roland Butler')), got.join(', '));
  });

  it('reads a byline, a dateline and a company named again by its first word', () => {
    const got = names('By Maria Lindqvist\n\nSTOCKHOLM (Reuters) - Volvo Cars said on Monday that chief executive Jim Rowan would step down. Rowan, 58, joined Volvo in 2022.');
    assert.deepEqual(got, ['Maria Lindqvist/person', 'STOCKHOLM/place', 'Reuters/organization', 'Volvo Cars/organization', 'Jim Rowan/person', 'Rowan/person', 'Volvo/organization']);
  });

  it('keeps particles and hyphenated given names inside a person\'s name', () => {
    assert.deepEqual(names('In Berlin, Chancellor Olaf Scholz met Ursula von der Leyen and Jean-Claude Juncker.'), [
      'Berlin/place', 'Olaf Scholz/person', 'Ursula von der Leyen/person', 'Jean-Claude Juncker/person',
    ]);
  });

  it('does not take a time zone for an organisation', () => {
    assert.ok(!names('Trading closed at 1600 GMT in London.').some((n) => n.startsWith('GMT')));
  });

  it('gives every mention a confidence between 0 and 1, and more to a clear name than to a guess', () => {
    const text = 'President Joe Biden met Xi Jinping in San Francisco. Kowalczyk said so.';
    const found = recognize(text, paragraphs(text));
    for (const m of found) assert.ok(m.confidence !== undefined && m.confidence >= 0 && m.confidence <= 1, JSON.stringify(m));
    const tagged = tagSentences(sentencesOf(text), currentModel());
    assert.ok(tagged.flat().every((s) => s.margin >= 0));
  });
});
