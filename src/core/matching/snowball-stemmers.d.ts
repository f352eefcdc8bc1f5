declare module 'snowball-stemmers' {
  /** A Snowball stemmer of one language. */
  export interface Stemmer {
    stem(word: string): string;
  }
  /** The stemmer of a language by its Snowball name ("spanish", "german"). */
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}
