export { comparableWords, coverage, speakerName, stateOf, type CellState, type Coverage, type CoverageCell, type StatementRow } from './clusters';
export { alterations, articleName, changes, flags, sharedStretch, type Change, type FlagKind, type QuoteFlag } from './flags';
export { coverageCsv, coverageText } from './report';
