import type { Paragraph } from './types';

export interface DocumentDescription {
  /** The headline; else the lead sentence, shortened; else the file name. */
  readonly title: string;
  /** Where the title came from. */
  readonly titleFrom: 'headline' | 'lead' | 'file';
  /** The outlet the text names for itself, or null. */
  readonly source: string | null;
}

/** How far into an article a headline may stand (chrome and captions come first on many pages). */
const HEADLINE_WINDOW = 8;
const MAX_TITLE = 110;
const MAX_LEAD_TITLE = 80;

/** Page furniture copied along with the article text; never a headline. */
const CHROME = new Set(
  [
    'connect with us', 'world news', 'news', 'skip to content', 'skip to main content', 'menu', 'search', 'home',
    'subscribe', 'sign in', 'log in', 'login', 'register', 'advertisement', 'share', 'share this article',
    'follow us', 'read also', 'read more', 'related articles', 'related', 'leave a reply', 'source link',
    'back to top button', 'back to top', 'listen to this article', 'print', 'latest news', 'breaking news',
    'top stories', 'most read', 'trending', 'close', 'loading', 'cookie settings', 'accept cookies',
  ].map((s) => s.toLowerCase()),
);

/** Words that open a headline like a label and are not outlets. */
const NOT_OUTLETS = new Set([
  'breaking', 'update', 'updated', 'exclusive', 'opinion', 'analysis', 'live', 'watch', 'video', 'explainer',
  'editorial', 'comment', 'review', 'interview', 'factbox', 'timeline', 'photos', 'read also', 'us officials',
]);

/** Photo captions and credit lines: position markers, agency credits, usage restrictions. */
const CAPTION =
  /\((?:[LCR]|\d[LR]|left|right|centre|center|front|back)\)|\b(?:MANDATORY CREDIT|EDITORIAL USE ONLY|Getty Images|Photo(?:graph)?:|File photo|Image:|Credit:)|\b[A-Z]{2,}-[A-Z]{2,}\/[A-Z]{2,}/;

/** Finds a document's headline and the outlet it names. */
export function describeDocument(text: string, paras: readonly Paragraph[], fileName: string): DocumentDescription {
  const source = datelineSource(text, paras) ?? creditSource(text, paras);
  for (const p of paras.slice(0, HEADLINE_WINDOW)) {
    // A Markdown heading's marks are not part of its words.
    const line = text.slice(p.start, p.end).replace(/^#{1,6}\s+/, '');
    if (!isHeadline(line)) continue;
    const split = splitHeadline(line);
    return { title: shorten(split.title), titleFrom: 'headline', source: split.source ?? source };
  }
  const lead = paras.find((p) => !isChrome(text.slice(p.start, p.end)) && !CAPTION.test(text.slice(p.start, p.end)));
  if (lead) {
    const sentence = /^.*?[.!?](?=\s|$)/s.exec(text.slice(lead.start, lead.end))?.[0] ?? text.slice(lead.start, lead.end);
    if (wordCount(sentence) >= 4) return { title: shorten(sentence.replace(/[.!?]$/, ''), MAX_LEAD_TITLE), titleFrom: 'lead', source };
  }
  return { title: fileName, titleFrom: 'file', source };
}

function isChrome(line: string): boolean {
  return CHROME.has(line.trim().replace(/[:.|»›>]+$/, '').trim().toLowerCase());
}

function isHeadline(line: string): boolean {
  if (isChrome(line) || CAPTION.test(line)) return false;
  const words = wordCount(line);
  if (words < 4 || words > 30) return false;
  if (!/^[\p{Lu}\p{N}‘'“"]/u.test(line)) return false;
  // A headline is not a sentence of running text: no closing full stop, no second sentence.
  if (/[.;,]$/.test(line) || /[.!?]\s+\p{Lu}/u.test(line)) return false;
  return true;
}

/** "CNN: Headline" and "Headline — Site Name" carry the outlet beside the headline. */
function splitHeadline(line: string): { title: string; source: string | null } {
  const lead = /^([\p{Lu}][\p{L}\p{N}&.' -]{0,30}?):\s+(.+)$/u.exec(line);
  if (lead && !NOT_OUTLETS.has(lead[1]!.toLowerCase()) && wordCount(lead[1]!) <= 3) {
    return { title: lead[2]!, source: lead[1]! };
  }
  const tail = /^(.+?)\s+(?:[|—–]|-{1,2}|::)\s+([\p{Lu}][\p{L}\p{N}&.' ]{1,40})$/u.exec(line);
  if (tail && wordCount(tail[2]!) <= 5) return { title: tail[1]!, source: siteName(tail[2]!) };
  return { title: line, source: null };
}

/** "RT World News" names the outlet RT; "Fox News" is the outlet itself. */
function siteName(name: string): string {
  const m = /^([\p{Lu}\p{N}]{2,})\s+(?:World\s+|Latest\s+|Breaking\s+)?News(?:\s+Online)?$/u.exec(name.trim());
  return m ? m[1]! : name.trim();
}

/** A dateline's agency: "Beijing, Apr 26 (EFE).-", "WASHINGTON (Reuters) -". */
function datelineSource(text: string, paras: readonly Paragraph[]): string | null {
  for (const p of paras.slice(0, HEADLINE_WINDOW + 2)) {
    const head = text.slice(p.start, Math.min(p.end, p.start + 80));
    const m = /^[\p{Lu}][\p{L} .'-]{1,40}(?:,[^()\n]{1,25})?\s*\(([\p{Lu}][\p{L}.&-]{1,20}(?: [\p{Lu}][\p{L}]+)?)\)\s*[.,]?\s*[-–—:]/u.exec(head);
    if (m) return m[1]!;
  }
  return null;
}

/** A syndication credit: "…has not been edited by NDTV staff…", "(Reporting by … ; Editing by …)" is not one. */
function creditSource(text: string, paras: readonly Paragraph[]): string | null {
  for (const p of paras.slice(-4)) {
    const m = /\bedited by ([\p{Lu}][\p{L}\p{N}&.]*(?: [\p{Lu}][\p{L}\p{N}&.]*){0,3}) staff\b/u.exec(text.slice(p.start, p.end));
    if (m) return m[1]!;
  }
  return null;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function shorten(s: string, max = MAX_TITLE): string {
  const t = s.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd() + '…';
}
