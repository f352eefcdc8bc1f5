// @ts-check
// Saved web pages in the workbench: "Import Web Pages…" from the explorer's menu turns a page into a
// Markdown article that opens highlighted, with nothing highlighted in its front matter; importing it
// again writes a new file beside the first, and a page that is no article gets a clear message. Used
// by run.mjs as the `pages` pass, in a workbench with the seeds open.
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wb from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = resolve(here, '..', 'fixtures', 'pages');

const ARTICLE = 'official-8-armed-men-detained-in-haiti-could-be-sent-to-us.md';

/**
 * Right-clicks a file in the explorer and runs Import Web Pages… from its menu.
 * @param {wb.Page} page
 * @param {string} name
 */
async function importFromExplorer(page, name) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(name)}]`);
  await row.waitFor({ timeout: 10_000 });
  const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Import Web Pages' }).first();
  // On a busy machine the menu can open before the extension's entries are known; open it again.
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    try {
      await item.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 4) throw error;
    }
  }
  await item.click();
  // A click that lands while the menu is still settling leaves it open, its item highlighted: a person
  // would press Enter.
  const menu = page.locator('.context-view .monaco-menu');
  await page.waitForTimeout(300);
  if (await menu.isVisible().catch(() => false)) await page.keyboard.press('Enter');
}

/**
 * Waits for files written behind the workbench's back to be listed, refreshing the explorer as a
 * person would when its watcher has not caught up yet.
 * @param {wb.Page} page
 * @param {string} name
 */
async function showInExplorer(page, name) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(name)}]`);
  for (let i = 0; i < 6; i++) {
    if (await row.isVisible()) return;
    await page.locator('.part.sidebar .pane-header').first().hover();
    await page.locator('.part.sidebar .pane-header .action-label[aria-label^="Refresh Explorer"]').first().click({ timeout: 5_000 }).catch(() => undefined);
    await row.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
}

/**
 * @param {wb.Page} page
 * @param {RegExp} text
 */
async function toast(page, text) {
  const found = page.locator('.notification-toast', { hasText: text }).first();
  await found.waitFor({ timeout: 20_000 });
  return found;
}

/**
 * @param {import('./run.mjs').PassContext} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 */
export async function pagesPass({ suite, page, sandbox }, runner) {
  copyFileSync(join(PAGES, 'washingtontimes-haiti-ap.html'), join(sandbox.workspace, 'haiti.html'));
  copyFileSync(join(PAGES, 'wopular-newsrack.html'), join(sandbox.workspace, 'newsrack.html'));
  await showInExplorer(page, 'newsrack.html');

  await runner.step(suite, 'Import Web Pages… from the explorer makes an article that opens with highlights, none in its front matter', async () => {
    await importFromExplorer(page, 'haiti.html');
    const done = await toast(page, /Imported 1 web page as article/);
    await done.locator('.monaco-button', { hasText: 'Open' }).click();
    await wb.waitForActiveTab(page, ARTICLE, 20_000);
    const text = readFileSync(join(sandbox.workspace, ARTICLE), 'utf8');
    assert.match(text, /^---\ntitle: "Official: 8 armed men detained in Haiti could be sent to US"\nsource: "Washington Times"\nauthor: "Associated Press"\ndate: "2019-02-20"\nurl: "https:\/\/www\.washingtontimes\.com\//);
    await wb.waitForDecorations(page);
    // "Haiti" and "US" in the title line are names, but front matter is not analysed.
    await wb.goToLine(page, 2, 44);
    assert.deepEqual(await wb.decorationsAtCursor(page), [], 'a name in the front matter is highlighted');
    await wb.screenshot(page, join(here, 'screenshots'), '11-imported-page');
  });

  await runner.step(suite, 'importing the same page again writes a new file and leaves the first alone', async () => {
    const before = readFileSync(join(sandbox.workspace, ARTICLE), 'utf8');
    await wb.runCommand(page, 'Notifications: Clear All Notifications');
    await importFromExplorer(page, 'haiti.html');
    await toast(page, /Imported 1 web page as article/);
    assert.equal(readFileSync(join(sandbox.workspace, ARTICLE), 'utf8'), before);
    assert.ok(readdirSync(sandbox.workspace).includes(ARTICLE.replace(/\.md$/, '-2.md')), 'no second article was written');
  });

  await runner.step(suite, 'a page that is not an article is not imported, and says why', async () => {
    await wb.runCommand(page, 'Notifications: Clear All Notifications');
    const files = readdirSync(sandbox.workspace).length;
    await importFromExplorer(page, 'newsrack.html');
    await toast(page, /newsrack\.html was not imported: not an article: no story was found in the page/);
    assert.equal(readdirSync(sandbox.workspace).length, files);
  });
}
