import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { main } from '../../../../src/cli';
import { Corpus } from '../../../../src/core/corpus';
import { exportAnalysis, exportName, type ExportFile, type ExportFormat } from '../../../../src/core/export';
import { codePointOffsets } from '../../../../src/core/text/code-points';
import schema from '../../../fixtures/export/web-annotation.schema.json';

const SEEDS = join(__dirname, '../../../../seeds');

/**
 * An article that tries what exports get wrong: characters outside the Basic Multilingual Plane before
 * names (their offsets differ between UTF-16 and code points), CRLF line ends, a quote over two
 * paragraphs, and quotes that a spreadsheet would run as formulas.
 */
const TRICKY =
  '🌍 Talks in Geneva 🌍\r\n\r\n“=HYPERLINK("http://evil") is what we want,” Antony Blinken said on Friday in Geneva.\r\n\r\n' +
  'The 😀 spokesman for the United Nations said: “We will not stop.\r\n\r\nWe will go on,” he added.\r\n\r\n“-5 per cent, @everyone,” said Maria Zakharova.\r\n';

function corpusOf(): Corpus {
  const corpus = new Corpus();
  for (const f of readdirSync(SEEDS).sort()) corpus.set(join(SEEDS, f), readFileSync(join(SEEDS, f), 'utf8'));
  corpus.set('/story/tricky.md', TRICKY);
  return corpus;
}

const OPTIONS = {
  nameOf: (uri: string) => exportName(uri.startsWith(SEEDS) ? `seeds/${uri.slice(SEEDS.length + 1)}` : uri.replace(/^\/story\//, 'story/')),
  sourceOf: (uri: string) => `file://${uri}`,
};

function fileOf(files: readonly ExportFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  assert.ok(f, `${path} among ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** Characters (code points) `start` to `end` of a text, as brat and the Web Annotation model count them. */
function byCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

describe('export', function () {
  this.timeout(60000);
  let corpus: Corpus;
  const run = (format: ExportFormat): ExportFile[] => exportAnalysis(corpus, format, OPTIONS);

  before(() => {
    corpus = corpusOf();
  });

  it('counts code points as brat and Web Annotations do, not UTF-16 code units', () => {
    const text = 'a😀b🌍c';
    const cp = codePointOffsets(text);
    assert.deepEqual([0, 1, 3, 4, 6, 7].map(cp), [0, 1, 2, 3, 4, 5]);
    assert.equal(codePointOffsets('plain')(3), 3);
  });

  it('writes JSON Lines whose every line parses, with every quote, link and entity', async () => {
    const lines = fileOf(await run('jsonl'), 'analysis.jsonl').trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const quotes = records.filter((r) => r.type === 'quote');
    assert.equal(quotes.length, corpus.documents().reduce((n, d) => n + d.quotes.length, 0));
    assert.equal(records.filter((r) => r.type === 'entity').length, corpus.entities().length);
    assert.equal(records.filter((r) => r.type === 'article').length, 6);
    const linked = quotes.filter((q) => (q.links as unknown[]).length > 0);
    assert.ok(linked.length > 0, 'the seeds have quotes linked across articles');
    const blinken = quotes.find((q) => q.article === 'story/tricky.md' && q.speaker === 'Antony Blinken');
    assert.ok(blinken);
    assert.equal(TRICKY.slice(blinken.start as number, blinken.end as number), blinken.text);
  });

  it('writes CSV that a CSV library reads back: one row per quote and per mention, formulas made harmless', async () => {
    const files = await run('csv');
    const quotesCsv = fileOf(files, 'quotes.csv');
    assert.ok(quotesCsv.startsWith('\ufeff'), 'a byte-order mark so that Excel reads UTF-8');
    const quotes = parseCsv(quotesCsv, { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    const mentions = parseCsv(fileOf(files, 'mentions.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const docs = corpus.documents();
    assert.equal(quotes.length, docs.reduce((n, d) => n + d.quotes.length, 0));
    assert.equal(mentions.length, docs.reduce((n, d) => n + d.mentions.length, 0));
    const tricky = quotes.filter((q) => q.article === 'story/tricky.md');
    const texts = tricky.map((q) => q.text);
    assert.ok(texts.includes(`'=HYPERLINK("http://evil") is what we want`), texts.join(' | '));
    assert.ok(texts.includes(`'-5 per cent, @everyone`));
    assert.ok(texts.includes('We will not stop.\r\n\r\nWe will go on'), 'a quote over two paragraphs stays one cell');
    for (const row of [...quotes, ...mentions]) for (const cell of Object.values(row)) assert.ok(!/^[=+\-@]/.test(cell), `no formula: ${cell}`);
    const speakers = new Map(tricky.map((q) => [q.text, q.speaker]));
    assert.equal(speakers.get(`'-5 per cent, @everyone`), 'Maria Zakharova');
    const linked = quotes.filter((q) => Number(q.links) > 0);
    assert.ok(linked.length > 0);
    for (const q of linked) assert.equal(q['linked quotes'].split('; ').length, Number(q.links));
    const blinken = mentions.find((m) => m.article === 'story/tricky.md' && m.text === 'Antony Blinken');
    assert.equal(blinken?.entity, 'person:antony-blinken');
    assert.equal(blinken?.['entity name'], 'Antony Blinken');
  });

  describe('brat standoff', () => {
    /** Reads an .ann file by brat's documented standoff format, failing on any line it would reject. */
    function readAnn(ann: string, text: string, conf: { entities: Set<string>; relations: Map<string, [Set<string>, Set<string>]> }) {
      const bounds = new Map<string, { type: string; fragments: [number, number][]; text: string }>();
      const relations: { type: string; arg1: string; arg2: string }[] = [];
      const notes: { target: string; note: string }[] = [];
      for (const line of ann.split('\n').filter((l) => l !== '')) {
        const fields = line.split('\t');
        const id = fields[0]!;
        if (id.startsWith('T')) {
          assert.equal(fields.length, 3, line);
          const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1]!);
          assert.ok(m, `a type and offsets: ${line}`);
          assert.ok(conf.entities.has(m[1]!), `type ${m[1]} declared in annotation.conf`);
          const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
          for (const [s, e] of fragments) assert.ok(s < e, line);
          const covered = fragments.map(([s, e]) => byCodePoints(text, s, e));
          for (const c of covered) assert.ok(!/[\r\n]/.test(c), 'no line break inside a fragment');
          assert.equal(fields[2], covered.join(' '), `the annotation's text is the text at its offsets: ${line}`);
          assert.ok(!bounds.has(id), `unique id ${id}`);
          bounds.set(id, { type: m[1]!, fragments, text: fields[2]! });
        } else if (id.startsWith('R')) {
          assert.equal(fields.length, 2, line);
          const m = /^(\S+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(fields[1]!);
          assert.ok(m, line);
          relations.push({ type: m[1]!, arg1: m[2]!, arg2: m[3]! });
        } else if (id.startsWith('#')) {
          assert.equal(fields.length, 3, line);
          const m = /^AnnotatorNotes (T\d+)$/.exec(fields[1]!);
          assert.ok(m, line);
          notes.push({ target: m[1]!, note: fields[2]! });
        } else assert.fail(`an annotation brat knows: ${line}`);
      }
      for (const r of relations) {
        const decl = conf.relations.get(r.type);
        assert.ok(decl, `relation ${r.type} declared`);
        assert.ok(decl[0].has(bounds.get(r.arg1)!.type) && decl[1].has(bounds.get(r.arg2)!.type), `argument types of ${r.type}`);
      }
      for (const n of notes) assert.ok(bounds.has(n.target));
      return { bounds, relations, notes };
    }

    function readConf(conf: string) {
      const entities = new Set<string>();
      const relations = new Map<string, [Set<string>, Set<string>]>();
      let section = '';
      for (const line of conf.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
        const head = /^\[(\w+)\]$/.exec(line);
        if (head) section = head[1]!;
        else if (section === 'entities') entities.add(line);
        else if (section === 'relations') {
          const m = /^(\S+)\s+Arg1:([^,]+),\s*Arg2:(.+)$/.exec(line);
          assert.ok(m, line);
          relations.set(m[1]!, [new Set(m[2]!.split('|')), new Set(m[3]!.split('|'))]);
        }
      }
      return { entities, relations };
    }

    it('writes each text beside its annotations, with offsets in code points, that brat reads', async () => {
      const files = await run('brat');
      const conf = readConf(fileOf(files, 'annotation.conf'));
      assert.ok(conf.entities.has('Person') && conf.relations.has('Said_by'));
      for (const d of corpus.documents()) {
        const name = OPTIONS.nameOf(d.uri).replace(/\.txt$/, '');
        assert.equal(fileOf(files, `${name}.txt`), d.text, 'a copy of the text');
        const { bounds, relations } = readAnn(fileOf(files, `${name}.ann`), d.text, conf);
        const types = [...bounds.values()].map((b) => b.type);
        assert.equal(types.filter((t) => t === 'Statement' || t === 'Term').length, d.quotes.length);
        assert.equal(types.filter((t) => ['Person', 'Place', 'Organization'].includes(t)).length, d.mentions.length);
        assert.equal(relations.length, d.quotes.filter((q) => q.speaker).length, 'a Said_by relation for every quote with a speaker');
      }
      const tricky = readAnn(fileOf(files, 'story/tricky.md.ann'), TRICKY, conf);
      const zakharova = [...tricky.bounds.entries()].find(([, b]) => b.text === 'Maria Zakharova');
      assert.ok(zakharova);
      const said = tricky.relations.find((r) => tricky.bounds.get(r.arg1)!.text === '-5 per cent, @everyone');
      assert.equal(said?.arg2, zakharova[0], 'the quote is said by the name');
      const twoParagraphs = [...tricky.bounds.values()].find((b) => b.text.startsWith('We will not stop.'));
      assert.equal(twoParagraphs?.fragments.length, 2, 'a quote over two paragraphs is written as two fragments');
    });
  });

  it('writes a Web Annotation collection valid against the data model, whose selectors find their words', async () => {
    const doc = JSON.parse(fileOf(await run('webannotation'), 'annotations.jsonld')) as {
      total: number;
      first: { items: { id: string; motivation: string; body: { purpose: string; value?: string; source?: string }[]; target: { source: string; selector: Record<string, unknown>[] } }[] };
    };
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(doc), ajv.errorsText(validate.errors));
    const items = doc.first.items;
    assert.equal(items.length, doc.total);
    const docs = corpus.documents();
    assert.equal(items.length, docs.reduce((n, d) => n + d.quotes.length + d.mentions.length, 0));
    const texts = new Map(docs.map((d) => [OPTIONS.sourceOf(d.uri), d.text]));
    for (const a of items) {
      const text = texts.get(a.target.source)!;
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.equal(byCodePoints(text, position.start as number, position.end as number), quote.exact);
      assert.ok(text.includes(`${quote.prefix as string}${quote.exact as string}${quote.suffix as string}`));
    }
    const ids = new Set(items.map((a) => a.id));
    const links = items.flatMap((a) => a.body.filter((b) => b.purpose === 'linking'));
    assert.ok(links.length > 0);
    for (const l of links) assert.ok(ids.has(l.source!), 'a link points at another annotation of the collection');
    const zakharova = items.find((a) => a.target.selector.some((s) => s.exact === '-5 per cent, @everyone'));
    assert.ok(zakharova?.body.some((b) => b.value === 'said by Maria Zakharova'));
  });

  it('writes CoNLL token tags that give back the names and quotes at their offsets', async () => {
    const conll = fileOf(await run('conll'), 'analysis.conll');
    const byDoc = new Map<string, string[][]>();
    let current: string[][] = [];
    for (const line of conll.split('\n')) {
      if (line.startsWith('-DOCSTART-')) byDoc.set(line.split('\t')[1]!, (current = []));
      else if (line !== '') current.push(line.split('\t'));
    }
    assert.equal(byDoc.size, 6);
    for (const d of corpus.documents()) {
      const rows = byDoc.get(OPTIONS.nameOf(d.uri))!;
      for (const [token, start, end, ner, quote] of rows) {
        assert.equal(d.text.slice(Number(start), Number(end)), token);
        assert.match(ner!, /^(O|[BI]-(PER|LOC|ORG))$/);
        assert.match(quote!, /^(O|[BI]-(STATEMENT|TERM))$/);
      }
      // Names read back from the tags: a B- opens one, I- tokens extend it.
      const names: string[] = [];
      let open: [number, number] | null = null;
      for (const [, start, end, ner] of rows) {
        if (ner!.startsWith('B-')) {
          if (open) names.push(d.text.slice(...open));
          open = [Number(start), Number(end)];
        } else if (ner!.startsWith('I-') && open) open[1] = Number(end);
        else if (open) {
          names.push(d.text.slice(...open));
          open = null;
        }
      }
      if (open) names.push(d.text.slice(...open));
      assert.deepEqual(names, d.mentions.map((m) => m.text), 'every name read back from the tags, possessives split off');
    }
  });

  describe('crosswire export', () => {
    let dir: string;
    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await main(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
      return { code, out, err };
    };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'crosswire-export-'));
      mkdirSync(join(dir, 'story'));
      writeFileSync(join(dir, 'story', 'tricky.md'), TRICKY);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('writes every format to the --out folder and leaves the articles as they were', async () => {
      for (const format of ['jsonl', 'csv', 'brat', 'webannotation', 'conll']) {
        const r = await cli(['export', '--format', format, '--out', join(dir, 'out', format), join(dir, 'story')]);
        assert.equal(r.code, 0, r.err);
      }
      assert.ok(existsSync(join(dir, 'out', 'brat', 'tricky.md.ann')));
      assert.ok(existsSync(join(dir, 'out', 'csv', 'quotes.csv')));
      assert.deepEqual(readdirSync(join(dir, 'story')), ['tricky.md']);
      assert.equal(readFileSync(join(dir, 'story', 'tricky.md'), 'utf8'), TRICKY);
    });

    it('refuses to write among the articles, but a hidden folder inside them is fine', async () => {
      const among = await cli(['export', '--format', 'brat', '--out', join(dir, 'story'), join(dir, 'story')]);
      assert.equal(among.code, 1);
      assert.match(among.err, /among the articles/);
      const inside = await cli(['export', '--format', 'brat', '--out', join(dir, 'story', 'brat'), join(dir, 'story')]);
      assert.equal(inside.code, 1);
      assert.ok(!existsSync(join(dir, 'story', 'brat')));
      const hidden = await cli(['export', '--format', 'brat', '--out', join(dir, 'story', '.crosswire', 'export'), join(dir, 'story')]);
      assert.equal(hidden.code, 0, hidden.err);
      assert.ok(existsSync(join(dir, 'story', '.crosswire', 'export', 'tricky.md.txt')));
      const again = await cli(['analyze', '--json', join(dir, 'story')]);
      assert.equal((JSON.parse(again.out) as { documents: unknown[] }).documents.length, 1, 'the copies are not read as articles');
    });

    it('says what is missing or wrong in the command', async () => {
      assert.equal((await cli(['export', '--out', join(dir, 'o'), join(dir, 'story')])).code, 2);
      assert.match((await cli(['export', '--format', 'xml', '--out', join(dir, 'o'), join(dir, 'story')])).err, /--format takes one of jsonl, csv, brat, webannotation, conll/);
      assert.match((await cli(['export', '--format', 'csv', join(dir, 'story')])).err, /needs --out/);
    });
  });
});
