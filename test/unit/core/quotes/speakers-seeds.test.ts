import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeSpeakers, findQuotes } from '../../../../src/core/quotes';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { QuoteKind, RawMention, SpeakerRef } from '../../../../src/core/types';

/*
 * The seeds with the hand-annotated mentions of the entity development set, so that these tests read
 * attribution alone, whatever the state of the recogniser.
 */
interface Fixture {
  source: string;
  mentions: RawMention[];
}

interface Row {
  text: string;
  kind: QuoteKind;
  speaker: SpeakerRef | null;
  said: string | null;
  mention: RawMention | null;
}

function analyse(n: string): Row[] {
  const root = join(__dirname, '../../../..');
  const fixture = JSON.parse(readFileSync(join(root, `test/fixtures/ner/seed-${n}.json`), 'utf8')) as Fixture;
  const text = readFileSync(join(root, fixture.source), 'utf8');
  for (const m of fixture.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'fixture matches the seed');
  const paras = paragraphs(text);
  const quotes = findQuotes(text, paras);
  const speakers = attributeSpeakers(text, paras, quotes, fixture.mentions);
  return quotes.map((q, i) => {
    const s = speakers[i];
    return {
      text: q.text,
      kind: q.kind,
      speaker: s,
      said: s ? text.slice(s.span.start, s.span.end) : null,
      mention: s && s.mention !== null ? fixture.mentions[s.mention] : null,
    };
  });
}

/** [opening words of the quote, kind, speaker name or null] for every quote, in order. */
type Expected = [string, QuoteKind, string | null];

function check(rows: readonly Row[], expected: readonly Expected[]): void {
  assert.deepEqual(
    rows.map((r, i) => [r.text.startsWith(expected[i]?.[0] ?? '\u0000') ? expected[i][0] : r.text, r.kind, r.speaker?.name ?? null]),
    expected.map(([t, k, s]) => [t, k, s]),
  );
  for (const r of rows) {
    if (r.speaker && r.mention && r.mention.type === 'person') {
      const last = r.mention.text.split(' ').pop()!;
      assert.ok(r.speaker.name.includes(last), `${r.speaker.name} names mention ${r.mention.text}`);
    }
  }
}

const find = (rows: readonly Row[], start: string): Row => {
  const row = rows.find((r) => r.text.startsWith(start));
  assert.ok(row, `quote starting ${start}`);
  return row;
};

describe('speakers of the seed quotes', () => {
  it('000: every quote is Blinken’s, scare quotes excepted', () => {
    const rows = analyse('000');
    check(rows, [
      ['I made it clear that if China', 'statement', 'Antony Blinken'],
      ['Russia would struggle to sustain', 'statement', 'Antony Blinken'],
      ['territorial integrity', 'term', null],
      ['legitimate concerns of all countries', 'term', null],
      ['normal', 'term', null],
      ['Fueling Russia’s defense', 'statement', 'Antony Blinken'],
      ['As we have told China for some time', 'statement', 'Antony Blinken'],
      ['We are committed to maintaining', 'statement', 'Antony Blinken'],
      ['ensure freedom of navigation.', 'statement', 'Antony Blinken'],
      ['We have expressed our concerns', 'statement', 'Antony Blinken'],
      ['utilize its influence', 'statement', 'Antony Blinken'],
    ]);
    const russia = find(rows, 'Russia would struggle');
    assert.equal(russia.speaker?.via, 'after');
    assert.equal(russia.said, 'Blinken');
    assert.equal(russia.mention?.text, 'Blinken');
    assert.equal(find(rows, 'As we have told').speaker?.via, 'continuation');
    const committed = find(rows, 'We are committed');
    assert.equal(committed.speaker?.via, 'pronoun');
    assert.equal(committed.said, 'he');
    assert.equal(committed.mention?.text, 'Blinken');
  });

  it('001: Blinken, State Department officials and Wang Wenbin', () => {
    const rows = analyse('001');
    check(rows, [
      ['It would be difficult for Russia', 'statement', 'Anthony Blinken'],
      ['serious concerns', 'term', 'Anthony Blinken'],
      ['China is a leading supplier', 'statement', 'Anthony Blinken'],
      ['has an impact not only on the battlefield', 'statement', 'State Department officials'],
      ['Beijing cannot achieve better', 'statement', 'Anthony Blinken'],
      ['It is extremely hypocritical', 'statement', 'Wang Wenbin'],
    ]);
    const officials = find(rows, 'has an impact');
    assert.equal(officials.speaker?.via, 'according-to');
    assert.equal(officials.mention?.text, 'State Department');
    assert.equal(find(rows, 'Beijing cannot').speaker?.via, 'after');
    const wang = find(rows, 'It is extremely hypocritical');
    assert.equal(wang.said, 'Wang Wenbin');
    assert.equal(wang.mention?.type, 'person');
  });

  it('002: Blinken’s statements, the quote across two paragraphs included; scare quotes have no speaker', () => {
    const rows = analyse('002');
    check(rows, [
      ['influence and arguably interfere', 'statement', 'Antony Blinken'],
      ['We have seen, generally speaking', 'statement', 'Antony Blinken'],
      ['We are (now) focused', 'statement', 'Antony Blinken'],
      ['What we said to China is this', 'statement', 'Antony Blinken'],
      ['groundless accusations', 'term', null],
      ['normal trade and economic exchanges', 'term', null],
      ['int’l sponsors of war', 'term', null],
    ]);
    assert.equal(find(rows, 'influence and').speaker?.via, 'indirect', 'the verb of the sentence wins over “according to CNN”');
  });

  it('003: Blinken, Shoigu through a pronoun, China, Xi, and Wang Yi rather than Wang Xiaohong', () => {
    const rows = analyse('003');
    check(rows, [
      ['driving', 'term', null],
      ['driving', 'term', null],
      ['I reiterated our grave concerns', 'statement', 'Antony Blinken'],
      ['China is the largest supplier', 'statement', 'Antony Blinken'],
      ['strategic partnership in the defense sector', 'term', 'Sergei Shoigu'],
      ['unrestricted', 'term', null],
      ['had a material effect in Ukraine', 'statement', 'Antony Blinken'],
      ['not a producer of or involved', 'statement', 'China'],
      ['This is a fundamental issue', 'statement', 'Xi Jinping'],
      ['giant ship', 'term', 'Wang Yi'],
      ['but the negative factors', 'statement', 'Wang Yi'],
      ['endless', 'term', 'Wang Yi'],
      ['And the relationship is confronted', 'statement', 'Wang Yi'],
      ['red lines', 'term', 'Wang Yi'],
      ['more needs to be done.', 'statement', 'Antony Blinken'],
    ]);
    const xi = find(rows, 'This is a fundamental issue');
    assert.equal(xi.said, 'Xi');
    assert.equal(xi.speaker?.via, 'after');
    const shoigu = find(rows, 'strategic partnership');
    assert.equal(shoigu.speaker?.via, 'pronoun');
    assert.equal(shoigu.mention?.text, 'Sergei Shoigu', 'the subject, not his counterpart named last');
    assert.equal(find(rows, 'had a material').speaker?.via, 'indirect');
    assert.equal(find(rows, 'China is the largest').speaker?.via, 'continuation');
  });

  it('004: spokesmen by role, the speaker, Campbell and Mao Ning', () => {
    const rows = analyse('004');
    check(rows, [
      ['We reiterate our deep concerns', 'statement', 'A US State Department spokesman'],
      ['The concern there is that', 'statement', 'A Foreign Ministry spokesman'],
      ['So this raises our deep concerns', 'statement', 'A Foreign Ministry spokesman'],
      ['Further steps as necessary', 'term', 'State Department'],
      ['We are committed to taking', 'statement', 'The speaker'],
      ['Very direct', 'term', null],
      ['Holding China accountable', 'term', 'Kurt Campbell'],
      ['What we have tried to stress', 'statement', 'Kurt Campbell'],
      ['China regulates the export', 'statement', 'Mao Ning'],
      ['Relevant countries should not', 'statement', 'Mao Ning'],
    ]);
    const mao = find(rows, 'China regulates');
    assert.equal(mao.speaker?.via, 'after');
    assert.equal(mao.said, 'Mao Ning');
    const added = find(rows, 'Relevant countries');
    assert.equal(added.speaker?.via, 'pronoun');
    assert.equal(added.said, 'He');
    assert.equal(added.mention?.text, 'Mao Ning');
    assert.equal(find(rows, 'So this raises').speaker?.via, 'continuation');
    assert.equal(find(rows, 'We reiterate').mention?.text, 'State Department');
  });
});
