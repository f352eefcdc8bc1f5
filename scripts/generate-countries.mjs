// Writes src/core/entities/countries.json: for each country of the world-countries package, its common
// English name, the other names it goes by in Latin script (official name, alternative spellings) and
// its English demonyms. The package is a 1.4 MB file of codes, borders, translations and flags, whose
// parsing held the thread for tens of milliseconds the first time a name was looked up; the extract
// keeps only what the gazetteer reads.
// Countries stay in the package's order: where two share a spelling, the later one wins, as it did.
// Run again after upgrading world-countries: `node scripts/generate-countries.mjs`.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const list = require('world-countries');
const countries = [];
for (const c of list) {
  const common = c.name?.common;
  if (!common) continue;
  // Two-letter codes are ordinary words too often ("IN", "IT"); the useful ones are listed by hand.
  const names = [...new Set([c.name?.official ?? '', ...(c.altSpellings ?? [])])]
    .filter((n) => n !== common && n.length >= 4 && !/[^\p{Script=Latin}\s'’.,()-]/u.test(n));
  const demonyms = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean))];
  countries.push({ common, names, demonyms });
}
writeFileSync(new URL('../src/core/entities/countries.json', import.meta.url), JSON.stringify(countries) + '\n');
console.log(`${countries.length} countries written`);
