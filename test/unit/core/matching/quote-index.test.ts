import assert from 'node:assert/strict';
import { QuoteIndex } from '../../../../src/core/matching';
import type { QuoteLink, QuoteRef } from '../../../../src/core/types';
import { SEED_DOCS, seedQuotes } from '../../../fixtures/matching-seeds';

function seedIndex(order: readonly string[] = SEED_DOCS): QuoteIndex {
  const index = new QuoteIndex();
  for (const doc of order) index.set(doc, seedQuotes(doc));
  return index;
}

const key = (l: QuoteLink): string => `${l.from} ${l.to} ${l.relation}`;
const linked = (index: QuoteIndex, a: string, b: string): QuoteLink | undefined =>
  index.linksOf(a).find((l) => l.to === b);

describe('QuoteIndex on the seed articles', () => {
  const index = seedIndex();

  it('links the pairs a careful reader finds', () => {
    const expected: [string, string, string][] = [
      ['000-q1', '001-q0', 'variant'], // "would struggle to sustain its assault" / "difficult ... to continue its offensive"
      ['001-q2', '003-q3', 'variant'], // "a leading supplier of machine tools" / "the largest supplier"
      ['001-q3', '004-q1', 'variant'], // "has an impact not only on the battlefield" inside the spokesman's longer version
      ['003-q0', '003-q1', 'identical'], // the 'driving' headline printed twice
      ['002-q0', '002-q1', 'fragment'], // "influence and arguably interfere" inside the long quote
      ['001-q5', '002-q4', 'variant'], // "baseless accusations" / "groundless accusations"
      ['001-q5', '002-q5', 'variant'], // "normal economic and trade exchanges" / "normal trade and economic exchanges"
      ['001-q1', '003-q2', 'variant'], // reiterated "serious concerns" / "our grave concerns"
    ];
    for (const [a, b, relation] of expected) {
      const l = linked(index, a, b);
      assert.ok(l, `${a} should link to ${b}`);
      assert.equal(l.relation, relation, `${a} ~ ${b}`);
    }
  });

  it('keeps apart statements that only share an opening formula or names', () => {
    const apart: [string, string][] = [
      ['000-q7', '004-q4'], // "We are committed to ..."
      ['000-q9', '004-q2'], // "our concerns"
      ['004-q0', '003-q2'], // "reiterate our deep / grave concerns" about different things
      ['000-q5', '004-q1'], // both about the defense industrial base and European security, said by different people
      ['001-q4', '004-q1'], // "threat to European security"
    ];
    for (const [a, b] of apart) assert.equal(linked(index, a, b), undefined, `${a} should not link to ${b}`);
  });

  it('does not link one-word scare quotes to every quote using the word', () => {
    assert.deepEqual(index.linksOf('000-q4'), []); // “normal”
    assert.deepEqual(index.linksOf('003-q5'), []); // “unrestricted”
  });

  it('finds nothing more than the expected pairs', () => {
    assert.equal(index.links().length, 8, index.links().map(key).join('\n'));
  });

  it('gives the same links whatever order the documents come in', () => {
    const reversed = seedIndex([...SEED_DOCS].reverse());
    assert.deepEqual(reversed.links().map(key).sort(), index.links().map(key).sort());
  });
});

describe('QuoteIndex links', () => {
  const index = seedIndex();

  it('are symmetric, with mirrored diffs', () => {
    for (const link of index.links()) {
      const back = linked(index, link.to, link.from);
      assert.ok(back, `${link.to} should link back to ${link.from}`);
      assert.equal(back.score, link.score);
      assert.equal(back.relation, link.relation);
      const flip = { common: 'common', from: 'to', to: 'from' } as const;
      assert.deepEqual(back.diff.map((p) => flip[p.op]), link.diff.map((p) => p.op));
    }
  });

  it('carry a diff that gives back both quote texts', () => {
    const texts = new Map(SEED_DOCS.flatMap(seedQuotes).map((q) => [q.id, q.text]));
    for (const link of index.links()) {
      const side = (op: 'from' | 'to'): string => link.diff.filter((p) => p.op !== (op === 'from' ? 'to' : 'from')).map((p) => p.text).join('');
      assert.equal(side('from'), texts.get(link.from));
      // Common words show the from side's spelling: the to side reads back equal up to case and apostrophes.
      const loose = (t: string | undefined): string => (t ?? '').toLowerCase().replace(/[’‘]/g, "'").replace(/defence/g, 'defense');
      assert.equal(loose(side('to')), loose(texts.get(link.to)));
    }
  });

  it('come best first, from the asked quote, with scores in [0, 1]', () => {
    for (const q of SEED_DOCS.flatMap(seedQuotes)) {
      const ls = index.linksOf(q.id);
      for (const l of ls) {
        assert.equal(l.from, q.id);
        assert.ok(l.score >= 0 && l.score <= 1);
      }
      for (let i = 1; i < ls.length; i++) assert.ok(ls[i - 1].score >= ls[i].score);
    }
  });

  it('answer nothing for an unknown quote', () => {
    assert.deepEqual(index.linksOf('nope-q0'), []);
  });
});

describe('QuoteIndex updates', () => {
  const russia = (doc: string, text: string): QuoteRef => ({ id: `${doc}-q0`, docId: doc, text, kind: 'statement' });

  it('replaces a document’s quotes and the links other documents had to them', () => {
    const index = seedIndex();
    assert.ok(linked(index, '000-q1', '001-q0'));
    index.set('001', [russia('001', 'We will hold our first talks on artificial intelligence in the coming weeks')]);
    assert.equal(linked(index, '000-q1', '001-q0'), undefined);
    assert.deepEqual(index.linksOf('000-q1'), []);
    index.set('001', seedQuotes('001'));
    assert.ok(linked(index, '000-q1', '001-q0'));
  });

  it('drops every link to a removed document', () => {
    const index = seedIndex();
    index.remove('003');
    assert.equal(linked(index, '001-q2', '003-q3'), undefined);
    assert.ok(index.links().every((l) => !l.from.startsWith('003') && !l.to.startsWith('003')));
    assert.ok(linked(index, '000-q1', '001-q0'));
  });

  it('links a quote added later to the quotes already there', () => {
    const index = new QuoteIndex();
    index.set('a', [russia('a', 'The talks were frank and constructive, and both sides agreed to meet again next month')]);
    assert.deepEqual(index.links(), []);
    index.set('b', [russia('b', 'Both sides agreed to meet again next month after frank and constructive talks')]);
    assert.deepEqual(index.links().map(key), ['a-q0 b-q0 variant']);
  });
});

describe('QuoteIndex at scale', () => {
  // Quotes drawn at random from the seed quotes' own words: thousands of quotes sharing a small
  // vocabulary, the worst case for posting lists and candidate counts.
  const vocabulary = [...new Set(SEED_DOCS.flatMap(seedQuotes).flatMap((q) => q.text.split(/\s+/)))];
  let state = 12345;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const sentence = (): string => Array.from({ length: 8 + random(25) }, () => vocabulary[random(vocabulary.length)]).join(' ');

  const index = new QuoteIndex();
  const ids: string[] = [];
  for (let d = 0; d < 600; d++) {
    const quotes = Array.from({ length: 5 }, (_, i): QuoteRef => ({ id: `s${d}-q${i}`, docId: `s${d}`, text: sentence(), kind: 'statement' }));
    ids.push(...quotes.map((q) => q.id));
    index.set(`s${d}`, quotes);
  }

  it('keeps each quote’s links few', () => {
    assert.equal(index.quoteCount, 3000);
    for (const id of ids) assert.ok(index.linksOf(id).length <= 32);
  });

  it('answers linksOf within 5 ms at the 99th percentile', () => {
    const times = ids.map((id) => {
      const start = performance.now();
      index.linksOf(id);
      return performance.now() - start;
    }).sort((x, y) => x - y);
    assert.ok(times[Math.floor(times.length * 0.99)] < 5, `p99 ${times[Math.floor(times.length * 0.99)]} ms`);
  });
});

describe('QuoteIndex: a weak resemblance between two people’s words', () => {
  const altman =
    'I love OpenAI, and everything I’ve done over the past few days has been in service of keeping this team and its mission together. when I decided to join Microsoft on Sunday evening, it was clear that was the best path for me and the team. With the new board and with Satya’s support, I’m looking forward to returning to OpenAI, and building on our strong partnership with Microsoft';
  const sutskever = "I deeply regret my participation in the board's actions. I never intended to harm OpenAI. I love everything we've built together and I will do everything I can to reunite the company";
  // Among the seed articles' quotes, so that the words are weighed by their rarity as in a corpus.
  const index = (a?: string, b?: string): QuoteIndex => {
    const ix = seedIndex();
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: altman, kind: 'statement', ...(a ? { speaker: a } : {}) }]);
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: sutskever, kind: 'statement', ...(b ? { speaker: b } : {}) }]);
    return ix;
  };

  it('is a weak variant while nobody says who spoke, and for one speaker', () => {
    const unknown = linked(index(), 'a-q0', 'b-q0');
    assert.equal(unknown?.relation, 'variant');
    assert.ok(unknown!.score < 0.6, `score ${unknown!.score}`);
    assert.ok(linked(index('altman', 'altman'), 'a-q0', 'b-q0'));
    assert.ok(linked(index('altman', undefined), 'a-q0', 'b-q0'));
  });

  it('is no link when the attributions give the words to two different people', () => {
    const ix = index('altman', 'sutskever');
    assert.equal(linked(ix, 'a-q0', 'b-q0'), undefined);
    assert.deepEqual(ix.linkedIds('b-q0'), []);
    assert.equal(ix.links().filter((l) => l.from === 'a-q0' || l.to === 'a-q0').length, 0);
  });

  it('reads one person in two spellings of the surname as one', () => {
    assert.ok(linked(index('zelensky', 'zelenskyy'), 'a-q0', 'b-q0'));
    assert.ok(linked(index('zelenskiy', 'zelensky'), 'a-q0', 'b-q0'));
  });

  it('follows a speaker found after the words were linked', () => {
    const ix = index();
    assert.ok(linked(ix, 'a-q0', 'b-q0'));
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: sutskever, kind: 'statement', speaker: 'sutskever' }]);
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: altman, kind: 'statement', speaker: 'altman' }]);
    assert.equal(linked(ix, 'a-q0', 'b-q0'), undefined);
  });
});

describe('QuoteIndex: one long sentence of two quotes that go on differently', () => {
  const pair = (a: string, b: string): QuoteLink | undefined => {
    const ix = new QuoteIndex();
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: a, kind: 'statement' }]);
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: b, kind: 'statement' }]);
    return linked(ix, 'a-q0', 'b-q0');
  };

  it('links them when the sentence is a dozen words and more, all but word for word', () => {
    const link = pair(
      'Realize this. When we find these, our family and our friends, the remains we’re finding is through a fire that melted metal. We have to do rapid DNA for data filing',
      'When we find our family and our friends, the remains that we’re finding is through a fire that melted metal. We have to do rapid DNA to identify them. Every one of these 89 are John and Jane Does',
    );
    assert.ok(link?.part, 'linked by the sentence they share');
  });

  it('keeps apart two statements that only open with the same short formula', () => {
    assert.equal(
      pair('We reiterate our deep concerns. The sanctions on the shipping companies will stay in place until the blockade ends.', 'We reiterate our deep concerns. Our farmers cannot sell their grain while the ports stay closed.'),
      undefined,
    );
  });
});

describe('QuoteIndex: a statement of two or three words inside a longer one', () => {
  const long = 'As I tell you again, I respect this court. But I am innocent. I would never hurt my wife, Maggie, and I would never hurt my son Paul';
  const index = (a?: string, b?: string): QuoteIndex => {
    const ix = new QuoteIndex();
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: 'I’m innocent', kind: 'statement', ...(a ? { speaker: a } : {}) }]);
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: long, kind: 'statement', ...(b ? { speaker: b } : {}) }]);
    return ix;
  };

  it('is a fragment of it when both are given to one speaker', () => {
    assert.equal(linked(index('murdaugh', 'murdaugh'), 'a-q0', 'b-q0')?.relation, 'fragment');
  });

  it('is no link while a speaker is unknown or another', () => {
    assert.equal(linked(index(), 'a-q0', 'b-q0'), undefined);
    assert.equal(linked(index('murdaugh', undefined), 'a-q0', 'b-q0'), undefined);
    assert.equal(linked(index('murdaugh', 'newman'), 'a-q0', 'b-q0'), undefined);
  });

  it('is no link when the words are only part of a clause there', () => {
    const ix = new QuoteIndex();
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: 'I’m innocent', kind: 'statement', speaker: 'doe' }]);
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: 'They say I am innocent of nothing, and the jury will see that', kind: 'statement', speaker: 'doe' }]);
    assert.equal(linked(ix, 'a-q0', 'b-q0'), undefined);
  });
});

describe('QuoteIndex: links that hold only for one speaker, kept in their place', () => {
  it('never push out a link that is shown', () => {
    const ix = new QuoteIndex();
    const long = 'The harbour project will create thousands of jobs and transform the waterfront for a generation. Thank you.';
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: long, kind: 'statement', speaker: 'doe' }]);
    ix.set('c', [{ id: 'c-q0', docId: 'c', text: 'This harbour scheme is going to bring thousands of new jobs and change our waterfront for generations.', kind: 'statement', speaker: 'doe' }]);
    const before = linked(ix, 'b-q0', 'c-q0');
    assert.ok(before && before.score < 0.8, 'a paraphrase, weaker than a short statement’s link');
    for (let k = 0; k < 40; k++) ix.set(`t${k}`, [{ id: `t${k}-q0`, docId: `t${k}`, text: 'Thank you', kind: 'statement', speaker: `person${k}` }]);
    assert.deepEqual(linked(ix, 'b-q0', 'c-q0'), before);
  });

  it('take the speakers of the quotes kept when a document is set again with more quotes', () => {
    const long = 'As I tell you again, I respect this court. But I am innocent. I would never hurt my wife';
    const ix = new QuoteIndex();
    ix.set('b', [{ id: 'b-q0', docId: 'b', text: long, kind: 'statement', speaker: 'doe' }]);
    ix.set('a', [{ id: 'a-q0', docId: 'a', text: 'I’m innocent', kind: 'statement' }]);
    assert.equal(linked(ix, 'a-q0', 'b-q0'), undefined, 'no speaker yet');
    ix.set('a', [
      { id: 'a-q0', docId: 'a', text: 'I’m innocent', kind: 'statement', speaker: 'doe' },
      { id: 'a-q1', docId: 'a', text: 'The weather was fine on the day', kind: 'statement' },
    ]);
    assert.equal(linked(ix, 'a-q0', 'b-q0')?.relation, 'fragment');
  });

  it('read short surnames and longer names as other people', () => {
    const long = 'As I tell you again, I respect this court. But I am innocent. I would never hurt my wife';
    const pair = (a: string, b: string): QuoteLink | undefined => {
      const ix = new QuoteIndex();
      ix.set('a', [{ id: 'a-q0', docId: 'a', text: 'I’m innocent', kind: 'statement', speaker: a }]);
      ix.set('b', [{ id: 'b-q0', docId: 'b', text: long, kind: 'statement', speaker: b }]);
      return linked(ix, 'a-q0', 'b-q0');
    };
    assert.equal(pair('xi', 'li'), undefined);
    assert.equal(pair('williams', 'williamson'), undefined);
    assert.ok(pair('zelensky', 'zelenskyy'));
  });
});
