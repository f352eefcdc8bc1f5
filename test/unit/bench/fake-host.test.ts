import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

describe('the benchmark’s fake host', function () {
  this.timeout(120_000);

  it('loads the built extension and runs its activate(), so the start-up figure is measured', () => {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--only=extension'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    const extension = join(ROOT, 'dist', 'extension.js');
    assert.ok(existsSync(extension));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'fake-host.ts'), extension], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const m = /FAKE-HOST (\{.*\})/.exec(r.stdout ?? '');
    assert.ok(m, `no report: ${r.stderr}`);
    const report = JSON.parse(m[1]!) as { error?: string; activateMs?: number; subscriptions?: number };
    assert.equal(report.error, undefined);
    assert.ok(report.activateMs! > 0);
    assert.ok(report.subscriptions! > 5, `${report.subscriptions} disposables registered`);
  });
});
