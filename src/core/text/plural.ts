/** A count with its noun, singular for one: "1 article", "3 articles". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A whole number as people read it, thousands separated by commas ("10,000"), as `toLocaleString('en-US')`
 * writes it. Written out for whole numbers: the first use of `Intl` in a process costs tens of
 * milliseconds, and the first progress message is written while the extension activates.
 */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');
}
