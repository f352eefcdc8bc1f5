/**
 * Raw article text into the tokens the tagger reads, split the way the CoNLL-2003 newswire it learned
 * from is split: punctuation on its own, possessive `'s` and `n't` split off, hyphens and slashes
 * between words as tokens of their own, full stops kept on abbreviations and initials ("Gov.", "J.",
 * "U.S."). Every token keeps its offsets into the source (UTF-16 indices), so a span of tokens is a
 * span of the text.
 */
import type { Span } from '../types';
import { sentenceSpans } from '../text/sentences';

/** One token of a sentence. */
export interface Token extends Span {
  readonly text: string;
}

/** A sentence as the tagger sees it. */
export interface Sentence {
  readonly tokens: readonly Token[];
}

/**
 * Words whose full stop belongs to them: titles, ranks, company forms, months and a few Latin
 * abbreviations. Lower case, without the stop.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'cmdr', 'cpl', 'pte', 'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'messrs', 'mme', 'mlle',
  'inc', 'ltd', 'co', 'corp', 'plc', 'dept', 'univ', 'assn', 'bros', 'cos', 'mt', 'ft',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'vs', 'v', 'etc', 'approx', 'est', 'ca', 'cf', 'al', 'pct',
]);

/**
 * One token: a link; letters-with-dots acronyms ("U.S.", "e.g."); a word or number with inner
 * apostrophes, dots, commas, colons or ampersands ("O'Neill", "AT&T", "1,000.5", "10:30") and an
 * optional full stop, decided on later; a run of dots; any other single character.
 */
const TOKEN = /https?:\/\/[^\s<>()"]+|www\.[^\s<>()"]+|(?:[\p{L}\p{M}]\.){2,}|[\p{L}\p{M}\p{N}]+(?:[.,:'’&][\p{L}\p{M}\p{N}]+)*\.?|['’][sS](?![\p{L}\p{N}])|\.{2,}|[^\s]/gu;

const CLITIC = /^(.+?)(['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu;

/** Tokens of `text` between `start` and `end`. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let word = m[0];
    let s = start + m.index;
    if (word.length > 1 && word.endsWith('.') && !/^(?:[\p{L}\p{M}]\.)+$/u.test(word) && !/^\.+$/.test(word)) {
      const bare = word.slice(0, -1);
      if (!keepsStop(bare)) {
        pushWord(out, bare, s);
        out.push({ text: '.', start: s + bare.length, end: s + word.length });
        continue;
      }
    }
    if (/^https?:|^www\./.test(word)) {
      // A link's last character is often the sentence's punctuation.
      const trail = /[.,;:!?'’]+$/.exec(word);
      if (trail) {
        out.push({ text: word.slice(0, -trail[0].length), start: s, end: s + word.length - trail[0].length });
        s += word.length - trail[0].length;
        word = trail[0];
        for (let i = 0; i < word.length; i++) out.push({ text: word[i], start: s + i, end: s + i + 1 });
        continue;
      }
      out.push({ text: word, start: s, end: s + word.length });
      continue;
    }
    pushWord(out, word, s);
  }
  return out;
}

function keepsStop(bare: string): boolean {
  if (/^[\p{L}]$/u.test(bare)) return true;
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** Splits off a clitic ("Blinken's" → "Blinken" "'s", "don't" → "do" "n't"). */
function pushWord(out: Token[], word: string, s: number): void {
  const c = CLITIC.exec(word);
  if (c && /[\p{L}\p{N}]/u.test(c[1])) {
    out.push({ text: c[1], start: s, end: s + c[1].length });
    out.push({ text: c[2], start: s + c[1].length, end: s + word.length });
    return;
  }
  out.push({ text: word, start: s, end: s + word.length });
}

/** Sentences of one paragraph, tokenised. Empty sentences are left out. */
export function paragraphSentences(text: string, para: Span): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentenceSpans(text, para)) {
    const tokens = tokenize(text, s.start, s.end);
    if (tokens.length) out.push({ tokens });
  }
  return out;
}
