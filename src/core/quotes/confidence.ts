/**
 * How sure the speaker attribution is of each speaker it finds, by the way it found them: the
 * `confidence` a speaker carries. An attribution beside the quote is all but certain; a pronoun, a
 * role or remarks carried on from an earlier quote are a reader's inference. In one place, so that
 * they can be read and weighed against each other.
 */
import type { SpeakerRef } from '../types';

/** By the place of the attribution: after the quote, before it, after a colon, and so on; a reader's correction is taken as certain. */
export const CONFIDENCE: Readonly<Record<SpeakerRef['via'], number>> = {
  after: 0.95, before: 0.9, colon: 0.9, 'according-to': 0.9, indirect: 0.8, pronoun: 0.75, continuation: 0.7, correction: 1,
};
/** A role resolved to the person the article introduced in it ("the governor" for Gov. Wes Moore). */
export const ROLE_RESOLVED = 0.75;
/** A role of an office no one was introduced in, read as the person the article is about ("the Labour leader"). */
export const PRINCIPAL_ROLE = 0.6;
/** A role no person was introduced in ("a Foreign Ministry spokesman"): the role is the speaker. */
export const ROLE_ONLY = 0.6;
/** A capitalised name the recogniser did not find, or a nationality standing for a person. */
export const UNRECOGNISED_NAME = 0.6;
/** "The speaker": whoever is speaking, which the sentence does not say. */
export const THE_SPEAKER = 0.5;
/** A term in a reported sentence, outside the reported clause: the reporter's word, most likely. */
export const TERM_IN_REPORT = 0.6;
/** A role described by nationality or past office, read as the person the passage is about. */
export const EPITHET_ROLE = 0.5;
/** A quote in the clause of a sentence that opens with a person, whatever its verb ("Homendy identified that “…”"). */
export const SUBJECT_OF_SENTENCE = 0.55;
/** A quote after a colon, said by the person the sentence opens with. */
export const HEAD_OF_SENTENCE = 0.6;
/** A quote opening a paragraph, carrying on the reporting clause that closed the paragraph before. */
export const PARAGRAPH_CARRIED = 0.55;
/** A bare quotation listed under a heading that names its speaker (`ANDREW BAILEY, GOVERNOR`). */
export const LISTED_UNDER_HEADING = 0.7;
/** A document's words given to the body that issued it (`the statement said`). */
export const DOCUMENT_OWNER = 0.6;
/** Words quoted again elsewhere in the article with a speaker (a headline repeating the body). */
export const ECHOED = 0.6;
/** A headline's quote with no name beside it, given to the speaker the article quotes most. */
export const HEADLINE_PRINCIPAL = 0.5;
