import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: courtroom and statement conventions', () => {
  describe('a dotted abbreviation before the speaker', () => {
    it('reads a role led by a dotted place abbreviation as one phrase', () => {
      const text = '“You engaged in such conduct,” S.C. circuit court judge Clifton Newman said in sentencing him.';
      assert.deepEqual(names(text, person('Clifton Newman')), ['Clifton Newman']);
      assert.deepEqual(names('“We will appeal,” the N.Y. lawyer Jane Doe said.', person('Jane Doe')), ['Jane Doe']);
    });

    it('still ends a sentence at a dotted abbreviation that closes it', () => {
      const text = 'The family moved to the U.S.\n\n“It was hard,” Jane Doe said.';
      assert.deepEqual(names(text, person('Jane Doe')), ['Jane Doe']);
    });
  });
});
