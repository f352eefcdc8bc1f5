import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognize } from '../../../../src/core/entities';
import { paragraphs } from '../../../../src/core/text/paragraphs';
import type { RawMention } from '../../../../src/core/types';

function find(text: string): RawMention[] {
  return recognize(text, paragraphs(text));
}

/** Mentions as `text/type`, the way a reader would list them. */
function names(text: string): string[] {
  return find(text).map((m) => `${m.text}/${m.type}`);
}

describe('entities: recognize', () => {
  it('keeps titles out of names and still finds the place in the title', () => {
    const got = names('US Secretary of State Antony Blinken met Chinese President Xi Jinping on Friday.');
    assert.deepEqual(got, ['US/place', 'Antony Blinken/person', 'Xi Jinping/person']);
  });

  it('does not cut a name at a title word, nor make a person of the title', () => {
    const got = names('The trip followed a visit by US Treasury Secretary Janet Yellen. President Joe Biden signed the bill.');
    assert.deepEqual(got, ['US/place', 'Janet Yellen/person', 'Joe Biden/person']);
  });

  it('drops possessives and keeps exact offsets', () => {
    const text = 'Antony Blinken’s trip to China followed Beijing\'s warning and the U.S.’s concerns. Blinken’s aides agreed.';
    const got = find(text);
    assert.deepEqual(got.map((m) => m.text), ['Antony Blinken', 'China', 'Beijing', 'U.S.', 'Blinken']);
    for (const m of got) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('splits places at commas instead of merging them', () => {
    assert.deepEqual(names('They met in Beijing, China, on Friday.'), ['Beijing/place', 'China/place']);
  });

  it('finds news outlets and agencies, with or without cue words', () => {
    const got = names('Reuters reported it first; AP, Axios and the Financial Times followed, as did CNN.');
    assert.deepEqual(got, ['Reuters/organization', 'AP/organization', 'Axios/organization', 'Financial Times/organization', 'CNN/organization']);
  });

  it('types departments and ministries as organisations, with a leading country kept apart', () => {
    assert.deepEqual(names('A US State Department spokesman and a Chinese Foreign Ministry spokesman spoke.'), [
      'US/place', 'State Department/organization', 'Foreign Ministry/organization',
    ]);
  });

  it('uses lower-case role words before a name the tagger does not know', () => {
    assert.deepEqual(names('He met his counterpart Dong Jun and spokesman Mao Ning.'), ['Dong Jun/person', 'Mao Ning/person']);
  });

  it('reads all-capitals photo credits: agencies and photographer yes, distribution notices no', () => {
    const got = names('Leaders meet in Beijing. EFE-EPA/XINHUA / Shen Hong CHINA OUT / UK AND IRELAND OUT / MANDATORY CREDIT EDITORIAL USE ONLY');
    assert.deepEqual(got, ['Beijing/place', 'EFE/organization', 'EPA/organization', 'XINHUA/organization', 'Shen Hong/person']);
  });

  it('reads all-capitals datelines as places', () => {
    assert.deepEqual(names('LONDON (Reuters) - Markets fell.'), ['LONDON/place', 'Reuters/organization']);
  });

  it('does not take demonyms, weekdays, months or sentence-initial words for names', () => {
    assert.deepEqual(names('However, Chinese and Russian officials met on Friday, 26 April. Western sanctions remain.'), []);
  });

  it('keeps cue-word names whole and splits hyphenated pairs of names', () => {
    const got = names('Joe Biden and Xi Jinping met. The South China Sea shadowed the Biden-Xi meeting at the Great Hall of the People.');
    assert.deepEqual(got, [
      'Joe Biden/person', 'Xi Jinping/person', 'South China Sea/place', 'Biden/person', 'Xi/person', 'Great Hall of the People/place',
    ]);
  });

  it('keeps "of" inside an official name but splits names joined by "and"', () => {
    assert.deepEqual(names('The People\'s Republic of China and Russia signed, the Securities and Exchange Commission said.'), [
      'People\'s Republic of China/place', 'Russia/place', 'Securities and Exchange Commission/organization',
    ]);
  });

  it('finds a bare surname the document names in full elsewhere, even where the tagger calls it a verb', () => {
    const got = names('Blinken urges restraint.\n\nSecretary of State Antony Blinken spoke in Paris.');
    assert.deepEqual(got, ['Blinken/person', 'Antony Blinken/person', 'Paris/place']);
  });

  it('finds G7, NATO and the Kremlin as organisations', () => {
    assert.deepEqual(names('G7 leaders and NATO allies warned the Kremlin.'), ['G7/organization', 'NATO/organization', 'Kremlin/organization']);
  });

  it('keeps name particles ("von der Leyen")', () => {
    assert.deepEqual(names('"We are ready," von der Leyen said in Brussels.'), ['von der Leyen/person', 'Brussels/place']);
  });

  it('keeps the article of "The Hague" and reads company cue words', () => {
    assert.deepEqual(names('She visited Tokyo and The Hague. Shares of Hoshino Electronics fell; Hoshino declined to comment.'), [
      'Tokyo/place', 'The Hague/place', 'Hoshino Electronics/organization', 'Hoshino/organization',
    ]);
  });

  it('splits a dateline, its agency and the name after the dash', () => {
    assert.deepEqual(names('LONDON (Reuters) - Bukayo Saka scored late.'), ['LONDON/place', 'Reuters/organization', 'Bukayo Saka/person']);
  });

  it('returns sorted, non-overlapping mentions for every seed', () => {
    for (const f of ['000_44d6e05b2ad3ddd3', '001_7e1bd303d94b701a', '002_708bc86c8f4b88ce', '003_2b7f539160dc2239', '004_3370ff8a36d960a3']) {
      const text = readFileSync(join(__dirname, '../../../../seeds', `${f}.txt`), 'utf8');
      const got = find(text);
      assert.ok(got.length > 30, f);
      for (let i = 0; i < got.length; i++) {
        assert.equal(text.slice(got[i].start, got[i].end), got[i].text);
        if (i > 0) assert.ok(got[i].start >= got[i - 1].end, `${f}: overlap at ${got[i].start}`);
        assert.ok(!/['’]s$/.test(got[i].text), `${f}: possessive kept in ${got[i].text}`);
      }
    }
  });

  it('handles a one-megabyte line without hanging and with exact offsets', function () {
    this.timeout(120000);
    const unit = 'Blinken met Wang Yi in Beijing on Friday. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const got = find(text);
    assert.ok(got.length >= 2 * Math.floor(text.length / unit.length));
    const last = got[got.length - 1];
    assert.equal(text.slice(last.start, last.end), last.text);
  });
});

describe('recognize: a one-word name with a capital inside it', () => {
  const typesOf = (text: string, name: string): string[] =>
    recognize(text, paragraphs(text)).filter((m) => m.text === name).map((m) => m.type);

  it('is an organisation, never a place, wherever it stands', () => {
    // The tagger alone reads the first and the last as places ("the board of …", "invested in …").
    const text =
      'The board of OpenAI, one of the leading players in the artificial intelligence sector, fired its CEO, Sam Altman. OpenAI said the company behind ChatGPT would look for a new leader. Microsoft, which has invested billions in OpenAI, said it remains committed.';
    const types = typesOf(text, 'OpenAI');
    assert.equal(types.length, 3);
    assert.ok(types.every((t) => t === 'organization'), types.join(', '));
  });
});

describe('recognize: a body, a title and a person read as one name', () => {
  it('is the body, then the person after the title', () => {
    const text = 'Meanwhile, ISRO Chief S Somanath applauded the team of scientists who were behind the mission’s success and thanked everyone for the mission.';
    const found = recognize(text, paragraphs(text)).map((m) => `${m.text}:${m.type}`);
    assert.ok(!found.some((m) => m.startsWith('ISRO Chief')), found.join(', '));
    assert.ok(found.includes('S Somanath:person'), found.join(', '));
    for (const m of recognize(text, paragraphs(text))) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('keeps a body whose name holds a title whole (“Office of the Chief Medical Examiner”)', () => {
    for (const name of ['Office of the Chief Medical Examiner', 'Council of Chief State School Officers']) {
      const text = `Last night, the ${name} said the cause was unclear.`;
      const found = recognize(text, paragraphs(text)).filter((m) => m.type === 'person');
      assert.deepEqual(found.map((m) => m.text), [], name);
    }
  });
});

describe('recognize: a German role read into a person’s name', () => {
  it('leaves the role out of the name, a compound role too', () => {
    const text = 'Twitter-Finanzchef Ned Segal schrieb auf Twitter. Den bisherigen Firmenchef Parag Agrawal hatte Musk gefeuert.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person');
    assert.ok(people.some((m) => m.text === 'Ned Segal'), people.map((m) => m.text).join(', '));
    assert.ok(!people.some((m) => /chef/i.test(m.text)), people.map((m) => m.text).join(', '));
    for (const m of people) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('keeps a surname that is also a role word, and a name with nothing after the role', () => {
    const text = 'Gerhard Richter stellte in Dresden aus. Der Kanzler sprach danach.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person').map((m) => m.text);
    assert.ok(people.includes('Gerhard Richter'), people.join(', '));
  });
});

describe('recognize: the words of another language’s sentence read into a person’s name', () => {
  it('leaves them out (“La décision de Biden” is Biden), the particle after a common noun too', () => {
    const text = 'La décision de Biden intervient alors qu’il est en isolement. Biden a déclaré qu’il parlerait à la nation.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person');
    assert.ok(people.length > 0 && people.every((m) => m.text === 'Biden'), people.map((m) => m.text).join(', '));
    for (const m of people) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('ends a person’s name before the “of” that says what they are of, but not a title’s', () => {
    const text = '“We are ready,” said Zelensky of the Wagner mutiny on Sunday.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person').map((m) => m.text);
    assert.deepEqual(people, ['Zelensky']);
    const before = 'On Monday Prince Michael of Kent met Karl-Theodor zu Guttenberg in London.';
    const kept = recognize(before, paragraphs(before)).filter((m) => m.type === 'person').map((m) => m.text);
    assert.ok(kept.includes('Michael of Kent') && kept.includes('Karl-Theodor zu Guttenberg'), kept.join(', '));
    const title = 'On Monday the Archbishop of Canterbury met Prince Harry in London.';
    assert.ok(!recognize(title, paragraphs(title)).some((m) => m.text === 'Archbishop'), 'a title’s “of” stays in the name');
  });

  it('leaves out a preposition before a given name and a surname (“declaraciones de Luis Rubiales”)', () => {
    const text = 'Sigue la controversia por las declaraciones de Luis Rubiales en la asamblea.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person').map((m) => m.text);
    assert.deepEqual(people, ['Luis Rubiales']);
  });

  it('keeps the particles and joined particles of a name given whole', () => {
    const text = 'Ursula von der Leyen met F.W. de Klerk and Zine al-Abidine Ben Ali in Brussels on Monday.';
    const people = recognize(text, paragraphs(text)).filter((m) => m.type === 'person').map((m) => m.text);
    for (const name of ['Ursula von der Leyen', 'F.W. de Klerk', 'Zine al-Abidine Ben Ali']) assert.ok(people.includes(name), people.join(', '));
  });
});

describe('recognize: two names a page ran together in one word', () => {
  it('reads each name on its own where the article writes both apart elsewhere, the second as typed there', () => {
    const text = 'Pope Francis died on Monday. Donald Trump posted on Truth Social.\n\nTributes for Pope FrancisTrump shared a brief statement on Monday. Trump later spoke again.';
    const found = recognize(text, paragraphs(text));
    const glued = found.filter((m) => m.start >= text.indexOf('FrancisTrump') && m.end <= text.indexOf(' shared'));
    assert.deepEqual(glued.map((m) => `${m.text}/${m.type}`), ['Francis/person', 'Trump/person']);
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
  });

  it('leaves a word whole unless each half is a name elsewhere: a brand, a handle, a surname with a prefix', () => {
    const brand = 'Black Friday sales were strong and Rock music fans were happy.\n\nInvestors in BlackRock were told the fund would close, the company said on Friday.';
    assert.ok(names(brand).some((n) => n.startsWith('BlackRock/')), names(brand).join(', '));
    const handle = 'Joe Biden posted on X.\n\n“I am proud,” he wrote. — Joe Biden (@JoeBiden) July 21, 2024';
    assert.ok(!names(handle).some((n) => n === 'Joe/organization' || n === 'Joe/person' || n === 'Biden/person'), names(handle).join(', '));
    const prefix = 'Ian MacDonald spoke. Donald Trump spoke too. Mac users were angry.';
    assert.ok(names(prefix).includes('Ian MacDonald/person'), names(prefix).join(', '));
  });
});
