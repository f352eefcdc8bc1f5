import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { QuoteSpan } from '../../../../src/core/types';

function quotesOf(text: string): QuoteSpan[] {
  return findQuotes(text, paragraphs(text));
}

function textsOf(text: string): string[] {
  return quotesOf(text).map((q) => q.text);
}

function seed(prefix: string): string {
  const dir = join(__dirname, '../../../../seeds');
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix}`);
  return readFileSync(join(dir, name), 'utf8');
}

/** Every quote's offsets must agree with its text and its marks. */
function assertConsistent(text: string, quotes: readonly QuoteSpan[]): void {
  for (const q of quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(q.outer.start < q.start && q.end <= q.outer.end, `outer contains inner: ${q.text}`);
  }
  for (let i = 1; i < quotes.length; i++) assert.ok(quotes[i - 1].outer.start <= quotes[i].outer.start, 'sorted');
}

describe('finding quotations', () => {
  it('finds curly double quotes with exact offsets, marks outside the text', () => {
    const text = 'Intro.\n\n“I made it clear that we will,” Blinken told reporters.';
    const [q] = quotesOf(text);
    assert.equal(q.text, 'I made it clear that we will');
    assert.equal(text.slice(q.outer.start, q.outer.end), '“I made it clear that we will,”');
    assert.equal(q.unclosed, false);
    assert.equal(q.depth, 0);
    assert.equal(q.paragraph, 1);
  });

  it('pairs straight double quotes by context', () => {
    const text = 'He said "we will go" and then "we will stay," she said.';
    assert.deepEqual(textsOf(text), ['we will go', 'we will stay']);
  });

  it('takes single marks as quotation marks in a headline, curly or straight', () => {
    assert.deepEqual(textsOf('Blinken confronts China for ‘driving’ the Russian war'), ['driving']);
    assert.deepEqual(textsOf("Blinken confronts China for 'driving' the Russian war"), ['driving']);
  });

  it('never takes apostrophes inside or at the end of words as quotation marks', () => {
    const text = "China’s support, the People's Republic, int’l sponsors, the Smiths’ house, the Joneses' car, ’90s, rock ’n’ roll.";
    assert.deepEqual(quotesOf(text), []);
    assert.deepEqual(textsOf('Reuters: China demands Ukraine remove 14 firms from “int’l sponsors of war” list'), ['int’l sponsors of war']);
  });

  it('finds guillemets and low-high marks', () => {
    assert.deepEqual(textsOf('Macron a dit « nous sommes prêts » hier.'), ['nous sommes prêts']);
    assert.deepEqual(textsOf('Scholz sagte: „Wir brauchen alle 27“ gestern.'), ['Wir brauchen alle 27']);
    assert.deepEqual(textsOf('Han sa »det går bra« i går.'), ['det går bra']);
  });

  it('finds a quote nested in another at depth 1', () => {
    const text = '“He called it ‘nonsense’ and walked out,” she said.';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.depth]), [
      ['He called it ‘nonsense’ and walked out', 0],
      ['nonsense', 1],
    ]);
    assertConsistent(text, quotes);
  });

  it('ends a quote left open at its paragraph end, without swallowing the next paragraph', () => {
    const text = '“So this raises our concerns. We will act.\n\nThe State Department warned that it would take “further steps”.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0].text, 'So this raises our concerns. We will act.');
    assert.equal(quotes[0].unclosed, true);
    assert.equal(quotes[0].outer.end, text.indexOf('\n'));
    assert.equal(quotes[1].text, 'further steps');
    assert.equal(quotes[1].paragraph, 1);
    assertConsistent(text, quotes);
  });

  it('continues an unclosed quote into a paragraph that opens with a quote mark (news convention)', () => {
    const text = '“We have seen evidence of interference.\n\n“It is unacceptable to us,” Blinken said.\n\nNext paragraph.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1);
    const q = quotes[0];
    assert.equal(q.unclosed, false);
    assert.equal(q.paragraph, 0);
    assert.equal(q.text, 'We have seen evidence of interference.\n\n“It is unacceptable to us');
    assertConsistent(text, quotes);
  });

  it('continues an unclosed quote when the next mark in the following paragraph closes it', () => {
    const text = '“We have seen evidence of interference.\nAny interference is unacceptable to us,” Blinken said.';
    const [q] = quotesOf(text);
    assert.equal(q.text, 'We have seen evidence of interference.\nAny interference is unacceptable to us');
    assert.equal(q.unclosed, false);
  });

  it('runs an unclosed quote on through paragraphs without marks to a closing mark followed by its attribution', () => {
    const text = '"It is a huge trophy.\n\nGarnacho and Mainoo? I\'m so happy.\n\nWe are building a team, but you need players who will be available," the coach told Sky Sports.';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].unclosed, false);
    assert.equal(quotes[0].text, "It is a huge trophy.\n\nGarnacho and Mainoo? I'm so happy.\n\nWe are building a team, but you need players who will be available");
    assertConsistent(text, quotes);
  });

  it('ends an unclosed quote with its paragraph when the closing mark has no attribution, or is too far, or a paragraph between has marks', () => {
    const bare = '"It is a huge trophy.\n\nThe club was silent.\n\nIt was a great day," and the fans left.';
    assert.deepEqual(quotesOf(bare).map((q) => [q.text, q.unclosed]), [['It is a huge trophy.', true]]);
    const opening = '"It is a huge trophy.\n\nThe club was silent.\n\nFans sang "we love United," he said.';
    assert.deepEqual(quotesOf(opening).map((q) => q.text), ['It is a huge trophy.', 'we love United']);
    const far = '"It is a huge trophy.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nIt was great," he said.';
    assert.equal(quotesOf(far)[0].text, 'It is a huge trophy.');
    const marked = '"It is a huge trophy.\n\nThe "Red Devils" won.\n\nIt was great," he said.';
    assert.equal(quotesOf(marked)[0].text, 'It is a huge trophy.');
  });

  it('splits a chain of reopened paragraphs that never closes back into unclosed quotes', () => {
    const text = '“First part of it.\n\n“Second part of it.\n\nThird paragraph is narration.';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.unclosed, q.paragraph]), [
      ['First part of it.', true, 0],
      ['Second part of it.', true, 1],
    ]);
  });

  it('leaves a bare attribution after an unclosed quote outside it', () => {
    const text = '“We stand ready to act in both Ukraine and Europe. The speaker said.\n\nBlinken left.';
    const [q] = quotesOf(text);
    assert.equal(q.text, 'We stand ready to act in both Ukraine and Europe.');
    assert.equal(q.unclosed, true);
    assert.equal(q.outer.end, q.end);
  });

  it('ends an unclosed quote before an attribution after a comma, and does not run it into the next paragraph', () => {
    const text = '“At 7:35 this morning he returned home. His life was dedicated to the Church, Farrell said in the announcement.\n\n“He taught us to live the Gospel.”';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes.map((q) => q.text), ['At 7:35 this morning he returned home. His life was dedicated to the Church', 'He taught us to live the Gospel.']);
    assert.equal(quotes[0].unclosed, true);
  });

  it('leaves the whole last sentence out when the attribution after its comma ends it (“… Speaking on Monday, Farrell said.”)', () => {
    const [q] = quotesOf('“We are devastated by the news and we ask for privacy. Speaking on Monday, Farrell said.\n\nOthers left.');
    assert.equal(q.text, 'We are devastated by the news and we ask for privacy.');
  });

  it('keeps a comma and a pronoun with a reporting verb inside an unclosed quote, and carries it on', () => {
    const text = '“I told him no, he said, and he left. So we waited.\n\n“Then it rained.”';
    const quotes = quotesOf(text);
    assert.equal(quotes.length, 1);
    assert.match(quotes[0].text, /^I told him no, he said, and he left\. So we waited\.\n\n“Then it rained\.$/);
  });

  it('does not take a clause after a comma for an attribution when a name does not lead it', () => {
    const quotes = quotesOf('“We will rebuild the town, as the mayor said in March.\n\nOthers left.');
    assert.equal(quotes[0].text, 'We will rebuild the town, as the mayor said in March.');
  });

  it('reads a curly mark opening again after a sentence inside its own kind of quote as a new quote', () => {
    const text = 'Liz Truss said: “We are all devastated by the news. “The death of the Queen is a huge shock.” Then she left.';
    const quotes = quotesOf(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.depth, q.unclosed]), [
      ['We are all devastated by the news.', 0, true],
      ['The death of the Queen is a huge shock.', 0, false],
    ]);
  });

  it('keeps a quote nested in single marks, and a mark opening again mid-sentence, nested', () => {
    assert.deepEqual(quotesOf('He said: “She told me ‘no’ and left.”').map((q) => q.depth), [0, 1]);
    assert.deepEqual(quotesOf('He said: “She told me “no” and left.”').map((q) => q.depth), [0, 1]);
    // Two closing marks ahead: the inner quote closes, then the one around it.
    const nested = quotesOf('“I read the sign. “Keep out,” it said, so I turned back,” Smith told the court.');
    assert.deepEqual(nested.map((q) => [q.text, q.depth]), [['I read the sign. “Keep out,” it said, so I turned back', 0], ['Keep out', 1]]);
  });

  it('keeps a quoted sentence that only looks like an attribution when the quote is closed', () => {
    assert.deepEqual(textsOf('“We were there. He said nothing.” Blinken left.'), ['We were there. He said nothing.']);
  });

  it('ignores empty quotes and trims the comma that belongs to the reporting sentence', () => {
    assert.deepEqual(textsOf('An empty “” pair and “ spaced words, ” he said.'), ['spaced words']);
  });
});

describe('quote kinds', () => {
  const kinds = (text: string): [string, string][] => quotesOf(text).map((q) => [q.text, q.kind]);

  it('calls scare quotes and short quoted phrases terms', () => {
    assert.deepEqual(kinds('China insists on a “normal” trade relationship.'), [['normal', 'term']]);
    assert.deepEqual(kinds('Wang said the US should not step on “red lines” over Taiwan.'), [['red lines', 'term']]);
    assert.deepEqual(kinds('calling for respect for “territorial integrity” and the “legitimate concerns of all countries,”'), [
      ['territorial integrity', 'term'],
      ['legitimate concerns of all countries', 'term'],
    ]);
  });

  it('does not take a noun such as “her will” for a modal that makes a fragment a clause', () => {
    assert.deepEqual(kinds('the US is firm about her concerns and her will “holding China accountable” now.'), [['holding China accountable', 'term']]);
    assert.deepEqual(kinds('China can “utilize its influence” in the region.'), [['utilize its influence', 'statement']]);
  });

  it('calls reported speech statements, including short fragments that finish a clause', () => {
    assert.deepEqual(kinds('“Russia would struggle without China’s support,” Blinken said.'), [
      ['Russia would struggle without China’s support', 'statement'],
    ]);
    assert.deepEqual(kinds('Blinken said its supply “had a material effect in Ukraine” and more.'), [
      ['had a material effect in Ukraine', 'statement'],
    ]);
    assert.deepEqual(kinds('the US must “ensure freedom of navigation.”'), [['ensure freedom of navigation.', 'statement']]);
    assert.deepEqual(kinds('but said “more needs to be done.”'), [['more needs to be done.', 'statement']]);
  });
});

describe('quote finding on the seeds', () => {
  it('finds every quote of 000 with the right kinds, and no apostrophe is a quote', () => {
    const text = seed('000');
    const quotes = quotesOf(text);
    assertConsistent(text, quotes);
    assert.deepEqual(quotes.map((q) => q.kind), [
      'statement', 'statement', 'term', 'term', 'term', 'statement', 'statement', 'statement', 'statement', 'statement', 'statement',
    ]);
    assert.ok(quotes.every((q) => !q.text.startsWith('s ')), 'no quote starts after an apostrophe');
    assert.deepEqual(quotes.filter((q) => q.kind === 'term').map((q) => q.text), [
      'territorial integrity', 'legitimate concerns of all countries', 'normal',
    ]);
  });

  it('joins 002’s quote that runs over a paragraph break and closes in the next paragraph', () => {
    const text = seed('002');
    const quotes = quotesOf(text);
    assertConsistent(text, quotes);
    const long = quotes.find((q) => q.text.startsWith('We have seen, generally speaking'))!;
    assert.ok(long.text.endsWith('so I wanted to make sure that they heard that message again'));
    assert.equal(long.unclosed, false);
    assert.ok(long.text.includes('\nAny interference by China'));
    assert.deepEqual(quotes.map((q) => q.text).slice(-3), ['groundless accusations', 'normal trade and economic exchanges', 'int’l sponsors of war']);
  });

  it('finds both headline forms of 003’s single-quoted ‘driving’ as terms', () => {
    const quotes = quotesOf(seed('003'));
    const driving = quotes.filter((q) => q.text === 'driving');
    assert.equal(driving.length, 2);
    assert.ok(driving.every((q) => q.kind === 'term'));
    assert.equal(quotes.length, 15);
  });

  it('bounds 004’s unclosed quotes by their paragraphs', () => {
    const text = seed('004');
    const quotes = quotesOf(text);
    assertConsistent(text, quotes);
    const unclosed = quotes.filter((q) => q.unclosed);
    assert.deepEqual(unclosed.map((q) => q.text.slice(0, 20)), ['So this raises our d', 'We are committed to ']);
    assert.ok(unclosed[1].text.endsWith('severely undermine security in both Ukraine and Europe.'));
    const paras = paragraphs(text);
    for (const q of unclosed) assert.ok(q.end <= paras[q.paragraph].end);
  });
});

describe('robustness of quote finding', () => {
  function timed(text: string): number {
    const t0 = Date.now();
    const quotes = quotesOf(text);
    assertConsistent(text, quotes);
    return Date.now() - t0;
  }

  it('handles 10,000 quote marks quickly', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Word ${i} “quoted ${i}” and`).join(' ');
    assert.equal(quotesOf(text).length, 5000);
    assert.ok(timed(text) < 2000);
  });

  it('handles only opening marks, in one paragraph and in many', () => {
    const one = '“a '.repeat(10000);
    assert.ok(timed(one) < 2000);
    assert.ok(quotesOf(one).length <= 10);
    const many = Array.from({ length: 5000 }, () => '“Open and never closed').join('\n\n');
    assert.ok(timed(many) < 2000);
    assert.equal(quotesOf(many).length, 5000);
  });

  it('handles deeply nested quotes', () => {
    const text = '“a ‘b “c ‘d '.repeat(2000) + '’” ’”'.repeat(2000);
    assert.ok(timed(text) < 2000);
  });

  it('handles a 1 MB line of text and marks', () => {
    const unit = 'He said "x" and \'y\' it’s “z ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    assert.ok(timed(text) < 3000);
  });
});

describe('quote finding on random text', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function lcg(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pieces = ['word', 'Blinken', ' ', ' ', ' ', '.', ',', '“', '”', '"', "'", '‘', '’', '«', '»', '„', '\n', '\n\n', 's', 'said', 'he'];

  it('keeps every invariant on 300 random texts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = lcg(seed);
      let text = '';
      const n = 20 + Math.floor(rnd() * 200);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rnd() * pieces.length)];
      const paras = paragraphs(text);
      const quotes = findQuotes(text, paras);
      assertConsistent(text, quotes);
      const top = quotes.filter((q) => q.depth === 0);
      for (let i = 1; i < top.length; i++) assert.ok(top[i - 1].outer.end <= top[i].outer.start, `seed ${seed}: top-level quotes overlap`);
      for (const q of quotes) {
        const para = paras[q.paragraph];
        assert.ok(para.start <= q.outer.start && q.outer.start < para.end, `seed ${seed}: opens in its paragraph`);
        if (q.unclosed) assert.ok(q.outer.end <= para.end, `seed ${seed}: unclosed quote stays in its paragraph`);
      }
    }
  });
});
