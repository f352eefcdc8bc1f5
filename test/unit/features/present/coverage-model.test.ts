import { strict as assert } from 'node:assert';
import { Corpus } from '../../../../src/core/corpus';
import { coverage } from '../../../../src/core/coverage';
import { coverageViewModel, MAX_COVERAGE_COLUMNS, MAX_COVERAGE_ROWS } from '../../../../src/features/present/coverageModel';

function article(outlet: string, body: string): string {
  return `${outlet} headline\n\nLISBON (${outlet}) – ${body}`;
}

describe('the Coverage view model', () => {
  it('gives each statement a cell per article, the quote to open and, for a version not in full, its words', () => {
    const c = new Corpus();
    c.set('a.txt', article('Harbour Wire', '“The dam will hold through the spring floods and the town will be safe,” Mayor Ana Lopes said.'));
    c.set('b.txt', article('Coastal Post', '“The dam will hold through the spring floods,” Ana Lopes said.'));
    c.set('c.txt', article('Valley Times', 'The council met on Tuesday.'));
    const m = coverageViewModel(coverage(c));
    assert.deepEqual(m.columns.map((col) => col.name).sort(), ['Coastal Post', 'Harbour Wire', 'Valley Times']);
    assert.equal(m.rows.length, 1);
    const cell = (name: string) => m.rows[0].cells[m.columns.findIndex((col) => col.name === name)];
    const [post, wire, times] = [cell('Coastal Post'), cell('Harbour Wire'), cell('Valley Times')];
    assert.equal(post.state, 'cut');
    assert.equal(post.text, 'The dam will hold through the spring floods');
    assert.equal(wire.state, 'full');
    assert.equal(wire.text, null);
    assert.ok(wire.quoteId && c.quote(wire.quoteId));
    assert.deepEqual([times.state, times.quoteId], ['absent', null]);
  });

  it('caps what it draws for a very large folder, keeping the most widely carried statements and the articles carrying them', () => {
    const c = new Corpus();
    const n = MAX_COVERAGE_COLUMNS + 20;
    // A statement of its own for each article, in made-up words no other article's statement shares.
    const letters = 'bcdfghjklmnprstvz';
    const word = (i: number, k: number): string => [i % 17, Math.floor(i / 17), k, (i + k) % 17].map((x) => letters[x % 17] + 'aeiou'[(x + k) % 5]).join('');
    const own = (i: number): string => Array.from({ length: 8 }, (_, k) => word(i, k)).join(' ');
    for (let i = 0; i < n; i++) {
      // Article 0 carries the common statement with every tenth article; each has one of its own too.
      const shared = i % 10 === 0 ? '“The harbour walls will be rebuilt before the winter storms arrive,” Ana Lopes said. ' : '';
      c.set(`a${String(i).padStart(3, '0')}.txt`, article(`Outlet ${i}`, `${shared}“${own(i)} ${i},” Rui Costa said.`));
    }
    const m = coverageViewModel(coverage(c));
    assert.equal(m.totalColumns, n);
    assert.ok(m.columns.length <= MAX_COVERAGE_COLUMNS);
    assert.ok(m.rows.length <= MAX_COVERAGE_ROWS);
    assert.equal(m.rows[0].carriedBy, Math.ceil(n / 10));
    assert.equal(m.rows[0].cells.filter((cell) => cell.quoteId).length, m.rows[0].carriedBy, 'every article carrying the top statement is shown');
  });
});
