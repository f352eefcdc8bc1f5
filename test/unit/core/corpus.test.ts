import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus, analyzeText } from '../../../src/core/corpus';
import { quoteSteps } from '../../../src/core/indexing/steps';

const SEEDS = join(__dirname, '../../../seeds');
const seeds = readdirSync(SEEDS).sort().map((f) => ({ uri: `seeds/${f}`, text: readFileSync(join(SEEDS, f), 'utf8') }));

const A = 'Rivers rise\n\n“The dam will hold through the spring floods without any doubt,” Mayor Ana Lopes said on Monday.';
const B = 'Mayor reassures town\n\n“The dam will hold through the spring floods,” Lopes told reporters.\n\nAna Lopes spoke in Porto.';

describe('the corpus', () => {
  it('links a quote to its shorter version in another document, and unlinks it when that document goes', () => {
    const c = new Corpus();
    c.set('a.txt', A);
    c.set('b.txt', B);
    const qa = c.document('a.txt')!.quotes[0]!;
    const qb = c.document('b.txt')!.quotes[0]!;
    const link = c.linksOf(qa.id).find((l) => l.to === qb.id);
    assert.ok(link, 'linked');
    assert.equal(link.relation, 'fragment');
    assert.equal(c.quote(qb.id)?.text, 'The dam will hold through the spring floods');
    assert.deepEqual(c.linkedIds(qa.id), c.linksOf(qa.id).map((l) => l.to));
    assert.deepEqual(c.uris(), ['a.txt', 'b.txt']);
    c.remove('b.txt');
    assert.deepEqual(c.linksOf(qa.id), []);
    assert.deepEqual(c.linkedIds(qa.id), []);
    assert.deepEqual(c.uris(), ['a.txt']);
    assert.equal(c.quote(qb.id), undefined);
    assert.equal(c.has('b.txt'), false);
  });

  it('resolves a speaker to the entity shared across documents', () => {
    const c = new Corpus();
    c.set('a.txt', A);
    c.set('b.txt', B);
    const qa = c.document('a.txt')!.quotes[0]!;
    const qb = c.document('b.txt')!.quotes[0]!;
    assert.ok(qa.speakerEntity);
    assert.equal(qb.speakerEntity, qa.speakerEntity, '"Lopes" in b is the Ana Lopes of both documents');
    assert.equal(c.entity(qa.speakerEntity!)?.name, 'Ana Lopes');
    assert.deepEqual(new Set(c.mentionsOf(qa.speakerEntity!).map((m) => m.uri)), new Set(['a.txt', 'b.txt']));
  });

  it('re-analyses a changed document and tells listeners which one changed', () => {
    const c = new Corpus();
    const changed: string[] = [];
    const off = c.onDidChange((uris) => changed.push(...uris));
    c.set('a.txt', A, 1);
    c.set('a.txt', A.replace('spring floods', 'autumn storms'), 2);
    off();
    c.set('a.txt', A, 3);
    assert.deepEqual(changed, ['a.txt', 'a.txt']);
    assert.equal(c.document('a.txt')!.version, 3);
    assert.equal(c.documents().length, 1);
  });

  it('finds the quote and the mention at an offset', () => {
    const c = new Corpus();
    const d = c.set('a.txt', A);
    const q = d.quotes[0]!;
    assert.equal(c.quoteAt('a.txt', q.outer.start)?.id, q.id);
    assert.equal(c.quoteAt('a.txt', 2), undefined);
    const m = d.mentions.find((x) => x.text === 'Ana Lopes')!;
    assert.equal(c.mentionAt('a.txt', m.start + 2)?.entity, m.entity);
  });

  it('keeps each mention’s confidence as the recogniser gave it, to a 254th', () => {
    const c = new Corpus();
    const facts = analyzeText(A, 'a.txt');
    const given = facts.mentions.map((m) => m.confidence);
    assert.ok(given.length > 0 && given.every((x) => typeof x === 'number' && x > 0 && x <= 1), 'the recogniser gives each name a confidence');
    const unsure = { ...facts, mentions: facts.mentions.map((m, i) => (i === 0 ? { ...m, confidence: 0.3 } : i === 1 ? { start: m.start, end: m.end, text: m.text, type: m.type } : m)) };
    const kept = c.setFacts('a.txt', A, unsure).mentions.map((m) => m.confidence);
    assert.ok(Math.abs(kept[0]! - 0.3) <= 1 / 254);
    if (kept.length > 1) assert.equal(kept[1], undefined, 'a mention given no confidence is given none');
    kept.slice(2).forEach((x, i) => assert.ok(Math.abs(x! - given[i + 2]!) <= 1 / 254));
  });

  it('gives the same result from facts computed elsewhere as from its own analysis', () => {
    const direct = new Corpus();
    const viaFacts = new Corpus();
    for (const s of seeds) {
      direct.set(s.uri, s.text);
      viaFacts.setFacts(s.uri, s.text, JSON.parse(JSON.stringify(analyzeText(s.text, s.uri.split('/').pop()!))));
    }
    assert.deepEqual(viaFacts.documents(), direct.documents());
    assert.deepEqual(viaFacts.links(), direct.links());
    assert.deepEqual(viaFacts.entities(), direct.entities());
  });
});

describe('a speaker named in other articles', () => {
  const SAID = 'Flood warning\n\n“The dam will hold through the spring floods without any doubt,” Mayor Ana Lopes said on Monday.';
  const UNSAID = 'Town waits\n\nThe town council met as the river rose. “The dam will hold through the spring floods.”';
  const OTHER = 'Engineers doubt\n\n“The dam will hold through the spring floods without any doubt,” engineer Rui Costa said.';

  it('is given to a quote its own article leaves unattributed, with the number of articles naming them', () => {
    const c = new Corpus();
    c.set('a.txt', SAID);
    c.set('b.txt', UNSAID);
    const q = c.document('b.txt')!.quotes[0]!;
    assert.equal(q.speaker, null);
    assert.deepEqual(q.speakerElsewhere, { name: 'Ana Lopes', entity: c.document('a.txt')!.quotes[0]!.speakerEntity, articles: 1 });
    // The article that names the speaker keeps its own attribution and gets none from elsewhere.
    assert.equal(c.document('a.txt')!.quotes[0]!.speakerElsewhere, undefined);
  });

  it('is not given when the other articles name different speakers, nor when they go', () => {
    const c = new Corpus();
    c.set('a.txt', SAID);
    c.set('b.txt', UNSAID);
    c.set('c.txt', OTHER);
    assert.equal(c.document('b.txt')!.quotes[0]!.speakerElsewhere, undefined);
    c.remove('a.txt');
    assert.equal(c.document('b.txt')!.quotes[0]!.speakerElsewhere?.name, 'Rui Costa');
    c.remove('c.txt');
    assert.equal(c.document('b.txt')!.quotes[0]!.speakerElsewhere, undefined);
  });

  it('is not the speaker of a quote that only repeats the words, quoting someone else', () => {
    const c = new Corpus();
    c.set('a.txt', 'Claims\n\nThe claim that “the election was stolen from us by the radical left” has been debunked many times.');
    c.set('b.txt', 'Harris speaks\n\n“Donald Trump keeps telling his supporters ‘the election was stolen from us by the radical left’, and it is a lie,” Harris said.');
    const q = c.document('a.txt')!.quotes[0]!;
    assert.ok(c.linkedIds(q.id).length >= 1, 'the words are linked');
    assert.equal(q.speakerElsewhere, undefined);
  });

  it('is the speaker of a quote that holds the words whole, quoting someone inside them', () => {
    const c = new Corpus();
    c.set('a.txt', 'Rally\n\nThe crowd heard it: “Donald Trump keeps telling his supporters ‘the election was stolen from us by the radical left’, and it is a lie.”');
    c.set('b.txt', 'Harris speaks\n\n“Donald Trump keeps telling his supporters ‘the election was stolen from us by the radical left’, and it is a lie,” Harris said.');
    const q = c.document('a.txt')!.quotes.find((x) => x.depth === 0)!;
    assert.equal(q.speaker, null);
    assert.equal(q.speakerElsewhere?.name, 'Harris');
  });

  it('never comes from a quote whose own speaker came from elsewhere, so the order of the articles does not matter', () => {
    const third = 'Evening news\n\nThe river kept rising all night. “The dam will hold through the spring floods.”';
    const orders = [['a.txt', 'b.txt', 'c.txt'], ['c.txt', 'b.txt', 'a.txt'], ['b.txt', 'c.txt', 'a.txt']];
    const texts: Record<string, string> = { 'a.txt': SAID, 'b.txt': UNSAID, 'c.txt': third };
    const seen = orders.map((order) => {
      const c = new Corpus();
      for (const uri of order) c.set(uri, texts[uri]!);
      return ['b.txt', 'c.txt'].map((uri) => c.document(uri)!.quotes[0]!.speakerElsewhere ?? null);
    });
    assert.equal(seen[0]![0]?.name, 'Ana Lopes');
    assert.equal(seen[0]![0]?.articles, 1, 'the unattributed copy in c.txt does not count');
    for (const s of seen.slice(1)) assert.deepEqual(s, seen[0]);
  });
});

describe('adding a document in steps', () => {
  const long = Array.from({ length: 40 }, (_, i) => `“The dam number ${i} will hold through the spring floods,” Lopes said.`).join('\n\n');

  it('gives 16 more quotes a step, ending with the facts themselves', () => {
    const facts = analyzeText(long, 'long.txt');
    const steps = [...quoteSteps(facts)];
    assert.deepEqual(steps.map((s) => s.quotes.length), [16, 32, 40]);
    assert.equal(steps.at(-1), facts);
    assert.deepEqual(steps.map((s) => s.speakers.length), [16, 32, 40]);
    assert.deepEqual([...quoteSteps({ ...facts, quotes: [], speakers: [] })].map((s) => s.quotes.length), [0]);
  });

  // Scores may differ in the last digits: rarity weights are those of the moment a pair was linked.
  it('ends with the same linked pairs, of the same relations, as adding the document at once', () => {
    const once = new Corpus();
    const stepwise = new Corpus();
    for (const c of [once, stepwise]) c.set('b.txt', B);
    const facts = analyzeText(long, 'long.txt');
    once.setFacts('long.txt', long, facts);
    for (const step of quoteSteps(facts)) stepwise.setFacts('long.txt', long, step);
    const key = (c: Corpus) => c.links().map((l) => `${l.from} ${l.to} ${l.relation}`);
    assert.ok(once.links().length > 0);
    assert.deepEqual(key(stepwise), key(once));
  });

  const key = (c: Corpus) => c.links().map((l) => `${l.from} ${l.to} ${l.relation}`).sort();
  /**
   * Linked as at once, but for copies of one quote: a group of copies linked each to each while small
   * keeps those links as it grows past `GROUP_CLIQUE` in later steps, where at once it is a chain.
   */
  const sameButCopies = (stepwise: Corpus, once: Corpus): void => {
    const expected = new Set(key(once));
    const got = new Set(key(stepwise));
    assert.deepEqual([...expected].filter((k) => !got.has(k)), [], 'every link made at once is made in steps');
    for (const k of got) {
      if (expected.has(k)) continue;
      const [from, to, relation] = k.split(' ');
      assert.equal(relation, 'identical', k);
      assert.equal(stepwise.quote(from!)!.text, stepwise.quote(to!)!.text, k);
    }
  };
  // Copies of one quote, a phrase of a longer quote quoted again, and quotes of their own, 60 in all.
  const repeating = Array.from({ length: 60 }, (_, i) =>
    i % 3 === 0 ? '“We will hold the line,” Lopes said.'
      : i % 3 === 1 ? `“We will hold the line, whatever the floods of year ${i} may bring,” she added.`
        : `“The river number ${i} rose in the night,” said the mayor.`).join('\n\n');

  it('links the copies and fragments of one document as adding it at once does', () => {
    const once = new Corpus();
    const stepwise = new Corpus();
    for (const c of [once, stepwise]) c.set('b.txt', B);
    const facts = analyzeText(repeating, 'r.txt');
    once.setFacts('r.txt', repeating, facts);
    for (const step of quoteSteps(facts)) stepwise.setFacts('r.txt', repeating, step);
    const within = once.links().filter((l) => once.uriOf(l.from) === 'r.txt' && once.uriOf(l.to) === 'r.txt');
    assert.ok(within.some((l) => l.relation === 'identical') && within.some((l) => l.relation === 'fragment'), 'copies and fragments linked');
    sameButCopies(stepwise, once);
    assert.deepEqual(stepwise.document('r.txt')!.quotes.map((q) => q.text), once.document('r.txt')!.quotes.map((q) => q.text));
  });

  it('reads a changed text afresh, even when it holds more quotes than the last step', () => {
    const changed = repeating.replace('“We will hold the line,” Lopes said.', '“The levee gave way at dawn,” Lopes said.');
    const once = new Corpus();
    const stepwise = new Corpus();
    for (const c of [once, stepwise]) c.set('b.txt', B);
    once.setFacts('r.txt', changed, analyzeText(changed, 'r.txt'));
    const [first] = quoteSteps(analyzeText(repeating, 'r.txt'));
    stepwise.setFacts('r.txt', repeating, first);
    stepwise.setFacts('r.txt', changed, analyzeText(changed, 'r.txt'));
    assert.equal(stepwise.document('r.txt')!.quotes[0]!.text, 'The levee gave way at dawn');
    assert.equal(stepwise.document('r.txt')!.text, changed);
    sameButCopies(stepwise, once);
  });
});
