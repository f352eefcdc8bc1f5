import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../../src/cli';
import { Corpus } from '../../../../src/core/corpus';
import {
  anchorOf, bindCorrections, locate, parseCorrections, placeOf, serializeCorrections, type Correction, type CorrectionOutcome,
} from '../../../../src/core/corrections';
import type { JsonReport } from '../../../../src/core/report';

const A =
  'Talks in Geneva end without a deal\n\n“We will not give up on peace,” Antony Blinken said in Geneva on Friday.\n\n' +
  'Sergei Lavrov, the Russian foreign minister, said talks with Washington were “useful but hard.” He added: “Nobody wants a war in Europe.”\n\n' +
  'The minister met Wang Yi of China later. Officials called it a ‘reset’ of relations.\n';
const B =
  'Blinken vows to keep talking\n\n“We will not give up on peace,” said the US Secretary of State Antony Blinken on Friday in Geneva.\n\n' +
  'Russia’s top diplomat said nobody in Moscow wanted “a war in Europe”, according to Lavrov.\n\n' +
  'China’s Wang Yi was also in town. Wang said the meeting was “constructive.”\n';

const key = (article: string): string => `/s/${article}`;

/** A place in one of the two articles: the `nth` occurrence of `words`. */
function at(article: 'a.txt' | 'b.txt', words: string, nth = 0) {
  const text = article === 'a.txt' ? A : B;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `${words} in ${article}`);
  return placeOf(article, text, { start, end: start + words.length });
}

function corpusWith(corrections: readonly Correction[], texts: { a?: string; b?: string } = {}): Corpus {
  const corpus = new Corpus();
  corpus.setCorrections(bindCorrections(corrections.map((correction, index) => ({ index, correction })), key));
  corpus.set(key('a.txt'), texts.a ?? A);
  corpus.set(key('b.txt'), texts.b ?? B);
  return corpus;
}

const quoteOf = (corpus: Corpus, article: string, words: string) => corpus.document(key(article))!.quotes.find((q) => q.text === words);
const mentionOf = (corpus: Corpus, article: string, words: string) => corpus.document(key(article))!.mentions.find((m) => m.text === words);
const statusOf = (corpus: Corpus, index = 0): CorrectionOutcome | undefined => corpus.correctionOutcomes().find((o) => o.index === index);

describe('corrections', function () {
  this.timeout(30000);

  describe('anchors', () => {
    it('find their words again after text is added before them, by their context among several', () => {
      const text = 'He said “no” to them. Then she said “no” to us.';
      const second = text.lastIndexOf('no');
      const anchor = anchorOf(text, { start: second, end: second + 2 });
      const edited = 'A new first line.\n\n' + text;
      assert.deepEqual(locate(edited, anchor), { start: second + 19, end: second + 21 });
    });

    it('are gone when their words are, and do not settle on a look-alike without its context', () => {
      const text = 'The minister said “we will see” on Monday, and repeated it.';
      const start = text.indexOf('we will see');
      const anchor = anchorOf(text, { start, end: start + 11 });
      assert.equal(locate('The minister said “we shall see” on Monday.', anchor), null);
      assert.equal(locate('Earlier: “we will see”. Later: “we will see”.', anchor), null, 'two occurrences, neither with the context');
      assert.deepEqual(locate('Now “we will see”, she said.', anchor), { start: 5, end: 16 }, 'a single occurrence is the same words moved');
    });
  });

  describe('each kind', () => {
    it('Set Speaker names the speaker, joins the entity when the article names them, and marks the quote', () => {
      const corpus = corpusWith([{ kind: 'set-speaker', quote: at('a.txt', 'reset'), speaker: 'Wang Yi' }]);
      const q = quoteOf(corpus, 'a.txt', 'reset')!;
      assert.equal(q.speaker?.name, 'Wang Yi');
      assert.equal(q.speaker?.via, 'correction');
      assert.equal(q.speakerEntity, 'person:wang-yi');
      assert.deepEqual(q.corrected, ['set-speaker']);
      assert.equal(statusOf(corpus)?.status, 'applied');
      const other = corpusWith([{ kind: 'set-speaker', quote: at('b.txt', 'constructive.'), speaker: 'Maria Zakharova' }]);
      const said = quoteOf(other, 'b.txt', 'constructive.')!;
      assert.equal(said.speaker?.name, 'Maria Zakharova', 'a speaker the article does not name');
      assert.equal(said.speakerEntity, null);
      const agreed = corpusWith([{ kind: 'set-speaker', quote: at('b.txt', 'constructive.'), speaker: 'Wang Yi' }]);
      assert.equal(statusOf(agreed)?.status, 'unneeded', 'the analysis already says so');
    });

    it('Not a Quote removes the quote and its links', () => {
      const plain = corpusWith([]);
      assert.ok(quoteOf(plain, 'a.txt', 'reset'));
      const corpus = corpusWith([{ kind: 'not-a-quote', quote: at('a.txt', 'reset') }]);
      assert.equal(quoteOf(corpus, 'a.txt', 'reset'), undefined);
      assert.equal(corpus.document(key('a.txt'))!.quotes.length, plain.document(key('a.txt'))!.quotes.length - 1);
      const gone = corpusWith([{ kind: 'not-a-quote', quote: at('a.txt', 'Nobody wants a war in Europe.') }]);
      const war = quoteOf(gone, 'b.txt', 'a war in Europe')!;
      assert.deepEqual(gone.linksOf(war.id), [], 'its version in the other article has no link left');
    });

    it('Not an Entity removes the name, from its entity too, and keeps the speakers of other quotes', () => {
      const corpus = corpusWith([{ kind: 'not-an-entity', name: at('a.txt', 'Washington') }]);
      assert.equal(mentionOf(corpus, 'a.txt', 'Washington'), undefined);
      assert.equal(corpus.entity('place:washington'), undefined);
      const q = quoteOf(corpus, 'a.txt', 'useful but hard.')!;
      assert.equal(q.speakerEntity, 'person:sergei-lavrov', 'the speaker still points at Lavrov after the names before it moved');
      assert.equal(corpus.document(key('a.txt'))!.mentions[q.speaker!.mention!]!.text, 'Sergei Lavrov');
    });

    it('Change Type retypes the name, and it joins the entity of its type', () => {
      const plain = corpusWith([]);
      assert.equal(mentionOf(plain, 'b.txt', 'Lavrov')?.type, 'place');
      const corpus = corpusWith([{ kind: 'change-type', name: at('b.txt', 'Lavrov'), type: 'person' }]);
      const m = mentionOf(corpus, 'b.txt', 'Lavrov')!;
      assert.equal(m.type, 'person');
      assert.equal(m.entity, 'person:sergei-lavrov');
      assert.deepEqual(m.corrected, ['change-type']);
      assert.equal(corpus.entity('place:lavrov'), undefined);
      assert.equal(corpus.mentionStats('person:sergei-lavrov').documents, 2);
    });

    it('Mark as Entity adds a name over a selection, replacing the names it overlaps', () => {
      const corpus = corpusWith([{ kind: 'mark-as-entity', name: at('b.txt', 'US Secretary of State'), type: 'organization' }]);
      const m = mentionOf(corpus, 'b.txt', 'US Secretary of State')!;
      assert.equal(m.type, 'organization');
      assert.deepEqual(m.corrected, ['mark-as-entity']);
      assert.equal(mentionOf(corpus, 'b.txt', 'US'), undefined);
      assert.ok(corpus.entities().some((e) => e.name === 'US Secretary of State'));
      assert.equal(quoteOf(corpus, 'b.txt', 'We will not give up on peace')!.speakerEntity, 'person:antony-blinken');
    });

    it('Merge Entities makes one entity of two, with both names and all their mentions', () => {
      const corpus = corpusWith([{ kind: 'merge-entities', entity: { name: 'Washington', type: 'place' }, into: { name: 'United States', type: 'place' } }]);
      const us = corpus.entity('place:united-states')!;
      assert.ok(us.aliases.includes('Washington'));
      assert.equal(us.corrected, true);
      assert.equal(corpus.entity('place:washington'), undefined);
      assert.ok(!corpus.entities().some((e) => e.id === 'place:washington'));
      assert.equal(mentionOf(corpus, 'a.txt', 'Washington')!.entity, 'place:united-states');
      assert.deepEqual(corpus.mentionsOf('place:united-states').map((m) => m.text).sort(), ['US', 'Washington']);
      assert.deepEqual(corpus.mentionStats('place:united-states'), { mentions: 2, documents: 2 });
    });

    it('Split from Entity takes one mention out of its entity into one of its own', () => {
      const corpus = corpusWith([{ kind: 'split-from-entity', name: at('b.txt', 'Wang', 1) }]);
      const wang = corpus.document(key('b.txt'))!.mentions.find((m) => m.text === 'Wang')!;
      assert.equal(wang.entity, 'person:wang');
      assert.deepEqual(wang.corrected, ['split-from-entity']);
      assert.deepEqual(corpus.mentionsOf('person:wang-yi').map((m) => m.text), ['Wang Yi', 'Wang Yi']);
      assert.ok(corpusWith([]).entity('person:wang-yi')!.aliases.includes('Wang'));
      assert.deepEqual(corpus.entity('person:wang-yi')!.aliases, [], 'no mention of Wang Yi is spelt “Wang” any more');
      assert.equal(corpus.entity('person:wang-yi')!.corrected, true);
      assert.deepEqual(corpus.mentionsOf('person:wang').map((m) => m.text), ['Wang']);
      assert.equal(corpus.entity('person:wang')?.corrected, true);
    });

    it('Unlink These Quotes removes a link at both ends; Link to Quote makes one, marked as a reader’s', () => {
      const plain = corpusWith([]);
      const a0 = quoteOf(plain, 'a.txt', 'We will not give up on peace')!;
      const b0 = quoteOf(plain, 'b.txt', 'We will not give up on peace')!;
      assert.ok(plain.linkedIds(a0.id).includes(b0.id));
      const unlinked = corpusWith([{ kind: 'unlink-quotes', quotes: [at('a.txt', 'We will not give up on peace'), at('b.txt', 'We will not give up on peace')] }]);
      assert.ok(!unlinked.linkedIds(a0.id).includes(b0.id));
      assert.ok(!unlinked.linksOf(b0.id).some((l) => l.to === a0.id));
      assert.ok(!unlinked.links().some((l) => [l.from, l.to].includes(a0.id)));
      assert.equal(statusOf(unlinked)?.status, 'applied');
      assert.deepEqual(quoteOf(unlinked, 'a.txt', 'We will not give up on peace')!.corrected, ['unlink-quotes']);

      const linked = corpusWith([{ kind: 'link-quotes', quotes: [at('b.txt', 'constructive.'), at('a.txt', 'useful but hard.')] }]);
      const b2 = quoteOf(linked, 'b.txt', 'constructive.')!;
      const a1 = quoteOf(linked, 'a.txt', 'useful but hard.')!;
      const link = linked.linksOf(b2.id).find((l) => l.to === a1.id);
      assert.ok(link);
      assert.equal(link.corrected, true);
      assert.equal(link.relation, 'variant');
      assert.ok(link.diff.some((p) => p.op === 'from' && p.text.includes('constructive')));
      assert.ok(linked.linksOf(a1.id).some((l) => l.to === b2.id), 'at both ends');
      assert.equal(linked.links().filter((l) => l.corrected).length, 1);
    });

    it('a later correction overrides an earlier one: linking again after unlinking', () => {
      const pair = [at('a.txt', 'We will not give up on peace'), at('b.txt', 'We will not give up on peace')] as const;
      const corpus = corpusWith([{ kind: 'unlink-quotes', quotes: pair }, { kind: 'link-quotes', quotes: pair }]);
      const a0 = quoteOf(corpus, 'a.txt', 'We will not give up on peace')!;
      const b0 = quoteOf(corpus, 'b.txt', 'We will not give up on peace')!;
      assert.ok(corpus.linkedIds(a0.id).includes(b0.id));
      assert.equal(corpus.linkedIds(a0.id).filter((id) => id === b0.id).length, 1);
    });
  });

  describe('after the article changes', () => {
    const speaker: Correction = { kind: 'set-speaker', quote: at('b.txt', 'constructive.'), speaker: 'Maria Zakharova' };

    it('re-anchor after an edit moves the words', () => {
      const edited = 'UPDATED with comments from Beijing.\n\n' + B.replace('was also in town', 'was in town as well');
      const corpus = corpusWith([speaker], { b: edited });
      assert.equal(quoteOf(corpus, 'b.txt', 'constructive.')!.speaker?.name, 'Maria Zakharova');
      assert.equal(statusOf(corpus)?.status, 'applied');
    });

    it('are reported, and put nowhere else, when their words are gone', () => {
      const edited = B.replace('“constructive.”', '“constructive and frank.”');
      const corpus = corpusWith([speaker], { b: edited });
      assert.equal(statusOf(corpus)?.status, 'lost');
      assert.match(statusOf(corpus)!.message, /no longer in b\.txt/);
      for (const d of corpus.documents()) for (const q of d.quotes) assert.ok(q.speaker?.via !== 'correction', `${q.text} keeps its own speaker`);
    });

    it('conflict with a new analysis that finds another name there, which then stands', () => {
      const retype: Correction = { kind: 'change-type', name: at('b.txt', 'Lavrov'), type: 'person' };
      const edited = B.replace('according to Lavrov', 'according to Sergei Lavrov');
      const corpus = corpusWith([retype], { b: edited });
      assert.equal(statusOf(corpus)?.status, 'conflict');
      const m = corpus.document(key('b.txt'))!.mentions.find((x) => x.text.endsWith('Lavrov'))!;
      assert.equal(m.text, 'Sergei Lavrov');
      assert.equal(m.corrected, undefined);
    });

    it('are unneeded when the new analysis already agrees, and undone when withdrawn', () => {
      const corpus = corpusWith([{ kind: 'mark-as-entity', name: at('a.txt', 'Sergei Lavrov'), type: 'person' }]);
      assert.equal(statusOf(corpus)?.status, 'unneeded');
      const retyped = corpusWith([{ kind: 'change-type', name: at('b.txt', 'Lavrov'), type: 'person' }]);
      retyped.setCorrections([]);
      assert.equal(mentionOf(retyped, 'b.txt', 'Lavrov')?.type, 'place', 'the analysis as found, once the correction is withdrawn');
      assert.deepEqual(retyped.correctionOutcomes(), []);
    });

    it('name a missing article as lost', () => {
      const corpus = corpusWith([{ kind: 'not-a-quote', quote: { ...at('a.txt', 'reset'), article: 'c.txt' } }]);
      assert.equal(statusOf(corpus)?.status, 'lost');
      assert.match(statusOf(corpus)!.message, /c\.txt/);
    });
  });

  describe('the corrections file', () => {
    it('round-trips, one key a line, and keeps entries it cannot read while leaving them out', () => {
      const good: Correction = { kind: 'set-speaker', quote: at('b.txt', 'constructive.'), speaker: 'Wang Yi' };
      const text = serializeCorrections([good, { kind: 'set-speaker', speaker: 'nobody' }, { kind: 'launch-missiles' }]);
      assert.ok(text.split('\n').length > 12, 'spread over lines, for diffs');
      const file = parseCorrections(text);
      assert.equal(file.entries.length, 3);
      assert.deepEqual(file.corrections, [{ index: 0, correction: good }]);
      assert.equal(file.problems.length, 2);
      assert.match(parseCorrections('{ nope').problems[0]!, /not valid JSON/);
    });
  });

  describe('on the command line', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'crosswire-corrections-'));
      writeFileSync(join(dir, 'a.txt'), A);
      writeFileSync(join(dir, 'b.txt'), B);
      mkdirSync(join(dir, '.crosswire'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const cli = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await main(args, { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } });
      return { code, out, err };
    };

    it('analyze and export honour .crosswire/corrections.json and say which could not be applied', async () => {
      const lost: Correction = { kind: 'not-a-quote', quote: placeOf('a.txt', 'He said “gone words”.', { start: 9, end: 19 }) };
      writeFileSync(join(dir, '.crosswire', 'corrections.json'), serializeCorrections([
        { kind: 'set-speaker', quote: at('b.txt', 'constructive.'), speaker: 'Maria Zakharova' },
        { kind: 'not-an-entity', name: at('a.txt', 'Washington') },
        lost,
      ]));
      const r = await cli(['analyze', '--json', dir]);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out) as JsonReport;
      const b = report.documents.find((d) => d.path.endsWith('b.txt'))!;
      const q = b.quotes.find((x) => x.text === 'constructive.')!;
      assert.equal(q.speaker, 'Maria Zakharova');
      assert.deepEqual(q.corrected, ['set-speaker']);
      const a = report.documents.find((d) => d.path.endsWith('a.txt'))!;
      assert.ok(!a.mentions.some((m) => m.text === 'Washington'));
      assert.match(r.err, /corrections\.json: correction 3 \(Not a Quote\) not applied: “gone words” is no longer in a\.txt/);
      const text = await cli(['analyze', dir]);
      assert.match(text.out, /speaker: Maria Zakharova \(corrected\)/);

      const out = join(dir, '.crosswire', 'export');
      assert.equal((await cli(['export', '--format', 'jsonl', '--out', out, dir])).code, 0);
      const records = readFileSync(join(out, 'analysis.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      const exported = records.find((x) => x.type === 'quote' && x.text === 'constructive.')!;
      assert.equal(exported.speaker, 'Maria Zakharova');
      assert.deepEqual(exported.corrected, ['set-speaker']);
      assert.equal((await cli(['export', '--format', 'brat', '--out', join(dir, '.crosswire', 'brat'), dir])).code, 0);
      assert.match(readFileSync(join(dir, '.crosswire', 'brat', 'b.ann'), 'utf8'), /AnnotatorNotes T\d+\tquote [^\n]*; corrected: set-speaker\n/);
      assert.equal((await cli(['export', '--format', 'webannotation', '--out', join(dir, '.crosswire', 'wa'), dir])).code, 0);
      assert.match(readFileSync(join(dir, '.crosswire', 'wa', 'annotations.jsonld'), 'utf8'), /"purpose": "editing",\s+"value": "corrected by a reader: set-speaker"/);
      assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), A);
      assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), B);
    });

    it('reports a corrections file it cannot read and analyses as if there were none', async () => {
      writeFileSync(join(dir, '.crosswire', 'corrections.json'), '{"corrections": [ {"kind": "set-speaker"');
      const r = await cli(['analyze', '--json', dir]);
      assert.equal(r.code, 0);
      assert.match(r.err, /corrections\.json is not valid JSON/);
    });
  });
});
