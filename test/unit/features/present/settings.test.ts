import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleMatcher } from '../../../../src/features/present/articleMatcher';
import { COMMANDS } from '../../../../src/features/present/commandIds';
import { LineIndex } from '../../../../src/features/present/lineIndex';
import { ThemeColors } from '../../../../src/features/present/themeColors';
import { DEFAULT_SETTINGS, MAX_FILE_SIZE_KB_LIMIT, readSettings, SETTING_KEYS } from '../../../../src/features/present/settings';

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  contributes: {
    commands: { command: string; title: string; category: string; icon?: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    configuration: { properties: Record<string, { default: unknown; minimum?: number; maximum?: number; markdownDescription?: string; enum?: string[]; enumDescriptions?: string[] }> };
    colors: { id: string; defaults: Record<string, string> }[];
    keybindings: { command: string; key: string; mac?: string; when: string }[];
    viewsWelcome: { view: string; contents: string }[];
  };
}
const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as Manifest;
const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

describe('settings', () => {
  it('reads the defaults when nothing is set', () => {
    assert.deepEqual(readSettings(config({})), DEFAULT_SETTINGS);
  });

  it('reads every key and falls back on ill-typed values', () => {
    const s = readSettings(
      config({
        articles: '  news/**/*.txt ',
        exclude: ['**/drafts/**', 42, ''],
        maxFileSizeKB: -3,
        'highlight.people': false,
        'highlight.quoteStyle': 'sparkles',
        'hover.maxLinks': 2.7,
      }),
    );
    assert.equal(s.articles, 'news/**/*.txt');
    assert.deepEqual(s.exclude, ['**/drafts/**']);
    assert.equal(s.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
    assert.equal(s.highlight.people, false);
    assert.equal(s.highlight.places, true);
    assert.equal(s.highlight.quoteStyle, 'background');
    assert.equal(s.hover.maxLinks, 2);
  });

  it('clamps the size limit to its maximum, the one package.json declares', () => {
    const size = manifest.contributes.configuration.properties['crosswire.maxFileSizeKB']!;
    assert.equal(size.maximum, MAX_FILE_SIZE_KB_LIMIT);
    assert.equal(size.minimum, 1);
    assert.equal(readSettings(config({ maxFileSizeKB: 1e9 })).maxFileSizeKB, MAX_FILE_SIZE_KB_LIMIT);
    assert.equal(readSettings(config({ maxFileSizeKB: Infinity })).maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
    assert.equal(readSettings(config({ maxFileSizeKB: 2048 })).maxFileSizeKB, 2048);
    assert.equal(readSettings(config({ maxFileSizeKB: 0 })).maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
  });

  it('reads the confidence below which names are not drawn, from 0 to 1', () => {
    const least = manifest.contributes.configuration.properties['crosswire.highlight.minConfidence']!;
    assert.equal(least.minimum, 0);
    assert.equal(least.maximum, 1);
    assert.equal(readSettings(config({ 'highlight.minConfidence': 0.6 })).highlight.minConfidence, 0.6);
    assert.equal(readSettings(config({ 'highlight.minConfidence': 7 })).highlight.minConfidence, 1);
    assert.equal(readSettings(config({ 'highlight.minConfidence': -1 })).highlight.minConfidence, 0);
    assert.equal(readSettings(config({ 'highlight.minConfidence': 'high' })).highlight.minConfidence, 0);
  });

  it('matches package.json: same keys, same defaults, each described', () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map((k) => `crosswire.${k}`).sort());
    const fromManifest = readSettings(config(Object.fromEntries(SETTING_KEYS.map((k) => [k, props[`crosswire.${k}`]!.default]))));
    assert.deepEqual(fromManifest, DEFAULT_SETTINGS);
    for (const [key, p] of Object.entries(props)) {
      assert.ok(p.markdownDescription, `${key} has a description`);
      if (p.enum) assert.equal(p.enumDescriptions?.length, p.enum.length, `${key} describes each value`);
    }
  });
});

describe('manifest', () => {
  it('contributes exactly the command table, in category Crosswire, hiding internal commands', () => {
    const contributed = manifest.contributes.commands;
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(COMMANDS).map((c) => c.id).sort());
    for (const c of contributed) {
      assert.equal(c.category, 'Crosswire');
      assert.match(c.command, /^crosswire\.[a-z]+[A-Za-z]*$/, 'ids are crosswire.camelCase');
    }
    const palette = new Map(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
    for (const info of Object.values(COMMANDS)) {
      if (info.palette === 'never') assert.equal(palette.get(info.id), 'false', `${info.id} is hidden`);
      if (info.palette === 'always') assert.equal(palette.has(info.id), false, `${info.id} is in the palette`);
      if (info.palette === 'disabled') assert.equal(palette.get(info.id), 'crosswire.off', `${info.id} is offered only while Crosswire is off`);
      if (info.palette === 'enabled') assert.equal(palette.get(info.id), '!crosswire.off', `${info.id} is offered only while Crosswire is on`);
    }
  });

  it('never activates on start-up for every workspace, and declares trust and virtual workspace support', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.every((e) => !e.startsWith('onStartupFinished')));
    const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
    assert.equal(virtualWorkspaces, true);
    // Works in Restricted Mode, but an untrusted workspace's settings cannot raise the size limit.
    assert.equal(untrustedWorkspaces.supported, 'limited');
    assert.ok(untrustedWorkspaces.description);
    assert.deepEqual(untrustedWorkspaces.restrictedConfigurations, ['crosswire.maxFileSizeKB']);
  });

  it('contributes the colours the decorations draw with, each with light, dark and both high-contrast defaults', () => {
    assert.deepEqual(manifest.contributes.colors.map((c) => c.id).sort(), Object.values(ThemeColors).sort());
    for (const c of manifest.contributes.colors) {
      assert.deepEqual(Object.keys(c.defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light']);
      for (const v of Object.values(c.defaults)) assert.match(v, /^#[0-9a-f]{6}([0-9a-f]{2})?$/i);
    }
  });

  it('binds keys to stepping through quotes, going to the matching quote, revealing an entity and toggling highlights', () => {
    const bound = new Set(manifest.contributes.keybindings.map((k) => k.command));
    for (const id of [COMMANDS.nextQuote.id, COMMANDS.previousQuote.id, COMMANDS.goToMatchingQuote.id, COMMANDS.revealEntity.id, COMMANDS.toggleHighlights.id]) {
      assert.ok(bound.has(id), `${id} has no key`);
    }
    const keys = manifest.contributes.keybindings.map((k) => k.key);
    assert.equal(new Set(keys).size, keys.length, 'two commands share a key');
  });

  it('writes the views’ empty states in words their renderer shows as written (it draws links, not code)', () => {
    for (const w of manifest.contributes.viewsWelcome) assert.ok(!w.contents.includes('`'), `literal backticks in the ${w.view} empty state: ${w.contents}`);
  });

  it('binds keys only in article editors, and not to keys that type characters on a Mac', () => {
    for (const k of manifest.contributes.keybindings) {
      assert.match(k.when, /crosswire\.isArticle/);
      assert.ok(k.mac && /ctrl\+/.test(k.mac), `${k.command} has a Mac binding that does not type a character`);
    }
  });
});

describe('article matcher', () => {
  const m = new ArticleMatcher(DEFAULT_SETTINGS.articles, DEFAULT_SETTINGS.exclude);

  it('takes text and markdown files at any depth', () => {
    assert.ok(m.matches('a.txt'));
    assert.ok(m.matches('news/2024/april/b.md'));
    assert.ok(m.matches('.hidden/c.txt'));
  });

  it('leaves out other files and the usual build and dependency folders', () => {
    assert.ok(!m.matches('a.json'));
    assert.ok(!m.matches('a.txt.bak'));
    assert.ok(!m.matches('node_modules/pkg/README.md'));
    assert.ok(!m.matches('web/node_modules/pkg/notes.txt'));
    assert.ok(!m.matches('.git/COMMIT_EDITMSG.txt'));
    assert.ok(!m.matches('dist/out.txt'));
    assert.ok(!m.matches('out/report.md'));
    assert.ok(!m.matches('.crosswire/export/brat/a.txt'), 'an export of the analysis is not an article');
  });

  it('accepts Windows separators and joins excludes into one glob for file search', () => {
    assert.ok(m.matches('news\\a.txt'));
    assert.ok(!m.matches('node_modules\\x\\a.txt'));
    assert.equal(m.excludeGlob(), '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.crosswire/**}');
    assert.equal(new ArticleMatcher('*.txt', []).excludeGlob(), undefined);
    assert.ok(!new ArticleMatcher('*.txt', []).matches('sub/a.txt'), 'a glob without ** stays at the top level');
  });

  it('tells which folders the excludes leave out whole, so the listing need not enter them', () => {
    assert.ok(m.excludesFolder('node_modules'));
    assert.ok(m.excludesFolder('a/b/.git/'));
    assert.ok(m.excludesFolder('news\\dist'));
    assert.ok(!m.excludesFolder('news'));
    assert.ok(!m.excludesFolder('distant'));
    assert.ok(!m.excludesFolder(''), 'never the workspace folder itself');
  });
});

describe('line index', () => {
  it('turns offsets into positions across \\n, \\r\\n and \\r line breaks', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 3, character: 2 }, 'clamped to the end');
  });
});
