// Opens the sample articles in VS Code with this extension loaded from source (after a build).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'seeds');
const args = ['--extensionDevelopmentPath', root, workspace];

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const probe = spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' });
if (probe.error || probe.status !== 0) {
  process.stdout.write(
    [
      'The `code` command is not on PATH, so VS Code cannot be started from here.',
      'Either install it (VS Code: Command Palette → "Shell Command: Install \'code\' command in PATH") and run',
      '`npm start` again, or run this yourself:',
      '',
      `  code --extensionDevelopmentPath="${root}" "${workspace}"`,
      '',
      'or open this folder in VS Code and press F5 ("Run Extension").',
      '',
      'Meanwhile, this is what Crosswire finds in seeds/ (the command-line report, `npx crosswire analyze seeds`):',
      '',
    ].join('\n'),
  );
  const report = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', workspace], { stdio: 'inherit' });
  process.exit(report.status ?? 1);
}
const run = spawnSync('code', args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 0);
