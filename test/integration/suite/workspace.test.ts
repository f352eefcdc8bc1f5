import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { groupEntities, clusterQuotes } from '../../../src/features/present/treeModel';
import { articleUris, crosswire, eventually } from './helpers';

describe('workspace index', () => {
  it('picks up article files created and deleted on disk', async () => {
    const api = await crosswire();
    const [first] = await articleUris();
    const folder = vscode.Uri.joinPath(first!, '..');
    const uri = vscode.Uri.joinPath(folder, 'zz-crosswire-integration.txt');
    const text = 'Test headline\n\n“A sentence nobody else wrote,” the mayor said.\n';
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await eventually(() => api.corpus.document(uri.toString())?.text === text, 'the new file to be indexed', 10_000);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
    await eventually(() => !api.corpus.has(uri.toString()), 'the deleted file to leave the index', 10_000);
  });

  it('skips binary files', async () => {
    const api = await crosswire();
    const [first] = await articleUris();
    const uri = vscode.Uri.joinPath(first!, '..', 'zz-crosswire-binary.txt');
    try {
      await vscode.workspace.fs.writeFile(uri, new Uint8Array([72, 105, 0, 1, 2, 3]));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(api.corpus.has(uri.toString()), false);
    } finally {
      await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });

  it('feeds the side-bar trees: entities by type, statements shared across articles first', async () => {
    const api = await crosswire();
    const groups = groupEntities(api.corpus);
    assert.ok(groups.some((g) => g.type === 'person'), 'people are listed');
    for (const group of groups) {
      for (const summary of group.entities) {
        assert.equal(summary.entity.type, group.type);
        assert.equal(summary.articles.reduce((n, a) => n + a.mentions.length, 0), summary.mentionCount);
      }
    }
    const clusters = clusterQuotes(
      api.corpus.documents().flatMap((d) => d.quotes),
      (id) => api.corpus.linkedIds(id),
      (uri) => api.corpus.document(uri)?.title ?? uri,
    );
    assert.ok(clusters.length > 0);
    assert.ok(clusters[0]!.articleCount > 1, 'the first statement is reported by more than one article');
  });
});

describe('settings', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('crosswire').update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
    await (await crosswire()).whenIndexed();
  });

  it('re-reads crosswire.maxFileSizeKB and skips larger files, then takes them back', async () => {
    const api = await crosswire();
    // The workspace's articles, all over 1 KB (documents still open from other tests may be smaller).
    const files = new Set((await articleUris()).map((u) => u.toString()));
    const indexed = (): number => api.corpus.documents().filter((d) => files.has(d.uri)).length;
    const before = indexed();
    assert.ok(before > 0);
    await vscode.workspace.getConfiguration('crosswire').update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Global);
    await eventually(() => indexed() === 0, 'every article over 1 KB to be dropped', 10_000);
    await vscode.workspace.getConfiguration('crosswire').update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => indexed() === before, 'the articles to come back', 20_000);
  });
});
