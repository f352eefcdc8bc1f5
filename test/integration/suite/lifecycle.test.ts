import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrosswireStats } from '../../../src/extension';
import { articleUris, closeAll, crossLinkedQuote, crosswire, eventually, report } from './helpers';

/** How many documents are opened, edited and closed in a row. */
const DOCUMENTS = Number(process.env.CROSSWIRE_LIFECYCLE_DOCUMENTS ?? 1000);

/** The counts that must come back to where they were once every document is closed. */
function held(stats: CrosswireStats): Record<string, number> {
  return {
    documents: stats.documents,
    editorStates: stats.editorStates,
    pendingEdits: stats.pendingEdits,
    inFlight: stats.inFlight,
    queued: stats.queued,
    listeners: stats.listeners,
    ...stats.features,
  };
}

describe('lifecycle', function () {
  this.timeout(300_000);
  afterEach(closeAll);

  it(`opens, edits and closes ${DOCUMENTS} articles in a row and keeps state only for those still open`, async () => {
    const api = await crosswire();
    await closeAll();
    const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-lifecycle-'));
    const ours = (): vscode.TextDocument[] => vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.uri.fsPath.startsWith(dir));
    try {
      const before = held(api.stats());
      const t0 = Date.now();
      // In batches: each batch is opened and edited together, and one of its articles is shown in an
      // editor (highlights, hovers) and closed from there; the others are saved, which lets VS Code
      // close them once it no longer keeps them.
      const batch = 20;
      for (let first = 0; first < DOCUMENTS; first += batch) {
        const uris = Array.from({ length: Math.min(batch, DOCUMENTS - first) }, (_, j) => {
          const i = first + j;
          const file = path.join(dir, `article-${i}.txt`);
          writeFileSync(file, `Headline ${i}\n\n“Number ${i} is what we counted,” Mayor Ana Lopes said in Porto.\n`);
          return vscode.Uri.file(file);
        });
        const documents = await Promise.all(uris.map((u) => vscode.workspace.openTextDocument(u)));
        const editor = await vscode.window.showTextDocument(documents[0]!, { preview: true });
        const edit = new vscode.WorkspaceEdit();
        for (const d of documents) edit.insert(d.uri, new vscode.Position(2, 0), `She added: “Edit of ${d.uri.path.slice(-8)}.”\n`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        if (first % 200 === 0) {
          // Now and then wait for the analysis, so closing both before and after it is covered.
          const shown = editor.document;
          await eventually(() => api.corpus.document(shown.uri.toString())?.version === shown.version, 'the edit to be analysed', 20_000);
        }
        await Promise.all(documents.slice(1).map((d) => d.save()));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      const settled = (): boolean => {
        const now = api.stats();
        return now.pendingEdits === 0 && now.inFlight === 0 && now.queued === 0;
      };
      await eventually(settled, 'the analyses to finish', 30_000);
      const after = held(api.stats());
      const open = ours().length;
      report(
        `${DOCUMENTS} articles opened, edited and closed in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
          `${open} still open in VS Code; before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`,
      );
      assert.ok(open <= 100, `VS Code still holds ${open} of the documents`);
      assert.ok(after.editorStates <= before.editorStates! + open, 'state only for the documents still open');
      assert.ok(after.documents! <= before.documents! + open, 'closed articles from outside the workspace leave the index');
      for (const key of ['listeners', 'decorationTypes', 'pendingEdits', 'inFlight', 'queued']) {
        assert.equal(after[key], before[key], key);
      }
      assert.ok(after.paintedDocuments! <= before.paintedDocuments! + 1, 'decorations only for editors still shown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('moves an article’s entities and links at once when it is renamed, and drops them when it is deleted', async () => {
    const api = await crosswire();
    const pair = crossLinkedQuote(api);
    assert.ok(pair, 'the sample articles share a quote');
    const [first] = await articleUris();
    const folder = vscode.Uri.joinPath(first!, '..');
    const original = vscode.Uri.joinPath(folder, 'zz-lifecycle-original.txt');
    const renamed = vscode.Uri.joinPath(folder, 'zz-lifecycle-renamed.txt');
    const text = `Council meets\n\n“${pair.quote.text},” Councillor Wilhelmina Oyelaran-Brandt said on Tuesday.\n`;
    const linkedFrom = (uri: vscode.Uri): boolean =>
      api.corpus.linksOf(pair.quote.id).some((l) => api.corpus.uriOf(l.to) === uri.toString());
    let named = '';
    const mentionedIn = (uri: vscode.Uri): boolean =>
      api.corpus.entities().some((e) => e.name === named && api.corpus.mentionsOf(e.id).some((m) => m.uri === uri.toString()));
    try {
      await vscode.workspace.fs.writeFile(original, new TextEncoder().encode(text));
      await eventually(() => api.corpus.has(original.toString()), 'the new article to be indexed', 20_000);
      assert.ok(linkedFrom(original), 'the new article’s quote is linked to the seed quote');
      const mention = api.corpus.document(original.toString())!.mentions.find((m) => m.entity);
      assert.ok(mention, `a name is recognised in the new article: ${JSON.stringify(api.corpus.document(original.toString())!.mentions)}`);
      named = api.corpus.entity(mention.entity!)!.name;
      assert.ok(mentionedIn(original), `${named} is mentioned in the new article`);
      const analysed = api.stats().analysed;

      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(original, renamed);
      assert.ok(await vscode.workspace.applyEdit(rename), 'the rename was applied');
      await eventually(() => api.corpus.has(renamed.toString()) && !api.corpus.has(original.toString()), 'the article to move', 1000);
      assert.ok(linkedFrom(renamed), 'the link follows the renamed article');
      assert.ok(!linkedFrom(original));
      assert.ok(mentionedIn(renamed), 'the mention follows the renamed article');
      assert.ok(!mentionedIn(original), 'no mention is left under the old name');
      // The file watcher reports the move too: it must not cost a new analysis.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(api.stats().analysed, analysed, 'the renamed article was not analysed again');

      const remove = new vscode.WorkspaceEdit();
      remove.deleteFile(renamed);
      assert.ok(await vscode.workspace.applyEdit(remove), 'the deletion was applied');
      await eventually(() => !api.corpus.has(renamed.toString()), 'the deleted article to leave the index', 1000);
      assert.ok(!linkedFrom(renamed), 'no link to the deleted article is left');
      assert.ok(!mentionedIn(renamed), 'no mention of the deleted article is left');
    } finally {
      for (const uri of [original, renamed]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
