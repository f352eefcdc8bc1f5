import type { Corpus, CorpusQuote, DocumentAnalysis } from '../corpus';
import type { LinkRelation } from '../types';

/** How an export names the articles it describes. */
export interface ExportOptions {
  /**
   * An article's name in the export: a relative, `/`-separated path (brat's text files are written
   * under it). See `exportName` for making one from a path.
   */
  readonly nameOf: (uri: string) => string;
  /** An article's address, for the targets of Web Annotations (a `file:` URL, a workspace URI). */
  readonly sourceOf: (uri: string) => string;
}

/** One file an export writes, at a relative `/`-separated path under the folder exported to. */
export interface ExportFile {
  readonly path: string;
  readonly content: string;
}

/** A quote's link as exports give it. */
export interface ExportLink {
  readonly to: string;
  readonly relation: LinkRelation;
  readonly score: number;
  /** True for a link a reader made. */
  readonly corrected: boolean;
}

/** The links of a quote to quotes that still exist, best first, scores rounded to three places. */
export function exportLinks(corpus: Corpus, quote: CorpusQuote): ExportLink[] {
  return corpus
    .linksOf(quote.id)
    .filter((l) => corpus.quote(l.to) !== undefined)
    .map((l) => ({ to: l.to, relation: l.relation, score: Math.round(l.score * 1000) / 1000, corrected: l.corrected ?? false }));
}

/**
 * A safe relative name for an article, from its path relative to the exported folder: `/`-separated,
 * no empty, `.` or `..` segment (a name can never lead out of the folder exported to), no control
 * characters.
 */
export function exportName(relativePath: string): string {
  const segments = relativePath
    .split(/[\\/]+/)
    .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '_'))
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_' : s));
  return segments.length ? segments.join('/') : 'article';
}

/** The documents in the order exports list them: by name. */
export function exportedDocuments(corpus: Corpus, options: ExportOptions): DocumentAnalysis[] {
  return corpus.documents().sort((a, b) => {
    const x = options.nameOf(a.uri);
    const y = options.nameOf(b.uri);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
