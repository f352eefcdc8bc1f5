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

describe('speaker attribution: a reply owned by its speaker', () => {
  it('is the person “his” or “her” stands for, or the one named with ’s, and the next bare paragraph goes on with them', () => {
    const text = 'Pep Guardiola was interviewed by BBC Sport.\n\nHe was asked if United had been the better team.\n\n“No,” was his response.\n\n“The second half we were there all the game.”';
    assert.deepEqual(names(text, person('Pep Guardiola')), ['Pep Guardiola', 'Pep Guardiola']);
    const named = 'Pep Guardiola and Erik ten Hag met.\n\n“Not today,” was Guardiola’s curt reply.';
    assert.deepEqual(names(named, person('Pep Guardiola', 'Erik ten Hag', 'Guardiola')), ['Pep Guardiola']);
  });

  it('is nobody when the words are no one’s reply (a headline), and a scare quote in a narrative paragraph carries nobody on', () => {
    const text = 'Pep Guardiola left Wembley.\n\n“No surrender” was the headline, and “no excuses” was his own verdict.';
    assert.deepEqual(names(text, person('Pep Guardiola')), [null, 'Pep Guardiola']);
    const scare = 'Pep Guardiola called it “fine” after the game.\n\n“The second half we were there all the game.”';
    assert.deepEqual(names(scare, person('Pep Guardiola')), ['Pep Guardiola', null]);
  });
});
