/**
 * What the tagger knows of a word on its own, whatever its context: its lower-case form, shape,
 * affixes, word classes and cue lists, hashed into features once per spelling and remembered. The
 * templates of every feature (`T`) are numbered here too.
 */
import { isOrgCue, isPlaceCue, isTitleHead, isTitleModifier } from './gazetteer';
import { hashString, mix } from './hash';
import { lowerOf, wordClasses } from './lexicon';

/** How a token is capitalised. */
export enum Case { None = 0, Lower = 1, Initial = 2, AllCaps = 3 }

/** What the tagger knows of a word out of context; cached per spelling. */
export interface WordInfo {
  /** The lower-cased, apostrophe-straightened spelling (`lowerOf`), one string for every token of it. */
  readonly lowerText: string;
  readonly lower: number;
  readonly shape: number;
  readonly caseOf: Case;
  readonly classes: string;
  /** Bits: the word ends organisations' names (1), places' names (2), is a title (4) or a title's qualifier (8). */
  readonly cues: number;
  /** Features of the word on its own, template-mixed, as written. */
  readonly own: Int32Array;
  /** What a decoder sums once per spelling (`paired.ts`), and the weights it summed. */
  sums: Int16Array | undefined;
  sumsOf: ArrayLike<number> | undefined;
}

/** Feature templates: each feature is a template's number mixed with what it observed. */
export const T = {
  bias: 1, word: 2, lower: 3, shape: 4, prefix: 5, suffix: 8, cls: 12, length: 13, acronym: 14, digits: 15,
  prev: 20, next: 21, prev2: 22, next2: 23, prevShape: 24, nextShape: 25, prevBigram: 26, nextBigram: 27,
  shapes3: 28, prevCls: 29, nextCls: 30, position: 31, line: 32, list: 33, docCase: 34, docPrev: 35,
  docFirst: 36, docLast: 37, docFirstCls: 38, trueWord: 39, truePrefix: 40, trueCls: 43, prevNext: 44,
  docNext: 45, lineShape: 46, prevCase: 47, nextCase: 48, cue: 49, prevCue: 50, priorOwn: 51, priorPrev: 52,
  priorNext: 53, priorSeen: 54, priorMajor: 55,
} as const;

/** Spellings seen, with what is known of them; emptied when it reaches a few megabytes' worth. */
const words = new Map<string, WordInfo>();
const MAX_WORDS = 50000;

function caseOfText(s: string): Case {
  let letters = 0;
  let upper = 0;
  let firstUpper = false;
  for (const ch of s) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lo === up) continue;
    if (letters === 0) firstUpper = ch === up;
    letters++;
    if (ch === up) upper++;
  }
  if (!letters) return Case.None;
  if (!firstUpper) return Case.Lower;
  return upper === letters && letters > 1 ? Case.AllCaps : Case.Initial;
}

function shapeOf(s: string): string {
  let shape = '';
  let last = '';
  for (const ch of s) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** What is known of a spelling out of context, computed once per spelling. */
export function info(text: string): WordInfo {
  const hit = words.get(text);
  if (hit) return hit;
  const lowerText = lowerOf(text);
  const lower = hashString(lowerText);
  const shapeText = shapeOf(text);
  const shape = hashString(shapeText);
  const classes = wordClasses(lowerText);
  const own: number[] = [mix(T.word, hashString(text)), mix(T.lower, lower), mix(T.shape, shape)];
  const chars = [...lowerText];
  for (let k = 1; k <= 3; k++) {
    if (chars.length > k) {
      own.push(mix(T.prefix + k - 1, hashString(chars.slice(0, k).join(''))));
      own.push(mix(T.suffix + k - 1, hashString(chars.slice(-k).join(''))));
    }
  }
  if (chars.length > 4) own.push(mix(T.suffix + 3, hashString(chars.slice(-4).join(''))));
  for (const c of classes) own.push(mix(T.cls, c.charCodeAt(0)));
  if (!classes) own.push(mix(T.cls, 0));
  own.push(mix(T.length, Math.min(chars.length, 12)));
  if (/^(?:\p{L}\.)+$/u.test(text)) own.push(mix(T.acronym, 1));
  if (/\d/.test(text)) own.push(mix(T.digits, /^\d+$/.test(text) ? Math.min(text.length, 5) : 9));
  const cues = (isOrgCue(lowerText) ? 1 : 0) | (isPlaceCue(lowerText) ? 2 : 0) | (isTitleHead(lowerText) ? 4 : 0) | (isTitleModifier(lowerText) ? 8 : 0);
  for (let b = 0; b < 4; b++) if (cues & (1 << b)) own.push(mix(T.cue, b));
  const w: WordInfo = { lowerText, lower, shape, caseOf: caseOfText(text), classes, cues, own: Int32Array.from(own), sums: undefined, sumsOf: undefined };
  if (words.size >= MAX_WORDS) words.clear();
  words.set(text, w);
  return w;
}

/**
 * Forgets what each spelling's decoder sums were computed from (`paired.ts`), so that no cached sum
 * keeps an old model's table alive once another is read (`adoptModelTable`).
 */
export function forgetSums(): void {
  for (const w of words.values()) {
    w.sums = undefined;
    w.sumsOf = undefined;
  }
}
