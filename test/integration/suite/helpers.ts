import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusQuote, DocumentAnalysis } from '../../../src/core/corpus';
import type { CrosswireApi } from '../../../src/extension';

export const EXTENSION_ID = 'crosswire.crosswire';

/** Activates the extension (as opening an article would) and waits for the workspace index. */
export async function crosswire(): Promise<CrosswireApi> {
  const ext = vscode.extensions.getExtension<CrosswireApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const api = await ext.activate();
  await api.whenIndexed();
  return api;
}

/** The workspace's article files, in path order. */
export async function articleUris(): Promise<vscode.Uri[]> {
  // As the extension's default crosswire.exclude: Crosswire's own folder (corrections, exports) holds no articles.
  const found = await vscode.workspace.findFiles('**/*.{txt,md}', '{**/node_modules/**,**/.crosswire/**}');
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

export async function open(uri: vscode.Uri | string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  return vscode.window.showTextDocument(document);
}

/** The corpus's analysis of an open editor's current text, once the edit debounce has let it through. */
export async function analysed(api: CrosswireApi, editor: vscode.TextEditor): Promise<DocumentAnalysis> {
  const key = editor.document.uri.toString();
  await eventually(() => api.corpus.document(key)?.text === editor.document.getText(), 'the editor text to be analysed');
  return api.corpus.document(key)!;
}

/** A statement that at least one other article reports, with that other quote. */
export function crossLinkedQuote(api: CrosswireApi): { quote: CorpusQuote; other: CorpusQuote } | undefined {
  for (const doc of api.corpus.documents()) {
    for (const quote of doc.quotes) {
      for (const link of api.corpus.linksOf(quote.id)) {
        const other = api.corpus.quote(link.to);
        if (other && other.uri !== quote.uri) return { quote, other };
      }
    }
  }
  return undefined;
}

/** Markdown of every hover part at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n\n');
}

/** Polls `check` until it returns true or the time runs out. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** Throws away unsaved edits (so nothing asks to save), waits for the corpus to follow, closes every editor. */
export async function closeAll(): Promise<void> {
  const api = await crosswire();
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await analysed(api, editor);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Reports a measurement with the test's result: to the code-server runner when it collects them,
 * else to the console.
 */
export function report(line: string): void {
  const sink = (globalThis as { crosswireReport?: { push(line: string): void } }).crosswireReport;
  if (sink) sink.push(line);
  else console.log(line);
}
