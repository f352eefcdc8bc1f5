import assert from 'node:assert/strict';
import { compareQuotes } from '../../../../src/core/matching';
import { nearFragment } from '../../../../src/core/matching/near-fragment';
import { prepare, Vocabulary } from '../../../../src/core/matching/prepared';

const LONG = 'The council has approved this year’s flood budget, and the town will rebuild the harbour walls before the winter storms come';
const relation = (short: string, long = LONG): string | undefined => compareQuotes(short, long)?.relation;
const near = (short: string, long = LONG): boolean => {
  const vocab = new Vocabulary();
  return nearFragment(prepare(short, 'statement', vocab), prepare(long, 'statement', vocab), vocab);
};

describe('a cut of the same words but for one word', () => {
  it('takes a determiner said otherwise or left out as the same words', () => {
    assert.equal(relation('will rebuild these harbour walls before the winter storms'), 'variant');
    assert.equal(relation('rebuild the harbour walls before winter storms come'), 'variant');
  });

  it('takes a word of the longer quote left out inside the words as a cut', () => {
    assert.equal(relation('has approved this year’s budget'), 'variant');
  });

  it('takes a word in another inflection as the same word', () => {
    assert.equal(relation('the town will rebuild the harbour wall'), 'variant');
  });

  it('takes a modal verb in its other tense, as reported speech gives it, as the same word', () => {
    assert.equal(relation('the town would rebuild the harbour walls'), 'variant');
    assert.ok(near('it might not have been the harbour walls', 'and it may not have been the harbour walls at all'));
    // Another modal says something else: a duty is not a possibility.
    assert.ok(!near('the town must rebuild the harbour walls'));
    assert.ok(!near('the town can rebuild the harbour walls'));
  });

  it('does not take a denial, another number or another content word for a rewording', () => {
    assert.equal(relation('the town will never rebuild the harbour walls'), undefined);
    assert.equal(relation('The council has not approved this year’s flood budget'), undefined);
    assert.equal(relation('the town will repaint the harbour walls'), undefined);
    // Only a determiner may be said otherwise: other function words carry the statement.
    assert.ok(near('rebuild these harbour walls before the winter storms'));
    assert.ok(!near('rebuild the harbour walls after the winter storms'));
    assert.ok(!near('rebuild two harbour walls before the winter storms', 'rebuild three harbour walls before the winter storms come'));
  });

  it('needs a few words with content words of their own', () => {
    assert.ok(!near('rebuild the walls', 'rebuild all the walls'));
    assert.ok(!near('and the town shall', LONG));
  });
});
