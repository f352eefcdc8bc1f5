/**
 * CSV for spreadsheets: `quotes.csv`, one row per quote, and `mentions.csv`, one row per mention of a
 * name. UTF-8 with a byte-order mark, so that Excel reads accents and other scripts as they are;
 * cells a spreadsheet would run as formulas are opened with an apostrophe (`csvCell`).
 */
import type { Corpus } from '../corpus';
import { csvText } from '../text/csv';
import { exportedDocuments, exportLinks, type ExportFile, type ExportOptions } from './model';

const BOM = '\ufeff';

export function csvExport(corpus: Corpus, options: ExportOptions): ExportFile[] {
  const quotes: string[][] = [['quote', 'article', 'title', 'start', 'end', 'kind', 'text', 'speaker', 'speaker entity', 'links', 'linked quotes', 'corrected']];
  const mentions: string[][] = [['article', 'title', 'start', 'end', 'text', 'type', 'entity', 'entity name', 'corrected']];
  for (const d of exportedDocuments(corpus, options)) {
    const article = options.nameOf(d.uri);
    for (const q of d.quotes) {
      const links = exportLinks(corpus, q);
      quotes.push([
        q.id, article, d.title, String(q.start), String(q.end), q.kind, q.text, q.speaker?.name ?? '', q.speakerEntity ?? '',
        String(links.length), links.map((l) => `${l.to} ${l.relation} ${l.score.toFixed(3)}`).join('; '), (q.corrected ?? []).join(' '),
      ]);
    }
    for (const m of d.mentions) {
      const name = m.entity ? (corpus.entity(m.entity)?.name ?? '') : '';
      mentions.push([article, d.title, String(m.start), String(m.end), m.text, m.type, m.entity ?? '', name, (m.corrected ?? []).join(' ')]);
    }
  }
  return [
    { path: 'quotes.csv', content: BOM + csvText(quotes) },
    { path: 'mentions.csv', content: BOM + csvText(mentions) },
  ];
}
