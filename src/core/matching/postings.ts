/** Ints per block: a link to the next block, then the entries. */
const BLOCK = 8;
const PER_BLOCK = BLOCK - 1;

/**
 * Posting lists of small integers under small non-negative integer keys, all in one typed array of
 * fixed-size blocks. A large index holds hundreds of thousands of entries under tens of thousands of
 * keys, mostly in short lists: a JavaScript array per key costs about four times the memory.
 *
 * Each list is a chain of blocks, newest first; only the newest block may be partly filled. The order
 * of a list's entries is not kept: removing one moves the newest entry into its place.
 */
export class PostingLists {
  private blocks = new Int32Array(BLOCK * 1024);
  private blocksUsed = 0;
  /** First block of the chain of free blocks, linked through their first int; -1 when none. */
  private freeBlock = -1;
  private heads = new Int32Array(1024).fill(-1);
  private counts = new Int32Array(1024);

  /** Number of entries under `key`. */
  count(key: number): number {
    return key < this.counts.length ? this.counts[key] : 0;
  }

  /** Adds `value` under `key`, unless the list already holds `limit` entries. */
  add(key: number, value: number, limit: number): void {
    if (key >= this.heads.length) {
      const size = Math.max(key + 1, 2 * this.heads.length);
      const heads = new Int32Array(size).fill(-1);
      heads.set(this.heads);
      const counts = new Int32Array(size);
      counts.set(this.counts);
      this.heads = heads;
      this.counts = counts;
    }
    const count = this.counts[key];
    if (count >= limit) return;
    const slot = count % PER_BLOCK;
    if (slot === 0) {
      const block = this.allocate();
      this.blocks[block] = this.heads[key];
      this.heads[key] = block;
    }
    this.blocks[this.heads[key] + 1 + slot] = value;
    this.counts[key] = count + 1;
  }

  /** Removes one entry `value` from under `key`, if there. */
  remove(key: number, value: number): void {
    const count = this.count(key);
    if (count === 0) return;
    const blocks = this.blocks;
    const head = this.heads[key];
    const lastAt = head + 1 + ((count - 1) % PER_BLOCK);
    let filled = ((count - 1) % PER_BLOCK) + 1;
    for (let block = head; block >= 0; block = blocks[block], filled = PER_BLOCK) {
      for (let k = 1; k <= filled; k++) {
        if (blocks[block + k] !== value) continue;
        blocks[block + k] = blocks[lastAt];
        this.counts[key] = count - 1;
        if ((count - 1) % PER_BLOCK === 0) {
          this.heads[key] = blocks[head];
          blocks[head] = this.freeBlock;
          this.freeBlock = head;
        }
        return;
      }
    }
  }

  /** Calls `visit` with every entry under `key`. */
  forEach(key: number, visit: (value: number) => void): void {
    const count = this.count(key);
    if (count === 0) return;
    const blocks = this.blocks;
    let filled = ((count - 1) % PER_BLOCK) + 1;
    for (let block = this.heads[key]; block >= 0; block = blocks[block], filled = PER_BLOCK) {
      for (let k = 1; k <= filled; k++) visit(blocks[block + k]);
    }
  }

  /**
   * Adds `credit` to `evidence[value]` for every entry under `key`, and appends to `touched` (from
   * `end`) each value whose evidence was zero before; returns the new end of `touched`.
   */
  accumulate(key: number, credit: number, evidence: Float64Array, touched: Int32Array, end: number): number {
    const count = this.count(key);
    if (count === 0) return end;
    const blocks = this.blocks;
    let filled = ((count - 1) % PER_BLOCK) + 1;
    for (let block = this.heads[key]; block >= 0; block = blocks[block], filled = PER_BLOCK) {
      for (let k = 1; k <= filled; k++) {
        const value = blocks[block + k];
        if (evidence[value] === 0) touched[end++] = value;
        evidence[value] += credit;
      }
    }
    return end;
  }

  private allocate(): number {
    if (this.freeBlock >= 0) {
      const block = this.freeBlock;
      this.freeBlock = this.blocks[block];
      return block;
    }
    if (this.blocksUsed + BLOCK > this.blocks.length) {
      const wider = new Int32Array(BLOCK * Math.ceil((this.blocks.length * 1.5) / BLOCK));
      wider.set(this.blocks);
      this.blocks = wider;
    }
    const block = this.blocksUsed;
    this.blocksUsed += BLOCK;
    return block;
  }
}
