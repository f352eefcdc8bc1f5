// @ts-check
// The Coverage view in the workbench: "Show Coverage of the Story" opens a table of the seeds'
// statements by article whose rows and cells are those `crosswire coverage --csv seeds` gives, that
// follows the theme, and whose cells open the version they name. Used by run.mjs as the `coverage`
// pass (once in a dark and once in a light theme), with screenshots for the README
// (`CROSSWIRE_README_SHOTS=1 node test/e2e/run.mjs --pass coverage` puts them in media/screenshots).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadOracle } from './oracle.mjs';
import * as wb from './lib/workbench.mjs';
import { keepForReadme } from './lib/readme-shots.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
/**
 * Takes a screenshot into the run's folder and, when asked, the README's.
 * @param {wb.Page} page
 * @param {string} dir
 * @param {string} name
 */
async function shot(page, dir, name) {
  keepForReadme(await wb.screenshot(page, dir, name), name);
}

/**
 * The command line's table of the seeds: the articles' names and, per statement, its carried count
 * and cells, from its CSV (read with a strict parser of the project's own quoting rules).
 */
function expectedTable() {
  const csv = execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'coverage', '--csv', join(repo, 'seeds')], { encoding: 'utf8' });
  const rows = parseCsv(csv);
  const [header, ...body] = rows;
  return { columns: header.slice(2), rows: body.map((r) => ({ carried: Number(r[1]), cells: r.slice(2) })) };
}

/**
 * RFC 4180 records: fields separated by commas, quoted fields with doubled quote marks inside.
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCsv(text) {
  /** @type {string[][]} */
  const records = [];
  let field = '';
  /** @type {string[]} */
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

/** @param {wb.Page} page */
function coverageFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * @param {import('./run.mjs').PassContext} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {{ theme: 'dark' | 'light', screenshots: string }} options
 */
export async function coveragePass({ suite, page }, runner, { theme, screenshots }) {
  const expected = expectedTable();
  const frame = coverageFrame(page);
  await runner.step(suite, 'Show Coverage of the Story opens a table of every statement by article, as the command line counts them', async () => {
    await wb.openFromExplorer(page, (await wb.explorerNames(page)).find((n) => n.endsWith('.txt')) ?? '');
    await wb.waitForDecorations(page);
    await wb.runCommand(page, 'Crosswire: Show Coverage of the Story');
    await frame.locator('table').waitFor({ timeout: 30_000 });
    const summary = await frame.locator('header p').first().textContent();
    assert.match(summary ?? '', new RegExp(`^${expected.rows.length} statements in ${expected.columns.length} articles`));
    const heads = (await frame.locator('thead th[scope=col]').allTextContents()).map((h) => h.replace(/ · \d{4}-\d\d-\d\d$/, ''));
    assert.deepEqual(heads, expected.columns);
  });

  await runner.step(suite, 'each row says which article carries the statement and how, cell for cell as the command line says', async () => {
    const rows = frame.locator('tbody tr');
    assert.equal(await rows.count(), expected.rows.length);
    for (let r = 0; r < expected.rows.length; r++) {
      const row = rows.nth(r);
      assert.equal(Number(await row.locator('td.count').textContent()), expected.rows[r].carried, `row ${r + 1}`);
      const states = await row.locator('td:not(.count) .state').allTextContents();
      const want = expected.rows[r].cells.map((c) => (c === '' ? 'not carried' : c.replace(/ \(.*\)$/, '')));
      assert.deepEqual(states.map((s) => s.replace(/^\S+ /, '')), want, `row ${r + 1}`);
    }
  });

  await runner.step(suite, `the table follows the ${theme} theme`, async () => {
    const [fg, bg] = await frame.locator('body').evaluate((b) => {
      const s = getComputedStyle(b);
      return [s.color, s.backgroundColor];
    });
    const luminance = (/** @type {string} */ c) => {
      const [r, g, b] = (c.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    if (theme === 'dark') assert.ok(luminance(bg) < luminance(fg), `dark background ${bg} under ${fg}`);
    else assert.ok(luminance(bg) > luminance(fg), `light background ${bg} under ${fg}`);
    await shot(page, screenshots, `coverage-${theme}`);
  });

  if (theme === 'dark') {
    await runner.step(suite, 'the Compare link of a quote’s card opens the diff editor on the two versions', async () => {
      const pair = loadOracle(join(repo, 'seeds')).bestCrossSourcePair();
      assert.ok(pair, 'a quote another article carries');
      await wb.quickOpen(page, pair.from.doc.name);
      await wb.waitForDecorations(page);
      let clicked = false;
      for (let attempt = 0; attempt < 20 && !clicked; attempt++) {
        await wb.goToLine(page, pair.from.line, pair.from.column);
        const under = await wb.decorationsAtCursor(page);
        if (under.length > 0) {
          await wb.hoverAt(page, wb.centre(under[0]));
          const link = page.locator('.monaco-hover:visible a', { hasText: /^Compare$/ }).first();
          if (await link.isVisible().catch(() => false)) {
            await link.click();
            clicked = true;
            break;
          }
        }
        await page.waitForTimeout(1000);
      }
      assert.ok(clicked, 'the card shows a Compare link');
      // One other version opens at once; with more, a quick pick asks which, and a person takes the first.
      await page.waitForTimeout(500);
      if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Enter');
      await page.waitForFunction(() => /↔/.test(document.querySelector('.editor-group-container.active .tab.active')?.textContent ?? ''), undefined, { timeout: 10_000 });
      assert.ok(await page.locator('.editor-group-container.active .monaco-diff-editor').first().isVisible(), 'a diff editor');
      const tab = (await page.locator('.editor-group-container.active .tab.active').first().textContent()) ?? '';
      const names = [...pair.from.doc.names, ...pair.to.doc.names];
      assert.ok(names.some((n) => tab.includes(n.slice(0, 20))), `the diff is titled by the outlets: ${tab}`);
      await shot(page, screenshots, 'compare-versions');
      await page.keyboard.press('Escape');
    });
  }

  await runner.step(suite, 'a cell opens the version it names, from the keyboard too', async () => {
    await wb.runCommand(page, 'Crosswire: Show Coverage of the Story');
    await frame.locator('table').waitFor({ timeout: 30_000 });
    const cell = frame.locator('tbody tr').first().locator('td.full, td.cut, td.reworded').first();
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('.editor-group-container .tab.active .label-name'), undefined, { timeout: 10_000 });
    await wb.waitForDecorations(page);
    const name = await wb.activeTabName(page);
    assert.match(name, /\.txt$/, `an article opened, not ${name}`);
  });
}
