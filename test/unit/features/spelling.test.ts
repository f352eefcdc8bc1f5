import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindChoices } from '../../../src/features/present/highlightChoices';
import { entityTypeName } from '../../../src/features/present/hoverContent';
import { DEFAULT_SETTINGS } from '../../../src/features/present/settings';
import { groupEntities } from '../../../src/features/present/treeModel';
import { FakeCorpus, mention } from '../../support/fake-corpus';

const ROOT = join(__dirname, '../../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/**
 * The Settings editor titles a setting from its key ("Highlight: Organisations"), the colour ids show
 * in a theme's customisations, and the views, cards and pickers say "Organisations": one spelling.
 */
describe('one spelling of organisation wherever a user reads it', () => {
  const american = /organiz/i;

  it('in what package.json contributes: settings keys and words, colour ids, commands, views, walkthrough', () => {
    const { contributes } = JSON.parse(read('package.json')) as { contributes: unknown };
    const text = JSON.stringify(contributes);
    assert.doesNotMatch(text, american, text.match(/.{60}organiz.{60}/i)?.[0]);
    assert.match(text, /"crosswire\.highlight\.organisations"/);
  });

  it('in the README and the changelog', () => {
    for (const file of ['README.md', 'CHANGELOG.md']) assert.doesNotMatch(read(file), american, file);
  });

  it('in the Entities view, the cards and the highlight picker', () => {
    const ministry = { id: 'o1', name: 'Foreign Ministry', type: 'organization' as const, aliases: [] };
    const corpus = new FakeCorpus([], [], { a: 'A' }, [ministry], [mention('a', 0, 'Foreign Ministry', 0, ministry)]);
    assert.deepEqual(groupEntities(corpus).map((g) => g.label), ['Organisations']);
    assert.equal(entityTypeName('organization'), 'Organisation');
    assert.ok(kindChoices(DEFAULT_SETTINGS.highlight).some((c) => c.label === 'Organisations' && c.key === 'organisations'));
  });
});
