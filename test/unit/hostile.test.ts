import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { Corpus } from '../../src/core/corpus';
import { textReport, type JsonReport } from '../../src/core/report';
import { MAX_QUOTE_LENGTH } from '../../src/core/quotes/find';
import { assertSymmetricLinks, assertWellFormed } from '../fixtures/hostile/invariants';
import { linkedVersions, quoteCardMarkdown } from '../../src/features/present/hoverContent';
import { escapeIcons, plainText, truncate } from '../../src/features/present/markdown';
import { lineContext, outlineGroups } from '../../src/features/present/treeModel';
import { FakeCorpus, link, quoteAt, speaker, toHtml } from '../support/fake-corpus';

const SEEDS = join(__dirname, '../../seeds');
const MARKUP = readFileSync(join(__dirname, '../fixtures/hostile/markup.md'), 'utf8');
const SEED = readFileSync(join(SEEDS, '000_44d6e05b2ad3ddd3.txt'), 'utf8');

interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

async function run(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const t0 = Date.now();
  const code = await main(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
  return { code, out, err, ms: Date.now() - t0 };
}

function json(r: Run): JsonReport {
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as JsonReport;
}

/** Every quote and mention of a JSON report indexes the text it was given. */
function assertReportOffsets(report: JsonReport, texts: Map<string, string>): void {
  for (const d of report.documents) {
    const text = texts.get(d.path.split(/[\\/]/).pop()!);
    assert.ok(text !== undefined, `unexpected document ${d.path}`);
    for (const q of d.quotes) assert.equal(text.slice(q.start, q.end), q.text, `${d.path} quote at ${q.start}`);
    for (const m of d.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${d.path} mention at ${m.start}`);
  }
}

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** News-like prose on one line, about `size` code units long, with balanced and unbalanced quotes. */
function oneLine(size: number): string {
  const flat = readFileSync(join(SEEDS, '003_2b7f539160dc2239.txt'), 'utf8').replace(/\s+/g, ' ') + ' ';
  return flat.repeat(Math.ceil(size / flat.length)).slice(0, size);
}

describe('hostile input: markup in article text is data', function () {
  this.timeout(60000);
  const corpus = new Corpus();
  const doc = corpus.set('markup.md', MARKUP);

  it('keeps quotes and names inside Markdown, HTML, entities and icon syntax at exact offsets', () => {
    assertWellFormed(doc);
    const texts = doc.quotes.map((q) => q.text);
    const cut = texts.find((t) => t.startsWith('We will [cut taxes]'));
    assert.ok(cut, `no quote across the command link in ${JSON.stringify(texts)}`);
    assert.ok(cut.includes('(command:workbench.action.terminal.new)') && cut.includes('&amp;'), 'the link and entity stay in the quote as written');
    const fantasy = texts.find((t) => t.startsWith('a <b>fantasy</b>'));
    assert.ok(fantasy && fantasy.includes('$(alert)') && fantasy.includes('![sunshine]'), `icon and image syntax kept: ${fantasy}`);
    assert.ok(texts.some((t) => t.includes('<a href="command:workbench.action.openSettings">budget</a>')));
    assert.equal(doc.title, 'Minister’s “clear plan” under fire', 'the heading, without its # mark or the link naming the outlet');
    assert.equal(doc.source, 'Daily Wire', 'the outlet the heading links to, by its words alone');
    const names = doc.mentions.map((m) => m.text);
    assert.ok(names.includes('Jane Okafor') && names.includes('Tom Reyes'), `names: ${names.join(', ')}`);
  });

  it('attributes quotes across markup to the people named beside them', () => {
    const speakerOf = (start: string): string | undefined => doc.quotes.find((q) => q.text.startsWith(start))?.speaker?.name;
    assert.match(speakerOf('We will [cut taxes]') ?? '', /Okafor/);
    assert.match(speakerOf('Nothing in the') ?? '', /Reyes/);
  });

  it('prints markup verbatim in the readable report and escapes it only as JSON does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-markup-'));
    try {
      writeFileSync(join(dir, 'markup.md'), MARKUP);
      const text = await run(['analyze', dir]);
      assert.equal(text.code, 0, text.err);
      assert.ok(text.out.includes('We will [cut taxes](command:workbench.action.terminal.new) for every family, &amp; we mean it.'));
      assert.ok(text.out.includes('a <b>fantasy</b> built on $(alert) icons'));
      const report = json(await run(['analyze', '--json', dir]));
      assertReportOffsets(report, new Map([['markup.md', MARKUP]]));
      assert.ok(report.documents[0]!.quotes.some((q) => q.text.includes('<a href="command:workbench.action.openSettings">budget</a>')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile input: encodings and line ends', function () {
  this.timeout(60000);
  let dir: string;
  let report: JsonReport;
  let err: string;
  const crlf = SEED.replace(/\r?\n/g, '\r\n');
  const invalid = Buffer.concat([Buffer.from('Mayor Ann Lee said: “Rates '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' will fall.”\n')]);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-enc-'));
    writeFileSync(join(dir, 'lf.txt'), SEED);
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED)]));
    writeFileSync(join(dir, 'le.txt'), utf16(SEED, 'le'));
    writeFileSync(join(dir, 'be.txt'), utf16(SEED, 'be'));
    writeFileSync(join(dir, 'crlf.txt'), crlf);
    writeFileSync(join(dir, 'invalid.txt'), invalid);
    const r = await run(['analyze', '--json', dir]);
    err = r.err;
    report = json(r);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const byName = (name: string): JsonReport['documents'][number] => {
    const d = report.documents.find((x) => x.path.split(/[\\/]/).pop() === name);
    assert.ok(d, `${name} was not analysed`);
    return d;
  };

  it('finds the same quotes and names in UTF-8, UTF-8 with BOM and UTF-16 LE/BE', () => {
    const base = byName('lf.txt');
    assert.ok(base.quotes.length > 5);
    for (const name of ['bom.txt', 'le.txt', 'be.txt']) {
      const d = byName(name);
      assert.deepEqual(d.quotes.map((q) => [q.start, q.end, q.text, q.kind, q.speaker]), base.quotes.map((q) => [q.start, q.end, q.text, q.kind, q.speaker]), name);
      assert.deepEqual(d.mentions.map((m) => [m.start, m.text, m.type]), base.mentions.map((m) => [m.start, m.text, m.type]), name);
      assert.equal(d.title, base.title);
    }
  });

  it('keeps offsets exact with CRLF line ends and splits the same paragraphs', () => {
    const d = byName('crlf.txt');
    assertReportOffsets({ ...report, documents: [d] }, new Map([['crlf.txt', crlf]]));
    const base = byName('lf.txt');
    assert.deepEqual(d.quotes.map((q) => [q.text, q.speaker]), base.quotes.map((q) => [q.text, q.speaker]));
    const lf = new Corpus().set('lf', SEED);
    const cr = new Corpus().set('cr', crlf);
    assert.equal(cr.paragraphs.length, lf.paragraphs.length);
    for (const p of cr.paragraphs) assert.ok(!/[\r\n]/.test(crlf.slice(p.start, p.end)), 'no paragraph holds a line end');
    // Offsets shift by one per line end before them, exactly.
    for (let i = 0; i < lf.quotes.length; i++) {
      const linesBefore = SEED.slice(0, lf.quotes[i]!.start).split('\n').length - 1;
      assert.equal(cr.quotes[i]!.start, lf.quotes[i]!.start + linesBefore);
    }
  });

  it('numbers lines in the readable report as an editor does, for CRLF and lone CR too', async () => {
    const text = await run(['analyze', join(dir, 'lf.txt'), join(dir, 'crlf.txt')]);
    const lines = (body: string): string[] => [...body.matchAll(/line (\d+)/g)].map((m) => m[1]!);
    const [lfPart, crlfPart] = text.out.split(/\n(?=\S)/).filter((s) => /line \d+/.test(s));
    assert.ok(lfPart && crlfPart);
    assert.deepEqual(lines(crlfPart), lines(lfPart));
    const cr = new Corpus();
    cr.set('cr.txt', 'Headline of the day here\r\rJones said: “We are ready.”\r');
    assert.equal(cr.documents()[0]!.quotes[0]?.text, 'We are ready.');
    assert.match(textReport(cr), /statement, line 3, speaker: Jones/);
  });

  it('replaces invalid UTF-8 bytes, says so once, and still finds the quote and the speaker', () => {
    assert.equal(err.match(/invalid\.txt/g)?.length, 1, err);
    assert.match(err, /invalid\.txt: 2 invalid UTF-8 sequences replaced/);
    const d = byName('invalid.txt');
    assert.equal(d.quotes.length, 1);
    assert.equal(d.quotes[0]!.text, 'Rates \ufffd(\ufffd will fall.');
    assert.match(d.quotes[0]!.speaker ?? '', /Ann Lee/);
  });
});

describe('hostile input: files that are not articles', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('skips binary content named .txt, a 20 MB file and a too-large UTF-16 file, each with one message, and goes on', async () => {
    const png = Buffer.alloc(4096);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < png.length; i++) png[i] = (i * 37) & 0xff;
    writeFileSync(join(dir, 'photo.txt'), png);
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'All work and no play. '));
    writeFileSync(join(dir, 'wide.md'), utf16(oneLine(40000), 'le'));
    writeFileSync(join(dir, 'real.txt'), SEED);
    const r = await run(['analyze', '--json', '--max-size', '64', dir]);
    const report = json(r);
    assert.deepEqual(report.documents.map((d) => d.path.split(/[\\/]/).pop()), ['real.txt']);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 3, r.err);
    assert.ok(lines.some((l) => /photo\.txt: skipped, binary content/.test(l)));
    assert.ok(lines.some((l) => /huge\.txt: skipped, 20\.0 MB is over the 64 KB limit/.test(l)));
    assert.ok(lines.some((l) => /wide\.md: skipped, \d+ KB is over the 64 KB limit/.test(l)));
    assert.ok(r.ms < 30000, `took ${r.ms} ms`);
  });

  it('skips a 20 MB file under the default limit', async () => {
    const r = await run(['analyze', '--json', join(dir, 'huge.txt'), join(dir, 'real.txt')]);
    assert.equal(json(r).documents.length, 1);
    assert.match(r.err, /^crosswire: .*huge\.txt: skipped, 20\.0 MB is over the 5\.0 MB limit\n$/);
  });

  it('analyses an empty file and a file of white space as articles with nothing in them', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), ' \n\r\n\t\u2028\u00a0\n');
    const r = await run(['analyze', '--json', join(dir, 'empty.txt'), join(dir, 'blank.txt')]);
    const report = json(r);
    assert.equal(r.err, '');
    assert.equal(report.documents.length, 2);
    for (const d of report.documents) {
      assert.deepEqual([d.quotes, d.mentions], [[], []]);
      assert.match(d.title, /^(empty|blank)\.txt$/);
    }
    assert.equal((await run(['analyze', join(dir, 'empty.txt')])).code, 0);
  });

  it('analyses one 1 MB line of news text in bounded time, with no quote longer than the cap', async function () {
    const text = oneLine(1024 * 1024);
    writeFileSync(join(dir, 'line.txt'), text);
    const r = await run(['analyze', '--json', '--max-size', '2048', join(dir, 'line.txt')]);
    const report = json(r);
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
    const d = report.documents[0]!;
    assert.ok(d.quotes.length > 100 && d.mentions.length > 1000, `${d.quotes.length} quotes, ${d.mentions.length} mentions`);
    assertReportOffsets(report, new Map([['line.txt', text]]));
    for (const q of d.quotes) assert.ok(q.end - q.start <= MAX_QUOTE_LENGTH, `a quote of ${q.end - q.start} code units`);
  });

  it('survives 10,000 quote marks of every kind in one paragraph and 5,000 quotes on their own lines', async () => {
    const marks = '"“”‘’«»‹›„‚\'';
    const soup = Array.from({ length: 10000 }, (_, i) => marks[(i * 7) % marks.length]! + (i % 3 ? 'x' : ' ')).join('');
    const lines = Array.from({ length: 5000 }, (_, i) => `Smith said “yes ${i}”.`).join('\n');
    writeFileSync(join(dir, 'soup.txt'), soup);
    writeFileSync(join(dir, 'lines.txt'), lines);
    const r = await run(['analyze', '--json', join(dir, 'soup.txt'), join(dir, 'lines.txt')]);
    const report = json(r);
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
    assertReportOffsets(report, new Map([['soup.txt', soup], ['lines.txt', lines]]));
    const listed = report.documents.find((d) => d.path.endsWith('lines.txt'))!;
    assert.equal(listed.quotes.length, 5000);
    assert.ok(listed.quotes.every((q) => q.speaker === 'Smith'));
  });

  it('survives a file of opening marks only, and quotes nested thousands deep', async () => {
    const opening = '“He said ‘we «will ‹never „stop '.repeat(4000);
    let nested = 'Jones said: ';
    for (let i = 0; i < 3000; i++) nested += (i % 2 ? '‘' : '“') + 'word ';
    for (let i = 3000; i > 0; i--) nested += i % 2 ? '’' : '”';
    writeFileSync(join(dir, 'opening.txt'), opening);
    writeFileSync(join(dir, 'nested.txt'), nested);
    const r = await run(['analyze', '--json', join(dir, 'opening.txt'), join(dir, 'nested.txt')]);
    const report = json(r);
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
    assertReportOffsets(report, new Map([['opening.txt', opening], ['nested.txt', nested]]));
    for (const d of report.documents) {
      for (const q of d.quotes) assert.ok(q.end - q.start <= MAX_QUOTE_LENGTH);
    }
    const open = report.documents.find((d) => d.path.endsWith('opening.txt'))!;
    assert.ok(open.quotes.length > 0 && open.quotes.some((q) => q.unclosed));
    const deep = report.documents.find((d) => d.path.endsWith('nested.txt'))!;
    assert.ok(deep.quotes.length > 0, 'the outer quotes of the nest are still found');
  });

  it('cuts a quote longer than the cap at a sentence end and reports it unclosed', () => {
    const sentence = 'The committee will meet again next week to discuss the budget. ';
    const long = `Jones said: “${sentence.repeat(Math.ceil((MAX_QUOTE_LENGTH * 2) / sentence.length))}”`;
    const doc = new Corpus().set('long.txt', long);
    assertWellFormed(doc);
    assert.equal(doc.quotes.length, 1);
    const q = doc.quotes[0]!;
    assert.ok(q.unclosed && q.text.length <= MAX_QUOTE_LENGTH && q.text.length > MAX_QUOTE_LENGTH / 2, `${q.text.length} code units`);
    assert.ok(q.text.startsWith('The committee') && q.text.endsWith('budget.'), 'cut after a full sentence');
    const short = new Corpus().set('short.txt', `Jones said: “${sentence.repeat(20).trim()}”`);
    assert.ok(!short.quotes[0]!.unclosed && short.quotes[0]!.text.length > 1000, 'a long but plausible quote is kept whole');
  });

  it('keeps every invariant in the core on the same inputs', () => {
    const corpus = new Corpus();
    const inputs: Record<string, string> = {
      soup: '"“”‘’«»‹›„‚\''.repeat(800),
      opening: '“‘«‹„'.repeat(2000),
      closing: '”’»›'.repeat(2000),
      surrogates: '“😀 said 𝒜𝒷 ‘ok’” — 👩‍👩‍👧 Ṣ̂̃ مرحبا “שלום”\u2028'.repeat(300),
      lone: '\ud83d“A\udc00 said Mr \ud800Smith\udfff”'.repeat(200),
      controls: 'Jones said: “\u0000\u0001\u001b[31mred\u001b[0m”\u0085\u000b\u000c'.repeat(200),
      markup: MARKUP,
    };
    for (const [name, text] of Object.entries(inputs)) assertWellFormed(corpus.set(name, text), name);
    assertSymmetricLinks(corpus);
    assert.equal(corpus.documents().length, Object.keys(inputs).length);
  });
});

/** Runs the command line in a child process (a hang cannot take the tests with it), measuring it. */
function runIsolated(args: string[], cwd: string): Run & { rssKB: number } {
  const cli = join(__dirname, '../../src/cli.ts');
  const script = `
    const { main } = require(${JSON.stringify(cli)});
    let out = '', err = '';
    const t0 = performance.now();
    main(process.argv.slice(1), { out: { write: (s) => (out += s) }, err: { write: (s) => (err += s) } }).then((code) => {
      const ms = performance.now() - t0;
      process.stdout.write(JSON.stringify({ code, out, err, ms, rssKB: process.resourceUsage().maxRSS }));
    });`;
  const r = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script, ...args], { cwd, encoding: 'utf8', timeout: 60000, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `the command line did not finish: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout) as Run & { rssKB: number };
}

/** A report with quote ids (which name the file) replaced by the article's place and the quote's. */
function comparable(report: JsonReport): unknown {
  const ids = new Map(report.documents.flatMap((d, i) => d.quotes.map((q, j) => [q.id, `${i}:${j}`] as const)));
  return {
    documents: report.documents.map((d) => ({ ...d, path: undefined, quotes: d.quotes.map((q) => ({ ...q, id: ids.get(q.id) })) })),
    // A link is listed once, either way round, in an order that follows the ids.
    links: report.links.map((l) => `${[ids.get(l.from), ids.get(l.to)].sort().join(' ~ ')} ${l.relation} ${l.score}`).sort(),
  };
}

describe('hostile input: folders that are not what they seem', function () {
  this.timeout(180000);
  let root: string;

  before(function () {
    if (process.platform === 'win32') this.skip();
    root = realpathSync(mkdtempSync(join(tmpdir(), 'crosswire-tree-')));
    for (const name of ['plain', 'hostile']) {
      mkdirSync(join(root, name, 'sub'), { recursive: true });
      writeFileSync(join(root, name, 'a.txt'), SEED);
      copyFileSync(join(SEEDS, '001_7e1bd303d94b701a.txt'), join(root, name, 'sub', 'b.txt'));
    }
    const h = join(root, 'hostile');
    symlinkSync('.', join(h, 'x'));
    symlinkSync('.', join(h, 'y'));
    symlinkSync('..', join(h, 'sub', 'up'));
    symlinkSync('a.txt', join(h, 'alias.txt'));
    symlinkSync('/dev/zero', join(h, 'z.txt'));
    symlinkSync(root, join(h, 'outside'));
    execFileSync('mkfifo', [join(h, 'x.txt')]);
    execFileSync('truncate', ['-s', '1500M', join(h, 'sparse.txt')]);
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('analyses each article once, in bounded time and memory, despite link loops, a FIFO, /dev/zero and a 1.5 GB sparse file', () => {
    // The quicker of two runs each, against the noise of a shared machine.
    const quicker = (dir: string) => [0, 1].map(() => runIsolated(['analyze', '--json', dir], root)).sort((x, y) => x.ms - y.ms)[0]!;
    const plain = quicker('plain');
    const hostile = quicker('hostile');
    const a = json(plain);
    const b = json(hostile);
    assert.deepEqual(b.documents.map((d) => d.path), ['hostile/a.txt', 'hostile/sub/b.txt'], 'each article once, under its own path');
    // The other files' results are intact: the same quotes, names and links as in a folder of them alone.
    assert.deepEqual(comparable(b), comparable(a));
    assert.ok(b.links.length > 0);
    const docOf = new Map(b.documents.flatMap((d, i) => d.quotes.map((q) => [q.id, i] as const)));
    assert.ok(!b.links.some((l) => docOf.get(l.from) === docOf.get(l.to)), 'no article reports itself');
    assert.deepEqual(hostile.err.trim().split('\n'), [
      'crosswire: hostile/alias.txt: the same file as hostile/a.txt, analysed once',
      'crosswire: hostile/outside: skipped, a link out of the folders given',
      'crosswire: hostile/sub/up: not followed, a link to a folder already searched (hostile)',
      'crosswire: hostile/x: not followed, a link to a folder already searched (hostile)',
      'crosswire: hostile/x.txt: skipped, a named pipe, not an article file',
      'crosswire: hostile/y: not followed, a link to a folder already searched (hostile)',
      'crosswire: hostile/z.txt: skipped, a link out of the folders given',
      'crosswire: hostile/sparse.txt: skipped, 1.5 GB is over the 5.0 MB limit',
    ]);
    const time = hostile.ms / plain.ms;
    const memory = hostile.rssKB / plain.rssKB;
    // Reading each article once and nothing else: a loop would not end, 41 readings of each article
    // (a link to the parent) would take far longer, and /dev/zero or the sparse file would fill memory.
    assert.ok(time < 2.5, `took ${time.toFixed(2)}× as long as the plain folder (${Math.round(hostile.ms)} / ${Math.round(plain.ms)} ms)`);
    assert.ok(memory < 1.2, `took ${memory.toFixed(2)}× the memory of the plain folder (${hostile.rssKB} / ${plain.rssKB} KB)`);
  });

  it('gives the same report whatever the order and spelling of the paths given', async () => {
    const one = await run(['analyze', '--json', join(root, 'plain', 'a.txt'), join(root, 'plain')]);
    const cwd = process.cwd();
    process.chdir(root);
    let two: Run;
    try {
      two = await run(['analyze', '--json', 'plain/sub', './plain/a.txt', 'plain', 'plain/a.txt']);
    } finally {
      process.chdir(cwd);
    }
    const a = json(one);
    const b = json(two);
    assert.equal(b.documents.length, 2, 'one article per file, however it was named');
    assert.deepEqual(b.documents.map((d) => d.path.split(/[\\/]/).slice(-2).join('/')), ['plain/a.txt', 'sub/b.txt']);
    assert.deepEqual(comparable(b), comparable(a));
    assert.equal(two.err, '');
  });
});

describe('hostile input: text that acts on a terminal', function () {
  this.timeout(60000);
  let dir: string;
  const title = 'Council \u001b]0;owned\u0007votes \u001b[2J\u001b[Hto cut\u009b31m taxes';
  const quote = 'We will \u202eetov ton\u202c, and \u200bnothing\u2066 else\u2069 \u001b]52;c;cm0gLXJmIH4=\u0007';
  const article = `${title}\n\nJane Okafor said: “${quote}”\n\nTom Reyes said: “The\u0000 plan is \u007fsound.”\n`;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-tty-'));
    writeFileSync(join(dir, 'evil\u001b[31m.txt'), article.replace('\u0000', ''));
    writeFileSync(join(dir, 'real.txt'), SEED);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows control characters, escape sequences, bidi overrides and zero-width characters as markers in the readable report', async () => {
    const r = await run(['analyze', dir]);
    assert.equal(r.code, 0, r.err);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/.test(r.out), 'no raw control, bidi or zero-width character is printed');
    assert.ok(r.out.includes('Council ⟨U+001B⟩]0;owned⟨U+0007⟩votes ⟨U+001B⟩[2J⟨U+001B⟩[Hto cut⟨U+009B⟩31m taxes'), r.out.slice(0, 400));
    assert.ok(r.out.includes('“We will ⟨U+202E⟩etov ton⟨U+202C⟩, and ⟨U+200B⟩nothing⟨U+2066⟩ else⟨U+2069⟩ ⟨U+001B⟩]52;c;cm0gLXJmIH4=⟨U+0007⟩”'));
    assert.ok(r.out.includes('evil⟨U+001B⟩[31m.txt'), 'the file name too');
    assert.match(r.out, /Blinken urges China/, 'the other article is reported as before');
  });

  it('keeps the JSON report exact, with the same characters escaped so that it prints safely too', async () => {
    const r = await run(['analyze', '--json', dir]);
    assert.ok(!/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/.test(r.out), 'JSON escapes what a terminal would act on');
    const report = json(r);
    const evil = report.documents.find((d) => d.path.includes('evil'))!;
    assert.equal(evil.title, title);
    assert.ok(evil.quotes.some((q) => q.text === quote), 'the quote, as written');
    assertReportOffsets(report, new Map([['evil\u001b[31m.txt', article.replace('\u0000', '')], ['real.txt', SEED]]));
  });
});

describe('hostile input: Windows-1252 and late binary content', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-1252-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes a Windows-1252 article, keeping its curly quotes, and says how it was read', async () => {
    const latin = (s: string): Buffer =>
      Buffer.from([...s].map((ch) => ({ '“': 0x93, '”': 0x94, '’': 0x92, '–': 0x96 })[ch] ?? ch.charCodeAt(0)));
    const text = 'Café owners protest\n\nMayor René Dupré said: “We won’t raise rents – not this year.”\n';
    writeFileSync(join(dir, 'cp1252.txt'), latin(text));
    writeFileSync(join(dir, 'real.txt'), SEED);
    const r = await run(['analyze', '--json', dir]);
    const report = json(r);
    assert.match(r.err, /^crosswire: .*cp1252\.txt: not valid UTF-8, decoded as Windows-1252\n$/);
    const d = report.documents.find((x) => x.path.endsWith('cp1252.txt'))!;
    assert.deepEqual(d.quotes.map((q) => [q.text, q.speaker]), [['We won’t raise rents – not this year.', 'René Dupré']]);
    assertReportOffsets({ ...report, documents: [d] }, new Map([['cp1252.txt', text]]));
    assert.equal(report.documents.length, 2);
  });

  it('skips a file whose NUL bytes come after its first 8 KB as binary, and analyses the rest', async () => {
    const text = Buffer.from(SEED.repeat(Math.ceil(20000 / SEED.length)));
    text[text.length - 100] = 0;
    assert.ok(text.length - 100 > 8192);
    writeFileSync(join(dir, 'late.txt'), text);
    const r = await run(['analyze', '--json', join(dir, 'late.txt'), join(dir, 'real.txt')]);
    assert.match(r.err, /late\.txt: skipped, binary content \(not text\)/);
    assert.deepEqual(json(r).documents.map((d) => d.path.split(/[\\/]/).pop()), ['real.txt']);
  });
});

describe('hostile input: invisible characters in the extension’s cards, trees and pickers', () => {
  const A = 'file:///w/a.txt';
  const B = 'file:///w/b.txt';
  // Reads "I will not resign" stored as "I will ngiser ton" behind a right-to-left override.
  const words = 'I will \u202engiser ton\u202c\u200b, ever';
  const name = 'Jane\u200d Oka\u2066for\u2069';
  const q = quoteAt(A, 'a-q0', words, 40, { speaker: speaker(name) });
  const other = quoteAt(B, 'b-q0', words, 12, { speaker: speaker(name) });
  const corpus = new FakeCorpus([q, other], [link('a-q0', 'b-q0', 1, 'identical'), link('b-q0', 'a-q0', 1, 'identical')], { [A]: `Title \u202eevil`, [B]: 'Plain title' });
  const raw = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0000-\u0008\u001b\u007f-\u009f]/;

  it('shows them as markers in a quote’s hover card, for its words, its speaker and the other article’s title', () => {
    const card = quoteCardMarkdown(q, linkedVersions(corpus, q), { maxLinks: 5 });
    assert.ok(!raw.test(card), card);
    assert.ok(card.includes('⟨U\\+202E⟩ngiser ton⟨U\\+202C⟩⟨U\\+200B⟩'), card);
    assert.ok(card.includes('Jane⟨U\\+200D⟩ Oka⟨U\\+2066⟩for⟨U\\+2069⟩'), card);
    const back = quoteCardMarkdown(other, linkedVersions(corpus, other), { maxLinks: 5 });
    assert.ok(back.includes('Title ⟨U\\+202E⟩evil'), back);
    assert.match(toHtml(card), /⟨U\+202E⟩ngiser ton/, 'the marker renders as written');
  });

  it('shows them in tree rows and pickers, with the mention highlighted where it is', () => {
    const text = `Said \u202eyb\u202c Jane\u200bOkafor on Monday.`;
    const start = text.indexOf('Jane');
    const end = start + 'Jane\u200bOkafor'.length;
    const context = lineContext(text, start, end);
    assert.equal(context.text, 'Said ⟨U+202E⟩yb⟨U+202C⟩ Jane⟨U+200B⟩Okafor on Monday.');
    assert.equal(context.text.slice(...context.highlight), 'Jane⟨U+200B⟩Okafor');
    assert.equal(plainText('Oka\u2066for\nline'), 'Oka⟨U+2066⟩for line');
    assert.equal(escapeIcons('$(alert) \u202eboo'), '\\$(alert) ⟨U+202E⟩boo');
    assert.equal(truncate(`\ufeff${words}`, 200), '⟨U+FEFF⟩I will ⟨U+202E⟩ngiser ton⟨U+202C⟩⟨U+200B⟩, ever');
    const groups = outlineGroups([q]);
    assert.equal(plainText(groups[0]!.name), 'Jane⟨U+200D⟩ Oka⟨U+2066⟩for⟨U+2069⟩');
  });

  it('leaves the offsets of quotes and mentions as they are in the text', () => {
    const text = `Jane Okafor said: “${words}”`;
    const doc = new Corpus().set('bidi.txt', text);
    assertWellFormed(doc);
    assert.equal(doc.quotes[0]?.text, words, 'the quote keeps its characters');
    assert.equal(text.slice(doc.quotes[0]!.start, doc.quotes[0]!.end), words);
  });
});
