/**
 * Whether two words are one word mistyped or transliterated: at most one edit apart, two from seven
 * letters (Zelensky / Zelenskiy, "brought" / "bought").
 */
export function typoApart(a: string, b: string): boolean {
  return !editDistanceOver(a, b, Math.min(a.length, b.length) >= 7 ? 2 : 1);
}

/** Whether the edit distance of two short words is over `limit` (a two-row Levenshtein, stopped early). */
export function editDistanceOver(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return true;
  // Words are short; a long token (hostile text) would make the table quadratic, and is no word's spelling.
  if (a.length > 40 || b.length > 40) return true;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < low) low = cur[j];
    }
    if (low > limit) return true;
    prev = cur;
  }
  return prev[b.length] > limit;
}
