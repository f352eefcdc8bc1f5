import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: remarks listed under a heading that names nobody', () => {
  const cast = person('Ruth Okafor', 'Tom Reyes');

  it('gives the list to the one person the paragraph above the heading names', () => {
    const text = ['Governor Ruth Okafor is explaining the decision at the press conference.', 'Key quotes', '"Prices are rising more slowly."', '- "We will not cut too quickly."'].join('\n\n');
    assert.deepEqual(names(text, cast), ['Ruth Okafor', 'Ruth Okafor']);
    const colon = ['Ruth Okafor answered questions after the decision.', 'Highlights from the press conference:', '"Prices are rising more slowly."'].join('\n\n');
    assert.deepEqual(names(colon, cast), ['Ruth Okafor']);
  });

  it('leaves the list alone when the paragraph above names two people', () => {
    const text = ['Ruth Okafor and Tom Reyes spoke after the decision.', 'Key quotes', '"Prices are rising more slowly."'].join('\n\n');
    assert.deepEqual(names(text, cast), [null]);
  });

  it('leaves the list alone under a heading that is a sentence or says nothing of remarks', () => {
    const sentence = ['Ruth Okafor spoke after the decision.', 'Here are the key quotes.', '"Prices are rising more slowly."'].join('\n\n');
    assert.deepEqual(names(sentence, cast), [null]);
    const topic = ['Ruth Okafor spoke after the decision.', 'Inflation outlook', '"Prices are rising more slowly."'].join('\n\n');
    assert.deepEqual(names(topic, cast), [null]);
  });
});
