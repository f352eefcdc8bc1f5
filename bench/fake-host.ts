// Loads the bundled extension in a bare Node process with a minimal stand-in for the `vscode` module
// and times `require` and `activate()`. This is a fake host: it measures the extension's own start-up
// work, not VS Code's (no extension host, no real workspace, no UI).
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type AnyFn = (...args: unknown[]) => unknown;

/** A stand-in for any API object: every property is another stand-in, every call returns one. */
function standIn(path: string): unknown {
  const children = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as AnyFn;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then' || prop === '__esModule') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'length') return 0;
      if (prop === 'toString') return () => `[${path}]`;
      if (!children.has(prop)) children.set(prop, standIn(`${path}.${String(prop)}`));
      return children.get(prop);
    },
    set(_t, prop, value) {
      children.set(prop, value);
      return true;
    },
    apply(_t, _this, args) {
      // Configuration reads return the caller's default, as with an empty settings file.
      if (path.endsWith('.get') && args.length >= 2) return args[1];
      return standIn(`${path}()`);
    },
    construct() {
      return standIn(`new ${path}`) as object;
    },
  });
}

/** Names the bundle copies off the module object (esbuild's interop reads the module's own keys). */
const API = [
  'window', 'workspace', 'languages', 'commands', 'env', 'extensions', 'l10n', 'tasks', 'debug', 'scm', 'tests',
  'Uri', 'Range', 'Position', 'Selection', 'Location', 'Disposable', 'EventEmitter', 'ThemeColor', 'ThemeIcon',
  'MarkdownString', 'TreeItem', 'TreeItemCollapsibleState', 'DecorationRangeBehavior', 'OverviewRulerLane',
  'ProgressLocation', 'StatusBarAlignment', 'ConfigurationTarget', 'CancellationTokenSource', 'RelativePattern',
  'Hover', 'FileType', 'ViewColumn', 'TextEditorRevealType', 'SymbolKind', 'DocumentSymbol', 'SymbolInformation',
  'EndOfLine', 'CodeLens', 'DocumentLink', 'LogLevel', 'ExtensionMode', 'UIKind', 'FileSystemError',
  'CodeAction', 'CodeActionKind', 'Diagnostic', 'DiagnosticRelatedInformation', 'DiagnosticSeverity',
];

function fakeVscode(): unknown {
  const api: Record<string, unknown> = { version: '1.96.0', env: { language: 'en', appName: 'fake host', uiKind: 1 } };
  for (const name of API) if (!(name in api)) api[name] = standIn(`vscode.${name}`);
  const empty: Record<string, Record<string, unknown>> = {
    workspace: { workspaceFolders: undefined, textDocuments: [], name: undefined },
    window: { visibleTextEditors: [], activeTextEditor: undefined },
  };
  for (const [name, fields] of Object.entries(empty)) {
    const inner = api[name] as object;
    api[name] = new Proxy(inner, { get: (t, prop) => (prop in fields ? fields[prop as string] : Reflect.get(t, prop)) });
  }
  return new Proxy(api, {
    get(t, prop) {
      if (prop === '__esModule' || prop === 'then' || prop === 'default') return undefined;
      if (typeof prop === 'string' && !(prop in t)) t[prop] = standIn(`vscode.${prop}`);
      return Reflect.get(t, prop);
    },
  });
}

function memento(): unknown {
  const data = new Map<string, unknown>();
  return {
    get: (k: string, d?: unknown) => (data.has(k) ? data.get(k) : d),
    update: async (k: string, v: unknown) => void data.set(k, v),
    keys: () => [...data.keys()],
    setKeysForSync: () => undefined,
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: fake-host <extension.js>');
  const vscode = fakeVscode();
  const moduleApi = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = moduleApi._load;
  moduleApi._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
  };
  const root = join(dirname(file), '..');
  const subscriptions: unknown[] = [];
  const context = {
    subscriptions,
    extensionPath: root,
    extensionUri: standIn('extensionUri'),
    globalStorageUri: standIn('globalStorageUri'),
    logUri: standIn('logUri'),
    storageUri: undefined,
    globalState: memento(),
    workspaceState: memento(),
    secrets: standIn('secrets'),
    environmentVariableCollection: standIn('environmentVariableCollection'),
    extensionMode: 1,
    asAbsolutePath: (p: string) => join(root, p),
    extension: { id: 'crosswire.crosswire', extensionPath: root, packageJSON: {} },
  };

  let t = performance.now();
  const ext = createRequire(__filename)(file) as { activate?: (c: unknown) => unknown };
  const requireMs = performance.now() - t;
  if (typeof ext.activate !== 'function') throw new Error(`${file} exports no activate()`);
  t = performance.now();
  const returned = ext.activate(context);
  const activateMs = performance.now() - t;
  let settledMs: number | null = null;
  if (returned && typeof (returned as Promise<unknown>).then === 'function') {
    await returned;
    settledMs = performance.now() - t;
  }
  process.stdout.write(`\nFAKE-HOST ${JSON.stringify({ requireMs, activateMs, settledMs, subscriptions: subscriptions.length })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stdout.write(`\nFAKE-HOST ${JSON.stringify({ error: e instanceof Error ? e.message : String(e) })}\n`);
    process.exit(0);
  },
);
