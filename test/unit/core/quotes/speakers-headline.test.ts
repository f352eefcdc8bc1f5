import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: a headline quote with no name beside it', () => {
  const body = '\n\nErik ten Hag spoke after the final. “We won,” Erik ten Hag said. “We deserved it,” Erik ten Hag said. “Well done,” Pep Guardiola said.';

  it('gives it to the speaker the article quotes most', () => {
    assert.deepEqual(names('‘If they don’t want me, I’ll win somewhere else’' + body, person('Erik ten Hag', 'Pep Guardiola'))[0], 'Erik ten Hag');
  });

  it('gives it to that speaker when the headline names them among others', () => {
    assert.deepEqual(names('‘You don’t have the cards’: Ten Hag, Guardiola clash' + body, person('Erik ten Hag', 'Pep Guardiola', 'Ten Hag', 'Guardiola'))[0], 'Erik ten Hag');
  });

  it('leaves it alone when the headline names only someone else', () => {
    assert.deepEqual(names('‘A disgrace’ for Guardiola' + body, person('Erik ten Hag', 'Pep Guardiola', 'Guardiola'))[0], null);
  });

  it('leaves it alone when no speaker leads the others', () => {
    const even = '\n\n“We won,” Erik ten Hag said. “Well done,” Pep Guardiola said.';
    assert.deepEqual(names('‘A final to remember’' + even, person('Erik ten Hag', 'Pep Guardiola'))[0], null);
  });

  it('does not reach below the first line', () => {
    const text = 'Final report\n\n“A final to remember.”' + body;
    assert.deepEqual(names(text, person('Erik ten Hag', 'Pep Guardiola'))[0], null);
  });
});
