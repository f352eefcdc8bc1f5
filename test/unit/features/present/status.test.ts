import { strict as assert } from 'node:assert';
import { statusView, type StatusInput } from '../../../../src/features/present/statusModel';

const idle = { running: false, phase: 'idle', done: 5, total: 5 } as const;
const base: StatusInput = { enabled: true, index: idle, articles: 5, highlights: 'shown', skipped: 0, shortened: 0 };

describe('Crosswire’s status item', () => {
  it('says how many articles are indexed, and opens the views on a click', () => {
    const view = statusView(base);
    assert.equal(view.text, '$(quote) Crosswire: 5 articles');
    assert.equal(view.action, 'showViews');
    assert.deepEqual(view.tooltip, ['5 articles indexed.', 'Click to show the Entities and Quotes views.']);
  });

  it('shows indexing in the views’ own words, and opens the log', () => {
    const view = statusView({ ...base, articles: 2, index: { running: true, phase: 'quotes', done: 2, total: 12 } });
    assert.equal(view.text, '$(sync~spin) Crosswire: Finding quotes… 2 of 12');
    assert.equal(view.action, 'showLog');
    assert.match(view.tooltip[0]!, /2 articles indexed/);
  });

  it('says the highlights are off, where, and shows them again on a click', () => {
    const here = statusView({ ...base, highlights: 'hiddenHere' });
    assert.equal(here.text, '$(eye-closed) Highlights off');
    assert.equal(here.action, 'showHighlights');
    assert.match(here.tooltip[0]!, /hidden in this workspace/);
    assert.match(statusView({ ...base, highlights: 'offInSettings' }).tooltip[0]!, /crosswire\.highlight\.enabled/);
  });

  it('warns of files left out, and opens the log that says why', () => {
    const view = statusView({ ...base, skipped: 2, shortened: 1 });
    assert.equal(view.text, '$(warning) Crosswire: 2 files skipped, 1 file analysed in part');
    assert.equal(view.action, 'showLog');
    assert.equal(view.warning, true);
    assert.equal(statusView(base).warning, false);
  });

  it('says Crosswire is off here, and why, before anything else, and enables it on a click', () => {
    const view = statusView({ ...base, enabled: false, offReason: 'this looks like a code repository (a package.json)', highlights: 'hiddenHere', skipped: 3 });
    assert.equal(view.text, '$(circle-slash) Crosswire off');
    assert.equal(view.action, 'enable');
    assert.equal(view.tooltip[0], 'Crosswire is off in this workspace: this looks like a code repository (a package.json).');
  });

  it('puts indexing before the highlights: what is under way first', () => {
    assert.match(statusView({ ...base, highlights: 'hiddenHere', index: { running: true, phase: 'entities', done: 1, total: 5 } }).text, /Recognising entities… 1 of 5/);
  });
});
