import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCommand, main } from '../../../src/cli';
import type { JsonReport } from '../../../src/core/report';

const PAGES = join(__dirname, '../../fixtures/pages');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importCommand(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('crosswire import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a folder of saved pages into articles the analysis reads, and reports the pages that are not articles', async () => {
    const out = join(dir, 'articles');
    const r = await run(['--out', out, PAGES]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), [
      'inter-miami-moves-to-us-open-cup-play-versus-fc-cincinnati.md',
      'official-8-armed-men-detained-in-haiti-could-be-sent-to-us.md',
      'reuters-denies-claim-that-killed-staffer-was-spy.md',
    ]);
    assert.match(r.err, /wopular-newsrack\.html: not an article/);
    assert.match(r.err, /news-banner-membership\.html: not an article/);
    assert.match(r.err, /3 of 5 pages imported/);
    let json = '';
    assert.equal(await main(['analyze', '--json', out], { out: { write: (s: string) => (json += s) }, err: { write: () => undefined } }), 0);
    const report = JSON.parse(json) as JsonReport;
    const haiti = report.documents.find((d) => d.path.endsWith('haiti-could-be-sent-to-us.md'));
    assert.equal(haiti?.title, 'Official: 8 armed men detained in Haiti could be sent to US');
    assert.equal(haiti?.source, 'Washington Times');
  });

  it('never writes over a file: the same page again, or a file already there, gets a new name', async () => {
    const page = join(PAGES, 'washingtontimes-haiti-ap.html');
    const taken = join(dir, 'official-8-armed-men-detained-in-haiti-could-be-sent-to-us.md');
    writeFileSync(taken, 'my notes\n');
    const before = statSync(taken).mtimeMs;
    const r = await run(['--out', dir, page, page]);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(taken, 'utf8'), 'my notes\n');
    assert.equal(statSync(taken).mtimeMs, before);
    assert.match(r.out, /-2\.md/);
    assert.match(r.out, /-3\.md/);
  });

  it('fails with a clear message when no page is an article, and on a usage error', async () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    copyFileSync(join(PAGES, 'wopular-newsrack.html'), join(pages, 'rack.htm'));
    const r = await run(['--out', join(dir, 'out'), pages, join(dir, 'missing.html')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /rack\.htm: not an article: no story was found in the page/);
    assert.match(r.err, /missing\.html: cannot be read \(ENOENT\)/);
    assert.match(r.err, /0 of 2 pages imported/);
    assert.equal((await run([join(PAGES, 'wopular-newsrack.html')])).code, 2);
    assert.match((await run([join(PAGES, 'wopular-newsrack.html')])).err, /import needs --out <folder>/);
  });
});
