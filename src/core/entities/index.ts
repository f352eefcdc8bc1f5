/**
 * Named entities: recognition of people, places and organisations in one document (`recognize`, the
 * only code that uses compromise) and their resolution into real-world referents across the corpus
 * (`EntityResolver`). Conventions are documented in `./CONVENTIONS.md`.
 */
export { forgetRecognized, recognitionCacheSize, recognize } from './recognize';
export { EntityResolver, type MentionRef } from './resolver';
