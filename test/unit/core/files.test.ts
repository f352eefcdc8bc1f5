import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findArticleFiles, findArticleFilesAsync, isInside, oneEntryPerFile, readArticleFile, readArticleFileAsync } from '../../../src/core/files';

const SEED = join(__dirname, '../../../seeds/000_44d6e05b2ad3ddd3.txt');
const posix = process.platform !== 'win32';

/** Names of the files found, relative to `dir`. */
const names = (dir: string, found: ReturnType<typeof findArticleFiles>): string[] => found.files.map((f) => relative(dir, f.path));

describe('finding article files in a folder', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'crosswire-walk-')));
    mkdirSync(join(dir, 'news', 'sub'), { recursive: true });
    copyFileSync(SEED, join(dir, 'news', 'a.txt'));
    writeFileSync(join(dir, 'news', 'sub', 'b.md'), 'Jones said: “We are ready.”\n');
    writeFileSync(join(dir, 'news', 'notes.json'), '{}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the .txt and .md files below a folder, sorted, skipping hidden and tool folders', () => {
    mkdirSync(join(dir, 'news', '.git'));
    mkdirSync(join(dir, 'news', 'node_modules'));
    writeFileSync(join(dir, 'news', '.git', 'x.txt'), 'no');
    writeFileSync(join(dir, 'news', 'node_modules', 'y.md'), 'no');
    const found = findArticleFiles([join(dir, 'news')]);
    assert.deepEqual(names(dir, found), ['news/a.txt', 'news/sub/b.md']);
    assert.deepEqual(found.problems, []);
  });

  it('does not loop on links to the folder itself or to its parent, and says why each was not followed', function () {
    if (!posix) this.skip();
    symlinkSync('.', join(dir, 'news', 'x'));
    symlinkSync('.', join(dir, 'news', 'y'));
    symlinkSync('..', join(dir, 'news', 'sub', 'up'));
    const found = findArticleFiles([join(dir, 'news')], { display: (p) => relative(dir, p) });
    assert.deepEqual(names(dir, found), ['news/a.txt', 'news/sub/b.md'], 'each article once, under its own path');
    assert.deepEqual(
      found.problems.map((p) => `${relative(dir, p.path)}: ${p.message}`),
      [
        'news/sub/up: not followed, a link to a folder already searched (news)',
        'news/x: not followed, a link to a folder already searched (news)',
        'news/y: not followed, a link to a folder already searched (news)',
      ],
    );
  });

  it('never follows a link out of the folders given, nor reads a FIFO or a device named .txt', function () {
    if (!posix) this.skip();
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'secret.txt'), 'Nobody said “this”.');
    symlinkSync(join(dir, 'private'), join(dir, 'news', 'elsewhere'));
    symlinkSync(join(dir, 'private', 'secret.txt'), join(dir, 'news', 'leak.txt'));
    symlinkSync('/dev/zero', join(dir, 'news', 'zero.txt'));
    symlinkSync('missing.txt', join(dir, 'news', 'broken.txt'));
    symlinkSync('self.txt', join(dir, 'news', 'self.txt'));
    execFileSync('mkfifo', [join(dir, 'news', 'pipe.txt')]);
    const found = findArticleFiles([join(dir, 'news')]);
    assert.deepEqual(names(dir, found), ['news/a.txt', 'news/sub/b.md']);
    const why = new Map(found.problems.map((p) => [relative(dir, p.path), p.message]));
    assert.equal(why.get('news/elsewhere'), 'skipped, a link out of the folders given');
    assert.equal(why.get('news/leak.txt'), 'skipped, a link out of the folders given');
    assert.equal(why.get('news/zero.txt'), 'skipped, a link out of the folders given');
    assert.equal(why.get('news/pipe.txt'), 'skipped, a named pipe, not an article file');
    assert.equal(why.get('news/broken.txt'), 'skipped, no such file or folder');
    assert.equal(why.get('news/self.txt'), 'skipped, a link that loops');
    // Given both folders, the link into the other one leads to files found under their own paths.
    const both = findArticleFiles([join(dir, 'news'), join(dir, 'private')]);
    assert.deepEqual(names(dir, both), ['news/a.txt', 'news/sub/b.md', 'private/secret.txt']);
  });

  it('finds one file once, however many links, names and spellings of its path lead to it', function () {
    if (!posix) this.skip();
    symlinkSync('a.txt', join(dir, 'news', 'alias.txt'));
    symlinkSync('sub', join(dir, 'news', 'copy'));
    const cwd = dir;
    const found = findArticleFiles(['news/a.txt', './news/a.txt', join(dir, 'news', 'a.txt'), 'news', 'news/sub'], { cwd });
    assert.deepEqual(names(dir, found), ['news/a.txt', 'news/sub/b.md']);
    assert.deepEqual(
      found.problems.map((p) => [relative(dir, p.path), p.message]),
      [
        ['news/alias.txt', `the same file as ${join(dir, 'news', 'a.txt')}, analysed once`],
        ['news/copy', `not followed, a link to a folder already searched (${join(dir, 'news', 'sub')})`],
      ],
    );
  });

  it('gives the same files whatever the order of the paths given', function () {
    if (!posix) this.skip();
    symlinkSync('sub', join(dir, 'news', 'copy'));
    symlinkSync(join(dir, 'news'), join(dir, 'link-to-news'));
    const paths = [join(dir, 'link-to-news'), join(dir, 'news', 'sub'), join(dir, 'news', 'copy'), join(dir, 'news')];
    const expected = findArticleFiles(paths);
    assert.deepEqual(names(dir, expected), ['news/a.txt', 'news/sub/b.md'], 'the paths without links win');
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      assert.deepEqual(findArticleFiles(order.map((i) => paths[i]!)), expected, `order ${order.join(',')}`);
    }
  });

  it('finds the same without blocking the thread, for the extension, with its own idea of an article', async function () {
    if (!posix) this.skip();
    symlinkSync('.', join(dir, 'news', 'x'));
    symlinkSync('/dev/zero', join(dir, 'news', 'zero.txt'));
    execFileSync('mkfifo', [join(dir, 'news', 'pipe.txt')]);
    mkdirSync(join(dir, 'news', 'drafts'));
    writeFileSync(join(dir, 'news', 'drafts', 'c.txt'), 'draft');
    writeFileSync(join(dir, 'news', 'c.text'), 'another kind of article');
    const root = [join(dir, 'news')];
    assert.deepEqual(await findArticleFilesAsync(root), findArticleFiles(root));
    const own = {
      isArticle: (p: string) => /\.(txt|text)$/.test(p),
      skipFolder: (p: string) => p.endsWith('/drafts'),
    };
    const found = await findArticleFilesAsync(root, own);
    assert.deepEqual(found, findArticleFiles(root, own));
    assert.deepEqual(names(dir, found), ['news/a.txt', 'news/c.text']);
    let calls = 0;
    const cancelled = await findArticleFilesAsync(root, { isCancelled: () => ++calls > 2 });
    assert.deepEqual(cancelled, { files: [], problems: [] });
  });
});

describe('one path per file', () => {
  it('keeps the path without links, else the first in code-unit order, whatever the order found', () => {
    const found = [
      { path: '/w/links/a.txt', real: '/w/news/a.txt' },
      { path: '/w/news/a.txt', real: '/w/news/a.txt' },
      { path: '/w/z/b.txt', real: '/w/elsewhere/b.txt' },
      { path: '/w/y/b.txt', real: '/w/elsewhere/b.txt' },
    ];
    const expected = {
      kept: [found[1]!, found[3]!],
      duplicates: [{ path: '/w/links/a.txt', of: '/w/news/a.txt' }, { path: '/w/z/b.txt', of: '/w/y/b.txt' }],
    };
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]]) {
      const r = oneEntryPerFile(order.map((i) => found[i]!));
      assert.deepEqual(r.kept, expected.kept);
      assert.deepEqual(new Set(r.duplicates.map((d) => JSON.stringify(d))), new Set(expected.duplicates.map((d) => JSON.stringify(d))));
    }
  });

  it('tells the files of a folder from those of a folder whose name merely starts alike', () => {
    assert.ok(isInside('/w/news/a.txt', ['/w/news']));
    assert.ok(isInside('/w/news', ['/w/news']));
    assert.ok(!isInside('/w/newsroom/a.txt', ['/w/news']));
    assert.ok(!isInside('/etc/passwd', ['/w/news', '/w']));
  });
});

describe('reading an article file', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the size before reading: a 1.5 GB sparse file is refused without reading it', function () {
    if (!posix) this.skip();
    const sparse = join(dir, 'sparse.txt');
    execFileSync('truncate', ['-s', '1500M', sparse]);
    const before = process.memoryUsage().rss;
    const t0 = process.hrtime.bigint();
    const r = readArticleFile(sparse, 5120 * 1024);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.deepEqual(r, { ok: false, reason: 'too-large', message: '1.5 GB is over the 5.0 MB limit' });
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'no memory for the file');
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('refuses a FIFO and a device without blocking on them', function () {
    if (!posix) this.skip();
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(readArticleFile(fifo, 1024), { ok: false, reason: 'not-a-file', message: 'a named pipe, not an article file' });
    assert.deepEqual(readArticleFile('/dev/zero', 1024), { ok: false, reason: 'not-a-file', message: 'a device, not an article file' });
  });

  it('reads at most the limit from a file that holds more than its size says', function () {
    if (!posix || !process.platform.startsWith('linux')) this.skip();
    // procfs files say they are empty and are not: the reader must stop at the limit all the same.
    const r = readArticleFile('/proc/self/maps', 16);
    assert.ok(!r.ok && r.reason === 'too-large', JSON.stringify(r));
    assert.match(r.message, /over the 16 B limit \(it holds more than its size, 0 B, says\)/);
  });

  it('reads the same way without blocking the thread, for the extension', async function () {
    if (!posix) this.skip();
    const fifo = join(dir, 'async-pipe.txt');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(await readArticleFileAsync(fifo, 1024), { ok: false, reason: 'not-a-file', message: 'a named pipe, not an article file' });
    const sparse = join(dir, 'async-sparse.txt');
    execFileSync('truncate', ['-s', '1500M', sparse]);
    assert.deepEqual(await readArticleFileAsync(sparse, 1024 * 1024), { ok: false, reason: 'too-large', message: '1.5 GB is over the 1.0 MB limit' });
    const file = join(dir, 'async.txt');
    writeFileSync(file, Buffer.from([0x93, 0x48, 0x69, 0x94]));
    assert.deepEqual(await readArticleFileAsync(file, 1024), { ok: true, text: '“Hi”', encoding: 'windows-1252', replaced: 0 });
    if (process.platform.startsWith('linux')) {
      const r = await readArticleFileAsync('/proc/self/maps', 16);
      assert.ok(!r.ok && r.reason === 'too-large');
    }
  });

  it('reads and decodes a regular file, and says when it is missing', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'Jones said: “We are ready.”');
    assert.deepEqual(readArticleFile(file, 1024), { ok: true, text: 'Jones said: “We are ready.”', encoding: 'utf-8', replaced: 0 });
    const missing = readArticleFile(join(dir, 'none.txt'), 1024);
    assert.deepEqual(missing, { ok: false, reason: 'unreadable', message: 'cannot be read (no such file or folder)' });
  });

  it('does not hang when a FIFO is given on the command line', function () {
    if (!posix) this.skip();
    const fifo = join(dir, 'given.txt');
    execFileSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, '../../../src/cli.ts'), 'analyze', fifo, SEED], {
      encoding: 'utf8',
      timeout: 20000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /given\.txt: skipped, a named pipe, not an article file/);
    assert.match(r.stdout, /Blinken urges China/);
  });
});
