declare module 'stopword' {
  /** The package's English stop words, lower case. */
  export const eng: readonly string[];
}
