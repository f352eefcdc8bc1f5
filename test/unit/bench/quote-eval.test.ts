import { strict as assert } from 'node:assert';
import {
  alignQuotes, goldPairs, loadStories, predictedPairs, scoreStory, speakerMatches, type GoldQuote, type PredictedQuote,
} from '../../../bench/quote-eval';

function gold(id: string, file: string, start: number, end: number, extra: Partial<GoldQuote> = {}): GoldQuote {
  return { id, file, start, end, text: 'x'.repeat(end - start), kind: 'statement', speaker: 'Ann Lee', clusters: ['c'], ...extra };
}

function pred(id: string, file: string, start: number, end: number, extra: Partial<PredictedQuote> = {}): PredictedQuote {
  return { id, file, start, end, text: 'x'.repeat(end - start), kind: 'statement', speaker: 'Ann Lee', ...extra };
}

describe('quote evaluation scoring', () => {
  it('aligns quotes one to one by overlap, ignoring nested quotes and quotes in other files', () => {
    const g = [gold('g1', 'a.txt', 10, 50), gold('g2', 'a.txt', 60, 80)];
    const p = [
      pred('p1', 'a.txt', 12, 50), // truncated at its start: still the same quote
      pred('p1n', 'a.txt', 20, 30), // nested inside p1
      pred('p2', 'b.txt', 60, 80), // same offsets, other file
      pred('p3', 'a.txt', 75, 120), // overlaps g2 by 5 of its 20 characters: too little
    ];
    const a = alignQuotes(g, p);
    assert.equal(a.get('g1')?.id, 'p1');
    assert.equal(a.has('g2'), false);
  });

  it('accepts a surname or a name with titles and initials, but not another person sharing a word', () => {
    const g = { speaker: 'Shannon Gilreath', aliases: [] };
    assert.ok(speakerMatches('Gilreath', g));
    assert.ok(speakerMatches('Rear Adm. Shannon N. Gilreath', g));
    assert.ok(!speakerMatches('Shannon', g), 'a forename alone does not say who');
    assert.ok(!speakerMatches('Coast Guard Rear Admiral Shannon Gilreath', { speaker: 'Brandon Scott' }));
    assert.ok(!speakerMatches('Francis Scott Key', { speaker: 'Brandon Scott' }));
    assert.ok(speakerMatches('the Coast Guard', { speaker: 'Coast Guard', aliases: ['U.S. Coast Guard'] }));
    assert.ok(speakerMatches(null, { speaker: null }));
    assert.ok(!speakerMatches('Ann Lee', { speaker: null }));
    assert.ok(!speakerMatches(null, { speaker: 'Ann Lee' }));
  });

  it('pairs gold quotes of different files sharing a cluster, and chains through a quote joining two remarks', () => {
    const g = [
      gold('a1', 'a.txt', 0, 10, { clusters: ['x'] }),
      gold('a2', 'a.txt', 20, 30, { clusters: ['x'] }),
      gold('b1', 'b.txt', 0, 10, { clusters: ['x', 'y'] }),
      gold('c1', 'c.txt', 0, 10, { clusters: ['y'] }),
      gold('c2', 'c.txt', 20, 30, { clusters: null }),
    ];
    const { direct, chained } = goldPairs(g);
    assert.equal(direct.size, 3, 'a1~b1, a2~b1, b1~c1; never two quotes of one file');
    assert.equal(chained.size, 5, 'and a1~c1, a2~c1 through b1');
  });

  it('counts direct links and chains of links, through quotes outside the gold too', () => {
    const g = [gold('a', 'a.txt', 0, 10), gold('b', 'b.txt', 0, 10), gold('c', 'c.txt', 0, 10)];
    const p = [pred('pa', 'a.txt', 0, 10), pred('pb', 'b.txt', 0, 10), pred('pc', 'c.txt', 0, 10), pred('px', 'd.txt', 0, 10)];
    const aligned = alignQuotes(g, p);
    const { direct, chained } = predictedPairs(g, aligned, [{ from: 'pa', to: 'px' }, { from: 'px', to: 'pb' }, { from: 'pb', to: 'pc' }]);
    assert.equal(direct.size, 1);
    assert.equal(chained.size, 3);
  });

  it('chains through statements only, as the product’s statements do: never through a term', () => {
    const g = [gold('a', 'a.txt', 0, 10, { clusters: ['x'] }), gold('b', 'b.txt', 0, 10, { clusters: ['y'] })];
    const p = [pred('pa', 'a.txt', 0, 10), pred('pb', 'b.txt', 0, 10), { ...pred('pt', 'd.txt', 0, 10), kind: 'term' as const }];
    const aligned = alignQuotes(g, p);
    const links = [{ from: 'pa', to: 'pt' }, { from: 'pt', to: 'pb' }];
    const kindOf = (id: string): 'statement' | 'term' | undefined => p.find((q) => q.id === id)?.kind;
    assert.equal(predictedPairs(g, aligned, links, kindOf).chained.size, 0);
    assert.equal(predictedPairs(g, aligned, links).chained.size, 1, 'with every quote read as a statement');
  });

  it('scores a tiny story: speakers, exact spans, link precision and recall, decoys', () => {
    const story = {
      quotes: [
        gold('a', 'a.txt', 0, 10, { clusters: ['s'] }),
        gold('b', 'b.txt', 0, 10, { clusters: ['s'] }),
        gold('c', 'c.txt', 0, 10, { clusters: ['s'], speaker: 'Bo Chen' }),
        gold('d', 'c.txt', 20, 30, { clusters: ['t'], kind: 'term', speaker: null }),
      ],
      decoys: [['a', 'd', 'shared formula'] as const],
    };
    const predicted = [
      pred('pa', 'a.txt', 0, 10),
      pred('pb', 'b.txt', 0, 9),
      pred('pc', 'c.txt', 0, 10, { speaker: null }),
      pred('pd', 'c.txt', 20, 30, { kind: 'term', speaker: null }),
    ];
    const s = scoreStory(story, predicted, [{ from: 'pa', to: 'pb' }, { from: 'pa', to: 'pd' }]);
    assert.deepEqual(s.speakers, { hit: 3, of: 4 });
    assert.deepEqual(s.statementSpeakers, { hit: 2, of: 3 });
    assert.deepEqual(s.exactSpans, { hit: 3, of: 4 });
    assert.deepEqual(s.direct.precision, { hit: 1, of: 2 }, 'a~b right, a~d wrong');
    assert.deepEqual(s.direct.recall, { hit: 1, of: 3 }, 'a~c and b~c missed');
    assert.deepEqual(s.decoysLinked, { hit: 1, of: 1 });
    assert.ok(s.errors.some((e) => e.startsWith('speaker') && e.includes('Bo Chen')));
  });

  it('loads the coverage set: every gold quote spelled where it says, at least three stories of four articles', () => {
    const stories = loadStories();
    assert.ok(stories.length >= 3);
    for (const s of stories) assert.ok(new Set(s.quotes.map((q) => q.file)).size >= 4, s.name);
    // Some stories are held out of tuning, and the rest are enough to tune on.
    const held = stories.filter((s) => s.heldOut).length;
    assert.ok(held >= 1 && stories.length - held >= 3, `${held} of ${stories.length} held out`);
  });
});
