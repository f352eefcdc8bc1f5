import { strict as assert } from 'node:assert';
import { names, person } from './attribution';

describe('speaker attribution: remarks listed under a heading that names the speaker', () => {
  const cast = person('RUTH OKAFOR', 'Ruth Okafor', 'Tom Reyes');

  it('gives each bare quotation under the heading, past topic lines and short leads, to the person it names', () => {
    const text = [
      'Here is what the bank’s officials said at the press conference:',
      'RUTH OKAFOR, GOVERNOR',
      'On inflation:',
      '"Prices are rising more slowly."',
      '"We will not cut too quickly."',
      'On the outlook:',
      'Asked whether rates would fall again: "Yes, in time."',
    ].join('\n\n');
    assert.deepEqual(names(text, cast), ['RUTH OKAFOR', 'RUTH OKAFOR', 'RUTH OKAFOR']);
  });

  it('takes bulleted quotations under a line naming the speaker with a colon', () => {
    const text = 'Ruth Okafor:\n\n• “Prices are rising more slowly.”\n\n• “We will not cut too quickly.”';
    assert.deepEqual(names(text, cast), ['Ruth Okafor', 'Ruth Okafor']);
  });

  it('does not reach over a paragraph of prose, a sentence or a line naming two people', () => {
    const prose = 'RUTH OKAFOR, GOVERNOR\n\nThe bank cut rates on Thursday after a close vote, and markets rose.\n\n“Prices are rising more slowly.”';
    assert.deepEqual(names(prose, cast), [null]);
    const sentence = 'Tom Reyes spoke first.\n\n“Prices are rising more slowly.”';
    assert.notEqual(names(sentence, cast)[0], 'Tom Reyes');
    const two = 'Ruth Okafor and Tom Reyes\n\n“Prices are rising more slowly.”';
    assert.deepEqual(names(two, cast), [null]);
  });

  it('leaves a quotation that is not a bare item of the list to its own attribution', () => {
    const text = 'RUTH OKAFOR, GOVERNOR\n\n“Prices are rising more slowly,” Tom Reyes said.\n\nThe bank had raised rates “again and again” before.';
    assert.deepEqual(names(text, cast), ['Tom Reyes', null]);
  });
});

describe('speaker attribution: a factbox’s labels in capitals before its quotes', () => {
  it('gives each quote to the name heading the label before it, in the paragraph or at the end of the one before', () => {
    const inline = 'Following are some reactions: S. OKAFOR, SPACE AGENCY CHAIRMAN (SA) "We are on the moon." TOM REYES, PRIME MINISTER, RIVERLAND "This is a victory."';
    assert.deepEqual(names(inline, []), ['S. Okafor', 'Tom Reyes']);
    const glued = 'Following are some reactions: RUTH OKAFOR, SPACE AGENCY CHAIRMAN\n\n"We are on the moon." TOM REYES, PRIME MINISTER\n\n"This is a victory."';
    assert.deepEqual(names(glued, []), ['Ruth Okafor', 'Tom Reyes']);
  });

  it('takes no dateline, and no heading on a line of its own, for a label', () => {
    assert.deepEqual(names('NEW YORK (AP) — “Enough is enough.” That was all.', []), [null]);
    assert.deepEqual(names('HONG KONG “We will not give up.” The crowd cheered.', [['HONG KONG', 'place']]), [null]);
    assert.deepEqual(names('The talks ended.\n\nKREMLIN RESPONDS\n\n“There will be no ceasefire.” The statement was short.', []), [null]);
  });

  it('takes no heading in capitals, page furniture or a single word for a name', () => {
    const text = 'The minister spoke.\n\nKEY QUOTES\n\n"We will act now."\n\nWHAT THEY SAID\n\n"We will win."\n\nBREAKING NEWS: "We are here." REUTERS "It is over."';
    assert.deepEqual(names(text, []), [null, null, null, null]);
  });
});
