import { strict as assert } from 'node:assert';
import { warmUpQuotePass } from '../../../src/core/warm-up';

describe('warming up the quick pass', () => {
  it('links the two versions of its sample quote', () => {
    assert.equal(warmUpQuotePass(), true);
  });
});
