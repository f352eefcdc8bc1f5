import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../../src/core/types';
import { names } from './attribution';

describe('speaker attribution: a person and where they work', () => {
  const cast: [string, EntityType][] = [
    ['John Mauger', 'person'], ['Jane Doe', 'person'], ['Coast Guard', 'organization'], ['U.S.', 'place'], ['Goldman Sachs', 'organization'],
  ];

  it('gives the words to the person before `of`, `at` or `from` a body, before or after the quote', () => {
    assert.deepEqual(names('Rear Admiral John Mauger of the U.S. Coast Guard said, “The debris field is consistent.”', cast), ['John Mauger']);
    assert.deepEqual(names('“Rates will fall,” Jane Doe at Goldman Sachs said.', cast), ['Jane Doe']);
    assert.deepEqual(names('“Rates will fall,” said Jane Doe from Goldman Sachs.', cast), ['Jane Doe']);
    assert.deepEqual(names('Jane Doe of Goldman Sachs said rates would “fall soon, and fast”.', cast), ['Jane Doe']);
  });

  it('still gives the words to the body when no person stands before it', () => {
    assert.deepEqual(names('“Rates will fall,” analysts at Goldman Sachs said.', cast), ['Goldman Sachs']);
    assert.deepEqual(names('The U.S. Coast Guard said, “The search is over.”', cast), ['Coast Guard']);
  });

  it('keeps a spokesman for a person as the spokesman, not the person', () => {
    const [who] = names('“No comment,” a spokesman for Jane Doe at Goldman Sachs said.', cast);
    assert.equal(who, 'a spokesman for Jane Doe at Goldman Sachs');
  });
});
