/**
 * Exports of a corpus's analysis to the formats other tools read. Each format is a function from the
 * corpus to the files it makes; writing them is the caller's (`writeExport` for a local disk).
 */
import type { Corpus } from '../corpus';
import { bratExport } from './brat';
import { conllExport } from './conll';
import { csvExport } from './csv';
import { jsonlExport } from './jsonl';
import type { ExportFile, ExportOptions } from './model';
import { webAnnotationExport } from './web-annotation';

export { exportName, type ExportFile, type ExportOptions } from './model';
export { BRAT_CONFIGURATION } from './brat';
export { ANNOTATION_CONTEXT, entityIri, quoteIri } from './web-annotation';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'brat', 'webannotation', 'conll'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is, for a picker or a help text. */
export const FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
  jsonl: 'JSON Lines: articles, quotes with speakers and links, mentions and entities',
  csv: 'CSV for spreadsheets: quotes.csv (one row per quote) and mentions.csv (one row per mention)',
  brat: 'brat standoff: a copy of each article as .txt beside its .ann annotations',
  webannotation: 'W3C Web Annotation JSON-LD with TextQuoteSelector and TextPositionSelector',
  conll: 'CoNLL-style token tags: names and quotes, one token a line',
};

const EXPORTERS: Readonly<Record<ExportFormat, (corpus: Corpus, options: ExportOptions) => ExportFile[]>> = {
  jsonl: jsonlExport,
  csv: csvExport,
  brat: bratExport,
  webannotation: webAnnotationExport,
  conll: conllExport,
};

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** The files of one format's export of the corpus. */
export function exportAnalysis(corpus: Corpus, format: ExportFormat, options: ExportOptions): ExportFile[] {
  return EXPORTERS[format](corpus, options);
}
