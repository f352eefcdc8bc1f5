// @ts-check
// The highlights' colours as drawn, in Dark Modern, Light Modern, Dark High Contrast and Light High
// Contrast, held to a stated minimum. Used by run.mjs as the `contrast` pass, once per theme, in a
// workbench with the seeds open.
//
// The minimum, for every theme:
// - every tint (people, places, organisations, statements) is at least TINT_LEVELS levels (of 255)
//   away from the editor's background on some colour channel, once blended over it;
// - the tints of people, places and organisations are at least TINT_LEVELS levels apart from each
//   other, so no two kinds of name look alike;
// - each kind of name also has its own line style under it (solid, dashed, dotted), so the kinds are
//   told apart without telling colours apart, and that line has a contrast ratio of at least
//   LINE_RATIO with the background (WCAG 2.1's minimum for user-interface graphics, 1.4.11);
// - in the high-contrast themes every name and every statement is outlined, with the same ratio.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wb from './lib/workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

export const TINT_LEVELS = 28;
export const LINE_RATIO = 3;

/** The themes checked, by the name the workbench settings use, and whether each is a high-contrast one. */
export const THEMES = [
  { id: 'dark', name: 'Default Dark Modern', highContrast: false },
  { id: 'light', name: 'Default Light Modern', highContrast: false },
  { id: 'hc-dark', name: 'Default High Contrast', highContrast: true },
  { id: 'hc-light', name: 'Default High Contrast Light', highContrast: true },
];

const ARTICLE = '003_2b7f539160dc2239.txt';

/**
 * Where a person, a place, an organisation (each outside any quote) and a statement stand in the
 * article, as the command line finds them.
 */
function samples() {
  const report = JSON.parse(execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'analyze', '--json', join(repo, 'seeds')], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const doc = report.documents.find((/** @type {{ path: string }} */ d) => d.path.endsWith(ARTICLE));
  assert.ok(doc, `${ARTICLE} is not in the report`);
  const text = readFileSync(join(repo, 'seeds', ARTICLE), 'utf8');
  /** @type {{ start: number, end: number, kind: string }[]} */
  const quotes = doc.quotes;
  const outside = (/** @type {{ start: number, end: number }} */ m) => !quotes.some((q) => m.start < q.end + 1 && m.end > q.start - 1);
  /** @type {Record<string, { text: string, line: number, column: number }>} */
  const out = {};
  for (const type of ['person', 'place', 'organization']) {
    const m = doc.mentions.find((/** @type {{ type: string, start: number, end: number }} */ x) => x.type === type && x.end - x.start >= 3 && outside(x));
    assert.ok(m, `no ${type} outside a quote in ${ARTICLE}`);
    out[type] = { text: m.text, ...lineColumn(text, m.start + 1) };
  }
  const statement = quotes.find((q) => q.kind === 'statement' && q.end - q.start > 20);
  assert.ok(statement, `no statement in ${ARTICLE}`);
  out.statement = { text: text.slice(statement.start, statement.start + 20), ...lineColumn(text, statement.start + 3) };
  return out;
}

/** @param {string} text @param {number} offset */
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * The computed look of the overlay element with this class in the active editor, and the editor's background.
 * @param {wb.Page} page
 * @param {string} className
 */
async function lookOf(page, className) {
  return page.evaluate((name) => {
    const element = document.querySelector(`.editor-group-container.active .view-overlays [class="${name}"]`);
    const editor = document.querySelector('.editor-group-container.active .monaco-editor-background');
    if (!element || !editor) return null;
    const s = getComputedStyle(element);
    return {
      background: getComputedStyle(editor).backgroundColor,
      tint: s.backgroundColor,
      lineStyle: s.borderBottomStyle,
      lineWidth: s.borderBottomWidth,
      lineColour: s.borderBottomColor,
      outlineStyle: s.outlineStyle,
      outlineWidth: s.outlineWidth,
      outlineColour: s.outlineColor,
    };
  }, className);
}

/** @param {string} css @returns {{ r: number, g: number, b: number, a: number }} */
function parse(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  const [r = 0, g = 0, b = 0, a = 1] = m ? m[1].split(/[,\s/]+/).filter(Boolean).map(Number) : [];
  return { r, g, b, a };
}

/** A colour blended over an opaque background. */
function over(/** @type {string} */ colour, /** @type {string} */ background) {
  const c = parse(colour);
  const b = parse(background);
  const mix = (/** @type {'r' | 'g' | 'b'} */ k) => b[k] + (c[k] - b[k]) * c.a;
  return { r: mix('r'), g: mix('g'), b: mix('b') };
}

/** Largest difference on one channel, in levels of 255. */
function levels(/** @type {{ r: number, g: number, b: number }} */ x, /** @type {{ r: number, g: number, b: number }} */ y) {
  return Math.round(Math.max(Math.abs(x.r - y.r), Math.abs(x.g - y.g), Math.abs(x.b - y.b)));
}

/** WCAG 2.1 contrast ratio of two opaque colours. */
function ratio(/** @type {{ r: number, g: number, b: number }} */ x, /** @type {{ r: number, g: number, b: number }} */ y) {
  const lum = (/** @type {{ r: number, g: number, b: number }} */ c) => {
    const ch = (/** @type {number} */ v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  };
  const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
}

/**
 * @param {{ suite: string, page: wb.Page }} ctx
 * @param {import('./lib/runner.mjs').Runner} runner
 * @param {{ theme: (typeof THEMES)[number], screenshots: string }} options
 */
export async function contrastPass({ suite, page }, runner, { theme, screenshots }) {
  /** @type {Record<string, NonNullable<Awaited<ReturnType<typeof lookOf>>>>} */
  const looks = {};
  await runner.step(suite, 'a person, a place, an organisation and a statement are highlighted', async () => {
    const where = samples();
    await wb.openFromExplorer(page, ARTICLE);
    await wb.waitForDecorations(page);
    for (const [kind, at] of Object.entries(where)) {
      let found = null;
      for (let i = 0; i < 20 && !found; i++) {
        await wb.goToLine(page, at.line, at.column);
        const under = await wb.decorationsAtCursor(page);
        // A statement's highlight is the widest under the cursor (a name in it is narrower); a name's,
        // outside any quote, the narrowest.
        const own = kind === 'statement' ? under[0] : under[under.length - 1];
        if (own) found = await lookOf(page, own.className);
        if (!found) await page.waitForTimeout(500);
      }
      assert.ok(found, `no highlight under the ${kind} “${at.text}” at ${at.line}:${at.column}`);
      looks[kind] = found;
    }
    await page.mouse.move(5, 5);
    await wb.screenshot(page, screenshots, `14-contrast-${theme.id}`);
  });

  await runner.step(suite, `every tint stands ${TINT_LEVELS} levels off the background, and the three kinds of name ${TINT_LEVELS} levels off each other`, async () => {
    const problems = [];
    /** @type {Record<string, { r: number, g: number, b: number }>} */
    const tints = {};
    for (const [kind, look] of Object.entries(looks)) {
      const background = over(look.background, 'rgb(0, 0, 0)');
      tints[kind] = over(look.tint, look.background);
      const off = levels(tints[kind], background);
      console.log(`      ${kind}: tint ${look.tint} over ${look.background}, ${off} levels off`);
      if (off < TINT_LEVELS) problems.push(`${kind}'s tint is ${off} levels off the background`);
    }
    for (const [a, b] of [['person', 'place'], ['person', 'organization'], ['place', 'organization']]) {
      const apart = levels(tints[a], tints[b]);
      if (apart < TINT_LEVELS) problems.push(`${a} and ${b} tints are ${apart} levels apart`);
    }
    assert.deepEqual(problems, []);
  });

  await runner.step(suite, `each kind of name has its own line style under it, with ${LINE_RATIO}:1 contrast or more`, async () => {
    const problems = [];
    const styles = new Set();
    for (const kind of ['person', 'place', 'organization']) {
      const look = looks[kind];
      const background = over(look.background, 'rgb(0, 0, 0)');
      const r = ratio(over(look.lineColour, look.background), background);
      console.log(`      ${kind}: ${look.lineStyle} ${look.lineWidth} ${look.lineColour} underline, ${r.toFixed(2)}:1`);
      if (look.lineStyle === 'none' || parseFloat(look.lineWidth) < 1) problems.push(`${kind} has no underline`);
      if (r < LINE_RATIO) problems.push(`${kind}'s underline has a contrast of ${r.toFixed(2)}:1`);
      styles.add(look.lineStyle);
    }
    assert.equal(styles.size, 3, `the kinds of name share line styles: ${[...styles].join(', ')}`);
    assert.deepEqual(problems, []);
  });

  if (theme.highContrast) {
    await runner.step(suite, `every name and statement is outlined, with ${LINE_RATIO}:1 contrast or more`, async () => {
      const problems = [];
      for (const [kind, look] of Object.entries(looks)) {
        const background = over(look.background, 'rgb(0, 0, 0)');
        const r = ratio(over(look.outlineColour, look.background), background);
        console.log(`      ${kind}: ${look.outlineStyle} ${look.outlineWidth} ${look.outlineColour} outline, ${r.toFixed(2)}:1`);
        if (look.outlineStyle === 'none' || parseFloat(look.outlineWidth) < 1) problems.push(`${kind} is not outlined`);
        else if (r < LINE_RATIO) problems.push(`${kind}'s outline has a contrast of ${r.toFixed(2)}:1`);
      }
      assert.deepEqual(problems, []);
    });
  }
}
