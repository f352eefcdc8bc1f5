import assert from 'node:assert/strict';
import { compareQuotes, wordDiff } from '../../../../src/core/matching';
import type { DiffPart } from '../../../../src/core/types';

const joined = (parts: readonly DiffPart[], side: 'from' | 'to'): string =>
  parts.filter((p) => p.op === 'common' || p.op === side).map((p) => p.text).join('');

describe('compareQuotes', () => {
  describe('identical', () => {
    it('ignores case, punctuation and curly against straight apostrophes', () => {
      const m = compareQuotes('China’s support is “decisive”, he said.', "china's support is decisive he said");
      assert.deepEqual(m, { score: 1, relation: 'identical' });
    });

    it('reads British and American spellings alike', () => {
      const m = compareQuotes(
        'The organisation’s defence budget will rise by ten per cent next year',
        "the organization's defense budget will rise by ten per cent next year",
      );
      assert.equal(m?.relation, 'identical');
    });

    it('does not call a changed word identical', () => {
      const m = compareQuotes('The budget will rise next year', 'The budget will fall next year');
      assert.notEqual(m?.relation, 'identical');
    });
  });

  describe('fragment', () => {
    it('finds a quote truncated by another outlet', () => {
      const m = compareQuotes(
        'has an impact not only on the battlefield in Ukraine',
        'It has an impact not only on the battlefield in Ukraine, but also poses a major threat to European security as a whole.',
      );
      assert.equal(m?.relation, 'fragment');
      assert.ok(m!.score >= 0.8 && m!.score < 1);
    });

    it('finds a phrase quoted again inside the longer quote (seed 002)', () => {
      const m = compareQuotes(
        'influence and arguably interfere',
        'We have seen, generally speaking, evidence of attempts to influence and arguably interfere, and we want to make sure that that’s cut off as quickly as possible.',
        { a: 'term' },
      );
      assert.equal(m?.relation, 'fragment');
    });

    it('scores a longer fragment higher than a shorter one', () => {
      const long = 'We will take the necessary steps to defend our national interests and our partners in the region';
      const small = compareQuotes('defend our national interests', long)!;
      const big = compareQuotes('take the necessary steps to defend our national interests and our partners', long)!;
      assert.equal(small.relation, 'fragment');
      assert.equal(big.relation, 'fragment');
      assert.ok(big.score > small.score);
    });

    it('does not make a fragment of a one-word term', () => {
      const m = compareQuotes('normal', 'Relevant countries should not attack the normal relations between China and Russia.', { a: 'term' });
      assert.equal(m, null);
    });

    it('does not make a fragment of a stock phrase with one content word', () => {
      assert.equal(compareQuotes('our concerns', 'So this raises our concerns about the new bill.'), null);
    });
  });

  describe('variant', () => {
    it('links two translations of the same statement (seeds 000 and 001)', () => {
      const m = compareQuotes(
        'Russia would struggle to sustain its assault on Ukraine without China’s support,',
        'It would be difficult for Russia to continue its offensive in Ukraine without China’s support,',
      );
      assert.equal(m?.relation, 'variant');
      assert.ok(m!.score >= 0.5 && m!.score < 1);
    });

    it('links a statement edited with synonyms and different spellings (seeds 001 and 003)', () => {
      const m = compareQuotes(
        'China is a leading supplier of machine tools, microelectronics, nitrocellulose, which is critical to the production of munitions and rocket fuel, and other dual-use goods that Moscow uses to build up its defence industrial base,',
        'China is the largest supplier of machine tools, microelectronics, nitrocellulose, which is crucial for making munitions and rocket fuels, and other dual-use items that Moscow uses to boost its defense industrial base.',
      );
      assert.equal(m?.relation, 'variant');
      assert.ok(m!.score > 0.75);
    });

    it('links a statement retold inside a longer version of it (seeds 001 and 004)', () => {
      const m = compareQuotes(
        'has an impact not only on the battlefield in Ukraine, but also poses a major threat to European security as a whole.',
        'The concern there is that through Chinese support, Russia has significantly reshaped its defense industrial base, which has an impact not only on the battlefield in Ukraine, but poses a greater threat, we believe, to broader European security.',
      );
      assert.equal(m?.relation, 'variant');
    });

    it('links hand-made re-translations', () => {
      const pairs: [string, string][] = [
        ['The sanctions will not stop us from defending our sovereignty and our territory', 'Sanctions won’t prevent us from protecting our sovereignty and our territory'],
        ['We will never accept the annexation of Crimea and we will keep supporting Kyiv', 'We shall never recognise the annexation of Crimea, and we will continue to support Kyiv'],
        ['The talks were frank and constructive, and both sides agreed to meet again next month', 'Both sides agreed to meet again next month after frank and constructive talks'],
        ['The ceasefire must hold if aid is to reach the civilians who need it most', 'If aid is to get to the civilians most in need, the truce has to hold'],
      ];
      for (const [a, b] of pairs) assert.equal(compareQuotes(a, b)?.relation, 'variant', `${a} / ${b}`);
    });

    it('links a scare-quoted phrase to the same words in another order or in synonyms', () => {
      const long = 'It is extremely hypocritical and irresponsible of the US to introduce a bill for large-scale aid to Ukraine while making baseless accusations against normal economic and trade exchanges between China and Russia,';
      assert.equal(compareQuotes('groundless accusations', long, { a: 'term' })?.relation, 'variant');
      assert.equal(compareQuotes('normal trade and economic exchanges', long, { a: 'term' })?.relation, 'variant');
      assert.equal(compareQuotes('hollow accusations', long, { a: 'term' }), null);
      assert.equal(compareQuotes('normal relations', long, { a: 'term' }), null);
    });
  });

  describe('different statements', () => {
    it('keeps apart statements that share only an opening formula (seeds 000 and 004)', () => {
      assert.equal(compareQuotes(
        'We are committed to maintaining and strengthening lines of communication to advance that agenda, and again deal responsibly with our differences so we avoid any miscommunications, any misperceptions, or any miscalculations,',
        'We are committed to taking the necessary steps to defend our national interests, and we stand ready to take steps when we deem them necessary against companies that take steps that conflict with our interests and in ways that – as we have noted here – severely undermine security in both Ukraine and Europe.',
      ), null);
      assert.equal(compareQuotes(
        'We have expressed our concerns about China’s activities in the region. The US seeks de-escalation but will honor its security commitments,',
        'So this raises our deep concerns. We will express these concerns to China and we will express our intention to have China reduce this support.',
      ), null);
      assert.equal(compareQuotes(
        'We are deeply concerned about the humanitarian situation in Gaza',
        'We are deeply concerned about rising inflation across Europe',
      ), null);
    });

    it('keeps apart a spokesman’s preview and the minister’s own words that share names and a formula (seeds 003 and 004)', () => {
      assert.equal(compareQuotes(
        'We reiterate our deep concerns about the People’s Republic of China’s support of Russia’s defense industrial base.',
        'I reiterated our grave concerns that the People’s Republic of China is providing components that fuel Russia’s brutal war of aggression against Ukraine,',
      ), null);
    });

    it('keeps apart a statement and its denial', () => {
      assert.equal(compareQuotes(
        'China is a supplier of weapons for the war in Ukraine and will stay one',
        'China is not a supplier of weapons for the war in Ukraine and will stay so',
      ), null);
      assert.equal(compareQuotes(
        'We will never accept the annexation of Crimea and we will keep supporting Kyiv',
        'We shall accept the annexation of Crimea, and we will continue to support Kyiv',
      ), null);
      // "not only" denies nothing.
      assert.equal(compareQuotes(
        'It threatens not only Ukrainian security but also European security and stability',
        'It threatens both Ukrainian security and European security and stability',
      )?.relation, 'variant');
    });

    it('reads a denial where the shared words stand, not in another remark of the same quote', () => {
      // The first sentence denies something the other quote does not report: the rest is the same remark.
      assert.equal(compareQuotes(
        'I am not satisfied with the season. If they want me to go, I will go somewhere else to win trophies because that is what I do',
        'If they want me to go then I go somewhere else to win trophies, because that is what I do',
      )?.relation, 'variant');
      // A denial in the clause of the shared words still keeps the two apart, whatever the other remarks.
      assert.equal(compareQuotes(
        'It was a long night. The dam will not hold through the spring floods and the town must leave',
        'The dam will hold through the spring floods and the town is safe. We thank the engineers',
      ), null);
      assert.equal(compareQuotes(
        'We thank the engineers. The town will never accept the closure of the bridge',
        'The town will accept the closure of the bridge, the mayor says, and the engineers are thanked',
      ), null);
    });

    it('keeps apart quotes that share only names', () => {
      assert.equal(compareQuotes(
        'Putin told Xi that Russia and China stand together against Western pressure',
        'Xi warned Putin that China would not supply Russia with weapons',
      ), null);
    });
  });
});

describe('a name said as a description of what it names', () => {
  it('takes “modern Britain” and “our country” in the same words as one statement, whole or cut', () => {
    assert.equal(compareQuotes('the rock on which our country was built', 'the rock on which modern Britain was built')?.relation, 'variant');
    assert.equal(compareQuotes('the rock on which our country was built', 'Queen Elizabeth II was the rock on which modern Britain was built. Our country has grown.')?.relation, 'variant');
    assert.equal(compareQuotes('we will defend the country with everything we have', 'we will defend Ukraine with everything we have')?.relation, 'variant');
  });

  it('does not take a swap that leaves too little of the words around it', () => {
    assert.equal(compareQuotes('for our country', 'for Britain'), null);
  });
});

describe('a denial in one of two quotes sharing words', () => {
  it('keeps them apart when it denies the shared words, before them or just after', () => {
    assert.equal(compareQuotes('this kind of fraud is not as old as time itself, we believe', 'this kind of fraud is as old as time itself, we believe'), null);
  });

  it('does not when it is of something said further on', () => {
    const m = compareQuotes('This kind of fraud, this kind of corruption is as old as time and we have no patience for it', 'These players like Sam Bankman-Fried may be new, but this kind of fraud, this kind of corruption, is as old as time');
    assert.equal(m?.relation, 'variant');
  });
});

describe('a closed compound and its two words', () => {
  it('reads “seafloor” and “sea floor” as one word in two versions of a statement', () => {
    const retold = 'The environment on the seafloor is extremely harsh, and these debris are consistent with the catastrophic implosion of the submarine';
    const said = 'This is an incredibly unforgiving environment down there on the sea floor, and the debris is consistent with a catastrophic implosion of the vessel';
    assert.equal(compareQuotes(retold, said)?.relation, 'variant');
    assert.equal(compareQuotes(retold.replace('seafloor', 'seabed'), said), null, 'without the compound the two share too little');
  });
});

describe('a word swapped for its opposite', () => {
  const SAID = 'the company said it has hired three hundred workers at the plant this year';

  it('is another statement, however much else the two share', () => {
    assert.equal(compareQuotes(SAID, 'Officials said the company said it has fired three hundred workers at the plant this year and next'), null);
    assert.equal(compareQuotes('prices have increased sharply across the region this winter', 'prices have decreased sharply across the region this winter'), null);
  });

  it('is not another statement when both say both words, or the other says it with more', () => {
    assert.notEqual(compareQuotes(SAID, 'Officials said the company said it has hired three hundred workers at the plant this year and next'), null);
    assert.notEqual(compareQuotes('we hired some and fired others at the plant this year', 'at the plant this year we hired some and fired others'), null);
  });
});

describe('wordDiff', () => {
  const a = 'Russia would struggle to sustain its assault on Ukraine without China’s support,';
  const b = 'It would be difficult for Russia to continue its offensive in Ukraine without China’s support,';

  it('gives back both texts from its runs', () => {
    const parts = wordDiff(a, b);
    assert.equal(joined(parts, 'from'), a);
    assert.equal(joined(parts, 'to'), b);
  });

  it('marks the reworded words and keeps the shared ending common', () => {
    const parts = wordDiff(a, b);
    assert.ok(parts.some((p) => p.op === 'from' && p.text.includes('sustain')));
    assert.ok(parts.some((p) => p.op === 'to' && p.text.includes('continue')));
    assert.match(parts[parts.length - 1].text, /without China’s support,$/);
    assert.equal(parts[parts.length - 1].op, 'common');
  });

  it('treats case, apostrophes and spelling variants as common', () => {
    const parts = wordDiff('The defence of China’s interests', "the defense of China's interests");
    assert.deepEqual(parts.map((p) => p.op), ['common']);
  });
});
