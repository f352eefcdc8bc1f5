import { strict as assert } from 'node:assert';
import { Corpus } from '../../../../src/core/corpus';
import { Commands } from '../../../../src/features/present/commandIds';
import {
  articlePath, correctionActions, entityArgument, folderWithCorrections, linkCandidates, quoteIdOf, selectedName, speakerChoices, withTypedSpeaker,
} from '../../../../src/features/present/corrections';

const A =
  'Talks in Geneva end without a deal\n\n“We will not give up on peace,” Antony Blinken said in Geneva on Friday.\n\n' +
  'Sergei Lavrov, the Russian foreign minister, said talks were “useful but hard.”\n';
const B = 'Blinken vows to keep talking\n\n“We will not give up on peace,” said Antony Blinken on Friday.\n';

describe('what the corrections offer', function () {
  this.timeout(30000);
  const corpus = new Corpus();
  before(() => {
    corpus.set('/w/a.txt', A);
    corpus.set('/w/b.txt', B);
  });

  it('offers a name’s corrections on the name, and a quote’s in the quote', () => {
    const onName = correctionActions(corpus, '/w/a.txt', A.indexOf('Lavrov') + 2, A.indexOf('Lavrov') + 2);
    assert.deepEqual(onName.map((a) => a.command), [Commands.notAnEntity, Commands.changeType, Commands.mergeEntities, Commands.splitFromEntity]);
    assert.equal(onName[0]!.title, 'Not an Entity (“Sergei Lavrov”)');
    const inQuote = correctionActions(corpus, '/w/a.txt', A.indexOf('give up'), A.indexOf('give up'));
    assert.deepEqual(inQuote.map((a) => a.command), [Commands.setSpeaker, Commands.notAQuote, Commands.unlinkQuotes, Commands.linkToQuote]);
    assert.deepEqual(inQuote[0]!.args, [corpus.quoteAt('/w/a.txt', A.indexOf('give up'))!.id]);
  });

  it('offers Mark as Entity for a selection that is not exactly a name', () => {
    const start = A.indexOf('foreign minister');
    const marked = correctionActions(corpus, '/w/a.txt', start, start + 'foreign minister'.length);
    assert.deepEqual(marked.map((a) => a.command), [Commands.markAsEntity]);
    assert.deepEqual(marked[0]!.args, [{ uri: '/w/a.txt', offset: start, end: start + 'foreign minister'.length }]);
    const name = corpus.mentionAt('/w/a.txt', A.indexOf('Lavrov'))!;
    assert.ok(!correctionActions(corpus, '/w/a.txt', name.start, name.end).some((a) => a.command === Commands.markAsEntity));
  });

  it('takes a selection’s name without the white space around it, on one line only', () => {
    const at = A.indexOf('Antony');
    assert.deepEqual(selectedName(A, at - 1, at + 'Antony Blinken'.length + 1), { start: at, end: at + 'Antony Blinken'.length });
    assert.equal(selectedName(A, at, at), undefined);
    assert.equal(selectedName(A, 0, A.indexOf('Antony')), undefined, 'across lines');
  });

  it('lists the article’s people first, nearest first, and offers a typed name not among them', () => {
    const quote = corpus.quoteAt('/w/a.txt', A.indexOf('give up'))!;
    const choices = speakerChoices(corpus, quote);
    assert.equal(choices[0]!.name, 'Antony Blinken');
    assert.equal(choices[0]!.description, 'in this article');
    assert.ok(!choices.some((c) => c.name === 'Geneva'), 'no places');
    assert.equal(withTypedSpeaker(choices, '  Maria Zakharova ')[0]!.name, 'Maria Zakharova');
    assert.equal(withTypedSpeaker(choices, 'antony blinken'), choices);
  });

  it('offers to link a quote only to quotes of its kind it is not linked to', () => {
    const quote = corpus.quoteAt('/w/a.txt', A.indexOf('give up'))!;
    const candidates = linkCandidates(corpus, quote);
    assert.ok(!candidates.some((q) => q.id === quote.id || corpus.linkedIds(quote.id).includes(q.id)));
    assert.ok(candidates.every((q) => q.kind === quote.kind));
  });

  it('reads the arguments of cards, views and menus', () => {
    assert.equal(quoteIdOf('x-q1'), 'x-q1');
    assert.equal(quoteIdOf({ kind: 'version', quote: { id: 'x-q2' } }), 'x-q2');
    assert.equal(quoteIdOf({ kind: 'cluster', cluster: { representative: { id: 'x-q3' } } }), 'x-q3');
    assert.equal(quoteIdOf({ kind: 'other' }), undefined);
    assert.equal(entityArgument({ summary: { entity: { id: 'e1' } } }), 'e1');
    assert.equal(entityArgument('e2'), 'e2');
    assert.equal(articlePath('/w', '/w/news/a.txt'), 'news/a.txt');
    assert.equal(articlePath('/w/', '/w/a.txt'), 'a.txt');
    assert.equal(articlePath('/w', '/wx/a.txt'), undefined);
  });

  it('undoes in the active folder when it has corrections, else in the first that has', () => {
    const counts = new Map([['one', 0], ['two', 2], ['three', 1]]);
    assert.equal(folderWithCorrections('three', counts), 'three');
    assert.equal(folderWithCorrections('one', counts), 'two');
    assert.equal(folderWithCorrections(undefined, new Map([['one', 0]])), undefined);
  });
});
