/**
 * The corrections files of several folders of articles as the one list the corpus takes, and what
 * each folder's file could not give, numbered as in that file: the same for the extension (one file
 * per workspace folder) and the command line (one per folder given).
 */
import type { CorrectionsFile } from './file';
import { CORRECTION_TITLES } from './index';
import { bindCorrections, type BoundCorrection, type CorrectionOutcome } from './types';

/** One folder's corrections file, and how its articles are named in the corpus. */
export interface CorrectionsFolder {
  readonly file: CorrectionsFile;
  /** The corpus key of an article named by its path in the folder (`a/b.txt`). */
  keyOf(article: string): string;
}

/** A folder's part of the combined list: the corrections whose index is in [from, to). */
export interface FolderRange<F> {
  readonly folder: F;
  readonly from: number;
  readonly to: number;
}

/**
 * Every folder's corrections, bound to corpus keys, in one list: each folder's indices come after the
 * previous folder's, so the corrections of several folders are told apart by their place in it.
 */
export function combineCorrections<F extends CorrectionsFolder>(folders: Iterable<F>): { list: BoundCorrection[]; ranges: FolderRange<F>[] } {
  const list: BoundCorrection[] = [];
  const ranges: FolderRange<F>[] = [];
  let offset = 0;
  for (const folder of folders) {
    const from = offset;
    list.push(...bindCorrections(folder.file.corrections, (article) => folder.keyOf(article)).map((b) => ({ ...b, index: b.index + from })));
    offset += folder.file.entries.length;
    ranges.push({ folder, from, to: offset });
  }
  return { list, ranges };
}

/**
 * A folder's corrections that the analysis lost or conflicts with, one line each, numbered as in its
 * file: `correction 2 (Set Speaker) not applied: …`.
 */
export function unappliedCorrections(range: FolderRange<unknown>, outcomes: readonly CorrectionOutcome[]): string[] {
  return outcomes
    .filter((o) => o.index >= range.from && o.index < range.to && (o.status === 'lost' || o.status === 'conflict'))
    .map((o) => `correction ${o.index - range.from + 1} (${CORRECTION_TITLES[o.kind]}) not applied: ${o.message}`);
}
