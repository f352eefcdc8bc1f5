import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DENSITY_CHOICES, kindChoices, kindUpdates } from '../../../../src/features/present/highlightChoices';
import { DEFAULT_SETTINGS } from '../../../../src/features/present/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { enum?: string[] }> }; menus: { 'view/title': { command: string; when: string }[] } };
};

describe('choosing highlights from the views', () => {
  it('offers every kind of highlight, ticked when it is on', () => {
    const choices = kindChoices({ ...DEFAULT_SETTINGS.highlight, places: false });
    assert.deepEqual(choices.map((c) => c.label), ['People', 'Places', 'Organisations', 'Statements', 'Terms', 'Speakers']);
    assert.deepEqual(choices.filter((c) => !c.picked).map((c) => c.key), ['places']);
  });

  it('writes only the kinds whose state the choice changes', () => {
    const h = { ...DEFAULT_SETTINGS.highlight, places: false };
    assert.deepEqual(kindUpdates(h, ['people', 'places', 'organisations', 'statements', 'terms', 'speakers']), [['highlight.places', true]]);
    assert.deepEqual(kindUpdates(h, ['people', 'statements']), [
      ['highlight.organisations', false],
      ['highlight.terms', false],
      ['highlight.speakers', false],
    ]);
    assert.deepEqual(kindUpdates(h, ['people', 'organisations', 'statements', 'terms', 'speakers']), []);
  });

  it('offers the densities package.json declares, in its order', () => {
    assert.deepEqual(DENSITY_CHOICES.map((c) => c.value), manifest.contributes.configuration.properties['crosswire.highlight.names']!.enum);
  });

  it('puts both pickers in the title bar of the Entities and Quotes views', () => {
    for (const command of ['crosswire.chooseHighlights', 'crosswire.chooseNameDensity']) {
      const entry = manifest.contributes.menus['view/title'].find((m) => m.command === command);
      assert.ok(entry, `${command} is not in the views' title bar`);
      assert.match(entry.when, /view == crosswire\.entities/);
      assert.match(entry.when, /view == crosswire\.quotes/);
    }
  });
});
