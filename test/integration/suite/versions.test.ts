import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/features/present/commandIds';
import { VERSION_SCHEME } from '../../../src/features/compare';
import { analysed, closeAll, crossLinkedQuote, crosswire, eventually, open } from './helpers';

/** The diff editor's two documents, when the active tab is one. */
function activeDiff(): { original: vscode.Uri; modified: vscode.Uri } | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? { original: input.original, modified: input.modified } : undefined;
}

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

const HERE = 'Harbour Wire headline\n\nLISBON (Harbour Wire) – “We will spend nine million euros on the walls of the old harbour this year,” Mayor Ana Lopes said on Monday.\n';
const THERE = 'Coastal Post headline\n\nLISBON (Coastal Post) – “We would spend ninety million euros on the walls of the old harbour this year,” Governor Rui Costa said on Monday.\n';
const SAME = 'River News headline\n\nLISBON (River News) – “The council will meet again next week to vote on the budget for the harbour walls,” Mayor Ana Lopes said.\n';
const SAME_AGAIN = 'Valley Times headline\n\nLISBON (Valley Times) – “The council will meet again next week to vote on the budget for the harbour walls,” Mayor Ana Lopes said.\n';

describe('comparing versions and flags', function () {
  this.timeout(60000);
  const folder = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'flag-fixtures');
  const file = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(), name);

  before(async () => {
    const api = await crosswire();
    const files: [string, string][] = [['here.txt', HERE], ['there.txt', THERE], ['same.txt', SAME], ['same-again.txt', SAME_AGAIN]];
    for (const [name, text] of files) await vscode.workspace.fs.writeFile(file(name), new TextEncoder().encode(text));
    await eventually(() => files.every(([name]) => api.corpus.has(file(name).toString())), 'the fixtures to be indexed', 30000);
  });

  after(async () => {
    await closeAll();
    const api = await crosswire();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
    // A fixture the workbench still holds in memory leaves the index only once that copy is disposed:
    // the folder is gone from disk, which is what the specs after this one look at.
    await eventually(() => !api.corpus.uris().some((u) => u.includes('/flag-fixtures/')), 'the fixtures to leave the index', 10000).catch(() => undefined);
  });

  afterEach(closeAll);

  it('opens the diff editor on two versions, each named by its outlet and holding its quote and paragraph', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair, 'a quote other articles carry');
    await vscode.commands.executeCommand(Commands.compareVersions, pair.quote.id, pair.other.id);
    await eventually(() => !!activeDiff(), 'a diff editor');
    const diff = activeDiff()!;
    assert.equal(diff.original.scheme, VERSION_SCHEME);
    assert.equal(diff.modified.scheme, VERSION_SCHEME);
    const [left, right] = [await textOf(diff.original), await textOf(diff.modified)];
    assert.ok(left.includes(pair.quote.text.replace(/\s*\n\s*/g, ' ')), left);
    assert.ok(right.includes(pair.other.text.replace(/\s*\n\s*/g, ' ')), right);
    const outlet = api.corpus.document(pair.quote.uri)!.source;
    if (outlet) assert.ok(diff.original.path.includes(outlet), `${diff.original.path} named by ${outlet}`);
  });

  it('flags a changed number and modal and a different speaker in Problems, with a code action that compares them', async () => {
    const api = await crosswire();
    const editor = await open(file('here.txt'));
    await analysed(api, editor);
    let found: vscode.Diagnostic[] = [];
    await eventually(() => {
      found = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Crosswire');
      return found.length >= 2;
    }, 'the flags of the article', 15000);
    const codes = found.map((d) => String(d.code)).sort();
    assert.deepEqual(codes, ['altered-wording', 'attribution-conflict']);
    assert.match(found.find((d) => d.code === 'attribution-conflict')!.message, /Attributed to Ana Lopes here, to Rui Costa in Coastal Post/);
    assert.match(found.find((d) => d.code === 'altered-wording')!.message, /a number and a modal verb/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, found[0]!.range);
    const compare = actions.find((a) => /^Compare with the version in Coastal Post/.test(a.title));
    assert.ok(compare?.command, actions.map((a) => a.title).join(', '));
    await vscode.commands.executeCommand(compare.command.command, ...(compare.command.arguments ?? []));
    await eventually(() => !!activeDiff(), 'a diff editor from the code action');
    assert.match(await textOf(activeDiff()!.modified), /ninety million/);
  });

  it('flags nothing where two articles carry the same words from the same speaker, and counts them in a CodeLens', async () => {
    const api = await crosswire();
    const editor = await open(file('same.txt'));
    await analysed(api, editor);
    let lenses: vscode.CodeLens[] = [];
    await eventually(async () => {
      lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return lenses.some((l) => l.command?.title === 'in 1 other article');
    }, 'a CodeLens counting the other article', 15000);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Crosswire').map((d) => d.message), []);
  });

  it('moves to the next quote that other articles carry', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair);
    const editor = await open(pair.quote.uri);
    await analysed(api, editor);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.nextLinkedQuote);
    const at = editor.document.offsetAt(editor.selection.start);
    const q = api.corpus.quoteAt(pair.quote.uri, at);
    assert.ok(q, 'the selection is on a quote');
    assert.ok(api.corpus.linkedIds(q.id).some((id) => api.corpus.quote(id)?.uri !== q.uri), 'which another article carries');
  });
});
