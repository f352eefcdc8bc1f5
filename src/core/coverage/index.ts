export { cellAt, comparableWords, coverage, linkedGroups, coverageOf, MAX_STATEMENT_VERSIONS, speakerName, stateOf, type CarriedCell, type CellState, type Coverage, type CoverageCell, type StatementRow } from './clusters';
export { alterations, articleName, changes, flags, sharedStretch, type Change, type FlagKind, type QuoteFlag } from './flags';
export { coverageCsv, coverageText, MAX_CSV_COLUMNS, versionDocument } from './report';
