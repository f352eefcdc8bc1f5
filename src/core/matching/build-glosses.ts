/**
 * Builds the tables `gloss.ts` reads from the word lists of `glosses/<code>.json`: for each language,
 * the English word of each form, and of each form's Snowball stem, the first form of a stem winning
 * (the dictionary form comes before its inflections). Stemming the thousands of forms takes longer than
 * a step of the extension host may, so it is done here, once, and the tables are kept beside the lists.
 *
 *   npx tsx src/core/matching/build-glosses.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newStemmer } from 'snowball-stemmers';
import { STEMMERS } from './gloss';


/** The table of one language from its word list, as the JSON text written. */
export function glossTable(words: Readonly<Record<string, string>>, stemmer: string | null): string {
  const stem = stemmer ? newStemmer(stemmer) : null;
  const forms: Record<string, string> = {};
  const stems: Record<string, string> = {};
  for (const [form, english] of Object.entries(words)) {
    const key = form.toLowerCase();
    const first = english.split('|')[0]!.trim().toLowerCase();
    if (!first || /\s/.test(key) || Object.hasOwn(forms, key)) continue;
    forms[key] = first;
    const s = stem?.stem(key);
    if (s !== undefined && !Object.hasOwn(stems, s)) stems[s] = first;
  }
  return `${JSON.stringify({ forms, stems })}\n`;
}

export const GLOSSES = join(__dirname, 'glosses');

function main(): void {
  for (const [code, stemmer] of Object.entries(STEMMERS)) {
    const list = JSON.parse(readFileSync(join(GLOSSES, `${code}.json`), 'utf8')) as { words: Record<string, string> };
    writeFileSync(join(GLOSSES, 'tables', `${code}.json`), glossTable(list.words, stemmer));
  }
}

if (require.main === module) main();
