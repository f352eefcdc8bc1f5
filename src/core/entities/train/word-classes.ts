/**
 * Writes `../model/word-classes.json`: the word classes of compromise's lexicon that help tell names
 * from other words (given names, family names, places, parts of speech), one short code string per
 * word. The tagger reads this file instead of loading compromise, whose lexicon takes half a second
 * to unpack. Run by `npm run train:ner`; the output depends only on the installed compromise.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASS_CODES } from '../lexicon';

/** compromise tag → our class code; the first tag of a word that maps wins per code. */
const TAG_CLASS: Record<string, keyof typeof CLASS_CODES> = {
  MaleName: 'first', FemaleName: 'first', FirstName: 'first', LastName: 'last', Person: 'person',
  City: 'place', Country: 'place', Place: 'place', Region: 'place', Organization: 'org', SportsTeam: 'team',
  Demonym: 'demonym', Honorific: 'honorific', Actor: 'role', Month: 'date', WeekDay: 'date', Date: 'date',
  Adjective: 'adj', Comparative: 'adj', Superlative: 'adj', Adverb: 'adv',
  PastTense: 'verb', PresentTense: 'verb', Infinitive: 'verb', Gerund: 'verb', PhrasalVerb: 'verb',
  Participle: 'verb', Verb: 'verb', Modal: 'function', Copula: 'function',
  Plural: 'noun', Singular: 'noun', Noun: 'noun', Uncountable: 'noun', Unit: 'noun', Currency: 'noun',
  Preposition: 'function', Determiner: 'function', Conjunction: 'function', Pronoun: 'function',
  QuestionWord: 'function', Possessive: 'function', Reflexive: 'function', Negative: 'function',
  Cardinal: 'number', Ordinal: 'number', TextValue: 'number', Fraction: 'number', Multiple: 'number',
  Abbreviation: 'abbr', ProperNoun: 'proper', Expression: 'expression',
};

export function buildWordClasses(): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const lexicon = mod.model().one.lexicon;
  const out: Record<string, string> = {};
  for (const word of Object.keys(lexicon).sort()) {
    if (/\s/.test(word)) continue;
    const tags = lexicon[word];
    const codes = new Set<string>();
    for (const t of Array.isArray(tags) ? tags : [tags]) {
      const c = TAG_CLASS[t];
      if (c) codes.add(CLASS_CODES[c]);
    }
    if (codes.size) out[word] = [...codes].sort().join('');
  }
  return out;
}

export function writeWordClasses(): string {
  const path = join(__dirname, '..', 'model', 'word-classes.json');
  writeFileSync(path, JSON.stringify(buildWordClasses()) + '\n');
  return path;
}
