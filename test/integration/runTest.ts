/**
 * Runs the integration suite in a VS Code extension host: downloads VS Code (once, into
 * .vscode-test/), opens seeds/ with only this extension enabled and a throwaway user data folder.
 * Set VSCODE_VERSION to test another release than the lowest one the manifest supports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'crosswire-integration-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.96.0',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.resolve(__dirname, 'suite', 'index'),
      launchArgs: [
        path.join(root, 'seeds'),
        '--disable-extensions',
        `--user-data-dir=${userDataDir}`,
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-workspace-trust',
      ],
    });
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`Integration tests failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
