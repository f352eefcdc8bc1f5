import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeText, Corpus } from '../../../src/core/corpus';
import { withoutRemembering } from '../../../src/core/lru';

/**
 * What an awkward file costs next to a plain article of the same length: the whole analysis of one
 * document (`analyzeText`, then `setFacts` into a corpus that holds a real article, then the corpus's
 * links), in CPU time and in the memory the corpus keeps. Ratios, not absolute times, so that a slow or
 * busy machine changes neither side more than the other; each side is the best of two runs.
 */
const SIZE = 300_000;
/**
 * Time and kept memory of any shape, at most this many times a plain article's. Memory follows the
 * names and quotes a text holds, and a list of names holds four to six times as many as prose.
 */
const MAX_TIME_RATIO = 6;
const MAX_MEMORY_RATIO = 8;

const seedsDir = join(__dirname, '../../../seeds');
const seedTexts = readdirSync(seedsDir)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => readFileSync(join(seedsDir, n), 'utf8'));

/** The seeds' paragraphs, each with one word in seven spelt backwards, until `size`: no paragraph recurs, so no cache helps. */
function plainText(size: number): string {
  const paras = seedTexts.join('\n\n').split(/\n\s*\n/);
  const out: string[] = [];
  let n = 0;
  for (let round = 0; n < size; round++) {
    for (const p of paras) {
      let w = round;
      const changed = p.replace(/\b([a-z])([a-z]{3,})\b/g, (m, a: string, b: string) => (w++ % 7 === 0 ? a + [...b].reverse().join('') : m));
      out.push(changed);
      n += changed.length + 2;
      if (n >= size) break;
    }
  }
  return out.join('\n\n');
}

function upTo(size: number, piece: (i: number) => string): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = piece(i);
    out.push(s);
    n += s.length;
  }
  return out.join('');
}

const WORDS = ['border', 'budget', 'harbour', 'tariff', 'pension', 'reactor', 'treaty', 'harvest', 'railway', 'ceasefire'];

const SHAPES: Record<string, () => string> = {
  'a quote per word': () => '“ok” '.repeat(SIZE / 5),
  'one quoted line repeated': () => upTo(SIZE, () => '“We will not back down from this fight,” she said.\n'),
  'different quotes that all open alike': () =>
    upTo(SIZE, (i) => `“We will ${WORDS[i % 10]} the ${WORDS[(i * 7 + 3) % 10]} ${i} and ${WORDS[(i * 3 + 1) % 10]},” he said.\n`),
  'one sentence of words with scattered quote marks': () => upTo(SIZE, (i) => (i % 37 === 0 ? '“' : i % 41 === 0 ? '” ' : '') + `word${i % 13} `),
  'ten thousand names in a list': () => upTo(SIZE, (i) => `Maria Kowalski${i}, Jan Nowak${i % 300}, Acme Holdings${i % 50}; `),
  'dense quotes and names': () =>
    upTo(SIZE, (i) => `“Statement ${i} on Ankara and Geneva,” said Maria Kowalski${i % 50}. John Smith${i % 97} of Acme Corp said “we ${i} will go”.\n\n`),
  'a line of capitals': () => plainText(SIZE).toUpperCase().replace(/\n\s*\n/g, ' '),
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Cost {
  readonly ms: number;
  readonly kept: number;
}

function cost(text: string): Cost {
  let ms = Infinity;
  let kept = Infinity;
  for (let run = 0; run < 2; run++) {
    const corpus = new Corpus();
    corpus.set('other.txt', seedTexts[0]);
    gc();
    const heap = process.memoryUsage().heapUsed;
    const start = process.cpuUsage();
    withoutRemembering(() => {
      corpus.setFacts('shape.txt', text, analyzeText(text, 'shape.txt'));
      corpus.links();
    });
    const used = process.cpuUsage(start);
    ms = Math.min(ms, (used.user + used.system) / 1000);
    gc();
    kept = Math.min(kept, Math.max(0, process.memoryUsage().heapUsed - heap));
    // The other article's results are whole.
    assert.ok(corpus.document('other.txt')!.quotes.length > 0);
  }
  return { ms, kept };
}

describe('the cost of awkward files, next to a plain article of the same length', function () {
  this.timeout(300_000);
  let plain: Cost;

  before(() => {
    analyzeText(plainText(20_000), 'warm.txt');
    plain = cost(plainText(SIZE));
  });

  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: time and kept memory within a small factor`, () => {
      const text = make();
      assert.ok(Math.abs(text.length - SIZE) < SIZE * 0.02, `${text.length} characters`);
      const c = cost(text);
      const time = c.ms / plain.ms;
      const memory = c.kept / Math.max(plain.kept, 1);
      assert.ok(time <= MAX_TIME_RATIO, `${c.ms.toFixed(0)} ms against ${plain.ms.toFixed(0)} ms for plain text: ${time.toFixed(1)}×`);
      assert.ok(memory <= MAX_MEMORY_RATIO, `${(c.kept / 1e6).toFixed(1)} MB kept against ${(plain.kept / 1e6).toFixed(1)} MB: ${memory.toFixed(1)}×`);
      console.log(`      ${name}: ${time.toFixed(2)}× the time, ${memory.toFixed(2)}× the memory`);
    });
  }
});
