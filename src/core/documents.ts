import { articleDate, parseFrontMatter } from './import/front-matter';
import { METADATA_LINE } from './text/metadata';
import { isMarkdownName, linkWords } from './text/scope';
import type { Paragraph } from './types';

export interface DocumentDescription {
  /** The front matter's title; else the headline; else the lead sentence, shortened; else the file name. */
  readonly title: string;
  /** Where the title came from. */
  readonly titleFrom: 'front matter' | 'headline' | 'lead' | 'file';
  /** The outlet the front matter or the text names, or null. */
  readonly source: string | null;
  /** The day of publication the front matter gives (`YYYY-MM-DD`), when it gives one. */
  readonly date?: string;
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

const METADATA = METADATA_LINE;

/** Words that end the name of a news outlet ("Fox News", "The Baltimore Sun", "Daily Mail"). */
const OUTLET_WORDS =
  /\b(?:News|Times|Post|Journal|Herald|Tribune|Telegraph|Guardian|Gazette|Daily|Agency|Press|Wire|TV|Radio|Online|Network|Media|Today|Mail|Express|Observer|Standard|Chronicle|Reporter|Insider|Week|Weekly|Sun|Star|Mirror|Independent|Review|Magazine|Broadcasting|Channel|Bulletin|Monitor|Dispatch|Examiner|Inquirer|Courier|Sentinel|Globe|Record|Register|Times of \p{Lu}\p{L}+)$/u;

/** Agencies and sites known by one ordinary-looking word. */
const ONE_WORD_OUTLETS = new Set([
  'reuters', 'bloomberg', 'xinhua', 'axios', 'politico', 'sputnik', 'interfax', 'yonhap', 'kyodo', 'anadolu', 'bernama',
  'tass', 'efe', 'ansa', 'euronews', 'semafor', 'vox', 'wired', 'newsweek', 'forbes', 'fortune', 'mediapart',
]);

/**
 * Whether a name can be an outlet: an acronym ("CNN", "NDTV"), a site's address ("Axios.com"), a name
 * ending like one ("Fox News", "The Baltimore Sun") or a known agency ("Reuters"). The first half of
 * a headline ("Central bank chief", "Bridge collapse") is none of these.
 */
function isOutletName(name: string): boolean {
  const n = name.trim();
  if (/^[\p{Lu}\p{N}&]{2,8}$/u.test(n)) return true;
  if (/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|co|io|info|news|tv|uk|in|au|ca|br|de|fr)$/iu.test(n)) return true;
  if (ONE_WORD_OUTLETS.has(n.toLowerCase())) return true;
  const words = n.split(/\s+/);
  return words.length >= 2 && words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|the|and|de|la|le)$/.test(w)) && OUTLET_WORDS.test(n);
}

/**
 * Finds a document's headline, the outlet it names and its date. What its front matter says is taken
 * over anything guessed from the text.
 */
export function describeDocument(text: string, paras: readonly Paragraph[], fileName: string): DocumentDescription {
  const meta = parseFrontMatter(text)?.meta;
  if (!meta) return describeText(text, paras, fileName);
  const date = articleDate(meta.date);
  const guessed = meta.title && meta.source ? null : describeText(text, paras, fileName);
  return {
    title: meta.title ? shorten(meta.title) : guessed!.title,
    titleFrom: meta.title ? 'front matter' : guessed!.titleFrom,
    source: meta.source ?? guessed!.source,
    ...(date ? { date } : {}),
  };
}

/**
 * Orders articles by their date where they have one, earliest first, ahead of those without; a
 * stable sort keeps the order of articles that compare equal (undated ones among themselves).
 */
export function byDate(a: { readonly date?: string }, b: { readonly date?: string }): number {
  if (a.date && b.date) return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  return a.date ? -1 : b.date ? 1 : 0;
}

/**
 * An article's title as lists show it: after its date when it has one (`2024-04-26 · Headline`), so
 * that a list in title order has the dated articles first, earliest first.
 */
export function datedTitle(doc: { readonly title: string; readonly date?: string }): string {
  return doc.date ? `${doc.date} · ${doc.title}` : doc.title;
}

function describeText(text: string, paras: readonly Paragraph[], fileName: string): DocumentDescription {
  const markdown = isMarkdownName(fileName);
  const header = headerSource(text, paras);
  const source = header ?? datelineSource(text, paras) ?? creditSource(text, paras);
  for (const p of paras.slice(0, HEADLINE_WINDOW)) {
    // A Markdown heading's marks and a link's brackets and target are not part of its words.
    const written = text.slice(p.start, p.end).replace(/^#{1,6}\s+/, '');
    const line = markdown ? linkWords(written) : written;
    // A headline stands above the story: after its first sentence of running text, none is looked for.
    if (isRunningText(line)) break;
    if (METADATA.test(line) || !isHeadline(line)) continue;
    const split = splitHeadline(line);
    return { title: shorten(split.title), titleFrom: 'headline', source: header ?? split.source ?? source };
  }
  const lead = paras.find((p) => {
    const line = text.slice(p.start, p.end);
    return !isChrome(line) && !CAPTION.test(line) && !METADATA.test(line);
  });
  if (lead) {
    // The lead's first sentence, not cut at an initial or a title ("John Q. Smith", "Gov. Wes Moore").
    const first = /^.*?(?<!(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Adm|Lt|Capt|Sgt|St|Jr|Sr|Prof|U\.S|U\.K))[.!?](?=\s|$)/su;
    const sentence = first.exec(text.slice(lead.start, lead.end))?.[0] ?? text.slice(lead.start, lead.end);
    if (wordCount(sentence) >= 4) return { title: shorten(sentence.replace(/[.!?]$/, ''), MAX_LEAD_TITLE), titleFrom: 'lead', source };
  }
  return { title: fileName, titleFrom: 'file', source };
}

/** A paragraph of the story itself: several words ending a sentence, not page furniture or a caption. */
function isRunningText(line: string): boolean {
  return wordCount(line) >= 8 && /[.!?]["'”’)]?$/.test(line) && !isChrome(line) && !CAPTION.test(line) && !METADATA.test(line);
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

/**
 * "CNN: Headline" and "Headline — Site Name" carry the outlet beside the headline, when that part can
 * be an outlet's name: "Central bank chief: time to act" and "Bridge collapse: what we know so far"
 * are headlines with a colon, whole. After a bar ("Headline | Site") any short capitalised name is the site.
 */
function splitHeadline(line: string): { title: string; source: string | null } {
  const lead = /^([\p{Lu}][\p{L}\p{N}&.' -]{0,30}?):\s+(.+)$/u.exec(line);
  if (lead && !NOT_OUTLETS.has(lead[1]!.toLowerCase()) && wordCount(lead[1]!) <= 3 && isOutletName(lead[1]!)) {
    return { title: lead[2]!, source: lead[1]! };
  }
  const tail = /^(.+?)\s+([|—–]|-{1,2}|::)\s+([\p{Lu}][\p{L}\p{N}&.' ]{1,40})$/u.exec(line);
  if (tail && wordCount(tail[3]!) <= 5 && (tail[2] === '|' || isOutletName(tail[3]!))) {
    return { title: tail[1]!, source: siteName(tail[3]!) };
  }
  return { title: line, source: null };
}

/** The outlet a saved article's header names ("Source: The Hill"). */
function headerSource(text: string, paras: readonly Paragraph[]): string | null {
  for (const p of paras.slice(0, HEADLINE_WINDOW)) {
    const m = METADATA.exec(text.slice(p.start, p.end));
    if (!m || !/^(?:source|outlet|publisher|publication)$/i.test(m[1]!)) continue;
    const name = m[2]!.trim();
    if (name.length > 0 && name.length <= 60 && !/^https?:/i.test(name)) return name;
  }
  return null;
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
