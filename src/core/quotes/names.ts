import { METADATA_LINE } from '../text/metadata';
import { partitionPoint } from '../sorted';
import type { RawMention } from '../types';
import { FOREIGN_ARTICLES, isFiniteMarker, isNamingVerb, reportingVerb } from './lexicon';
import { isPersonRole } from './speakers-grammar';
import { relativesOf } from './names-kin';

/** How many same-surname or same-forename mentions are examined when looking for a fuller name. */
const MAX_CANDIDATES = 200;

/**
 * Finds a person's fullest name in the document: "Blinken" becomes "Antony Blinken", "Xi" becomes
 * "Xi Jinping". A fuller name extends the short one at its start or its end (family names come first
 * in some languages). Where several people share the short name ("Wang Yi", "Wang Xiaohong"), the one
 * named most recently before the mention is meant, as a reader would assume; with none before, a later
 * fuller name is used only when every later one agrees.
 */
export class FullNames {
  private readonly cache = new Map<number, string>();
  private readonly byFirst = new Map<string, number[]>();
  private readonly byLast = new Map<string, number[]>();
  private readonly words: string[][];
  /** What a misspelt spelling stands for, by spelling: the answer depends on the spelling alone. */
  private readonly typos = new Map<string, string | null>();
  /** Which person mention a word no mention covers misspells, by the word folded; -1 for none. */
  private readonly loose = new Map<string, number>();
  /** The first person mention of each spelling, with its words less initials, in document order. */
  private spellings: { readonly index: number; readonly words: readonly string[] }[] | undefined;

  /** People named as someone's relatives in `text` (see `relativesOf`), whom a bare surname does not stand for. */
  private readonly relatives: ReadonlySet<number>;

  constructor(private readonly mentions: readonly RawMention[], text = '') {
    this.relatives = relativesOf(text, mentions);
    // A document names the same people again and again: fold each spelling once.
    const seen = new Map<string, string[]>();
    this.words = mentions.map((m) => {
      let w = seen.get(m.text);
      if (!w) seen.set(m.text, (w = withoutTitle(fold(m.text).split(/\s+/).filter((x) => x.length > 0))));
      return w;
    });
    mentions.forEach((m, i) => {
      if (m.type !== 'person') return;
      const w = this.words[i];
      if (w.length === 0) return;
      push(this.byFirst, w[0], i);
      push(this.byLast, w[w.length - 1], i);
    });
  }

  /** The fullest name of the person mention `index`. */
  of(index: number): string {
    const cached = this.cache.get(index);
    if (cached !== undefined) return cached;
    const name = this.compute(index);
    this.cache.set(index, name);
    return name;
  }

  private compute(index: number): string {
    const m = this.mentions[index];
    const w = this.words[index];
    if (w.length === 0) return m.text;
    const lists = [this.byFirst.get(w[0]) ?? [], this.byLast.get(w[w.length - 1]) ?? []];
    let nearest = -1;
    const later: string[] = [];
    for (const [n, list] of lists.entries()) {
      // A bare surname is the principal's, not a relative's who shares it.
      const fits = (k: number): boolean => this.extends(k, index) && !(n === 1 && w.length === 1 && this.relatives.has(k));
      const before = lastIndexBefore(list, index);
      for (let k = before, seen = 0; k >= 0 && seen < MAX_CANDIDATES; k--, seen++) {
        if (fits(list[k])) {
          nearest = Math.max(nearest, list[k]);
          break;
        }
      }
      for (let k = before + 1, seen = 0; k < list.length && seen < MAX_CANDIDATES; k++, seen++) {
        if (list[k] > index && fits(list[k])) later.push(this.mentions[list[k]].text);
      }
    }
    if (nearest >= 0) return this.of(nearest);
    if (later.length === 0) return this.misspelt(index) ?? untitled(m.text);
    const longest = later.reduce((a, b) => (b.split(/\s+/).length > a.split(/\s+/).length ? b : a));
    const agree = later.every((t) => fold(longest).includes(fold(t)));
    return agree ? longest : untitled(m.text);
  }

  /** Whether mention `longer` is a fuller form of mention `shorter`, middle initials aside ("John Q. Smith" of "John Smith"). */
  private extends(longer: number, shorter: number): boolean {
    const full = this.words[longer];
    if (full.length <= this.words[shorter].length) return false;
    const a = full.filter((x) => !isInitial(x));
    const b = this.words[shorter].filter((x) => !isInitial(x));
    if (a.length < b.length || b.length === 0) return false;
    const prefix = b.every((x, i) => a[i] === x);
    const suffix = b.every((x, i) => a[a.length - b.length + i] === x);
    return prefix || suffix;
  }

  /**
   * The person a name with one letter wrong stands for ("Powel" for "Jerome Powell", "Wang Xiaohang"
   * for "Wang Xiaohong"): the one person of the document whose name, or its start or end, differs from
   * it in one letter of one longer word, the other words agreeing. Names no person or several people
   * are that close to stay as written, so that different people with a shared surname stay apart.
   */
  private misspelt(index: number): string | null {
    const spelling = this.mentions[index].text;
    const known = this.typos.get(spelling);
    if (known !== undefined) return known;
    const b = this.words[index];
    let found = -1;
    let seen = 0;
    // Mentions of one spelling say the same: each is compared once. Its own spelling is never one
    // letter off, so a mention meets no copy of itself.
    for (const { index: k, words: a } of this.personSpellings()) {
      if (seen++ >= MAX_TYPO_CANDIDATES) break;
      if (a.length < b.length || !this.oneLetterOff(a, b)) continue;
      if (found < 0 || this.extends(k, found)) found = k;
      else if (fold(this.mentions[k].text) !== fold(this.mentions[found].text) && !this.extends(found, k)) {
        this.typos.set(spelling, null);
        return null;
      }
    }
    const result = found < 0 ? null : this.mentions[found].text;
    this.typos.set(spelling, result);
    return result;
  }

  /**
   * The person mention a word the recogniser did not take for a name misspells ("Suank" for Rishi
   * Sunak): one letter off the surname or forename of exactly one person; -1 when none or several.
   */
  misspeltWord(word: string): number {
    const w = fold(word);
    const known = this.loose.get(w);
    if (known !== undefined) return known;
    let found = -1;
    let seen = 0;
    for (const { index: k, words: a } of this.personSpellings()) {
      if (seen++ >= MAX_TYPO_CANDIDATES) break;
      const near = a.some((x) => Math.min(x.length, w.length) >= MIN_TYPO_WORD && oneEditApart(x, w));
      if (!near || (found >= 0 && this.of(found) === this.of(k))) continue;
      if (found >= 0) {
        found = -1;
        break;
      }
      found = k;
    }
    this.loose.set(w, found);
    return found;
  }

  private personSpellings(): readonly { readonly index: number; readonly words: readonly string[] }[] {
    if (this.spellings) return this.spellings;
    const firsts = new Map<string, number>();
    this.mentions.forEach((m, k) => {
      if (m.type === 'person' && !firsts.has(m.text)) firsts.set(m.text, k);
    });
    this.spellings = [...firsts.values()].map((k) => ({ index: k, words: this.words[k].filter((x) => !isInitial(x)) }));
    return this.spellings;
  }

  /** Whether `b` matches the start or the end of `a` with exactly one word one letter off. */
  private oneLetterOff(a: readonly string[], b: readonly string[]): boolean {
    const at = (offset: number): boolean => {
      let off = 0;
      for (let i = 0; i < b.length; i++) {
        const x = a[offset + i];
        if (x === b[i]) continue;
        if (Math.min(x.length, b[i].length) < MIN_TYPO_WORD || !oneEditApart(x, b[i])) return false;
        off++;
      }
      return off === 1;
    };
    return at(0) || (a.length > b.length && at(a.length - b.length));
  }
}

/** How many spellings of people a misspelt name is compared with. */
const MAX_TYPO_CANDIDATES = 200;

/** Words shorter than this are not read as misspelt: "Kane" and "Kate" are two people. */
const MIN_TYPO_WORD = 5;

/**
 * Titles of a person in the languages outlets translate into, folded ("Präsident Yoon", "Herr Yoon",
 * "el presidente Sánchez", "Mme Borne").
 */
const FOREIGN_PERSON_TITLES = [
  'prasident', 'prasidentin', 'presidente', 'presidenta', 'kanzler', 'kanzlerin', 'chancelier', 'chanceler',
  'premierminister', 'premierministerin', 'ministro', 'ministra', 'ministre', 'ministerin', 'herr', 'frau', 'senor',
  'senora', 'monsieur', 'madame', 'mme', 'burgermeister', 'burgermeisterin', 'alcalde', 'alcaldesa', 'maire', 'gouverneur',
  'gobernador', 'gobernadora', 'governador',
];

/**
 * Words of an office or a country that headlines and short forms put before a surname ("PM Starmer",
 * "UK PM Sunak", "President Biden"): not part of the name, so that the surname finds the full name.
 */
const TITLE_WORDS = new Set([
  'pm', 'uk', 'us', 'u.s', 'u.s.', 'prime', 'minister', 'president', 'chancellor', 'premier', 'mr', 'mr.', 'mrs',
  'mrs.', 'ms', 'ms.', 'sir', 'dame', 'dr', 'dr.', 'gov', 'gov.', 'governor', 'sen', 'sen.', 'senator', 'mayor',
  'secretary', 'ceo', 'new', 'former', 'vice', 'rep', 'rep.', ...FOREIGN_PERSON_TITLES,
]);

/** Titles that only a person carries: a name after one is a person's ("PM Starmer", "Mr Hunt"). */
const PERSON_TITLES = new Set([
  'pm', 'president', 'chancellor', 'premier', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir', 'dame', 'dr', 'dr.',
  'gov', 'gov.', 'governor', 'sen', 'sen.', 'senator', 'mayor', 'secretary', 'ceo', 'rep', 'rep.', ...FOREIGN_PERSON_TITLES,
]);

/** A name as written without the titles before it ("UK PM Sunak" is Sunak), never all of its words. */
function untitled(text: string): string {
  const words = text.split(/\s+/);
  const kept = withoutTitle(words.map(fold));
  return words.slice(words.length - kept.length).join(' ');
}

/** Whether a mention reads as a title before a name ("PM Starmer", "UK PM Sunak"), which only a person has. */
function titledName(text: string): boolean {
  const words = fold(text).split(/\s+/);
  const kept = withoutTitle(words);
  return kept.length < words.length && words.slice(0, words.length - kept.length).some((w) => PERSON_TITLES.has(w));
}

/** The words of a name without the titles before it, never all of them. */
function withoutTitle(words: string[]): string[] {
  let k = 0;
  while (k < words.length - 1 && TITLE_WORDS.has(words[k])) k++;
  return k === 0 ? words : words.slice(k);
}

/** A middle initial: "q." or "q". */
function isInitial(word: string): boolean {
  return /^\p{L}\.?$/u.test(word);
}

/** Whether two words differ by one inserted, deleted or replaced letter, or two neighbours swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the last value below `value` in an ascending list, or -1. */
function lastIndexBefore(list: readonly number[], value: number): number {
  return partitionPoint(list.length, (i) => list[i] < value) - 1;
}

/** Lower case without diacritics, so "Orbán" and "Orban" name the same person. */
const ASCII = /^[\x00-\x7f]*$/;

export function fold(s: string): string {
  // Most names are plain ASCII, which has no accents to take off.
  return ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The mentions as a reader takes them: a name the recogniser typed as an organisation or a place that
 * repeats a person named before it, whole or by surname ("David Calhoun … Calhoun turned"), is that
 * person. Only a person introduced earlier counts, so that "Ford" before any Ford is named stays the
 * company. A name after a title only people carry ("PM Starmer", "UK PM Sunak") is a person's too.
 * Indices are kept, so the result stands in for `mentions`.
 */
export function asPeople(mentions: readonly RawMention[], text: string): readonly RawMention[] {
  const known = new Set<string>();
  let changed = false;
  const out = mentions.map((m) => {
    const key = fold(m.text);
    // "der Präsident", "the President": a person's office alone after an article, however the
    // recogniser typed it, is no name ("Justice said", "Judge said" may be surnames), and is read as the
    // role it is (as a place, which no attribution takes for a speaker).
    if (m.type !== 'place' && isOfficeAlone(text, m)) {
      changed = true;
      return { ...m, type: 'place' as const };
    }
    if (m.type === 'person') {
      const w = key.split(/\s+/);
      known.add(key);
      if (w.length > 1 && w[w.length - 1].length > 2) known.add(w[w.length - 1]);
      return m;
    }
    if ((m.type === 'organization' || m.type === 'place') && (known.has(key) || titledName(m.text) || afterPersonRole(text, m))) {
      changed = true;
      return { ...m, type: 'person' as const };
    }
    return m;
  });
  return changed ? out : mentions;
}

/** Whether mention `m` is one word that is a person's office, right after a definite article ("der Präsident"). */
export function isOfficeAlone(text: string, m: { readonly start: number; readonly text: string }): boolean {
  if (/\s/.test(m.text.trim()) || !isPersonRole(m.text)) return false;
  const article = /(?:^|[^\p{L}])(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 8), m.start))?.[1].toLowerCase();
  return article !== undefined && (article === 'the' || FOREIGN_ARTICLES.has(article));
}

/**
 * Role words that, right before a name, make it a person's: "WHO chief Tedros Adhanom
 * Ghebreyesus", "Microsoft spokesperson Frank Shaw". A name of two words at least, so that "the health
 * minister Italy" is never read as one.
 */
const ROLE_BEFORE = /(?:^|[\s(])(?:chief|director-general|secretary-general|spokesman|spokeswoman|spokesperson|minister|president|secretary|governor|mayor|senator|chairman|chairwoman|commissioner|envoy|ambassador|judge|coach|manager|founder|director|ceo|cfo)\s+$/iu;

function afterPersonRole(text: string, m: RawMention): boolean {
  if (m.start === 0 || !/\s/.test(m.text.trim()) || !ROLE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))) return false;
  // "our chief White House correspondent": a name that qualifies a noun after it is a body's; one
  // followed by its verb ("WHO chief Tedros Adhanom Ghebreyesus said") is the person's.
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(m.end, m.end + 24))?.[1];
  return next === undefined || reportingVerb(next) !== null || isFiniteMarker(next);
}

/** Words that make the name after them a storm's ("Hurricane Milton", "Typhoon Haiyan"). */
const STORM = /(?:^|\s)(?:hurricane|typhoon|cyclone|storm)\s+$/i;

/**
 * The mentions without the storms among the people and organisations: storms have people's names
 * ("Helene", "Milton"), and news of one names it in every other sentence, but a storm says nothing and
 * is no "she" or "he". A name the article gives after "Hurricane" or "Typhoon" is a storm wherever it
 * stands alone; storms become places, which no attribution takes for a speaker.
 */
export function withoutStorms(text: string, mentions: readonly RawMention[]): readonly RawMention[] {
  const storms = new Set<string>();
  const isStorm = (m: RawMention): boolean => STORM.test(text.slice(Math.max(0, m.start - 16), m.start)) || STORM.test(m.text.replace(/\S+$/, ''));
  for (const m of mentions) if (isStorm(m)) storms.add(fold(m.text.split(/\s+/).pop() ?? ''));
  if (storms.size === 0) return mentions;
  return mentions.map((m) =>
    m.type !== 'place' && (isStorm(m) || (!/\s/.test(m.text.trim()) && storms.has(fold(m.text)))) ? { ...m, type: 'place' as const } : m,
  );
}

/**
 * A headline's speaker that the recogniser ran into the words after it ("Trump Describes His Encounter",
 * typed an organisation): where a mention of the article's first line opens with a person's name the
 * article gives elsewhere, followed by a capitalised verb of reporting or naming ("Says", "Warns",
 * "Describes"), the mention is narrowed to the name and read as the person. Title case capitalises
 * the verb, which is how the recogniser came to take it into the name.
 */
export function headlineNames(text: string, mentions: readonly RawMention[]): readonly RawMention[] {
  const lineEnd = text.indexOf('\n');
  const people = new Set(mentions.filter((m) => m.type === 'person').map((m) => fold(m.text)));
  let changed = false;
  const out = mentions.map((m) => {
    if (m.type === 'person' || (lineEnd >= 0 && m.start > lineEnd)) return m;
    const words = m.text.split(/\s+/);
    for (let n = 1; n < words.length; n++) {
      const verb = words[n].toLowerCase();
      if (!people.has(fold(words.slice(0, n).join(' '))) || !(reportingVerb(verb) === 'finite' || isNamingVerb(verb, undefined))) continue;
      changed = true;
      const name = words.slice(0, n).join(' ');
      return { ...m, end: m.start + name.length, text: name, type: 'person' as const };
    }
    return m;
  });
  return changed ? out : mentions;
}

/** The mentions as the attribution reads them: mistyped people, storms, headers and headline speakers mended. */
export function peopleOf(text: string, mentions: readonly RawMention[]): readonly RawMention[] {
  return headlineNames(text, withoutHeader(text, withoutStorms(text, asPeople(mentions, text))));
}

/** How many characters of an article's opening are read for its metadata lines. */
const HEADER_CHARS = 2000;

/** A dateline's agency or outlet in brackets at a line's start: "WASHINGTON (Reuters) —", "(Newser) –". */
const DATELINE = /^(?:[\p{Lu}][\p{L} .,'-]{0,40})?\(([^()\n]{2,30})\)\s*[-–—]/u;

/**
 * The outlet or author a saved article's metadata lines name ("Source: Taranga News", "By: Jane Doe"),
 * and the agency of its dateline ("(Newser) – …"), is nobody speaking in the story: "the company
 * said" and "he wrote" are never the outlet. Such mentions are read as places, which no attribution
 * takes for a speaker, as storms are.
 */
export function withoutHeader(text: string, mentions: readonly RawMention[]): readonly RawMention[] {
  const lines: [number, number][] = [];
  for (let at = 0; at < Math.min(text.length, HEADER_CHARS); ) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    const head = text.slice(at, Math.min(stop, HEADER_CHARS));
    if (METADATA_LINE.test(head.trim())) lines.push([at, stop]);
    const dateline = DATELINE.exec(head);
    if (dateline) {
      const open = at + dateline[0].indexOf('(') + 1;
      lines.push([open, open + dateline[1].length]);
    }
    at = stop + 1;
  }
  if (lines.length === 0) return mentions;
  const last = lines[lines.length - 1][1];
  return mentions.map((m) => (m.start < last && m.type !== 'place' && lines.some(([a, b]) => m.start >= a && m.end <= b) ? { ...m, type: 'place' as const } : m));
}
