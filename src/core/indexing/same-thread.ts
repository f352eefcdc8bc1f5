import { analyzeText } from '../analysis';
import { quoteFacts } from '../first-pass';
import type { Analyzer } from './ledger';

/**
 * Analyses each text on the caller's thread as it is asked for: for the command line, which has no
 * editor to keep responsive and gains nothing from threads that would each load the analyser.
 */
export const sameThreadAnalyzer: Analyzer = {
  analyze: async (text, fileName, options) => (options?.quick ? quoteFacts : analyzeText)(text, fileName),
};
