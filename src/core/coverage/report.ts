/**
 * The coverage table for people: as text for a terminal (`crosswire coverage`) and as CSV that a
 * spreadsheet opens directly (`--csv`, and the Coverage view's export).
 */
import { csvCell } from '../text/csv';
import { plural } from '../text/plural';
import { plainText, truncate } from '../text/visible';
import type { CorpusQuote, DocumentAnalysis } from '../corpus';
import { cellAt, type Coverage, type CoverageCell } from './clusters';
import { articleName, type QuoteFlag } from './flags';

/** Articles that leave a statement out, listed by number at most; more are counted. */
const MAX_LISTED_MISSING = 8;

/**
 * Articles the CSV gives a column each, at most. A larger folder's table would be mostly empty cells
 * (statements times articles), so its CSV has one line per version instead: statement, article, how
 * it carries it, speaker.
 */
export const MAX_CSV_COLUMNS = 500;

const STATE_WORDS: Record<CoverageCell['state'], string> = { full: 'in full', cut: 'cut down', reworded: 'reworded', absent: 'not carried' };

/** The table as text: each statement, the most widely carried first, with each article's version. */
export function coverageText(cov: Coverage, flagList: readonly QuoteFlag[] = [], pathOf: (uri: string) => string = (u) => u): string {
  const out: string[] = [];
  const names = cov.articles.map((d) => plainText(articleName(d)));
  out.push(`${plural(cov.totalRows, 'statement')} in ${plural(cov.articles.length, 'article')}`);
  cov.articles.forEach((d, i) => out.push(`  [${i + 1}] ${names[i]}${d.date ? ` · ${d.date}` : ''} · ${plainText(pathOf(d.uri))}`));
  const flagsOf = new Map<string, QuoteFlag[]>();
  for (const f of flagList) {
    if (f.kind === 'single-source') continue;
    const list = flagsOf.get(f.quote.id);
    if (list) list.push(f);
    else flagsOf.set(f.quote.id, [f]);
  }
  for (const row of cov.rows) {
    out.push('');
    out.push(`“${truncate(row.text, 120, false)}” — carried by ${row.carriedBy} of ${cov.articles.length}`);
    for (const c of row.carried) {
      if (!c.quote) continue;
      out.push(`  [${c.column + 1}] ${STATE_WORDS[c.state]}${c.speaker ? `, said by ${plainText(c.speaker)}` : ''}${c.state === 'full' ? '' : `: “${truncate(c.quote.text, 90, false)}”`}`);
      for (const f of flagsOf.get(c.quote.id) ?? []) out.push(`      ! ${plainText(f.message)}`);
    }
    const missing = cov.articles.length - row.carriedBy;
    if (missing > 0 && row.carriedBy > 1) {
      // Listed when there are few; a large folder's statement is missing from most of its articles.
      if (missing <= MAX_LISTED_MISSING) {
        const listed: string[] = [];
        for (let i = 0; i < cov.articles.length; i++) if (!cellAt(row, i).quote) listed.push(`[${i + 1}]`);
        out.push(`  not in ${listed.join(' ')}`);
      } else out.push(`  not in the ${missing} other articles`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The table as CSV: one row per statement, one column per article; for more than `MAX_CSV_COLUMNS`
 * articles, one row per version of a statement.
 */
export function coverageCsv(cov: Coverage): string {
  const cellText = (c: CoverageCell): string => (c.quote ? `${STATE_WORDS[c.state]}${c.speaker ? ` (${c.speaker})` : ''}` : '');
  const lines: string[] = [];
  if (cov.articles.length <= MAX_CSV_COLUMNS) {
    lines.push(['statement', 'carried by', ...cov.articles.map((d) => articleName(d))].map(csvCell).join(','));
    for (const row of cov.rows) {
      const cells = cov.articles.map((_, i) => cellText(cellAt(row, i)));
      lines.push([row.text, String(row.carriedBy), ...cells].map(csvCell).join(','));
    }
  } else {
    lines.push(['statement', 'carried by', 'article', 'path', 'version', 'speaker', 'words'].map(csvCell).join(','));
    for (const row of cov.rows) {
      for (const c of row.carried) {
        const d = cov.articles[c.column];
        lines.push([row.text, String(row.carriedBy), articleName(d), d.uri, STATE_WORDS[c.state], c.speaker ?? '', c.quote?.text ?? ''].map(csvCell).join(','));
      }
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * One version of a quote as a document to compare: the outlet (and date) on the first line, the quoted
 * words on their own line, then the paragraphs they stand in. Two versions side by side in a diff
 * editor then show the words that differ the way any diff does.
 */
export function versionDocument(doc: Pick<DocumentAnalysis, 'source' | 'title' | 'date' | 'text' | 'paragraphs'>, quote: Pick<CorpusQuote, 'start' | 'end' | 'text' | 'outer'>): string {
  const around = doc.paragraphs.filter((p) => p.end > quote.outer.start && p.start < quote.outer.end);
  const context = around.map((p) => doc.text.slice(p.start, p.end)).join('\n\n');
  const header = `${articleName(doc)}${doc.date ? ` · ${doc.date}` : ''}`;
  return [header, doc.source ? doc.title : '', '', `“${quote.text.replace(/\s*\n\s*/g, ' ')}”`, '', context, ''].join('\n');
}
