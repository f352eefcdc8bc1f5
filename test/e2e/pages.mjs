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
      const shown = await page.locator('.context-view .monaco-menu .action-label').allTextContents().catch(() => []);
      await page.keyboard.press('Escape');
      if (attempt === 6) throw new Error(`the menu of ${name} showed ${JSON.stringify(shown)}, no Import Web Pages…`, { cause: error });
      // The row may have moved as the explorer refreshed: find it again before the next click.
      await row.scrollIntoViewIfNeeded().catch(() => undefined);
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
 * Imports a page from the explorer and waits for the notification matching `text`. A menu click
 * that lands while the menu is re-rendered can be lost: when neither a notification nor a new file
 * follows, a person would open the menu again, and so does this.
 * @param {wb.Page} page
 * @param {string} name
 * @param {RegExp} text
 * @param {string} workspace
 */
async function importAndAwait(page, name, text, workspace) {
  const found = page.locator('.notification-toast', { hasText: text }).first();
  const files = readdirSync(workspace).length;
  for (let attempt = 1; ; attempt++) {
    await importFromExplorer(page, name);
    try {
      await found.waitFor({ timeout: 8_000 });
      return found;
    } catch (error) {
      const wrote = readdirSync(workspace).length !== files;
      if (wrote || attempt === 3) {
        if (!wrote) throw error;
        await found.waitFor({ timeout: 20_000 });
        return found;
      }
      console.log(`      no notification ${attempt * 8} s after the menu's Import Web Pages…; opening the menu again`);
    }
  }
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
    const done = await importAndAwait(page, 'haiti.html', /Imported 1 web page as article/, sandbox.workspace);
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
    await importAndAwait(page, 'haiti.html', /Imported 1 web page as article/, sandbox.workspace);
    assert.equal(readFileSync(join(sandbox.workspace, ARTICLE), 'utf8'), before);
    assert.ok(readdirSync(sandbox.workspace).includes(ARTICLE.replace(/\.md$/, '-2.md')), 'no second article was written');
  });

  await runner.step(suite, 'a page that is not an article is not imported, and says why', async () => {
    await wb.runCommand(page, 'Notifications: Clear All Notifications');
    const files = readdirSync(sandbox.workspace).length;
    await importAndAwait(page, 'newsrack.html', /newsrack\.html was not imported: not an article: no story was found in the page/, sandbox.workspace);
    assert.equal(readdirSync(sandbox.workspace).length, files);
  });
}
