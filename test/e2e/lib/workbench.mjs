// @ts-check
// Drives the VS Code workbench the way a person does: the explorer, quick open, the command
// palette, the mouse over a highlight. Selectors are those of VS Code 1.96's DOM.
import { chromium } from 'playwright-core';
import { join } from 'node:path';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {{ x: number, y: number, width: number, height: number }} Box */

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium headless with a throwaway profile.
 * @param {string} profileDir
 * @param {Record<string, string>} env HOME and XDG_* for the browser, inside the sandbox
 * @returns {Promise<{ context: BrowserContext, page: Page }>}
 */
export async function launchBrowser(profileDir, env) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CROSSWIRE_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    env: { ...process.env, ...env },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** The editor of the active editor group. */
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const DECORATION = '.view-overlays [class*="TextEditorDecorationType"]';

/**
 * Opens the workbench and waits until the explorer lists the workspace folder.
 * @param {Page} page
 * @param {string} url
 */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/** @param {Page} page @returns {Promise<string[]>} file and folder names shown in the explorer */
export async function explorerNames(page) {
  return page.locator('.explorer-folders-view .monaco-list-row .label-name').allTextContents();
}

/**
 * Clicks a file in the explorer and waits for its editor.
 * @param {Page} page
 * @param {string} name
 */
export async function openFromExplorer(page, name) {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label=${JSON.stringify(name)}]`).click();
  await waitForActiveTab(page, name);
}

/**
 * Opens a file through quick open (Ctrl+P), as one does with a name in mind.
 * @param {Page} page
 * @param {string} name
 */
export async function quickOpen(page, name) {
  await focusEditorArea(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(name);
  // Recently opened files are listed at once and fuzzy-match loosely; the file search result
  // comes a moment later. Pick the row that is this file, not whatever is first.
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^=${JSON.stringify(`${name},`)}]`).first();
  await row.click({ timeout: 10_000 });
  await waitForActiveTab(page, name);
}

/**
 * @param {Page} page
 * @param {string} name
 * @param {number} [timeout]
 */
export async function waitForActiveTab(page, name, timeout = 10_000) {
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ timeout });
  await page.locator(`${ACTIVE_EDITOR} .view-lines`).waitFor();
}

/** @param {Page} page @returns {Promise<string>} the title of the active editor tab */
export async function activeTabName(page) {
  return (await page.locator('.editor-group-container.active .tab.active .label-name').first().textContent()) ?? '';
}

/**
 * Gives the keyboard to the workbench rather than to whatever input had it.
 * @param {Page} page
 */
async function focusEditorArea(page) {
  await page.keyboard.press('Escape');
}

/**
 * Runs a command from the palette by its title, as shown there (`Category: Title`).
 * @param {Page} page
 * @param {string} title
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The row whose label is the title itself: another command's title may begin the same way.
  const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  // An editor that takes the focus as it redraws (the walkthrough ticking off a step) closes the
  // palette under the typing: a person opens it again.
  for (let attempt = 1; ; attempt++) {
    await focusEditorArea(page);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await row.waitFor({ timeout: 10_000 });
      // The palette can close between finding the row and clicking it, too.
      await row.click({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/**
 * The rows of a quick pick currently open, for commands that ask the user to choose.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function quickPickRows(page) {
  const widget = page.locator('.quick-input-widget');
  if (!(await widget.isVisible())) return [];
  return page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''),
  );
}

/**
 * Moves the cursor with Go to Line (Ctrl+G), 1-based like the status bar.
 * @param {Page} page
 * @param {number} line
 * @param {number} column
 */
export async function goToLine(page, line, column) {
  // Focus the editor's input directly: a click on the text can wait forever on a busy machine while the
  // editor is still scrolling or a hover fades out.
  await page.locator(`${ACTIVE_EDITOR} textarea`).first().focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await waitForCursor(page, line, column);
}

/**
 * @param {Page} page
 * @returns {Promise<{ line: number, column: number } | null>} the cursor as the status bar shows it
 */
export async function cursorPosition(page) {
  const text = await page.locator('#status\\.editor\\.selection').textContent({ timeout: 5_000 }).catch(() => null);
  const match = /Ln (\d+), Col (\d+)/.exec(text ?? '');
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
}

/**
 * @param {Page} page
 * @param {number} line
 * @param {number} column
 */
async function waitForCursor(page, line, column) {
  for (let i = 0; i < 50; i++) {
    const at = await cursorPosition(page);
    if (at && at.line === line && at.column === column) return;
    await page.waitForTimeout(50);
  }
}

/**
 * Boxes of the decorations drawn in the active editor's overlay layer (highlights with a
 * background or border), on the lines currently rendered.
 * @param {Page} page
 * @returns {Promise<(Box & { className: string })[]>}
 */
export async function decorationBoxes(page) {
  return page.locator(`${ACTIVE_EDITOR} ${DECORATION}`).evaluateAll((elements) =>
    elements
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, className: e.className };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
}

/**
 * Waits until the active editor shows at least one highlight.
 * @param {Page} page
 * @param {number} [timeout]
 */
export async function waitForDecorations(page, timeout = 20_000) {
  await page.locator(`${ACTIVE_EDITOR} ${DECORATION}`).first().waitFor({ timeout });
}

/**
 * Where the text cursor is drawn in the active editor.
 * @param {Page} page
 * @returns {Promise<Box | null>}
 */
export async function cursorBox(page) {
  const cursor = page.locator(`${ACTIVE_EDITOR} .cursors-layer .cursor`).first();
  return cursor.boundingBox();
}

/**
 * The highlights under the text cursor, largest first (a quote before a name inside it).
 * @param {Page} page
 * @returns {Promise<(Box & { className: string })[]>}
 */
export async function decorationsAtCursor(page) {
  const cursor = await cursorBox(page);
  if (!cursor) return [];
  const x = cursor.x + 2;
  const y = cursor.y + cursor.height / 2;
  return (await decorationBoxes(page))
    .filter((b) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height)
    .sort((a, b) => b.width - a.width);
}

/**
 * The highlights under the text cursor once there are any, waiting up to `timeoutMs` for them: an
 * article's names may be drawn a moment before its quotes, and a reader waits for the quote's.
 * @param {Page} page
 * @returns {Promise<(Box & { className: string })[]>} empty when none came
 */
export async function waitForDecorationsAtCursor(page, timeoutMs = 10_000) {
  const t0 = Date.now();
  let under = await decorationsAtCursor(page);
  while (under.length === 0 && Date.now() - t0 < timeoutMs) {
    await page.waitForTimeout(500);
    under = await decorationsAtCursor(page);
  }
  return under;
}

/**
 * Moves the mouse to a point and returns the text of the hover card that appears there.
 * @param {Page} page
 * @param {{ x: number, y: number }} point
 * @returns {Promise<string | null>} null when no hover appeared
 */
export async function hoverAt(page, point) {
  // Start from outside the editor so the hover is shown anew rather than kept from before.
  await page.mouse.move(5, 5);
  await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible').first();
  try {
    await hover.waitFor({ timeout: 5_000 });
  } catch {
    return null;
  }
  // The card fades in; give it a moment before reading or photographing it.
  await page.waitForTimeout(400);
  return (await hover.innerText()).trim();
}

/** @param {Box} box */
export function centre(box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Opens a view container from the activity bar by its title.
 * @param {Page} page
 * @param {string} title
 */
export async function openActivity(page, title) {
  const item = page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).first();
  await item.waitFor({ timeout: 20_000 });
  const checked = await item.evaluate((a) => a.closest('.action-item')?.classList.contains('checked') ?? false);
  if (!checked) await item.click();
  await page.locator('.part.sidebar .pane').first().waitFor();
}

/**
 * Rows of a side-bar view, as `label` plus `description` text and the row's accessible label.
 * @param {Page} page
 * @param {string} viewTitle the view's name as its header shows it
 * @returns {Promise<{ label: string, description: string, aria: string, level: number }[]>}
 */
export async function treeRows(page, viewTitle) {
  const pane = sidebarPane(page, viewTitle);
  await pane.locator('.monaco-list-row').first().waitFor({ timeout: 20_000 });
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.querySelector('.label-name')?.textContent ?? r.querySelector('.monaco-icon-label')?.textContent ?? '',
      description: r.querySelector('.label-description')?.textContent ?? '',
      aria: r.getAttribute('aria-label') ?? '',
      level: Number(r.getAttribute('aria-level') ?? '1'),
    })),
  );
}

/**
 * A side-bar view by the title in its header; expanded if it was collapsed.
 * @param {Page} page
 * @param {string} viewTitle
 */
export function sidebarPane(page, viewTitle) {
  return page.locator('.part.sidebar .pane', {
    has: page.locator('.pane-header', { has: page.locator(`h3.title:text-is("${viewTitle}")`) }),
  });
}

/**
 * Expands a collapsed side-bar view.
 * @param {Page} page
 * @param {string} viewTitle
 */
export async function expandPane(page, viewTitle) {
  const header = sidebarPane(page, viewTitle).locator('.pane-header');
  await header.waitFor({ timeout: 20_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
}

/**
 * Texts of the notification toasts on screen.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function notifications(page) {
  return page.locator('.notification-toast').allInnerTexts();
}

/**
 * @param {Page} page
 * @param {string} dir
 * @param {string} name file name without extension
 * @returns {Promise<string>} the file written
 */
export async function screenshot(page, dir, name) {
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Drags the side bar's edge so it is `width` pixels wide, as one does to read long tree rows.
 * @param {Page} page
 * @param {number} width
 */
export async function resizeSidebar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 2) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Waits until the status bar no longer shows a spinning item whose text matches `label`, the way
 * background work is announced (Crosswire's status item while it indexes, `window.withProgress`).
 * @param {Page} page
 * @param {RegExp} label
 * @param {number} [timeout]
 * @returns {Promise<number>} how long it took, in milliseconds
 */
export async function waitForProgressToEnd(page, label, timeout = 60_000) {
  const t0 = Date.now();
  await page.waitForFunction(
    (source) => {
      const pattern = new RegExp(source);
      return ![...document.querySelectorAll('.statusbar-item')].some(
        (item) => item.querySelector('[class*="~spin"], .codicon-modifier-spin') && pattern.test(item.textContent ?? ''),
      );
    },
    label.source,
    { timeout },
  );
  return Date.now() - t0;
}
