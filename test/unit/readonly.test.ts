import { strict as assert } from 'node:assert';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli';

const SEEDS = join(__dirname, '../../seeds');

interface FileState {
  bytes: Buffer;
  mtimeNs: bigint;
  mode: number;
}

/** Every file and folder below `root` with its bytes, modification time and mode. */
function capture(root: string): Map<string, FileState | 'dir'> {
  const out = new Map<string, FileState | 'dir'>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path, { bigint: true });
      if (st.isDirectory()) {
        out.set(relative(root, path), 'dir');
        walk(path);
      } else {
        out.set(relative(root, path), { bytes: readFileSync(path), mtimeNs: st.mtimeNs, mode: Number(st.mode) });
      }
    }
  };
  walk(root);
  return out;
}

describe('the command line leaves the articles alone', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-readonly-'));
    const past = new Date('2020-01-02T03:04:05Z');
    for (const name of readdirSync(SEEDS)) {
      copyFileSync(join(SEEDS, name), join(dir, name));
      // Writable, so that a write would succeed and show, and dated in the past, so that a touch shows.
      chmodSync(join(dir, name), 0o644);
      utimesSync(join(dir, name), past, past);
    }
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'crlf.md'), readFileSync(join(SEEDS, readdirSync(SEEDS)[0]!), 'utf8').replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'more', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    utimesSync(join(dir, 'more', 'crlf.md'), past, past);
    utimesSync(join(dir, 'more', 'binary.txt'), past, past);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('changes no byte, modification time or mode of any file, and creates no file, in either output form', async () => {
    const before = capture(dir);
    assert.equal([...before.values()].filter((v) => v !== 'dir').length, readdirSync(SEEDS).length + 2);
    const sink = { write: () => true };
    for (const args of [['analyze', dir], ['analyze', '--json', dir], ['analyze', '--max-size', '1', dir]]) {
      const code = await main(args, { out: sink, err: sink });
      assert.ok(code === 0 || code === 1, `exit code ${code} for ${args.join(' ')}`);
      const after = capture(dir);
      assert.deepEqual([...after.keys()], [...before.keys()], `files appeared or vanished after ${args.join(' ')}`);
      for (const [path, state] of before) {
        const now = after.get(path)!;
        if (state === 'dir' || now === 'dir') {
          assert.equal(now, state, path);
          continue;
        }
        assert.ok(now.bytes.equals(state.bytes), `${path} changed after ${args.join(' ')}`);
        assert.equal(now.mtimeNs, state.mtimeNs, `${path} was touched by ${args.join(' ')}`);
        assert.equal(now.mode, state.mode, `${path} changed mode after ${args.join(' ')}`);
      }
    }
  });
});
