/**
 * Offsets to line/character positions for text that is not open in an editor (an article indexed from
 * disk), with the line breaks VS Code counts: `\r\n`, `\n` and `\r`. Pure, no `vscode`.
 */
import { partitionPoint } from '../../core/sorted';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  /** Zero-based line and character of `offset`, clamped to the text. */
  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = partitionPoint(this.starts.length, (i) => this.starts[i]! <= o) - 1;
    return { line, character: o - this.starts[line]! };
  }
}

const cache = new WeakMap<object, LineIndex>();

/** A line index for `owner.text`, built once per owner object (an analysis is immutable). */
export function lineIndexOf(owner: { readonly text: string }): LineIndex {
  let index = cache.get(owner);
  if (!index) {
    index = new LineIndex(owner.text);
    cache.set(owner, index);
  }
  return index;
}
