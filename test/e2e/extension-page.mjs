// @ts-check
// The extension's page in the Extensions view, as a person finds it: its own icon rather than the
// placeholder, and every picture of the README loaded. Used by run.mjs at the end of the main pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wb from './lib/workbench.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @param {{ suite: string, page: wb.Page }} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {{ screenshots: string, displayName: string }} options
 */
export async function extensionPageSteps({ suite, page }, runner, { screenshots, displayName }) {
  const pictures = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => m[1]);

  await runner.step(suite, 'the extension’s page in the Extensions view shows its icon and every picture of its README', async () => {
    // As a person does: open the Extensions view (Ctrl+Shift+X) and search the installed ones.
    await wb.runCommand(page, 'View: Close All Editor Groups');
    await page.keyboard.press('Control+Shift+X');
    const search = page.locator('.extensions-viewlet .suggest-input-container');
    await search.waitFor({ timeout: 10_000 });
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`@installed ${displayName}`);
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: displayName }).first();
    await row.waitFor({ timeout: 20_000 });
    const editor = page.locator('.extension-editor');
    // The list may still be filtering when first clicked, on a busy machine: click again, as a person would.
    for (let attempt = 1; ; attempt++) {
      await row.click();
      if (await editor.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
      assert.ok(attempt < 3, 'clicking the extension in the Extensions view does not open its page');
    }
    const icon = editor.locator('.header .icon-container img.icon').first();
    await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete, await icon.elementHandle(), { timeout: 10_000 });
    const shown = await icon.evaluate((el) => ({ src: /** @type {HTMLImageElement} */ (el).src, width: /** @type {HTMLImageElement} */ (el).naturalWidth }));
    assert.match(decodeURIComponent(shown.src), /crosswire\.crosswire-[^/]*\/media\/icon\.png/, `the page shows another icon: ${shown.src}`);
    assert.equal(shown.width, 128, `the icon did not load: ${shown.src}`);

    // The README is rendered in a webview, frames within frames: find the one holding its text.
    /** @type {{ alt: string, loaded: boolean }[] | null} */
    let images = null;
    const t0 = Date.now();
    while (Date.now() - t0 < 20_000) {
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => {
            if (!document.body || !/What the colours mean/.test(document.body.innerText)) return null;
            // Bring the colour legend into view for the screenshot, as a reader scrolls to it.
            document.querySelector('img[alt^="The highlights"]')?.scrollIntoView({ block: 'center' });
            return [...document.images].map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 }));
          })
          .catch(() => null);
        if (found && found.length >= pictures.length && found.every((i) => i.loaded)) images = found;
        else if (found && !images) images = found;
      }
      if (images && images.length >= pictures.length && images.every((i) => i.loaded)) break;
      await page.waitForTimeout(500);
    }
    assert.ok(images, 'the README is not on the extension page');
    assert.deepEqual(images.map((i) => i.alt), pictures, 'the page does not show the README’s pictures');
    const broken = images.filter((i) => !i.loaded).map((i) => i.alt);
    assert.deepEqual(broken, [], 'pictures of the README did not load on the extension page');
    await wb.screenshot(page, screenshots, '15-extension-page');
  });
}
