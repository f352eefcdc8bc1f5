import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/features/present/commandIds';
import { articleUris, crosswire, EXTENSION_ID, open, report } from './helpers';

describe('activation', () => {
  it('activates on an article and registers every command', async () => {
    const [first] = await articleUris();
    assert.ok(first, 'the test workspace has articles');
    await open(first);
    const api = await crosswire();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { id } of Object.values(COMMANDS)) assert.ok(registered.has(id), `${id} is registered`);
    assert.ok(api.corpus, 'the API exposes the corpus');
  });

  it('returns from activate() quickly, leaving the analysis to worker threads', async () => {
    const api = await crosswire();
    report(`activate() took ${api.activationMs.toFixed(1)} ms (budget 20 ms)`);
    // Generous for a loaded test machine; the figure above is the one to watch.
    assert.ok(api.activationMs < 100, `activate() took ${api.activationMs.toFixed(1)} ms`);
    const stats = api.stats();
    assert.ok(stats.analysed + stats.reused >= api.corpus.documents().length, 'every article came from the workers or the index cache');
  });

  it('does not activate on every start-up', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { activationEvents: string[] };
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('indexes every article in the workspace, including ones never opened', async () => {
    const api = await crosswire();
    const uris = (await articleUris()).map((u) => u.toString());
    const indexed = api.corpus.documents().map((d) => d.uri);
    for (const uri of uris) assert.ok(indexed.includes(uri), `${uri} is indexed`);
  });

  it('gives each article a title that is not its file name', async () => {
    const api = await crosswire();
    for (const doc of api.corpus.documents()) {
      const fileName = doc.uri.split('/').pop()!;
      assert.notEqual(doc.title, decodeURIComponent(fileName));
      assert.ok(doc.title.trim().length > 0);
    }
  });
});
