/**
 * 32-bit hashing of feature names. Features are never spelled out as strings at run time: a template
 * number is mixed with the hashes of the words it looks at, and the result picks a row of the weight
 * table. Collisions cost a little accuracy, measured when the table size was chosen.
 *
 * Hashes are signed 32-bit integers: V8 keeps those unboxed (small integers), where an unsigned value
 * of 2^31 or more would be a heap number, allocated anew wherever the hot loops pass one on. Only the
 * bits matter: a hash picks a row by its low bits and is stored in 32-bit arrays.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Mixes two 32-bit values into one (murmur3's finaliser over a combination of both). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
