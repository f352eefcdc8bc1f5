/**
 * Whether a role given as a statement's speaker can be the person other articles name for it. "A State
 * Department spokesperson" cannot be Antony Blinken, whom the articles call Secretary of State; "the
 * US secretary of state" can. A person's roles are the titles the articles give them (before the name,
 * or set off beside it), over every article that names them.
 */
import type { Corpus } from '../corpus';
import { isPersonRole, roleWord } from '../quotes/speakers-grammar';
import { GENERIC_HEADS, titlesOf } from '../quotes/speakers-roles';

/** Descriptions, as opposed to names, of a speaker. */
export const DESCRIPTION = /^(?:a|an|the|one|some|his|her|their|its)\b/i;

/** A past office ("the former prime minister") is not a role a person holds now, nor one to contradict. */
const PAST = /\b(?:former|ex|ex-\p{L}+|onetime|then)\b/iu;

/**
 * The role a described speaker holds, by its head word ("spokesperson" in "a State Department
 * spokesperson"); null when the description names no single person's present role, or one any
 * person heading a body may hold.
 */
export function roleHead(name: string): string | null {
  if (!DESCRIPTION.test(name) || PAST.test(name)) return null;
  const words = name.split(/\s+/);
  for (let k = words.length - 1; k > 0; k--) {
    if (!isPersonRole(words[k])) continue;
    const head = roleWord(words[k]);
    // A head of any body ("the bank's chief") may be any leader the articles name.
    return GENERIC_HEADS.has(head) ? null : head;
  }
  return null;
}

/** The roles of the corpus's people, worked out on first use of each. */
export class PersonRoles {
  private readonly known = new Map<string, ReadonlySet<string>>();

  constructor(private readonly corpus: Corpus) {}

  /** The role words the articles give an entity, lower-case; empty when none gives it a title. */
  of(entityId: string): ReadonlySet<string> {
    let roles = this.known.get(entityId);
    if (roles) return roles;
    const byUri = new Map<string, number[]>();
    for (const m of this.corpus.mentionsOf(entityId)) {
      if (m.type !== 'person') continue;
      const list = byUri.get(m.uri);
      if (list) list.push(m.index);
      else byUri.set(m.uri, [m.index]);
    }
    const out = new Set<string>();
    for (const [uri, indices] of byUri) {
      const doc = this.corpus.document(uri);
      if (!doc) continue;
      for (const w of titlesOf(doc.text, doc.paragraphs, doc.quotes, doc.mentions, indices)) out.add(w);
    }
    this.known.set(entityId, (roles = out));
    return roles;
  }

  /**
   * Whether the role `head` says the speaker is someone other than the person `entityId`: the articles
   * give that person titles, and none of them is this role.
   */
  contradicts(head: string, entityId: string): boolean {
    const roles = this.of(entityId);
    return roles.size > 0 && !roles.has(head);
  }
}
