import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { Corpus } from './core/corpus';
import { jsonReport, textReport } from './core/report';
import { decodeArticle } from './core/text/decode';

const USAGE = `Usage: crosswire analyze [--json] [--max-size KB] <files or folders…>

Finds the people, places and organisations named in news articles, the quotations and who said them,
and which quotes in other articles report the same words. Folders are searched for .txt and .md files.

  --json          machine-readable output
  --max-size KB   skip files larger than this (default 5120)
  -h, --help      this help
`;

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

interface Options {
  json: boolean;
  maxBytes: number;
  paths: string[];
}

function parse(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === undefined) return 'help';
  if (command !== 'analyze') return `unknown command "${command}"`;
  const options: Options = { json: false, maxBytes: 5120 * 1024, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') options.json = true;
    else if (a === '-h' || a === '--help') return 'help';
    else if (a === '--max-size') {
      const kb = Number(rest[++i]);
      if (!Number.isFinite(kb) || kb <= 0) return '--max-size takes a size in KB';
      options.maxBytes = kb * 1024;
    } else if (a.startsWith('-') && a !== '-') return `unknown option "${a}"`;
    else options.paths.push(a);
  }
  if (options.paths.length === 0) return 'no files or folders given';
  return options;
}

/** Expands folders into the article files below them, in a stable order. */
function collect(path: string, problems: string[], out: string[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    problems.push(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
    return;
  }
  if (stat.isFile()) {
    out.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (e) {
    problems.push(`${path}: cannot list the folder (${(e as Error).message})`);
    return;
  }
  for (const name of names) {
    const child = join(path, name);
    let s;
    try {
      s = statSync(child);
    } catch {
      continue;
    }
    if (s.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.')) collect(child, problems, out);
    } else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) {
      out.push(child);
    }
  }
}

/** Where the command line writes: the process's streams, or a test's buffers. */
export interface Io {
  readonly out: { write(s: string): unknown };
  readonly err: { write(s: string): unknown };
}

export function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): number {
  const options = parse(argv);
  if (options === 'help') {
    io.out.write(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    io.err.write(`crosswire: ${options}\n\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const files: string[] = [];
  for (const p of options.paths) collect(p, problems, files);
  const corpus = new Corpus();
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      problems.push(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const decoded = decodeArticle(bytes, { maxBytes: options.maxBytes });
    if (!decoded.ok) {
      problems.push(`${file}: skipped, ${decoded.message}`);
      continue;
    }
    if (decoded.replaced > 0) problems.push(`${file}: ${decoded.replaced} invalid UTF-8 sequences replaced`);
    try {
      corpus.set(file, decoded.text);
    } catch (e) {
      problems.push(`${file}: could not be analysed (${(e as Error).message})`);
    }
  }
  for (const p of problems) io.err.write(`crosswire: ${p}\n`);
  const analysed = corpus.documents().length;
  if (analysed === 0) {
    io.err.write(`crosswire: nothing could be analysed${files.length ? '' : ' (no .txt or .md files found)'}\n`);
    return 1;
  }
  const pathOf = (uri: string): string => relative(process.cwd(), uri) || uri;
  io.out.write(options.json ? JSON.stringify(jsonReport(corpus, pathOf), null, 2) + '\n' : textReport(corpus, pathOf));
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
