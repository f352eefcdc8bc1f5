export { paragraphs, paragraphAt } from './paragraphs';
export { sentenceSpans } from './sentences';
export { tokenize, wordsOf, type Token } from './words';
export { foldPunctuation, collapseWhitespace, normalizeQuoteText } from './normalize';
export { isLetter, isDigit, isUpper, isSpace, isWordChar, isQuoteMark } from './chars';
