/**
 * From the tagger's names to the project's mentions. The tagger learned CoNLL-2003's conventions;
 * where the project's (CONVENTIONS.md) differ, they are applied here, on the name's tokens:
 *
 * - MISC (demonyms, events, nationalities) is never a mention.
 * - Seats of government that stand for a body are organisations ("the Kremlin"), not places.
 * - Titles, a leading article or preposition ("By" of a byline) and punctuation are not part of a
 *   name; particles before a family name are ("von der Leyen").
 * - A country or a national adjective before a government body is not part of the body's name
 *   ("US State Department" → place + organisation, "Chinese Foreign Ministry" → organisation).
 * - Names joined by a slash, or by a hyphen to a country, are separate mentions ("EPA/XINHUA",
 *   "China-US"); a hyphenated given name stays whole ("Son Heung-min").
 * - Capitals before a distribution notice's "OUT" ("CHINA OUT") name where a picture may not be
 *   printed, not what the story is about.
 */
import type { EntityType, RawMention } from '../types';
import { countryOf, isBody, isDemonym, isNationalDemonym, isPlaceName, isTitleHead, normalize } from './gazetteer';
import type { ConllType } from './labels';
import { wordClasses } from './lexicon';
import type { TaggedSpan } from './tagger';
import type { Sentence, Token } from './tokens';

const TYPE: Partial<Record<ConllType, EntityType>> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/** Last words of government bodies, before which a country or its adjective is no part of the name. */
const GOVERNMENT_HEADS = new Set([
  'ministry', 'department', 'office', 'embassy', 'consulate', 'government', 'army', 'navy', 'police', 'parliament',
  'senate', 'congress', 'treasury', 'cabinet', 'military', 'administration', 'forces', 'force', 'guard',
  'coastguard', 'mission', 'delegation', 'presidency', 'foreign',
]);

/** Words a name never starts with: a byline's "By", a headline's "In" or "And". */
const NEVER_FIRST = new Set(['by', 'in', 'at', 'for', 'from', 'with', 'and', 'or', 'of', 'to', 'on', 'as', 'a', 'an']);

/** Lower-case particles of family names ("von der Leyen", "van Gaal"), part of a person's name. */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten']);

/** Words that only qualify a title or a name from outside ("former Arsenal captain"). */
const OUTER_MODIFIERS = new Set(['former', 'acting', 'interim', 'late', 'then', 'ex']);

const PUNCT = /^[^\p{L}\p{N}]+$/u;

/** A mention before its confidence is attached, in token offsets of its sentence. */
interface Part {
  start: number;
  end: number;
  type: EntityType;
}

/** Mentions of one sentence, in the project's conventions, with the confidence of the name each comes from. */
export function sentenceMentions(text: string, sentence: Sentence, spans: readonly TaggedSpan[], confidence: (margin: number) => number): RawMention[] {
  const toks = sentence.tokens;
  const out: RawMention[] = [];
  for (const span of spans) {
    const type = TYPE[span.type];
    if (!type) continue;
    const c = Math.round(confidence(span.margin) * 1000) / 1000;
    for (const p of parts(toks, span.start, span.end, type)) {
      // "von der Leyen": particles before a person's name are part of it.
      while (p.type === 'person' && p.start > 0 && PARTICLES.has(toks[p.start - 1].text) && toks[p.start].start - toks[p.start - 1].end === 1) p.start--;
      let end = toks[p.end - 1].end;
      // "Son Heung-min": a short lower-case piece hyphenated to a person's name is part of it.
      if (p.type === 'person' && p.end + 1 < toks.length && toks[p.end].text === '-' && toks[p.end].start === end &&
        toks[p.end + 1].start === end + 1 && /^\p{Ll}{1,4}$/u.test(toks[p.end + 1].text)) end = toks[p.end + 1].end;
      const start = toks[p.start].start;
      out.push({ start, end, text: text.slice(start, end), type: p.type, confidence: c });
    }
  }
  return out;
}

function parts(toks: readonly Token[], start: number, end: number, type: EntityType): Part[] {
  let s = start;
  let e = end;
  while (s < e && PUNCT.test(toks[s].text)) s++;
  while (e > s && (PUNCT.test(toks[e - 1].text) || /^['’]s$/i.test(toks[e - 1].text))) e--;
  if (s >= e || (toks.slice(s, e).every((t) => !/\p{Ll}/u.test(t.text)) && isNotice(toks, e))) return [];
  // Names joined by a hyphen or slash are two.
  const out: Part[] = [];
  let from = s;
  for (let i = s + 1; i < e - 1; i++) {
    if (splitsAt(toks, i)) {
      out.push(...trimmed(toks, from, i, type));
      from = i + 1;
    }
  }
  out.push(...trimmed(toks, from, e, type));
  return out;
}

/**
 * A slash always separates names; a hyphen does when a country stands on one side ("China-US"). Other
 * hyphenated names ("Anne-Gaelle Sidot", "Biden-Xi") are left to the tagger, which learned both kinds.
 */
function splitsAt(toks: readonly Token[], i: number): boolean {
  if (toks[i].text === '/') return /^\p{Lu}/u.test(toks[i + 1].text);
  if (toks[i].text !== '-' || toks[i].start !== toks[i - 1].end) return false;
  return countryOf(toks[i - 1].text) !== undefined || countryOf(toks[i + 1].text) !== undefined;
}

function trimmed(toks: readonly Token[], start: number, end: number, type: EntityType): Part[] {
  let s = start;
  const lower = (i: number): string => normalize(toks[i].text);
  while (s < end - 1 && (OUTER_MODIFIERS.has(lower(s)) || (lower(s + 1) === '-' && OUTER_MODIFIERS.has(lower(s))))) s += lower(s + 1) === '-' ? 2 : 1;
  while (s < end - 1 && NEVER_FIRST.has(lower(s)) && /^\p{Lu}\p{Ll}*$/u.test(toks[s].text)) s++;
  if (lower(s) === 'the' && end - s > 1 && !isPlaceName(toks.slice(s, end).map((t) => t.text).join(' '))) s++;
  if (type === 'person') {
    while (s < end - 1 && isTitle(toks[s].text)) s++;
  }
  if (s >= end) return [];
  const words = toks.slice(s, end).map((t) => t.text);
  if (isDemonym(words.join(' '))) return [];
  // CoNLL calls the Kremlin and the Pentagon places; here they are the bodies they stand for.
  if (type === 'place' && isBody(words.join(' '))) return [{ start: s, end, type: 'organization' }];
  if (type === 'organization' && end - s > 1 && GOVERNMENT_HEADS.has(lower(end - 1))) {
    if (isNationalDemonym(toks[s].text)) return [{ start: s + 1, end, type }];
    for (let n = Math.min(3, end - s - 1); n >= 1; n--) {
      if (countryOf(words.slice(0, n).join(' ').replace(/ \./g, '.'))) return [{ start: s, end: s + n, type: 'place' }, { start: s + n, end, type }];
    }
  }
  return [{ start: s, end, type }];
}

function isTitle(word: string): boolean {
  if (isTitleHead(word) || isTitleHead(`${word}.`)) return true;
  return wordClasses(normalize(word).replace(/\.$/, '')).includes('h');
}

/** True when the capitals ending at token `end` run into a distribution notice's "OUT". */
function isNotice(toks: readonly Token[], end: number): boolean {
  for (let i = end; i < toks.length; i++) {
    const t = toks[i].text;
    if (t === 'OUT') return true;
    if (!/^[\p{Lu}\d&.]+$/u.test(t)) return false;
  }
  return false;
}

