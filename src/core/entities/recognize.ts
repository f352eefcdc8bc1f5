/**
 * Recognition of people, places and organisations in one document: the tokens of each paragraph's
 * sentences go through the statistical tagger (`tagger.ts`, weights in `model/`), and its names
 * through the project's conventions (`conventions.ts`). Mentions are sorted and never overlap.
 */
import { BoundedCache, rememberingAnalyses } from '../lru';
import type { Paragraph, RawMention } from '../types';
import { sentenceMentions } from './conventions';
import { isPlaceName } from './gazetteer';
import { currentModel } from './model';
import { confidenceOf, forgetDecodings, tagSentences, type TaggedSpan } from './tagger';
import { paragraphSentences, type Sentence } from './tokens';

/**
 * Tokenised paragraphs, keyed by their text, so that re-analysing an edited article tokenises only
 * the paragraphs that changed. Offsets are kept relative to the paragraph, so they stay valid
 * wherever it moves. Bounded in paragraphs and in tokens.
 */
const MAX_PARAGRAPHS = 4000;
const MAX_TOKENS = 40000;
const paragraphCache = new BoundedCache<string, readonly Sentence[]>(MAX_TOKENS, tokensOf, MAX_PARAGRAPHS);

function tokensOf(sentences: readonly Sentence[]): number {
  let n = 0;
  for (const s of sentences) n += s.tokens.length;
  return n;
}

/**
 * A sentence of a document as its paragraph's cached copy has it, offsets in the paragraph (`at` in
 * the document): the same objects while the paragraph is unchanged. The tagger reads tokens, not
 * offsets, so it is given these.
 */
interface Placed {
  readonly paragraph: string;
  readonly own: Sentence;
  readonly at: number;
}

function sentencesOf(text: string, p: Paragraph): Placed[] {
  const key = text.slice(p.start, p.end);
  let rel = paragraphCache.get(key);
  if (!rel) {
    rel = paragraphSentences(key, { start: 0, end: key.length });
    if (rememberingAnalyses()) paragraphCache.set(key, rel);
  }
  return rel.map((own) => ({ paragraph: key, own, at: p.start }));
}

/**
 * The mentions of a sentence whose tokens and names are those of an earlier analysis, in offsets of
 * its paragraph: an edited document's unchanged sentences are not put through the conventions again.
 * Keyed by the tagger's remembered names, which live as long as it keeps them.
 */
const sentenceMemo = new WeakMap<readonly TaggedSpan[], { readonly own: Sentence; readonly mentions: readonly RawMention[] }>();

function mentionsOf(s: Placed, spans: readonly TaggedSpan[], conf: (margin: number) => number, out: RawMention[]): void {
  let memo = sentenceMemo.get(spans);
  if (!memo || memo.own !== s.own) {
    memo = { own: s.own, mentions: sentenceMentions(s.paragraph, s.own, spans, conf) };
    if (rememberingAnalyses()) sentenceMemo.set(spans, memo);
  }
  for (const m of memo.mentions) out.push({ ...m, start: m.start + s.at, end: m.end + s.at });
}

/**
 * Recognises people, places and organisations in `text`, paragraph by paragraph, with what the whole
 * document says of each word. Each mention carries the tagger's confidence in it.
 */
export function recognize(text: string, paras: readonly Paragraph[]): RawMention[] {
  const placed = paras.flatMap((p) => sentencesOf(text, p));
  const model = currentModel();
  const tagged = tagSentences(placed.map((s) => s.own), model);
  const out: RawMention[] = [];
  const conf = (margin: number): number => confidenceOf(model, margin);
  placed.forEach((s, i) => mentionsOf(s, tagged[i], conf, out));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMention[] = [];
  for (const m of out) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const named = kept.flatMap((m) => (m.type === 'place' && isCompanyShape(m.text) ? [{ ...m, type: 'organization' as const }] : splitTitledPerson(m))).map((m) => personNameAsRead(m, text));
  return unglued(named, text);
}

/**
 * Two names run together where a page's layout had a break between them: a caption or a heading
 * before the text ("Tributes for Pope FrancisTrump shared…", "— Former President BidenU.K. Prime
 * Minister…"). A word of three letters or more, a capital, and a name of its own.
 */
const GLUED = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{2,})(\p{Lu}(?:\p{Ll}+|\.(?:\p{Lu}\.?)+))(?![\p{L}\p{N}])/gu;

/** Prefixes of a surname that take a capital after them ("MacDonald", "VanDyke", "FitzGerald"). */
const NAME_PREFIX = /^(?:Mac|Van|Von|Fitz|Del|Della|Dal|Ben|Abu|Ibn)$/;

/**
 * Mentions with two names glued in one word, each split in two at the glue: only where the article
 * names each half elsewhere (a name, or a name's last word) and writes the glued word only once, as a
 * brand with a capital inside ("BlackRock", "WhatsApp") is written alike throughout and its halves are
 * seldom names of their own. Never a handle ("@JoeBiden"), a hashtag or a path, nor a surname's prefix
 * ("MacDonald"). Each half takes the type the article gives that name elsewhere.
 */
function unglued(mentions: RawMention[], text: string): RawMention[] {
  let words: Map<string, number> | undefined;
  let types: Map<string, RawMention['type']> | undefined;
  const out: RawMention[] = [];
  for (const m of mentions) {
    GLUED.lastIndex = 0;
    const g = GLUED.exec(m.text);
    if (!g) {
      out.push(m);
      continue;
    }
    words ??= wordCounts(text);
    types ??= typesByName(mentions);
    const [whole, left, right] = g;
    const before = text[m.start + g.index - 1] ?? '';
    const leftType = types.get(left);
    const rightType = types.get(right.replace(/\.$/, ''));
    if ((words.get(whole.replace(/\.$/, '')) ?? 0) !== 1 || !leftType || !rightType || /[@#/]/.test(before) || NAME_PREFIX.test(left)) {
      out.push(m);
      continue;
    }
    const cut = m.start + g.index + left.length;
    const rightEnd = m.start + g.index + whole.length;
    const first = { ...m, type: leftType, end: cut, text: text.slice(m.start, cut) };
    const second = { ...m, type: rightType, start: cut, end: rightEnd, text: text.slice(cut, rightEnd) };
    out.push(first, second);
    // What followed the glued word in the mention ("U.K. Prime Minister Keir Starmer") is read again as it stood.
    if (rightEnd < m.end && /^\s+\p{Lu}/u.test(text.slice(rightEnd, m.end))) {
      const rest = rightEnd + (/^\s+/u.exec(text.slice(rightEnd, m.end))?.[0].length ?? 0);
      out.push({ ...m, start: rest, text: text.slice(rest, m.end) });
    }
  }
  return out;
}

/**
 * The type the article first gives each name, by the name and by its last word (a final stop left
 * out): what a half of a glued word is where the article writes it apart.
 */
function typesByName(mentions: readonly RawMention[]): Map<string, RawMention['type']> {
  const types = new Map<string, RawMention['type']>();
  const note = (name: string, type: RawMention['type']): void => {
    const bare = name.replace(/\.$/, '');
    if (!types.has(bare)) types.set(bare, type);
  };
  for (const m of mentions) {
    note(m.text, m.type);
    note(m.text.slice(m.text.lastIndexOf(' ') + 1), m.type);
  }
  return types;
}

/** How often each word of letters (dots of an abbreviation kept, a final one dropped) is written in `text`. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.matchAll(/[\p{L}\p{N}]+(?:\.\p{L}+)*/gu)) counts.set(w[0], (counts.get(w[0]) ?? 0) + 1);
  return counts;
}

/**
 * German writes a role with a capital, often as one compound ("Finanzchef", "Außenminister",
 * "Regierungssprecherin", "Tesla-Chef"), and the tagger may read it into the person's name after it.
 */
const GERMAN_ROLE =
  /^(?:[\p{L}]+-?)?(?:chef|chefin|minister|ministerin|präsident|präsidentin|sprecher|sprecherin|kanzler|kanzlerin|direktor|direktorin|vorsitzende|vorsitzender|leiter|leiterin|gründer|gründerin|berater|beraterin|sekretär|sekretärin|kommissar|kommissarin|botschafter|botschafterin|bürgermeister|bürgermeisterin|kardinal|papst|bischof|kämmerer|abgeordnete|abgeordneter|staatsanwalt|staatsanwältin|chefredakteur|chefredakteurin)$/iu;
/** Role words that are also surnames, read as a role only inside a compound ("Bundesrichter", not "Richter"). */
const GERMAN_ROLE_IN_COMPOUND = /^[\p{L}]+-?(?:richter|richterin|trainer|trainerin)$/iu;

/** Lower-case words a person's name may hold: particles ("Ursula von der Leyen", "Bill de Blasio") and links ("Duke of Sussex"). */
const NAME_PARTICLES = /^(?:de|da|di|do|dos|das|del|della|der|den|des|du|van|von|zu|zur|zum|af|ter|ten|la|le|al|el|bin|ibn|bint|abu|ould|ag|wa|y|e|of|and|the|&)$/;
/** The word right before `at` in `text`, past spaces (a no-break space too); '' at the start or after another character. */
function wordBefore(text: string, at: number): string {
  let k = at;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\u00a0')) k--;
  let b = k;
  while (b > 0 && /\p{L}/u.test(text[b - 1])) b--;
  return text.slice(b, k);
}

/** Whether the word before `at` in `text` is in lower case ("patron" in "le patron de Tesla"). */
function afterLowerCaseWord(text: string, at: number): boolean {
  return /\p{Ll}$/u.test(wordBefore(text, at));
}

/** Particles that are also another language's prepositions ("de", "du", "da", "del", "von"). */
const PREPOSITION_PARTICLES = /^(?:de|da|di|do|dos|das|del|della|des|du|von|van)$/;

/** Arabic names' particles joined to the next name ("Zine al-Abidine Ben Ali"). */
const ARABIC_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|ibn|bin|abu|abd)-\p{L}/u;

/**
 * A person's name as the reader would give it, when the tagger read more into it: without a German role
 * word leading it ("Finanzchef Ned Segal" is Ned Segal), without the words of another language's
 * sentence before it ("La décision de Biden" is Biden: a name holds no lower-case word but a particle),
 * and without a particle left leading a single name ("de Biden"). One name word at least stays.
 */
function personNameAsRead(m: RawMention, text: string): RawMention {
  if (m.type !== 'person') return m;
  const words = [...m.text.matchAll(/\S+/gu)];
  let from = 0;
  if (words.length > 1 && (GERMAN_ROLE.test(words[0][0]) || GERMAN_ROLE_IN_COMPOUND.test(words[0][0])) && /^\p{Lu}/u.test(words[1][0])) from = 1;
  let cut = false;
  for (let k = words.length - 2; k >= from; k--) {
    if (/^\p{Ll}/u.test(words[k][0]) && !NAME_PARTICLES.test(words[k][0]) && !ARABIC_PARTICLE.test(words[k][0])) {
      from = k + 1;
      cut = true;
      break;
    }
  }
  // What the cut leaves of "La décision de Biden" is "de Biden", as is "le patron de Tesla" with the
  // common noun outside; a name given whole ("F.W. de Klerk", "President de Klerk") keeps its particle.
  if ((cut || afterLowerCaseWord(text, m.start)) && words.length - from === 2 && NAME_PARTICLES.test(words[from][0]) && words[from][0] !== 'the' && /^\p{Lu}/u.test(words[from + 1][0])) from++;
  // "declaraciones de Luis Rubiales": no name opens with a particle before a given name and a surname.
  else if (words.length - from >= 3 && PREPOSITION_PARTICLES.test(words[from][0]) && /^\p{Lu}/u.test(words[from + 1][0]) && /^\p{Lu}/u.test(words[from + 2][0])) from++;
  // "Zelensky of Wagner", "John Mauger of the Coast Guard": a person, then what the sentence says they are
  // of; a title's "of" ("Duke of Sussex", "Archbishop of Canterbury") stays.
  let to = words.length;
  for (let k = from + 1; k < words.length - 1; k++) {
    if (words[k][0] !== 'of') continue;
    // The title may stand just before the name, outside it ("Prince Michael of Kent", "Lord Cameron of …").
    const titled = TITLE_OF.test(words[k - 1][0]) || (k - 1 === from && TITLE_OF.test(wordBefore(text, m.start + words[from].index!)));
    if (!titled) to = k;
    break;
  }
  if ((from === 0 && to === words.length) || from >= to || !/^\p{Lu}/u.test(words[from][0])) return m;
  const start = m.start + words[from].index!;
  const end = m.start + words[to - 1].index! + words[to - 1][0].length;
  return { ...m, start, end, text: m.text.slice(start - m.start, end - m.start) };
}

/** Titles that take "of" in a person's style ("Duke of Sussex", "Princess of Wales", "Archbishop of Canterbury"). */
const TITLE_OF = /^(?:Duke|Duchess|Prince|Princess|King|Queen|Earl|Countess|Count|Archbishop|Bishop|Lord|Lady|Baron|Baroness|Marquess|Viscount|Pope|Emperor|Empress|Sultan|Emir|Sheikh|Sheikha|Patriarch|Metropolitan|Dean|Mayor|Governor|Secretary|Minister|Chancellor|President|Speaker|Chief|Head|Director|Prefect|Master)$/;

/**
 * Titles of a person that stand between a body's name and the person's ("ISRO Chief S Somanath", "Bank
 * of England Governor Andrew Bailey"), which the tagger may read as one long organisation.
 */
const TITLE_WORDS = /^(?:Chief|CEO|Chairman|Chairwoman|Chair|President|Director|Minister|Secretary|Governor|Spokesman|Spokeswoman|Spokesperson|Commissioner|Administrator|Head|Founder|Commander)$/;

/** Words of an office or a body's name, never of a person's ("Chief Medical Examiner", "Chief Scientific Adviser"). */
const OFFICE_WORDS = /^(?:Officers?|Officials?|Examiner|Advis[eo]r|Scientific|Medical|Executive|Operating|Financial|Technology|Information|State|School|Police|General|Deputy|Prime|Foreign|Committee|Agency|Council|Board|Office|Department|Services?|Minister|Secretary|Director|Justice)$/;

/**
 * An organisation read across a title and a name ("ISRO Chief S Somanath") is the body, then the
 * person after the title: two words at least after it, each capitalised, the first perhaps an initial.
 */
function splitTitledPerson(m: RawMention): RawMention[] {
  if (m.type !== 'organization') return [m];
  const words = [...m.text.matchAll(/\S+/g)];
  for (let k = 1; k < words.length - 2; k++) {
    if (!TITLE_WORDS.test(words[k][0])) continue;
    const name = words.slice(k + 1);
    // "Office of the Chief Medical Examiner", "Council of Chief State School Officers": a body's name, no person.
    if (!/^\p{Lu}/u.test(words[k - 1][0]) || name.length > 3 || !name.every((w) => /^\p{Lu}/u.test(w[0]))) return [m];
    if (name.some((w) => OFFICE_WORDS.test(w[0].replace(/[.,]$/, '')))) return [m];
    const bodyEnd = m.start + words[k - 1].index! + words[k - 1][0].length;
    const personStart = m.start + name[0].index!;
    return [
      { ...m, end: bodyEnd, text: m.text.slice(0, bodyEnd - m.start) },
      { ...m, type: 'person', start: personStart, text: m.text.slice(personStart - m.start) },
    ];
  }
  return [m];
}

/**
 * A one-word name with a capital inside it ("OpenAI", "SpaceX", "CrowdStrike", "YouTube") is a
 * company's or a product's, never a place's, whatever the sentence around it ("the board of OpenAI",
 * "invested in SpaceX"). Names with a prefix that takes a capital after it ("McAllen", "DeKalb",
 * "LaSalle"), and places the gazetteer knows ("PyeongChang"), are left as they are.
 */
function isCompanyShape(name: string): boolean {
  return /^\p{Lu}[\p{Ll}\p{N}]+\p{Lu}[\p{L}\p{N}]*$/u.test(name) && !/^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u.test(name) && !isPlaceName(name);
}

/** Forgets every remembered paragraph: the next analysis of any text starts from scratch. */
export function forgetRecognized(): void {
  paragraphCache.clear();
  forgetDecodings();
}

/** How much recognition remembers: paragraphs and their tokens. */
export function recognitionCacheSize(): { chunks: number; tokens: number } {
  return { chunks: paragraphCache.size, tokens: paragraphCache.weight };
}
