import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../../../src/core/corpus';
import { Indexer } from '../../../../src/core/indexing/indexer';
import type { FileOutcomes } from '../../../../src/core/indexing/ledger';
import { eventually, HeldAnalyzer, MemoryHost } from '../../../support/memory-host';
import { RecordingLog } from '../../../support/recording-log';

/** A short article with one statement and its speaker, different for each `n`. */
function article(n: number, words = 'will hold through the spring floods without any doubt'): string {
  return `Report ${n}\n\n“The dam ${words} at site ${n},” Mayor Ana Lopes said on Monday.`;
}

const SEEDS = join(__dirname, '../../../../seeds');

/** Enough files for the run to find every file's quotes first, then the entities. */
function folder(count = 10): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`mem:/news/${String(i).padStart(2, '0')}.txt`] = article(i);
  return files;
}

function setUp(files: Record<string, string>) {
  const host = new MemoryHost(files);
  const analyzer = new HeldAnalyzer();
  const corpus = new Corpus();
  const log = new RecordingLog();
  const indexer = new Indexer(corpus, host, log, { analyzer, maxFileSizeKB: () => 1024, cores: 2 });
  return { host, analyzer, corpus, log, indexer };
}

describe('the indexer over an in-memory workspace', () => {
  let indexer: Indexer | undefined;
  afterEach(() => indexer?.dispose());

  it('indexes every article: its quotes first, then its entities', async () => {
    const t = setUp(folder());
    indexer = t.indexer;
    const phases: string[] = [];
    t.indexer.onDidChangeIndexState((s) => phases.push(s.phase));
    await t.indexer.reindex();
    assert.equal(t.corpus.uris().length, 10);
    assert.equal(t.indexer.stats.awaitingEntities, 0);
    assert.equal(t.indexer.stats.quick, 10);
    assert.ok(t.corpus.entities().some((e) => e.name.includes('Lopes')), 'entities recognised');
    assert.deepEqual([...new Set(phases)], ['finding', 'quotes', 'entities', 'idle']);
  });

  it('logs how long each pass took, the entity pass from where the quick pass ended', async () => {
    const t = setUp(folder());
    indexer = t.indexer;
    t.analyzer.holding = true;
    const run = t.indexer.reindex();
    await eventually(() => t.indexer.state.phase === 'entities' && t.analyzer.waiting > 0, 'the entity pass to start');
    await new Promise((resolve) => setTimeout(resolve, 80));
    t.analyzer.release();
    await run;
    const line = t.log.lines.find((l) => l.includes('Indexed 10 article file(s)'));
    const m = /quotes and links in (\d+) ms, then entities in (\d+) ms/.exec(line ?? '');
    assert.ok(m, `a line with both passes: ${line}`);
    assert.ok(Number(m[2]) >= 70, `the entity pass waited 80 ms on the analyser: ${line}`);
    assert.ok(Number(m[1]) < Number(m[2]), `the quick pass is not counted in the entity pass's time: ${line}`);
  });

  it('lets an editor opened during the run win over the file on disk', async () => {
    const t = setUp(folder());
    indexer = t.indexer;
    const key = 'mem:/news/07.txt';
    t.analyzer.holding = true;
    const run = t.indexer.reindex();
    await eventually(() => t.indexer.state.phase === 'entities' && t.analyzer.waiting > 0, 'the entity pass to start');
    const edited = article(7, 'is safe, and the engineers have checked every gate twice');
    const document = t.host.open(key, edited);
    const analysis = t.indexer.analyse(document);
    t.analyzer.release();
    await run;
    assert.equal((await analysis)?.text, edited);
    await eventually(() => t.indexer.stats.inFlight === 0, 'the analyses to settle');
    assert.equal(t.corpus.document(key)?.text, edited, 'the disk text did not overwrite the editor’s');
    assert.equal(t.corpus.document(key)?.version, 1);
    assert.ok(t.indexer.stats.dropped >= 1, 'the analysis of the disk text was dropped');
    assert.equal(t.indexer.stats.awaitingEntities, 0);
  });

  it('analyses an editor opened while its file was being read, though the read starts an analysis after it', async () => {
    const t = setUp({ 'mem:/a.txt': article(1) });
    indexer = t.indexer;
    let letRead: () => void = () => undefined;
    const read = t.host.read.bind(t.host);
    t.host.read = (key, maxBytes) => new Promise((resolve) => (letRead = () => resolve(read(key, maxBytes))));
    t.analyzer.holding = true;
    const run = t.indexer.reindex();
    await eventually(() => t.indexer.state.phase === 'quotes' || t.indexer.state.phase === 'entities', 'the run to read the file');
    const edited = article(1, 'was opened to let the water through');
    const analysis = t.indexer.analyse(t.host.open('mem:/a.txt', edited));
    await eventually(() => t.analyzer.waiting === 1, 'the editor’s analysis to start');
    letRead();
    await eventually(() => t.analyzer.waiting === 2, 'the file’s analysis to start');
    t.analyzer.release();
    assert.equal((await analysis)?.text, edited);
    await run;
    await eventually(() => t.indexer.stats.inFlight === 0, 'the analyses to settle');
    assert.equal(t.corpus.document('mem:/a.txt')?.text, edited);
    assert.deepEqual(t.indexer.status(t.host.openDocument('mem:/a.txt')!), { ready: true, analysis: t.corpus.document('mem:/a.txt') });
  });

  it('moves a file renamed during the run to its new name, with its entities', async () => {
    const t = setUp(folder());
    indexer = t.indexer;
    const from = 'mem:/news/03.txt';
    const to = 'mem:/news/renamed.txt';
    t.analyzer.holding = true;
    const run = t.indexer.reindex();
    await eventually(() => t.indexer.state.phase === 'entities' && t.analyzer.waiting > 0, 'the entity pass to start');
    t.host.rename(from, to);
    assert.ok(t.corpus.has(to) && !t.corpus.has(from), 'moved at once, with the facts already known');
    t.analyzer.release();
    await run;
    await eventually(() => t.indexer.stats.awaitingEntities === 0 && t.indexer.stats.inFlight === 0 && t.indexer.stats.queued === 0, 'the renamed file’s entities');
    assert.equal(t.corpus.has(from), false);
    assert.equal(t.corpus.document(to)?.text, article(3));
    assert.ok(t.corpus.document(to)!.mentions.length > 0, 'its entities came under the new name');
    assert.equal(t.corpus.uris().length, 10);
  });

  it('ends with the second text of a file changed twice while the first was analysed', async () => {
    const t = setUp({ 'mem:/a.txt': article(1) });
    indexer = t.indexer;
    await t.indexer.reindex();
    t.analyzer.holding = true;
    const first = article(1, 'may fail if the rain goes on');
    const second = article(1, 'was opened to let the water through');
    t.host.write('mem:/a.txt', first);
    await eventually(() => t.analyzer.waiting === 1, 'the analysis of the first change');
    t.host.write('mem:/a.txt', second);
    t.analyzer.release();
    await eventually(() => t.corpus.document('mem:/a.txt')?.text === second && t.indexer.stats.queued === 0 && t.indexer.stats.inFlight === 0, 'the second text');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(t.corpus.document('mem:/a.txt')?.text, second);
  });

  it('drops the older analysis of an editor typed into twice', async () => {
    const t = setUp({ 'mem:/a.txt': article(1) });
    indexer = t.indexer;
    await t.indexer.reindex();
    t.analyzer.holding = true;
    t.host.open('mem:/a.txt');
    const v2 = article(1, 'may fail if the rain goes on');
    const v3 = article(1, 'was opened to let the water through');
    const older = t.indexer.analyse(t.host.edit('mem:/a.txt', v2));
    const newer = t.indexer.analyse(t.host.edit('mem:/a.txt', v3));
    await eventually(() => t.analyzer.waiting === 2, 'both analyses to start');
    t.analyzer.finish(v3);
    assert.equal((await newer)?.text, v3);
    t.analyzer.finish(v2);
    assert.equal((await older)?.text, v3, 'the older request resolves with the newer text');
    assert.equal(t.corpus.document('mem:/a.txt')?.text, v3);
    assert.equal(t.corpus.document('mem:/a.txt')?.version, 3);
    assert.ok(t.indexer.stats.dropped >= 1);
  });

  it('reads nothing of a file deleted while it waited in the queue', async () => {
    const t = setUp({ 'mem:/a.txt': article(1) });
    indexer = t.indexer;
    await t.indexer.reindex();
    const asked = t.analyzer.asked.length;
    t.host.write('mem:/b.txt', article(2));
    assert.equal(t.indexer.stats.queued, 1);
    t.host.delete('mem:/b.txt');
    assert.equal(t.indexer.stats.queued, 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(t.corpus.has('mem:/b.txt'), false);
    assert.equal(t.analyzer.asked.length, asked, 'no analysis of the deleted file');
  });

  it('skips a file over the size limit, counting an editor’s text in UTF-8 bytes as a file’s', async () => {
    // 600 three-byte characters: 1,800 bytes, over a 1 KB limit, though only 600 UTF-16 units.
    const big = `Report\n\n“${'あ'.repeat(600)},” Ana Lopes said.`;
    const host = new MemoryHost({ 'mem:/big.txt': big });
    const corpus = new Corpus();
    indexer = new Indexer(corpus, host, new RecordingLog(), { analyzer: new HeldAnalyzer(), maxFileSizeKB: () => 1 });
    await indexer.reindex();
    assert.equal(indexer.skipped.get('mem:/big.txt'), 'larger than 1 KB (crosswire.maxFileSizeKB)');
    assert.equal(await indexer.analyse(host.open('mem:/big.txt')), undefined);
    assert.equal(indexer.skipped.get('mem:/big.txt'), 'larger than 1 KB (crosswire.maxFileSizeKB)');
    assert.equal(corpus.has('mem:/big.txt'), false);
  });

  it('forgets a closed editor’s unsaved text and reads the file again', async () => {
    const t = setUp({ 'mem:/a.txt': article(1) });
    indexer = t.indexer;
    await t.indexer.reindex();
    const unsaved = article(1, 'was opened to let the water through');
    await t.indexer.analyse(t.host.open('mem:/a.txt', unsaved));
    assert.equal(t.corpus.document('mem:/a.txt')?.text, unsaved);
    t.host.close('mem:/a.txt');
    await eventually(() => t.corpus.document('mem:/a.txt')?.text === article(1), 'the file’s own text');
    assert.equal(t.indexer.stats.editorStates, 0);
  });

  it('without keeping the thread responsive, analyses each file once, in full, adds it in one step and says what became of each', async () => {
    const files = folder(4);
    const seeds = readdirSync(SEEDS).sort().map((name) => readFileSync(join(SEEDS, name), 'utf8'));
    seeds.forEach((text, i) => (files[`mem:/seeds/${i}.txt`] = text));
    // More quotes than a responsive run adds at a time.
    files['mem:/seeds/long.txt'] = seeds[3]!.repeat(3);
    files['mem:/seeds/photo.txt'] = '\u0089PNG\u0000\u0000';
    files['mem:/seeds/big.txt'] = 'x'.repeat(70 * 1024);
    const host = new MemoryHost(files);
    const listed = host.list.bind(host);
    // Listed, then gone before it is read.
    host.list = async () => {
      const listing = await listed();
      return { ...listing, files: [...listing.files, { key: 'mem:/seeds/gone.txt' }] };
    };
    const analyzer = new HeldAnalyzer();
    const corpus = new Corpus();
    const said: string[] = [];
    const outcomes: FileOutcomes = {
      read: (key, read) => void (read.ok || said.push(`${key}: ${read.message}`)),
      failed: (key, message) => void said.push(`${key}: ${message}`),
    };
    indexer = new Indexer(corpus, host, new RecordingLog(), { analyzer, maxFileSizeKB: () => 64, cores: 2, responsive: false, outcomes });
    await indexer.reindex();
    assert.equal(analyzer.asked.length, 10);
    assert.ok(analyzer.asked.every((a) => !a.quick), 'no quick pass');
    assert.equal(indexer.stats.quick, 0);
    assert.deepEqual(said.sort(), [
      'mem:/seeds/big.txt: 70 KB is over the 64 KB limit',
      'mem:/seeds/gone.txt: cannot be read (no such file: mem:/seeds/gone.txt)',
      'mem:/seeds/photo.txt: binary content (not text)',
    ]);
    const oneByOne = new Corpus();
    for (const key of corpus.uris()) oneByOne.set(key, files[key]!);
    const links = (c: Corpus) => c.links().map((l) => `${l.from} ${l.to} ${l.relation} ${l.score}`);
    assert.ok(links(corpus).length > 0);
    assert.deepEqual(links(corpus), links(oneByOne), 'the links of the files added one by one');
  });
});
