import { strict as assert } from 'node:assert';
import type { FolderKind } from '../../../../src/core/folder-kind';
import { decideScope } from '../../../../src/features/present/scope';

const articles: FolderKind = { kind: 'articles', reason: 'nothing in it looks like code' };
const code: FolderKind = { kind: 'code', reason: 'it has package.json' };

describe('whether Crosswire works in a workspace', () => {
  it('works unasked in a folder of articles', () => {
    assert.deepEqual({ ...decideScope('auto', undefined, articles), why: '' }, { enabled: true, ask: false, why: '' });
  });

  it('stays off in a code repository and asks once, saying why', () => {
    const d = decideScope('auto', undefined, code);
    assert.equal(d.enabled, false);
    assert.equal(d.ask, true);
    assert.match(d.why, /code repository \(it has package\.json\)/);
  });

  it('follows the answer given for the workspace over what the folder looks like, and asks no more', () => {
    assert.deepEqual([decideScope('auto', 'on', code).enabled, decideScope('auto', 'on', code).ask], [true, false]);
    assert.deepEqual([decideScope('auto', 'off', articles).enabled, decideScope('auto', 'off', articles).ask], [false, false]);
  });

  it('follows the setting when it is on or off, over the answer and the folder', () => {
    assert.equal(decideScope('on', 'off', code).enabled, true);
    assert.equal(decideScope('off', 'on', articles).enabled, false);
    assert.equal(decideScope('off', undefined, code).ask, false);
  });
});
