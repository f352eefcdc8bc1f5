import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../../src/core/corpus';
import { parseFrontMatter } from '../../../src/core/import/front-matter';
import { articleFileNames, importPage, type PageImport } from '../../../src/core/import/html';

const PAGES = join(__dirname, '../../fixtures/pages');

function page(name: string): string {
  return readFileSync(join(PAGES, name), 'utf8');
}

function imported(name: string): Extract<PageImport, { ok: true }> {
  const result = importPage(page(name));
  assert.ok(result.ok, `${name} was not imported: ${result.ok ? '' : result.message}`);
  return result;
}

/** The article text after the front matter. */
function body(markdown: string): string {
  return markdown.slice(parseFrontMatter(markdown)!.end);
}

describe('importing saved web pages', () => {
  it('keeps an agency story and its metadata, and leaves the cookie notice, menus and related stories out', () => {
    const { meta, markdown } = imported('washingtontimes-haiti-ap.html');
    assert.deepEqual(meta, {
      title: 'Official: 8 armed men detained in Haiti could be sent to US',
      source: 'Washington Times',
      author: 'Associated Press',
      date: '2019-02-20',
      // No canonical link: the address the browser wrote when it saved the page.
      url: 'https://www.washingtontimes.com/news/2019/feb/20/official-8-armed-men-detained-in-haiti-could-be-se/',
    });
    const text = body(markdown);
    assert.match(text, /^\n# Official: 8 armed men detained in Haiti could be sent to US\n\nPORT-AU-PRINCE, Haiti \(AP\) - An official/);
    assert.match(text, /they were on a “mission,” but refused/);
    for (const chrome of ['cookies', 'Related Stories', 'Haiti protests continue', 'Commentary', 'Copyright', 'Accept']) {
      assert.ok(!text.includes(chrome), `“${chrome}” was kept`);
    }
    // One paragraph of the page is one paragraph of the article.
    assert.equal(text.trim().split(/\n\n/).length, 5);
  });

  it('takes the byline from an author box and the outlet from the site name, and drops the recent posts', () => {
    const { meta, markdown } = imported('talkingbiznews-reuters-staffer.html');
    assert.equal(meta.title, 'Reuters denies claim that killed staffer was spy');
    assert.equal(meta.source, 'Talking Biz News');
    assert.equal(meta.author, 'Chris Roush');
    assert.equal(meta.url, 'https://talkingbiznews.com/media-news/reuters-denies-claim-that-killed-staffer-was-spy/');
    assert.equal(meta.date, undefined, 'the page gives no date, and none is made up');
    assert.ok(!markdown.includes('CNBC reporter Wells'), 'the recent posts were kept');
    assert.ok(!markdown.includes('Subscribe'));
  });

  it('finds one story on a blog page: its date from a time element, its outlet from the title, no share bar or box', () => {
    const { meta, markdown } = imported('bworldonline-inter-miami.html');
    assert.equal(meta.title, 'Inter Miami moves to US Open Cup play versus FC Cincinnati');
    assert.equal(meta.source, 'BusinessWorld Online');
    assert.equal(meta.date, '2023-08-23');
    assert.equal(meta.author, undefined);
    const text = body(markdown);
    assert.match(text, /LIONEL MESSI and Inter Miami/);
    for (const chrome of ['Facebook', 'READ ALSO', 'Most Read', 'Peso closes', 'Page 3245']) {
      assert.ok(!text.includes(chrome), `“${chrome}” was kept`);
    }
  });

  it('says clearly that a page of links or a paywall notice is not an article', () => {
    for (const name of ['wopular-newsrack.html', 'news-banner-membership.html']) {
      const result = importPage(page(name));
      assert.equal(result.ok, false, `${name} was imported as an article`);
      assert.match(result.ok ? '' : result.message, /^not an article: no story was found in the page \(\d+ words? of text in \d+ paragraphs?\)/);
    }
    assert.equal(importPage('').ok, false);
    assert.equal(importPage('<html><body><img src="a.png"></body></html>').ok, false);
  });

  it('makes articles Crosswire reads as the page said: headline, outlet, date, and the quotes of the story only', () => {
    const { markdown } = imported('washingtontimes-haiti-ap.html');
    const corpus = new Corpus();
    const doc = corpus.set('haiti.md', markdown);
    assert.equal(doc.title, 'Official: 8 armed men detained in Haiti could be sent to US');
    assert.equal(doc.source, 'Washington Times');
    assert.ok(doc.quotes.some((q) => q.text === 'mission,' || q.text === 'mission'), doc.quotes.map((q) => q.text).join(' | '));
    const frontMatterEnd = parseFrontMatter(markdown)!.end;
    assert.ok(doc.mentions.length > 0);
    assert.ok(doc.mentions.every((m) => m.start >= frontMatterEnd), 'a name was found in the front matter');
    assert.ok(doc.mentions.some((m) => m.text.endsWith('Leandre')), 'the official the story names is not found');
  });

  it('never names two articles alike: a headline’s slug, then -2, -3', () => {
    const names = articleFileNames({ title: 'Émigrés return: “We’re home” – the full story of a long, long journey across the sea' }, 'page');
    assert.equal(names.next().value, 'emigres-return-we-re-home-the-full-story-of-a-long-long.md');
    assert.equal(names.next().value, 'emigres-return-we-re-home-the-full-story-of-a-long-long-2.md');
    assert.equal(names.next().value, 'emigres-return-we-re-home-the-full-story-of-a-long-long-3.md');
    assert.equal(articleFileNames({}, 'Saved Page.html').next().value, 'saved-page-html.md');
    assert.equal(articleFileNames({ title: '“…”' }, '').next().value, 'article.md');
  });
});
