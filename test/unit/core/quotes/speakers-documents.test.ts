import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../../src/core/types';
import { names } from './attribution';

describe('speaker attribution: the words of a statement, minutes or a ruling', () => {
  const orgs = (...ns: string[]): [string, EntityType][] => ns.map((n) => [n, 'organization']);

  it('gives them to the body named in the phrase', () => {
    assert.deepEqual(names('MPC minutes add: “Inflation has come down a long way.”', orgs('MPC')), ['MPC']);
    assert.deepEqual(names('“We regret the delay,” the Acme Corp statement said.', orgs('Acme Corp')), ['Acme Corp']);
  });

  it('reads an email as a document too, its words the sender’s', () => {
    const text = 'Acme Corp is notifying employees of plans to cut jobs.\n\n“We acknowledge this is an incredibly challenging experience,” the email said. “We are grateful for your contributions,” the email continued.';
    assert.deepEqual(names(text, orgs('Acme Corp')), ['Acme Corp', 'Acme Corp']);
    assert.deepEqual(names('“We acknowledge this,” the email said.', []), [null]);
  });

  it('gives them to the organisation named last before the sentence, in its paragraph or the one before', () => {
    const text = 'Acme Corp shares fell on Monday.\n\n“We regret the delay and are working with our customers,” the statement said.';
    assert.deepEqual(names(text, orgs('Acme Corp')), ['Acme Corp']);
    const ruling = 'The Supreme Court decided the case on Friday. The ruling said: “The statute does not reach this conduct.”';
    assert.deepEqual(names(ruling, orgs('Supreme Court')), ['Supreme Court']);
  });

  it('gives them to nobody when no organisation is named near, or only inside a quotation or a place', () => {
    assert.deepEqual(names('“We regret the delay,” the statement said.'), [null]);
    const far = 'Acme Corp shares fell on Monday.\n\nMarkets were calm.\n\nTraders waited.\n\n“We regret the delay,” the statement said.';
    assert.deepEqual(names(far, orgs('Acme Corp')), [null]);
    const quoted = 'Traders said “Acme Corp has lost its way.”\n\n“We regret the delay,” the statement said.';
    assert.equal(names(quoted, orgs('Acme Corp'))[1], null);
    const place: [string, EntityType][] = [['Paris', 'place']];
    assert.deepEqual(names('“We will act together,” the Paris communique said.', place), [null]);
  });
});
