/**
 * Finding and reading article files on a local disk, for the command line and for the extension's
 * `file:` workspaces. A folder of articles is untrusted like their text: it may hold links that loop,
 * links out of the folder, FIFOs and devices named `.txt`, and files far larger than they say. So:
 *
 * - a folder is searched once per real folder, and a link is followed only to a file or folder inside
 *   one of the folders given, never back into one already searched (no loop can form);
 * - only regular files are read, opened without blocking (a FIFO cannot hang the reader);
 * - a file's size is checked before reading, and at most the limit is read, so a file that grows or
 *   lies about its size costs no more than the limit;
 * - each file is analysed once, under one path, however many links or names lead to it;
 * - the outcome depends neither on the order of the paths given nor on the order a folder lists.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { decodeArticle, type Decoded } from './text/decode';
import { formatSize, overLimit, tooLargeMessage } from './text/size';

export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md']);
/** Folders never searched: tools' and build output, and hidden folders (a leading dot). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** An article file found by `findArticleFiles`. */
export interface FoundFile {
  /** Absolute path under which it was found (through links, as the user sees it). */
  readonly path: string;
  /** The file's real path, links resolved. */
  readonly real: string;
}

/** What was found, and what was left out and why (one line each, for the user). */
export interface FoundFiles {
  readonly files: readonly FoundFile[];
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

export interface FindOptions {
  /** What relative paths are relative to (the process's working folder). */
  readonly cwd?: string;
  /** How a path is named in a problem's message (as given: absolute). */
  readonly display?: (path: string) => string;
  /** Whether a file found below a folder is an article, by its absolute path (default: `.txt`, `.md`). */
  readonly isArticle?: (path: string) => boolean;
  /** Whether a folder is left out, by its absolute path (default: hidden, tool and build folders). */
  readonly skipFolder?: (path: string) => boolean;
}

/** How a path that is not a regular file is described. */
export function kindOf(stat: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'a link that loops';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** True when the real path `real` is one of `roots` (real paths of folders) or inside one. */
export function isInside(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));
}

/**
 * One path per file among paths found for it: the path that is the file's real path (no link on the
 * way) when there is one, else the first in code-unit order, so the choice depends neither on the
 * order the paths came in nor on which was found first. Sorted by path; the others are `duplicates`.
 */
export function oneEntryPerFile<T extends FoundFile>(found: readonly T[]): { kept: T[]; duplicates: { path: string; of: string }[] } {
  const best = new Map<string, T>();
  for (const f of found) {
    const known = best.get(f.real);
    if (!known || (known.path !== known.real && (f.path === f.real || byPath(f.path, known.path) < 0))) best.set(f.real, f);
  }
  const duplicates: { path: string; of: string }[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const kept = best.get(f.real)!;
    if (f.path !== kept.path && !seen.has(f.path)) duplicates.push({ path: f.path, of: kept.path });
    seen.add(f.path);
  }
  return { kept: [...best.values()].sort((a, b) => byPath(a.path, b.path)), duplicates };
}

/** Code-unit order: the same on every machine and locale. */
const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A file system request of the walk, answered by a driver (synchronous or not). */
type FsRequest =
  | { readonly op: 'stat'; readonly path: string }
  | { readonly op: 'realpath'; readonly path: string }
  | { readonly op: 'readdir'; readonly path: string };
type FsAnswer = { readonly value: unknown } | { readonly error: unknown };
type Walk = Generator<FsRequest, FoundFiles, FsAnswer>;

/** Asks the driver for one file system call; its error is thrown here, as the call would. */
function* call<T>(request: FsRequest): Generator<FsRequest, T, FsAnswer> {
  const answer = yield request;
  if ('error' in answer) throw answer.error;
  return answer.value as T;
}

/**
 * The search itself, written once over requests that a driver answers: `findArticleFiles` answers with
 * synchronous calls (the command line), `findArticleFilesAsync` with promises (the extension host,
 * which must not block while a large folder is listed).
 */
function* walk(paths: readonly string[], options: FindOptions): Walk {
  const cwd = options.cwd ?? process.cwd();
  const show = options.display ?? ((p: string) => p);
  const isArticle = options.isArticle ?? ((p: string) => ARTICLE_EXTENSIONS.has(extname(p).toLowerCase()));
  const skipFolder = options.skipFolder ?? ((p: string) => skippedFolder(basename(p)));
  const problems: { path: string; message: string }[] = [];
  const candidates: FoundFile[] = [];
  /** Real folders searched, with the path they were searched under. */
  const visited = new Map<string, string>();
  const roots: { path: string; real: string }[] = [];
  const add = (path: string, real: string): void => void candidates.push({ path, real });

  for (const given of [...new Set(paths.map((p) => resolve(cwd, p)))].sort(byPath)) {
    let stat: Stats;
    let real: string;
    try {
      stat = yield* call<Stats>({ op: 'stat', path: given });
      real = yield* call<string>({ op: 'realpath', path: given });
    } catch (e) {
      problems.push({ path: given, message: errorText(e) });
      continue;
    }
    if (stat.isDirectory()) roots.push({ path: given, real });
    else if (stat.isFile()) add(given, real);
    else problems.push({ path: given, message: `skipped, ${kindOf(stat)}, not an article file` });
  }
  // Folders given by their own path first, so a folder given twice is searched under that one.
  roots.sort((a, b) => Number(a.path !== a.real) - Number(b.path !== b.real) || byPath(a.path, b.path));
  const rootReals = roots.map((r) => r.real);
  const links: string[] = [];

  function* search(dir: string, real: string): Generator<FsRequest, void, FsAnswer> {
    visited.set(real, dir);
    let entries: Dirent[];
    try {
      entries = yield* call<Dirent[]>({ op: 'readdir', path: dir });
    } catch (e) {
      problems.push({ path: dir, message: `cannot list the folder (${errorText(e)})` });
      return;
    }
    for (const entry of entries.sort((a, b) => byPath(a.name, b.name))) {
      const path = join(dir, entry.name);
      const article = isArticle(path);
      if (entry.isSymbolicLink()) {
        if (article || !skipFolder(path)) links.push(path);
      } else if (entry.isDirectory()) {
        const realChild = join(real, entry.name);
        if (!skipFolder(path) && !visited.has(realChild)) yield* search(path, realChild);
      } else if (article) {
        if (entry.isFile()) add(path, join(real, entry.name));
        else problems.push({ path, message: `skipped, ${kindOf(entry)}, not an article file` });
      }
    }
  }

  for (const root of roots) if (!visited.has(root.real)) yield* search(root.path, root.real);
  // Links last, in path order, so that what they lead to is found under its own path when it can be.
  while (links.length > 0) {
    links.sort(byPath);
    const path = links.shift()!;
    const article = isArticle(path);
    let stat: Stats;
    let real: string;
    try {
      real = yield* call<string>({ op: 'realpath', path });
      stat = yield* call<Stats>({ op: 'stat', path: real });
    } catch (e) {
      if (article || (e as NodeJS.ErrnoException).code === 'ELOOP') problems.push({ path, message: `skipped, ${errorText(e)}` });
      continue;
    }
    if (!isInside(real, rootReals)) {
      if (article || stat.isDirectory()) problems.push({ path, message: 'skipped, a link out of the folders given' });
      continue;
    }
    if (stat.isDirectory()) {
      // Back to a folder already searched (an ancestor, itself, or one searched by another way): a loop
      // or a copy, either way nothing new.
      const searched = visited.get(real);
      if (searched === undefined) yield* search(path, real);
      else problems.push({ path, message: `not followed, a link to a folder already searched (${show(searched)})` });
    } else if (article) {
      if (stat.isFile()) add(path, real);
      else problems.push({ path, message: `skipped, a link to ${kindOf(stat)}, not an article file` });
    }
  }
  const { kept: files, duplicates } = oneEntryPerFile(candidates);
  for (const d of duplicates) problems.push({ path: d.path, message: `the same file as ${show(d.of)}, analysed once` });
  return { files, problems: problems.sort((a, b) => byPath(a.path, b.path) || byPath(a.message, b.message)) };
}

/**
 * The article files (`.txt`, `.md`, or what `isArticle` accepts) named by `paths` or found below the
 * folders among them, sorted by path, each once. A path named outright is taken whatever its name or
 * where its links lead (the user chose it), but must be a regular file. Below a folder, links are
 * followed only within the real folders given; folders reached without a link are searched first, so
 * a file keeps its own path over a link's, and a folder is searched once.
 */
export function findArticleFiles(paths: readonly string[], options: FindOptions = {}): FoundFiles {
  const search = walk(paths, options);
  let answer: FsAnswer = { value: undefined };
  for (;;) {
    const step = search.next(answer);
    if (step.done) return step.value;
    const { op, path } = step.value;
    try {
      answer = { value: op === 'stat' ? statSync(path) : op === 'realpath' ? realpathSync(path) : readdirSync(path, { withFileTypes: true }) };
    } catch (error) {
      answer = { error };
    }
  }
}

/**
 * `findArticleFiles` without blocking the thread while the folders are listed; `isCancelled` stops it
 * between two calls (nothing is found then).
 */
export async function findArticleFilesAsync(
  paths: readonly string[],
  options: FindOptions & { readonly isCancelled?: () => boolean } = {},
): Promise<FoundFiles> {
  const search = walk(paths, options);
  let answer: FsAnswer = { value: undefined };
  for (;;) {
    if (options.isCancelled?.()) return { files: [], problems: [] };
    const step = search.next(answer);
    if (step.done) return step.value;
    const { op, path } = step.value;
    try {
      answer = { value: await (op === 'stat' ? fsp.stat(path) : op === 'realpath' ? fsp.realpath(path) : fsp.readdir(path, { withFileTypes: true })) };
    } catch (error) {
      answer = { error };
    }
  }
}

/** Whether the article search leaves out a folder of this name (hidden, tools' and build output). */
export function skippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || name.startsWith('.');
}

/** Why a file could not be read, beside the reasons `decodeArticle` gives. */
export type ReadFailure = { readonly ok: false; readonly reason: 'unreadable' | 'not-a-file'; readonly message: string };

/** Flags to open an article with: read only, never blocking (a FIFO), never through a final link. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** Why a file could not be opened, or its status read. */
export function openFailure(e: unknown): ReadFailure {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'not-a-file', message: 'a link, not an article file' };
  return { ok: false, reason: 'unreadable', message: `cannot be read (${errorText(e)})` };
}

/** Why a file that was opened is not read at all, judged by its stat before reading; undefined to read it. */
function refusal(stat: Stats, maxBytes: number): Decoded | ReadFailure | undefined {
  if (!stat.isFile()) return { ok: false, reason: 'not-a-file', message: `${kindOf(stat)}, not an article file` };
  if (overLimit(stat.size, maxBytes)) return { ok: false, reason: 'too-large', message: tooLargeMessage(stat.size, maxBytes) };
  return undefined;
}

/** The bytes read, decoded, or refused when there were more than the limit. */
function decodeRead({ buffer, length }: Bounded, stat: Stats, maxBytes: number): Decoded {
  if (overLimit(length, maxBytes)) {
    return { ok: false, reason: 'too-large', message: `over the ${formatSize(maxBytes)} limit (it holds more than its size, ${formatSize(stat.size)}, says)` };
  }
  return decodeArticle(buffer.subarray(0, length), { maxBytes });
}

/**
 * A buffer sized from the file's stat that grows while the file holds more, up to `maxBytes + 1`
 * bytes: enough to know the file is over the limit, never more.
 */
class Bounded {
  private readonly cap: number;
  buffer: Buffer;
  length = 0;

  constructor(size: number, maxBytes: number) {
    this.cap = maxBytes + 1;
    this.buffer = Buffer.allocUnsafe(Math.min(this.cap, Math.max(size + 1, 64 * 1024)));
  }

  get full(): boolean {
    return this.length >= this.cap;
  }

  /** Room for the next read: the buffer and how much of it is free, grown when none is. */
  room(): [Buffer, number, number] {
    if (this.length === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.cap, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return [this.buffer, this.length, this.buffer.length - this.length];
  }
}

/**
 * Reads and decodes an article file of at most `maxBytes` bytes. The file is opened without blocking
 * and without following a final link, must be a regular file, and is skipped by its size before any of
 * it is read; at most `maxBytes + 1` bytes are ever read, so a file that grows meanwhile, or whose size
 * is not what it says, is still refused as too large at that cost.
 */
export function readArticleFile(path: string, maxBytes: number): Decoded | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return openFailure(e);
  }
  try {
    const stat = fstatSync(fd);
    const refused = refusal(stat, maxBytes);
    if (refused) return refused;
    const read = new Bounded(stat.size, maxBytes);
    while (!read.full) {
      const n = readSync(fd, ...read.room(), null);
      if (n === 0) break;
      read.length += n;
    }
    return decodeRead(read, stat, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot be read (${errorText(e)})` };
  } finally {
    closeSync(fd);
  }
}

/** `readArticleFile` without blocking the thread: for the extension host, which must stay responsive. */
export async function readArticleFileAsync(path: string, maxBytes: number): Promise<Decoded | ReadFailure> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, OPEN_FLAGS);
  } catch (e) {
    return openFailure(e);
  }
  try {
    const stat = await handle.stat();
    const refused = refusal(stat, maxBytes);
    if (refused) return refused;
    const read = new Bounded(stat.size, maxBytes);
    while (!read.full) {
      const { bytesRead } = await handle.read(...read.room(), null);
      if (bytesRead === 0) break;
      read.length += bytesRead;
    }
    return decodeRead(read, stat, maxBytes);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot be read (${errorText(e)})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
