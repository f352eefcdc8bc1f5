/**
 * Saved web pages as articles: Mozilla's Readability (the reader view of Firefox) finds the story in
 * the page's chrome, over linkedom's DOM, and the story becomes a Markdown article whose front matter
 * holds the headline, outlet, author, date and address.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleDate, formatFrontMatter, type ArticleMeta } from './front-matter';

/** The few DOM members the conversion reads (the project's types do not include the DOM's). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
interface DomDocument {
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  readonly childNodes: ArrayLike<DomNode>;
}

export type PageImport =
  | { readonly ok: true; readonly meta: ArticleMeta; readonly markdown: string; readonly words: number }
  | { readonly ok: false; readonly message: string };

export interface PageImportOptions {
  /** The page's address when the caller knows it better than the page does. */
  readonly url?: string;
}

/** Below this, what Readability keeps is a teaser, a list or a notice, not an article. */
const MIN_WORDS = 80;
/** An article has at least this many paragraphs of running text. */
const MIN_PARAGRAPHS = 2;
const MIN_PARAGRAPH_WORDS = 12;

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'TH', 'DT', 'DD']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'BUTTON', 'FORM']);

/**
 * Turns a saved page's HTML into a Markdown article, or says why the page is not one (a front page,
 * a list of links, a paywall notice).
 */
export function importPage(html: string, options: PageImportOptions = {}): PageImport {
  const { document } = parseHTML(html) as unknown as { document: DomDocument & { documentElement?: unknown } };
  if (!document?.documentElement) return { ok: false, message: 'not an article: the file holds no web page' };
  // Read before Readability, which rewrites the document as it looks for the story.
  const url = options.url ?? pageUrl(document, html);
  const fallbackDate = pageDate(document);
  const metaSource = metaContent(document, ['og:site_name', 'application-name', 'publisher']);
  const fallbackAuthor = metaContent(document, ['author', 'article:author', 'dc.creator', 'byl']);
  const pageTitle = document.querySelector('title')?.textContent?.trim() ?? '';

  const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const blocks = parsed?.content ? textBlocks(parsed.content) : [];
  const running = blocks.filter((b) => b.kind === 'text' && wordCount(b.text) >= MIN_PARAGRAPH_WORDS).length;
  const words = blocks.reduce((n, b) => n + wordCount(b.text), 0);
  if (!parsed || words < MIN_WORDS || running < MIN_PARAGRAPHS) {
    return {
      ok: false,
      message:
        `not an article: no story was found in the page (${words} word${words === 1 ? '' : 's'} of text in ` +
        `${running} paragraph${running === 1 ? '' : 's'}); it may be a front page, a list of links or a paywall notice`,
    };
  }

  const title = clean(parsed.title) ?? (pageTitle || undefined);
  const source = clean(parsed.siteName) ?? metaSource ?? titleSuffixSource(pageTitle) ?? hostSource(url);
  const author = byline(clean(parsed.byline) ?? fallbackAuthor);
  const date = articleDate(clean(parsed.publishedTime)) ?? fallbackDate;
  const meta: ArticleMeta = {
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
  };
  // Readability usually drops a heading that repeats the title; when it keeps one, it is not repeated.
  const body = blocks.filter((b, i) => !(i === 0 && b.kind === 'heading' && title && sameWords(b.text, title)));
  const lines = [...(title ? [`# ${title}`] : []), ...body.map(markdownOf)];
  return { ok: true, meta, markdown: `${formatFrontMatter(meta)}\n${lines.join('\n\n')}\n`, words };
}

interface Block {
  readonly kind: 'text' | 'heading' | 'item' | 'quote' | 'code';
  readonly level?: number;
  readonly text: string;
}

function markdownOf(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(2, b.level ?? 2)))} ${b.text}`;
    case 'item':
      return `- ${b.text}`;
    case 'quote':
      return `> ${b.text}`;
    case 'code':
    case 'text':
      return b.text;
  }
}

/** The story's paragraphs, headings and list items, in order, each as one line of plain text. */
function textBlocks(root: DomNode): Block[] {
  const out: Block[] = [];
  let loose = '';
  const flush = (): void => {
    const text = collapse(loose);
    if (text) out.push({ kind: 'text', text });
    loose = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        loose += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1 || SKIPPED.has(child.nodeName)) continue;
      if (child.nodeName === 'BR') {
        loose += ' ';
        continue;
      }
      if (!BLOCKS.has(child.nodeName) || hasBlockChild(child)) {
        if (isBlockish(child)) flush();
        walk(child);
        if (isBlockish(child)) flush();
        continue;
      }
      flush();
      const text = collapse(inlineText(child));
      if (!text) continue;
      const name = child.nodeName;
      if (/^H[1-6]$/.test(name)) out.push({ kind: 'heading', level: Number(name[1]), text });
      else if (name === 'LI' || name === 'DD' || name === 'DT') out.push({ kind: 'item', text });
      else if (name === 'BLOCKQUOTE') out.push({ kind: 'quote', text });
      else out.push({ kind: name === 'PRE' ? 'code' : 'text', text });
    }
  };
  walk(root);
  flush();
  return out;
}

/** Containers (DIV, SECTION, a list) break the text around them; inline elements (A, SPAN, EM) do not. */
function isBlockish(node: DomNode): boolean {
  return /^(?:DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|UL|OL|DL|FIGURE|TABLE|TBODY|THEAD|TR|BLOCKQUOTE|NAV|HR)$/.test(node.nodeName) || BLOCKS.has(node.nodeName);
}

function hasBlockChild(node: DomNode): boolean {
  return Array.from(node.childNodes).some((c) => c.nodeType === 1 && (BLOCKS.has(c.nodeName) || /^(?:DIV|UL|OL|TABLE)$/.test(c.nodeName)));
}

function inlineText(node: DomNode): string {
  let s = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) s += child.textContent ?? '';
    else if (child.nodeType === 1 && !SKIPPED.has(child.nodeName)) s += child.nodeName === 'BR' ? ' ' : inlineText(child);
  }
  return s;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function clean(s: string | null | undefined): string | undefined {
  const t = collapse(s ?? '');
  return t ? t : undefined;
}

/** "By Jane Doe" is Jane Doe; a byline as long as a sentence is not a name. */
function byline(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = s.replace(/^by\s+/i, '').replace(/\s*[|·•].*$/, '').trim();
  return t && t.length <= 100 ? t : undefined;
}

function metaContent(document: DomDocument, names: readonly string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = clean(el?.getAttribute?.('content'));
    if (value) return value;
  }
  return undefined;
}

/**
 * The address the page was saved from: its canonical link, its Open Graph address, or the comment
 * browsers write at the top of a saved page (`<!-- saved from url=(0042)https://… -->`).
 */
function pageUrl(document: DomDocument, html: string): string | undefined {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute?.('href'),
    metaContent(document, ['og:url']),
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2000))?.[1],
  ];
  return candidates.map((c) => clean(c)).find((c) => c !== undefined && /^https?:\/\//i.test(c));
}

function pageDate(document: DomDocument): string | null {
  const meta = metaContent(document, ['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'sailthru.date']);
  const time = document.querySelector('time[datetime]')?.getAttribute?.('datetime') ?? undefined;
  return articleDate(meta) ?? articleDate(time ?? undefined);
}

/** "Headline | The Outlet" or "Headline - Outlet": the last part, when it is short enough for a name. */
function titleSuffixSource(title: string): string | undefined {
  const m = /\s[|–—-]\s([^|–—-]{2,40})$/.exec(title);
  return m ? m[1]!.trim() : undefined;
}

/** An address's site, without `www.`: what a reader calls an outlet they know by its address. */
function hostSource(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * File names to try for an imported article, best first: the headline made into a short ASCII slug,
 * then the same with -2, -3… The caller takes the first that does not exist yet, so nothing is
 * ever written over.
 */
export function* articleFileNames(meta: ArticleMeta, fallback: string): Generator<string> {
  const base = slug(meta.title ?? '') || slug(fallback) || 'article';
  yield `${base}.md`;
  for (let n = 2; ; n++) yield `${base}-${n}.md`;
}

function slug(s: string): string {
  const words = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    if (out && out.length + 1 + w.length > 60) break;
    out = out ? `${out}-${w}` : w.slice(0, 60);
  }
  return out;
}
