/** Ints before a block's entries: the link to the next (older) block and the block's size class. */
const HEADER = 2;
/** Block sizes in ints, smallest first; a list's blocks double as it grows, up to the largest. */
const CLASSES = 6;
const blockInts = (sizeClass: number): number => 8 << sizeClass;
const capacityOf = (sizeClass: number): number => blockInts(sizeClass) - HEADER;

/**
 * Posting lists of small integers under small non-negative integer keys, all in one typed array of
 * blocks. A large index holds hundreds of thousands of entries under tens of thousands of keys,
 * mostly in short lists: a JavaScript array per key costs about four times the memory. A list's
 * blocks double in size as it grows, so the long lists that candidate gathering reads most lie in a
 * few contiguous stretches rather than scattered small blocks.
 *
 * Each list is a chain of blocks, newest first; only the newest block may be partly filled. The order
 * of a list's entries is not kept: removing one moves the newest entry into its place.
 */
export class PostingLists {
  private blocks = new Int32Array(1 << 16);
  private blocksUsed = 0;
  /** Per size class, the first free block, linked through their first int; -1 when none. */
  private readonly freeBlocks = new Int32Array(CLASSES).fill(-1);
  private heads = new Int32Array(1024).fill(-1);
  private counts = new Int32Array(1024);
  /** Entries in each list's newest block. */
  private headFills = new Int32Array(1024);

  /** Number of entries under `key`. */
  count(key: number): number {
    return key < this.counts.length ? this.counts[key] : 0;
  }

  /** Adds `value` under `key`, unless the list already holds `limit` entries. */
  add(key: number, value: number, limit: number): void {
    if (key >= this.heads.length) this.growKeys(key + 1);
    const count = this.counts[key];
    if (count >= limit) return;
    let head = this.heads[key];
    if (head < 0 || this.headFills[key] === capacityOf(this.blocks[head + 1])) {
      const sizeClass = head < 0 ? 0 : Math.min(CLASSES - 1, this.blocks[head + 1] + 1);
      const block = this.allocate(sizeClass);
      this.blocks[block] = head;
      this.heads[key] = head = block;
      this.headFills[key] = 0;
    }
    this.blocks[head + HEADER + this.headFills[key]++] = value;
    this.counts[key] = count + 1;
  }

  /** Removes one entry `value` from under `key`, if there. */
  remove(key: number, value: number): void {
    const count = this.count(key);
    if (count === 0) return;
    const blocks = this.blocks;
    const head = this.heads[key];
    const fill = this.headFills[key];
    let filled = fill;
    for (let block = head; block >= 0; block = blocks[block], filled = block >= 0 ? capacityOf(blocks[block + 1]) : 0) {
      for (let k = HEADER; k < HEADER + filled; k++) {
        if (blocks[block + k] !== value) continue;
        blocks[block + k] = blocks[head + HEADER + fill - 1];
        this.counts[key] = count - 1;
        if (fill === 1) {
          const older = blocks[head];
          const sizeClass = blocks[head + 1];
          blocks[head] = this.freeBlocks[sizeClass];
          this.freeBlocks[sizeClass] = head;
          this.heads[key] = older;
          this.headFills[key] = older >= 0 ? capacityOf(blocks[older + 1]) : 0;
        } else {
          this.headFills[key] = fill - 1;
        }
        return;
      }
    }
  }

  /**
   * Adds `credit` to `evidence[value]` for every entry under `key`, and appends to `touched` (from
   * `end`) each value whose evidence was zero before; returns the new end of `touched`.
   */
  accumulate(key: number, credit: number, evidence: Float64Array, touched: Int32Array, end: number): number {
    if (this.count(key) === 0) return end;
    const blocks = this.blocks;
    let filled = this.headFills[key];
    for (let block = this.heads[key]; block >= 0; ) {
      const stop = block + HEADER + filled;
      for (let k = block + HEADER; k < stop; k++) {
        const value = blocks[k];
        if (evidence[value] === 0) touched[end++] = value;
        evidence[value] += credit;
      }
      block = blocks[block];
      if (block >= 0) filled = capacityOf(blocks[block + 1]);
    }
    return end;
  }

  private growKeys(size: number): void {
    const length = Math.max(size, 2 * this.heads.length);
    const heads = new Int32Array(length).fill(-1);
    heads.set(this.heads);
    const counts = new Int32Array(length);
    counts.set(this.counts);
    const fills = new Int32Array(length);
    fills.set(this.headFills);
    this.heads = heads;
    this.counts = counts;
    this.headFills = fills;
  }

  private allocate(sizeClass: number): number {
    const free = this.freeBlocks[sizeClass];
    if (free >= 0) {
      this.freeBlocks[sizeClass] = this.blocks[free];
      this.blocks[free + 1] = sizeClass;
      return free;
    }
    const size = blockInts(sizeClass);
    if (this.blocksUsed + size > this.blocks.length) {
      const wider = new Int32Array(Math.max(this.blocksUsed + size, Math.ceil(this.blocks.length * 1.5)));
      wider.set(this.blocks);
      this.blocks = wider;
    }
    const block = this.blocksUsed;
    this.blocksUsed += size;
    this.blocks[block + 1] = sizeClass;
    return block;
  }
}
