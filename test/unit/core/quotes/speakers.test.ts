import { strict as assert } from 'node:assert';
import { mentionsOf } from './attribution';
import { attributeSpeakers, findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { EntityType, SpeakerRef } from '../../../../src/core/types';

interface Attributed {
  quote: string;
  speaker: SpeakerRef | null;
  said: string | null;
}

function attribute(text: string, names: readonly [string, EntityType][] = []): Attributed[] {
  const paras = paragraphs(text);
  const quotes = findQuotes(text, paras);
  const mentions = mentionsOf(text, names);
  const speakers = attributeSpeakers(text, paras, quotes, mentions);
  assert.equal(speakers.length, quotes.length);
  return quotes.map((q, i) => {
    const s = speakers[i];
    if (s) {
      assert.ok(s.span.start >= 0 && s.span.end <= text.length && s.span.start < s.span.end);
      if (s.mention !== null) assert.ok(mentions[s.mention], 'mention index in range');
    }
    return { quote: q.text, speaker: s, said: s ? text.slice(s.span.start, s.span.end) : null };
  });
}

/** [speaker name, via] per quote, null where none. */
function who(text: string, names: readonly [string, EntityType][] = []): ([string, string] | null)[] {
  return attribute(text, names).map((a) => (a.speaker ? [a.speaker.name, a.speaker.via] : null));
}

const BLINKEN: [string, EntityType][] = [['Antony Blinken', 'person'], ['Blinken', 'person']];

describe('speaker attribution rules', () => {
  it('reads a speaker and verb right after the closing mark, in either order', () => {
    assert.deepEqual(who('Antony Blinken visited.\n\n“We will act,” Blinken said.', BLINKEN), [['Antony Blinken', 'after']]);
    assert.deepEqual(who('Antony Blinken visited.\n\n“We will act,” said Blinken.', BLINKEN), [['Antony Blinken', 'after']]);
    assert.deepEqual(who('“We will act,” Blinken told reporters on Friday.', BLINKEN), [['Blinken', 'after']]);
  });

  it('knows reporting verbs in British and American spellings', () => {
    for (const verb of ['emphasised', 'emphasized', 'stated', 'warned', 'added', 'stressed', 'insisted', 'recognised', 'recognized']) {
      assert.deepEqual(who(`“Beijing cannot have it both ways,” Blinken ${verb}.`, BLINKEN), [['Blinken', 'after']], verb);
    }
  });

  it('reads a colon or comma attribution before the quote', () => {
    const text = 'Mao Ning spoke on Tuesday. Mao Ning told reporters: “China regulates exports by law.” Later Mao Ning said, “We object to this.”';
    assert.deepEqual(who(text, [['Mao Ning', 'person']]), [['Mao Ning', 'colon'], ['Mao Ning', 'before']]);
  });

  it('resolves he and she to the person who is the subject of the sentence before', () => {
    const text =
      'Russian Defense Minister Sergei Shoigu met his counterpart Dong Jun on Friday. He said the two countries would strengthen their “strategic partnership in the defense sector”.';
    const [a] = attribute(text, [['Sergei Shoigu', 'person'], ['Dong Jun', 'person']]);
    assert.equal(a.speaker?.name, 'Sergei Shoigu');
    assert.equal(a.speaker?.via, 'pronoun');
    assert.equal(a.said, 'He');
  });

  it('resolves a pronoun after a colon to the speaker just named', () => {
    const text = '“China regulates exports.” Spokeswoman Mao Ning told reporters. She added: “Relevant countries should not distort this.”';
    const res = attribute(text, [['Mao Ning', 'person']]);
    assert.deepEqual(res.map((r) => [r.speaker?.name, r.speaker?.via, r.said]), [
      ['Mao Ning', 'after', 'Mao Ning'],
      ['Mao Ning', 'pronoun', 'She'],
    ]);
  });

  it('gives a person’s fullest name, and the right one when people share a surname', () => {
    const names: [string, EntityType][] = [['Wang Yi', 'person'], ['Wang Xiaohong', 'person'], ['Wang', 'person']];
    const text =
      'Blinken met Wang Yi in Beijing.\n\n“The relationship is confronted with disruptions,” Wang told Blinken.\n\nHe later met Wang Xiaohong.\n\n“We will cooperate on fentanyl,” Wang said.';
    assert.deepEqual(who(text, names).map((w) => w?.[0]), ['Wang Yi', 'Wang Xiaohong']);
  });

  it('attributes a partial quote inside indirect speech to the subject of the reporting verb', () => {
    const text = 'Despite its “unrestricted” partnership with Moscow, China has refrained, but Blinken said its supply of goods “had a material effect in Ukraine”.';
    assert.deepEqual(who(text, [...BLINKEN, ['China', 'place'], ['Moscow', 'place']]), [null, ['Blinken', 'indirect']]);
  });

  it('takes the subject of the clause for a verb without its own (“adding that”, “but said”)', () => {
    const names: [string, EntityType][] = [['China', 'place'], ...BLINKEN];
    assert.deepEqual(who('China has said it supplied no weapons, adding that it is “not a producer of or involved in the crisis.”', names), [
      ['China', 'indirect'],
    ]);
    assert.deepEqual(who('Blinken told the news conference that China has made some progress, but said “more needs to be done.”', names), [
      ['Blinken', 'before'],
    ]);
  });

  it('reads “according to X” and prefers a reporting verb of the same sentence over a source credit', () => {
    const text = 'According to State Department officials, the support “has an impact not only on the battlefield but on Europe.”';
    const [a] = attribute(text, [['State Department', 'organization']]);
    assert.equal(a.speaker?.name, 'State Department officials');
    assert.equal(a.speaker?.via, 'according-to');
    assert.equal(a.speaker?.mention, 0);
    const credited = 'Blinken said the US has seen efforts to “influence and arguably interfere” in the elections, according to CNN.';
    assert.deepEqual(who(credited, [...BLINKEN, ['CNN', 'organization']]), [['Blinken', 'indirect']]);
  });

  it('names role speakers as written, and the person where a role comes with a name', () => {
    const text =
      '“We reiterate our concerns.” A US State Department spokesman told reporters.\n\n“It is hypocritical of the US,” Chinese Foreign Ministry spokesman Wang Wenbin said Tuesday, AP reported.';
    const res = attribute(text, [['US State Department', 'organization'], ['Chinese Foreign Ministry', 'organization'], ['Wang Wenbin', 'person'], ['AP', 'organization']]);
    assert.equal(res[0].speaker?.name, 'A US State Department spokesman');
    assert.equal(res[0].speaker?.mention, 0, 'the spokesman speaks for the department');
    assert.equal(res[1].speaker?.name, 'Wang Wenbin');
    assert.equal(res[1].said, 'Wang Wenbin');
  });

  it('reads a speaker past an aside, and a role with the body it speaks for', () => {
    assert.deepEqual(who('“We will act,” Xi, who met Blinken on Friday, said.', [['Xi', 'person'], ...BLINKEN]), [['Xi', 'after']]);
    assert.deepEqual(who('“We will act,” said a spokesman for the ministry.'), [['a spokesman for the ministry', 'after']]);
    assert.deepEqual(who('“We will act,” a senior US official told reporters on condition of anonymity.', [['US', 'place']]), [
      ['a senior US official', 'after'],
    ]);
  });

  it('reads a nationality standing for the person named before as that person', () => {
    const text = 'Tottenham coach Ange Postecoglou was calm. “We were the better side,” the Australian said.';
    const [a] = attribute(text, [['Ange Postecoglou', 'person'], ['Tottenham', 'organization']]);
    assert.equal(a.speaker?.name, 'Ange Postecoglou');
    assert.equal(a.said, 'the Australian');
  });

  it('resolves “they” to a group named by a plural role before it, and to nobody without one', () => {
    const text = 'Senior US officials briefed reporters on Tuesday. They said the help was “significant and growing by the month.”';
    const [a] = attribute(text, [['US', 'place']]);
    assert.equal(a.speaker?.name, 'Senior US officials');
    assert.equal(a.speaker?.via, 'pronoun');
    assert.equal(a.said, 'They');
    assert.deepEqual(who('Talks ended early. “We will win,” they said.'), [null]);
  });

  it('reads organisations as speakers', () => {
    const text = 'The State Department warned that it would take “further steps as necessary” to deter China.';
    assert.deepEqual(who(text, [['State Department', 'organization'], ['China', 'place']]), [['State Department', 'indirect']]);
  });

  it('reads a bare attribution left inside an unclosed quote', () => {
    const text = '“We stand ready to take steps against such companies. The speaker said.\n\nBlinken raised the issue.';
    assert.deepEqual(who(text, BLINKEN), [['The speaker', 'after']]);
  });

  it('continues the previous speaker’s remarks in an unattributed paragraph, and no further', () => {
    const text =
      '“Fueling Russia’s defense base threatens Europe,” Blinken said.\n\n“As we have told China, security is a core US interest.”\n\nThe trip ended.\n\n“This is a separate remark with nobody named.”';
    assert.deepEqual(who(text, BLINKEN), [['Blinken', 'after'], ['Blinken', 'continuation'], null]);
  });

  it('continues the speaker within a paragraph', () => {
    const text = '“The concern is real.” A Foreign Ministry spokesman said. “So this raises our deep concerns.';
    assert.deepEqual(who(text), [['A Foreign Ministry spokesman', 'after'], ['A Foreign Ministry spokesman', 'continuation']]);
  });

  it('does not continue a speaker past another person named in between', () => {
    const names: [string, EntityType][] = [['Smith', 'person'], ['Jones', 'person']];
    assert.deepEqual(who('“We won,” Smith said. Jones disagreed. “Nobody won anything here.”', names), [['Smith', 'after'], null]);
    assert.deepEqual(who('“We won,” Smith said. The crowd cheered. “Everyone here played their part.”', names), [
      ['Smith', 'after'],
      ['Smith', 'continuation'],
    ]);
  });

  it('returns null where no speaker can be found', () => {
    assert.deepEqual(who('“Nobody claims these words in this text.”'), [null]);
    assert.deepEqual(who('The report said nothing. “Words without a speaker are here.”'), [null]);
    assert.deepEqual(who('“We will win,” they said.'), [null]);
    assert.deepEqual(who('“We will win,” the report noted.'), [null]);
  });

  it('leaves scare-quote terms without a speaker unless clearly attributed', () => {
    const names: [string, EntityType][] = [['China', 'place'], ['Beijing', 'place'], ['Wang', 'person']];
    assert.deepEqual(who('China has kept an ambiguous stance, calling for respect for “territorial integrity”.', names), [null]);
    assert.deepEqual(who('Beijing has denied allegations and insists on maintaining a “normal” trade relationship.', names), [null]);
    assert.deepEqual(who('Wang said the US should not step on “red lines” over Taiwan.', names), [['Wang', 'indirect']]);
  });

  it('does not take a name inside another quote as the speaker', () => {
    const text = '“I told Blinken that we disagree.” The next day “nothing changed.”';
    assert.deepEqual(who(text, BLINKEN), [null, null]);
  });

  it('does not give nested quotes a speaker of their own', () => {
    const res = attribute('“He called it ‘nonsense’ and left,” Blinken said.', BLINKEN);
    assert.deepEqual(res.map((r) => r.speaker?.name ?? null), ['Blinken', null]);
  });

  it('stays fast and bounded on hostile input', () => {
    const unit = '“Quoted words here,” he said, and “more of them” ';
    const text = 'Blinken spoke. ' + unit.repeat(20000); // about 1 MB, 40,000 quotes
    const t0 = Date.now();
    const res = attribute(text, BLINKEN);
    assert.equal(res.length, 40000);
    assert.ok(Date.now() - t0 < 10000, `took ${Date.now() - t0} ms`);
    const opens = '“a '.repeat(10000);
    assert.doesNotThrow(() => attribute(opens));
  });

  it('never fails and always answers within the text on random input', () => {
    let state = 7;
    const rnd = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const pieces = ['Wang Yi', 'Blinken', 'he', 'they', 'said', 'told', 'according to', 'officials', ' ', ' ', '.', ',', ':', '“', '”', '"', '\n\n', 'the', 'A spokesman'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const n = 10 + Math.floor(rnd() * 120);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rnd() * pieces.length)] + (rnd() < 0.5 ? ' ' : '');
      const res = attribute(text, [['Wang Yi', 'person'], ['Blinken', 'person']]);
      for (const r of res) if (r.speaker?.via === 'pronoun') assert.ok(/^(he|they|she)$/i.test(r.said ?? ''), r.said ?? '');
    }
  });
});
