import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '../..');

/** The restricted-import errors the project's lint rules give a file at `path` holding `code`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of the lint config', function () {
  this.timeout(60_000);

  it('keeps vscode and the extension layer out of every part of the core', async () => {
    const probes = ['src/core/probe.ts', 'src/core/text/probe.ts', 'src/core/matching/probe.ts', 'src/core/entities/probe.ts', 'src/core/entities/train/probe.ts'];
    for (const path of probes) {
      // The relative path from the probe's folder to src/features and src/extension.
      const up = '../'.repeat(path.split('/').length - 2);
      assert.equal((await restricted(path, "import * as vscode from 'vscode';\nexport const v = vscode;\n")).length, 1, `${path} may import vscode`);
      assert.equal((await restricted(path, `import { features } from '${up}features';\nexport const f = features;\n`)).length, 1, `${path} may import src/features`);
      assert.equal((await restricted(path, `import { hover } from '${up}features/hover';\nexport const h = hover;\n`)).length, 1, `${path} may import a feature`);
      assert.equal((await restricted(path, `import { activate } from '${up}extension';\nexport const a = activate;\n`)).length, 1, `${path} may import the extension`);
    }
    // The tagger's own features module is part of the core.
    assert.deepEqual(await restricted('src/core/entities/probe.ts', "import { x } from './features';\nexport const y = x;\n"), []);
  });

  it('keeps compromise inside src/core/entities', async () => {
    const code = "import nlp from 'compromise';\nexport const n = nlp;\n";
    assert.equal((await restricted('src/core/entities/probe.ts', code)).length, 0);
    assert.equal((await restricted('src/core/quotes/probe.ts', code)).length, 1);
    assert.equal((await restricted('src/features/probe.ts', code)).length, 1);
  });

  it('keeps vscode out of the indexer and of the presentation code beside the adapters', async () => {
    const code = "import * as vscode from 'vscode';\nexport const v = vscode;\n";
    assert.equal((await restricted('src/core/indexing/probe.ts', code)).length, 1);
    assert.equal((await restricted('src/features/present/probe.ts', code)).length, 1);
    assert.equal((await restricted('src/features/present/probe.ts', "import nlp from 'compromise';\nexport const n = nlp;\n")).length, 1);
  });

  it('lets the adapters import vscode', async () => {
    assert.deepEqual(await restricted('src/features/probe.ts', "import * as vscode from 'vscode';\nexport const v = vscode;\n"), []);
  });
});
