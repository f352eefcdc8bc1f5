import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../../src/core/corpus';
import { alterations, cellAt, changes, coverage, coverageCsv, coverageOf, MAX_CSV_COLUMNS, coverageText, flags, stateOf, comparableWords, type QuoteFlag } from '../../../src/core/coverage';
import { wordDiff } from '../../../src/core/matching/diff';

/** An article from an outlet: its headline, a dateline naming the outlet, then its paragraphs. */
function article(outlet: string, ...paragraphs: string[]): string {
  return [`${outlet} headline`, ...paragraphs.map((p, i) => (i === 0 ? `LISBON (${outlet}) – ${p}` : p))].join('\n\n');
}

function corpusOf(docs: Record<string, string>): Corpus {
  const c = new Corpus();
  for (const [uri, text] of Object.entries(docs)) c.set(uri, text);
  return c;
}

const FULL = 'The dam will hold through the spring floods and the town will be safe';

describe('coverage: statements and who carried them', () => {
  const c = corpusOf({
    'a.txt': article('Harbour Wire', `“${FULL},” Mayor Ana Lopes said on Monday.`, '“We have spent nine million euros on the walls,” Lopes added.'),
    'b.txt': article('Coastal Post', '“The dam will hold through the spring floods,” Mayor Ana Lopes told reporters.'),
    'c.txt': article('River News', '“The dam is going to hold through the spring floods and the town is going to be safe,” Mayor Ana Lopes said.'),
    'd.txt': article('Valley Times', 'The town council met on Tuesday to discuss the budget.'),
  });
  const cov = coverage(c);

  it('makes one row of the versions of one statement, with a cell per article: in full, cut down, reworded, not carried', () => {
    assert.equal(cov.articles.length, 4);
    const row = cov.rows[0];
    assert.equal(row.carriedBy, 3, 'the dam statement is carried by three articles');
    assert.equal(row.text, FULL, 'the fullest version leads the row');
    const byOutlet = new Map(cov.articles.map((d, i) => [d.source, cellAt(row, i)]));
    assert.equal(byOutlet.get('Harbour Wire')?.state, 'full');
    assert.equal(byOutlet.get('Coastal Post')?.state, 'cut');
    assert.equal(byOutlet.get('River News')?.state, 'reworded');
    assert.equal(byOutlet.get('Valley Times')?.state, 'absent');
    assert.equal(byOutlet.get('Valley Times')?.quote, null);
    assert.match(byOutlet.get('Coastal Post')?.speaker ?? '', /Lopes/);
  });

  it('lists a statement that one article alone carries after the widely carried ones', () => {
    assert.equal(cov.rows.length, 2);
    assert.equal(cov.rows[1].carriedBy, 1);
    assert.match(cov.rows[1].text, /nine million euros/);
  });

  it('tells cut from reworded by the words alone, whatever the punctuation and case', () => {
    const full = comparableWords('“The dam will hold,” she said, “through the floods.”');
    assert.equal(stateOf(comparableWords('the DAM will hold'), full), 'cut');
    assert.equal(stateOf(comparableWords('The dam will hold, she said, through the floods'), full), 'full');
    assert.equal(stateOf(comparableWords('The dam holds'), full), 'reworded');
    // A part of the words, but not a contiguous one, is not a cut.
    assert.equal(stateOf(comparableWords('The dam through the floods'), full), 'reworded');
  });

  it('prints the table as text and as CSV, one column per article, a formula-like cell made harmless', () => {
    const text = coverageText(cov, flags(c, cov));
    assert.match(text, /2 statements in 4 articles/);
    assert.match(text, /carried by 3 of 4/);
    assert.match(text, /cut down, said by .*Lopes/);
    const csv = coverageCsv(cov).trim().split('\r\n');
    assert.equal(csv.length, 3);
    assert.match(csv[0], /^statement,carried by,/);
    assert.equal(csv[0].split(',').length, 2 + 4);
    const risky = corpusOf({ 'x.txt': article('=HYPERLINK', '“=1+1 is what we said about the count,” Ana Lopes said.') });
    const riskyCsv = coverageCsv(coverage(risky));
    assert.ok(!/(^|,)=/m.test(riskyCsv), riskyCsv);
    assert.match(riskyCsv, /'=1\+1/);
  });
});

function flagsOf(c: Corpus, kind: QuoteFlag['kind']): QuoteFlag[] {
  return flags(c).filter((f) => f.kind === kind);
}

describe('coverage: flags', () => {
  it('flags a statement attributed to different people in different articles, at each version', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', `“${FULL},” Mayor Ana Lopes said on Monday.`),
      'b.txt': article('Coastal Post', `“${FULL},” Governor Rui Costa said on Monday.`),
    });
    const found = flagsOf(c, 'attribution');
    assert.equal(found.length, 2);
    assert.match(found.find((f) => f.quote.uri === 'a.txt')!.message, /Attributed to Ana Lopes here, to Rui Costa in Coastal Post/);
    assert.equal(found.find((f) => f.quote.uri === 'b.txt')!.others[0].uri, 'a.txt');
  });

  it('does not flag a cut version, a surname for the full name, or a speaker described rather than named', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', `“${FULL},” Mayor Ana Lopes said on Monday.`),
      'b.txt': article('Coastal Post', 'Ana Lopes spoke on Monday.', '“The dam will hold through the spring floods,” Lopes said.'),
      'c.txt': article('River News', `“${FULL},” the mayor said.`),
    });
    assert.deepEqual(flagsOf(c, 'attribution'), []);
    assert.deepEqual(flagsOf(c, 'altered'), []);
  });

  it('flags a statement given to a person in one article and to a role not theirs in another', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', `“${FULL},” Interior Minister Ana Lopes said on Monday.`),
      'b.txt': article('Coastal Post', `“${FULL},” a ministry spokesperson said on Monday.`),
    });
    const found = flagsOf(c, 'attribution');
    assert.equal(found.length, 2, found.map((f) => f.message).join('; '));
    assert.match(found.find((f) => f.quote.uri === 'a.txt')!.message, /Attributed to Ana Lopes here, to a ministry spokesperson in Coastal Post/);
    assert.match(found.find((f) => f.quote.uri === 'b.txt')!.message, /Attributed to a ministry spokesperson here, to Ana Lopes in Harbour Wire/);
  });

  it('does not flag a role the person holds, a past office, a head of any body, or a person no article gives a title', () => {
    const titled = corpusOf({
      'a.txt': article('Harbour Wire', `“${FULL},” Interior Minister Ana Lopes said on Monday.`),
      'b.txt': article('Coastal Post', `“${FULL},” the interior minister said on Monday.`),
      'c.txt': article('River News', `“${FULL},” the former mayor said on Monday.`),
      'd.txt': article('Valley Times', `“${FULL},” the ministry's chief said on Monday.`),
    });
    assert.deepEqual(flagsOf(titled, 'attribution').map((f) => f.message), []);
    const untitled = corpusOf({
      'a.txt': article('Harbour Wire', `“${FULL},” Ana Lopes said on Monday.`),
      'b.txt': article('Coastal Post', `“${FULL},” a ministry spokesperson said on Monday.`),
    });
    assert.deepEqual(flagsOf(untitled, 'attribution').map((f) => f.message), []);
  });

  it('flags a changed number and modal, saying what each version has, at both versions', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', '“We will spend nine million euros on the walls of the old harbour this year,” Ana Lopes said.'),
      'b.txt': article('Coastal Post', '“We would spend ninety million euros on the walls of the old harbour this year,” Ana Lopes said.'),
    });
    const found = flagsOf(c, 'altered');
    assert.equal(found.length, 2);
    const a = found.find((f) => f.quote.uri === 'a.txt')!;
    assert.match(a.message, /^Changes a number and a modal verb: ‘.*’ here, ‘.*’ in Coastal Post$/);
    assert.match(a.message, /nine/);
    assert.equal(a.others[0].uri, 'b.txt');
  });

  it('tells a negation put in or left out from the words around it', () => {
    const diff = wordDiff('We will spend nine million euros on the walls', 'We will not spend nine million euros on the walls');
    assert.deepEqual(alterations(diff).map((a) => [a.kind, a.change.here, a.change.there]), [['negation', '', 'not']]);
    const modalOnly = wordDiff('The dam will hold through the floods', 'The dam is going to hold through the floods');
    assert.deepEqual(alterations(modalOnly), [], 'a modal put in other words is not a change of modal');
  });

  it('flags "the largest" against "a leading", but not other words for the same thing', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', '“China is the largest supplier of machine tools and microelectronics to the defence industry,” Ana Lopes said.'),
      'b.txt': article('Coastal Post', '“China is a leading supplier of machine tools and microelectronics to the defence industry,” Ana Lopes said.'),
    });
    assert.match(flagsOf(c, 'altered')[0]?.message ?? '', /a degree: ‘the largest’ here, ‘a leading’ in Coastal Post/);
    const d = corpusOf({
      'a.txt': article('Harbour Wire', '“Russia would struggle to sustain its assault on Ukraine without the support of China,” Ana Lopes said.'),
      'b.txt': article('Coastal Post', '“It would be difficult for Russia to continue its offensive in Ukraine without the support of China,” Ana Lopes said.'),
    });
    assert.deepEqual(flagsOf(d, 'altered').map((f) => f.message), [], 'a re-translation is not an alteration');
  });

  it('does not take a cut for a change, even when the part cut holds a number or a negation', () => {
    const diff = wordDiff('We will not spend nine million euros on the walls', 'spend nine million euros on the walls');
    assert.deepEqual(alterations(diff), []);
    assert.deepEqual(changes(diff), []);
    const swapped = wordDiff('We will spend nine million euros', 'We will spend ten million euros');
    assert.deepEqual(alterations(swapped).map((a) => a.kind), ['number']);
  });

  it('marks a statement no other article carries as single-source', () => {
    const c = corpusOf({
      'a.txt': article('Harbour Wire', '“We have spent nine million euros on the walls of the harbour,” Ana Lopes said.'),
      'b.txt': article('Coastal Post', '“The council will meet again next week to vote on the budget,” Rui Costa said.'),
    });
    const single = flagsOf(c, 'single-source');
    assert.equal(single.length, 2);
    assert.equal(single[0].message, 'No matching quote found in the other articles');
  });
});

describe('coverage of the sample articles', () => {
  const SEEDS = join(__dirname, '../../../seeds');
  const c = new Corpus();
  for (const f of readdirSync(SEEDS).sort()) c.set(`seeds/${f}`, readFileSync(join(SEEDS, f), 'utf8'));
  const cov = coverage(c);

  it('puts every top-level statement in exactly one row, and every linked pair of statements in the same row', () => {
    const rowOf = new Map<string, number>();
    cov.rows.forEach((r, i) => r.quotes.forEach((q) => {
      assert.equal(rowOf.has(q.id), false, `${q.id} in two rows`);
      rowOf.set(q.id, i);
    }));
    const statements = c.documents().flatMap((d) => d.quotes.filter((q) => q.kind === 'statement' && q.depth === 0));
    assert.equal(rowOf.size, statements.length);
    for (const q of statements) for (const other of c.linkedIds(q.id)) if (rowOf.has(other)) assert.equal(rowOf.get(other), rowOf.get(q.id));
  });

  it('gives an article the same rows and flags from its own statements as the whole table does', () => {
    const all = flags(c, cov);
    for (const d of c.documents()) {
      const own = coverageOf(c, d.uri);
      const ownRows = own.rows.map((r) => r.id).sort();
      const expected = cov.rows.filter((r) => r.quotes.some((q) => q.uri === d.uri)).map((r) => r.id).sort();
      assert.deepEqual(ownRows, expected, d.uri);
      const key = (f: QuoteFlag): string => `${f.kind} ${f.quote.id} ${f.message}`;
      assert.deepEqual(flags(c, own).filter((f) => f.quote.uri === d.uri).map(key).sort(), all.filter((f) => f.quote.uri === d.uri).map(key).sort());
    }
  });

  it('builds only the rows asked for, the same as the first rows of the whole table', () => {
    const top = coverage(c, 3);
    assert.equal(top.rows.length, 3);
    assert.equal(top.totalRows, cov.totalRows);
    assert.equal(cov.rows.length, cov.totalRows);
    assert.deepEqual(top.rows.map((r) => [r.id, r.carriedBy, r.carried.map((x) => x.state)]), cov.rows.slice(0, 3).map((r) => [r.id, r.carriedBy, r.carried.map((x) => x.state)]));
  });

  it('flags "the largest supplier" against "a leading supplier" of machine tools', () => {
    assert.ok(flags(c, cov).some((f) => f.kind === 'altered' && /the largest/.test(f.message) && /a leading/.test(f.message)));
  });
});

describe('coverage of a large folder', function () {
  this.timeout(120000);
  it('keeps rows sparse and writes one CSV line per version beyond the column limit', () => {
    const c = new Corpus();
    const letters = 'bcdfghjklmnprstvz';
    const word = (i: number, k: number): string => [i % 17, Math.floor(i / 17) % 17, Math.floor(i / 289), k].map((x) => letters[x % 17] + 'aeiou'[(x + k) % 5]).join('');
    const n = MAX_CSV_COLUMNS + 1;
    for (let i = 0; i < n; i++) {
      const shared = i < 3 ? '“The harbour walls will be rebuilt before the winter storms arrive,” Ana Lopes said. ' : '';
      c.set(`a${i}.txt`, article(`Outlet ${i}`, `${shared}“${Array.from({ length: 8 }, (_, k) => word(i, k)).join(' ')},” Rui Costa said.`));
    }
    const cov = coverage(c);
    assert.equal(cov.rows[0].carriedBy, 3);
    assert.equal(cov.rows[0].carried.length, 3, 'only the articles that carry it');
    assert.ok(cov.rows.every((r) => r.carried.length === r.carriedBy));
    const csv = coverageCsv(cov).trimEnd().split('\r\n');
    assert.equal(csv[0], 'statement,carried by,article,path,version,speaker,words');
    assert.equal(csv.length - 1, cov.rows.reduce((k, r) => k + r.carriedBy, 0), 'one line per version');
    assert.match(coverageText(cov), /not in the \d+ other articles/);
  });
});
