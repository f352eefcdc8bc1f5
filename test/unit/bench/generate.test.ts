import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeeds, reword, trueLinkCount, truncate, type Statement } from '../../../bench/generate';
import { Random } from '../../../bench/prng';

const SEEDS = join(__dirname, '../../../seeds');
const material = readSeeds(SEEDS);

describe('benchmark corpus generator', () => {
  it('gives the same corpus for the same seed and a different one for another seed', () => {
    const a = generateCorpus({ articles: 15, seed: 11, material });
    const b = generateCorpus({ articles: 15, seed: 11, material });
    const c = generateCorpus({ articles: 15, seed: 12, material });
    assert.deepEqual(a.articles.map((x) => x.text), b.articles.map((x) => x.text));
    assert.notDeepEqual(a.articles.map((x) => x.text), c.articles.map((x) => x.text));
  });

  it('makes a smaller corpus a prefix of a larger one with the same seed', () => {
    const small = generateCorpus({ articles: 10, seed: 5, material });
    const large = generateCorpus({ articles: 40, seed: 5, material });
    assert.deepEqual(small.articles.map((x) => x.text), large.articles.slice(0, 10).map((x) => x.text));
  });

  it('plants quotes at their exact offsets, between quotation marks, attributed to a named speaker', () => {
    const corpus = generateCorpus({ articles: 30, material });
    let quotes = 0;
    for (const a of corpus.articles) {
      for (const q of a.quotes) {
        quotes++;
        assert.equal(a.text.slice(q.start, q.end), q.text);
        assert.match(a.text[q.start - 1]!, /[“"]/);
        assert.match(a.text[q.end]!, /[”"]/);
        const paragraph = a.text.slice(a.text.lastIndexOf('\n', q.start) + 1, a.text.indexOf('\n', q.end));
        const surname = q.speaker.split(' ').pop()!;
        assert.ok(paragraph.includes(surname), `speaker ${q.speaker} not named in: ${paragraph}`);
      }
    }
    assert.ok(quotes >= 30 * 3, `only ${quotes} quotes in 30 articles`);
  });

  it('builds ~600-word articles with a headline and a dateline from the seeds’ sentences, varied', () => {
    const corpus = generateCorpus({ articles: 200, material });
    const mean = corpus.articles.reduce((n, a) => n + a.words, 0) / corpus.articles.length;
    assert.ok(mean > 450 && mean < 800, `mean article length ${mean}`);
    assert.ok(corpus.articles.some((a) => a.words > 1200), 'no longer articles');
    const seedText = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8')).join('\n');
    for (const a of corpus.articles.slice(0, 20)) {
      const [headline, blank, dateline] = a.text.split('\n');
      assert.ok(headline!.length > 10 && blank === '', 'headline then a blank line');
      assert.match(dateline!, /^[A-Z][A-Za-z]+(?:, [A-Z][a-z]{2} \d+)? \([A-Z][a-z]+ [A-Z][a-z]+\) [–—] /);
    }
    const longest = corpus.articles.slice(0, 20).reduce((a, b) => (b.words > a.words ? b : a));
    const narrative = longest.text.split('\n\n').slice(2).filter((p) => !/[“”"]/.test(p));
    assert.ok(narrative.length > 3);
    // Each narrative paragraph opens with words of a seed sentence, some of its words varied.
    const seedWords = new Set(seedText.split(/\s+/));
    for (const p of narrative) {
      const words = p.split(/\s+/).slice(0, 8);
      const known = words.filter((w) => seedWords.has(w)).length;
      assert.ok(known >= words.length / 2, p);
    }
  });

  it('never repeats a narrative paragraph, as real coverage seldom does', () => {
    const corpus = generateCorpus({ articles: 300, material });
    const seen = new Set<string>();
    let paragraphs = 0;
    let repeated = 0;
    for (const a of corpus.articles) {
      for (const p of a.text.split('\n\n').slice(2)) {
        if (/[“”"]/.test(p)) continue;
        paragraphs++;
        if (seen.has(p)) repeated++;
        seen.add(p);
      }
    }
    assert.ok(paragraphs > 1000, `${paragraphs} paragraphs`);
    assert.ok(repeated / paragraphs < 0.005, `${repeated} of ${paragraphs} narrative paragraphs repeat`);
  });

  it('plants every kind of variant, and decoys that open like another statement but differ', () => {
    const corpus = generateCorpus({ articles: 300, material });
    const variants = new Set(corpus.articles.flatMap((a) => a.quotes.map((q) => q.variant)));
    assert.deepEqual([...variants].sort(), ['identical', 'original', 'reattributed', 'reworded', 'truncated']);
    const decoys = corpus.statements.filter((s) => s.decoyOf !== null);
    assert.ok(decoys.length > 10);
    for (const d of decoys) {
      const source = corpus.statements[d.decoyOf!]!;
      const opening = source.text.split(' ').slice(0, 3).join(' ');
      assert.ok(d.text.startsWith(opening), `${d.text} / ${source.text}`);
      assert.notEqual(d.text, source.text);
    }
    const reattributed = corpus.articles.flatMap((a) => a.quotes).filter((q) => q.variant === 'reattributed');
    for (const q of reattributed.slice(0, 20)) assert.notEqual(q.speaker, corpus.statements[q.statement]!.speaker);
    assert.ok(trueLinkCount(corpus) > 100);
  });

  it('makes distinct statements that share no five-word run, beyond a decoy’s borrowed opening, as real quotes of different statements seldom do', () => {
    const corpus = generateCorpus({ articles: 1000, material });
    const bare = (text: string): string[] => text.toLowerCase().split(' ').map((w) => w.replace(/[^\p{L}\p{N}]+/gu, '')).filter(Boolean);
    const runs = (words: readonly string[]): string[] => Array.from({ length: Math.max(0, words.length - 4) }, (_, i) => words.slice(i, i + 5).join(' '));
    // A decoy's first five words may be borrowed; what follows them must be its own.
    const own = (x: Statement): string[] => runs(bare(x.text)).slice(x.decoyOf === null && !x.stockOpening ? 0 : 5);
    const count = new Map<string, number>();
    for (const x of corpus.statements) for (const r of new Set(own(x))) count.set(r, (count.get(r) ?? 0) + 1);
    const sharing = corpus.statements.filter((x) => own(x).some((r) => count.get(r)! > 1));
    assert.ok(corpus.statements.length > 2000);
    assert.ok(sharing.length / corpus.statements.length < 0.02, `${sharing.length} of ${corpus.statements.length} statements share a five-word run: ${sharing.slice(0, 2).map((x) => x.text).join(' | ')}`);
  });

  it('re-words with a few word changes and truncates to a contiguous part', () => {
    const rng = new Random(3);
    const words = 'We are very concerned about the support that is being provided to the war effort today.'.split(' ');
    for (let i = 0; i < 20; i++) {
      const r = reword(rng, words);
      assert.notDeepEqual(r, words);
      const kept = r.filter((w) => words.includes(w)).length;
      assert.ok(kept >= words.length - 4, r.join(' '));
      const t = truncate(rng, words);
      assert.ok(t.length >= 6 && t.length <= words.length);
      const joined = words.join(' ');
      assert.ok(joined.includes(t.join(' ').replace(/\.$/, '')), t.join(' '));
    }
  });

  it('works from any folder of articles, and refuses one too small to build from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-seeds-'));
    try {
      const sentences = Array.from({ length: 12 }, (_, i) =>
        `The harbour committee met on day ${i + 1} to review the repairs to the northern pier.`);
      writeFileSync(join(dir, 'a.txt'), `Harbour repairs continue\n\n${sentences.join(' ')}\n\n“We have repaired the northern pier and the ferry will run again,” the mayor said.\n`);
      const corpus = generateCorpus({ articles: 3, seedsDir: dir });
      assert.ok(corpus.articles[0]!.text.includes('harbour committee'));
      assert.ok(!corpus.articles.some((a) => a.text.includes('Blinken')));
      writeFileSync(join(dir, 'a.txt'), 'Too short.');
      assert.throws(() => readSeeds(dir), /too short/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
