// @ts-check
// Corrections in the workbench, as a reader makes them: a quote's card sets its speaker, which the
// card and the Quotes view then show, and which is still there after the window is reloaded (it is
// kept in .crosswire/corrections.json, not in an article); a name marked Not an Entity loses its
// highlight, and Undo Last Correction brings it back. Used by run.mjs as the `corrections` pass.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wb from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

/** A speaker no seed article names, so that the card can only show it because the reader set it. */
const SPEAKER = 'Jane Reader';

/**
 * @param {{ suite: string, page: wb.Page, sandbox: { workspace: string } }} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 */
export async function correctionsPass({ suite, page, sandbox }, runner) {
  const analysis = analyse(sandbox.workspace);
  const file = join(sandbox.workspace, '.crosswire', 'corrections.json');
  /** @type {{ doc: Doc, quote: { start: number, end: number, text: string }, row: string } | undefined} */
  let chosen;

  await runner.step(suite, 'Set Speaker… from a quote’s card: the card and the Quotes view name the new speaker, marked as corrected', async () => {
    await wb.openFromExplorer(page, analysis[0].name);
    await wb.waitForDecorations(page);
    await wb.waitForProgressToEnd(page, /Crosswire/);
    await wb.openActivity(page, 'Crosswire');
    await wb.expandPane(page, 'Quotes');
    await wb.resizeSidebar(page, 480);
    // The statement most widely carried heads the Quotes view; its first version is the one to correct.
    const pane = wb.sidebarPane(page, 'Quotes');
    const first = pane.locator('.monaco-list-row').first();
    await first.waitFor({ timeout: 20_000 });
    if ((await first.getAttribute('aria-expanded')) === 'false') await first.click();
    const version = pane.locator('.monaco-list-row[aria-level="2"]').first();
    await version.waitFor({ timeout: 10_000 });
    const label = (await version.locator('.label-name').textContent()) ?? '';
    const description = (await version.locator('.label-description').textContent()) ?? '';
    chosen = find(analysis, label, description);
    assert.ok(chosen, `no quote of the analysis is the Quotes view's “${label}” — ${description}`);
    const { doc, quote } = chosen;

    await wb.quickOpen(page, doc.name);
    await wb.waitForDecorations(page);
    const at = position(doc.text, quote.start + 1);
    await hoverAt(page, at.line, at.column, /Set Speaker…/);
    await page.locator('.monaco-hover:visible a', { hasText: 'Set Speaker…' }).first().click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(SPEAKER);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: SPEAKER }).first().waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 });

    const card = await hoverAt(page, at.line, at.column, new RegExp(`said by ${SPEAKER}`));
    assert.match(card, /speaker set by a reader/);
    const row = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: `${SPEAKER}:` }).first();
    await row.waitFor({ timeout: 10_000 });
    const shown = (await row.locator('.label-description').textContent()) ?? '';
    assert.match(shown, /corrected$/, `the Quotes view's row says: ${shown}`);
    chosen = { ...chosen, row: shown };

    assert.ok(existsSync(file), 'the correction is kept in .crosswire/corrections.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.corrections.length, 1);
    assert.equal(saved.corrections[0].kind, 'set-speaker');
    assert.equal(saved.corrections[0].speaker, SPEAKER);
    assert.equal(saved.corrections[0].quote.article, doc.name);
  });

  await runner.step(suite, 'after Reload Window the card still names the speaker the reader set', async () => {
    assert.ok(chosen, 'no speaker was set');
    await wb.runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    await page.locator('.explorer-folders-view .monaco-list-row, .part.sidebar .pane').first().waitFor({ timeout: 30_000 });
    await wb.quickOpen(page, chosen.doc.name);
    await wb.waitForDecorations(page);
    const at = position(chosen.doc.text, chosen.quote.start + 1);
    const card = await hoverAt(page, at.line, at.column, new RegExp(`said by ${SPEAKER}`));
    assert.match(card, /speaker set by a reader/);
  });

  await runner.step(suite, 'Not an Entity takes a name’s highlight away; Undo Last Correction brings it back', async () => {
    assert.ok(chosen, 'no article was opened');
    const doc = chosen.doc;
    // A place (never a speaker, so no speaker highlight stays) outside every quote.
    const place = doc.mentions.find((m) => m.type === 'place' && !doc.quotes.some((q) => m.start < q.end + 1 && q.start - 1 < m.end));
    assert.ok(place, `${doc.name} names no place outside its quotes`);
    const at = position(doc.text, place.start + 1);
    await wb.goToLine(page, at.line, at.column);
    await waitForHighlightAtCursor(page, true);
    await wb.runCommand(page, 'Crosswire: Not an Entity');
    await waitForHighlightAtCursor(page, false);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(saved.corrections.map((/** @type {{ kind: string }} */ c) => c.kind), ['set-speaker', 'not-an-entity']);
    assert.equal(saved.corrections[1].name.anchor.exact, place.text);

    await wb.runCommand(page, 'Crosswire: Undo Last Correction');
    await wb.goToLine(page, at.line, at.column);
    await waitForHighlightAtCursor(page, true);
    const after = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(after.corrections.map((/** @type {{ kind: string }} */ c) => c.kind), ['set-speaker']);
  });
}

/**
 * @typedef {{ name: string, text: string, title: string, source: string | null,
 *   quotes: { start: number, end: number, text: string, kind: string }[],
 *   mentions: { start: number, end: number, text: string, type: string }[] }} Doc
 */

/**
 * The command line's analysis of the workspace's articles.
 * @param {string} workspace
 * @returns {Doc[]}
 */
function analyse(workspace) {
  const files = readdirSync(workspace).filter((n) => !n.startsWith('.')).sort().map((n) => join(workspace, n));
  const report = JSON.parse(execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'analyze', '--json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return report.documents.map((/** @type {any} */ d) => ({
    name: basename(d.path),
    text: readFileSync(d.path, 'utf8').replace(/^\uFEFF/, ''),
    title: d.title,
    source: d.source,
    quotes: d.quotes,
    mentions: d.mentions,
  }));
}

/**
 * The quote a row of the Quotes view shows: its article by outlet or title, its words by their start.
 * @param {Doc[]} docs
 * @param {string} label
 * @param {string} description `Speaker: “words…”` or `“words…”`
 */
function find(docs, label, description) {
  const words = /“(.*)”/.exec(description)?.[1]?.replace(/…$/, '') ?? '';
  for (const doc of docs) {
    if (!label.includes(doc.source ?? '\u0000') && !label.includes(doc.title)) continue;
    const quote = doc.quotes.find((q) => q.kind === 'statement' && q.text.replace(/\s+/g, ' ').startsWith(words));
    if (quote && words.length > 0) return { doc, quote, row: description };
  }
  return undefined;
}

/**
 * Line and column (1-based, as Go to Line takes them) of an offset.
 * @param {string} text
 * @param {number} offset
 */
function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Hovers the widest highlight at a place until the card matches, as a reader waits for it.
 * @param {wb.Page} page
 * @param {number} line
 * @param {number} column
 * @param {RegExp} expected
 */
async function hoverAt(page, line, column, expected) {
  let text = '';
  for (let i = 0; i < 15; i++) {
    await wb.goToLine(page, line, column);
    const under = await wb.decorationsAtCursor(page);
    if (under.length > 0) {
      text = (await wb.hoverAt(page, wb.centre(under[0]))) ?? '';
      if (expected.test(text)) return text;
    }
    await page.waitForTimeout(1000);
  }
  assert.fail(`the card at ${line}:${column} does not say ${expected}:\n${text}`);
}

/**
 * Waits until there is (or is no longer) a highlight under the cursor.
 * @param {wb.Page} page
 * @param {boolean} present
 */
async function waitForHighlightAtCursor(page, present) {
  for (let i = 0; i < 50; i++) {
    if ((await wb.decorationsAtCursor(page)).length > 0 === present) return;
    await page.waitForTimeout(200);
  }
  assert.fail(present ? 'no highlight under the name' : 'the name is still highlighted');
}
