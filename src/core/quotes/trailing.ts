import { isSpaceCode, isUpper } from '../text/chars';
import { tokenize } from '../text/words';
import { DETERMINERS, isRoleModifier, isRoleNoun, mayStandBeforeVerb, PERSON_PRONOUNS, reportingVerb } from './lexicon';

/** How far back the last sentence of an unclosed quote is looked for. */
const TAIL_WINDOW = 160;

/**
 * Where a bare attribution closing an unclosed quote begins ("… in both Ukraine and Europe. The speaker
 * said."), or null. A writer who forgot the closing mark still wrote who spoke, and that sentence is
 * not quoted speech: a short last sentence made of a speaker (a capitalised name, a role, he or she),
 * a reporting verb and at most a few words ("told reporters"), with no "that" introducing new words.
 */
export function trailingAttributionStart(text: string, from: number, to: number): number | null {
  let end = to;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] !== '.') return null;
  const windowStart = Math.max(from, end - TAIL_WINDOW);
  let start = -1;
  for (let k = end - 2; k > windowStart; k--) {
    if ('.!?'.includes(text[k]) && isSpaceCode(text.charCodeAt(k + 1))) {
      let s = k + 1;
      while (s < end && isSpaceCode(text.charCodeAt(s))) s++;
      if (isUpper(text[s])) start = s;
      break;
    }
  }
  if (start < 0) return null;
  const words = tokenize(text, start, end - 1);
  if (words.some((t) => t.kind !== 'word') || words.length > 10) return null;
  const verbAt = words.findIndex((t) => reportingVerb(t.text) === 'finite');
  if (verbAt < 1 || words.length - verbAt - 1 > 4) return null;
  if (words.slice(verbAt + 1).some((t) => t.text.toLowerCase() === 'that')) return null;
  let k = verbAt - 1;
  while (k > 0 && mayStandBeforeVerb(words[k].text)) k--;
  const subject = words.slice(0, k + 1);
  if (subject.length === 1 && PERSON_PRONOUNS.has(subject[0].text.toLowerCase())) return start;
  const speakerLike = subject.every(
    (t) => isUpper(t.text[0]) || DETERMINERS.has(t.text.toLowerCase()) || isRoleNoun(t.text) || isRoleModifier(t.text),
  );
  const first = subject[0].text.toLowerCase();
  if (!speakerLike || first === 'i' || first === 'we' || first === 'you' || first === 'they' || first === 'it') return null;
  return start;
}
