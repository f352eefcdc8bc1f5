/**
 * W3C Web Annotations (JSON-LD), one collection in `annotations.jsonld`: an annotation per quote
 * (motivation `describing`; bodies tag its kind, name its speaker, and link the annotations of its
 * other versions) and per name (motivation `identifying`; the body is the entity). Each targets its
 * article with a TextQuoteSelector (the words, with some context either side) and a
 * TextPositionSelector, whose offsets the model counts in characters (code points) of the text.
 */
import type { Corpus, CorpusMention, CorpusQuote, DocumentAnalysis } from '../corpus';
import { codePointOffsets } from '../text/code-points';
import type { Span } from '../types';
import { exportedDocuments, exportLinks, type ExportFile, type ExportOptions } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Characters of context each side of a TextQuoteSelector's words. */
const CONTEXT = 32;

/** A quote's annotation id; also what the annotations of its versions link to. */
export function quoteIri(quoteId: string): string {
  return `urn:crosswire:quote:${encodeURIComponent(quoteId)}`;
}

export function entityIri(entityId: string): string {
  return `urn:crosswire:entity:${encodeURIComponent(entityId)}`;
}

export function webAnnotationExport(corpus: Corpus, options: ExportOptions): ExportFile[] {
  const items: object[] = [];
  for (const d of exportedDocuments(corpus, options)) {
    const cp = codePointOffsets(d.text);
    const target = (span: Span): object => ({
      source: options.sourceOf(d.uri),
      selector: [
        { type: 'TextQuoteSelector', exact: d.text.slice(span.start, span.end), prefix: prefixOf(d.text, span.start), suffix: suffixOf(d.text, span.end) },
        { type: 'TextPositionSelector', start: cp(span.start), end: cp(span.end) },
      ],
    });
    for (const q of d.quotes) items.push(quoteAnnotation(corpus, q, target(q)));
    d.mentions.forEach((m, i) => items.push(mentionAnnotation(corpus, d, m, i, target(m))));
  }
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id: 'urn:crosswire:analysis',
    type: 'AnnotationCollection',
    label: 'Quotes and names found by Crosswire',
    total: items.length,
    first: { id: 'urn:crosswire:analysis:page:1', type: 'AnnotationPage', startIndex: 0, items },
  };
  return [{ path: 'annotations.jsonld', content: JSON.stringify(collection, null, 2) + '\n' }];
}

function quoteAnnotation(corpus: Corpus, q: CorpusQuote, target: object): object {
  const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: q.kind }];
  if (q.speaker) {
    body.push({ type: 'TextualBody', purpose: 'describing', value: `said by ${q.speaker.name}` });
    if (q.speakerEntity) body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(q.speakerEntity) });
  }
  for (const l of exportLinks(corpus, q)) {
    body.push({ type: 'SpecificResource', purpose: 'linking', source: quoteIri(l.to) });
    body.push({ type: 'TextualBody', purpose: 'describing', value: `${l.relation} version ${l.to}, score ${l.score.toFixed(3)}` });
  }
  if (q.corrected) body.push({ type: 'TextualBody', purpose: 'editing', value: `corrected by a reader: ${q.corrected.join(', ')}` });
  return { id: quoteIri(q.id), type: 'Annotation', motivation: 'describing', body, target };
}

function mentionAnnotation(corpus: Corpus, d: DocumentAnalysis, m: CorpusMention, index: number, target: object): object {
  const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: m.type }];
  const entity = m.entity ? corpus.entity(m.entity) : undefined;
  if (m.entity) body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(m.entity) });
  if (entity) body.push({ type: 'TextualBody', purpose: 'describing', value: entity.name });
  if (m.corrected) body.push({ type: 'TextualBody', purpose: 'editing', value: `corrected by a reader: ${m.corrected.join(', ')}` });
  return { id: `urn:crosswire:mention:${d.id}-m${index}`, type: 'Annotation', motivation: 'identifying', body, target };
}

/** Up to `CONTEXT` code units before `at`, never starting inside a surrogate pair. */
function prefixOf(text: string, at: number): string {
  let from = Math.max(0, at - CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  return text.slice(from, at);
}

function suffixOf(text: string, at: number): string {
  let to = Math.min(text.length, at + CONTEXT);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return text.slice(at, to);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
