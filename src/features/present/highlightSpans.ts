/** What the editor highlights, computed from an analysis alone (no `vscode`). */
import type { DocumentAnalysis } from '../../core/corpus';
import type { Span } from '../../core/types';
import type { Settings } from './settings';

export type HighlightKind = 'person' | 'place' | 'organization' | 'statement' | 'term' | 'speaker';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['person', 'place', 'organization', 'statement', 'term', 'speaker'];

/** The spans to draw for each kind of highlight, honouring the settings. */
export function spansByKind(analysis: Pick<DocumentAnalysis, 'mentions' | 'quotes'>, settings: Settings['highlight']): Record<HighlightKind, Span[]> {
  const out: Record<HighlightKind, Span[]> = { person: [], place: [], organization: [], statement: [], term: [], speaker: [] };
  if (!settings.enabled) return out;
  const on: Record<HighlightKind, boolean> = {
    person: settings.people,
    place: settings.places,
    organization: settings.organizations,
    statement: settings.statements,
    term: settings.terms,
    speaker: settings.speakers,
  };
  for (const m of analysis.mentions) if (on[m.type]) out[m.type].push(m);
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

