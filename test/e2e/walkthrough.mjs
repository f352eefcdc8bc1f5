// @ts-check
// Crosswire's walkthrough in the workbench: it opens from Welcome: Open Walkthrough…, lists the steps
// package.json declares, and a step is checked off when its action is done. Run alone with --shots,
// it takes the walkthrough's pictures (media/walkthrough/*-dark.png, *-light.png) from a real
// workbench over the sample articles, and one of the walkthrough itself for the README:
//
//   node test/e2e/walkthrough.mjs --shots
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadOracle } from './oracle.mjs';
import { installExtensionFolder, makeSandbox, startCodeServer } from './lib/server.mjs';
import { installedCodeServer } from './lib/installed.mjs';
import * as wb from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

/** @typedef {{ id: string, title: string, steps: { id: string, title: string, completionEvents: string[] }[] }} Walkthrough */

/** @returns {Walkthrough} the walkthrough package.json contributes */
export function contributedWalkthrough() {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const [walkthrough] = manifest.contributes.walkthroughs;
  return walkthrough;
}

/**
 * Opens the walkthrough as a newcomer finds it: the palette's Welcome: Open Walkthrough…, then its title.
 * @param {wb.Page} page
 * @param {Walkthrough} walkthrough
 */
export async function openWalkthrough(page, walkthrough) {
  await wb.runCommand(page, 'Welcome: Open Walkthrough...');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: walkthrough.title }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
  await page.locator('.gettingStartedSlideDetails .getting-started-step').first().waitFor({ timeout: 10_000 });
}

/**
 * @param {wb.Page} page
 * @returns {Promise<{ title: string, done: boolean }[]>} the steps the open walkthrough lists
 */
export async function listedSteps(page) {
  return page.locator('.gettingStartedSlideDetails .getting-started-step').evaluateAll((steps) =>
    steps.map((s) => ({ title: s.querySelector('.step-title')?.textContent?.trim() ?? '', done: s.querySelector('.codicon.complete') !== null })),
  );
}

/**
 * The walkthrough's checks, in a workbench showing articles.
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {string} suite
 * @param {wb.Page} page
 */
export async function walkthroughSteps(runner, suite, page) {
  const walkthrough = contributedWalkthrough();
  await runner.step(suite, 'the walkthrough opens from the palette and lists its steps', async () => {
    await openWalkthrough(page, walkthrough);
    const steps = await listedSteps(page);
    assert.deepEqual(steps.map((s) => s.title), walkthrough.steps.map((s) => s.title));
    // An article was opened before: the first step, which teaches that, is ticked off already.
    assert.equal(steps[0]?.done, true, 'opening an article did not tick off the first step');
  });
  await runner.step(suite, 'a walkthrough step is checked off by the action it teaches (opening the Entities view)', async () => {
    const entities = walkthrough.steps.findIndex((s) => s.completionEvents.includes('onView:crosswire.entities'));
    assert.ok(entities >= 0, 'no step completes on opening the Entities view');
    assert.equal((await listedSteps(page))[entities]?.done, false, 'the step was checked off before the view was opened');
    await wb.openActivity(page, 'Crosswire');
    await wb.expandPane(page, 'Entities');
    await openWalkthrough(page, walkthrough);
    await page.waitForFunction(
      (index) => !!document.querySelectorAll('.gettingStartedSlideDetails .getting-started-step')[index]?.querySelector('.codicon.complete'),
      entities,
      { timeout: 10_000 },
    );
  });
}

/** The workbench settings the pictures are taken with. */
const SHOT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
};

/** The pictures' size: readable in the walkthrough's media pane, small on disk. */
const VIEWPORT = { width: 1100, height: 680 };

/**
 * Takes each step's picture in the dark and the light theme.
 * @param {string} codeServerDir
 */
async function takeShots(codeServerDir) {
  const out = join(repo, 'media', 'walkthrough');
  mkdirSync(out, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'crosswire-walkthrough-'));
  const sandbox = makeSandbox(root, { workspaceSource: join(repo, 'seeds'), workspaceName: 'seeds', settings: SHOT_SETTINGS });
  const installed = installExtensionFolder(repo, sandbox.extensionsDir);
  mkdirSync(join(installed.dir, 'media', 'walkthrough'), { recursive: true });
  const oracle = loadOracle(join(repo, 'seeds'));
  const pair = oracle.bestCrossSourcePair();
  assert.ok(pair, 'no quote of the seeds is linked across articles');
  // A quote several other articles report, so that comparing versions offers a choice.
  const names = readdirSync(join(repo, 'seeds')).filter((n) => !n.startsWith('.')).sort();
  const widely = names
    .flatMap((name) => oracle.document(name).quotes.map((quote) => ({ name, quote, others: oracle.linkedQuotesElsewhere(quote.id).length })))
    .filter((q) => q.quote.kind === 'statement')
    .sort((a, b) => b.others - a.others)[0];
  assert.ok(widely && widely.others >= 2, 'no quote of the seeds is reported by three articles');
  const compared = oracle.locate(widely.name, widely.quote.start).split(':').map(Number);
  for (const theme of /** @type {const} */ (['dark', 'light'])) {
    const settings = { ...SHOT_SETTINGS, 'workbench.colorTheme': theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern' };
    writeFileSync(join(sandbox.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const server = await startCodeServer(codeServerDir, sandbox);
    const { context, page } = await wb.launchBrowser(join(root, `chromium-${theme}`), sandbox.env);
    try {
      await page.setViewportSize(VIEWPORT);
      await wb.openWorkbench(page, server.url);
      const shot = async (/** @type {string} */ name) => {
        const file = join(out, `${name}-${theme}.png`);
        await page.screenshot({ path: file });
        // A palette of 256 colours keeps text crisp at a fraction of the size (Debian's pngquant, when there).
        try {
          execFileSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--output', file, '256', file]);
        } catch {
          // Left as taken.
        }
        // The installed copy shows it too, in the picture of the walkthrough taken last.
        copyFileSync(file, join(installed.dir, 'media', 'walkthrough', `${name}-${theme}.png`));
        console.log(`  ${file}`);
      };

      await wb.runCommand(page, 'View: Show Explorer');
      await wb.openFromExplorer(page, pair.from.doc.name);
      await wb.waitForDecorations(page);
      await wb.waitForProgressToEnd(page, /Crosswire/);
      await wb.goToLine(page, pair.from.line, pair.from.column);
      await page.mouse.move(5, 5);
      await shot('open');

      // The other articles' links come as they are indexed: hover again until the card has them.
      let card = '';
      for (let i = 0; i < 20 && !/Also reported by/.test(card); i++) {
        if (i > 0) await page.waitForTimeout(1000);
        await wb.goToLine(page, pair.from.line, pair.from.column);
        const under = await wb.decorationsAtCursor(page);
        card = under[0] ? ((await wb.hoverAt(page, wb.centre(under[0]))) ?? '') : '';
      }
      assert.match(card, /Also reported by/);
      await shot('card');
      await page.mouse.move(5, 5);

      await wb.openActivity(page, 'Crosswire');
      await wb.expandPane(page, 'Entities');
      await wb.treeRows(page, 'Entities');
      await page.mouse.move(700, 300);
      await shot('entities');

      await wb.quickOpen(page, widely.name);
      await wb.goToLine(page, compared[0] ?? 1, (compared[1] ?? 1) + 1);
      await wb.runCommand(page, 'Crosswire: Compare Versions');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor({ timeout: 10_000 });
      await page.mouse.move(5, 5);
      await page.waitForTimeout(1000);
      await shot('compare');

      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget .quick-input-box input').fill('>Crosswire');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Crosswire' }).first().waitFor();
      await page.waitForTimeout(300);
      await shot('palette');
      await page.keyboard.press('Escape');

      await wb.runCommand(page, 'Crosswire: Show Coverage of the Story');
      await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('table').waitFor({ timeout: 30_000 });
      await wb.runCommand(page, 'View: Close Primary Side Bar');
      await page.mouse.move(5, 5);
      await page.waitForTimeout(1000);
      await shot('coverage');
      await wb.runCommand(page, 'View: Close Editor');
      await wb.runCommand(page, 'View: Toggle Primary Side Bar Visibility');

      // The walkthrough itself, for the README, with the steps just done ticked off.
      await page.setViewportSize({ width: 1280, height: 760 });
      await wb.runCommand(page, 'View: Close Primary Side Bar');
      await openWalkthrough(page, contributedWalkthrough());
      await page.mouse.move(5, 5);
      await page.waitForTimeout(1000);
      await shot('walkthrough');
    } finally {
      await context.close().catch(() => undefined);
      await server.stop();
    }
  }
  rmSync(root, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  assert.ok(process.argv.includes('--shots'), 'usage: node test/e2e/walkthrough.mjs --shots');
  await takeShots(installedCodeServer());
}
