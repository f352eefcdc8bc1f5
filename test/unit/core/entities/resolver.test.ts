import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EntityResolver, recognize } from '../../../../src/core/entities';
import { paragraphs } from '../../../../src/core/text/paragraphs';

function add(r: EntityResolver, docId: string, text: string): string[] {
  const ms = recognize(text, paragraphs(text));
  r.set(docId, text, ms);
  return ms.map((m) => m.text);
}

/** Entity ids of a document's mentions whose text is `name`. */
function idsOf(r: EntityResolver, docId: string, mentions: string[], name: string): (string | null)[] {
  return mentions.flatMap((m, i) => (m === name ? [r.entityOf(docId, i)] : []));
}

describe('entities: EntityResolver', () => {
  it('joins a surname to the full name within the document, titles and possessives aside', () => {
    const r = new EntityResolver();
    const ms = add(r, 'a', 'Secretary of State Antony Blinken landed. Blinken’s talks began and Blinken spoke.');
    assert.deepEqual(new Set(idsOf(r, 'a', ms, 'Blinken')), new Set(['person:antony-blinken']));
    const e = r.entity('person:antony-blinken');
    assert.equal(e?.name, 'Antony Blinken');
    assert.deepEqual(e?.aliases, ['Blinken']);
    assert.equal(r.mentionsOf('person:antony-blinken').length, 3);
  });

  it('joins a misspelt full name to the common spelling across documents', () => {
    const r = new EntityResolver();
    add(r, 'a', 'Antony Blinken met officials. Antony Blinken left.');
    const ms = add(r, 'b', 'Secretary of State Anthony Blinken met officials.');
    assert.equal(idsOf(r, 'b', ms, 'Anthony Blinken')[0], 'person:antony-blinken');
    assert.deepEqual(r.entity('person:antony-blinken')?.aliases, ['Anthony Blinken']);
  });

  it('ignores accents when joining spellings ("Orbán" = "Viktor Orban")', () => {
    const r = new EntityResolver();
    const ms = add(r, 'a', 'Hungarian Prime Minister Viktor Orban arrived. "Never," Orbán said.');
    assert.deepEqual(idsOf(r, 'a', ms, 'Orbán'), ['person:viktor-orban']);
  });

  it('never merges different people who share a surname', () => {
    const r = new EntityResolver();
    const ms = add(r, 'a', 'Foreign Minister Wang Yi met reporters. Spokesman Wang Wenbin spoke, and Minister Wang Xiaohong too.');
    const ids = ['Wang Yi', 'Wang Wenbin', 'Wang Xiaohong'].map((n) => idsOf(r, 'a', ms, n)[0]);
    assert.equal(new Set(ids).size, 3);
    assert.ok(ids.every((id) => id !== null));
  });

  it('resolves a shared bare surname by the nearest full mention before it in its document', () => {
    const r = new EntityResolver();
    const ms = add(r, 'a', 'Blinken met Wang Yi in Beijing.\n\nLater, Wang said talks went well.\n\nHe also met Wang Xiaohong.');
    assert.deepEqual(idsOf(r, 'a', ms, 'Wang'), ['person:wang-yi']);
  });

  it('leaves a bare surname unresolved when the corpus has several people of that name', () => {
    const r = new EntityResolver();
    add(r, 'a', 'Foreign Minister Wang Yi met reporters in Beijing.');
    add(r, 'b', 'Spokesman Wang Wenbin spoke in Beijing.');
    const ms = add(r, 'c', 'Wang said on Friday that talks went well in Beijing.');
    assert.deepEqual(idsOf(r, 'c', ms, 'Wang'), [null]);
  });

  it('joins a bare surname to the one full name the corpus knows, and follows removals', () => {
    const r = new EntityResolver();
    add(r, 'a', 'Russian Defense Minister Sergei Shoigu met officials in Astana.');
    const ms = add(r, 'b', 'In Moscow, Shoigu said the talks went well.');
    assert.deepEqual(idsOf(r, 'b', ms, 'Shoigu'), ['person:sergei-shoigu']);
    assert.deepEqual(r.entity('person:sergei-shoigu')?.aliases, ['Shoigu']);
    r.remove('a');
    assert.deepEqual(idsOf(r, 'b', ms, 'Shoigu'), ['person:shoigu']);
    assert.equal(r.entity('person:sergei-shoigu'), undefined);
  });

  it('makes "US", "U.S." and "United States" one place', () => {
    const r = new EntityResolver();
    const ms = add(r, 'a', 'The US and the U.S. Navy: the United States said.');
    const ids = new Set([...idsOf(r, 'a', ms, 'US'), ...idsOf(r, 'a', ms, 'U.S.'), ...idsOf(r, 'a', ms, 'United States')]);
    assert.deepEqual([...ids], ['place:united-states']);
  });

  it('resolves the seeds into one entity per referent', () => {
    const r = new EntityResolver();
    const dir = join(__dirname, '../../../../seeds');
    const all: [string, string[]][] = [];
    for (const f of readdirSync(dir).sort()) all.push([f, add(r, f, readFileSync(join(dir, f), 'utf8'))]);
    const byName = new Map(r.entities().map((e) => [e.name, e]));
    assert.deepEqual(byName.get('Antony Blinken')?.aliases, ['Anthony Blinken', 'Blinken']);
    assert.equal(byName.get('Xi Jinping')?.id, 'person:xi-jinping');
    assert.ok(byName.get('China')?.aliases.some((a) => a.startsWith('People')));
    for (const n of ['Wang Yi', 'Wang Wenbin', 'Wang Xiaohong']) assert.ok(byName.has(n), n);
    assert.equal(r.entities()[0].name, 'China');
    for (const [f, ms] of all) for (const id of idsOf(r, f, ms, 'Blinken')) assert.equal(id, 'person:antony-blinken');
    for (const [f] of all) r.remove(f);
    assert.deepEqual(r.entities(), []);
  });
});
