/**
 * What the pickers behind "Choose Highlights…" and "Choose Which Names to Highlight…" offer, and the
 * settings a choice writes. No `vscode`, so it is unit-tested.
 */
import type { NameDensity, Settings } from './settings';

/** The kinds of highlight, by their `crosswire.highlight.*` key. */
export type KindKey = 'people' | 'places' | 'organisations' | 'statements' | 'terms' | 'speakers';

export interface KindChoice {
  readonly key: KindKey;
  readonly label: string;
  readonly description: string;
  readonly picked: boolean;
}

const KINDS: readonly { readonly key: KindKey; readonly label: string; readonly description: string }[] = [
  { key: 'people', label: 'People', description: 'blue, solid underline' },
  { key: 'places', label: 'Places', description: 'green, dashed underline' },
  { key: 'organisations', label: 'Organisations', description: 'orange, dotted underline' },
  { key: 'statements', label: 'Statements', description: 'purple: words someone said or wrote' },
  { key: 'terms', label: 'Terms', description: 'dotted grey line: scare quotes, names of things' },
  { key: 'speakers', label: 'Speakers', description: 'bold: who said a statement' },
];

/** Each kind of highlight, ticked when it is on. */
export function kindChoices(highlight: Settings['highlight']): KindChoice[] {
  return KINDS.map((k) => ({ ...k, picked: highlight[k.key] }));
}

/** The settings to write for the kinds ticked: only those that change, as `highlight.<key>` and value. */
export function kindUpdates(highlight: Settings['highlight'], ticked: readonly KindKey[]): [string, boolean][] {
  const on = new Set(ticked);
  return KINDS.filter((k) => highlight[k.key] !== on.has(k.key)).map((k) => [`highlight.${k.key}`, on.has(k.key)]);
}

export interface DensityChoice {
  readonly value: NameDensity;
  readonly label: string;
  readonly detail: string;
}

/** The densities of names, in package.json's order and words. */
export const DENSITY_CHOICES: readonly DensityChoice[] = [
  { value: 'all', label: 'Every mention', detail: 'Every mention of every name.' },
  { value: 'firstInParagraph', label: 'First mention in each paragraph', detail: 'A name repeated down a paragraph is drawn once.' },
  { value: 'inQuotes', label: 'Only names inside quotes', detail: 'Whom and what people spoke of; other names are left plain.' },
];
