import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { Corpus } from '../../src/core/corpus';
import { textReport, type JsonReport } from '../../src/core/report';
import { MAX_QUOTE_LENGTH } from '../../src/core/quotes/find';
import { assertSymmetricLinks, assertWellFormed } from '../fixtures/hostile/invariants';

const SEEDS = join(__dirname, '../../seeds');
const MARKUP = readFileSync(join(__dirname, '../fixtures/hostile/markup.md'), 'utf8');
const SEED = readFileSync(join(SEEDS, '000_44d6e05b2ad3ddd3.txt'), 'utf8');

interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

function run(args: string[]): Run {
  let out = '';
  let err = '';
  const t0 = Date.now();
  const code = main(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
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
    assert.equal(doc.title, 'Minister’s “clear plan” under fire — [Daily Wire](https://example.invalid/news)', 'the heading, without its # mark');
    const names = doc.mentions.map((m) => m.text);
    assert.ok(names.includes('Jane Okafor') && names.includes('Tom Reyes'), `names: ${names.join(', ')}`);
  });

  it('attributes quotes across markup to the people named beside them', () => {
    const speakerOf = (start: string): string | undefined => doc.quotes.find((q) => q.text.startsWith(start))?.speaker?.name;
    assert.match(speakerOf('We will [cut taxes]') ?? '', /Okafor/);
    assert.match(speakerOf('Nothing in the') ?? '', /Reyes/);
  });

  it('prints markup verbatim in the readable report and escapes it only as JSON does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswire-markup-'));
    try {
      writeFileSync(join(dir, 'markup.md'), MARKUP);
      const text = run(['analyze', dir]);
      assert.equal(text.code, 0, text.err);
      assert.ok(text.out.includes('We will [cut taxes](command:workbench.action.terminal.new) for every family, &amp; we mean it.'));
      assert.ok(text.out.includes('a <b>fantasy</b> built on $(alert) icons'));
      const report = json(run(['analyze', '--json', dir]));
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

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'crosswire-enc-'));
    writeFileSync(join(dir, 'lf.txt'), SEED);
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED)]));
    writeFileSync(join(dir, 'le.txt'), utf16(SEED, 'le'));
    writeFileSync(join(dir, 'be.txt'), utf16(SEED, 'be'));
    writeFileSync(join(dir, 'crlf.txt'), crlf);
    writeFileSync(join(dir, 'invalid.txt'), invalid);
    const r = run(['analyze', '--json', dir]);
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

  it('numbers lines in the readable report as an editor does, for CRLF and lone CR too', () => {
    const text = run(['analyze', join(dir, 'lf.txt'), join(dir, 'crlf.txt')]);
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

  it('skips binary content named .txt, a 20 MB file and a too-large UTF-16 file, each with one message, and goes on', () => {
    const png = Buffer.alloc(4096);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < png.length; i++) png[i] = (i * 37) & 0xff;
    writeFileSync(join(dir, 'photo.txt'), png);
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'All work and no play. '));
    writeFileSync(join(dir, 'wide.md'), utf16(oneLine(40000), 'le'));
    writeFileSync(join(dir, 'real.txt'), SEED);
    const r = run(['analyze', '--json', '--max-size', '64', dir]);
    const report = json(r);
    assert.deepEqual(report.documents.map((d) => d.path.split(/[\\/]/).pop()), ['real.txt']);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 3, r.err);
    assert.ok(lines.some((l) => /photo\.txt: skipped, binary content/.test(l)));
    assert.ok(lines.some((l) => /huge\.txt: skipped, 20\.0 MB is over the 64 KB limit/.test(l)));
    assert.ok(lines.some((l) => /wide\.md: skipped, \d+ KB is over the 64 KB limit/.test(l)));
    assert.ok(r.ms < 30000, `took ${r.ms} ms`);
  });

  it('skips a 20 MB file under the default limit', () => {
    const r = run(['analyze', '--json', join(dir, 'huge.txt'), join(dir, 'real.txt')]);
    assert.equal(json(r).documents.length, 1);
    assert.match(r.err, /^crosswire: .*huge\.txt: skipped, 20\.0 MB is over the 5\.0 MB limit\n$/);
  });

  it('analyses an empty file and a file of white space as articles with nothing in them', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), ' \n\r\n\t\u2028\u00a0\n');
    const r = run(['analyze', '--json', join(dir, 'empty.txt'), join(dir, 'blank.txt')]);
    const report = json(r);
    assert.equal(r.err, '');
    assert.equal(report.documents.length, 2);
    for (const d of report.documents) {
      assert.deepEqual([d.quotes, d.mentions], [[], []]);
      assert.match(d.title, /^(empty|blank)\.txt$/);
    }
    assert.equal(run(['analyze', join(dir, 'empty.txt')]).code, 0);
  });

  it('analyses one 1 MB line of news text in bounded time, with no quote longer than the cap', function () {
    const text = oneLine(1024 * 1024);
    writeFileSync(join(dir, 'line.txt'), text);
    const r = run(['analyze', '--json', '--max-size', '2048', join(dir, 'line.txt')]);
    const report = json(r);
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
    const d = report.documents[0]!;
    assert.ok(d.quotes.length > 100 && d.mentions.length > 1000, `${d.quotes.length} quotes, ${d.mentions.length} mentions`);
    assertReportOffsets(report, new Map([['line.txt', text]]));
    for (const q of d.quotes) assert.ok(q.end - q.start <= MAX_QUOTE_LENGTH, `a quote of ${q.end - q.start} code units`);
  });

  it('survives 10,000 quote marks of every kind in one paragraph and 5,000 quotes on their own lines', () => {
    const marks = '"“”‘’«»‹›„‚\'';
    const soup = Array.from({ length: 10000 }, (_, i) => marks[(i * 7) % marks.length]! + (i % 3 ? 'x' : ' ')).join('');
    const lines = Array.from({ length: 5000 }, (_, i) => `Smith said “yes ${i}”.`).join('\n');
    writeFileSync(join(dir, 'soup.txt'), soup);
    writeFileSync(join(dir, 'lines.txt'), lines);
    const r = run(['analyze', '--json', join(dir, 'soup.txt'), join(dir, 'lines.txt')]);
    const report = json(r);
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
    assertReportOffsets(report, new Map([['soup.txt', soup], ['lines.txt', lines]]));
    const listed = report.documents.find((d) => d.path.endsWith('lines.txt'))!;
    assert.equal(listed.quotes.length, 5000);
    assert.ok(listed.quotes.every((q) => q.speaker === 'Smith'));
  });

  it('survives a file of opening marks only, and quotes nested thousands deep', () => {
    const opening = '“He said ‘we «will ‹never „stop '.repeat(4000);
    let nested = 'Jones said: ';
    for (let i = 0; i < 3000; i++) nested += (i % 2 ? '‘' : '“') + 'word ';
    for (let i = 3000; i > 0; i--) nested += i % 2 ? '’' : '”';
    writeFileSync(join(dir, 'opening.txt'), opening);
    writeFileSync(join(dir, 'nested.txt'), nested);
    const r = run(['analyze', '--json', join(dir, 'opening.txt'), join(dir, 'nested.txt')]);
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
