import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: he or she after a sentence naming someone only in passing', () => {
  it('keeps the last speaker when the sentence between names a person only as an example in a list', () => {
    const text =
      'Rear Adm. John Mauger said parts of the submersible were found on the sea floor. The debris shows the five passengers died, including OceanGate CEO Stockton Rush.\n\n“The debris is consistent with the loss of the pressure chamber,” he said.';
    assert.deepEqual(names(text, person('John Mauger', 'Stockton Rush')), ['John Mauger']);
  });

  it('keeps the last speaker when the sentence between names a person only as an owner', () => {
    const text = 'Ms Jane Castor said the surge could reach 12 feet. Helene’s tidal surge was 6 feet.\n\n“And that was devastating,” she said.';
    assert.deepEqual(names(text, person('Jane Castor', 'Helene')), ['Jane Castor']);
  });

  it('still gives the pronoun the person named in passing when nobody spoke before', () => {
    const text = 'The storm flooded the coast. Helene’s tidal surge was 6 feet.\n\n“It was devastating,” she said.';
    assert.deepEqual(names(text, person('Helene')), ['Helene']);
  });

  it('gives the pronoun the agent of a passive, who the sentence is about', () => {
    const text =
      'Rear Adm. John Mauger said the search had ended. The investigation is led by Capt. Jason Neubauer, who shared his condolences.\n\n“My goal is to prevent a similar occurrence,” he said.';
    assert.deepEqual(names(text, person('John Mauger', 'Jason Neubauer')), ['Jason Neubauer']);
  });

  it('does not skip a speaker of the other gender back to one of the pronoun’s', () => {
    const text = 'Mr Tom Hale said the road was closed. The works were ordered by the council, including Ms Ann Lee.\n\n“We had no choice,” she said.';
    assert.deepEqual(names(text, person('Tom Hale', 'Ann Lee')), ['Ann Lee']);
  });
});
