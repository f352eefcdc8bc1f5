import { isSpaceCode, isUpper } from '../text/chars';
import { tokenize } from '../text/words';
import { DETERMINERS, isRoleModifier, isRoleNoun, mayStandBeforeVerb, PERSON_PRONOUNS, reportingVerb } from './lexicon';

/** How far back the last sentence of an unclosed quote is looked for. */
const TAIL_WINDOW = 160;

/**
 * Where a bare attribution closing an unclosed quote begins, or null: a last sentence of its own ("… in
 * both Ukraine and Europe. The speaker said.") or a last clause after a comma ("… of his Church, Farrell
 * said in the announcement."). A writer who forgot the closing mark still wrote who spoke, and those
 * words are not quoted speech: a speaker (a capitalised name, a role, he or she), a reporting verb and
 * at most a few words ("told reporters"), with no "that" introducing new words. For the clause after a
 * comma, the comma's offset is returned.
 */
export function trailingAttributionStart(text: string, from: number, to: number): number | null {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] !== '.') return null;
  const windowStart = Math.max(from, end - TAIL_WINDOW);
  let start = -1;
  let comma = -1;
  for (let k = end - 2; k > windowStart; k--) {
    if (text[k] === ',' && comma < 0 && isSpaceCode(text.charCodeAt(k + 1))) comma = k;
    if ('.!?'.includes(text[k]) && isSpaceCode(text.charCodeAt(k + 1))) {
      let s = k + 1;
      while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
      if (isUpper(text[s])) start = s;
      break;
    }
  }
  if (start >= 0 && isAttribution(text, start, end)) return start;
  if (comma < 0) return null;
  let s = comma + 1;
  while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
  // After a comma, the speaker is a capitalised name or a role with its article, never a bare pronoun:
  // "…, he said." is as often a quote's own words ("I told him no, he said, and left").
  if (!isUpper(text[s]) || !isAttribution(text, s, end, false)) return null;
  // "… for privacy. Speaking on Monday, Farrell said.": a short lead of the writer's before the comma
  // makes the whole last sentence the writer's; other words before it are the quote's own.
  return start >= 0 && start < comma && writersLead(text, start, comma) ? start : comma;
}

/** Words a lead of the writer's before an attribution takes at most ("Speaking on Monday,"). */
const LEAD_WORDS = 5;

/** Whether the words from `start` to the comma at `comma` are a lead of the writer's: a participle's phrase, or one of time or place. */
function writersLead(text: string, start: number, comma: number): boolean {
  const words = tokenize(text, start, comma).filter((t) => t.kind === 'word');
  if (words.length === 0 || words.length > LEAD_WORDS) return false;
  return /^\p{Lu}\p{Ll}+ing$/u.test(words[0].text) || /^(?:In|On|At|After|Before|During|Later|Earlier|Meanwhile|Then|Asked|Yesterday|Today)$/.test(words[0].text);
}

/** Whether the words from `start` to the full stop at `end - 1` are a speaker, a reporting verb and a few words. */
function isAttribution(text: string, start: number, end: number, pronounAlone = true): boolean {
  const words = tokenize(text, start, end - 1);
  if (words.some((t) => t.kind !== 'word') || words.length > 10) return false;
  const verbAt = words.findIndex((t) => reportingVerb(t.text) === 'finite');
  if (verbAt < 1 || words.length - verbAt - 1 > 4) return false;
  if (words.slice(verbAt + 1).some((t) => t.text.toLowerCase() === 'that')) return false;
  let k = verbAt - 1;
  while (k > 0 && mayStandBeforeVerb(words[k].text)) k--;
  const subject = words.slice(0, k + 1);
  if (subject.length === 1 && PERSON_PRONOUNS.has(subject[0].text.toLowerCase())) return pronounAlone;
  const speakerLike = subject.every(
    (t) => isUpper(t.text[0]) || DETERMINERS.has(t.text.toLowerCase()) || isRoleNoun(t.text) || isRoleModifier(t.text),
  );
  const first = subject[0].text.toLowerCase();
  return speakerLike && first !== 'i' && first !== 'we' && first !== 'you' && first !== 'they' && first !== 'it';
}
