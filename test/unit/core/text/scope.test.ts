import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeText, Corpus } from '../../../../src/core/corpus';
import { quoteFacts } from '../../../../src/core/first-pass';
import { scopedText } from '../../../../src/core/text/scope';

/** A code repository's README: prose with a person and a quote, and code that looks like both. */
const README = [
  '# Mailer',
  '',
  'Maintainer Jane Okafor said the tool was “ready for everyone” last week.',
  '',
  '```js',
  'const user = "John Smith"; // Paris',
  'send("send-email", { to: "Maria Lopez" });',
  '```',
  '',
  'Run `npm run "send-email" --name "Tom Reyes"` to try it, or read [the guide by Ann Lee](https://example.org/"Paris"/guide "Anna said").',
  '',
  '~~~~',
  '"Not a quote," Bob Jones said.',
  '~~~~',
  '',
  '[docs]: https://example.org/"docs" "Berlin"',
  '<!-- "hidden," said Carl Marx -->',
  'See <https://example.org/"x"> and <a href="javascript:&quot;Rome&quot;">the page</a>.',
  '',
].join('\n');

function quotesOf(text: string, fileName: string): string[] {
  return analyzeText(text, fileName).quotes.map((q) => q.text);
}

function namesOf(text: string, fileName: string): string[] {
  return analyzeText(text, fileName).mentions.map((m) => m.text);
}

describe('what of an article is analysed', function () {
  this.timeout(60000);

  it('masks rather than cuts: same length, same line breaks, prose unchanged', () => {
    const scoped = scopedText(README, 'README.md');
    assert.equal(scoped.length, README.length);
    for (let i = 0; i < README.length; i++) {
      const c = README[i]!;
      if (c === '\n') assert.equal(scoped[i], '\n', `line break at ${i} kept`);
      else assert.ok(scoped[i] === c || scoped[i] === ' ' || scoped[i] === 'x', `character ${i} is either kept or blanked`);
    }
    const prose = 'Maintainer Jane Okafor said the tool was “ready for everyone” last week.';
    assert.equal(scoped.slice(README.indexOf(prose), README.indexOf(prose) + prose.length), prose);
    assert.ok(scoped.includes('the guide by Ann Lee]'), 'the words of a link stay');
    assert.ok(scoped.includes('the page'), 'the words between HTML tags stay');
  });

  it('finds no quote and no name in fenced code, inline code, link targets, definitions, comments or tags', () => {
    const quotes = quotesOf(README, 'README.md');
    assert.deepEqual(quotes, ['ready for everyone']);
    const names = namesOf(README, 'README.md');
    assert.ok(names.includes('Jane Okafor'), `names: ${names.join(', ')}`);
    for (const inCode of ['John Smith', 'Maria Lopez', 'Tom Reyes', 'Bob Jones', 'Paris', 'Berlin', 'Carl Marx', 'Rome']) {
      assert.ok(!names.includes(inCode), `${inCode} is in code or markup, yet named: ${names.join(', ')}`);
    }
  });

  it('keeps offsets exact: every quote and name is the slice of the text as written', () => {
    const facts = analyzeText(README, 'README.md');
    for (const q of facts.quotes) assert.equal(README.slice(q.start, q.end), q.text);
    for (const m of facts.mentions) assert.equal(README.slice(m.start, m.end), m.text);
    const at = README.indexOf('ready for everyone');
    assert.deepEqual([facts.quotes[0]!.start, facts.quotes[0]!.end], [at, at + 'ready for everyone'.length]);
  });

  it('keeps a quote whose words run across a link as written, link and all', () => {
    const text = 'Okafor said: “We will [cut taxes](https://example.org/a) for every family.”\n';
    const facts = analyzeText(text, 'a.md');
    assert.deepEqual(facts.quotes.map((q) => q.text), ['We will [cut taxes](https://example.org/a) for every family.']);
  });

  it('reads code marks in a plain-text article as the article has them, but never a web address', () => {
    const text = 'Reyes called it `the deal` and “a fantasy,” he said, linking https://example.org/Paris/(x).\n';
    const scoped = scopedText(text, 'story.txt');
    assert.ok(scoped.includes('`the deal`'), 'backticks in a .txt article are not code');
    assert.ok(!scoped.includes('example.org') && !scoped.includes('(x)'), 'the address is blanked, balanced brackets and all');
    assert.ok(scoped.endsWith('xxxx.\n'), 'the sentence’s full stop stays');
    assert.equal(quotesOf(text, 'story.txt').length, 1);
    assert.ok(!namesOf(text, 'story.txt').includes('Paris'));
  });

  it('leaves an unclosed backtick and an unclosed link alone, and ends an unclosed fence at the end of the text', () => {
    const text = 'A lone ` mark and [a link](without end said “yes”.\n\n```\n“code,” said Ann Lee\n';
    const scoped = scopedText(text, 'a.md');
    assert.ok(scoped.startsWith('A lone ` mark and [a link](without end said “yes”.'));
    assert.equal(scoped.slice(scoped.indexOf('.\n\n') + 3).trim(), '');
    assert.deepEqual(quotesOf(text, 'a.md'), ['yes']);
  });

  it('does not close a span of two backticks with one, nor across a blank line', () => {
    assert.equal(scopedText('a ``b ` c`` d', 'a.md'), 'a           d');
    assert.equal(scopedText('a `b\n\nc` d', 'a.md'), 'a `b\n\nc` d');
    assert.equal(scopedText('a \\`b` c', 'a.md'), 'a \\`b` c', 'an escaped backtick opens nothing');
  });

  it('leaves front matter out of the analysis in every kind of file, and still reads it', () => {
    const text = '---\ntitle: "Minister says “no” to talks"\nsource: Daily Wire\n---\n“Never,” Okafor said.\n';
    for (const name of ['a.md', 'a.txt']) {
      const facts = analyzeText(text, name);
      assert.equal(facts.quotes.length, 1, `quotes: ${JSON.stringify(facts.quotes.map((q) => q.text))}`);
      assert.match(facts.quotes[0]!.text, /^Never/);
      assert.equal(facts.title, 'Minister says “no” to talks');
      assert.equal(facts.source, 'Daily Wire');
    }
  });

  it('gives the quick pass the same quotes as the full analysis', () => {
    assert.deepEqual(quoteFacts(README, 'README.md').quotes, analyzeText(README, 'README.md').quotes);
  });

  it('takes the headline from the prose, not from a code block above it', () => {
    const text = '```\nMake Install Now Please Quickly\n```\n\n# Storm closes schools across the north\n\n“Stay home,” the mayor said.\n';
    assert.equal(analyzeText(text, 'a.md').title, 'Storm closes schools across the north');
  });

  it('names a Markdown article by its headline’s words, without a link’s brackets or target', () => {
    const text = '# Minister’s plan under fire — [Daily Wire](https://example.org/news)\n\n“No,” she said.\n';
    const facts = analyzeText(text, 'a.md');
    assert.equal(facts.title, 'Minister’s plan under fire');
    assert.equal(facts.source, 'Daily Wire');
  });

  it('is honoured by the corpus and the command line alike', () => {
    const corpus = new Corpus();
    const doc = corpus.set('README.md', README);
    assert.deepEqual(doc.quotes.map((q) => q.text), ['ready for everyone']);
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-scope-'));
    try {
      writeFileSync(join(dir, 'README.md'), README);
      const out = execFileSync(process.execPath, [join(__dirname, '../../../../dist/cli.js'), 'analyze', '--json', dir], { encoding: 'utf8' });
      const report = JSON.parse(out) as { documents: { quotes: { text: string }[]; mentions?: { text: string }[] }[] };
      assert.deepEqual(report.documents[0]!.quotes.map((q) => q.text), ['ready for everyone']);
      assert.ok(!out.includes('John Smith'), 'the command line names no one from the code block');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
