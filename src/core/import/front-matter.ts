/**
 * Front matter: the `---` block of `key: value` lines that opens a Markdown article (Jekyll, Hugo,
 * Obsidian and Crosswire's own imports write it). Only the flat subset articles use is read: one
 * scalar per key, plain or in single or double quotes. A block that is anything else is not front
 * matter, and the text is read as it stands.
 */

/** What front matter says of an article, as Crosswire reads it. */
export interface ArticleMeta {
  readonly title?: string;
  /** The outlet. `outlet`, `publisher`, `site` and `site_name` are read as this too. */
  readonly source?: string;
  readonly author?: string;
  /** As written; `articleDate` reads it. */
  readonly date?: string;
  readonly url?: string;
}

export interface FrontMatter {
  readonly meta: ArticleMeta;
  /** Offset just after the closing line: where the article's own text begins. */
  readonly end: number;
}

/** Longest front matter read: an article's block is a few lines, never a page. */
const MAX_LINES = 60;

const KEYS: Readonly<Record<string, keyof ArticleMeta>> = {
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  publication: 'source',
  site: 'source',
  site_name: 'source',
  author: 'author',
  byline: 'author',
  authors: 'author',
  date: 'date',
  published: 'date',
  datepublished: 'date',
  url: 'url',
  link: 'url',
  canonical: 'url',
};

/**
 * The front matter opening `text`, or null. The first line must be `---` and a line `---` (or `...`)
 * must close the block within its first lines; every line between is blank, a `# comment`, or a
 * `key: value` pair (keys other than Crosswire's are allowed and ignored).
 */
export function parseFrontMatter(text: string): FrontMatter | null {
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /---[ \t]*(?:\r\n|\n|\r)/y;
  open.lastIndex = body;
  if (!open.test(text)) return null;
  const line = /([^\r\n]*)(\r\n|\n|\r|$)/y;
  line.lastIndex = open.lastIndex;
  const meta: Record<string, string> = {};
  for (let n = 0; n < MAX_LINES && line.lastIndex < text.length; n++) {
    const m = line.exec(text);
    if (!m) break;
    const content = m[1]!.trimEnd();
    if (content === '---' || content === '...') return { meta, end: line.lastIndex };
    // Blank lines, comments, and the indented lines of another key's list or map.
    if (content.trim() === '' || /^\s*#/.test(content) || /^[ \t]+\S/.test(content)) continue;
    const pair = /^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(content);
    if (!pair) return null;
    const key = KEYS[pair[1]!.toLowerCase().replace(/-/g, '_')];
    if (!key || pair[2] === undefined) continue;
    const value = scalar(pair[2]);
    if (value === 'unclosed') return null;
    if (value && meta[key] === undefined) meta[key] = value;
  }
  return null;
}

/**
 * A YAML flow scalar as articles write one; null for what this reader does not take (a list, a map,
 * a block), and 'unclosed' for a quoted value that does not end: then the block is not front matter.
 */
function scalar(raw: string): string | null {
  const v = raw.trim();
  if (v.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(v);
      return typeof parsed === 'string' ? parsed.trim() : null;
    } catch {
      return /^"(?:[^"\\]|\\.)*"$/.test(v) ? null : 'unclosed';
    }
  }
  if (v.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'$/.exec(v);
    return m ? m[1]!.replace(/''/g, "'").trim() : 'unclosed';
  }
  if (/^[[{|>]/.test(v)) return null;
  // A plain scalar ends at a comment.
  return v.replace(/\s+#.*$/, '').trim();
}

/** Front matter holding the given fields, in a fixed order, each value double-quoted. */
export function formatFrontMatter(meta: ArticleMeta): string {
  const order: (keyof ArticleMeta)[] = ['title', 'source', 'author', 'date', 'url'];
  const lines = order.filter((k) => meta[k]).map((k) => `${k}: ${quote(meta[k]!)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** JSON's string syntax is YAML's double-quoted scalar; line breaks and controls become escapes. */
function quote(value: string): string {
  return JSON.stringify(value.replace(/\s+/g, ' ').trim());
}

/**
 * The calendar day a date names, as `YYYY-MM-DD`, or null. Takes ISO dates and times (`2024-04-26`,
 * `2024-04-26T09:30:00Z`, read in the time zone written) and the forms JavaScript's Date reads
 * unambiguously with a month name (`April 26, 2024`, `26 Apr 2024`).
 */
export function articleDate(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!/[A-Za-z]{3}/.test(v) || !/\b\d{4}\b/.test(v)) return null;
  const parsed = new Date(`${v.replace(/(\d)(st|nd|rd|th)\b/, '$1')} 12:00 UTC`);
  if (Number.isNaN(parsed.getTime())) return null;
  return validDay(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate());
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
