/**
 * Roles and the people who hold them: the title an article gives a person where it names them ("US
 * Secretary of State Antony Blinken", "Blinken, the top US diplomat,"), and the person it introduced
 * in the role a later phrase names ("the secretary of state said"). The speaker attribution reads a
 * role phrase with it (`speakers-subjects.ts`); the coverage report compares speakers' titles with it.
 */
import type { Paragraph, QuoteSpan, RawMention, Span } from '../types';
import { isUpper } from '../text/chars';
import { DocumentView, lastStartingAtOrBefore, type Tok } from './context';
import { COMPANY_NOUNS, DETERMINERS, FOREIGN_ARTICLES, HEAD_ROLES, isRoleModifier, KIND_OF_BODY_NOUNS, LOOSE_ROLE_WORDS, NOT_DEFINITE, reportingVerb } from './lexicon';
import { isPersonRole, roleWord } from './speakers-grammar';

/** How many person mentions back a role phrase looks for the person introduced in that role. */
const ROLE_REACH = 60;

/** Nationality and country words a role may carry or leave out ("the US president", "the president"). */
export const COUNTRY_WORDS = new Set(['us', 'u.s', 'u.s.', 'usa', 'uk', 'u.k', 'eu', 'un', 'american', 'british', 'chinese', 'russian', 'french', 'german', 'federal', 'national', 'state-run']);

/** Words of a title that make it another office than the role without them ("former minister"). */
const FORMER = ['former', 'ex'];

/** Words that make the role right after them another office ("vice chair", "deputy governor"). */
const DEPUTIES = ['vice', 'deputy', 'assistant', 'associate'];

/** Whether the title beside a person mention names the deputy of role `head` ("Fed vice chair Alan Blinder"), not the role. */
function deputyOf(doc: DocumentView, m: Span, head: string): boolean {
  const s = doc.sentenceAt(m.start);
  if (!s) return false;
  const around = doc.text.slice(Math.max(s.start, m.start - 40), Math.min(s.end, m.end + 60)).toLowerCase();
  return new RegExp(`(?:${DEPUTIES.join('|')})[\\s-]+${head.replace(/[^\p{L}]/gu, '')}`, 'u').test(around);
}

/**
 * Other words news writing uses for a role, once the person is introduced: "the skipper" for the
 * captain, "the prosecutor" for the district attorney, "the manager" for the head coach.
 */
const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  skipper: ['captain'], captain: ['skipper'], prosecutor: ['attorney'], manager: ['coach'], coach: ['manager'],
  lawmaker: ['senator', 'representative', 'congressman', 'congresswoman'], legislator: ['senator', 'representative'],
  justice: ['judge'], judge: ['justice'], chairman: ['chair', 'chairwoman'], chair: ['chairman', 'chairwoman'],
  chairwoman: ['chair'],
};

/**
 * The shape of a word that describes the person rather than the office: hyphenated ("title-winning",
 * "long-serving"), a past participle ("beleaguered", "embattled"), an evaluative ending ("boastful",
 * "notorious", "fearless"). "Medical", "sporting" and "national" name offices, and stay required.
 */
const ADJECTIVE_SHAPE = /-|(?:ed|ful|ous|less)$/;

/** Role heads that stand for the head of any body ("the bank's chief" for its governor). */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(['chief', 'head', 'leader', 'boss']);

/**
 * The person the article introduced, before the role phrase toks[b..e], in the role it names: "the
 * governor" for "Maryland Gov. Wes Moore", "the US Secretary of State" for "US Secretary of State
 * Antony Blinken", "the bank's chief" for "Bank of Canada Governor Tiff Macklem", "the executive" for
 * "Jeffrey Pritzker, executive vice president of Brawner Builders". Only a definite, singular role of
 * a person ("the minister", not "a minister", "officials" or "the ministry"), and only a person whose
 * title holds every word of the role that tells roles apart ("foreign", "of State"); the nearest wins.
 */
export function roleHolder(doc: DocumentView, toks: readonly Tok[], b: number, e: number): number | null {
  const phraseStart = toks[b].start;
  const mentions = doc.mentions;
  // A role naming the article's first person ("UN chief warns …" in a headline) is the person the
  // article introduces in it further on; headlines drop the article, so "the" is not needed there.
  let first = true;
  for (let i = 0; i < mentions.length && mentions[i].start < phraseStart && first; i++) {
    const m = mentions[i];
    if (m.type === 'person' && m.end <= phraseStart && !doc.quoteAt(m.start)) first = false;
  }
  // "the minister", or with the article dropped ("former prime minister stated", "Fed chair said"):
  // not "a minister" or "his aide".
  if (!first && NOT_DEFINITE.has(toks[b].text.toLowerCase())) return null;
  let h = e;
  while (h > b && !isPersonRole(toks[h].text)) h--;
  if (h === b) return null;
  const head = roleWord(toks[h].text);
  const required: string[] = [];
  // A lowercase word of no known kind names the office ("the fire chief": not the police chief) or,
  // shaped as an adjective, may only describe the person ("the beleaguered manager"): a holder whose
  // title has it is meant first, then, for a describing word, any holder.
  const describing: string[] = [];
  for (let k = b; k <= e; k++) {
    if (k === h) continue;
    const t = toks[k];
    const w = roleWord(t.text);
    if (/['’]s?$/.test(t.text)) {
      // "Biden's spokesman" is not Biden; "the bank's chief" is the bank's. A capitalised owner the
      // recogniser did not name ("Bankman-Freed’s attorney", a typo) may be a person: the role is theirs,
      // not that of whoever holds the office ("U.S. Attorney Damian Williams").
      const m = doc.mentionAt(t.start);
      if (m >= 0 && doc.mentions[m].type === 'person') return null;
      if (m < 0 && /^\p{Lu}/u.test(t.text)) return null;
      continue;
    }
    if (DETERMINERS.has(w) || FOREIGN_ARTICLES.has(w) || COUNTRY_WORDS.has(w) || LOOSE_ROLE_WORDS.has(w) || /^(?:of|for|at|and)$/.test(w)) continue;
    const m = doc.mentionAt(t.start);
    if (m >= 0 && doc.mentions[m].type === 'place') continue;
    if (/^\p{Ll}/u.test(t.text) && !isRoleModifier(t.text) && !isPersonRole(t.text) && ADJECTIVE_SHAPE.test(w)) describing.push(w);
    else required.push(w);
  }
  const phrase = new Set(toks.slice(b, e + 1).map((t) => roleWord(t.text)));
  const inTitle = (title: Set<string>, w: string): boolean => title.has(w) || (w.length >= 3 && [...title].some((t) => t.length > w.length && t.startsWith(w)));
  const holds = (i: number, words: readonly string[]): boolean => {
    const title = titleOf(doc, mentions[i]);
    if (title.size === 0) return false;
    const heads = GENERIC_HEADS.has(head) ? [...title].some((w) => HEAD_ROLES.has(w)) : title.has(head) || (ROLE_SYNONYMS[head] ?? []).some((w) => title.has(w));
    // "the chair" is not a former chair or the vice chair the article also names.
    if (FORMER.some((w) => title.has(w) && !phrase.has(w))) return false;
    if (!DEPUTIES.some((w) => phrase.has(w)) && deputyOf(doc, mentions[i], head)) return false;
    return heads && words.every((w) => inTitle(title, w));
  };
  const exact = [...required, ...describing];
  return holderOf(doc, mentions, phraseStart, first, (i) => holds(i, exact)) ?? (describing.length > 0 ? holderOf(doc, mentions, phraseStart, first, (i) => holds(i, required)) : null);
}

/** The nearest person mention, before `phraseStart` (after it for the article's first person), that `holds`. */
function holderOf(doc: DocumentView, mentions: readonly RawMention[], phraseStart: number, first: boolean, holds: (i: number) => boolean): number | null {
  let seen = 0;
  if (first) {
    for (let i = lastStartingAtOrBefore(mentions, phraseStart) + 1; i < mentions.length && seen < ROLE_REACH; i++) {
      if (mentions[i].type !== 'person' || doc.quoteAt(mentions[i].start)) continue;
      seen++;
      if (holds(i)) return i;
    }
    return null;
  }
  for (let i = lastStartingAtOrBefore(mentions, phraseStart - 1); i >= 0 && seen < ROLE_REACH; i--) {
    const m = mentions[i];
    if (m.type !== 'person' || m.end > phraseStart || doc.quoteAt(m.start)) continue;
    seen++;
    if (holds(i)) return i;
  }
  return null;
}

/**
 * Words news writing uses for a body it has just named, in place of its name ("the NHC said …
 * according to the agency", "Boeing said … the company said"): the nearest organisation named. Nouns
 * for another kind of body ("the fund", "the group", `KIND_OF_BODY_NOUNS`) stand only for one that
 * spoke just before or whose name holds the noun ("Mercy Hospital"); "the ministry" and "the
 * committee" for none: they name another body than the one named last as often as not.
 */
const BODY_ANAPHORS: ReadonlySet<string> = new Set(['agency', ...COMPANY_NOUNS]);

/** How many sentences back "the agency" looks for the body it stands for. */
const BODY_REACH = 3;

/**
 * The organisation "the agency" or "the company" (toks[b..e], "the" and the noun, perhaps a country
 * word between) stands for: of the organisations named outside quotation marks in its sentence before
 * it and in the few sentences before that, the nearest one that spoke (followed by a reporting verb),
 * else the nearest; null when none is named there.
 */
export function bodyHolder(doc: DocumentView, toks: readonly Tok[], b: number, e: number): number | null {
  const noun = toks[e].text.toLowerCase();
  if (!/^the$/i.test(toks[b].text) || !(BODY_ANAPHORS.has(noun) || KIND_OF_BODY_NOUNS.has(noun))) return null;
  for (let k = b + 1; k < e; k++) if (!COUNTRY_WORDS.has(toks[k].text.toLowerCase())) return null;
  if (BODY_ANAPHORS.has(noun)) return bodyBefore(doc, toks[b].start);
  return bodyBefore(doc, toks[b].start, (i) => doc.mentions[i].text.toLowerCase().split(/\s+/).includes(noun));
}

/**
 * The organisation named before `offset` that a word standing for a body there ("the company", "it
 * said") means: the nearest one that spoke in its sentence or the few before, else the nearest; null
 * when none is named there. With `named`, only one that spoke or that `named` accepts, never just the
 * nearest.
 */
export function bodyBefore(doc: DocumentView, offset: number, named?: (mention: number) => boolean): number | null {
  let s = doc.sentenceAt(offset);
  let limit = offset;
  let nearest: number | null = null;
  for (let n = 0; s && n <= BODY_REACH; n++) {
    const found = doc.mentionsIn(s.start, limit).filter((i) => doc.mentions[i].type === 'organization');
    for (let j = found.length - 1; j >= 0; j--) {
      const after = s.tokens[lastStartingAtOrBefore(s.tokens, doc.mentions[found[j]].end - 1) + 1];
      if (after?.kind === 'word' && reportingVerb(after.text) === 'finite') return found[j];
      if (!named || named(found[j])) nearest ??= found[j];
    }
    s = doc.previousSentence(s);
    limit = s ? s.end : 0;
  }
  return nearest;
}

/**
 * The words of the title or description a person mention is given where it stands: before the name
 * ("Maryland Gov.", "US Secretary of State", "CrowdStrike CEO") or in an aside beside it (", the
 * mayor of Baltimore,", "Jeffrey Pritzker, executive vice president of Brawner Builders,").
 */
export function titleOf(doc: DocumentView, m: Span): Set<string> {
  const out = new Set<string>();
  const s = doc.sentenceAt(m.start);
  if (!s) return out;
  const toks = s.tokens;
  const i = lastStartingAtOrBefore(toks, m.start);
  if (i < 0) return out;
  const add = (t: Tok): void => {
    const w = roleWord(t.text);
    out.add(w);
    if (w === 'ceo') out.add('chief').add('executive');
  };
  const spellCeo = (): void => {
    if (out.has('chief') && out.has('executive')) out.add('ceo');
  };
  // A title the recogniser read into the name ("Präsident Yoon Suk Yeol") is the person's title too.
  for (let k = i; k < toks.length && toks[k].start < m.end - 1 && isPersonRole(toks[k].text); k++) add(toks[k]);
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = toks[k];
    if (t.kind !== 'word' || !(isUpper(t.text[0]) || isPersonRole(t.text) || isRoleModifier(t.text) || /^(?:of|for|at)$/.test(t.text))) break;
    if (DETERMINERS.has(t.text.toLowerCase())) break;
    add(t);
  }
  const aside = (from: number, step: 1 | -1): void => {
    const words: Tok[] = [];
    for (let k = from; k >= 0 && k < toks.length && words.length < 10; k += step) {
      const t = toks[k];
      if (t.kind !== 'word') break;
      words.push(t);
    }
    if (words.some((t) => isPersonRole(t.text))) words.forEach(add);
  };
  if (toks[i - 1]?.text === ',') aside(i - 2, -1);
  let j = i;
  while (j < toks.length && toks[j].start < m.end) j++;
  if (toks[j]?.text === ',') aside(j + 1, 1);
  spellCeo();
  return out;
}

/**
 * The role words an article gives the person of each of `mentions[indices]`: the title before the
 * name ("US Secretary of State Antony Blinken") and a role set off beside it ("Blinken, the top US
 * diplomat,"), lower-case, abbreviations spelled out.
 */
export function titlesOf(text: string, paras: readonly Paragraph[], quotes: readonly QuoteSpan[], mentions: readonly RawMention[], indices: readonly number[]): Set<string> {
  const doc = new DocumentView(text, paras, quotes, mentions);
  const out = new Set<string>();
  for (const i of indices) for (const w of titleOf(doc, mentions[i])) out.add(w);
  return out;
}

/**
 * Heads of an office that news writing gives the story's central figure in place of their name, once
 * it has named them ("Keir Starmer … The Labour leader declared", "the US president said" of Biden).
 * Roles a central figure is not called by ("the judge", "the witness", "the spokesman") are left out:
 * they name someone besides the person the story is about.
 */
const OFFICE_HEADS = new Set([
  'president', 'leader', 'minister', 'premier', 'chancellor', 'mayor', 'governor', 'chief', 'head', 'boss',
  'ceo', 'chairman', 'chairwoman', 'chair', 'executive', 'secretary', 'senator', 'captain', 'coach', 'manager',
]);

/**
 * The person the article is about, for a definite role of an office toks[b..e] that no title of the
 * article gives anyone ("The Labour leader declared" where Keir Starmer is named but never titled):
 * the person named most often outside quotation marks, at least twice (of two named as often, the one
 * named first), whom the article gives no other office and whose office the article gives no one else.
 * `nameOf` tells the mentions of one person apart from another's. The mention returned is the
 * principal's nearest before the phrase, else the first after it.
 */
export function principalInRole(doc: DocumentView, toks: readonly Tok[], b: number, e: number, nameOf: (i: number) => string): number | null {
  if (NOT_DEFINITE.has(toks[b].text.toLowerCase())) return null;
  let h = e;
  while (h > b && !isPersonRole(toks[h].text)) h--;
  const head = roleWord(toks[h].text);
  if (!OFFICE_HEADS.has(head) || FORMER.some((w) => toks.slice(b, e + 1).some((t) => t.text.toLowerCase() === w))) return null;
  const mentions = principalOf(doc, head, nameOf);
  if (!mentions) return null;
  const phraseStart = toks[b].start;
  // The last mention ending before the phrase: mentions are sorted and do not overlap.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.mentions[mentions[mid]].end <= phraseStart) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? mentions[lo - 1] : mentions[0];
}

/** Per document, the principal's mentions for each office head once worked out (null: nobody). */
const principals = new WeakMap<DocumentView, { ranked: [string, number[]][]; byHead: Map<string, number[] | null> }>();

/**
 * The mentions of the person the article is about, if the office `head` may stand for them (see
 * `principalInRole`). Worked out once per document and office: a role is read in many sentences.
 */
function principalOf(doc: DocumentView, head: string, nameOf: (i: number) => string): number[] | null {
  let cache = principals.get(doc);
  if (!cache) {
    const counts = new Map<string, number[]>();
    doc.mentions.forEach((m, i) => {
      if (m.type !== 'person' || doc.quoteAt(m.start)) return;
      const name = nameOf(i);
      const list = counts.get(name);
      if (list) list.push(i);
      else counts.set(name, [i]);
    });
    // Map order is the order of first mention: of two people named as often, the one the article names
    // first, in its headline or its lead, is the one it is about.
    cache = { ranked: [...counts.entries()].sort((x, y) => y[1].length - x[1].length), byHead: new Map() };
    principals.set(doc, cache);
  }
  const known = cache.byHead.get(head);
  if (known !== undefined) return known;
  const found = principalFor(doc, cache.ranked, head);
  cache.byHead.set(head, found);
  return found;
}

function principalFor(doc: DocumentView, ranked: readonly [string, number[]][], head: string): number[] | null {
  const [top] = ranked;
  if (!top || top[1].length < 2) return null;
  const mentions = doc.mentions;
  const sameOffice = (title: Set<string>): boolean =>
    title.has(head) || (ROLE_SYNONYMS[head] ?? []).some((w) => title.has(w)) || (GENERIC_HEADS.has(head) && [...title].some((w) => HEAD_ROLES.has(w)));
  for (const i of top[1]) {
    const title = titleOf(doc, mentions[i]);
    if ([...title].some((w) => isPersonRole(w)) && !sameOffice(title)) return null;
  }
  // A former holder ("Former Prime Minister Boris Johnson") does not hold the office the role names now.
  const holds = (title: Set<string>): boolean => sameOffice(title) && !FORMER.some((w) => title.has(w));
  for (const [, list] of ranked.slice(1)) if (list.some((i) => holds(titleOf(doc, mentions[i])))) return null;
  return top[1];
}
