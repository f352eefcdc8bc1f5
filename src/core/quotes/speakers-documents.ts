/**
 * Words a document says: `“…,” the statement said`, `MPC minutes add: “…”`, `the ruling reads`. A
 * statement, minutes or a ruling speaks for whoever issued it: the body or person named in the phrase
 * ("the Fed statement", "MPC minutes"), else the organisation the article named last before the
 * sentence, in its paragraph or the one before, else the judge it named there (a ruling, an order or an
 * opinion); nobody when it names none.
 */
import type { SpeakerRef } from '../types';
import { paragraphAt } from '../text/paragraphs';
import { DOCUMENT_OWNER } from './confidence';
import type { DocumentView, Tok } from './context';
import { DETERMINERS } from './lexicon';
import type { Subjects } from './speakers-subjects';

type Via = SpeakerRef['via'];

/** Nouns for a document issued by a body or a person, which can be the subject of a reporting verb. */
const DOCUMENT_NOUNS = new Set([
  'statement', 'minutes', 'release', 'communique', 'communiqué', 'filing', 'memo', 'ruling', 'judgment',
  'judgement', 'announcement', 'opinion', 'order', 'decision', 'indictment', 'complaint', 'post', 'letter', 'email', 'e-mail',
]);

/** A judge's title right before their name: a ruling or opinion with no body named is theirs. */
const JUDGE_BEFORE = /(?:^|[^\p{L}])(?:judge|justice|magistrate)\s+$/iu;

/** Words that may qualify a document noun before it ("a joint statement", "the press release"). */
const QUALIFIERS = new Set(['press', 'joint', 'written', 'brief', 'short', 'official', 'its', 'their', 'new', 'latest', 'policy', 'meeting', 'news', 'blog', 'open']);

/** How many words before a document noun are read for its owner. */
const OWNER_WORDS = 6;

/** Whether a word is a noun for a document that speaks for whoever issued it. */
export function isDocumentNoun(word: string): boolean {
  return DOCUMENT_NOUNS.has(word.toLowerCase());
}

/**
 * The speaker of a subject phrase ending in a document noun at token `e` (read no further left than
 * `floor`): the owner named in the phrase, else the organisation named last before the sentence.
 */
export function documentOwner(doc: DocumentView, subjects: Subjects, toks: readonly Tok[], floor: number, e: number, via: Via): SpeakerRef | null {
  let b = e;
  while (b - 1 >= floor && b - 1 >= e - OWNER_WORDS && toks[b - 1].kind === 'word' && qualifies(toks[b - 1])) b--;
  const span = { start: toks[b].start, end: toks[e].end };
  const named = doc.mentionsIn(toks[b].start, toks[e].start).filter((m) => doc.mentions[m].type !== 'place');
  const own = named.find((m) => doc.mentions[m].type === 'organization') ?? named[0];
  if (own !== undefined) return { ...subjects.mentionRef(own, doc.mentions[own], via), span, confidence: DOCUMENT_OWNER };
  // "the joint statement read": the statement an earlier sentence said someone made ("…, the Treasury
  // and the Fed said in a joint statement").
  if (/^the$/i.test(toks[b]?.text ?? '')) {
    const earlier = earlierIssuer(doc, subjects, toks[e], via);
    if (earlier) return { ...earlier, span, confidence: DOCUMENT_OWNER };
  }
  const from = doc.paras[Math.max(0, paragraphAt(doc.paras, toks[b].start) - 1)].start;
  const before = doc.mentionsIn(from, toks[b].start).filter((m) => !doc.quoteAt(doc.mentions[m].start));
  const bodies = before.filter((m) => doc.mentions[m].type === 'organization');
  const judges = before.filter((m) => doc.mentions[m].type === 'person' && isJudge(doc, doc.mentions[m]));
  const last = bodies[bodies.length - 1] ?? judges[judges.length - 1];
  return last === undefined ? null : { ...subjects.mentionRef(last, doc.mentions[last], via), span, confidence: DOCUMENT_OWNER };
}

/** Whether a person is named with a judge's title ("Judge Jane Doe", "Justice Jane Doe"). */
function isJudge(doc: DocumentView, m: { readonly start: number; readonly text: string }): boolean {
  return /^(?:judge|justice|magistrate)\s/i.test(m.text) || JUDGE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 12), m.start));
}

/** Whether a word before a document noun belongs to its phrase: a name, a qualifier, a determiner. */
function qualifies(t: Tok): boolean {
  const lower = t.text.toLowerCase();
  return DETERMINERS.has(lower) || QUALIFIERS.has(lower) || /^\p{Lu}/u.test(t.text) || /['’]s?$/.test(t.text);
}

/** Verbs that say the sentence's subject issued the statement. */
const ISSUED = /^(?:issued|released|published|posted|sent|put|made|gave|delivered)$/i;

/** Whether a word before "a statement" says it was made: said in it ("in"), or issued it. */
function issuing(word: string): boolean {
  return /^in$/i.test(word) || ISSUED.test(word);
}

/** How many sentences back "the statement" looks for the sentence that said whose it is. */
const ISSUER_REACH = 8;

/**
 * The speaker of the sentence before `noun` (a document noun: "statement", "letter") that introduced
 * the same kind of document as someone's ("said in a statement", "issued a statement"), nearest first.
 */
function earlierIssuer(doc: DocumentView, subjects: Subjects, noun: Tok, via: Via): SpeakerRef | null {
  const word = noun.text.toLowerCase();
  let s = doc.sentenceAt(noun.start);
  s = s && doc.previousSentence(s);
  for (let n = 0; s && n < ISSUER_REACH; n++, s = doc.previousSentence(s)) {
    const toks = s.tokens;
    for (let k = toks.length - 1; k > 0; k--) {
      if (toks[k].kind !== 'word' || toks[k].text.toLowerCase() !== word || doc.quoteAt(toks[k].start)) continue;
      // "said in a statement", "issued a joint statement": a statement being made, not one asked for
      // ("demanded a statement from the FBI") or spoken of.
      let d = k - 1;
      while (d > 0 && QUALIFIERS.has(toks[d].text.toLowerCase())) d--;
      if (!/^(?:a|an)$/i.test(toks[d].text) || !issuing(toks[d - 1]?.text ?? '')) continue;
      // "a statement from the FBI" is the FBI's, unless the sentence says who issued it; never a place's
      // ("issued a statement from Florida").
      const byline = /^(?:from|by)$/.test(toks[k + 1]?.text ?? '') ? subjects.subjectAfter(toks, k + 2, via) : null;
      const from = byline && !(byline.mention !== null && doc.mentions[byline.mention].type === 'place') ? byline : null;
      const subject = subjects.sentenceSubject(s, d, via, true);
      const ref = ISSUED.test(toks[d - 1]?.text ?? '') ? (subject ?? from) : (from ?? subject);
      if (ref && !(ref.mention !== null && doc.mentions[ref.mention].type === 'place')) return ref;
    }
  }
  return null;
}
