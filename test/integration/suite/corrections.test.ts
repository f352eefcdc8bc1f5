import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/features/present/commandIds';
import { analysed, closeAll, crossLinkedQuote, crosswire, eventually, open } from './helpers';

async function actionTitles(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).map((a) => a.title).filter((t) => t.startsWith('Crosswire: '));
}

async function correctionsFile(): Promise<{ corrections: { kind: string }[] } | undefined> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.crosswire', 'corrections.json'))));
  } catch {
    return undefined;
  }
}

describe('corrections', () => {
  afterEach(closeAll);

  it('offers the corrections of a quote and of a name as code actions', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    const editor = await open(pair.quote.uri);
    const doc = await analysed(api, editor);
    const at = editor.document.positionAt(pair.quote.start + 1);
    const onQuote = await actionTitles(editor.document.uri, new vscode.Range(at, at));
    for (const t of ['Set Speaker…', 'Not a Quote', 'Unlink These Quotes…', 'Link to Quote…']) assert.ok(onQuote.includes(`Crosswire: ${t}`), `${t} in ${onQuote.join(', ')}`);
    const mention = doc.mentions.find((m) => !doc.quotes.some((q) => m.start < q.outer.end && q.outer.start < m.end));
    assert.ok(mention, 'a name outside the quotes');
    const name = editor.document.positionAt(mention.start + 1);
    const onName = await actionTitles(editor.document.uri, new vscode.Range(name, name));
    assert.ok(onName.some((t) => t.startsWith('Crosswire: Not an Entity')), onName.join(', '));
    assert.ok(onName.includes('Crosswire: Change Type…'));
    assert.ok(!onName.includes('Crosswire: Set Speaker…'), 'no quote there');
  });

  it('Not a Quote takes the quote out at once, in the workspace’s corrections file, and Undo puts it back', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    const uri = vscode.Uri.parse(pair.quote.uri);
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = pair.quote.text;
    await vscode.commands.executeCommand(Commands.notAQuote, pair.quote.id);
    await eventually(() => !api.corpus.document(pair.quote.uri)!.quotes.some((q) => q.start === pair.quote.start && q.text === text), 'the quote to be gone');
    const other = api.corpus.document(pair.other.uri)!.quotes.find((q) => q.start === pair.other.start)!;
    assert.ok(!api.corpus.linksOf(other.id).some((l) => api.corpus.quote(l.to)?.uri === pair.quote.uri && api.corpus.quote(l.to)?.start === pair.quote.start), 'the other version no longer links to it');
    assert.deepEqual((await correctionsFile())?.corrections.map((c) => c.kind), ['not-a-quote']);
    assert.deepEqual(await vscode.workspace.fs.readFile(uri), bytes, 'the article is not written');

    await vscode.commands.executeCommand(Commands.undoCorrection);
    await eventually(() => api.corpus.document(pair.quote.uri)!.quotes.some((q) => q.start === pair.quote.start && q.text === text), 'the quote to be back');
    assert.deepEqual((await correctionsFile())?.corrections, []);
  });
});

describe('Export Analysis', () => {
  afterEach(closeAll);

  it('writes the analysis into the workspace’s .crosswire/export, whose copies of the texts are not taken for articles', async () => {
    const api = await crosswire();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const documents = api.corpus.documents().length;
    const quotes = api.corpus.documents().reduce((n, d) => n + d.quotes.length, 0);
    const exported = vscode.Uri.joinPath(folder, '.crosswire', 'export');
    try {
      await exportsInto(exported, documents, quotes, api);
    } finally {
      // The other suites list the workspace's files: the copies must not stay among them.
      await vscode.workspace.fs.delete(exported, { recursive: true, useTrash: false });
    }
  });

  it('refuses to write among the articles', async () => {
    await crosswire();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const among = vscode.Uri.joinPath(folder, 'export-here');
    await vscode.commands.executeCommand(Commands.exportAnalysis, 'jsonl', among);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(among)), 'nothing was written');
  });
});

/** Exports the analysis as CSV and as brat under `dir`, and checks what was written. */
async function exportsInto(dir: vscode.Uri, documents: number, quotes: number, api: Awaited<ReturnType<typeof crosswire>>): Promise<void> {
  const csv = vscode.Uri.joinPath(dir, 'csv');
  await vscode.commands.executeCommand(Commands.exportAnalysis, 'csv', csv);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(csv, 'quotes.csv'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, for Excel');
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.startsWith('quote,article,'), text.slice(0, 40));
  assert.ok(text.split('\r\n').length > quotes, 'a row per quote');

  const brat = vscode.Uri.joinPath(dir, 'brat');
  await vscode.commands.executeCommand(Commands.exportAnalysis, 'brat', brat);
  const written = (await vscode.workspace.fs.readDirectory(brat)).map(([name]) => name);
  assert.equal(written.filter((n) => n.endsWith('.ann')).length, documents);
  await new Promise((r) => setTimeout(r, 1500));
  await api.whenIndexed();
  assert.equal(api.corpus.documents().length, documents, 'the exported texts are not indexed as articles');
}
