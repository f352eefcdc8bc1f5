import { strict as assert } from 'node:assert';
import { progressWords } from '../../../../src/core/indexing/passes';
import { clusterQuotes, groupEntities, lineContext, outlineGroups } from '../../../../src/features/present/treeModel';
import { coalesce, indexingMessage, redrawsDuring } from '../../../../src/features/present/viewSupport';
import { FakeCorpus, link, mention, quoteAt, speaker } from '../../../support/fake-corpus';

const A = 'file:///w/a.txt';
const B = 'file:///w/b.txt';
const C = 'file:///w/c.txt';
const titles: Record<string, string> = { [A]: 'Alpha report', [B]: 'Bravo news', [C]: 'Charlie wire' };

describe('entities tree model', () => {
  const blinken = { id: 'e1', name: 'Antony Blinken', type: 'person' as const, aliases: [] };
  const wang = { id: 'e2', name: 'Wang Yi', type: 'person' as const, aliases: [] };
  const beijing = { id: 'e3', name: 'Beijing', type: 'place' as const, aliases: [] };
  const state = { id: 'e4', name: 'State Department', type: 'organization' as const, aliases: [] };
  const ghost = { id: 'e5', name: 'Nobody', type: 'organization' as const, aliases: [] };
  const mentions = [
    mention(B, 0, 'Blinken', 50, blinken),
    mention(A, 0, 'Antony Blinken', 0, blinken),
    mention(A, 1, 'Blinken', 90, blinken),
    mention(A, 2, 'Wang Yi', 30, wang),
    mention(B, 1, 'Beijing', 10, beijing),
    mention(C, 0, 'State Department', 3, state),
  ];
  const corpus = new FakeCorpus([], [], titles, [beijing, wang, state, blinken, ghost], mentions);

  it('groups by type (people, organisations, places) and leaves out empty groups and unmentioned entities', () => {
    const groups = groupEntities(corpus);
    assert.deepEqual(groups.map((g) => g.label), ['People', 'Organisations', 'Places']);
    assert.deepEqual(groups[1]!.entities.map((s) => s.entity.name), ['State Department']);
  });

  it('puts the most mentioned first and counts mentions and articles', () => {
    const people = groupEntities(corpus)[0]!;
    assert.deepEqual(people.entities.map((s) => [s.entity.name, s.mentionCount, s.articleCount, s.articles.length]), [
      ['Antony Blinken', 3, 2, 2],
      ['Wang Yi', 1, 1, 1],
    ]);
  });

  it('lists no mention until an entity is expanded', () => {
    let listed = 0;
    const counting = Object.assign(Object.create(corpus) as FakeCorpus, {
      mentionsOf: (id: string) => {
        listed++;
        return corpus.mentionsOf(id);
      },
    });
    const summary = groupEntities(counting)[0]!.entities[0]!;
    assert.equal(listed, 0);
    assert.equal(summary.articles.length, 2);
    assert.equal(summary.articles.length, 2);
    assert.equal(listed, 1);
  });

  it('expands an entity to its articles by title, each with its mentions in reading order', () => {
    const blinkenSummary = groupEntities(corpus)[0]!.entities[0]!;
    assert.deepEqual(
      blinkenSummary.articles.map((a) => [a.title, a.mentions.map((m) => m.start)]),
      [
        ['Alpha report', [0, 90]],
        ['Bravo news', [50]],
      ],
    );
  });
});

describe('quotes tree model', () => {
  const a0 = quoteAt(A, 'a-q0', 'we will act if China does not', 10, { speaker: speaker('Blinken') });
  const b0 = quoteAt(B, 'b-q0', 'we will act', 20, { speaker: speaker('Antony Blinken') });
  const c0 = quoteAt(C, 'c-q0', 'we will act if China does not, and soon', 5);
  const a1 = quoteAt(A, 'a-q1', 'a lone remark', 80);
  const b1 = quoteAt(B, 'b-q1', 'normal', 60, { kind: 'term' });
  const c1 = quoteAt(C, 'c-q1', 'first', 1);
  const c2 = quoteAt(C, 'c-q2', 'first, reworded', 90);
  const links = [link('a-q0', 'b-q0', 0.8, 'fragment'), link('b-q0', 'a-q0', 0.8, 'fragment'), link('b-q0', 'c-q0', 0.7, 'fragment'), link('c-q1', 'c-q2', 0.6, 'variant'), link('b-q1', 'a-q1', 0.9, 'variant')];
  const linkedIds = (id: string) => links.filter((l) => l.from === id).map((l) => l.to);
  const clusters = clusterQuotes([a0, a1, b0, b1, c0, c1, c2], linkedIds, (u) => titles[u]!);

  it('gathers versions linked directly or through another version into one statement', () => {
    assert.deepEqual(clusters[0]!.versions.map((q) => q.id), ['a-q0', 'b-q0', 'c-q0']);
    assert.equal(clusters[0]!.articleCount, 3);
  });

  it('lists statements reported by more than one article first', () => {
    assert.deepEqual(clusters.map((c) => c.articleCount), [3, 1, 1]);
    assert.deepEqual(clusters[1]!.versions.map((q) => q.id), ['c-q1', 'c-q2'], 'two versions in one article come next');
  });

  it('shows the longest version and leaves terms out', () => {
    assert.equal(clusters[0]!.representative.id, 'c-q0');
    assert.ok(clusters.every((c) => c.versions.every((q) => q.kind === 'statement')));
    assert.ok(clusters.some((c) => c.versions.some((q) => q.id === 'a-q1')), 'a statement linked only to a term stays');
  });
});

describe('mention line context', () => {
  it('shows the trimmed line with the mention’s place in it', () => {
    const text = 'Title\n\n   Blinken met Wang Yi in Beijing.  \nNext';
    const start = text.indexOf('Wang');
    const ctx = lineContext(text, start, start + 7);
    assert.equal(ctx.text, 'Blinken met Wang Yi in Beijing.');
    assert.equal(ctx.text.slice(...ctx.highlight), 'Wang Yi');
  });

  it('cuts a long line around the mention, with ellipses', () => {
    const text = `${'word '.repeat(40)}Xi Jinping${' more'.repeat(40)}`;
    const start = text.indexOf('Xi');
    const ctx = lineContext(text, start, start + 10, 40);
    assert.ok(ctx.text.startsWith('…') && ctx.text.endsWith('…'));
    assert.ok(ctx.text.length <= 42);
    assert.equal(ctx.text.slice(...ctx.highlight), 'Xi Jinping');
  });
});

describe('outline groups', () => {
  it('lists quotes under their speakers in reading order, unattributed apart, and the terms last under a name no speaker has', () => {
    const groups = outlineGroups([
      quoteAt(A, 'q0', 'one', 0, { speaker: speaker('Blinken') }),
      quoteAt(A, 'q1', 'two', 10),
      quoteAt(A, 'q2', 'normal', 20, { kind: 'term' }),
      quoteAt(A, 'q3', 'three', 30, { speaker: speaker('Blinken') }),
      quoteAt(A, 'q4', 'four', 40, { speaker: speaker('Wang Yi') }),
    ]);
    assert.deepEqual(groups.map((g) => [g.name, g.kind, g.quotes.map((q) => q.id)]), [
      ['Blinken', 'speaker', ['q0', 'q3']],
      ['Speaker not named', 'unattributed', ['q1']],
      ['Wang Yi', 'speaker', ['q4']],
      ['Terms in quote marks', 'terms', ['q2']],
    ]);
  });
});

describe('view support', () => {
  it('tells the same story as the status bar, with the same numbers', () => {
    for (const phase of ['finding', 'quotes', 'entities'] as const) {
      for (const view of ['quotes', 'entities'] as const) {
        const message = indexingMessage({ running: true, phase, done: 3, total: 12 }, view) ?? '';
        assert.ok(message.startsWith(progressWords(phase, 3, 12)), `${view} view during ${phase}: ${message}`);
      }
    }
  });

  it('tells the reader how far indexing has got, and nothing once it is done', () => {
    for (const view of ['quotes', 'entities'] as const) {
      assert.equal(indexingMessage({ running: true, phase: 'finding', done: 0, total: 0 }, view), 'Looking for articles…');
      assert.equal(indexingMessage({ running: false, phase: 'idle', done: 12, total: 12 }, view), undefined);
    }
    assert.equal(indexingMessage({ running: true, phase: 'quotes', done: 4000, total: 10000 }, 'quotes'), 'Finding quotes… 4,000 of 10,000');
    assert.equal(indexingMessage({ running: true, phase: 'entities', done: 3, total: 12 }, 'entities'), 'Recognising entities… 3 of 12');
  });

  it('says in the Entities view that entities are still to come while the quotes are found', () => {
    const quotesPhase = indexingMessage({ running: true, phase: 'quotes', done: 3, total: 12 }, 'entities');
    assert.match(quotesPhase ?? '', /3 of 12/);
    assert.match(quotesPhase ?? '', /Entities are recognised next/);
    // The quotes are there during the entity pass; only their speakers are still being named.
    assert.equal(indexingMessage({ running: true, phase: 'entities', done: 3, total: 12 }, 'quotes'), 'Recognising entities… 3 of 12, then their speakers are named.');
  });

  it('holds the views still while indexing fills in what they show', () => {
    assert.equal(redrawsDuring('quotes'), false);
    assert.equal(redrawsDuring('entities'), false, 'speakers would move quotes between groups');
    assert.equal(redrawsDuring('idle'), true, 'edits redraw at once outside indexing');
    assert.equal(redrawsDuring('finding'), true);
  });

  it('redraws once for a burst of changes, and never after being disposed', async () => {
    let runs = 0;
    const c = coalesce(() => runs++, 10);
    for (let i = 0; i < 50; i++) c.schedule();
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(runs, 1);
    c.schedule();
    c.dispose();
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(runs, 1);
  });
});
