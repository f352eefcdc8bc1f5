import type { RawMention } from '../types';

/** Nouns that introduce a relative by name ("his wife, Maggie Murdaugh", "their youngest son, Paul"). */
const KIN = new Set([
  'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'brother', 'brothers', 'sister', 'sisters', 'mother',
  'father', 'parents', 'children', 'child', 'widow', 'widower', 'grandson', 'granddaughter', 'grandfather',
  'grandmother', 'nephew', 'niece', 'cousin', 'uncle', 'aunt', 'stepson', 'stepdaughter', 'twin', 'spouse',
  'stepfather', 'stepmother', 'fiancée', 'fiancé', 'fiancee', 'fiance',
]);

/**
 * A head of state's or government's spouse, named by the office ("President Trump and first lady Melania
 * Trump"): a relative only where the article names another person of that surname, the leader.
 */
const SPOUSE_OF_OFFICE = /^(?:lady|gentleman)$/;

/** Words that may stand between a kin noun and the name: ages, birth order, "late", a comma. */
const BETWEEN = /^(?:,|\d+-year-old|youngest|younger|eldest|elder|oldest|older|late|then|estranged|slain|only|beloved)$/i;

/** How many characters before a name are read for its kin noun. */
const KIN_REACH = 48;

/**
 * The person mentions of full names that a document gives as someone's relatives: named after a kin
 * noun ("their youngest son, 22-year-old Paul Murdaugh") or sharing a surname with a forename joined
 * to them ("Maggie and Paul Murdaugh"). A bare surname in the same article stands for the principal,
 * whom news calls by surname, not for the relatives, whom it calls by their forenames.
 */
export function relativesOf(text: string, mentions: readonly RawMention[]): Set<number> {
  const out = new Set<number>();
  mentions.forEach((m, i) => {
    if (m.type !== 'person' || !/\s/.test(m.text.trim())) return;
    const before = text.slice(Math.max(0, m.start - KIN_REACH), m.start);
    const words = before.match(/[\p{L}\p{N}'’-]+|,/gu) ?? [];
    let k = words.length - 1;
    while (k >= 0 && BETWEEN.test(words[k]!)) k--;
    if (k >= 0 && KIN.has(words[k]!.toLowerCase())) out.add(i);
    else if (k >= 1 && SPOUSE_OF_OFFICE.test(words[k]!.toLowerCase()) && words[k - 1]!.toLowerCase() === 'first' && sharesSurname(text, mentions, i)) out.add(i);
    else if (/(?:^|[^\p{L}])\p{Lu}[\p{Ll}'’-]+ and $/u.test(before) && mentions[i - 1]?.type === 'person' && !/\s/.test(mentions[i - 1]!.text.trim())) out.add(i);
  });
  return out;
}

/**
 * Whether the article names the leader of person mention `i`'s surname: another person of that surname
 * by a full name of their own ("Donald Trump"), or by an office before it ("President Trump").
 */
function sharesSurname(text: string, mentions: readonly RawMention[], i: number): boolean {
  const words = (m: RawMention): string[] => m.text.trim().toLowerCase().split(/\s+/);
  const own = words(mentions[i]!);
  const surname = own[own.length - 1];
  return mentions.some((m, k) => {
    if (k === i || m.type !== 'person') return false;
    const w = words(m);
    if (w[w.length - 1] !== surname) return false;
    if (w.length > 1) return w.join(' ') !== own.join(' ');
    return LEADER_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start));
  });
}

/** Offices of a leader right before a bare surname ("President Trump", "Prime Minister Abe"). */
const LEADER_BEFORE = /(?:president|prime minister|premier|chancellor|king|governor|mayor)\s+$/i;
