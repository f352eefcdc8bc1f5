/**
 * Remarks listed under a line that names who made them: a wire service's "what officials said" page
 * gives a heading per speaker (`ANDREW BAILEY, BANK OF ENGLAND GOVERNOR`, `Powell:`), topic lines
 * under it (`On inflation:`), then one bare quotation a paragraph, with no reporting verb anywhere.
 * Each of those quotations is said by the person the heading names.
 */
import type { QuoteSpan, SpeakerRef } from '../types';
import type { DocumentView } from './context';
import { LISTED_UNDER_HEADING } from './confidence';
import { opensAt } from './speakers-grammar';
import type { Subjects } from './speakers-subjects';

/** How many paragraphs above a listed remark its heading is looked for. */
const MAX_ITEMS = 24;

/** The most words a heading naming a speaker has: a name and a role, not a sentence. */
const HEADING_WORDS = 12;

/** The most words a topic line under a heading has (`On the direction of inflation:`). */
const TOPIC_WORDS = 8;

/** Nouns a heading uses for a list of what someone said. */
const LIST_NOUNS = new Set(['quotes', 'remarks', 'highlights', 'takeaways', 'comments', 'soundbites']);

/** The most characters a lead before a listed quote takes (`Asked if rates would fall: “…”`). */
const LEAD_CHARS = 120;

/**
 * The speaker of a quote that stands alone as an item of a list of remarks, from the heading above the
 * list that names one person; null when the quote is not such an item, or when a paragraph of prose,
 * or a heading that names nobody, stands between it and a named heading.
 */
export function listedUnder(doc: DocumentView, subjects: Subjects, q: QuoteSpan): SpeakerRef | null {
  if (q.depth > 0 || !isItem(doc, q.paragraph)) return null;
  for (let p = q.paragraph - 1; p >= 0 && p >= q.paragraph - MAX_ITEMS; p--) {
    if (isItem(doc, p)) continue;
    const line = lineOf(doc, p);
    if (line === null) return null;
    const words = line.split(/\s+/).length;
    const people = doc.mentionsIn(doc.paras[p].start, doc.paras[p].end).filter((m) => doc.mentions[m].type === 'person');
    if (people.length === 0) {
      if (isSpeechHeading(line, words)) return aboutPerson(doc, subjects, p - 1);
      if (line.endsWith(':') && words <= TOPIC_WORDS) continue;
      return null;
    }
    if (people.length > 1 || words > HEADING_WORDS || /[.!?]$/.test(line)) return null;
    const ref = subjects.mentionRef(people[0], doc.mentions[people[0]], 'colon');
    return { ...ref, span: { start: doc.mentions[people[0]].start, end: doc.mentions[people[0]].end }, confidence: LISTED_UNDER_HEADING };
  }
  return null;
}

/**
 * Whether a heading names a list of remarks without naming whose they are (`Key quotes`, `Main
 * quotes:`, `Highlights from the press conference`): a short line, not a sentence, with a noun for
 * words said.
 */
function isSpeechHeading(line: string, words: number): boolean {
  if (words > TOPIC_WORDS || /[.!?]$/.test(line)) return false;
  return line.toLowerCase().split(/[^\p{L}]+/u).some((w) => LIST_NOUNS.has(w));
}

/**
 * The speaker of a list of remarks whose heading names nobody: the one person the paragraph before the
 * heading names (`Fed Chair Jerome Powell is explaining the decision.`), as a reader takes the list to
 * be that person's words; null when that paragraph names nobody or several people.
 */
function aboutPerson(doc: DocumentView, subjects: Subjects, p: number): SpeakerRef | null {
  if (p < 0) return null;
  const people = doc.mentionsIn(doc.paras[p].start, doc.paras[p].end).filter((m) => doc.mentions[m].type === 'person');
  if (people.length === 0) return null;
  const refs = people.map((m) => subjects.mentionRef(m, doc.mentions[m], 'colon'));
  if (refs.some((r) => r.name !== refs[0].name)) return null;
  return { ...refs[0], confidence: LISTED_UNDER_HEADING };
}

/** The paragraph's text on one line, or null when it runs over several lines (prose, not a heading). */
function lineOf(doc: DocumentView, p: number): string | null {
  const line = doc.text.slice(doc.paras[p].start, doc.paras[p].end).trim();
  return line.length === 0 || line.includes('\n') ? null : line;
}

/**
 * Whether paragraph `p` is one item of a list of remarks: a quotation opening it (after a bullet, if
 * any), or after a short lead ending in a colon, that runs to the paragraph's end.
 */
function isItem(doc: DocumentView, p: number): boolean {
  const para = doc.paras[p];
  const text = doc.text;
  let end = para.end;
  while (end > para.start && /\s/.test(text[end - 1])) end--;
  const quote = doc.quoteAt(end - 1);
  if (!quote || quote.end < end || quote.start < para.start) return false;
  if (opensAt(text, para, quote.start)) return true;
  const lead = text.slice(para.start, quote.start).trimEnd();
  return lead.length <= LEAD_CHARS && lead.endsWith(':') && !lead.includes('\n');
}

/** Words of page furniture an all-capital label may be made of, never a speaker's name. */
const FURNITURE = new Set(['breaking', 'news', 'update', 'updates', 'watch', 'live', 'read', 'more', 'also', 'exclusive', 'video', 'photos', 'opinion', 'analysis', 'related', 'advertisement', 'editor', 'note']);

/** Small words of a heading in capitals that a name does not hold ("WHAT THEY SAID", "THE DAY IN BRIEF"). */
const HEADING_WORDS_NOT_NAMES = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'what', 'who', 'how', 'why', 'they', 'we', 'you', 'he', 'she', 'said', 'says', 'is', 'are', 'was']);

/** Words the name at the head of an all-capital label has: a given name and a surname, an initial perhaps. */
const LABEL_NAME_WORDS = [2, 4] as const;

/** Characters an all-capital label before a quote takes at most: a name, a role and a body. */
const LABEL_CHARS = 120;

/**
 * `NARENDRA MODI, PRIME MINISTER, INDIA "This is a victory cry of new India."`: a factbox of reactions
 * puts an all-capital label before each bare quote, in the same paragraph, right after the paragraph's
 * start or the quote before. The label's head names the speaker, given as a reader writes it.
 */
export function capitalLabel(doc: DocumentView, quotes: readonly QuoteSpan[], i: number): SpeakerRef | null {
  const q = quotes[i];
  if (q.depth > 0) return null;
  const para = doc.paras[q.paragraph];
  if (!para) return null;
  let from = para.start;
  for (let k = i - 1; k >= 0; k--) {
    if (quotes[k].depth > 0) continue;
    if (quotes[k].paragraph === q.paragraph && quotes[k].outer.end <= q.outer.start) from = Math.max(from, quotes[k].outer.end);
    break;
  }
  // A factbox that puts each label at the end of the paragraph before its quote's.
  if (!doc.text.slice(from, q.outer.start).trim() && q.paragraph > 0) {
    const before = doc.paras[q.paragraph - 1];
    return labelAt(doc, capitalTail(doc, before.start, before.end), before.end, true);
  }
  return labelAt(doc, capitalTail(doc, from, q.outer.start), q.outer.start, false);
}

/** Where the all-capital words ending at `to` begin, after the last quote mark or lower-case word from `from`. */
function capitalTail(doc: DocumentView, from: number, to: number): number {
  let k = to;
  while (k > from && k > to - LABEL_CHARS && !/[\p{Ll}"“”«»„]/u.test(doc.text[k - 1])) k--;
  return k;
}

/** The speaker an all-capital label from `from` to `to` names by its head, or null when it is no such label. */
function labelAt(doc: DocumentView, from: number, to: number, apart: boolean): SpeakerRef | null {
  if (to - from > LABEL_CHARS) return null;
  const raw = doc.text.slice(from, to);
  // A dateline ("NEW YORK (AP) —", "HONG KONG —") is no label: a label is a name and its role.
  if (/[–—]|\s-(?:\s|$)/u.test(raw.trim())) return null;
  const label = raw.replace(/[\s:]+$/u, '');
  if (!label.trim() || /\p{Ll}/u.test(label) || /[.!?]\s*$/.test(label.trim()) && !/\b\p{Lu}\.$/u.test(label.trim())) return null;
  const head = /^[\s:–—-]*([\p{Lu}][\p{Lu}.'’-]*(?:\s+[\p{Lu}][\p{Lu}.'’-]*)*)\s*(?:[,(]|$)/u.exec(label);
  if (!head) return null;
  const words = head[1].split(/\s+/);
  if (words.length < LABEL_NAME_WORDS[0] || words.length > LABEL_NAME_WORDS[1]) return null;
  // A heading in capitals ("KEY QUOTES", "WHAT THEY SAID", "THE DAY IN BRIEF") is no name.
  if (!words.some((w) => /\p{Lu}{3}/u.test(w)) || words.some((w) => FURNITURE.has(w.toLowerCase()) || LIST_NOUNS.has(w.toLowerCase()) || HEADING_WORDS_NOT_NAMES.has(w.toLowerCase()))) return null;
  // The label is its raw text less a tail of spaces and colons: the head stands at one offset in both.
  const at = label.indexOf(head[1]);
  const start = from + at;
  const m = doc.mentionAt(start);
  // A place or a body with no role after it is no speaker's name ("HONG KONG “…”"): in capitals the
  // recogniser's types are a guess. A label on a line of its own ("KREMLIN RESPONDS", "MARKET
  // REACTION") is a heading unless a role follows or the name is a person's.
  const role = label.slice(at + head[1].length).trim().startsWith(',');
  if (m >= 0 && doc.mentions[m].type !== 'person' && !role) return null;
  if (apart && !role && !(m >= 0 && doc.mentions[m].type === 'person')) return null;
  const name = words.map((w) => w.toLowerCase().replace(/(^|[-'’.])(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase())).join(' ');
  return { name, span: { start, end: start + head[1].length }, mention: m >= 0 ? m : null, via: 'colon', confidence: LISTED_UNDER_HEADING };
}
