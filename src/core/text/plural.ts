/** A count with its noun, singular for one: "1 article", "3 articles". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
