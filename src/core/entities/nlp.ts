/**
 * The one wrapper around `compromise`. It is loaded on first use so that activating the extension or
 * starting the command line does not pay for its lexicon, and its untyped term objects are turned into
 * plain typed tokens here.
 */

/** A word as compromise tagged it, with offsets into the string that was parsed. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** Punctuation and space between this token and the next, as in the source. */
  readonly post: string;
  /** Punctuation before the token (an opening quote or bracket). */
  readonly pre: string;
  /** First token of a sentence as compromise split it. */
  readonly sentenceStart: boolean;
}

interface CompromiseTerm {
  text?: unknown;
  pre?: unknown;
  post?: unknown;
  tags?: unknown;
}

interface CompromiseView {
  document: CompromiseTerm[][];
}

type Compromise = (text: string) => CompromiseView;

let loaded: Compromise | undefined;

function compromise(): Compromise {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('compromise') as Compromise | { default: Compromise };
    loaded = typeof mod === 'function' ? mod : mod.default;
  }
  return loaded;
}

const EMPTY_TAGS: ReadonlySet<string> = new Set();

/**
 * Tokenises and tags `text` with compromise. Offsets are recovered by walking compromise's lossless
 * pre/text/post pieces; where a piece does not line up with the source (compromise expands some
 * contractions into implicit terms) the token is found again by search, so offsets always index `text`.
 */
export function tag(text: string): readonly Token[] {
  const hit = tagCache.get(text);
  if (hit) {
    // Refresh its place in the least-recently-used order.
    tagCache.delete(text);
    tagCache.set(text, hit);
    return hit;
  }
  const tokens = tagUncached(text);
  tagCache.set(text, tokens);
  cachedTokens += tokens.length;
  while (cachedTokens > TAG_CACHE_TOKENS && tagCache.size > 1) {
    const oldest = tagCache.keys().next().value as string;
    cachedTokens -= tagCache.get(oldest)!.length;
    tagCache.delete(oldest);
  }
  return tokens;
}

/**
 * Tagging is by far the dearest step of the analysis. Recognition remembers its own results per
 * chunk, so tags are asked again only for the chunks of an edited article whose reading depends on
 * a name the edit added or removed elsewhere: a long article's worth of tokens is plenty. Tokens hold
 * offsets relative to the tagged string, so they stay valid wherever it moves.
 */
const TAG_CACHE_TOKENS = 40000;
const tagCache = new Map<string, readonly Token[]>();
let cachedTokens = 0;

/**
 * Tag sets shared by every token tagged alike: a handful of combinations cover most words, and
 * compromise's own sets would keep a set per token alive.
 */
const tagSets = new Map<string, ReadonlySet<string>>();
const MAX_TAG_SETS = 20000;

function sharedTags(tags: Set<string>): ReadonlySet<string> {
  const key = [...tags].sort().join(' ');
  let shared = tagSets.get(key);
  if (!shared) {
    if (tagSets.size >= MAX_TAG_SETS) tagSets.clear();
    shared = new Set(tags);
    tagSets.set(key, shared);
  }
  return shared;
}

/** How many tokens the remembered tags hold. */
export function cachedTagTokens(): number {
  return cachedTokens;
}

/** Forgets the remembered tags. */
export function forgetTags(): void {
  tagCache.clear();
  cachedTokens = 0;
}

function tagUncached(text: string): Token[] {
  const view = compromise()(text);
  const out: Token[] = [];
  let pos = 0;
  for (const sentence of view.document) {
    let first = true;
    for (const term of sentence) {
      const pre = typeof term.pre === 'string' ? term.pre : '';
      const word = typeof term.text === 'string' ? term.text : '';
      const post = typeof term.post === 'string' ? term.post : '';
      if (text.startsWith(pre, pos)) pos += pre.length;
      if (!word) {
        if (text.startsWith(post, pos)) pos += post.length;
        continue;
      }
      let start = pos;
      if (!text.startsWith(word, start)) {
        start = text.indexOf(word, pos);
        if (start < 0) continue;
      }
      const end = start + word.length;
      pos = end;
      if (text.startsWith(post, pos)) pos += post.length;
      out.push({
        text: word,
        start,
        end,
        tags: term.tags instanceof Set ? sharedTags(term.tags as Set<string>) : EMPTY_TAGS,
        post,
        pre,
        sentenceStart: first,
      });
      first = false;
    }
  }
  return out;
}
