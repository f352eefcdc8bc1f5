// @ts-check
// End-to-end tests: the built extension in a real VS Code workbench (code-server) in headless
// Chromium, used the way a reader of the articles would use it. Expects `npm run build` and
// `scripts/e2e-setup.sh` to have run. Usage:
//
//   node test/e2e/run.mjs [--keep] [--pass main|details|restricted|hostile|pages|coverage|corrections|contrast|scope|start]
//
// --keep leaves the sandbox (logs, user data) in place and prints where it is.
// CROSSWIRE_E2E_CODE_SERVER overrides where code-server is looked for.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { loadOracle } from './oracle.mjs';
import { installedCodeServer } from './lib/installed.mjs';
import { Runner } from './lib/runner.mjs';
import { extensionErrors, installExtensionFolder, makeSandbox, startCodeServer } from './lib/server.mjs';
import * as wb from './lib/workbench.mjs';
import { keepForReadme } from './lib/readme-shots.mjs';
import { hostilePass } from './hostile.mjs';
import { coveragePass } from './coverage.mjs';
import { correctionsPass } from './corrections.mjs';
import { detailsPass } from './details.mjs';
import { contrastPass, THEMES } from './contrast.mjs';
import { extensionPageSteps } from './extension-page.mjs';
import { pagesPass } from './pages.mjs';
import { codeRepository, scopePass } from './scope.mjs';
import { startPass } from './start.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const screenshots = join(here, 'screenshots');
const { values: flags } = parseArgs({
  options: { keep: { type: 'boolean', default: false }, pass: { type: 'string', multiple: true } },
});
const passes = flags.pass ?? ['main', 'details', 'restricted', 'hostile', 'pages', 'coverage', 'corrections', 'contrast', 'scope', 'start'];

const codeServerDir = installedCodeServer();

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  // CodeLens lines appear a moment after an article opens and move its text under the pointer; the
  // passes that hover at measured places run without them (the coverage pass has them on).
  'crosswire.codeLens.enabled': false,
  // Articles are prose: wrapped lines show whole paragraphs in the screenshots.
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'window.zoomLevel': 0,
};

/** @typedef {import('./oracle.mjs').Oracle} Oracle */

/** @type {import('./lib/workbench.mjs').Page | undefined} */
let currentPage;
const runner = new Runner({
  onFailure: async (suite, name) => {
    if (currentPage) await wb.screenshot(currentPage, screenshots, `fail-${slug(suite)}-${slug(name)}`);
  },
});

const started = Date.now();
try {
  await main();
} catch (error) {
  runner.record({ suite: 'setup', name: 'prepare the run', ok: false, ms: 0, error: String(error instanceof Error ? error.stack : error) });
}
console.log(`\ne2e: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
console.log(`${runner.passed} passed, ${runner.failed} failed`);
process.exitCode = runner.failed > 0 || runner.passed === 0 ? 1 : 0;

async function main() {
  assert.ok(existsSync(join(codeServerDir, 'out', 'node', 'entry.js')), `no code-server in ${codeServerDir}: run scripts/e2e-setup.sh`);
  assert.ok(existsSync(join(repo, 'dist', 'extension.js')), 'no dist/extension.js: run npm run build');
  mkdirSync(screenshots, { recursive: true });
  for (const stale of readdirSync(screenshots).filter((f) => f.startsWith('fail-'))) rmSync(join(screenshots, stale));
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  /** @type {Oracle | undefined} */
  let oracle;
  await runner.step('setup', 'the command line analyses the seeds (what the workbench should show)', async () => {
    try {
      oracle = loadOracle(join(repo, 'seeds'));
    } catch (error) {
      const stderr = /** @type {{ stderr?: string }} */ (error).stderr;
      throw new Error(`crosswire analyze --json seeds failed:\n${stderr ?? error}`);
    }
  });
  const need = () => {
    assert.ok(oracle, 'no analysis of the seeds to compare the workbench with');
    return oracle;
  };
  for (const pass of passes) {
    if (pass === 'main') {
      await withWorkbench('main', mainSettings(), async (ctx) => {
        await mainPass(ctx, manifest, need);
        await extensionPageSteps(ctx, runner, { screenshots, displayName: manifest.displayName });
      });
    }
    else if (pass === 'details') await withWorkbench('details', mainSettings(), (ctx) => detailsPass(ctx, runner, { oracle: need(), screenshots }));
    else if (pass === 'restricted') await withWorkbench('restricted', restrictedSettings(), (ctx) => restrictedPass(ctx, need));
    else if (pass === 'hostile') await withWorkbench('hostile', mainSettings(), (ctx) => hostilePass(ctx, runner));
    else if (pass === 'pages') await withWorkbench('pages', mainSettings(), (ctx) => pagesPass(ctx, runner));
    else if (pass === 'coverage') {
      for (const theme of /** @type {const} */ (['dark', 'light'])) {
        const settings = { ...mainSettings(), 'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern', 'crosswire.codeLens.enabled': true };
        await withWorkbench(`coverage (${theme})`, settings, (ctx) => coveragePass(ctx, runner, { theme, screenshots }));
      }
    }
    else if (pass === 'corrections') await withWorkbench('corrections', mainSettings(), (ctx) => correctionsPass(ctx, runner));
    else if (pass === 'contrast') {
      for (const theme of THEMES) {
        await withWorkbench(`contrast (${theme.id})`, { ...mainSettings(), 'workbench.colorTheme': theme.name, 'window.autoDetectHighContrast': false }, (ctx) => contrastPass(ctx, runner, { theme, screenshots }));
      }
    }
    else if (pass === 'scope') {
      const workspace = codeRepository();
      await withWorkbench('scope', mainSettings(), (ctx) => scopePass(ctx, runner, { screenshots }), { source: workspace, name: 'mailer' });
      rmSync(dirname(workspace), { recursive: true, force: true });
    }
    else if (pass === 'start') await startPass(runner, { codeServerDir, screenshots, keep: flags.keep });
    else throw new Error(`unknown pass ${pass}`);
  }
}

function mainSettings() {
  return { ...BASE_SETTINGS, 'security.workspace.trust.enabled': false };
}

/** Workspace trust on, and the folder never trusted: the workbench opens in Restricted Mode. */
function restrictedSettings() {
  return {
    ...BASE_SETTINGS,
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
  };
}

/**
 * @typedef {object} PassContext
 * @property {string} suite
 * @property {import('./lib/workbench.mjs').Page} page
 * @property {import('./lib/server.mjs').Sandbox} sandbox
 * @property {string} extensionId
 * @property {string[]} consoleErrors errors the extension host sent to the browser console
 */

/**
 * Starts a sandboxed server and browser for one pass, runs it, and always tears both down.
 * @param {string} suite
 * @param {Record<string, unknown>} settings
 * @param {(ctx: PassContext) => Promise<void>} body
 * @param {{ source: string, name: string }} [workspace] the folder to open a copy of; the seeds by default
 */
async function withWorkbench(suite, settings, body, workspace = { source: join(repo, 'seeds'), name: 'seeds' }) {
  console.log(`\n${suite}`);
  const root = mkdtempSync(join(tmpdir(), `crosswire-e2e-${suite}-`));
  const sandbox = makeSandbox(root, { workspaceSource: workspace.source, workspaceName: workspace.name, settings });
  const { id: extensionId } = installExtensionFolder(repo, sandbox.extensionsDir);
  const before = snapshot(sandbox.workspace);
  /** @type {import('./lib/server.mjs').RunningServer | undefined} */
  let server;
  /** @type {import('./lib/workbench.mjs').BrowserContext | undefined} */
  let context;
  try {
    const t0 = Date.now();
    server = await startCodeServer(codeServerDir, sandbox);
    const browser = await wb.launchBrowser(join(root, 'chromium'), sandbox.env);
    context = browser.context;
    const page = browser.page;
    currentPage = page;
    /** @type {string[]} */
    const consoleErrors = [];
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /crosswire/i.test(text)) consoleErrors.push(text);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    const url = server.url;
    await runner.step(suite, `the workbench opens the copied ${workspace.name} folder`, async () => {
      await wb.openWorkbench(page, url);
      const shown = (await wb.explorerNames(page)).sort();
      const onDisk = readdirSync(sandbox.workspace).filter((n) => !n.startsWith('.')).sort();
      assert.deepEqual(shown, onDisk);
      console.log(`      workbench ready ${((Date.now() - t0) / 1000).toFixed(1)} s after start`);
    });
    try {
      await body({ suite, page, sandbox, extensionId, consoleErrors });
    } catch (error) {
      // A step outside runner.step failed (a precondition): record it and still check the logs.
      runner.record({ suite, name: 'the remaining steps could run', ok: false, ms: 0, error: error instanceof Error ? error.message : String(error) });
    }
    await runner.step(suite, 'the extension logged no error', async () => {
      const problems = [...extensionErrors(sandbox.userDataDir, extensionId), ...consoleErrors];
      assert.deepEqual(problems, [], `errors from ${extensionId}:\n${problems.join('\n')}`);
    });
    await runner.step(suite, 'no article was changed: every file keeps its bytes and modification time', async () => {
      const after = snapshot(sandbox.workspace);
      for (const [name, was] of before) assert.deepEqual(after.get(name), was, `${name} changed`);
    });
  } finally {
    currentPage = undefined;
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (flags.keep) console.log(`      sandbox kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The reader's tour: highlights, a quote's card, its link, the palette command, the quote
 * navigation, the highlight toggle and the Entities view.
 * @param {PassContext} ctx
 * @param {any} manifest
 * @param {() => Oracle} need the analysis the workbench should show
 */
async function mainPass({ suite, page, sandbox }, manifest, need) {
  const titles = contributedTitles(manifest);
  const shot = (/** @type {string} */ name) => wb.screenshot(page, screenshots, name);
  const pair = () => {
    const found = need().bestCrossSourcePair();
    assert.ok(found, 'the analysis links no quote across two articles of the seeds');
    return found;
  };
  const command = (/** @type {string} */ title) => wb.runCommand(page, `${titles.category}: ${title}`);
  /** Whether anything is highlighted where the cursor lands at `p` (1-based line and column). */
  const highlightedAtCursor = async (/** @type {{ line: number, column: number }} */ p) => {
    await wb.goToLine(page, p.line, p.column);
    return (await wb.decorationsAtCursor(page)).length > 0;
  };
  /** Waits, up to `tries` quarter seconds, for the highlight at `p` to be there (`wanted`) or gone. */
  const waitForHighlight = async (/** @type {{ line: number, column: number }} */ p, /** @type {boolean} */ wanted, tries = 20) => {
    for (let i = 0; i < tries; i++) {
      if ((await highlightedAtCursor(p)) === wanted) return true;
      await page.waitForTimeout(250);
    }
    return false;
  };

  await runner.step(suite, 'an article opens with its quotes and names highlighted', async () => {
    const { from } = pair();
    await wb.openFromExplorer(page, from.doc.name);
    const t0 = Date.now();
    await wb.waitForDecorations(page);
    console.log(`      first highlights ${((Date.now() - t0) / 1000).toFixed(1)} s after opening`);
    await wb.waitForProgressToEnd(page, new RegExp(escapeRegExp(titles.container)));
    console.log(`      background indexing over ${((Date.now() - t0) / 1000).toFixed(1)} s after opening`);
    await wb.goToLine(page, from.line, from.column);
    const under = await wb.decorationsAtCursor(page);
    assert.ok(under.length > 0, `no highlight under the quote at ${from.line}:${from.column} (“${clip(from.quote.text)}”)`);
    // The quote's tint must stand out from the editor's background as clearly as a name's does.
    const tint = await highlightContrast(page, under.map((b) => b.className));
    console.log(`      quote highlight: ${tint.colour} over ${tint.background}, ${tint.difference} levels apart`);
    assert.ok(tint.difference >= 28, `the quote's highlight is faint: ${tint.colour} over ${tint.background}`);
    await expectNoUnicodeBoxes(page);
    const asked = (await wb.notifications(page)).filter((t) => /code repository|Use it in this workspace/i.test(t));
    assert.deepEqual(asked, [], 'a folder of articles was taken for a code repository');
    await page.mouse.move(5, 5);
    await shot('01-highlights');
  });

  await runner.step(suite, 'hovering a quote shows the card with the other outlets that reported it', async () => {
    const { from, to } = pair();
    const text = await hoverQuoteUntil(page, from, /Also reported by/i);
    assertNoMarkup(text);
    assert.ok(to.doc.names.some((n) => text.includes(n)), `the card does not name ${to.doc.names.join(' / ')}:\n${text}`);
    keepForReadme(await shot('02-hover'), 'hover-card');
  });

  await runner.step(suite, 'the card’s link opens the matching quote in the other article', async () => {
    const { from, to } = pair();
    if (!(await page.locator('.monaco-hover:visible').isVisible())) await hoverQuote(page, from);
    const link = page.locator('.monaco-hover:visible a').filter({ hasText: new RegExp(to.doc.names.map(escapeRegExp).join('|')) }).first();
    await link.waitFor({ timeout: 5_000 });
    await link.click();
    await wb.waitForActiveTab(page, to.doc.name);
    await expectCursorIn(page, need(), to.doc.name, [to.quote]);
    await page.mouse.move(5, 5);
    await shot('03-followed-link');
  });

  await runner.step(suite, 'Go to Matching Quote in Another Source, from the command palette', async () => {
    const { from } = pair();
    await wb.quickOpen(page, from.doc.name);
    await wb.goToLine(page, from.line, from.column + 1);
    await command(titles.goToMatchingQuote);
    const targets = need().linkedQuotesElsewhere(from.quote.id);
    // With one match the command goes straight there; with more it asks which, and a person takes
    // the first offered.
    const outcome = await page.waitForFunction(
      (name) => {
        const pick = document.querySelector('.quick-input-widget');
        if (pick instanceof HTMLElement && pick.offsetParent !== null && pick.style.display !== 'none') return 'asked';
        const tab = document.querySelector('.editor-group-container.active .tab.active');
        return tab && !tab.textContent?.includes(name) ? 'went' : false;
      },
      from.doc.name,
      { timeout: 10_000 },
    );
    const answer = await outcome.jsonValue();
    if (targets.length === 1) assert.equal(answer, 'went', 'with one matching quote the command asked which article to open');
    else assert.equal(answer, 'asked', `with ${targets.length} matching quotes the command did not ask which to open`);
    if (answer === 'asked') {
      const choices = await wb.quickPickRows(page);
      assert.ok(choices.length > 0, 'the command asked for an article but offered none');
      await shot('04-go-to-matching-choice');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (name) => document.querySelector('.editor-group-container.active .tab.active')?.textContent?.includes(name) === false,
        from.doc.name,
        { timeout: 10_000 },
      );
    }
    const landed = await wb.activeTabName(page);
    const expected = targets.filter((t) => t.doc.name === landed);
    assert.ok(expected.length > 0, `landed in ${landed}, which has no quote matching “${clip(from.quote.text)}”`);
    await expectCursorIn(page, need(), landed, expected.map((t) => t.quote));
    await shot('05-go-to-matching');
  });

  await runner.step(suite, 'a file that is not an article gets no highlights, quotes and names notwithstanding', async () => {
    const { from } = pair();
    // Quoted words and names in data, as an article's export might hold them.
    const name = 'export.json';
    const text = JSON.stringify({ note: from.quote.text, speaker: from.quote.speaker ?? 'a spokesman' }, null, 2);
    writeFileSync(join(sandbox.workspace, name), `${text.replace(/"note": "/, '"note": "“').replace(/",\n/, '”",\n')}\n`);
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(name)}]`).waitFor({ timeout: 10_000 });
    await wb.openFromExplorer(page, name);
    // Highlights show within a second on an article once the index is warm; give this one three.
    await page.waitForTimeout(3000);
    assert.deepEqual(await wb.decorationBoxes(page), [], 'a JSON file got highlights');
    await wb.openFromExplorer(page, from.doc.name);
    await wb.waitForDecorations(page, 5_000);
  });

  await runner.step(suite, 'Next Quote and Previous Quote step through the quotes of the article', async () => {
    const { from } = pair();
    await wb.quickOpen(page, from.doc.name);
    const quotes = need().document(from.doc.name).quotes;
    assert.ok(quotes.length >= 2, 'the article has fewer than two quotes');
    const [first, second] = quotes;
    await wb.goToLine(page, 1, 1);
    await command(titles.nextQuote);
    await expectCursorIn(page, need(), from.doc.name, [first]);
    await command(titles.nextQuote);
    await expectCursorIn(page, need(), from.doc.name, [second]);
    await command(titles.previousQuote);
    await expectCursorIn(page, need(), from.doc.name, [first]);
  });

  await runner.step(suite, 'Toggle Highlights hides every highlight, says so in the status bar, and shows them again', async () => {
    const off = page.locator('.statusbar-item', { hasText: /Highlights off/ });
    await wb.waitForDecorations(page, 5_000);
    await command(titles.toggleHighlights);
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .view-overlays [class*="TextEditorDecorationType"]').length === 0, undefined, { timeout: 5_000 });
    await off.first().waitFor({ timeout: 5_000 });
    await command(titles.toggleHighlights);
    await wb.waitForDecorations(page, 5_000);
    await off.first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    assert.equal(await off.count(), 0, 'the status bar still says the highlights are off');
  });

  await runner.step(suite, 'Reindex Workspace Articles says when it is done, and how many articles it indexed', async () => {
    await command(titleOf(manifest, 'crosswire.reindex'));
    const articles = readdirSync(sandbox.workspace).filter((n) => /\.(txt|md)$/.test(n)).length;
    const done = page.locator('.statusbar-item', { hasText: new RegExp(`Crosswire: ${articles} articles indexed`) });
    await done.first().waitFor({ timeout: 30_000 });
  });

  await runner.step(suite, 'the Entities view shows one entry for a person spelt differently across articles', async () => {
    const merged = need().mergedPeople();
    assert.ok(merged.length > 0, 'the analysis merges no differently spelt person across articles');
    await wb.openActivity(page, titles.container);
    await wb.resizeSidebar(page, 440);
    await wb.expandPane(page, titles.entitiesView);
    const rows = await wb.treeRows(page, titles.entitiesView);
    const shown = merged.filter((e) => rows.some((r) => r.label.includes(e.name)));
    assert.ok(shown.length > 0, `none of ${merged.map((e) => e.name).join(', ')} is a row of ${titles.entitiesView}:\n${rows.map((r) => r.label).join('\n')}`);
    // The seeds spell the US Secretary of State two ways; a reader expects one entry for him.
    const blinken = merged.find((e) => [e.name, ...e.aliases].includes('Antony Blinken') && [e.name, ...e.aliases].includes('Anthony Blinken'));
    assert.ok(blinken, `“Antony Blinken” and “Anthony Blinken” are not one entity; merged: ${merged.map((e) => `${e.name} (${e.aliases.join(', ')})`).join('; ')}`);
    assert.ok(rows.some((r) => r.label.includes(blinken.name)), `no row for ${blinken.name}`);
    const alias = blinken.aliases.find((a) => a.includes('Blinken')) ?? blinken.aliases[0];
    const rowText = await entityRowText(page, titles.entitiesView, blinken.name);
    assert.ok(rowText.includes(alias), `the ${blinken.name} entry does not show the alias ${alias}: ${rowText}`);
    keepForReadme(await shot('06-entities'), 'entities-view');
  });

  await runner.step(suite, 'Show Entity Mentions lists the person under every spelling and opens one', async () => {
    const blinken = need().mergedPeople().find((e) => e.aliases.includes('Anthony Blinken') || e.name === 'Anthony Blinken');
    assert.ok(blinken, 'no merged entity for Antony / Anthony Blinken');
    const spelling = blinken.name === 'Anthony Blinken' ? 'Antony Blinken' : 'Anthony Blinken';
    const row = wb.sidebarPane(page, titles.entitiesView).locator('.monaco-list-row', { hasText: blinken.name }).first();
    await row.hover();
    await row.locator(`.actions .action-label[aria-label^=${JSON.stringify(titles.showEntityMentions)}]`).click();
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.waitFor();
    assert.match((await title.innerText()).trim(), new RegExp(`${escapeRegExp(blinken.name)}\\D*${blinken.mentions} mention`));
    const spelt = need().mentionsOf(blinken.id).filter((m) => m.text === spelling);
    assert.ok(spelt.length > 0, `the analysis has no mention spelt ${spelling}`);
    await page.locator('.quick-input-widget .quick-input-box input').fill(spelling);
    // The list is there before the filter applies: wait until its first row is one of the spelling's.
    await page.waitForFunction(
      (text) => document.querySelector('.quick-input-list .monaco-list-row')?.textContent?.includes(text),
      spelling,
      { timeout: 10_000 },
    );
    await shot('07-entity-mentions');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // The chosen article opens after the picker closes: give the tab time to switch before reading it.
    const expected = [...new Set(spelt.map((m) => m.doc.name))];
    await page
      .waitForFunction(
        (names) => names.includes(document.querySelector('.editor-group-container.active .tab.active .label-name')?.textContent ?? ''),
        expected,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const landed = await wb.activeTabName(page);
    const here = spelt.filter((m) => m.doc.name === landed);
    assert.ok(here.length > 0, `opened ${landed}, where the analysis has no mention spelt ${spelling}`);
    await expectCursorIn(page, need(), landed, here);
  });

  await runner.step(suite, 'the Entities view’s title bar chooses which names are highlighted: only those in quotes, then every one again', async () => {
    const article = '003_2b7f539160dc2239.txt';
    const text = need().document(article).text;
    const at = (/** @type {string} */ needle, /** @type {number} */ offset) => {
      const i = text.indexOf(needle);
      assert.ok(i >= 0, `${needle} is not in ${article}`);
      const before = text.slice(0, i + offset);
      return { line: before.split('\n').length, column: i + offset - before.lastIndexOf('\n') };
    };
    const outside = at('In Beijing, Antony Blinken confronts', 14);
    const statement = at('I reiterated our grave concerns', 3);
    await wb.quickOpen(page, article);
    await wb.waitForDecorations(page);
    assert.ok(await waitForHighlight(outside, true), 'Antony Blinken, outside any quote, is not highlighted to begin with');
    const header = wb.sidebarPane(page, titles.entitiesView).locator('.pane-header');
    await header.hover();
    await header.locator('.action-label[aria-label^="Choose Which Names to Highlight"]').click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Only names inside quotes' }).first().click();
    assert.ok(await waitForHighlight(outside, false), 'a name outside any quote is still highlighted with only names inside quotes chosen');
    assert.ok(await highlightedAtCursor(statement), 'the statement lost its highlight');
    await page.mouse.move(5, 5);
    await shot('16-names-in-quotes');
    await command(titleOf(manifest, 'crosswire.chooseNameDensity'));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Every mention' }).first().click();
    assert.ok(await waitForHighlight(outside, true), 'Every mention did not bring the name back');
  });

  await runner.step(suite, 'crosswire.highlight.minConfidence leaves the names the recogniser is unsure of unhighlighted, and their card says how sure it was', async () => {
    // The least sure name of an article, and the surest outside any quote, by the command line's analysis.
    const names = need().mentions().filter((m) => m.confidence !== undefined && !m.quote);
    const unsure = names.reduce((a, b) => (b.confidence < a.confidence ? b : a));
    const sure = names.find((m) => m.doc.name === unsure.doc.name && m.confidence >= 0.95);
    assert.ok(unsure.confidence < 0.9 && sure, `no article has both a name the recogniser is unsure of and one it is sure of (${unsure.text} ${unsure.confidence})`);
    const threshold = (unsure.confidence + sure.confidence) / 2;
    // One character into each name, so that the cursor stands on it.
    const unsureAt = { line: unsure.line, column: unsure.column + 1 };
    const sureAt = { line: sure.line, column: sure.column + 1 };
    await wb.quickOpen(page, unsure.doc.name);
    await wb.waitForDecorations(page);
    assert.ok(await waitForHighlight(unsureAt, true, 40), `${unsure.text} is not highlighted to begin with`);
    const box = await wb.cursorBox(page);
    assert.ok(box, 'no cursor to hover at');
    const card = await wb.hoverAt(page, { x: box.x + 2, y: box.y + box.height / 2 });
    assert.match(card, new RegExp(`confidence ${Math.round(unsure.confidence * 100)} %`), `the card of ${unsure.text} does not say how sure the recogniser was: ${card}`);
    // As a reader sets it: in the Settings editor, found by its name.
    const setLeast = async (/** @type {number} */ value) => {
      await wb.runCommand(page, 'Preferences: Open Settings (UI)');
      const search = page.locator('.settings-editor .settings-header .suggest-input-container textarea, .settings-editor .settings-header input').first();
      await search.waitFor({ timeout: 10_000 });
      await search.fill('crosswire.highlight.minConfidence');
      // The search is applied after a pause: the one setting it finds, not the list shown before it.
      const item = page.locator('.settings-editor .setting-item-contents', { has: page.locator('.setting-item-label', { hasText: 'Min Confidence' }) }).first();
      const input = item.locator('input').first();
      await input.waitFor({ timeout: 10_000 });
      await input.fill(String(value));
      await input.press('Tab');
      await page.waitForTimeout(500);
      await wb.quickOpen(page, unsure.doc.name);
    };
    try {
      await setLeast(Number(threshold.toFixed(3)));
      assert.ok(await waitForHighlight(unsureAt, false, 40), `${unsure.text} (confidence ${unsure.confidence}) is still highlighted at ${threshold.toFixed(3)}: ${JSON.stringify(await wb.decorationsAtCursor(page))}`);
      assert.ok(await highlightedAtCursor(sureAt), `${sure.text} (confidence ${sure.confidence}) lost its highlight at ${threshold.toFixed(3)}`);
    } finally {
      await setLeast(0);
    }
    assert.ok(await waitForHighlight(unsureAt, true, 40), `${unsure.text} did not get its highlight back once the setting was removed`);
  });
}

/**
 * A contributed command's title.
 * @param {any} manifest
 * @param {string} id
 */
function titleOf(manifest, id) {
  const c = (manifest.contributes?.commands ?? []).find((/** @type {any} */ x) => x.command === id);
  assert.ok(c, `the manifest contributes no command ${id}`);
  return c.title;
}

/**
 * With the folder untrusted, the extension (which declares untrusted-workspace support) still
 * highlights and explains quotes.
 * @param {PassContext} ctx
 * @param {() => Oracle} need
 */
async function restrictedPass({ suite, page }, need) {
  await runner.step(suite, 'the folder is in Restricted Mode', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 10_000 });
  });

  await runner.step(suite, 'the extension still highlights an article', async () => {
    // Without an analysis to go by, any article must still show highlights.
    /** @type {ReturnType<Oracle['bestCrossSourcePair']>} */
    let pair;
    try {
      pair = need().bestCrossSourcePair();
    } catch {
      pair = undefined;
    }
    const name = pair?.from.doc.name ?? (await wb.explorerNames(page))[0];
    await wb.openFromExplorer(page, name);
    await wb.waitForDecorations(page);
    if (pair) {
      await wb.goToLine(page, pair.from.line, pair.from.column);
      // The names may be drawn a moment before the quotes: wait, as a reader would, for the quote's.
      let under = await wb.decorationsAtCursor(page);
      for (let i = 0; i < 20 && under.length === 0; i++) {
        await page.waitForTimeout(500);
        under = await wb.decorationsAtCursor(page);
      }
      assert.ok(under.length > 0, 'no highlight under a quote');
    }
    // Here VS Code boxes every character beyond ASCII (curly quotes included) on purpose, until the
    // folder is trusted: the extension leaves that warning alone.
    await page.mouse.move(5, 5);
    await wb.screenshot(page, screenshots, '08-restricted-mode');
  });

  await runner.step(suite, 'hovering a quote still shows its card', async () => {
    const pair = need().bestCrossSourcePair();
    assert.ok(pair, 'the analysis links no quote across two articles of the seeds');
    assertNoMarkup(await hoverQuoteUntil(page, pair.from, /Also reported by/i));
    await wb.screenshot(page, screenshots, '09-restricted-hover');
  });
}

/**
 * Hovers a quote until its card says what is expected. The other articles are indexed in the
 * background after the first one is drawn; as a reader would, this hovers again until the card
 * has caught up, and says how long that took.
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {import('./oracle.mjs').Located} at
 * @param {RegExp} expected
 * @param {number} [timeoutMs]
 * @returns {Promise<string>}
 */
async function hoverQuoteUntil(page, at, expected, timeoutMs = 30_000) {
  const t0 = Date.now();
  let text = '';
  /** @type {string | undefined} */
  let first;
  while (Date.now() - t0 < timeoutMs) {
    text = await hoverQuote(page, at);
    if (expected.test(text)) {
      if (first !== undefined) {
        console.log(`      the card showed ${expected} after ${((Date.now() - t0) / 1000).toFixed(1)} s; at first it said: ${clip(first)}`);
      }
      return text;
    }
    first ??= text;
    await page.waitForTimeout(1000);
  }
  assert.fail(`after ${timeoutMs / 1000} s the card over “${clip(at.quote.text)}” still says:\n${text}`);
}

/**
 * Puts the cursor at a quote and hovers the centre of the widest highlight there.
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {import('./oracle.mjs').Located} at
 * @returns {Promise<string>}
 */
async function hoverQuote(page, at) {
  await wb.goToLine(page, at.line, at.column);
  const under = await wb.decorationsAtCursor(page);
  assert.ok(under.length > 0, 'no highlight under the quote');
  const text = await wb.hoverAt(page, wb.centre(under[0]));
  assert.ok(text !== null, 'no card appeared over the quote');
  return text;
}

/**
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {Oracle} oracle
 * @param {string} docName
 * @param {readonly { start: number, end: number, text: string }[]} quotes spans (quotes or mentions); any will do
 */
async function expectCursorIn(page, oracle, docName, quotes) {
  /** @type {{ line: number, column: number } | null} */
  let at = null;
  // The cursor settles a moment after the editor opens.
  for (let i = 0; i < 20; i++) {
    at = await wb.cursorPosition(page);
    const offset = at && oracle.offsetOf(docName, at.line, at.column);
    if (offset !== null && offset !== undefined && quotes.some((q) => offset >= q.start - 2 && offset <= q.end + 1)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`cursor at ${JSON.stringify(at)} in ${docName}, not in ${quotes.map((q) => `“${clip(q.text)}” (${oracle.locate(docName, q.start)})`).join(' or ')}`);
}

/**
 * What a person reads about an entity without opening anything: its row, and the tooltip that
 * appears when the mouse rests on it (left showing, for the screenshot).
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {string} viewTitle
 * @param {string} name
 */
async function entityRowText(page, viewTitle, name) {
  const pane = wb.sidebarPane(page, viewTitle);
  const row = pane.locator('.monaco-list-row', { hasText: name }).first();
  const own = `${await row.innerText()} ${(await row.getAttribute('aria-label')) ?? ''}`;
  await page.mouse.move(5, 5);
  await row.hover();
  const tooltip = page.locator('.monaco-hover:visible, .workbench-hover:visible').filter({ hasText: name }).first();
  const text = await tooltip.waitFor({ timeout: 5_000 }).then(
    () => tooltip.innerText(),
    () => '',
  );
  return `${own}\n${text}`;
}

/**
 * The names the extension gives its view container, views and commands, read from its manifest
 * so the tests follow a renamed title.
 * @param {any} manifest
 */
function contributedTitles(manifest) {
  const contributes = manifest.contributes ?? {};
  const container = (contributes.viewsContainers?.activitybar ?? []).find((/** @type {any} */ c) => c.id === 'crosswire');
  const views = contributes.views?.crosswire ?? [];
  /** @param {string} id */
  const command = (id) => (contributes.commands ?? []).find((/** @type {any} */ c) => c.command === id);
  /** @param {string} id */
  const titleOf = (id) => {
    const c = command(id);
    assert.ok(c, `the manifest contributes no command ${id}`);
    return c.title;
  };
  assert.ok(container, 'the manifest contributes no crosswire view container');
  const entities = views.find((/** @type {any} */ v) => v.id === 'crosswire.entities');
  assert.ok(entities, 'the manifest contributes no crosswire.entities view');
  return {
    container: container.title,
    entitiesView: entities.name,
    category: command('crosswire.goToMatchingQuote')?.category ?? 'Crosswire',
    goToMatchingQuote: titleOf('crosswire.goToMatchingQuote'),
    nextQuote: titleOf('crosswire.nextQuote'),
    previousQuote: titleOf('crosswire.previousQuote'),
    toggleHighlights: titleOf('crosswire.toggleHighlights'),
    showEntityMentions: titleOf('crosswire.showEntityMentions'),
  };
}

/**
 * Curly quotes, apostrophes and non-breaking spaces are what news text is made of: in a trusted
 * folder VS Code must not box them as ambiguous or invisible characters.
 * @param {import('./lib/workbench.mjs').Page} page
 */
async function expectNoUnicodeBoxes(page) {
  const boxed = await page
    .locator('.editor-group-container.active .monaco-editor .view-overlays .unicode-highlight')
    .evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        const at = document.caretRangeFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        const c = at?.startContainer.textContent?.[at.startOffset] ?? '?';
        return `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
      }),
    );
  assert.deepEqual(boxed, [], `${boxed.length} characters of the article are boxed as suspicious: ${[...new Set(boxed)].join(', ')}`);
}

/**
 * The background a highlight paints (the first of `classNames` that has one) blended over the editor's
 * background, and how far apart the two are on the most different colour channel (0–255).
 * @param {import('./lib/workbench.mjs').Page} page
 * @param {string[]} classNames
 */
async function highlightContrast(page, classNames) {
  return page.evaluate((names) => {
    const parse = (/** @type {string} */ css) => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      const [r = 0, g = 0, b = 0, a = 1] = m ? m[1].split(',').map((x) => Number(x.trim())) : [];
      return { r, g, b, a };
    };
    const editor = document.querySelector('.editor-group-container.active .monaco-editor-background');
    const background = parse(editor ? getComputedStyle(editor).backgroundColor : 'rgb(0, 0, 0)');
    for (const name of names) {
      const element = document.querySelector(`.editor-group-container.active .view-overlays [class="${name}"]`);
      if (!element) continue;
      const colour = parse(getComputedStyle(element).backgroundColor);
      if (colour.a === 0) continue;
      const blend = (/** @type {'r' | 'g' | 'b'} */ c) => background[c] + (colour[c] - background[c]) * colour.a;
      const difference = Math.round(Math.max(...(/** @type {const} */ (['r', 'g', 'b'])).map((c) => Math.abs(blend(c) - background[c]))));
      return { colour: getComputedStyle(element).backgroundColor, background: getComputedStyle(editor ?? document.body).backgroundColor, difference };
    }
    return { colour: 'none', background: 'n/a', difference: 0 };
  }, classNames);
}

/**
 * A card is rendered Markdown: emphasis markers left in its text mean the reader sees `**` or
 * `~~` instead of bold or struck words.
 * @param {string} text
 */
function assertNoMarkup(text) {
  const leftover = /\*\*|~~|__|\\[*_~`]/.exec(text);
  assert.ok(!leftover, `the card shows raw Markdown (${leftover?.[0]}):\n${text}`);
}

/** @param {string} s */
function clip(s) {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** @param {string} s */
function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The bytes and modification time of every file in a folder, to show that the extension only reads.
 * @param {string} dir
 * @returns {Map<string, { sha1: string, mtimeMs: number }>}
 */
function snapshot(dir) {
  const out = new Map();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile()) out.set(name, { sha1: createHash('sha1').update(readFileSync(path)).digest('hex'), mtimeMs: stat.mtimeMs });
  }
  return out;
}
