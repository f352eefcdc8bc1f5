/** Reading a folder's corrections file from a local disk, for the command line. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CorrectionsFolder } from './combined';
import { CORRECTIONS_PATH, EMPTY_CORRECTIONS, MAX_CORRECTIONS_BYTES, parseCorrections, type CorrectionsFile } from './file';

/** The corrections file of a folder of articles, its articles named by the paths the article search gives them. */
export function folderCorrections(folder: string): CorrectionsFolder {
  const root = resolve(folder);
  const file = readCorrectionsFile(join(root, ...CORRECTIONS_PATH.split('/')));
  return { file, keyOf: (article) => join(root, ...article.split('/')) };
}

function readCorrectionsFile(path: string): CorrectionsFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return EMPTY_CORRECTIONS;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ...EMPTY_CORRECTIONS, problems: [`${CORRECTIONS_PATH} is not a file; no correction applied`] };
    if (stat.size > MAX_CORRECTIONS_BYTES) return { ...EMPTY_CORRECTIONS, problems: [`${CORRECTIONS_PATH} is larger than ${MAX_CORRECTIONS_BYTES / 1024 / 1024} MB; no correction applied`] };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return parseCorrections(buffer.subarray(0, read).toString('utf8'));
  } catch (e) {
    return { ...EMPTY_CORRECTIONS, problems: [`${CORRECTIONS_PATH} cannot be read (${(e as Error).message}); no correction applied`] };
  } finally {
    closeSync(fd);
  }
}
