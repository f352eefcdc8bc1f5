// @ts-check
// Hostile articles in the workbench: markup and command links in article text stay text in the
// highlights and the hover card, and files that are not articles (binary, too large, one huge line,
// UTF-16, CRLF, empty) neither break the extension nor freeze the editor. Used by run.mjs as a pass of
// its own, in a workbench with the seeds open.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wb from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

const MARKUP = readFileSync(join(repo, 'test', 'fixtures', 'hostile', 'markup.md'), 'utf8');
const SEED = readFileSync(join(repo, 'seeds', '000_44d6e05b2ad3ddd3.txt'), 'utf8');

/** The words of a statement, with the curly quotes and the dash that Windows-1252 stores in 0x80–0x9F. */
const FERRY = '“We won’t close the ferry terminal – not this winter, and not next year.”';
/**
 * An article as an older newsroom system stores it, in Windows-1252; its names are ASCII, so VS Code,
 * reading it as UTF-8 when it is opened, loses only the quote marks.
 */
const CP1252_TEXT = `Windows-1252 report on the harbour\n\nMayor John Whitfield said: ${FERRY}\n\nThe council in Portsmouth votes on Tuesday.\n`;
/** Another outlet's report of the same statement, in UTF-8. */
const FERRY_TWIN = `Ferry terminal stays open\n\nJohn Whitfield, the mayor of Portsmouth, said: ${FERRY}\n`;
/** Windows-1252's bytes for the punctuation it has beyond Latin-1. */
const CP1252 = new Map([['€', 0x80], ['‚', 0x82], ['„', 0x84], ['…', 0x85], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97]]);
/** @param {string} text */
function windows1252(text) {
  return Buffer.from([...text].map((ch) => CP1252.get(ch) ?? (ch.charCodeAt(0) < 0x100 ? ch.charCodeAt(0) : 0x3f)));
}

/** A quote whose words are stored in another order than they read, behind a right-to-left override. */
const BIDI = 'Override in the council\n\nCouncillor Maria Santos said: “We will \u202eesaercni ton\u202c the rates this year,” at the meeting.\n';

/** @param {string} text */
function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/**
 * @typedef {object} HostileArticle
 * @property {string} name file name in the workspace
 * @property {() => string | Buffer} content
 * @property {'highlighted' | 'plain'} expect whether the editor should show highlights
 */

/** @type {HostileArticle[]} */
export const HOSTILE_ARTICLES = [
  { name: 'hostile-markup.md', content: () => MARKUP, expect: 'highlighted' },
  { name: 'hostile-utf16.txt', content: () => utf16le(SEED), expect: 'highlighted' },
  { name: 'hostile-crlf.txt', content: () => SEED.replace(/\n/g, '\r\n'), expect: 'highlighted' },
  { name: 'hostile-binary.txt', content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), expect: 'plain' },
  { name: 'hostile-empty.txt', content: () => '', expect: 'plain' },
  // Over the default crosswire.maxFileSizeKB (1024): skipped, and the editor stays responsive.
  { name: 'hostile-large.txt', content: () => `Jones said: “${'All work and no play. '.repeat(80_000)}”\n`, expect: 'plain' },
  { name: 'hostile-one-line.txt', content: () => SEED.replace(/\s+/g, ' ').repeat(40), expect: 'highlighted' },
  // Opened, VS Code reads it as UTF-8 (its quote marks lost), but its names are still highlighted.
  { name: 'hostile-cp1252.txt', content: () => windows1252(CP1252_TEXT), expect: 'highlighted' },
  { name: 'hostile-cp1252-twin.txt', content: () => FERRY_TWIN, expect: 'highlighted' },
  { name: 'hostile-bidi.txt', content: () => BIDI, expect: 'highlighted' },
  // Another outlet's report of the same words, so that the card shows them.
  { name: 'hostile-bidi-copy.txt', content: () => BIDI.replace('Override in the council', 'Rates row at the town hall'), expect: 'highlighted' },
  // Reached a second time through hostile-links/alias.txt, and its copy outside through outside.txt.
  { name: 'hostile-linked.txt', content: () => LINKED, expect: 'highlighted' },
  // More quotes than one document keeps (core/bounds.ts): analysed in part, and said so.
  { name: 'hostile-chant.txt', content: () => CHANT, expect: 'highlighted' },
];

/**
 * Shapes that once cost time or memory out of all proportion to their size (each about 400 KB),
 * written once the cards have been read: joining the corpus, each still holds the extension host's
 * thread for about a second (a document's quotes are matched in one step).
 * @type {HostileArticle[]}
 */
const COSTLY_ARTICLES = [
  // A quote per word: more quotes than a document keeps, so analysed in part too.
  { name: 'hostile-quote-per-word.txt', content: () => '“ok” '.repeat(80_000), expect: 'highlighted' },
  { name: 'hostile-names-list.txt', content: () => upTo(400_000, (i) => `Maria Kowalska${i}, Jan Nowak${i % 300}, Acme Holdings${i % 50}; `), expect: 'highlighted' },
  // Dense quotes and names: more quotes than a document keeps as well.
  { name: 'hostile-dense.txt', content: () => upTo(400_000, (i) => `“Statement ${i} on Ankara and Geneva,” said Maria Kowalska${i % 50}. John Smith of Acme Corp said “we ${i} will go”.\n\n`), expect: 'highlighted' },
  { name: 'hostile-scattered-marks.txt', content: () => upTo(400_000, (i) => (i % 37 === 0 ? '“' : i % 41 === 0 ? '” ' : '') + `word${i % 13} `), expect: 'highlighted' },
];

/** Pieces `piece(0)`, `piece(1)`, … joined until the text is `size` characters long. */
function upTo(/** @type {number} */ size, /** @type {(i: number) => string} */ piece) {
  const out = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const p = piece(i);
    out.push(p);
    n += p.length;
  }
  return out.join('');
}

/**
 * Files of HOSTILE_ARTICLES and COSTLY_ARTICLES analysed in part: the chant, the quote per word and the dense file (more
 * quotes than a document keeps), and the scattered marks (quotes compared with only some others).
 */
const PARTLY_ANALYSED = 4;

/** One quote eight thousand times over: more quotes than a document keeps, all copies of one. */
const CHANT = `Chant at the stadium\n\n${'“We will not back down.” '.repeat(8000)}\n`;

/** The headline of an article outside the workspace that a link inside it leads to. */
const OUTSIDE_TITLE = 'An article outside the workspace';
/** A quote no seed has, in an article inside the workspace that a link also leads to, and outside it. */
const PIER = 'Harbour master Ines Duarte said: “The north pier will reopen on the first of June, whatever the weather.”\n';
const LINKED = `Linked original\n\n${PIER}`;

/**
 * A folder of links and special files that a walk following links would loop in, leave the workspace
 * through, or hang reading: links to itself and its parent, out of the workspace (to a folder beside
 * it holding a copy of an article, and to /dev/zero), a FIFO named like an article, and a second path
 * to an article. (No link to `/`: VS Code's own Quick Open follows links and would search the disk.)
 * @param {string} workspace
 */
function writeLinks(workspace) {
  const dir = join(workspace, 'hostile-links');
  mkdirSync(dir);
  const outside = join(dirname(workspace), 'outside-the-workspace');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'copy.txt'), `${OUTSIDE_TITLE}\n\n${PIER}`);
  symlinkSync(join('..', 'hostile-linked.txt'), join(dir, 'alias.txt'));
  symlinkSync('.', join(dir, 'loop'));
  symlinkSync('..', join(dir, 'up'));
  symlinkSync(outside, join(dir, 'outside'));
  symlinkSync(join(outside, 'copy.txt'), join(dir, 'outside.txt'));
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
}

/** Where a string first occurs in a text, as the 1-based line and column Go to Line takes. */
function positionOf(/** @type {string} */ text, /** @type {string} */ needle) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `“${needle}” is not in the fixture`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Waits for files just written to the workspace to show in the explorer. Files written just after the
 * workbench opened may come before its file watcher: the explorer is refreshed, as a person would.
 * @param {wb.Page} page
 * @param {HostileArticle[]} articles
 */
async function shownInExplorer(page, articles) {
  const header = page.locator('.pane-header', { has: page.locator('.title', { hasText: /^seeds$/i }) }).first();
  await header.hover();
  await header.locator('.action-label[aria-label^="Refresh Explorer"]').click();
  for (const a of articles) {
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(a.name)}]`).waitFor({ timeout: 15_000 });
  }
}

/**
 * Writes the hostile articles into the workspace, opens each and checks what a reader would see.
 * @param {{ suite: string, page: import('./lib/workbench.mjs').Page, sandbox: import('./lib/server.mjs').Sandbox }} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 */
export async function hostilePass({ suite, page, sandbox }, runner) {
  await runner.step(suite, 'hostile files written to the workspace show up in the explorer', async () => {
    for (const a of HOSTILE_ARTICLES) writeFileSync(join(sandbox.workspace, a.name), a.content());
    writeLinks(sandbox.workspace);
    await shownInExplorer(page, HOSTILE_ARTICLES);
  });

  await runner.step(suite, 'a quote holding Markdown links, HTML and icon syntax is highlighted and its card shows them as text', async () => {
    await wb.openFromExplorer(page, 'hostile-markup.md');
    await wb.waitForDecorations(page);
    const at = positionOf(MARKUP, 'We will [cut taxes]');
    await wb.goToLine(page, at.line, at.column + 3);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the quote with a command link');
    // The hover also holds the editor's own card for a Markdown link under the mouse ("Execute
    // command"), which is VS Code's and not the extension's: judge the extension's card alone. On a
    // busy machine the editor's part can come first; a reader waits for the card.
    const card = page.locator('.monaco-hover:visible .hover-row', { hasText: /Statement|Term/ }).first();
    const text = await cardAt(page, wb.centre(under[0]), card);
    assert.ok(text !== null, 'no card over the quote');
    // Only the extension's own commands may be links in the card; the article's stay text.
    const hrefs = await card.locator('a').evaluateAll((links) => links.map((l) => l.getAttribute('data-href') ?? l.getAttribute('href') ?? ''));
    const foreign = hrefs.filter((h) => /^command:/i.test(h) && !/^command:crosswire\./i.test(h));
    assert.deepEqual(foreign, [], `the card links to commands the article wrote:\n${text}`);
    assert.ok(!hrefs.some((h) => /^javascript:/i.test(h)), 'the card carries a javascript: link');
    assert.equal(await card.locator('img, script, b').count(), 0, `the card renders the article's HTML or images:\n${text}`);
    // The editor's own card can come first; the speaker is read from the extension's once it is there.
    const said = await card.innerText();
    assert.match(said, /Okafor/, `the card does not name the speaker:\n${said}`);
    await page.mouse.move(5, 5);
  });

  await runner.step(suite, 'icon syntax in a quote is shown as written, not as an icon', async () => {
    const at = positionOf(MARKUP, 'a <b>fantasy</b>');
    await wb.quickOpen(page, 'hostile-markup.md');
    await wb.goToLine(page, at.line, at.column + 2);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the quote with icon syntax');
    const text = await wb.hoverAt(page, wb.centre(under[0]));
    assert.ok(text !== null, 'no card over the quote');
    const card = page.locator('.monaco-hover:visible .hover-row', { hasText: /Statement|Term/ }).first();
    await card.waitFor({ timeout: 5_000 });
    assert.match(text, /Reyes/, `the card does not name the speaker:\n${text}`);
    assert.equal(await card.locator('.codicon-alert, img').count(), 0, `the article’s $(alert) or image became one:\n${text}`);
    await page.mouse.move(5, 5);
  });

  await runner.step(suite, 'an article whose headline holds a Markdown link is named in another card by the link’s words, as text', async () => {
    // A quote the markup article shares with this seed alone, so its card lists the markup article.
    const seed = '002_708bc86c8f4b88ce.txt';
    const at = positionOf(readFileSync(join(repo, 'seeds', seed), 'utf8'), 'We are (now) focused');
    await wb.quickOpen(page, seed);
    await wb.waitForDecorations(page);
    await wb.goToLine(page, at.line, at.column + 3);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the seed quote');
    const t0 = Date.now();
    let text = '';
    while (Date.now() - t0 < 30_000 && !text.includes('Daily Wire')) {
      text = (await wb.hoverAt(page, wb.centre(under[0]))) ?? '';
      if (!text.includes('Daily Wire')) await page.waitForTimeout(1000);
    }
    assert.ok(text.includes('Minister’s “clear plan” under fire') && text.includes('Daily Wire'), `the card does not name the article by its headline and the outlet it links to:\n${text}`);
    assert.ok(!text.includes('example.invalid'), `the card shows the headline link's target:\n${text}`);
    const card = page.locator('.monaco-hover:visible .hover-row', { hasText: /Statement|Term/ }).first();
    const hrefs = await card.locator('a').evaluateAll((links) => links.map((l) => l.getAttribute('data-href') ?? l.getAttribute('href') ?? ''));
    assert.ok(!hrefs.some((h) => h.includes('example.invalid')), `the headline's link became a link in the card: ${hrefs.join(', ')}`);
    assert.ok(hrefs.every((h) => !/^command:/i.test(h) || /^command:crosswire\./i.test(h)), `foreign command links: ${hrefs.join(', ')}`);
    await page.mouse.move(5, 5);
  });

  await runner.step(suite, 'a folder of link loops, links out of the workspace, /dev/zero and a FIFO does not hang indexing, and a linked article is not its own match', async () => {
    const t0 = Date.now();
    await wb.runCommand(page, 'Crosswire: Reindex Workspace Articles');
    await page.waitForTimeout(500);
    await wb.waitForProgressToEnd(page, /Crosswire/, 60_000);
    const ms = Date.now() - t0;
    assert.ok(ms < 60_000, `indexing took ${ms} ms`);
    await wb.openFromExplorer(page, 'hostile-linked.txt');
    await wb.waitForDecorations(page, 30_000);
    const at = positionOf(LINKED, 'The north pier');
    await wb.goToLine(page, at.line, at.column + 3);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the quote');
    const text = (await wb.hoverAt(page, wb.centre(under[0]))) ?? '';
    assert.match(text, /Statement/, `no card over the quote:\n${text}`);
    // A link to the same file, and a link to a copy outside the workspace, report nothing back to it.
    assert.match(text, /No matching quote found in the other articles/, `the article is matched by a link to it, or to outside the workspace:\n${text}`);
    assert.ok(!text.includes(OUTSIDE_TITLE), `an article outside the workspace was indexed through a link:\n${text}`);
    await page.mouse.move(5, 5);
  }, { timeoutMs: 120_000 });

  await runner.step(suite, 'a Windows-1252 article on disk is indexed with its curly quotes: the other report’s card names it', async () => {
    await wb.openFromExplorer(page, 'hostile-cp1252-twin.txt');
    await wb.waitForDecorations(page, 30_000);
    const at = positionOf(FERRY_TWIN, 'We won’t close');
    await wb.goToLine(page, at.line, at.column + 3);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the quote');
    const t0 = Date.now();
    let text = '';
    while (Date.now() - t0 < 30_000 && !text.includes('Windows-1252 report')) {
      text = (await wb.hoverAt(page, wb.centre(under[0]))) ?? '';
      if (!text.includes('Windows-1252 report')) await page.waitForTimeout(1000);
    }
    assert.ok(text.includes('Windows-1252 report on the harbour'), `the card does not name the Windows-1252 article:\n${text}`);
    assert.match(text, /word for word/, `the Windows-1252 version is not the same words:\n${text}`);
    await page.mouse.move(5, 5);
  }, { timeoutMs: 90_000 });

  await runner.step(suite, 'a quote behind a right-to-left override is highlighted and its card shows the override as a marker', async () => {
    await wb.openFromExplorer(page, 'hostile-bidi.txt');
    await wb.waitForDecorations(page, 30_000);
    const at = positionOf(BIDI, 'We will');
    await wb.goToLine(page, at.line, at.column + 2);
    const under = await wb.waitForDecorationsAtCursor(page);
    assert.ok(under.length > 0, 'no highlight under the quote');
    const card = page.locator('.monaco-hover:visible .hover-row', { hasText: /Statement|Term/ }).first();
    const text = (await cardAt(page, wb.centre(under[0]), card)) ?? '';
    const cardText = await card.innerText();
    assert.match(cardText, /Santos/, `the card does not name the speaker:\n${text}`);
    assert.match(cardText, /Rates row at the town hall/, `the card does not name the other report:\n${text}`);
    assert.ok(cardText.includes('⟨U+202E⟩esaercni ton⟨U+202C⟩'), `the card does not show the override as a marker:\n${JSON.stringify(cardText)}`);
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(cardText), `the card holds a raw override:\n${JSON.stringify(cardText)}`);
    await page.mouse.move(5, 5);
  });

  await runner.step(suite, 'files of a quote per word, a list of names, dense quotes and scattered marks written to the open workspace show up', async () => {
    for (const a of COSTLY_ARTICLES) writeFileSync(join(sandbox.workspace, a.name), a.content());
    await shownInExplorer(page, COSTLY_ARTICLES);
  });

  await runner.step(suite, 'files holding more quotes than a document keeps are analysed in part, and the status bar says so', async () => {
    const item = page.locator('.statusbar-item', { hasText: /analysed in part/ }).first();
    await item.waitFor({ timeout: 90_000 });
    // The files are indexed one after the other: the count grows to all of them.
    const want = new RegExp(`${PARTLY_ANALYSED} files analysed in part`);
    let text = (await item.innerText()).trim();
    for (let i = 0; i < 120 && !want.test(text); i++) {
      await page.waitForTimeout(500);
      text = (await item.innerText()).trim();
    }
    assert.match(text, want);
  }, { timeoutMs: 180_000 });

  for (const a of [...HOSTILE_ARTICLES, ...COSTLY_ARTICLES].filter((x) => x.name !== 'hostile-markup.md')) {
    const how = a.expect === 'highlighted' ? 'with' : 'without';
    await runner.step(suite, `${a.name} opens ${how} highlights, and an article opened next is still highlighted`, async () => {
      await page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(a.name)}]`).click();
      // A binary file opens in a notice, not a text editor: wait for its tab only.
      await page.locator('.editor-group-container.active .tab.active', { hasText: a.name }).waitFor({ timeout: 30_000 });
      if (a.expect === 'highlighted') {
        await wb.waitForDecorations(page, 30_000);
      } else {
        await page.waitForTimeout(3000);
        assert.deepEqual(await wb.decorationBoxes(page), [], `${a.name} got highlights`);
      }
      await wb.quickOpen(page, '000_44d6e05b2ad3ddd3.txt');
      await wb.waitForDecorations(page, 30_000);
      const errors = (await wb.notifications(page)).filter((n) => /crosswire/i.test(n) && /error|fail/i.test(n));
      assert.deepEqual(errors, [], `error notifications after opening ${a.name}`);
    }, { timeoutMs: 120_000 });
  }
}

/**
 * Hovers a point until the extension's card (`card`) shows, as a reader who moves the mouse away and
 * back when it is slow to come; the whole hover's text, or null when the card never came.
 * @param {wb.Page} page
 * @param {{ x: number, y: number }} point
 * @param {import('playwright-core').Locator} card
 */
async function cardAt(page, point, card) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = await wb.hoverAt(page, point);
    if (text !== null && (await card.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
      return (await page.locator('.monaco-hover:visible').first().innerText()).trim();
    }
  }
  return null;
}
