import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import type { JsonReport } from '../../src/core/report';

const SEEDS = join(__dirname, '../../seeds');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe('crosswire analyze', function () {
  this.timeout(60000);
  let report: JsonReport;

  before(async () => {
    const r = await run(['analyze', '--json', SEEDS]);
    assert.equal(r.code, 0, r.err);
    report = JSON.parse(r.out) as JsonReport;
  });

  it('reports every seed article with its title, quotes and mentions at exact offsets', () => {
    assert.equal(report.documents.length, 5);
    for (const d of report.documents) {
      assert.ok(d.title && !/^\d{3}_[0-9a-f]{16}\.txt$/.test(d.title), `a real title for ${d.path}`);
      assert.ok(d.quotes.length > 0);
      for (const q of d.quotes) assert.ok(q.end > q.start && q.text.length === q.end - q.start);
      for (const m of d.mentions) assert.ok(m.end > m.start && m.text.length === m.end - m.start);
    }
  });

  it('links the re-translated Blinken quote across two outlets, and names its speaker as an entity', () => {
    const all = report.documents.flatMap((d) => d.quotes.map((q) => ({ ...q, doc: d.path })));
    const a = all.find((q) => q.text.startsWith('Russia would struggle to sustain'));
    const b = all.find((q) => q.text.startsWith('It would be difficult for Russia'));
    assert.ok(a && b);
    const link = report.links.find((l) => (l.from === a.id && l.to === b.id) || (l.from === b.id && l.to === a.id));
    assert.ok(link, 'the two renderings are linked');
    assert.equal(link.relation, 'variant');
    assert.ok(link.score > 0 && link.score <= 1);
    const blinken = report.entities.find((e) => e.id === a.speakerEntity);
    assert.ok(blinken && blinken.type === 'person' && /Blinken/.test(blinken.name));
    assert.equal(b.speakerEntity, a.speakerEntity, 'the misspelt "Anthony Blinken" is the same person');
  });

  it('prints a readable report with the quotes, their speakers and the entities', async () => {
    const r = await run(['analyze', SEEDS]);
    assert.equal(r.code, 0);
    assert.match(r.out, /Blinken urges China to halt military support to Russia/);
    assert.match(r.out, /speaker: Wang Wenbin/);
    assert.match(r.out, /variant \d\.\d\d → /);
    assert.match(r.out, /^Entities$/m);
  });

  it('gives words an article leaves unattributed the speaker the other articles name, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-cli-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'Flood warning\n\n“The dam will hold through the spring floods without any doubt,” Mayor Ana Lopes said on Monday.\n');
      writeFileSync(join(dir, 'b.txt'), 'Town waits\n\nThe town council met as the river rose. “The dam will hold through the spring floods.”\n');
      const json = JSON.parse((await run(['analyze', '--json', dir])).out) as JsonReport;
      const b = json.documents.find((d) => d.path.endsWith('b.txt'))!.quotes[0]!;
      assert.equal(b.speaker, null, 'its own article names no one');
      assert.equal(b.speakerElsewhere?.name, 'Ana Lopes');
      assert.equal(b.speakerElsewhere?.articles, 1);
      assert.match((await run(['analyze', dir])).out, /speaker: not named here; Ana Lopes in 1 other article/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains missing and binary files on stderr and still analyses the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-cli-'));
    try {
      copyFileSync(join(SEEDS, '000_44d6e05b2ad3ddd3.txt'), join(dir, 'a.txt'));
      writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      writeFileSync(join(dir, 'notes.json'), '{"not": "an article"}');
      const r = await run(['analyze', '--json', dir, join(dir, 'missing.txt')]);
      assert.equal(r.code, 0);
      assert.match(r.err, /missing\.txt: no such file or folder/);
      assert.match(r.err, /photo\.txt: skipped, binary content/);
      const json = JSON.parse(r.out) as JsonReport;
      assert.deepEqual(json.documents.map((d) => d.path.split(/[\\/]/).pop()), ['a.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes "--" as the end of the options, and names an unknown option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-cli-'));
    try {
      copyFileSync(join(SEEDS, '000_44d6e05b2ad3ddd3.txt'), join(dir, '--json'));
      const cwd = process.cwd();
      process.chdir(dir);
      let r;
      try {
        r = await run(['analyze', '--', '--json']);
      } finally {
        process.chdir(cwd);
      }
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Blinken urges China/, 'a readable report of the file named --json');
      const unknown = await run(['analyze', '--jsn', SEEDS]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /^crosswire: unknown option "--jsn" \(to analyse a file of that name, put "--" before it\)\n/);
      assert.match(unknown.err, /Usage: crosswire analyze/);
      assert.equal(unknown.out, '');
      const size = await run(['analyze', '--max-size', 'big', SEEDS]);
      assert.equal(size.code, 2);
      assert.match(size.err, /--max-size takes a size in KB, such as --max-size 1024 \(not "big"\)/);
      assert.match((await run(['analyze', '--max-size'])).err, /--max-size takes a size in KB/);
      const inline = await run(['analyze', '--json', '--max-size=1', join(SEEDS, '000_44d6e05b2ad3ddd3.txt')]);
      assert.equal(inline.code, 1);
      assert.match(inline.err, /skipped, \d+\.\d KB is over the 1\.0 KB limit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops quietly when its reader closes the pipe early, as `| head` does', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-pipe-'));
    try {
      // About 160 KB of report, more than a pipe holds.
      writeFileSync(join(dir, 'many.txt'), Array.from({ length: 3000 }, (_, i) => `Smith said “yes ${i}”.`).join('\n'));
      const cli = [process.execPath, '--require', 'tsx/cjs', join(__dirname, '../../src/cli.ts'), 'analyze', dir].map((a) => `'${a}'`).join(' ');
      const child = spawn('sh', ['-c', `{ ${cli}; echo "exit $?" >&2; } | head -c 100 >/dev/null`], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise((resolve) => child.on('close', resolve));
      assert.equal(err, 'exit 0\n', 'nothing on stderr, and a zero exit status');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero only when nothing could be analysed', async () => {
    const r = await run(['analyze', '/no/such/folder']);
    assert.equal(r.code, 1);
    assert.match(r.err, /nothing could be analysed/);
    assert.equal((await run(['analyze'])).code, 2);
    assert.equal((await run(['--help'])).code, 0);
  });
});

describe('crosswire coverage', function () {
  this.timeout(60000);

  it('lists the seeds’ statements, the most widely carried first, with each article’s version and the flags', async () => {
    const r = await run(['coverage', SEEDS]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^\d+ statements in 5 articles\n/);
    const carried = [...r.out.matchAll(/carried by (\d) of 5/g)].map((m) => Number(m[1]));
    assert.ok(carried.length > 5 && carried[0] >= 2);
    assert.deepEqual(carried, [...carried].sort((a, b) => b - a), 'most widely carried first');
    assert.match(r.out, /Changes a degree: ‘the largest’ here, ‘a leading’ in/);
  });

  it('writes CSV with one column per article and one row per statement', async () => {
    const r = await run(['coverage', '--csv', SEEDS]);
    assert.equal(r.code, 0, r.err);
    const text = (await run(['coverage', SEEDS])).out;
    const rows = r.out.trimEnd().split('\r\n');
    assert.equal(rows.length - 1, Number(/^(\d+) statements/.exec(text)![1]));
    assert.ok(rows[0].startsWith('statement,carried by,'));
  });

  it('refuses an option of the other command', async () => {
    const r = await run(['coverage', '--json', SEEDS]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option "--json"/);
  });
});
