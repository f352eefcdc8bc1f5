import assert from 'node:assert/strict';
import { compareQuotes, QuoteIndex } from '../../../../src/core/matching';
import { partsOf } from '../../../../src/core/matching/parts';
import type { QuoteRef } from '../../../../src/core/types';

const quote = (doc: string, i: number, text: string, kind: QuoteRef['kind'] = 'statement'): QuoteRef => ({ id: `${doc}-q${i}`, docId: doc, text, kind });
const spelled = (text: string): string[] => partsOf(text).map((p) => text.slice(p.start, p.end));

describe('parts of a quote', () => {
  it('splits a quote into its sentences and the remarks of a splice', () => {
    assert.deepEqual(spelled('It is going to take a long time to rebuild. The people of this great city can count on us.'), [
      'It is going to take a long time to rebuild.',
      'The people of this great city can count on us.',
    ]);
    assert.deepEqual(spelled('We will act quickly to rebuild the bridge … and we will act together [...] whatever it costs the whole country.'), [
      'We will act quickly to rebuild the bridge',
      'whatever it costs the whole country.',
    ]);
  });

  it('takes a spliced sentence whole as well as its segments', () => {
    assert.deepEqual(spelled('Climate change is here and terrifying for millions. The era of global warming has ended; the era of global boiling has arrived'), [
      'Climate change is here and terrifying for millions.',
      'The era of global warming has ended; the era of global boiling has arrived',
      'The era of global warming has ended',
      'the era of global boiling has arrived',
    ]);
  });

  it('takes a run of short sentences together, as each says too little alone', () => {
    assert.deepEqual(spelled('The era of global boiling has begun. Climate change is here. It’s terrifying. And that’s just the beginning.'), [
      'The era of global boiling has begun.',
      'Climate change is here. It’s terrifying. And that’s just the beginning.',
    ]);
  });

  it('keeps the opening and the closing sentences of a long reply, at most eight parts', () => {
    const sentences = Array.from({ length: 12 }, (_, k) => `Remark number ${k + 1} says something about the harbour walls and the spring floods.`);
    const parts = spelled(sentences.join(' '));
    assert.equal(parts.length, 8);
    assert.deepEqual(parts, [...sentences.slice(0, 4), ...sentences.slice(8)]);
    // A reply of eight sentences or fewer keeps them all.
    assert.deepEqual(spelled(sentences.slice(0, 8).join(' ')), sentences.slice(0, 8));
  });

  it('links the answer a long reply closes on to the same answer quoted alone', () => {
    const reply = [
      'I am in a project and we are exactly where we want to be.', 'When I took over it was a mess at the club and we are on our way.',
      'What you see is the team is developing and the team is winning.', 'At the end of the day it is about winning trophies with an identity.',
      'But you need the players to be available and a strong squad in England.', 'There is still a lot of work to do but we have value in the squad.',
      'We have high potentials who are progressing very well this season.', 'Two finals in two years is not bad for a young squad like this.',
      'If they do not want me any more, then I go anywhere else to win trophies because that is what I did my whole career.',
    ].join(' ');
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, reply)]);
    index.set('b', [quote('b', 0, 'If they do not want me, then I go somewhere else to win trophies because that is what I do')]);
    const link = index.linksOf('b-q0').find((l) => l.to === 'a-q0');
    assert.ok(link, 'the closing answer is matched');
    assert.ok(link.part?.to, 'by the part of the long reply it reports');
    // Nor does a remark on another subject find it there.
    index.set('c', [quote('c', 0, 'We will go somewhere warm to rest because that is what the players need')]);
    assert.equal(index.linksOf('c-q0').find((l) => l.to === 'a-q0'), undefined);
  });

  it('keeps one sentence that stands alone among others too short to', () => {
    assert.deepEqual(spelled('The era of global boiling has begun. It’s terrifying. Thank you.'), ['The era of global boiling has begun.']);
  });

  it('keeps a quote of one statement whole: abbreviations, initials, and parts too short to stand alone', () => {
    assert.deepEqual(partsOf('Mr. Smith and Gen. J. R. Jones met the minister in Washington today.'), []);
    assert.deepEqual(partsOf('Thank you. We will rebuild the bridge together.'), []);
    assert.deepEqual(partsOf('A single statement with no break in it at all'), []);
  });
});

describe('links between parts of quotes', () => {
  const joined = 'Rebuilding the bridge will take years of hard work. The people of Baltimore can count on us to stick with them every step of the way.';

  it('links each remark of a quote joining two to its versions in other articles, saying which part matched', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, joined)]);
    index.set('b', [quote('b', 0, 'rebuilding that bridge is going to take years of hard work')]);
    index.set('c', [quote('c', 0, 'The people of Baltimore can count on us to stick with them at every step')]);
    const toB = index.linksOf('a-q0').find((l) => l.to === 'b-q0');
    const toC = index.linksOf('a-q0').find((l) => l.to === 'c-q0');
    assert.ok(toB, 'the first remark is found');
    assert.ok(toC, 'the second remark is found');
    assert.deepEqual(toB.part, { from: { start: 0, end: joined.indexOf(' The people') }, to: undefined });
    assert.equal(joined.slice(toC.part!.from!.start, toC.part!.from!.end), 'The people of Baltimore can count on us to stick with them every step of the way.');
    // Seen from the other end, the part is on the far side.
    const back = index.linksOf('c-q0').find((l) => l.to === 'a-q0')!;
    assert.equal(back.part?.from, undefined);
    assert.equal(joined.slice(back.part!.to!.start, back.part!.to!.end).startsWith('The people'), true);
    // One link per other quote, in the report too.
    assert.equal(index.links().filter((l) => l.from === 'a-q0' || l.to === 'a-q0').length, 2);
  });

  it('gives a sentence quoted word for word from a longer quote as a fragment, not as identical', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, joined)]);
    index.set('b', [quote('b', 0, 'Rebuilding the bridge will take years of hard work.')]);
    assert.equal(index.linksOf('b-q0')[0]?.relation, 'fragment');
  });

  it('does not link a statement to another sharing only a remark of the same kind', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'We are going to rebuild that port together. Everyone in the state deserves nothing less.')]);
    index.set('b', [quote('b', 0, 'We are committed to rebuilding trust with the families of the victims')]);
    assert.deepEqual(index.linksOf('b-q0'), []);
  });
});

describe('a statement retold inside a longer one', () => {
  it('is found though the longer quote uses one of its words earlier on', () => {
    const m = compareQuotes(
      'We do not believe that we are going to find any of these individuals still alive',
      'Based on the length of time that has gone on in the search, the extensive search efforts that we have put into it, the water temperature, at this point we do not believe we are going to find any of these individuals still alive',
    );
    assert.equal(m?.relation, 'variant');
  });

  it('needs words of its own found there, not loose relations between common words', () => {
    assert.equal(compareQuotes(
      'We are going to pay for it to get the bridge rebuilt and opened.',
      'The people of Baltimore can count on us to stick with them at every step of the way until the port is reopened and the bridge is rebuilt.',
    ), null);
  });
});

describe('formulas and rewordings', () => {
  const link = (a: string, b: string) => compareQuotes(a, b);

  it('links two lead-ins to the same statement, but not one opening going on to two statements', () => {
    assert.equal(link('We will do everything necessary to ensure that Russia cannot win this war', 'We will do whatever it takes to ensure that Russia cannot win this war.')?.relation, 'variant');
    assert.equal(link('Beijing cannot achieve better relations with Europe while it backs the war', 'Beijing cannot achieve better lectures with its offensive in Ukraine'), null);
  });

  it('reads one word said otherwise at the end as a rewording', () => {
    assert.equal(link('The era of global boiling has begun.', 'the era of global boiling has arrived')?.relation, 'variant');
  });

  it('does not read a short run inside two translations as a formula', () => {
    assert.equal(link(
      'today there is no consensus on sending ground troops in an official, predictable and approved way.',
      'There’s no consensus today to send in an official manner troops on the ground.',
    )?.relation, 'variant');
  });

  it('takes a few words with one content word as a fragment only of a quote they are most of', () => {
    assert.equal(link('I’m sticking this through', 'Senator, I’m sticking this through')?.relation, 'fragment');
    assert.equal(link('I’m sticking this through', 'The board asked me to stay and I’m sticking this through whatever the cost to my reputation'), null);
  });
});

describe('parts and formulas across articles', () => {
  it('links the first sentence of a long statement quoted alone elsewhere, and a run of short sentences', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'The era of global boiling has begun. Climate change is here. It’s terrifying')]);
    index.set('b', [quote('b', 0, 'The era of global warming has ended; the era of global boiling has arrived.')]);
    index.set('c', [quote('c', 0, 'Record heat across the board this month. Climate change is here. It is terrifying. And it is just the beginning.')]);
    assert.ok(index.linksOf('a-q0').find((l) => l.to === 'b-q0'), 'the first sentence finds its version');
    assert.ok(index.linksOf('a-q0').find((l) => l.to === 'c-q0'), 'the short sentences find theirs');
  });

  it('does not link two statements by a short sentence of a formula each holds', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'We did it. The people of this country voted for change and now change begins.')]);
    index.set('b', [quote('b', 0, 'We did it. Our team beat the champions in the final after extra time.')]);
    assert.deepEqual(index.linksOf('a-q0'), []);
  });

  it('links a clause after a semicolon to its versions', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'The era of global warming has ended; the era of global boiling has arrived')]);
    index.set('b', [quote('b', 0, 'The era of global boiling has begun')]);
    const l = index.linksOf('b-q0')[0];
    assert.equal(l?.to, 'a-q0');
    assert.ok(l.part?.to, 'the matching clause is named');
  });

  it('keeps apart two statements that open with the same sentence and go on differently', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'We reiterate our deep concerns. Both countries would expand their trade in machine tools without any limits this year')]);
    index.set('b', [quote('b', 0, 'We reiterate our deep concerns. The latest talks in the Great Hall brought no progress on fentanyl controls')]);
    assert.deepEqual(index.linksOf('a-q0'), []);
  });

  it('links two spliced quotes sharing two remarks', () => {
    const index = new QuoteIndex();
    index.set('a', [quote('a', 0, 'There is no consensus today to officially send troops on the ground. But in terms of dynamics, nothing should be ruled out. We will do everything necessary to ensure that Russia cannot win this war')]);
    index.set('b', [quote('b', 0, 'There is no consensus today to send troops on the ground in an official manner. But in terms of dynamics, nothing can be ruled out')]);
    assert.equal(index.linksOf('a-q0')[0]?.to, 'b-q0');
  });
});
