import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderKind, workspaceKind, type FolderEntry } from '../../../src/core/folder-kind';

const file = (name: string): FolderEntry => ({ name, directory: false });
const dir = (name: string): FolderEntry => ({ name, directory: true });

function entriesOf(path: string): FolderEntry[] {
  return readdirSync(path).map((name) => ({ name, directory: statSync(join(path, name)).isDirectory() }));
}

describe('folder kind: articles or a code repository', () => {
  it('takes the sample articles for a folder of articles', () => {
    assert.equal(folderKind(entriesOf(join(__dirname, '../../../seeds'))).kind, 'articles');
  });

  it('takes this project, with its package.json, for a code repository, and says why', () => {
    const kind = folderKind(entriesOf(join(__dirname, '../../..')));
    assert.equal(kind.kind, 'code');
    assert.match(kind.reason, /package\.json/);
  });

  it('knows the manifests of other languages', () => {
    for (const manifest of ['Cargo.toml', 'go.mod', 'pyproject.toml', 'pom.xml', 'Makefile', 'App.csproj']) {
      assert.equal(folderKind([file('README.md'), file(manifest)]).kind, 'code', manifest);
    }
  });

  it('takes a Git repository of articles for articles, and one with a src folder or source files for code', () => {
    assert.equal(folderKind([dir('.git'), file('a.md'), file('b.txt'), dir('2024')]).kind, 'articles');
    assert.equal(folderKind([dir('.git'), dir('src'), file('README.md')]).kind, 'code');
    assert.equal(folderKind([dir('.git'), file('main.py'), file('notes.md')]).kind, 'code');
    assert.equal(folderKind([file('a.py'), file('b.js'), file('README.md')]).kind, 'code');
    assert.equal(folderKind([file('scrape.py'), file('story.md')]).kind, 'articles', 'one script beside articles is still a folder of articles');
  });

  it('takes a folder holding the .crosswire marker for articles, whatever else it holds', () => {
    assert.equal(folderKind([file('package.json'), dir('src'), file('.crosswire')]).kind, 'articles');
    assert.equal(folderKind([file('package.json'), dir('.crosswire')]).kind, 'articles');
  });

  it('takes an empty folder for articles: nothing says it is code', () => {
    assert.equal(folderKind([]).kind, 'articles');
  });

  it('takes a workspace for articles when any of its folders is one', () => {
    const code = folderKind([file('package.json')]);
    const articles = folderKind([file('a.txt')]);
    assert.equal(workspaceKind([code, articles]).kind, 'articles');
    assert.equal(workspaceKind([code, code]).kind, 'code');
    assert.equal(workspaceKind([]).kind, 'articles');
  });
});
