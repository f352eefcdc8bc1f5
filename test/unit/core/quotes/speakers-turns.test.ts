import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: the answer line of a transcript', () => {
  const cast = person('Ruth Okafor', 'Tom Reyes');

  it('is the person who answered before, past the question lines', () => {
    const text = '“We are not in a hurry,” Ruth Okafor said.\n\nQ: “Will rates fall again?”\n\nA: “Not at the next meeting.”\n\nQuestion from Tom Reyes: “And after that?”\n\nAnswer: “We will see.”';
    assert.deepEqual(names(text, cast), ['Ruth Okafor', null, 'Ruth Okafor', 'Tom Reyes', 'Ruth Okafor']);
  });

  it('is nobody when no one answered before, and a label must stand alone before the quote', () => {
    const first = 'Q: “Will rates fall again?”\n\nA: “Not at the next meeting.”';
    assert.deepEqual(names(first, cast), [null, null]);
    const prose = '“We are not in a hurry,” Ruth Okafor said.\n\nA spokesman for the bank: “Not at the next meeting.”';
    assert.notEqual(names(prose, cast)[1], 'Ruth Okafor');
  });
});
