import type { EntityType, Paragraph, RawMention } from '../types';
import {
  countryOf, isDemonym, isNationalDemonym, isOrgCue, isOutlet, isPlaceCue, isPlaceName, isTitleHead,
  isTitleModifier, normalize,
} from './gazetteer';
import { cachedTagTokens, forgetTags, tag, type Token } from './nlp';

/**
 * Longest slice handed to compromise at once. Its tagger is linear, but its memory and offset
 * bookkeeping grow badly on single inputs of hundreds of kilobytes, and a paragraph can be a whole
 * file on one line.
 */
const MAX_CHUNK = 4000;

/** A word of the text, as the chunker sees it: possessive removed, slashes split. */
interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** The word is capitalised (or an acronym such as "G7"). */
  readonly cap: boolean;
  readonly allCaps: boolean;
  /** Written with 's or ’s, or followed by a bare apostrophe. */
  readonly possessive: boolean;
  /** Punctuation other than a hyphen follows: a name never runs across it. */
  readonly breakAfter: boolean;
  readonly hyphenAfter: boolean;
  /** Punctuation such as an opening bracket or quote precedes the word. */
  readonly breakBefore: boolean;
  /** Part of a distribution notice of a photo credit ("CHINA OUT"). */
  notice?: boolean;
  /** First word of a sentence, a quotation or a headline part, where capitals say nothing. */
  readonly startLike: boolean;
}

/** Closed-class words that are capitalised only because they start a sentence or a headline. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'for', 'to', 'of', 'and', 'but', 'or', 'nor', 'as', 'if', 'so', 'this',
  'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my',
  'its', 'about', 'with', 'from', 'by', 'after', 'before', 'during', 'while', 'when', 'where', 'what', 'who',
  'why', 'how', 'all', 'any', 'some', 'no', 'not', 'yes', 'very', 'more', 'most', 'less', 'one', 'two',
  'here', 'there', 'then', 'now', 'also', 'even', 'just', 'only', 'still', 'yet', 'both', 'each', 'every',
  'other', 'such', 'because', 'although', 'though', 'unless', 'until', 'despite', 'since', 'however',
  'meanwhile', 'instead', 'earlier', 'later', 'currently', 'subsequently', 'according', 'further',
  'relevant', 'related', 'read', 'source', 'leave', 'reply', 'your', 'required', 'back', 'connect',
  'mr', 'mrs', 'ms', 'up', 'out', 'over', 'under', 'into', 'onto', 'upon', 'via', 'per', 'than', 'do', 'did',
  'does', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'shall', 'let', 'let\'s', 'please', 'thank', 'thanks', 'oh', 'well', 'like', 'unlike',
  'neither', 'either', 'without', 'within', 'amid', 'among', 'against', 'following', 'including', 'once',
]);

const CLOSED_TAGS = ['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'QuestionWord', 'Modal', 'Copula', 'Auxiliary', 'Negative'];
const NAME_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym', 'FirstName', 'LastName'];
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'del', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter']);
const SAYING = new Set(['said', 'says', 'told', 'added', 'stated', 'emphasised', 'emphasized', 'urged', 'warned', 'noted', 'insisted', 'wrote', 'replied', 'explained', 'argued', 'asked']);

const OPENERS = /[“"‘'(\[«—–-]/;

/** Characters of Markdown and HTML syntax, which a name never contains. */
const MARKUP = /[[\](){}<>|\\=*_~^$#@"]/;

interface Candidate {
  start: number;
  end: number;
  type: EntityType | null;
  /** Classified only by a weak default; the document's other mentions may overrule it. */
  soft: boolean;
  /** The word after the mention, lower-cased, for the saying-verb rule. */
  next: string;
}

/**
 * Recognises people, places and organisations in `text`, paragraph by paragraph. Mentions are sorted
 * by start and never overlap.
 */
export function recognize(text: string, paras: readonly Paragraph[]): RawMention[] {
  const parts: ChunkWork[] = [];
  const known = new Set<string>();
  for (const p of paras) {
    for (const [s, e] of chunks(text, p.start, p.end)) {
      // toWords reads one character past a word ("U.S." closing a sentence), so that character is part
      // of the key; the length says where the chunk ends and that character begins.
      const key = `${e - s}:${text.slice(s, e + 1)}`;
      const cached = chunkCache.get(key);
      let work: ChunkWork;
      if (cached) {
        work = { start: s, end: e, key, cached, words: null, strong: cached.strong };
      } else {
        const words = toWords(text, tag(text.slice(s, e)), s);
        work = { start: s, end: e, key, cached: null, words, strong: strongNames(words) };
      }
      for (const n of work.strong) known.add(n);
      parts.push(work);
    }
  }
  const cands: Candidate[] = [];
  for (const work of parts) chunkCandidates(text, work, known, cands);
  withArticle(text, cands);
  return settle(text, cands);
}

/**
 * What recognising one chunk gave, with offsets relative to the chunk, so that re-analysing an edited
 * article recognises only the chunks that changed. A chunk's candidates depend on the rest of the
 * document only through the names the document shows to be strong, so the answers to those look-ups
 * are kept and checked before the candidates are reused.
 */
interface ChunkResult {
  /** Words of the chunk that are names on their own evidence, normalised. */
  readonly strong: readonly string[];
  readonly cands: readonly Candidate[];
  /** Every word asked of the document's strong names, with the answer it got. */
  readonly lookups: ReadonlyMap<string, boolean>;
}

interface ChunkWork {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly cached: ChunkResult | null;
  readonly words: Word[] | null;
  readonly strong: readonly string[];
}

/** How many chunks' results are remembered: a few long articles' worth. */
const CHUNK_CACHE_SIZE = 4000;
const chunkCache = new Map<string, ChunkResult>();

/**
 * Forgets every remembered chunk and paragraph: the next analysis of any text starts from scratch.
 * For tests that compare a reused analysis with a fresh one, and for freeing memory.
 */
export function forgetRecognized(): void {
  chunkCache.clear();
  forgetTags();
}

/** How much recognition remembers: chunks of text and tagged tokens. */
export function recognitionCacheSize(): { chunks: number; tokens: number } {
  return { chunks: chunkCache.size, tokens: cachedTagTokens() };
}

function chunkCandidates(text: string, work: ChunkWork, known: ReadonlySet<string>, out: Candidate[]): void {
  const hit = work.cached;
  if (hit && agrees(hit.lookups, known)) {
    chunkCache.delete(work.key);
    chunkCache.set(work.key, hit);
    for (const c of hit.cands) out.push({ ...c, start: c.start + work.start, end: c.end + work.start });
    return;
  }
  const words = work.words ?? toWords(text, tag(text.slice(work.start, work.end)), work.start);
  const lookups = new Map<string, boolean>();
  const asked: NameSet = {
    has(n: string): boolean {
      const v = known.has(n);
      lookups.set(n, v);
      return v;
    },
  };
  const mine: Candidate[] = [];
  chunkParagraph(words, asked, mine);
  const rel = mine.map((c) => ({ ...c, start: c.start - work.start, end: c.end - work.start }));
  chunkCache.delete(work.key);
  chunkCache.set(work.key, { strong: work.strong, cands: rel, lookups });
  if (chunkCache.size > CHUNK_CACHE_SIZE) chunkCache.delete(chunkCache.keys().next().value as string);
  for (const c of mine) out.push(c);
}

function agrees(lookups: ReadonlyMap<string, boolean>, known: ReadonlySet<string>): boolean {
  for (const [n, v] of lookups) if (known.has(n) !== v) return false;
  return true;
}

/** The document's strong names, as the chunker asks them. */
interface NameSet {
  has(name: string): boolean;
}

/** Splits an over-long paragraph at sentence ends (or spaces) so compromise never sees a huge input. */
function chunks(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  while (end - s > MAX_CHUNK) {
    const limit = s + MAX_CHUNK;
    let cut = -1;
    for (let i = limit; i > s + MAX_CHUNK / 2; i--) {
      const c = text.charCodeAt(i - 1);
      if ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(i) === 0x20) { cut = i; break; }
    }
    if (cut < 0) cut = text.lastIndexOf(' ', limit);
    if (cut <= s) cut = limit;
    out.push([s, cut]);
    s = cut;
    while (s < end && text.charCodeAt(s) === 0x20) s++;
  }
  if (end > s) out.push([s, end]);
  return out;
}

function isCap(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

function isAllCapsWord(s: string): boolean {
  return /^[\p{Lu}\d.&]+$/u.test(s) && /\p{Lu}.*\p{Lu}|\p{Lu}\d|\d\p{Lu}/u.test(s);
}

/** Turns compromise tokens into words: slashes split ("EPA/XINHUA"), possessives stripped. */
function toWords(text: string, tokens: readonly Token[], base: number): Word[] {
  const out: Word[] = [];
  let prevPost = '.';
  for (const t of tokens) {
    const pieces = t.text.split('/');
    let offset = base + t.start;
    // After a sentence end, a colon or a dateline dash, capitals say nothing about names.
    const startLike = t.sentenceStart || /[.:!?—–]|(^|\s)-(\s|$)/.test(prevPost) || OPENERS.test(t.pre);
    for (let k = 0; k < pieces.length; k++) {
      const raw = pieces[k];
      const last = k === pieces.length - 1;
      let s = offset;
      let word = raw;
      offset += raw.length + 1;
      // Markup glued to a word ("Wire](https:", "Office</a") is never part of a name.
      let lead = 0;
      while (lead < word.length && MARKUP.test(word[lead])) lead++;
      const junk = word.slice(lead).search(MARKUP);
      const markupAfter = junk >= 0;
      if (lead > 0 || markupAfter) {
        s += lead;
        word = word.slice(lead, markupAfter ? lead + junk : undefined);
      }
      if (!word) continue;
      let possessive = false;
      const poss = /['\u2019]s$/i.exec(word);
      if (poss && word.length > 2) {
        word = word.slice(0, -2);
        possessive = true;
      }
      const post = last ? t.post : '/';
      if (last && /^['\u2019]/.test(post) && /s$/i.test(word)) possessive = true;
      let e = s + word.length;
      // compromise leaves the last period of "U.S." in the punctuation at a sentence end.
      if (/^(\p{Lu}\.)+\p{Lu}$/u.test(word) && text.charCodeAt(e) === 0x2e) {
        e += 1;
        word += '.';
      }
      const abbreviation = t.tags.has('Abbreviation') || t.tags.has('Honorific');
      const punct = post.replace(/\s+/g, '');
      const hyphenAfter = punct === '-';
      const breakAfter = markupAfter || !last || (punct !== '' && !hyphenAfter && !(abbreviation && punct === '.'));
      if (s < base + t.start) s = base + t.start;
      out.push({
        text: word,
        start: s,
        end: e,
        tags: t.tags,
        cap: isCap(word),
        allCaps: isAllCapsWord(word),
        possessive,
        breakAfter,
        hyphenAfter,
        breakBefore: (k === 0 && /[^\s]/.test(t.pre)) || lead > 0,
        startLike: k === 0 && startLike,
      });
    }
    prevPost = t.post;
  }
  return out;
}

function hasAny(tags: ReadonlySet<string>, names: readonly string[]): boolean {
  for (const n of names) if (tags.has(n)) return true;
  return false;
}

/** A capitalised word that is a name on its own evidence, wherever it stands. */
function isStrong(w: Word): boolean {
  if (!w.cap || FUNCTION_WORDS.has(normalize(w.text))) return false;
  if (hasAny(w.tags, CLOSED_TAGS) && !hasAny(w.tags, ['Place', 'Organization', 'Person'])) return false;
  if (w.tags.has('WeekDay')) return false;
  // At a sentence start compromise calls most capitalised words proper nouns; only its lexicon counts there.
  if (w.startLike) return hasAny(w.tags, ['Person', 'Place', 'FirstName', 'LastName', 'Acronym']);
  if (hasAny(w.tags, NAME_TAGS)) return true;
  return !hasAny(w.tags, ['Verb', 'Adverb', 'Adjective']);
}

/** Words of a chunk that are names on their own evidence, so that the same word opening a sentence counts too. */
function strongNames(words: readonly Word[]): string[] {
  const out = new Set<string>();
  for (const w of words) if (isStrong(w) && !w.allCaps) out.add(normalize(w.text));
  return [...out];
}

function isNameWord(w: Word, known: NameSet): boolean {
  if (!w.cap) return false;
  const n = normalize(w.text);
  if (FUNCTION_WORDS.has(n) || w.tags.has('WeekDay')) return false;
  if (w.allCaps) return !hasAny(w.tags, ['Conjunction', 'Preposition', 'Determiner']) || w.tags.has('Place');
  if (isStrong(w)) return true;
  return known.has(n) || isPlaceName(w.text) || isOutlet(w.text);
}

/**
 * A capitalised word opening a sentence joins the name that follows it without a break
 * ("LONDON (Reuters) - Bukayo Saka scored"), unless it is a word of another kind ("Fueling Russia").
 */
function opensName(ws: readonly Word[], i: number, known: NameSet): boolean {
  const w = ws[i];
  const next = ws[i + 1];
  if (!w.startLike || !w.cap || w.allCaps || w.breakAfter || !next || next.breakBefore || next.allCaps) return false;
  if (FUNCTION_WORDS.has(normalize(w.text)) || hasAny(w.tags, CLOSED_TAGS) || hasAny(w.tags, ['Verb', 'Adverb', 'Date', 'Value'])) return false;
  return isStrong(next) || known.has(normalize(next.text));
}

/** A title opening a sentence ("Secretary of State Antony Blinken said") belongs to the run it heads. */
function opensTitle(ws: readonly Word[], i: number): boolean {
  const w = ws[i];
  if (!w.cap || w.allCaps || w.breakAfter) return false;
  if (isTitleHead(w.text)) return true;
  const next = ws[i + 1];
  return isTitleModifier(w.text) && next !== undefined && next.cap && (isTitleHead(next.text) || isTitleModifier(next.text));
}

function isConnector(w: Word): boolean {
  const n = w.text;
  return n === 'of' || n === 'and' || n === '&' || n === 'the' || PARTICLES.has(n) || /^\d+$/.test(n);
}

/** Finds the capitalised runs of a paragraph and turns each into mentions. */
function chunkParagraph(ws: readonly Word[], known: NameSet, out: Candidate[]): void {
  markNotices(ws);
  let run: Word[] = [];
  let runStartIndex = 0;
  const flush = (endIndex: number): void => {
    while (run.length && isConnector(run[run.length - 1]) && !run[run.length - 1].cap) run.pop();
    while (run.length && isConnector(run[0]) && !run[0].cap && !PARTICLES.has(run[0].text)) run.shift();
    if (run.length) {
      const before = ws[runStartIndex - 1];
      const after = ws[endIndex];
      processRun(run, before, after, out);
    }
    run = [];
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const prev = run.length ? run[run.length - 1] : undefined;
    const name = !w.notice && (isNameWord(w, known) || opensTitle(ws, i) || opensName(ws, i, known)) && !(!prev && !w.allCaps && (w.tags.has('Date') || MONTHS.has(normalize(w.text))));
    const startsName = !prev && !name && PARTICLES.has(w.text) && ws[i + 1] !== undefined && (ws[i + 1].cap || PARTICLES.has(ws[i + 1].text)) && !w.breakAfter;
    if (prev && (prev.breakAfter || w.breakBefore || (prev.possessive && !(name && (isOrgCue(w.text) || isPlaceCue(w.text)))))) flush(i);
    const cur = run.length ? run[run.length - 1] : undefined;
    if (name || startsName) {
      if (!run.length) runStartIndex = i;
      run.push(w);
    } else if (cur && cur.hyphenAfter && !w.cap && run.length >= 2 && cur.cap && !cur.allCaps && /^\p{Ll}{1,4}$/u.test(w.text)) {
      // A hyphenated given name after a family name ("Son Heung-min").
      run[run.length - 1] = { ...cur, text: `${cur.text}-${w.text}`, end: w.end, breakAfter: w.breakAfter, hyphenAfter: w.hyphenAfter, possessive: w.possessive };
    } else if (cur && !cur.hyphenAfter && isConnector(w) && !w.cap && (w.text !== 'the' || normalize(cur.text) === 'of')) {
      run.push(w);
    } else {
      flush(i);
    }
  }
  flush(ws.length);
}

/**
 * Photo credits end with distribution limits ("CHINA OUT / UK AND IRELAND OUT"): the capitals
 * before such an "OUT" name where a picture may not be printed, not something the story is about.
 */
function markNotices(ws: readonly Word[]): void {
  for (let i = 0; i < ws.length; i++) {
    if (ws[i].text !== 'OUT') continue;
    for (let j = i; j >= 0 && ws[j].allCaps && (j === i || !ws[j].breakAfter); j--) ws[j].notice = true;
  }
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Last words of events and documents, which are neither people, places nor organisations. */
const EVENT_CUES = new Set(['war', 'wars', 'revolution', 'games', 'olympics', 'cup', 'championship', 'championships', 'summit', 'conference', 'crisis', 'agreement', 'treaty', 'act', 'accord', 'accords', 'day', 'week', 'prize', 'award', 'awards', 'festival', 'election', 'elections', 'protocol', 'plan', 'doctrine', 'pact', 'initiative']);

/**
 * Splits a run where its parts cannot belong to one name: between capitals and small letters
 * ("Shen Hong CHINA OUT"), at hyphens between names ("Biden-Xi meeting").
 */
function processRun(run: Word[], before: Word | undefined, after: Word | undefined, out: Candidate[]): void {
  const parts: Word[][] = [];
  let cur: Word[] = [];
  for (let i = 0; i < run.length; i++) {
    const w = run[i];
    const prev = cur[cur.length - 1];
    const lastCap = [...cur].reverse().find((x) => x.cap);
    if (prev) {
      let split = false;
      if (prev.hyphenAfter) {
        const nextCap = run[i + 1];
        split = prev.allCaps || w.allCaps || !nextCap || !nextCap.cap || prev.breakAfter;
        if (isPlaceName(prev.text) || isPlaceName(w.text)) split = true;
      }
      if (!split && lastCap && w.cap && lastCap.allCaps !== w.allCaps) {
        // "BBC Sport" and "NATO Summit" stay whole only when the rest names an organisation.
        const rest = run.slice(i);
        const acronymHead = lastCap === prev && prev.allCaps && cur.length === 1 && !countryOf(prev.text) && isOrgCue(rest[rest.length - 1].text);
        split = !acronymHead;
      }
      if (split) {
        parts.push(cur);
        cur = [];
      }
    }
    cur.push(w);
  }
  if (cur.length) parts.push(cur);
  for (let k = 0; k < parts.length; k++) {
    const part = trimConnectors(parts[k]);
    if (!part.length) continue;
    // Photo credits end with distribution limits ("CHINA OUT", "UK AND IRELAND OUT"): not mentions.
    if (part[part.length - 1].text === 'OUT') continue;
    const prevWord = k === 0 ? before : parts[k - 1][parts[k - 1].length - 1];
    const nextWord = k === parts.length - 1 ? after : parts[k + 1][0];
    if (part.every((w) => w.allCaps || isConnector(w))) allCapsPart(part, nextWord, out);
    else segment(part, prevWord, nextWord, out, false);
  }
}

function trimConnectors(ws: Word[]): Word[] {
  let s = 0;
  let e = ws.length;
  while (s < e && isConnector(ws[s]) && !ws[s].cap && !(PARTICLES.has(ws[s].text) && e - s > 1)) s++;
  while (e > s && isConnector(ws[e - 1]) && !ws[e - 1].cap) e--;
  return ws.slice(s, e);
}

/** The words as written, inner possessives kept ("People's Republic of China"). */
function textOf(ws: readonly Word[]): string {
  return ws.map((w, i) => (w.possessive && i < ws.length - 1 ? `${w.text}'s` : w.text)).join(' ');
}

function emit(out: Candidate[], ws: readonly Word[], type: EntityType | null, next: Word | undefined, soft = false): void {
  if (!ws.length) return;
  out.push({ start: ws[0].start, end: ws[ws.length - 1].end, type, soft, next: next ? normalize(next.text) : '' });
}

/** Places whose names begin with the article ("The Hague", "The Gambia") keep it. */
function withArticle(text: string, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.type !== 'place' || c.start < 4) continue;
    const s = c.start - 4;
    if (text.slice(s, c.start) === 'The ' && isPlaceName(`the ${text.slice(c.start, c.end)}`)) c.start = s;
  }
}

/** All-capitals text: datelines ("LONDON"), agencies ("EFE", "XINHUA") and acronyms ("NATO", "G7"). */
function allCapsPart(ws: Word[], next: Word | undefined, out: Candidate[]): void {
  const whole = textOf(ws);
  if (isPlaceName(whole)) return emit(out, ws, 'place', next);
  if (isOutlet(whole)) return emit(out, ws, 'organization', next);
  if (ws.length === 1) {
    const w = ws[0];
    if (hasAny(w.tags, ['Verb', 'Adjective', 'Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun'])) return;
    if (/^\p{Lu}$/u.test(w.text.replace(/\./g, ''))) return;
    if (w.text.replace(/[.&]/g, '').length <= 6 || w.tags.has('Acronym')) return emit(out, ws, 'organization', next);
    return;
  }
  // A line of capitals ("MANDATORY CREDIT") is a notice, not a name; keep only what the lists know.
  for (let i = 0; i < ws.length; i++) {
    for (let j = Math.min(ws.length, i + 4); j > i; j--) {
      const part = ws.slice(i, j);
      const t = textOf(part);
      const type: EntityType | null = isPlaceName(t) ? 'place' : isOutlet(t) ? 'organization' : null;
      if (type) {
        emit(out, part, type, ws[j] ?? next);
        i = j - 1;
        break;
      }
    }
  }
}

/** Index of the word that decides a name's kind: the one before "of", else the last. */
function headIndex(ws: readonly Word[]): number {
  const of = ws.findIndex((w) => w.text === 'of');
  if (of > 0 && (isOrgCue(ws[of - 1].text) || isPlaceCue(ws[of - 1].text))) return of - 1;
  return ws.length - 1;
}

/** Longest prefix of `ws` that is a country, in words. */
function countryPrefix(ws: readonly Word[]): number {
  for (let n = Math.min(4, ws.length - 1); n >= 1; n--) if (countryOf(textOf(ws.slice(0, n)))) return n;
  return 0;
}

/**
 * Classifies a mixed-case run: titles are split off, a cue word decides organisations and places,
 * the lists split off places and outlets, and what is left is left to compromise's tags.
 */
function segment(input: Word[], before: Word | undefined, after: Word | undefined, out: Candidate[], inTitle: boolean): void {
  const ws = trimConnectors(input);
  if (!ws.length) return;
  const whole = textOf(ws);
  if (isDemonym(whole)) return;
  if (countryOf(whole) || (isPlaceName(whole) && !personShaped(ws))) return emit(out, ws, 'place', after);
  if (isOutlet(whole)) return emit(out, ws, 'organization', after);

  const and = ws.findIndex((w) => (w.text === 'and' || w.text === '&') && !w.cap);
  if (and > 0 && !keepsAnd(ws, and)) {
    segment(ws.slice(0, and), before, ws[and], out, inTitle);
    segment(ws.slice(and + 1), ws[and], after, out, inTitle);
    return;
  }
  if (EVENT_CUES.has(normalize(ws[ws.length - 1].text))) return;

  // National adjectives qualify a name without being part of it ("Chinese Foreign Ministry").
  if (ws.length > 1 && isNationalDemonym(ws[0].text)) return segment(ws.slice(1), ws[0], after, out, inTitle);

  const head = ws[headIndex(ws)];
  const orgCue = isOrgCue(head.text);
  const placeCue = isPlaceCue(head.text);
  if ((orgCue || placeCue) && !hasTitleBefore(ws)) {
    if (ws.length === 1) {
      // A bare cue word names something only as "the Kremlin", never as a title's first word.
      if (inTitle || !before || normalize(before.text) !== 'the') return;
      return emit(out, ws, orgCue ? 'organization' : 'place', after);
    }
    if (orgCue) {
      const n = countryPrefix(ws);
      if (n > 0) {
        emit(out, ws.slice(0, n), 'place', ws[n]);
        return emit(out, ws.slice(n), 'organization', after);
      }
    }
    return emit(out, ws, orgCue ? 'organization' : 'place', after);
  }

  if (splitTitle(ws, after, out)) return;
  // A title's qualifier left without its title ("Former Arsenal captain") is not part of the name.
  if (ws.length > 1 && ws[0].cap && isTitleModifier(ws[0].text) && !isPlaceName(textOf(ws.slice(0, 2)))) {
    return segment(ws.slice(1), ws[0], after, out, inTitle);
  }
  if (inTitle) {
    // Inside a title only real names count ("US", "NATO"); the office words do not ("Treasury").
    if (ws.every((w) => isTitleModifier(w.text) || isTitleHead(w.text) || isConnector(w))) return;
  }
  splitOnLists(ws, before, after, out);
}

/**
 * "Securities and Exchange Commission" is one name; "Russia and China", "Liverpool and Manchester
 * City" are two: "and" stays inside a name only before a cue word and between words that are not
 * names on their own.
 */
function keepsAnd(ws: readonly Word[], and: number): boolean {
  const head = ws[ws.length - 1].text;
  if (!isOrgCue(head) && !isPlaceCue(head)) return false;
  const left = textOf(ws.slice(0, and));
  const right = ws.slice(and + 1);
  if (isPlaceName(left) || isOutlet(left) || ws[and - 1].allCaps) return false;
  if (isPlaceName(textOf(right.slice(0, 1))) || isOutlet(right[0].text) || right[0].allCaps) return false;
  return !isOrgCue(ws[and - 1].text) && !isPlaceCue(ws[and - 1].text);
}

function hasTitleBefore(ws: readonly Word[]): boolean {
  const h = headIndex(ws);
  for (let i = 0; i < h; i++) if (isTitleHead(ws[i].text) && i + 1 < h) return !isOrgCue(ws[h].text) && !isPlaceCue(ws[h].text);
  return false;
}

/** "Secretary of State Antony Blinken": the title is dropped, what names a place or body before it kept. */
function splitTitle(ws: Word[], after: Word | undefined, out: Candidate[]): boolean {
  let h = -1;
  for (let i = ws.length - 1; i >= 0; i--) {
    if (isTitleHead(ws[i].text) && ws[i].cap) { h = i; break; }
  }
  if (h < 0) return false;
  let s = h;
  while (s > 0 && (isTitleHead(ws[s - 1].text) || isTitleModifier(ws[s - 1].text) || (isConnector(ws[s - 1]) && s - 1 > 0))) s--;
  let j = h + 1;
  if (ws[j]?.text === 'of') {
    j++;
    if (ws[j]?.text === 'the') j++;
    const n = countryPrefix([...ws.slice(j), ws[ws.length - 1]]);
    if (n > 0 && j + n <= ws.length) {
      emit(out, ws.slice(j, j + n), 'place', ws[j + n]);
      j += n;
    } else {
      while (j < ws.length && isTitleModifier(ws[j].text)) j++;
    }
  }
  while (j < ws.length && (isTitleHead(ws[j].text) || (ws[j].text === ws[j].text.toLowerCase() && isConnector(ws[j])))) j++;
  if (s > 0) segment(ws.slice(0, s), undefined, ws[s], out, true);
  const name = trimConnectors(ws.slice(j));
  const and = name.findIndex((w) => w.text === 'and' || w.text === '&');
  if (and > 0) {
    // "Prime Minister Kyriakos Mitsotakis and Spain": the title covers the first name only.
    personAfterTitle(name.slice(0, and), name[and], out);
    segment(name.slice(and + 1), name[and], after, out, false);
  } else if (name.length) {
    personAfterTitle(name, after, out);
  }
  return true;
}

function personAfterTitle(name: Word[], after: Word | undefined, out: Candidate[]): void {
  if (name.length === 1 || !splitPlaceAfterName(name, after, out)) emit(out, name, 'person', after);
}

/** True when the leading words look like a person's given name ("Charlotte Dujardin"). */
function personShaped(ws: readonly Word[]): boolean {
  return ws.length >= 2 && ws.length <= 4 && (ws[0].tags.has('FirstName') || ws[ws.length - 1].tags.has('LastName'));
}

/** Names after a title are people; a place after "of" in them is split off ("Blinken of the United States"). */
function splitPlaceAfterName(name: Word[], after: Word | undefined, out: Candidate[]): boolean {
  const of = name.findIndex((w) => w.text === 'of');
  if (of <= 0) return false;
  emit(out, name.slice(0, of), 'person', name[of]);
  segment(name.slice(of + 1), name[of], after, out, false);
  return true;
}

/** Splits off list matches (countries, cities, regions, outlets); the rest goes to compromise's tags. */
function splitOnLists(ws: Word[], before: Word | undefined, after: Word | undefined, out: Candidate[]): void {
  if (personShaped(ws) && !ws.some((w) => w.text === 'of' || w.text === 'and')) return classify(ws, before, after, out);
  let rest: Word[] = [];
  let restBefore = before;
  const flushRest = (next: Word | undefined): void => {
    if (rest.length) splitConnectors(rest, restBefore, next, out);
    rest = [];
  };
  for (let i = 0; i < ws.length; i++) {
    let matched = 0;
    let type: EntityType | null = null;
    for (let j = Math.min(ws.length, i + 4); j > i; j--) {
      const t = textOf(ws.slice(i, j));
      if (isConnector(ws[i]) || isConnector(ws[j - 1])) continue;
      if (countryOf(t) || isPlaceName(t)) { type = 'place'; matched = j - i; break; }
      if (isOutlet(t)) { type = 'organization'; matched = j - i; break; }
    }
    if (matched && type && i === 0 && matched < ws.length && type === 'organization' && ws.slice(matched).every((w) => w.cap)) {
      // An outlet's edition or desk ("Politico Europe") is the outlet's name.
      return emit(out, ws, 'organization', after);
    }
    if (matched && type === 'place' && i === 0 && ws.length === matched + 1 && isCommonNounName(ws[matched])) {
      // A place followed by a common noun names a company or club ("Baltic Wind", "China Daily").
      return emit(out, ws, 'organization', after);
    }
    if (matched && type) {
      flushRest(ws[i]);
      emit(out, ws.slice(i, i + matched), type, ws[i + matched] ?? after);
      i += matched - 1;
      restBefore = ws[i];
    } else {
      rest.push(ws[i]);
    }
  }
  flushRest(after);
}

function isCommonNounName(w: Word): boolean {
  return w.cap && !w.allCaps && !hasAny(w.tags, ['Person', 'Place', 'Organization', 'FirstName', 'LastName', 'Demonym', 'Verb']) &&
    !isTitleHead(w.text) && !isTitleModifier(w.text) && !isPlaceCue(w.text) && !isPlaceName(w.text) && !isDemonym(w.text);
}

/** "of" and "and" join words into one name only with a cue word; otherwise they separate names. */
function splitConnectors(ws: Word[], before: Word | undefined, after: Word | undefined, out: Candidate[]): void {
  let cur: Word[] = [];
  for (const w of ws) {
    if (isConnector(w) && !w.cap && !PARTICLES.has(w.text)) {
      if (cur.length) classify(cur, before, w, out);
      cur = [];
      before = w;
    } else {
      cur.push(w);
    }
  }
  if (cur.length) classify(cur, before, after, out);
}

const ROLE_WORDS = new Set(['counterpart', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'analyst', 'leader', 'founder', 'chairwoman', 'chairman', 'lawyer', 'partner', 'manager', 'coach', 'captain', 'minister', 'president', 'secretary', 'envoy', 'ambassador', 'winger', 'striker', 'defender', 'midfielder', 'goalkeeper', 'reporter', 'correspondent', 'editor', 'economist', 'judge', 'prosecutor', 'attorney', 'chief', 'executive', 'premier', 'chancellor', 'senator', 'governor', 'mayor', 'by', 'mr', 'ms', 'mrs', 'dr']);

/** Left-overs: compromise's tags decide, then the shape of the name. */
function classify(input: Word[], before: Word | undefined, after: Word | undefined, out: Candidate[]): void {
  const ws = trimConnectors(input);
  if (!ws.length) return;
  if (isDemonym(textOf(ws))) return;
  if (ws.length === 1 && ws[0].allCaps) return allCapsPart(ws, after, out);
  if (ws.every((w) => isTitleHead(w.text) || isTitleModifier(w.text))) return;
  const role = before !== undefined && ROLE_WORDS.has(normalize(before.text).replace(/\.$/, ''));
  let person = 0;
  let place = 0;
  let org = 0;
  for (const w of ws) {
    if (hasAny(w.tags, ['Person', 'FirstName', 'LastName', 'Honorific'])) person++;
    if (w.tags.has('Place')) place++;
    if (w.tags.has('Organization')) org++;
  }
  if (role && !place) return emit(out, ws, 'person', after);
  if (ws.length > 5) return;
  if (person && person >= place && person >= org) return emit(out, ws, 'person', after, ws.length === 1);
  if (org && org >= place) return emit(out, ws, 'organization', after, ws.length === 1);
  if (place) return emit(out, ws, 'place', after, ws.length === 1);
  if (ws.length >= 2 && ws.length <= 4) return emit(out, ws, 'person', after, true);
  emit(out, ws, null, after, true);
}

/**
 * Settles what the document says as a whole: a lone word that is part of a person's full name
 * elsewhere in the document is that person ("Blinken"), the first word of an organisation's name is
 * that organisation ("Nordvik"); lone words nothing vouches for are dropped.
 */
function settle(text: string, cands: Candidate[]): RawMention[] {
  const personWords = new Set<string>();
  const orgFirst = new Set<string>();
  const placeWhole = new Set<string>();
  for (const c of cands) {
    if (c.soft) continue;
    const t = normalize(text.slice(c.start, c.end));
    if (c.type === 'person') for (const p of t.split(/[\s-]+/)) if (p.length > 1) personWords.add(p);
    if (c.type === 'organization') orgFirst.add(t.split(' ')[0]);
    if (c.type === 'place') placeWhole.add(t);
  }
  for (const c of cands) {
    if (c.soft && c.type === 'person' && text.slice(c.start, c.end).includes(' ')) {
      for (const p of normalize(text.slice(c.start, c.end)).split(/[\s-]+/)) if (p.length > 1) personWords.add(p);
    }
  }
  const out: RawMention[] = [];
  let lastEnd = -1;
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    const t = text.slice(c.start, c.end);
    const n = normalize(t);
    let type = c.type;
    const single = !/\s/.test(t);
    if (single && personWords.has(n) && !countryOf(t) && (c.soft || type === 'place')) type = 'person';
    else if (c.soft && single && orgFirst.has(n) && !personWords.has(n)) type = 'organization';
    else if (c.soft && single && placeWhole.has(n)) type = 'place';
    else if (c.soft && single && type === null && SAYING.has(c.next)) type = 'person';
    if (!type) continue;
    out.push({ start: c.start, end: c.end, text: t, type });
    lastEnd = c.end;
  }
  return out;
}
