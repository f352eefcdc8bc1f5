import { strict as assert } from 'node:assert';
import { analyzeText, type DocumentFacts } from '../../../../src/core/corpus';
import { CACHE_FORMAT, entryName, FactsCache, textHash, type CacheFolder } from '../../../../src/core/indexing/facts-cache';
import { RecordingLog } from '../../../support/recording-log';

/** A folder in memory that records what was done to it, and can fail a write half way. */
class MemoryFolder implements CacheFolder {
  readonly files = new Map<string, Uint8Array>();
  readonly renames: [string, string][] = [];
  failWritesAfter = Infinity;

  async read(name: string): Promise<Uint8Array | undefined> {
    return this.files.get(name);
  }
  async write(name: string, data: Uint8Array): Promise<void> {
    if (this.failWritesAfter-- <= 0) {
      // A crash mid-write leaves a partial temporary file behind, never a partial entry.
      this.files.set(name, data.slice(0, data.length >> 1));
      throw new Error('disk full');
    }
    this.files.set(name, data);
  }
  async rename(from: string, to: string): Promise<void> {
    const data = this.files.get(from);
    assert.ok(data, `rename of missing ${from}`);
    this.files.delete(from);
    this.files.set(to, data);
    this.renames.push([from, to]);
  }
  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }
  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }
  text(name: string): string {
    return new TextDecoder().decode(this.files.get(name));
  }
  put(name: string, text: string): void {
    this.files.set(name, new TextEncoder().encode(text));
  }
}

const TEXT = 'Dam holds\n\n“The dam will hold through the spring floods,” Mayor Ana Lopes said on Monday in Porto.\n';
const OTHER = 'Dam gives way\n\n“We were not warned,” said Rui Costa, a farmer.\n';
const URI = 'file:///news/dam.txt';

describe('the persisted index (FactsCache)', () => {
  let facts: DocumentFacts;
  before(() => {
    facts = analyzeText(TEXT, 'dam.txt');
  });

  const open = (folder: MemoryFolder, log = new RecordingLog(), analyzer = 'v1') =>
    new FactsCache(folder, log, { analyzer, debounceMs: 5, maxDelayMs: 20 });

  it('gives back the facts of an unchanged text after a restart, and nothing for a changed one', async () => {
    const folder = new MemoryFolder();
    const first = open(folder);
    assert.equal(await first.get(URI, textHash(TEXT), TEXT.length), undefined, 'empty at first');
    first.put(URI, textHash(TEXT), facts);
    await first.close();

    const second = open(folder);
    assert.deepEqual(await second.get(URI, textHash(TEXT), TEXT.length), facts, 'same text: reused');
    assert.equal(await second.get(URI, textHash(OTHER), OTHER.length), undefined, 'changed text: analysed again');
    assert.equal(await second.get('file:///news/other.txt', textHash(TEXT), TEXT.length), undefined, 'another file: nothing');
    assert.deepEqual(second.stats, { hits: 1, misses: 2, discarded: 0, written: 0 });
  });

  it('writes through a temporary file in the same folder, renamed over the entry', async () => {
    const folder = new MemoryFolder();
    const cache = open(folder);
    cache.put(URI, textHash(TEXT), facts);
    await cache.flush();
    assert.equal(folder.renames.length, 1);
    const [from, to] = folder.renames[0]!;
    assert.equal(to, entryName(URI));
    assert.ok(from.startsWith(to) && from.endsWith('.tmp'), from);
    assert.deepEqual([...folder.files.keys()], [entryName(URI)], 'no temporary file left');
    const entry = JSON.parse(folder.text(to)) as { format: number; uri: string; hash: string };
    assert.equal(entry.format, CACHE_FORMAT);
    assert.equal(entry.uri, URI);
    assert.equal(entry.hash, textHash(TEXT));
  });

  it('debounces writes: many puts in a burst write each entry once', async () => {
    const folder = new MemoryFolder();
    const cache = open(folder);
    for (let i = 0; i < 5; i++) cache.put(URI, textHash(TEXT), facts);
    assert.equal(folder.renames.length, 0, 'nothing written at once');
    await new Promise((r) => setTimeout(r, 60));
    await cache.flush();
    assert.equal(folder.renames.length, 1);
  });

  it('discards a corrupt entry with one log line, and a partial write never replaces a good entry', async () => {
    const folder = new MemoryFolder();
    const log = new RecordingLog();
    const writer = open(folder, log);
    writer.put(URI, textHash(TEXT), facts);
    await writer.flush();
    const good = folder.text(entryName(URI));

    folder.failWritesAfter = 0;
    writer.put(URI, textHash(TEXT), { ...facts, title: 'changed' });
    await writer.flush();
    assert.equal(folder.text(entryName(URI)), good, 'the failed write left the entry as it was');
    assert.ok(log.lines.some((l) => l.startsWith('warn Could not write')));

    folder.put(entryName(URI), good.slice(0, good.length - 40));
    folder.put(entryName('file:///news/b.txt'), '{"format":1,');
    const reader = open(folder, log);
    log.lines.length = 0;
    assert.equal(await reader.get(URI, textHash(TEXT), TEXT.length), undefined);
    assert.equal(await reader.get('file:///news/b.txt', textHash(TEXT), TEXT.length), undefined);
    assert.equal(log.lines.length, 1, `one log line: ${log.lines.join('\n')}`);
    assert.match(log.lines[0]!, /unreadable/);
    await reader.flush();
    assert.equal(folder.files.has(entryName(URI)), false, 'the corrupt entry is deleted');
    assert.equal(reader.stats.discarded, 2);
  });

  it('writes the rest of a batch when one entry fails, leaves no temporary file, and logs the failure once', async () => {
    const folder = new MemoryFolder();
    const log = new RecordingLog();
    const cache = open(folder, log);
    const uris = ['a', 'b', 'c', 'd', 'e'].map((n) => `file:///news/${n}.txt`);
    const failing = new Set([entryName(uris[1]!), entryName(uris[3]!)]);
    const write = folder.write.bind(folder);
    folder.write = async (name, data) => {
      if ([...failing].some((f) => name.startsWith(f))) {
        await write(name, data.slice(0, 10));
        throw new Error('disk full');
      }
      return write(name, data);
    };
    for (const uri of uris) cache.put(uri, textHash(TEXT), facts);
    await cache.flush();
    assert.deepEqual(
      uris.map((u) => folder.files.has(entryName(u))),
      [true, false, true, false, true],
      'every entry but the failing ones is written',
    );
    assert.deepEqual([...folder.files.keys()].filter((n) => n.endsWith('.tmp')), [], 'no temporary file is left');
    assert.equal(cache.stats.written, 3);
    const warnings = () => log.lines.filter((l) => l.startsWith('warn Could not write'));
    assert.deepEqual(warnings(), ['warn Could not write 2 of 5 index cache entries (disk full); those articles will be analysed again on the next start.']);
    // Failing again is not logged again; after a batch that succeeds, a new failure is.
    cache.put(uris[1]!, textHash(TEXT), facts);
    await cache.flush();
    assert.equal(warnings().length, 1);
    failing.clear();
    cache.put(uris[1]!, textHash(TEXT), facts);
    await cache.flush();
    assert.ok(folder.files.has(entryName(uris[1]!)));
    failing.add(entryName(uris[0]!));
    cache.put(uris[0]!, textHash(OTHER), facts);
    await cache.flush();
    assert.equal(warnings().length, 2);
    assert.equal(warnings()[1], 'warn Could not write 1 of 1 index cache entry (disk full); those articles will be analysed again on the next start.');
  });

  it('does not trust well-formed JSON whose spans do not fit the text', async () => {
    const folder = new MemoryFolder();
    const cache = open(folder);
    cache.put(URI, textHash(TEXT), facts);
    await cache.flush();
    const entry = JSON.parse(folder.text(entryName(URI))) as { facts: { quotes: { end: number }[] } };
    entry.facts.quotes[0]!.end = TEXT.length + 10;
    folder.put(entryName(URI), JSON.stringify(entry));
    assert.equal(await open(folder).get(URI, textHash(TEXT), TEXT.length), undefined);
  });

  it('discards entries of another format or analyser, saying so once', async () => {
    const folder = new MemoryFolder();
    const old = open(folder, new RecordingLog(), 'v1');
    old.put(URI, textHash(TEXT), facts);
    old.put('file:///news/b.txt', textHash(OTHER), analyzeText(OTHER, 'b.txt'));
    await old.close();
    const log = new RecordingLog();
    const upgraded = open(folder, log, 'v2');
    assert.equal(await upgraded.get(URI, textHash(TEXT), TEXT.length), undefined);
    assert.equal(await upgraded.get('file:///news/b.txt', textHash(OTHER), OTHER.length), undefined);
    assert.equal(log.lines.length, 1);
    assert.match(log.lines[0]!, /another version/);
    await upgraded.flush();
    assert.equal(folder.files.size, 0, 'the outdated entries are deleted');
    upgraded.put(URI, textHash(TEXT), facts);
    await upgraded.close();
    assert.deepEqual(await open(folder, log, 'v2').get(URI, textHash(TEXT), TEXT.length), facts, 'rebuilt');
  });

  it('forgets deleted documents and prunes entries of files no longer indexed', async () => {
    const folder = new MemoryFolder();
    const cache = open(folder);
    cache.put(URI, textHash(TEXT), facts);
    cache.put('file:///news/b.txt', textHash(OTHER), analyzeText(OTHER, 'b.txt'));
    cache.put('file:///news/c.txt', textHash(OTHER), analyzeText(OTHER, 'c.txt'));
    await cache.flush();
    cache.delete('file:///news/b.txt');
    await cache.flush();
    await cache.prune([URI]);
    assert.deepEqual([...folder.files.keys()], [entryName(URI)]);
  });
});

