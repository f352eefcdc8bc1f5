import { strict as assert } from 'node:assert';
import { warmUpEntityPass, warmUpQuotePass } from '../../../src/core/warm-up';

describe('warming up the quick pass', () => {
  it('links the two versions of its sample quote', () => {
    assert.equal(warmUpQuotePass(), true);
  });
});

describe('warming up the entity pass', () => {
  it('joins the surname of its sample to the full name', () => {
    assert.equal(warmUpEntityPass(), true);
  });
});
