import { diffArrays } from 'diff';
import type { DiffPart } from '../types';
import { wordForms, type WordForm } from './text';

/** Runs of an alignment between the words of two texts: `common`, or only in `from` / only in `to`. */
export type Alignment = readonly { readonly op: DiffPart['op']; readonly count: number }[];

/**
 * Aligns the words of two texts (the `diff` package's array diff over normalised words, so case,
 * curly apostrophes and British spellings do not show as differences).
 */
export function alignWords(from: readonly WordForm[], to: readonly WordForm[]): Alignment {
  const changes = diffArrays(from.map((w) => w.norm), to.map((w) => w.norm));
  return changes.map((c) => ({ op: c.added ? 'to' : c.removed ? 'from' : 'common', count: c.count }));
}

/**
 * Aligns two word sequences given as ids of their normalised forms (equal ids for equal forms): the
 * same alignment as `alignWords` on the words they stand for, without splitting the texts again.
 */
export function alignIds(from: ArrayLike<number>, to: ArrayLike<number>): Alignment {
  const changes = diffArrays(Array.from(from), Array.from(to));
  return changes.map((c) => ({ op: c.added ? 'to' : c.removed ? 'from' : 'common', count: c.count }));
}

/**
 * Renders an alignment as display runs. Each run carries its words with the punctuation and spaces
 * that follow them, so the `common` and `from` runs put together give back the `from` text, and the
 * `common` and `to` runs give back the `to` text up to the spelling of common words, which is the
 * `from` side's. Pass `mirrored` when rendering a mirrored alignment.
 */
export function renderAlignment(
  alignment: Alignment,
  fromText: string,
  fromWords: readonly WordForm[],
  toText: string,
  toWords: readonly WordForm[],
  mirrored = false,
): DiffPart[] {
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  const slice = (text: string, ws: readonly WordForm[], k: number, count: number): string => {
    const start = k === 0 ? 0 : ws[k].start;
    const end = k + count < ws.length ? ws[k + count].start : text.length;
    return text.slice(start, end);
  };
  if (fromWords.length === 0 || toWords.length === 0) {
    if (fromText) parts.push({ op: 'from', text: fromText });
    if (toText) parts.push({ op: 'to', text: toText });
    return parts;
  }
  // A mirrored alignment lists each change's sides the other way round; differing gaps follow suit so
  // that the two views of a pair are exact mirrors.
  const pushPair = (fromPart: string, toPart: string): void => {
    if (mirrored) {
      push('to', toPart);
      push('from', fromPart);
    } else {
      push('from', fromPart);
      push('to', toPart);
    }
  };
  const push = (op: DiffPart['op'], text: string): void => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  };
  for (const { op, count } of alignment) {
    if (count === 0) continue;
    if (op === 'to') {
      push(op, slice(toText, toWords, j, count));
      j += count;
    } else if (op === 'from') {
      push(op, slice(fromText, fromWords, i, count));
      i += count;
    } else {
      // Common words keep the from side's spelling; where the punctuation or spacing between them
      // differs, each side's own goes in a from/to run so that both texts can be rebuilt.
      for (let k = 0; k < count; k++, i++, j++) {
        const fromGap = gapAfter(fromText, fromWords, i);
        const toGap = gapAfter(toText, toWords, j);
        const fromLead = i === 0 ? fromText.slice(0, fromWords[0].start) : '';
        const toLead = j === 0 ? toText.slice(0, toWords[0].start) : '';
        if (fromLead !== toLead) {
          pushPair(fromLead, toLead);
        } else {
          push('common', fromLead);
        }
        push('common', fromText.slice(fromWords[i].start, fromWords[i].end));
        if (fromGap === toGap) {
          push('common', fromGap);
        } else {
          pushPair(fromGap, toGap);
        }
      }
    }
  }
  return parts;
}

/** The punctuation and spacing between word `k` and the next word, or the end of the text. */
function gapAfter(text: string, ws: readonly WordForm[], k: number): string {
  return text.slice(ws[k].end, k + 1 < ws.length ? ws[k + 1].start : text.length);
}

/** Swaps the sides of an alignment: the diff from the other quote's point of view. */
export function mirrorAlignment(alignment: Alignment): Alignment {
  return alignment.map(({ op, count }) => ({ op: op === 'from' ? 'to' : op === 'to' ? 'from' : op, count }));
}

/** Word-level difference between two quote texts, ready for display. */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = wordForms(from);
  const b = wordForms(to);
  return renderAlignment(alignWords(a, b), from, a, to, b);
}

const OPS: readonly DiffPart['op'][] = ['common', 'from', 'to'];
/** Longest run one character of a packed alignment holds; longer runs take several characters. */
const MAX_PACKED_RUN = 0xffff >> 2;

/**
 * An alignment as a short string, one character per run (operation in the low two bits, count
 * above): an index keeps one per linked pair, and a string of a few characters is far smaller than
 * an array of run objects.
 */
export function packAlignment(alignment: Alignment): string {
  const codes: number[] = [];
  for (const { op, count } of alignment) {
    const code = OPS.indexOf(op);
    for (let left = count; left > 0; left -= MAX_PACKED_RUN) codes.push(code | (Math.min(left, MAX_PACKED_RUN) << 2));
  }
  return String.fromCharCode(...codes);
}

/** The alignment a `packAlignment` string stands for. */
export function unpackAlignment(packed: string): Alignment {
  const out: { op: DiffPart['op']; count: number }[] = [];
  for (let k = 0; k < packed.length; k++) {
    const code = packed.charCodeAt(k);
    out.push({ op: OPS[code & 3], count: code >> 2 });
  }
  return out;
}
