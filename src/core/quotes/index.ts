/**
 * Quotation finding and speaker attribution.
 */
export { findQuotes } from './find';
export { attributeSpeakers } from './speakers';
export { classifyQuote } from './kind';
