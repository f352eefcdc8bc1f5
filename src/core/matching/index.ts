/**
 * Cross-source quote matching: the incremental quote index, the pair scorer and word diffs.
 */
export { QuoteIndex, type IndexReport } from './quote-index';
export { compareQuotes, type Match } from './compare';
export { wordDiff } from './diff';
