/**
 * Applying a document's corrections to what its analysis found (`DocumentFacts`), before the document
 * joins the corpus: names removed, retyped or added, quotes removed, speakers set. The facts stay
 * consistent (mentions sorted and apart, each speaker's mention index pointing at the same name after
 * names are removed or added), so everything downstream works on them as on any analysis.
 */
import type { DocumentFacts } from '../corpus';
import type { QuoteSpan, RawMention, SpeakerRef, Span } from '../types';
import { locate } from './anchor';
import type { BoundCorrection, CorrectionKind, CorrectionOutcome, Place } from './types';

/** A document's facts after its corrections, and where they touched it. */
export interface CorrectedDocument {
  readonly facts: DocumentFacts;
  /** Quote index (in the corrected facts) → the kinds of correction that changed it. */
  readonly quoteMarks: ReadonlyMap<number, readonly CorrectionKind[]>;
  /** Mention index (in the corrected facts) → the kinds of correction that changed it. */
  readonly mentionMarks: ReadonlyMap<number, readonly CorrectionKind[]>;
  /** The quotes of this document that link and unlink corrections name: correction, which of its two quotes, quote index. */
  readonly quoteEnds: readonly { readonly index: number; readonly side: number; readonly quote: number }[];
  /** The names that split corrections take out of their entity: correction, mention index. */
  readonly splits: readonly { readonly index: number; readonly mention: number }[];
  /** What became of each correction of this document that could be decided here. */
  readonly outcomes: readonly CorrectionOutcome[];
}

interface MentionItem {
  mention: RawMention;
  /** Index in the uncorrected facts, or -1 for a name a correction added. */
  readonly old: number;
  kinds: CorrectionKind[];
}

interface QuoteItem {
  readonly quote: QuoteSpan;
  speaker: SpeakerRef | null;
  kinds: CorrectionKind[];
}

const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Applies the corrections that name the document `uri` (each correction's places with that uri). */
export function correctDocument(uri: string, text: string, facts: DocumentFacts, fixes: readonly BoundCorrection[]): CorrectedDocument {
  const outcomes: CorrectionOutcome[] = [];
  const report = (fix: BoundCorrection, status: CorrectionOutcome['status'], message: string): void => {
    outcomes.push({ index: fix.index, kind: fix.correction.kind, status, message });
  };
  const find = (place: Place): Span | null => locate(text, place.anchor);
  const gone = (place: Place): string => `“${short(place.anchor.exact)}” is no longer in ${place.article}`;

  let mentions: MentionItem[] = facts.mentions.map((mention, old) => ({ mention, old, kinds: [] }));
  for (const fix of fixes) {
    const c = fix.correction;
    if (c.kind !== 'not-an-entity' && c.kind !== 'change-type' && c.kind !== 'mark-as-entity') continue;
    const span = find(c.name);
    if (!span) {
      report(fix, 'lost', gone(c.name));
      continue;
    }
    const at = mentions.findIndex((m) => same(m.mention, span));
    if (c.kind === 'not-an-entity') {
      if (at >= 0) {
        mentions.splice(at, 1);
        report(fix, 'applied', `“${short(c.name.anchor.exact)}” is not a name`);
      } else if (mentions.some((m) => overlaps(m.mention, span))) report(fix, 'conflict', `the analysis now finds a different name at “${short(c.name.anchor.exact)}”`);
      else report(fix, 'unneeded', `the analysis no longer finds a name at “${short(c.name.anchor.exact)}”`);
    } else if (c.kind === 'change-type') {
      if (at < 0) report(fix, 'conflict', `the analysis no longer finds the name “${short(c.name.anchor.exact)}”`);
      else if (mentions[at]!.mention.type === c.type && mentions[at]!.kinds.length === 0) report(fix, 'unneeded', `“${short(c.name.anchor.exact)}” is already a ${c.type}`);
      else {
        const m = mentions[at]!;
        m.mention = { ...m.mention, type: c.type };
        m.kinds.push(c.kind);
        report(fix, 'applied', `“${short(c.name.anchor.exact)}” is a ${c.type}`);
      }
    } else {
      if (at >= 0 && mentions[at]!.mention.type === c.type) {
        report(fix, 'unneeded', `the analysis already finds the ${c.type} “${short(c.name.anchor.exact)}”`);
        continue;
      }
      mentions = mentions.filter((m) => !overlaps(m.mention, span));
      mentions.push({ mention: { start: span.start, end: span.end, text: text.slice(span.start, span.end), type: c.type, confidence: 1 }, old: -1, kinds: [c.kind] });
      report(fix, 'applied', `“${short(c.name.anchor.exact)}” is a ${c.type}`);
    }
  }
  mentions.sort((a, b) => a.mention.start - b.mention.start);
  const newIndex = new Int32Array(facts.mentions.length).fill(-1);
  mentions.forEach((m, i) => {
    if (m.old >= 0) newIndex[m.old] = i;
  });

  let quotes: QuoteItem[] = facts.quotes.map((quote, i) => {
    const s = facts.speakers[i] ?? null;
    const mention = s?.mention ?? null;
    const speaker = s && mention !== null ? { ...s, mention: mention >= 0 && mention < newIndex.length && newIndex[mention]! >= 0 ? newIndex[mention]! : null } : s;
    return { quote, speaker, kinds: [] };
  });
  const quoteAt = (place: Place, fix: BoundCorrection): number => {
    const span = find(place);
    if (!span) {
      report(fix, 'lost', gone(place));
      return -1;
    }
    const at = quotes.findIndex((q) => same(q.quote, span));
    if (at < 0) report(fix, 'conflict', `the analysis no longer finds the quote “${short(place.anchor.exact)}” in ${place.article}`);
    return at;
  };
  for (const fix of fixes) {
    const c = fix.correction;
    if (c.kind !== 'not-a-quote') continue;
    const span = find(c.quote);
    if (!span) {
      report(fix, 'lost', gone(c.quote));
      continue;
    }
    const at = quotes.findIndex((q) => same(q.quote, span));
    if (at >= 0) {
      quotes = quotes.filter((q) => !same(q.quote, span));
      report(fix, 'applied', `“${short(c.quote.anchor.exact)}” is not a quote`);
    } else if (quotes.some((q) => overlaps(q.quote, span))) report(fix, 'conflict', `the analysis now finds a different quote at “${short(c.quote.anchor.exact)}”`);
    else report(fix, 'unneeded', `the analysis no longer finds a quote at “${short(c.quote.anchor.exact)}”`);
  }
  for (const fix of fixes) {
    const c = fix.correction;
    if (c.kind !== 'set-speaker') continue;
    const at = quoteAt(c.quote, fix);
    if (at < 0) continue;
    const q = quotes[at]!;
    if (q.speaker?.name === c.speaker && q.kinds.length === 0) {
      report(fix, 'unneeded', `the analysis already names ${c.speaker} as the speaker`);
      continue;
    }
    q.speaker = speakerNamed(c.speaker, q.quote, mentions);
    q.kinds.push(c.kind);
    report(fix, 'applied', `${c.speaker} said “${short(c.quote.anchor.exact)}”`);
  }
  const quoteEnds: { index: number; side: number; quote: number }[] = [];
  const splits: { index: number; mention: number }[] = [];
  for (const fix of fixes) {
    const c = fix.correction;
    if (c.kind === 'link-quotes' || c.kind === 'unlink-quotes') {
      c.quotes.forEach((place, side) => {
        if (fix.uris[side] !== uri) return;
        const at = quoteAt(place, fix);
        if (at >= 0) {
          quoteEnds.push({ index: fix.index, side, quote: at });
          quotes[at]!.kinds.push(c.kind);
        }
      });
    } else if (c.kind === 'split-from-entity') {
      const span = find(c.name);
      if (!span) {
        report(fix, 'lost', gone(c.name));
        continue;
      }
      const at = mentions.findIndex((m) => same(m.mention, span));
      if (at < 0) report(fix, 'conflict', `the analysis no longer finds the name “${short(c.name.anchor.exact)}”`);
      else {
        splits.push({ index: fix.index, mention: at });
        mentions[at]!.kinds.push(c.kind);
      }
    }
  }

  const quoteMarks = new Map<number, CorrectionKind[]>();
  quotes.forEach((q, i) => {
    if (q.kinds.length) quoteMarks.set(i, q.kinds);
  });
  const mentionMarks = new Map<number, CorrectionKind[]>();
  mentions.forEach((m, i) => {
    if (m.kinds.length) mentionMarks.set(i, m.kinds);
  });
  return {
    facts: { ...facts, quotes: quotes.map((q) => q.quote), speakers: quotes.map((q) => q.speaker), mentions: mentions.map((m) => m.mention) },
    quoteMarks,
    mentionMarks,
    quoteEnds,
    splits,
    outcomes,
  };
}

/**
 * The speaker a reader named: the mention of that name nearest the quote when the article has one
 * (so the quote joins the entity), else the name alone.
 */
function speakerNamed(name: string, quote: QuoteSpan, mentions: readonly MentionItem[]): SpeakerRef {
  const folded = name.toLowerCase();
  let best = -1;
  let distance = Infinity;
  mentions.forEach((m, i) => {
    if (m.mention.text.toLowerCase() !== folded) return;
    const d = m.mention.end <= quote.outer.start ? quote.outer.start - m.mention.end : Math.abs(m.mention.start - quote.outer.end);
    if (d < distance) {
      best = i;
      distance = d;
    }
  });
  const span = best >= 0 ? mentions[best]!.mention : { start: quote.outer.start, end: quote.outer.start };
  return { name, span: { start: span.start, end: span.end }, mention: best >= 0 ? best : null, via: 'correction', confidence: 1 };
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
