// @ts-check
// The details a reader meets along the way, in the workbench over the seeds: Crosswire's one status
// item, one card on a name inside a quote, Go to References that peeks or says there is nothing,
// hints in the status bar rather than notifications, an editor menu that offers what is under the
// cursor, a picker of mentions grouped by article, and counts a default-width side bar does not cut
// off. Used by run.mjs as the `details` pass.
import assert from 'node:assert/strict';

import * as wb from './lib/workbench.mjs';

/** A status bar item Crosswire shows: its name or its words for the highlights. */
const OURS = /Crosswire|Highlights off/;

/**
 * @param {import('./run.mjs').PassContext} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {{ oracle: import('./oracle.mjs').Oracle, screenshots: string }} options
 */
export async function detailsPass({ suite, page }, runner, { oracle, screenshots }) {
  const shot = (/** @type {string} */ name) => wb.screenshot(page, screenshots, name);
  const names = oracle.mentions();
  const article = '001_7e1bd303d94b701a.txt';
  const statusItems = async () => (await page.locator('.statusbar-item').allInnerTexts()).map((t) => t.trim()).filter((t) => OURS.test(t));

  await runner.step(suite, 'one status item says how many articles are indexed, then that highlights are off, and opens the views on a click', async () => {
    await wb.openFromExplorer(page, article);
    await wb.waitForDecorations(page);
    await wb.waitForProgressToEnd(page, /Crosswire/);
    const count = wb.explorerNames(page).then((n) => n.filter((x) => /\.(txt|md)$/.test(x)).length);
    const expected = `Crosswire: ${await count} articles`;
    await page.locator('.statusbar-item', { hasText: expected }).first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await statusItems(), [expected]);
    // A screen reader reads the item's label: sentences, not icon names or the tooltip's Markdown.
    const aria = (await page.locator('.statusbar-item', { hasText: expected }).first().getAttribute('aria-label')) ?? '';
    assert.match(aria, new RegExp(`^${expected}\\. `));
    assert.doesNotMatch(aria, /\]\(command:|\$\(|\\/, aria);
    await wb.runCommand(page, 'Crosswire: Toggle Highlights');
    await page.locator('.statusbar-item', { hasText: 'Highlights off' }).first().waitFor({ timeout: 5_000 });
    assert.deepEqual(await statusItems(), ['Highlights off'], 'one item, saying the highlights are off');
    await wb.runCommand(page, 'Crosswire: Toggle Highlights');
    await page.locator('.statusbar-item', { hasText: expected }).first().waitFor({ timeout: 5_000 });
    assert.deepEqual(await statusItems(), [expected]);
    await page.locator('.statusbar-item', { hasText: expected }).first().click();
    await wb.sidebarPane(page, 'Entities').locator('.pane-header').waitFor({ timeout: 10_000 });
    await page.mouse.move(5, 5);
    await shot('17-status-item');
  });

  await runner.step(suite, 'a name inside a quote gets one card: the name, then the quote, one line of corrections', async () => {
    const name = names.find((m) => m.doc.name === article && m.entity && m.quote?.kind === 'statement' && m.end - m.start >= 5);
    assert.ok(name?.quote, `no name inside a statement in ${article}`);
    await wb.quickOpen(page, article);
    await wb.goToLine(page, name.line, name.column + 1);
    const under = await wb.decorationsAtCursor(page);
    assert.ok(under.length >= 2, `the name “${name.text}” and its quote are not both highlighted`);
    const text = await wb.hoverAt(page, wb.centre(under[under.length - 1]));
    assert.ok(text, `no card over “${name.text}”`);
    const blocks = await page.locator('.monaco-hover:visible .hover-contents').count();
    assert.equal(blocks, 1, `${blocks} cards stacked over the name:\n${text}`);
    assert.match(text, /Statement/);
    assert.match(text, /Mentioned \d+ times? in \d+ articles?/);
    assert.equal(text.match(/Correct/g)?.length, 1, `more than one line of corrections:\n${text}`);
    await shot('18-name-in-quote-card');
    await page.mouse.move(5, 5);
  });

  /** A quote away from any name, so that the cursor is on the quote alone. */
  const quoteWith = (/** @type {(q: import('./oracle.mjs').Quote) => boolean} */ test) => {
    for (const name of [article, ...new Set(names.map((m) => m.doc.name))]) {
      const d = oracle.document(name);
      const q = d.quotes.find((x) => x.kind === 'statement' && test(x) && !names.some((m) => m.doc === d && m.start <= x.start + 2 && x.start + 1 < m.end));
      if (q) return { name, quote: q, at: oracle.locate(name, q.start + 1).split(':').map(Number) };
    }
    return undefined;
  };

  await runner.step(suite, 'Go to References on a quote one other article carries opens a peek, not a silent jump', async () => {
    const one = quoteWith((q) => oracle.linkCount(q.id) === 1 && oracle.linkedQuotesElsewhere(q.id).length === 1);
    assert.ok(one, 'no quote of the seeds with exactly one match');
    await wb.quickOpen(page, one.name);
    await wb.goToLine(page, one.at[0] ?? 1, (one.at[1] ?? 1) + 1);
    await page.keyboard.press('Shift+F12');
    await page.locator('.peekview-widget').first().waitFor({ timeout: 10_000 });
    assert.equal(await wb.activeTabName(page), one.name, 'Go to References left the article');
    await shot('19-references-peek');
    await page.keyboard.press('Escape');
    await page.locator('.peekview-widget').first().waitFor({ state: 'hidden', timeout: 5_000 });
  });

  await runner.step(suite, 'Go to References on a quote no other article carries says so at the cursor and leaves it where it was', async () => {
    const none = quoteWith((q) => oracle.linkCount(q.id) === 0);
    assert.ok(none, 'no quote of the seeds without a match');
    await wb.quickOpen(page, none.name);
    const line = none.at[0] ?? 1;
    const column = (none.at[1] ?? 1) + 3;
    await wb.goToLine(page, line, column);
    await page.keyboard.press('Shift+F12');
    const message = page.locator('.monaco-editor-overlaymessage').filter({ hasText: /No references/ }).first();
    await message.waitFor({ timeout: 10_000 });
    assert.deepEqual(await wb.cursorPosition(page), { line, column }, 'the cursor moved');
    assert.equal(await page.locator('.peekview-widget:visible').count(), 0, 'a peek of nothing');
  });

  await runner.step(suite, 'a hint that needs no answer shows in the status bar, never as a notification', async () => {
    await wb.quickOpen(page, article);
    await wb.goToLine(page, 1, 1);
    const before = (await wb.notifications(page)).length;
    await wb.runCommand(page, 'Crosswire: Go to Matching Quote in Another Source');
    await page.locator('.statusbar-item', { hasText: 'Place the cursor inside a quote' }).first().waitFor({ timeout: 5_000 });
    await page.waitForTimeout(1000);
    assert.equal((await wb.notifications(page)).length, before, `a notification: ${(await wb.notifications(page)).join(' | ')}`);
  });

  /** The labels of the editor's context menu, opened from the keyboard at the cursor. */
  const contextMenu = async (/** @type {{ x: number, y: number } | undefined} */ click = undefined) => {
    if (click) await page.mouse.click(click.x, click.y, { button: 'right' });
    else {
      await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
      await page.keyboard.press('Shift+F10');
    }
    const menu = page.locator('.context-view .monaco-menu').first();
    await menu.waitFor({ timeout: 5_000 });
    return (await menu.locator('.action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  };
  const closeMenu = async () => {
    await page.keyboard.press('Escape');
    await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  };
  const quoteCommands = ['Go to Matching Quote in Another Source', 'Compare Versions'];
  const nameCommands = ['Show Entity Mentions', 'Reveal Entity in Side Bar'];
  const expectMenu = (/** @type {string[]} */ labels, /** @type {string[]} */ wanted, /** @type {string[]} */ unwanted, /** @type {string} */ where) => {
    for (const c of wanted) assert.ok(labels.includes(c), `no ${c} ${where}: ${labels.join(', ')}`);
    for (const c of unwanted) assert.ok(!labels.includes(c), `${c} ${where}`);
  };
  // A person moving the cursor and then pressing a key takes a moment longer than a script.
  const settle = () => page.waitForTimeout(500);

  await runner.step(suite, 'the editor’s menu offers an entity’s commands on a name and a quote’s on a quote, not the other’s', async () => {
    const outside = names.find((m) => m.doc.name === article && m.entity && !m.quote && m.end - m.start >= 5);
    assert.ok(outside, `no name outside the quotes of ${article}`);
    const inQuote = quoteWith((q) => oracle.linkCount(q.id) > 0);
    assert.ok(inQuote);
    await wb.quickOpen(page, article);
    await wb.goToLine(page, outside.line, outside.column + 1);
    await settle();
    const onName = await contextMenu();
    await shot('20-menu-on-a-name');
    await closeMenu();
    expectMenu(onName, nameCommands, quoteCommands, `on the name “${outside.text}”, outside any quote`);
    await wb.quickOpen(page, inQuote.name);
    await wb.goToLine(page, inQuote.at[0] ?? 1, (inQuote.at[1] ?? 1) + 1);
    await settle();
    const onQuote = await contextMenu();
    await closeMenu();
    expectMenu(onQuote, quoteCommands, nameCommands, 'on a quote, away from any name');
  });

  await runner.step(suite, 'a right click on a name, the cursor still in a quote, offers the name’s commands', async () => {
    const outside = names.find((m) => m.doc.name === article && m.entity && !m.quote && m.end - m.start >= 5);
    const inQuote = oracle.document(article).quotes.find((q) => q.kind === 'statement' && oracle.linkCount(q.id) > 0 && !names.some((m) => m.doc.name === article && m.start <= q.start + 2 && q.start + 1 < m.end));
    assert.ok(outside && inQuote, `no name outside a quote and linked quote in ${article}`);
    await wb.quickOpen(page, article);
    await wb.goToLine(page, outside.line, outside.column + 1);
    const box = (await wb.decorationsAtCursor(page)).pop();
    assert.ok(box, `“${outside.text}” is not highlighted`);
    const [line, column] = oracle.locate(article, inQuote.start + 1).split(':').map(Number);
    await wb.goToLine(page, line ?? 1, (column ?? 1) + 1);
    await settle();
    // As a person does: the pointer comes to rest on the name, then the right button.
    await page.mouse.move(5, 5);
    await page.mouse.move(wb.centre(box).x, wb.centre(box).y, { steps: 4 });
    await page.waitForTimeout(1000);
    const labels = await contextMenu(wb.centre(box));
    await closeMenu();
    expectMenu(labels, nameCommands, quoteCommands, `on a right click on “${outside.text}”`);
  });

  await runner.step(suite, 'Show Entity Mentions groups the mentions under a separator per article', async () => {
    const blinken = oracle.mergedPeople().find((e) => e.name.includes('Blinken'));
    assert.ok(blinken, 'no merged entity for Blinken');
    const mention = names.find((m) => m.entity === blinken.id && m.doc.name === article);
    assert.ok(mention, `Blinken is not named in ${article}`);
    await wb.quickOpen(page, article);
    await wb.goToLine(page, mention.line, mention.column + 1);
    await wb.runCommand(page, 'Crosswire: Show Entity Mentions');
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.waitFor({ timeout: 10_000 });
    assert.match(await title.innerText(), new RegExp(`${blinken.mentions} mentions in ${blinken.documents.length} articles`));
    // The palette's rows give way to the mentions' (each says its line) a moment after the title.
    await page.waitForFunction(() => /line \d+/.test(document.querySelector('.quick-input-list .monaco-list-row')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const separators = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows
        .filter((r) => /line \d+/.test(r.textContent ?? ''))
        .map((r) => r.querySelector('.quick-input-list-separator'))
        .filter((e) => e instanceof HTMLElement && e.offsetParent !== null && getComputedStyle(e).display !== 'none')
        .map((e) => e?.textContent?.trim() ?? '')
        .filter(Boolean),
    );
    const titles = blinken.documents.map((path) => oracle.document(path.split('/').pop() ?? path).title);
    // The list draws the rows in view: each group's first row carries its article's title.
    assert.ok(separators.length >= 2, `fewer than two article separators: ${separators.join(' | ')}`);
    for (const s of separators) assert.ok(titles.includes(s), `“${s}” is not the title of an article naming ${blinken.name}`);
    assert.equal(new Set(separators).size, separators.length, 'an article named twice');
    await shot('21-mentions-by-article');
    await page.keyboard.press('Escape');
  });

  await runner.step(suite, 'a default-width side bar shows each entity’s and each carried statement’s count of articles', async () => {
    await wb.openActivity(page, 'Crosswire');
    await wb.expandPane(page, 'Entities');
    await wb.expandPane(page, 'Quotes');
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar && sidebar.width <= 320, `the side bar is ${sidebar?.width} pixels wide, wider than by default`);
    const blinken = oracle.mergedPeople().find((e) => e.name.includes('Blinken'));
    assert.ok(blinken);
    const badges = async (/** @type {string} */ view) =>
      wb.sidebarPane(page, view).locator('.monaco-list-row').evaluateAll((rows, right) =>
        rows.map((row) => {
          const label = row.querySelector('.label-name')?.textContent ?? '';
          for (const e of row.querySelectorAll('*')) {
            const after = getComputedStyle(e, '::after');
            const content = after.content.replace(/^"|"$/g, '');
            if (!/^\d+\+?$/.test(content)) continue;
            const box = e.getBoundingClientRect();
            return { label, badge: content, visible: box.right <= right + 1 && box.width > 0 };
          }
          return { label, badge: '', visible: false };
        }),
        sidebar.x + sidebar.width,
      );
    await wb.treeRows(page, 'Entities');
    const entities = await badges('Entities');
    const row = entities.find((r) => r.label === blinken.name);
    assert.ok(row, `no row for ${blinken.name}`);
    assert.deepEqual({ badge: row.badge, visible: row.visible }, { badge: String(blinken.documents.length), visible: true }, `${blinken.name}: ${JSON.stringify(row)}`);
    await wb.treeRows(page, 'Quotes');
    const carried = (await badges('Quotes')).filter((r) => r.badge);
    assert.ok(carried.length > 0 && carried.every((r) => r.visible && Number(r.badge) >= 2), `no statement shows how many articles carry it: ${JSON.stringify(carried.slice(0, 3))}`);
    await page.mouse.move(700, 300);
    await shot('22-narrow-side-bar');
  });
}
