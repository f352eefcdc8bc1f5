/**
 * What a fact-checker wants pointed out among the versions of a statement:
 *
 * - **attribution**: articles name different speakers for the same statement, or a person in one and
 *   in another a role that is not that person's (`roles.ts`);
 * - **altered**: a version changes a number, a negation, a modal verb, a degree ("largest", "only")
 *   or a name relative to another version, as opposed to cutting it or putting it in other words;
 * - **single-source**: no other article carries the statement.
 *
 * Computed from the coverage rows (`clusters.ts`) and the links' word diffs; each flag names the other
 * versions concerned, so that they can be compared.
 */
import type { Corpus, CorpusQuote, DocumentAnalysis } from '../corpus';
import { wordForms, words } from '../matching/text';
import { truncate } from '../text/visible';
import type { DiffPart } from '../types';
import { coverage, type Coverage, type StatementRow } from './clusters';
import { DESCRIPTION, PersonRoles, roleHead } from './roles';

export type FlagKind = 'attribution' | 'altered' | 'single-source';

export interface QuoteFlag {
  readonly kind: FlagKind;
  /** The version flagged. */
  readonly quote: CorpusQuote;
  readonly message: string;
  /** The other versions concerned, the first the one to compare with. */
  readonly others: readonly CorpusQuote[];
}

/** How a version names its article: the outlet where the text gives one, else the headline, shortened. */
export function articleName(d: Pick<DocumentAnalysis, 'source' | 'title'>): string {
  return d.source ?? truncate(d.title, 48);
}

/** Words that open a speaker described rather than named ("A spokesperson for…", "The ministry"). */

/**
 * Who a version's speaker is, as far as versions can be compared: the entity when the speaker is one,
 * else the last word of a name. A description, a pronoun or no speaker says nothing either way.
 */
function speakerKey(corpus: Corpus, q: CorpusQuote): { key: string; name: string } | null {
  const entity = q.speakerEntity ? corpus.entity(q.speakerEntity) : undefined;
  const name = (entity?.name ?? q.speaker?.name ?? '').replace(/\s+/g, ' ').trim();
  if (!name || !/^\p{Lu}/u.test(name) || DESCRIPTION.test(name)) return null;
  const words = name.split(' ');
  return { key: words[words.length - 1].toLowerCase().replace(/['’]s$/, ''), name };
}

/** A version's speaker as flags compare them: named (a key to tell people apart) or described by a role. */
interface Attribution {
  readonly quote: CorpusQuote;
  readonly name: string;
  /** Surname or entity key of a named speaker; null for a role. */
  readonly key: string | null;
  /** The entity of a named speaker who is one. */
  readonly entity: string | null;
  /** The head of a role ("spokesperson"); null for a named speaker. */
  readonly role: string | null;
}

function attributionOf(corpus: Corpus, q: CorpusQuote): Attribution | null {
  const named = speakerKey(corpus, q);
  if (named) return { quote: q, name: named.name, key: named.key, entity: q.speakerEntity, role: null };
  const name = q.speaker?.name.replace(/\s+/g, ' ').trim() ?? '';
  const role = q.speaker && q.speaker.mention === null ? roleHead(name) : null;
  return role ? { quote: q, name, key: null, entity: null, role } : null;
}

/** Whether two versions' speakers cannot be the same: two different names, or a person and a role not theirs. */
function disagree(a: Attribution, b: Attribution, roles: PersonRoles): boolean {
  if (a.key !== null && b.key !== null) return a.key !== b.key;
  const [person, role] = a.key !== null ? [a, b] : [b, a];
  if (person.key === null || role.role === null || person.entity === null) return false;
  return roles.contradicts(role.role, person.entity);
}

function attributionFlags(corpus: Corpus, row: StatementRow, docName: (uri: string) => string, of: (q: CorpusQuote) => boolean, roles: PersonRoles): QuoteFlag[] {
  const said: Attribution[] = [];
  for (const cell of row.carried) {
    const a = cell.quote ? attributionOf(corpus, cell.quote) : null;
    if (a) said.push(a);
  }
  if (said.length < 2 || said.every((s) => s.key === null)) return [];
  return said.filter((s) => of(s.quote)).map((s) => {
    const others = said.filter((o) => o !== s && disagree(s, o, roles));
    const where = others.slice(0, 2).map((o) => `to ${o.name} in ${docName(o.quote.uri)}`).join(', ');
    const more = others.length > 2 ? ` and ${others.length - 2} more` : '';
    return { kind: 'attribution' as const, quote: s.quote, message: `Attributed to ${s.name} here, ${where}${more}`, others: others.map((o) => o.quote) };
  }).filter((f) => f.others.length > 0);
}

/** A run of words that differ between two versions, with what each side says. */
export interface Change {
  readonly here: string;
  readonly there: string;
}

/**
 * The part of a diff both versions report: without what only one side has before the first common
 * word or after the last (a version that starts later or stops earlier says less, not something else).
 */
export function sharedStretch(diff: readonly DiffPart[]): DiffPart[] {
  let first = diff.findIndex((p) => p.op === 'common' && p.text.trim() !== '');
  if (first < 0) return diff.slice();
  let last = diff.length - 1;
  while (last > first && !(diff[last].op === 'common' && diff[last].text.trim() !== '')) last--;
  // A substitution at either end (both sides differ there) is kept: it is a change, not a cut.
  const lead = diff.slice(0, first);
  const tail = diff.slice(last + 1);
  const both = (ps: DiffPart[]): boolean => ps.some((p) => p.op === 'from') && ps.some((p) => p.op === 'to');
  if (both(lead)) first = 0;
  const end = both(tail) ? diff.length : last + 1;
  return diff.slice(first, end);
}

/** The runs of words that differ within the stretch both versions report. */
export function changes(diff: readonly DiffPart[]): Change[] {
  const out: Change[] = [];
  let here = '';
  let there = '';
  for (const p of sharedStretch(diff)) {
    if (p.op === 'common') {
      if (here.trim() || there.trim()) out.push({ here: here.trim(), there: there.trim() });
      here = '';
      there = '';
    } else if (p.op === 'from') here += ` ${p.text}`;
    else there += ` ${p.text}`;
  }
  if (here.trim() || there.trim()) out.push({ here: here.trim(), there: there.trim() });
  return out;
}

const NUMBER_WORDS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
  'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'percent', 'twice', 'double', 'triple']);
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot']);
const MODALS = new Set(['will', 'would', 'shall', 'should', 'must', 'can', 'could', 'may', 'might', "'ll", 'ought']);
const DEGREES = new Set(['all', 'every', 'only', 'most', 'least', 'more', 'less', 'fewer', 'best', 'worst', 'largest', 'biggest',
  'greatest', 'highest', 'lowest', 'smallest', 'first', 'last', 'always', 'entire', 'whole', 'leading', 'major', 'minor']);

/** What kinds of meaning-bearing words a run holds, each kind with its words. */
function meaningWords(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (kind: string, w: string): void => {
    let s = out.get(kind);
    if (!s) out.set(kind, (s = new Set()));
    s.add(w);
  };
  for (const raw of text.replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? []) {
    const w = raw.toLowerCase();
    if (/\d/.test(w) || NUMBER_WORDS.has(w)) add('number', w);
    if (NEGATIONS.has(w) || w.endsWith("n't")) add('negation', w.endsWith("n't") ? 'not' : w);
    if (MODALS.has(w) || w === "won't" || w === "can't" || w === "shouldn't" || w === "wouldn't" || w === "couldn't") add('modal', w.replace(/n't$/, '').replace(/^wo$/, 'will').replace(/^ca$/, 'can'));
    if (DEGREES.has(w)) add('degree', w);
  }
  return out;
}

/** The names a quote holds (capitalised words inside a sentence, acronyms), normalised. */
export function namesOf(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.name).map((w) => w.norm));
}

/** Names one side of a change holds that the other version lacks altogether. */
function namesChanged(text: string, ownNames: ReadonlySet<string>, otherNames: ReadonlySet<string>): boolean {
  return wordForms(text).some((w) => ownNames.has(w.norm) && !otherNames.has(w.norm));
}

const KIND_WORDS: Record<string, string> = { number: 'a number', negation: 'a negation', modal: 'a modal verb', degree: 'a degree', name: 'a name' };

/** The words of each kind that a text holds, as one comparable string per kind. */
function kindWords(text: string): Map<string, string> {
  return new Map([...meaningWords(text)].map(([k, set]) => [k, [...set].sort().join(' ')]));
}

/**
 * What a version changes relative to another, given the diff from it to the other: the kinds of
 * meaning-bearing words (numbers, negations, modals, degrees) whose words differ over the stretch both
 * report (and over the whole versions: words moved are not changed), and names that one has there
 * and the other lacks altogether (`names`: each version's, this one's first). Each kind comes with
 * the first run of words that changes it.
 */
export function alterations(diff: readonly DiffPart[], names?: readonly [ReadonlySet<string>, ReadonlySet<string>]): { kind: string; change: Change }[] {
  const runs = changes(diff);
  if (runs.length === 0) return [];
  const runKinds = runs.map((c) => [kindWords(c.here), kindWords(c.there)] as const);
  const out: { kind: string; change: Change }[] = [];
  // Most rewordings change no number, negation, modal or degree: the whole versions are read only
  // when a run of changed words holds one.
  if (runKinds.some(([a, b]) => a.size > 0 || b.size > 0)) out.push(...kindAlterations(diff, runs, runKinds));
  if (names && !sameSet(names[0], names[1])) {
    const change = runs.find((c) => namesChanged(c.here, names[0], names[1]) || namesChanged(c.there, names[1], names[0]));
    if (change) out.push({ kind: 'name', change });
  }
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function kindAlterations(diff: readonly DiffPart[], runs: readonly Change[], runKinds: readonly (readonly [Map<string, string>, Map<string, string>])[]): { kind: string; change: Change }[] {
  const side = (parts: readonly DiffPart[], op: DiffPart['op']): Map<string, string> =>
    kindWords(parts.filter((p) => p.op === 'common' || p.op === op).map((p) => p.text).join(' '));
  const stretch = sharedStretch(diff);
  const [here, there] = [side(stretch, 'from'), side(stretch, 'to')];
  // Words moved rather than changed ("it would be hard" / "it would struggle") differ in no run's
  // kind once the whole versions are compared.
  const [allHere, allThere] = [side(diff, 'from'), side(diff, 'to')];
  const out: { kind: string; change: Change }[] = [];
  for (const kind of ['number', 'negation', 'modal', 'degree']) {
    if ((here.get(kind) ?? '') === (there.get(kind) ?? '')) continue;
    if ((allHere.get(kind) ?? '') === (allThere.get(kind) ?? '')) continue;
    // A number or a negation that one version has and the other lacks changes what was said; a modal
    // or a degree word alone does not ("will" / "is going to"), only one put for another.
    const both = kind === 'modal' || kind === 'degree';
    const change = runs.find((_, k) => {
      const [a, b] = [runKinds[k][0].get(kind) ?? '', runKinds[k][1].get(kind) ?? ''];
      return a !== b && (!both || (a !== '' && b !== ''));
    });
    if (change) out.push({ kind, change });
  }
  return out;
}

/** Versions a version is said to differ from, at most: enough to compare, few enough to read. */
const MAX_ALTERED_PER_QUOTE = 3;

function alteredFlags(corpus: Corpus, row: StatementRow, docName: (uri: string) => string, of: (q: CorpusQuote) => boolean): QuoteFlag[] {
  const names = new Map<string, Set<string>>();
  const namesOfQuote = (q: CorpusQuote): Set<string> => {
    let n = names.get(q.id);
    if (!n) names.set(q.id, (n = namesOf(q.text)));
    return n;
  };
  const carried = new Map<string, CorpusQuote>();
  for (const c of row.carried) if (c.quote) carried.set(c.quote.id, c.quote);
  const out: QuoteFlag[] = [];
  for (const q of carried.values()) {
    if (!of(q)) continue;
    let flagged = 0;
    // Each link of a quote starts at it, its diff's `from` words are the quote's own.
    for (const link of corpus.linksOf(q.id)) {
      const other = carried.get(link.to);
      if (!other || other.uri === q.uri || link.relation === 'identical') continue;
      const found = alterations(link.diff, [namesOfQuote(q), namesOfQuote(other)]);
      if (found.length === 0) continue;
      const { change } = found[0];
      const what = [...new Set(found.map((f) => KIND_WORDS[f.kind]))].join(' and ');
      const here = change.here ? `‘${truncate(change.here, 60)}’ here` : 'nothing here';
      const there = change.there ? `‘${truncate(change.there, 60)}’` : 'nothing';
      out.push({ kind: 'altered', quote: q, message: `Changes ${what}: ${here}, ${there} in ${docName(other.uri)}`, others: [other] });
      if (++flagged === MAX_ALTERED_PER_QUOTE) break;
    }
  }
  return out;
}

/**
 * Every flag of the statements in `cov`, or only those of the versions in the article `uri` (the
 * other versions are still compared with them, not flagged themselves).
 */
export function flags(corpus: Corpus, cov: Coverage = coverage(corpus), uri?: string): QuoteFlag[] {
  const names = new Map(cov.articles.map((d) => [d.uri, articleName(d)]));
  const docName = (u: string): string => names.get(u) ?? u;
  const of = (q: CorpusQuote): boolean => uri === undefined || q.uri === uri;
  const out: QuoteFlag[] = [];
  const roles = new PersonRoles(corpus);
  for (const row of cov.rows) {
    if (row.carriedBy === 1) {
      for (const q of row.quotes) if (of(q)) out.push({ kind: 'single-source', quote: q, message: 'No matching quote found in the other articles', others: [] });
      continue;
    }
    out.push(...attributionFlags(corpus, row, docName, of, roles), ...alteredFlags(corpus, row, docName, of));
  }
  return out;
}
