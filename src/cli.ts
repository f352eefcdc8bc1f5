import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Corpus } from './core/corpus';
import { CORRECTIONS_PATH, type BoundCorrection } from './core/corrections';
import { combineCorrections, unappliedCorrections, type CorrectionsFolder, type FolderRange } from './core/corrections/combined';
import { folderCorrections } from './core/corrections/folder';
import { coverage, coverageCsv, coverageText, flags } from './core/coverage';
import { EXPORT_FORMATS, exportAnalysis, exportName, FORMAT_DESCRIPTIONS, isExportFormat, type ExportFormat } from './core/export';
import { exportTargetProblem, writeExport } from './core/export/write';
import { findArticleFiles, type FoundFile } from './core/files';
import { importPages, isWebPageName, MAX_PAGE_BYTES } from './core/import';
import { Indexer } from './core/indexing/indexer';
import type { FileOutcomes } from './core/indexing/ledger';
import { NodeFsHost } from './core/indexing/node-host';
import { sameThreadAnalyzer } from './core/indexing/same-thread';
import { nullLogger } from './core/logger';
import { jsonReport, textReport } from './core/report';
import { describeDecoding } from './core/text/decode';
import { visible } from './core/text/visible';

const USAGE = `Usage: crosswire analyze [--json] [--max-size KB] [--] <files or folders…>
       crosswire coverage [--csv] [--max-size KB] [--] <files or folders…>
       crosswire export --format <format> --out <folder> [--max-size KB] [--] <files or folders…>
       crosswire import --out <folder> [--] <saved web pages or folders…>

Finds the people, places and organisations named in news articles, the quotations and who said them,
and which quotes in other articles report the same words. Folders are searched for .txt and .md files.

  --json          machine-readable output
  --csv           coverage as CSV: one row per statement, one column per article
  --max-size KB   skip files larger than this (default 5120)
  --              what follows is a path, even when it starts with "-"
  -h, --help      this help

coverage lists each statement (quotes linked across articles), the most widely carried first, with
how each article carries it (in full, cut down, reworded, not at all), whom it names as the speaker,
and where versions disagree about the speaker or change a number, a negation, a modal or a name.

analyze, coverage and export apply the corrections in .crosswire/corrections.json of each folder
given (made in the editor), and say on stderr which could not be applied and why.

export writes the analysis in one of these formats to the --out folder (made if missing), which
may not be among the articles (a hidden folder inside them, such as .crosswire/export, is fine):
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(14)}  ${FORMAT_DESCRIPTIONS[f]}`).join('\n')}

import turns saved web pages (.html, .htm) into Markdown articles in the --out folder (made if
missing): headline, outlet, author, date and address in front matter, then the article's text. An
existing file is never written over; a page that holds no article is reported and skipped.
`;

interface Options {
  command: 'analyze' | 'coverage' | 'export';
  json: boolean;
  csv: boolean;
  /** Files larger than this many KB are skipped. */
  maxSizeKB: number;
  paths: string[];
  format?: ExportFormat;
  out?: string;
}

function parse(argv: readonly string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === undefined) return 'help';
  if (command !== 'analyze' && command !== 'coverage' && command !== 'export') return `unknown command "${command}"`;
  const options: Options = { command, json: false, csv: false, maxSizeKB: 5120, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      options.paths.push(...rest.slice(i + 1));
      break;
    }
    if (a === '--json' && command === 'analyze') options.json = true;
    else if (a === '--csv' && command === 'coverage') options.csv = true;
    else if (a === '-h' || a === '--help') return 'help';
    else if (command === 'export' && (a === '--format' || a.startsWith('--format='))) {
      const value = a === '--format' ? rest[++i] : a.slice('--format='.length);
      if (value === undefined || !isExportFormat(value)) return `--format takes one of ${EXPORT_FORMATS.join(', ')}${value === undefined ? '' : ` (not "${value}")`}`;
      options.format = value;
    } else if (command === 'export' && (a === '--out' || a.startsWith('--out='))) {
      options.out = a === '--out' ? rest[++i] : a.slice('--out='.length);
      if (!options.out) return '--out takes the folder to write the export to';
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const value = a === '--max-size' ? rest[++i] : a.slice('--max-size='.length);
      const kb = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isFinite(kb) || kb <= 0) {
        return `--max-size takes a size in KB, such as --max-size 1024${value === undefined ? '' : ` (not "${value}")`}`;
      }
      options.maxSizeKB = kb;
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option "${a}" (to analyse a file of that name, put "--" before it)`;
    } else options.paths.push(a);
  }
  if (options.paths.length === 0) return 'no files or folders given';
  if (command === 'export' && !options.format) return `export needs --format, one of ${EXPORT_FORMATS.join(', ')}`;
  if (command === 'export' && options.out === undefined) return 'export needs --out <folder>, where the export is written';
  return options;
}

interface ImportOptions {
  readonly out: string;
  readonly paths: string[];
}

function parseImport(rest: readonly string[]): ImportOptions | string {
  let out: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--out' || a.startsWith('--out=')) {
      out = a === '--out' ? rest[++i] : a.slice('--out='.length);
      if (!out) return '--out takes the folder to write the articles to';
    } else if (a.startsWith('-') && a !== '-') return `unknown option "${a}" (to import a file of that name, put "--" before it)`;
    else paths.push(a);
  }
  if (out === undefined) return 'import needs --out <folder>, where the articles are written';
  if (paths.length === 0) return 'no saved web pages given';
  return { out, paths };
}

/** The pages among the paths: files as given, and the .html and .htm files of folders, hidden ones left out. */
function webPages(paths: readonly string[]): { pages: string[]; problems: string[] } {
  const pages: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Reported by the import, which reads it.
    }
    if (!isFolder) {
      pages.push(path);
      continue;
    }
    const found = readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((f) => isWebPageName(f) && !f.split(/[\\/]/).some((part) => part.startsWith('.')))
      .sort()
      .map((f) => join(path, f));
    if (found.length === 0) problems.push(`${path}: no .html or .htm files in it`);
    pages.push(...found);
  }
  return { pages, problems };
}

/** The help asked for (status 0), or a usage error and the help (status 2). */
function usage(problem: string, io: Io): number {
  if (problem === 'help') {
    io.out.write(USAGE);
    return 0;
  }
  io.err.write(`crosswire: ${visible(problem)}\n\n${USAGE}`);
  return 2;
}

/** `crosswire import`: the arguments after the command's name. */
export async function importCommand(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const options = parseImport(argv);
  if (typeof options === 'string') return usage(options, io);
  const out = resolve(options.out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    io.err.write(`crosswire: cannot make the folder ${visible(options.out)} (${(e as Error).message})\n`);
    return 1;
  }
  const { pages, problems } = webPages(options.paths);
  for (const p of problems) io.err.write(`crosswire: ${visible(p)}\n`);
  const results = await importPages(
    pages,
    {
      read: async (path) => {
        try {
          const stat = statSync(path);
          if (!stat.isFile()) return { error: 'not a file' };
          if (stat.size > MAX_PAGE_BYTES) return { error: `skipped, larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB` };
          return readFileSync(path);
        } catch (e) {
          return { error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
        }
      },
      create: async (name, text) => {
        try {
          writeFileSync(join(out, name), text, { flag: 'wx' });
          return 'created';
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
          throw e;
        }
      },
    },
    (path) => basename(path),
  );
  const shown = (path: string): string => visible(relative(process.cwd(), path) || path);
  for (const r of results) {
    if (r.ok) io.out.write(`${shown(r.source)} → ${shown(join(out, r.file))}${r.title ? `  (${visible(r.title)})` : ''}\n`);
    else io.err.write(`crosswire: ${shown(r.source)}: ${visible(r.message)}\n`);
  }
  const imported = results.filter((r) => r.ok).length;
  io.err.write(`crosswire: ${imported} of ${results.length} page${results.length === 1 ? '' : 's'} imported\n`);
  return imported > 0 ? 0 : 1;
}

/** Where the command line writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly out: { write(s: string): unknown };
  readonly err: { write(s: string): unknown };
}

/**
 * Characters JSON leaves as they are but a terminal acts on or hides (DEL, C1 controls, bidirectional
 * and zero-width characters), as \u escapes: the same JSON value, safe to print.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function main(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const options = parse(argv);
  if (typeof options === 'string') return usage(options, io);
  if (options.command === 'export') {
    const problem = exportTargetProblem(options.out!, options.paths);
    if (problem) {
      io.err.write(`crosswire: ${visible(options.out!)}: ${problem}\n`);
      return 1;
    }
  }
  const cwd = process.cwd();
  const pathOf = (path: string): string => relative(cwd, path) || path;
  const { files, problems: found } = findArticleFiles(options.paths, { cwd, display: pathOf });
  const problems = found.map((p) => `${pathOf(p.path)}: ${p.message}`);
  const corpus = new Corpus();
  const corrections = folderCorrectionsOf(options.paths);
  corpus.setCorrections(corrections.list);
  problems.push(...(await analyseFiles(corpus, files, options.maxSizeKB, pathOf)));
  for (const file of files) for (const n of corpus.notesOf(file.path)) problems.push(`${pathOf(file.path)}: ${n}`);
  problems.push(...correctionProblems(corpus, corrections, pathOf));
  for (const p of problems) io.err.write(`crosswire: ${visible(p.replace(/\n/g, '\\n'))}\n`);
  const analysed = corpus.documents().length;
  if (analysed === 0) {
    io.err.write(`crosswire: nothing could be analysed${files.length ? '' : ' (no .txt or .md files found)'}\n`);
    return 1;
  }
  if (options.command === 'coverage') {
    const cov = coverage(corpus);
    io.out.write(options.csv ? coverageCsv(cov) : coverageText(cov, flags(corpus, cov), pathOf));
    return 0;
  }
  if (options.command === 'export') return exportCommand(corpus, files, options.format!, options.out!, io);
  io.out.write(options.json ? safeJson(jsonReport(corpus, pathOf)) + '\n' : textReport(corpus, pathOf));
  return 0;
}

/**
 * Reads and analyses the files into the corpus with the indexer the extension and the benchmark run,
 * over a `node:fs` host, each file analysed once and in full. Returns what could not be read or
 * analysed and how files were decoded, file by file in the order given.
 */
async function analyseFiles(corpus: Corpus, files: readonly FoundFile[], maxSizeKB: number, pathOf: (path: string) => string): Promise<string[]> {
  const said = new Map<string, string[]>();
  const say = (key: string, line: string): void => {
    const lines = said.get(key);
    if (lines) lines.push(line);
    else said.set(key, [line]);
  };
  const outcomes: FileOutcomes = {
    read: (key, read) => {
      if (!read.ok) return say(key, `${read.reason === 'unreadable' ? '' : 'skipped, '}${read.message}`);
      const note = describeDecoding(read);
      if (note) say(key, note);
    },
    failed: (key, message) => say(key, `could not be analysed (${message})`),
  };
  // Keyed by the path each file was found under, read at its real path.
  const host = new NodeFsHost(files.map((f) => ({ key: f.path, path: f.real })));
  const indexer = new Indexer(corpus, host, nullLogger, { analyzer: sameThreadAnalyzer, maxFileSizeKB: () => maxSizeKB, responsive: false, outcomes });
  try {
    await indexer.reindex();
  } finally {
    indexer.dispose();
  }
  return files.flatMap((f) => (said.get(f.path) ?? []).map((line) => `${pathOf(f.path)}: ${line}`));
}

/** A folder given, with its corrections file. */
type GivenFolder = CorrectionsFolder & { readonly folder: string };

/** The corrections files of the folders given (`.crosswire/corrections.json` in each), as one list. */
function folderCorrectionsOf(paths: readonly string[]): { list: BoundCorrection[]; ranges: FolderRange<GivenFolder>[] } {
  const folders: GivenFolder[] = [];
  for (const folder of paths) {
    try {
      if (!statSync(folder).isDirectory()) continue;
    } catch {
      continue;
    }
    folders.push({ folder, ...folderCorrections(folder) });
  }
  return combineCorrections(folders);
}

/** What could not be read of the corrections files, and the corrections that were lost or conflict with the analysis. */
function correctionProblems(corpus: Corpus, corrections: { ranges: readonly FolderRange<GivenFolder>[] }, pathOf: (path: string) => string): string[] {
  const problems: string[] = [];
  const outcomes = corpus.correctionOutcomes();
  for (const range of corrections.ranges) {
    const { folder, file } = range.folder;
    const where = pathOf(join(resolve(folder), ...CORRECTIONS_PATH.split('/')));
    for (const p of file.problems) problems.push(`${pathOf(resolve(folder))}: ${p}`);
    for (const line of unappliedCorrections(range, outcomes)) problems.push(`${where}: ${line}`);
  }
  return problems;
}

/** Writes one format's export of the corpus under `out`; articles are named relative to the folder they share. */
function exportCommand(corpus: Corpus, files: readonly FoundFile[], format: ExportFormat, out: string, io: Io): number {
  const base = commonFolder(files.map((f) => dirname(f.path)));
  const exported = exportAnalysis(corpus, format, {
    nameOf: (uri) => exportName(relative(base, uri)),
    sourceOf: (uri) => pathToFileURL(uri).href,
  });
  try {
    const written = writeExport(resolve(out), exported, new Set(files.map((f) => f.real)));
    io.err.write(`crosswire: ${written.length} file${written.length === 1 ? '' : 's'} of ${format} written to ${visible(out)}\n`);
    return 0;
  } catch (e) {
    io.err.write(`crosswire: ${visible((e as Error).message)}\n`);
    return 1;
  }
}

/** The deepest folder holding all of `folders`. */
function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd();
  let parts = folders[0]!.split(sep);
  for (const f of folders.slice(1)) {
    const other = f.split(sep);
    let n = 0;
    while (n < parts.length && n < other.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.join(sep) || sep;
}

/** Output cut short by its reader (`crosswire analyze seeds | head`): stop quietly, as other tools do. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'import') {
    void importCommand(rest).then((code) => {
      process.exitCode = code;
    });
  } else {
    void main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  }
}
