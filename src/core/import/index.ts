/**
 * Importing saved web pages into a folder of articles: one policy for the command line and the
 * extension, over a host that reads and creates files in its own way (Node's file system, VS Code's).
 */
import { decodeArticle } from '../text/decode';
import { kibibytes } from '../text/size';
import { articleFileNames, importPage } from './html';

export { articleDate, formatFrontMatter, parseFrontMatter, type ArticleMeta, type FrontMatter } from './front-matter';
export { articleFileNames, importPage, type PageImport } from './html';

/** Saved pages carry their scripts and styles inline: larger than articles, still bounded. */
export const MAX_PAGE_BYTES = kibibytes(20 * 1024);

/** File names tried for one article before giving up: more than any folder holds of one headline. */
const MAX_NAME_TRIES = 1000;

/** Whether a file name is one of a saved web page. */
export function isWebPageName(name: string): boolean {
  return /\.html?$/i.test(name);
}

export interface PageImportHost {
  /** The page's bytes, or why it cannot be read. */
  read(source: string): Promise<Uint8Array | { readonly error: string }>;
  /**
   * Creates a file of that name in the output folder, only if no file has it: 'exists' (and nothing
   * written) otherwise.
   */
  create(name: string, text: string): Promise<'created' | 'exists'>;
}

export type PageImportResult =
  | { readonly source: string; readonly ok: true; readonly file: string; readonly title: string | undefined }
  | { readonly source: string; readonly ok: false; readonly message: string };

/**
 * Imports each page in turn into a new Markdown article named after its headline. An existing file
 * is never written over: the next free name is taken. `nameOf` gives a source's file name, the
 * fallback for an article without a headline.
 */
export async function importPages(
  sources: readonly string[],
  host: PageImportHost,
  nameOf: (source: string) => string,
): Promise<PageImportResult[]> {
  const results: PageImportResult[] = [];
  for (const source of sources) results.push(await importOne(source, host, nameOf(source)));
  return results;
}

async function importOne(source: string, host: PageImportHost, fileName: string): Promise<PageImportResult> {
  const bytes = await host.read(source);
  if (!(bytes instanceof Uint8Array)) return { source, ok: false, message: bytes.error };
  const decoded = decodeArticle(bytes, { maxBytes: MAX_PAGE_BYTES });
  if (!decoded.ok) return { source, ok: false, message: `skipped, ${decoded.message}` };
  const page = importPage(decoded.text);
  if (!page.ok) return { source, ok: false, message: page.message };
  const names = articleFileNames(page.meta, fileName.replace(/\.html?$/i, ''));
  for (let i = 0; i < MAX_NAME_TRIES; i++) {
    const name = names.next().value!;
    if ((await host.create(name, page.markdown)) === 'created') return { source, ok: true, file: name, title: page.meta.title };
  }
  return { source, ok: false, message: `no free file name for it in the output folder (${MAX_NAME_TRIES} tried)` };
}
