/**
 * Named entities: recognition of people, places and organisations in one document (`recognize`, a
 * statistical tagger trained by `npm run train:ner`) and their resolution into real-world referents
 * across the corpus (`EntityResolver`). Conventions are documented in `./CONVENTIONS.md`.
 */
export { forgetRecognized, recognitionCacheSize, recognize } from './recognize';
export { EntityResolver, type MentionRef } from './resolver';
