import { strict as assert } from 'node:assert';
import { Corpus } from '../../../src/core/corpus';
import { datedTitle, describeDocument } from '../../../src/core/documents';
import { articleDate, formatFrontMatter, parseFrontMatter } from '../../../src/core/import/front-matter';
import { textReport } from '../../../src/core/report';
import { paragraphs } from '../../../src/core/text/paragraphs';
import { linkedVersions, quoteCardMarkdown } from '../../../src/features/present/hoverContent';
import { clusterQuotes } from '../../../src/features/present/treeModel';

const STORY = [
  '---',
  'title: "Port strike ends after talks"',
  'source: Harbour Gazette',
  "author: 'Dana O''Neill'",
  'date: 2024-04-26T09:30:00+02:00',
  'url: https://example.com/port-strike',
  'tags: [ports, labour]',
  '---',
  '',
  'Dockers returned to work on Friday. “We have a deal that keeps every job,” union leader Maria Costa said.',
  '',
].join('\n');

describe('front matter of Markdown articles', () => {
  it('reads title, outlet, author, date and address, and where the article text begins', () => {
    const fm = parseFrontMatter(STORY);
    assert.ok(fm);
    assert.deepEqual(fm.meta, {
      title: 'Port strike ends after talks',
      source: 'Harbour Gazette',
      author: "Dana O'Neill",
      date: '2024-04-26T09:30:00+02:00',
      url: 'https://example.com/port-strike',
    });
    assert.ok(STORY.slice(fm.end).startsWith('\nDockers returned'));
  });

  it('reads the names other tools give the same fields, with a BOM and Windows line ends', () => {
    const text = '\ufeff---\r\nheadline: Talks resume\r\npublisher: "The Daily Wire Service"\r\npublished: April 3, 2023\r\n---\r\nBody.\r\n';
    const fm = parseFrontMatter(text);
    assert.deepEqual(fm?.meta, { title: 'Talks resume', source: 'The Daily Wire Service', date: 'April 3, 2023' });
    assert.equal(text.slice(fm!.end), 'Body.\r\n');
  });

  it('is not front matter unless the block is closed and made only of key: value lines', () => {
    // A rule opening an article, then prose: the text as it stands.
    assert.equal(parseFrontMatter('---\nThe minister said: “No comment.”\nMore text.\n---\n'), null);
    assert.equal(parseFrontMatter('---\ntitle: Never closed\n\nBody text follows here.\n'), null);
    assert.equal(parseFrontMatter('Intro\n---\ntitle: x\n---\n'), null);
    assert.equal(parseFrontMatter('---\ntitle: "unterminated\n---\n'), null);
  });

  it('writes what it reads back, quoting values so a colon or a quote mark in a headline survives', () => {
    const meta = { title: 'UN chief: “time to act” #now', source: 'Reuters', date: '2024-04-26', url: 'https://x.test/a?b=1' };
    const text = `${formatFrontMatter(meta)}\nBody.\n`;
    assert.deepEqual(parseFrontMatter(text)?.meta, meta);
  });

  it('reads a date as the day it names, and nothing that is not a date', () => {
    assert.equal(articleDate('2024-04-26T23:30:00-05:00'), '2024-04-26');
    assert.equal(articleDate('2019-02-20'), '2019-02-20');
    assert.equal(articleDate('April 26, 2024'), '2024-04-26');
    assert.equal(articleDate('26 Apr 2024'), '2024-04-26');
    assert.equal(articleDate('2024-02-30'), null);
    assert.equal(articleDate('last Tuesday'), null);
    assert.equal(articleDate(undefined), null);
  });

  it('is no paragraph: no quote or name is looked for in it, and offsets stay those of the file', () => {
    const text = `---\ntitle: "“Never again,” Mayor John Whitfield said"\nsource: Daily Herald\n---\n${STORY.slice(parseFrontMatter(STORY)!.end)}`;
    const paras = paragraphs(text);
    assert.ok(text.slice(paras[0]!.start).startsWith('Dockers returned'));
    const doc = new Corpus().set('story.md', text);
    assert.deepEqual(doc.quotes.map((q) => q.text), ['We have a deal that keeps every job']);
    assert.ok(doc.quotes.every((q) => text.slice(q.start, q.end).includes(q.text.slice(0, 10))));
    assert.ok(!doc.mentions.some((m) => m.text.includes('Whitfield')), 'a name in the front matter was analysed');
    assert.ok(doc.mentions.some((m) => m.text === 'Maria Costa'));
  });

  it('is preferred to guessing: its title, outlet and date describe the article', () => {
    const guessed = 'CNN: Dockers back at work\n\nDockers returned to work on Friday, ending a week-long strike at the port.\n';
    const before = describeDocument(guessed, paragraphs(guessed), 'a.md');
    assert.equal(before.source, 'CNN');
    const text = `---\ntitle: Port strike ends\nsource: Harbour Gazette\ndate: 2024-04-26\n---\n${guessed}`;
    assert.deepEqual(describeDocument(text, paragraphs(text), 'a.md'), {
      title: 'Port strike ends',
      titleFrom: 'front matter',
      source: 'Harbour Gazette',
      date: '2024-04-26',
    });
    // A field it leaves out is still guessed from the text.
    const partial = `---\ndate: 2024-04-26\n---\n${guessed}`;
    const d = describeDocument(partial, paragraphs(partial), 'a.md');
    assert.equal(d.title, 'Dockers back at work');
    assert.equal(d.source, 'CNN');
    assert.equal(d.date, '2024-04-26');
  });

  describe('dates across articles', () => {
    const QUOTE = '“We will not be rushed into a bad agreement with the shipping companies,” Maria Costa told reporters.';
    const article = (title: string, date?: string): string =>
      `---\ntitle: ${title}\nsource: ${title} Times\n${date ? `date: ${date}\n` : ''}---\n\nThe port strike went on for a fifth day.\n\n${QUOTE}\n`;
    const corpus = new Corpus();
    corpus.set('later.md', article('Later', '2024-04-27'));
    corpus.set('earlier.md', article('Earlier', '2024-04-26'));
    corpus.set('undated.md', article('Undated'));

    function card(uri: string): string {
      const quote = corpus.document(uri)!.quotes[0]!;
      return quoteCardMarkdown(quote, linkedVersions(corpus, quote), { maxLinks: 5, articleDate: corpus.document(uri)!.date });
    }

    it('lists the other versions earliest first in a quote’s card, and says which is the earliest', () => {
      const text = card('later.md');
      assert.ok(text.indexOf('Earlier') < text.indexOf('Undated'), text);
      // Both others carry the same words: one line names them, the earliest said so.
      assert.match(text, /Word for word\*\* in 2 articles: \[Earlier Times\]\([^)]*\) \(2024-04-26, the earliest version\), \[Undated Times\]/);
      assert.doesNotMatch(text, /This article has the earliest version/);
    });

    it('says so when the hovered article has the earliest version', () => {
      const text = card('earlier.md');
      assert.match(text, /This article has the earliest version \(2024-04-26\)/);
      assert.doesNotMatch(text, /, the earliest version/, 'no other version is called the earliest');
    });

    it('lists the versions of a statement in the Quotes view by date, undated last, each with its date', () => {
      const [cluster] = clusterQuotes(
        corpus.documents().flatMap((d) => d.quotes),
        (id) => corpus.linkedIds(id),
        (uri) => datedTitle(corpus.document(uri)!),
      );
      assert.deepEqual(cluster?.versions.map((v) => datedTitle(corpus.document(v.uri)!)), [
        '2024-04-26 · Earlier',
        '2024-04-27 · Later',
        'Undated',
      ]);
    });

    it('orders the command line’s report by date, undated articles last, and shows the outlet and date', () => {
      const report = textReport(corpus);
      const order = ['Earlier', 'Later', 'Undated'].map((t) => report.indexOf(`\n${t}\n`) === -1 ? report.indexOf(`${t}\n`) : report.indexOf(`\n${t}\n`));
      assert.deepEqual([...order].sort((a, b) => a - b), order, report.slice(0, 400));
      assert.match(report, /earlier\.md · source: Earlier Times · 2024-04-26/);
    });
  });
});
