/** What the editor highlights, computed from an analysis alone (no `vscode`). */
import type { CorpusMention, DocumentAnalysis } from '../../core/corpus';
import { partitionPoint } from '../../core/sorted';
import { paragraphAt } from '../../core/text/paragraphs';
import type { Paragraph, Span } from '../../core/types';
import type { NameDensity, Settings } from './settings';

export type HighlightKind = 'person' | 'place' | 'organization' | 'statement' | 'term' | 'speaker';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['person', 'place', 'organization', 'statement', 'term', 'speaker'];

/** The spans to draw for each kind of highlight, honouring the settings. */
export function spansByKind(
  analysis: Pick<DocumentAnalysis, 'mentions' | 'quotes'> & { readonly paragraphs?: readonly Paragraph[] },
  settings: Settings['highlight'],
): Record<HighlightKind, Span[]> {
  const out: Record<HighlightKind, Span[]> = { person: [], place: [], organization: [], statement: [], term: [], speaker: [] };
  if (!settings.enabled) return out;
  const on: Record<HighlightKind, boolean> = {
    person: settings.people,
    place: settings.places,
    organization: settings.organisations,
    statement: settings.statements,
    term: settings.terms,
    speaker: settings.speakers,
  };
  const least = settings.minConfidence;
  for (const m of namesToDraw(analysis, settings.names)) {
    // A name the reader corrected is drawn whatever the recogniser thought of it.
    if (on[m.type] && (least <= 0 || m.corrected || m.confidence === undefined || m.confidence >= least)) out[m.type].push(m);
  }
  const speakerSpans = new Set<string>();
  for (const q of analysis.quotes) {
    if (on[q.kind]) out[q.kind].push(q.outer);
    // A speaker is marked where the text names them; a pronoun is not a name.
    if (on.speaker && q.kind === 'statement' && q.speaker && q.speaker.via !== 'pronoun' && q.speaker.via !== 'continuation' && q.speaker.span.end > q.speaker.span.start) {
      const id = `${q.speaker.span.start}:${q.speaker.span.end}`;
      if (!speakerSpans.has(id)) {
        speakerSpans.add(id);
        out.speaker.push(q.speaker.span);
      }
    }
  }
  return out;
}


/**
 * The mentions drawn at a density: every one; the first of each name in each paragraph (a name
 * repeated down a paragraph is drawn once); or only those inside a statement, the names people said.
 */
function namesToDraw(
  analysis: Pick<DocumentAnalysis, 'mentions' | 'quotes'> & { readonly paragraphs?: readonly Paragraph[] },
  density: NameDensity,
): readonly CorpusMention[] {
  if (density === 'inQuotes') return insideStatements(analysis.mentions, analysis.quotes);
  if (density === 'firstInParagraph' && analysis.paragraphs) {
    const paras = analysis.paragraphs;
    const seen = new Set<string>();
    return analysis.mentions.filter((m) => {
      const key = `${paragraphAt(paras, m.start)}\u0000${m.entity ?? `${m.type}:${m.text.toLowerCase()}`}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return analysis.mentions;
}

/**
 * The mentions that lie inside a statement: the statements' spans are merged where they overlap and
 * each mention found among them by binary search, so thousands of names and quotes cost n log n.
 */
function insideStatements(mentions: readonly CorpusMention[], quotes: DocumentAnalysis['quotes']): CorpusMention[] {
  const spans = quotes.filter((q) => q.kind === 'statement').map((q) => [q.start, q.end] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of spans) {
    const last = ends.length - 1;
    if (last >= 0 && start < ends[last]) ends[last] = Math.max(ends[last], end);
    else {
      starts.push(start);
      ends.push(end);
    }
  }
  return mentions.filter((m) => {
    // The last merged span that opens at or before the mention.
    const at = partitionPoint(starts.length, (k) => starts[k] <= m.start) - 1;
    return at >= 0 && m.end <= ends[at];
  });
}
