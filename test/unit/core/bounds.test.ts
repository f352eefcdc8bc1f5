import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli';
import { analysedPart, MAX_ANALYSED_CHARS, MAX_QUOTES_PER_DOCUMENT } from '../../../src/core/bounds';
import { analyzeText, Corpus } from '../../../src/core/corpus';
import { quoteFacts } from '../../../src/core/first-pass';

const SEED = readFileSync(join(__dirname, '../../../seeds/000_44d6e05b2ad3ddd3.txt'), 'utf8');

describe('bounds on one document', () => {
  it('keeps the first quotes of a document made of quotes, and says how many were left out', () => {
    const text = Array.from({ length: MAX_QUOTES_PER_DOCUMENT + 1000 }, (_, i) => `“w${i}”`).join(' ');
    const facts = quoteFacts(text, 'dense.txt');
    assert.equal(facts.quotes.length, MAX_QUOTES_PER_DOCUMENT);
    assert.equal(facts.quotes[0].text, 'w0');
    assert.deepEqual(facts.notes, [`only the first 5,000 of its 6,000 quotes are analysed`]);
  });

  it('notes a quote repeated thousands of times, and nothing for an ordinary article', () => {
    const corpus = new Corpus();
    corpus.setFacts('chant.txt', '“ok” '.repeat(3000), quoteFacts('“ok” '.repeat(3000), 'chant.txt'));
    corpus.setFacts('seed.txt', SEED, quoteFacts(SEED, 'seed.txt'));
    assert.deepEqual(corpus.notesOf('chant.txt'), ['a quote repeated 3,000 times is linked as one chain of copies']);
    assert.deepEqual(corpus.notesOf('seed.txt'), []);
    // The other article's results are whole.
    assert.ok(corpus.document('seed.txt')!.quotes.length > 5);
  });

  it('analyses a file longer than the bound up to a line break near it, and says how much it left out', () => {
    const line = 'Officials said the harbour would reopen on Monday.\n';
    const text = line.repeat(Math.ceil((MAX_ANALYSED_CHARS + 5000) / line.length)) + '“Beyond the bound,” Smith said.\n';
    const notes: string[] = [];
    const part = analysedPart(text, notes);
    assert.ok(part.length <= MAX_ANALYSED_CHARS && part.length > MAX_ANALYSED_CHARS - line.length, `${part.length}`);
    assert.ok(text.startsWith(part) && text[part.length] === '\n');
    assert.deepEqual(notes, [`only the first ${part.length.toLocaleString('en-US')} of its ${text.length.toLocaleString('en-US')} characters are analysed`]);
    const facts = analyzeText(text, 'long.txt');
    assert.deepEqual(facts.quotes, []);
    assert.ok(facts.paragraphs.every((p) => p.end <= part.length));
    assert.deepEqual(facts.notes, notes);
    assert.deepEqual(quoteFacts(text, 'long.txt').notes, notes);
  });

  it('cuts a file with no line break near the bound between words, and one with no space at the bound', () => {
    const words = 'word '.repeat(MAX_ANALYSED_CHARS / 5 + 100);
    // The bound falls at the start of a word: the cut is at the space before it.
    assert.equal(words[MAX_ANALYSED_CHARS], 'w');
    assert.equal(analysedPart(words, []).length, MAX_ANALYSED_CHARS - 1);
    const solid = '😀'.repeat(MAX_ANALYSED_CHARS);
    const cut = analysedPart(solid, []);
    assert.ok(cut.length >= MAX_ANALYSED_CHARS - 1 && cut.length % 2 === 0, 'a surrogate pair is split');
    const short = 'A short article.';
    const notes: string[] = [];
    assert.equal(analysedPart(short, notes), short);
    assert.deepEqual(notes, []);
  });

  it('keeps the notes of the analysis when a document moves', () => {
    const corpus = new Corpus();
    const text = Array.from({ length: MAX_QUOTES_PER_DOCUMENT + 1 }, (_, i) => `“w${i}”`).join(' ');
    corpus.setFacts('a.txt', text, quoteFacts(text, 'a.txt'));
    assert.equal(corpus.factsOf('a.txt')!.notes?.length, 1);
  });
});

describe('bounds on the command line', () => {
  it('says what it left out of an unusual file and still reports the others whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-bounds-'));
    try {
      writeFileSync(join(dir, 'dense.txt'), Array.from({ length: MAX_QUOTES_PER_DOCUMENT + 10 }, (_, i) => `“w${i}”`).join(' '));
      writeFileSync(join(dir, 'chant.txt'), '“ok” '.repeat(2000));
      writeFileSync(join(dir, 'seed.txt'), SEED);
      let out = '';
      let err = '';
      const code = await main(['analyze', '--json', dir], { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
      assert.equal(code, 0);
      assert.match(err, /dense\.txt: only the first 5,000 of its 5,010 quotes are analysed/);
      assert.match(err, /chant\.txt: a quote repeated 2,000 times is linked as one chain of copies/);
      assert.doesNotMatch(err, /seed\.txt/);
      const report = JSON.parse(out) as { documents: { path: string; quotes: unknown[] }[] };
      const seed = report.documents.find((d) => d.path.endsWith('seed.txt'))!;
      assert.equal(seed.quotes.length, quoteFacts(SEED, 'seed.txt').quotes.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
