import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../../src/features/present/commandIds';

const ROOT = join(__dirname, '../../..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: Record<'dark' | 'light' | 'hc' | 'hcLight', string>; altText: string };
  completionEvents: string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[]; views: Record<string, { id: string }[]> };
};

/** Commands of VS Code itself that a step may complete on or offer as a button. */
const WORKBENCH_COMMANDS = new Set([
  'workbench.action.files.openFolder',
  'workbench.action.showCommands',
]);

describe('the walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  const steps = walkthrough?.steps ?? [];
  const ours = new Set<string>(Object.values(COMMANDS).map((c) => c.id));
  const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));

  it('teaches, in order: opening articles, a quote’s card, the Entities view, comparing versions, the palette, the coverage and exports', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['crosswire.open', 'crosswire.card', 'crosswire.entities', 'crosswire.compare', 'crosswire.palette', 'crosswire.export'],
    );
  });

  it('teaches only what the installed extension offers: no command line, which the package does not ship', () => {
    for (const step of steps) {
      assert.doesNotMatch(`${step.title} ${step.description}`, /\bnpx\b|crosswire (analyze|import|coverage|export)\b|terminal/i, step.id);
    }
  });

  it('checks each step off on the action it teaches, with events that name real commands, views and context keys', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id} never completes`);
      for (const event of step.completionEvents) {
        const [kind, what] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(ours.has(what) || WORKBENCH_COMMANDS.has(what), `${step.id}: no command ${what}`);
        else if (kind === 'onView') assert.ok(views.has(what), `${step.id}: no view ${what}`);
        else if (kind === 'onContext') assert.match(what, /^crosswire\.\w+$/, `${step.id}: ${what}`);
        else assert.fail(`${step.id}: unexpected event ${event}`);
      }
    }
  });

  it('offers buttons only for commands that exist', () => {
    for (const step of steps) {
      for (const [, command] of step.description.matchAll(/\]\(command:([\w.]+)\)/g)) {
        const known = ours.has(command!) || WORKBENCH_COMMANDS.has(command!) || views.has(command!.replace(/\.focus$/, ''));
        assert.ok(known, `${step.id}: no command ${command}`);
      }
    }
  });

  it('shows a picture for each theme, small, with a description for screen readers', () => {
    for (const step of steps) {
      assert.ok(step.media.altText.length > 20, `${step.id} has no alt text`);
      for (const theme of ['dark', 'light', 'hc', 'hcLight'] as const) {
        const file = join(ROOT, step.media.image[theme]);
        assert.ok(existsSync(file), `${step.id}: ${step.media.image[theme]} is missing`);
        assert.ok(statSync(file).size < 150_000, `${step.media.image[theme]} is over 150 KB`);
        assert.equal(readFileSync(file).subarray(1, 4).toString('latin1'), 'PNG');
      }
    }
  });
});
