/**
 * What an article says of a person's gender, for `he` and `she`: a title before the name ("Mr Bragg",
 * "Ms. Bowman", "Sir Keir") or a gendered role beside it ("spokeswoman Mao Ning", "Wes Moore, the
 * chairman,"); failing those, a given name that almost always names a man or a woman
 * (`./given-names`). A person it says both of, or nothing of and whose given name tells nothing, may
 * be either.
 */
import type { RawMention } from '../types';
import type { FullNames } from './names';
import { genderOfGivenName } from './given-names';
import { FOREIGN_HE, FOREIGN_SHE } from './lexicon';

export type Gender = 'm' | 'f';

/**
 * What the article tells of a person's gender: `m` or `f` in its own words (a title, a gendered role),
 * `m?` or `f?` only from a given name, which a reader assumes but which may mislead (a name borne by
 * both, a translation's pronouns): it rules the other gender out, without putting the person before
 * people the article tells nothing of.
 */
export type GenderCue = Gender | 'm?' | 'f?';

/** The gender a cue tells, told or assumed. */
export function genderOfCue(cue: GenderCue | undefined): Gender | undefined {
  return cue === undefined ? undefined : cue[0] === 'm' ? 'm' : 'f';
}

/** Titles and roles that, right before a name, tell the person's gender. */
const CUES = [
  'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'madam', 'spokesman',
  'spokeswoman', 'chairman', 'chairwoman', 'congressman', 'congresswoman', 'businessman', 'businesswoman', 'sportsman', 'sportswoman',
];

/**
 * A cue, then at most two capitalised words, right before a name. Case is spelt out rather than
 * ignored: with the `i` flag `\p{Lu}` takes any letter, and "a spokesman for Lopez" would make Lopez a man.
 */
const BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${CUES.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\\.?\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}$`,
  'u',
);

/** Roles set off right after a name (", a spokeswoman for", ", the chairman"). */
const AFTER = /^\s*,\s+(?:the|a|an)?\s*(?:[\p{L}-]+\s+){0,3}?(spokesman|spokeswoman|chairman|chairwoman|congressman|congresswoman|businessman|businesswoman)\b/iu;

const FEMALE = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'madam', 'spokeswoman', 'chairwoman', 'congresswoman', 'businesswoman', 'sportswoman']);

/** How many characters around a name are read for its title. */
const AROUND = 48;

/**
 * The gender each person has, by fullest name: the one the article gives by title or role, else the
 * one the given name tells; people it gives both are absent, and people with neither.
 */
export function gendersOf(text: string, mentions: readonly RawMention[], names: FullNames): Map<string, GenderCue> {
  const out = new Map<string, Gender | null>();
  mentions.forEach((m, i) => {
    if (m.type !== 'person') return;
    const cue = BEFORE.exec(text.slice(Math.max(0, m.start - AROUND), m.start))?.[1] ?? AFTER.exec(text.slice(m.end, m.end + AROUND))?.[1];
    if (!cue) return;
    const g: Gender = FEMALE.has(cue.toLowerCase()) ? 'f' : 'm';
    const name = names.of(i);
    const had = out.get(name);
    out.set(name, had === undefined || had === g ? g : null);
  });
  const sure = new Map<string, GenderCue>();
  for (const [name, g] of out) if (g) sure.set(name, g);
  // With no title or role of its own, a given name tells what a reader would assume ("Maria Lopez").
  mentions.forEach((m, i) => {
    if (m.type !== 'person') return;
    const name = names.of(i);
    if (out.has(name) || sure.has(name)) return;
    const g = genderOfGivenName(name);
    if (g) sure.set(name, g === 'm' ? 'm?' : 'f?');
  });
  return sure;
}

/** The gender a pronoun or possessive asks for (he or she of another language too), or null for any other word. */
export function genderOfPronoun(word: string): Gender | null {
  const w = word.toLowerCase();
  if (w === 'he' || w === 'his' || w === 'him' || FOREIGN_HE.has(w)) return 'm';
  if (w === 'she' || w === 'her' || w === 'hers' || FOREIGN_SHE.has(w)) return 'f';
  return null;
}

/**
 * The people a pronoun asking for gender `wanted` may stand for, in order: those the article gives
 * that gender in its own words are meant before the others; else those it tells nothing of or whose
 * given name has that gender, in their order; those it gives the other gender, in its words or by a
 * given name, never.
 */
export function agreeing(people: readonly number[], wanted: Gender | null, genderOf: (i: number) => GenderCue | undefined): readonly number[] {
  if (!wanted) return people;
  const told = people.filter((i) => genderOf(i) === wanted);
  if (told.length > 0) return told;
  return people.filter((i) => genderOf(i) === undefined || genderOf(i) === `${wanted}?`);
}

/**
 * As `agreeing`, in a sentence opening with a subordinate clause: a subject of its main clause that
 * may have the pronoun's gender comes before anyone named in the clause, whatever gender the article
 * gives them there ("After becoming the first manager since Sir Alex Ferguson to win …, Ten Hag struck
 * a note of defiance. … he said": Ten Hag). `inMainClause` says whether a person is such a subject.
 */
export function withMainSubject(
  people: readonly number[],
  wanted: Gender | null,
  genderOf: (i: number) => GenderCue | undefined,
  inMainClause: (i: number) => boolean,
): readonly number[] {
  const main = people.filter((i) => inMainClause(i) && (!wanted || (genderOfCue(genderOf(i)) ?? wanted) === wanted));
  return agreeing(main.length > 0 ? main : people, wanted, genderOf);
}
