/** What the editor highlights, computed from an analysis alone (no `vscode`). */
import type { CorpusMention, DocumentAnalysis } from '../../core/corpus';
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
  for (const m of namesToDraw(analysis, settings.names)) if (on[m.type]) out[m.type].push(m);
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
  if (density === 'inQuotes') {
    const statements = analysis.quotes.filter((q) => q.kind === 'statement');
    return analysis.mentions.filter((m) => statements.some((q) => m.start >= q.start && m.end <= q.end));
  }
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
