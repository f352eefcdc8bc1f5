// @ts-check
// A code repository in the workbench: Crosswire stays off there and asks once whether to work; enabled,
// it highlights the README's prose but nothing in its fenced or inline code; disabled again, every
// highlight goes. Used by run.mjs as the `scope` pass, in a workbench with `codeRepository()` open.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as wb from './lib/workbench.mjs';

/** The README of a small code repository: a sentence of prose with a quote, and code that looks like both. */
export const README = [
  '# Mailer',
  '',
  'Maintainer Jane Okafor said the tool was “ready for every newsroom” after the release in Lisbon.',
  '',
  '```js',
  'const author = "John Smith"; // Paris',
  'send("send-email", { to: "Maria Lopez" });',
  '```',
  '',
  'Run `npm run "send-email" --to "Tom Reyes"` to try it.',
  '',
].join('\n');

/** Writes a code repository (a manifest, a source file and the README) to a new folder; returns it. */
export function codeRepository() {
  const dir = join(mkdtempSync(join(tmpdir(), 'crosswire-e2e-repo-')), 'mailer');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'mailer', version: '1.0.0', main: 'src/index.js' }, null, 2)}\n`);
  writeFileSync(join(dir, 'src', 'index.js'), 'export function send(what, to) {\n  return { what, to };\n}\n');
  writeFileSync(join(dir, 'README.md'), README);
  return dir;
}

/**
 * The line and column (1-based) of the first occurrence of `needle` in `text`, plus `offset` columns.
 * @param {string} text @param {string} needle @param {number} [offset]
 */
function positionOf(text, needle, offset = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') + offset };
}

/**
 * @param {wb.Page} page
 * @param {string} needle
 * @param {number} [offset]
 */
async function highlightsAt(page, needle, offset = 2) {
  const at = positionOf(README, needle, offset);
  await wb.goToLine(page, at.line, at.column);
  return wb.decorationsAtCursor(page);
}

/**
 * @param {{ suite: string, page: wb.Page }} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {{ screenshots: string }} options
 */
export async function scopePass({ suite, page }, runner, { screenshots }) {
  const question = page.locator('.notification-toast', { hasText: /code repository/i }).first();

  await runner.step(suite, 'a code repository gets no highlights, a status item says Crosswire is off, and it asks once whether to work there', async () => {
    await question.waitFor({ timeout: 20_000 });
    assert.match(await question.innerText(), /package\.json/, 'the question does not say what makes the folder look like code');
    await wb.openFromExplorer(page, 'README.md');
    // Give it the time highlights take to appear in an article folder, and more.
    await page.waitForTimeout(4_000);
    assert.deepEqual(await wb.decorationBoxes(page), [], 'the README of a code repository is highlighted before Crosswire was enabled');
    const off = page.locator('.statusbar-item', { hasText: /Crosswire off/ });
    await off.first().waitFor({ timeout: 5_000 });
    await wb.screenshot(page, screenshots, '12-code-repository-off');
  });

  await runner.step(suite, 'Enable in This Workspace, from the question, highlights the README’s prose and nothing in its code', async () => {
    await question.locator('.monaco-button', { hasText: 'Enable in This Workspace' }).click();
    await wb.waitForDecorations(page);
    const quote = await highlightsAt(page, 'ready for every newsroom', 3);
    assert.ok(quote.length > 0, 'the quote in the README’s prose is not highlighted');
    const name = await highlightsAt(page, 'Jane Okafor', 2);
    assert.ok(name.length > 0, 'the name in the README’s prose is not highlighted');
    for (const [needle, where] of [
      ['John Smith', 'a name in a string of the fenced code block'],
      ['Paris', 'a place in a comment of the fenced code block'],
      ['send-email', 'a quoted word of the fenced code block'],
      ['Maria Lopez', 'a name in the fenced code block'],
      ['Tom Reyes', 'a name in inline code'],
    ]) {
      assert.deepEqual(await highlightsAt(page, needle), [], `${where} is highlighted`);
    }
    assert.equal(await page.locator('.statusbar-item', { hasText: /Crosswire off/ }).count(), 0, 'the status bar still says Crosswire is off');
    await page.mouse.move(5, 5);
    await wb.screenshot(page, screenshots, '13-code-repository-enabled');
  });

  await runner.step(suite, 'Disable in This Workspace removes every highlight', async () => {
    await wb.runCommand(page, 'Crosswire: Disable in This Workspace');
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .view-overlays [class*="TextEditorDecorationType"]').length === 0, undefined, { timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: /Crosswire off/ }).first().waitFor({ timeout: 5_000 });
  });
}
