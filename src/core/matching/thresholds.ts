/**
 * Every threshold and credit the matcher decides by, named and explained in one place: the aligner
 * credits word pairs with the similarities, and the decision rules (`compare.ts`) judge coverage,
 * stretches and shared runs against the rest.
 */

/** Similarity credit of two content words. */
export const SAME_STEM = 1;
export const SAME_SENSE = 0.8;
export const BROADER_SENSE = 0.6;
/** A lone unmatched word between two matched ones on both sides: a probable rewording. */
export const SUBSTITUTION = 0.4;
/** Unmatched content words, at most on each side, between two matched ones credited as a rewording. */
export const SUBSTITUTION_GAP = 2;
/**
 * Content words, at most on each side, of a lead-in said in other words after the same opening words
 * ("We will do whatever it takes to ensure that" / "We will do everything so that"), credited as a
 * rewording when all the two quotes say after it is found in the other.
 */
export const LEAD_IN_GAP = 3;
/** Names tell the topic, not the statement: they count for less. */
export const NAME_FACTOR = 0.5;

/** Both quotes must have this share of their distinctive words in common to be one statement. */
export const VARIANT_COVERAGE = 0.5;
/** A short quote retold inside a long one must find this share of its words there. */
export const CONTAINED_COVERAGE = 0.7;
/** …and at least this many of its content words, the same or synonyms. */
export const CONTAINED_WORDS = 4;
/** Share of the shorter quote's matched words that must lie in one stretch of the longer. */
export const STRETCH_SHARE = 0.8;

/** Content words a shared run must hold to be read as a formula the two quotes open or close with. */
export const FORMULA_MIN_WORDS = 2;
/**
 * A run holding this many content words, and most of both quotes' weight, that does not open both is
 * the statement itself, led into with other words ("We will do everything necessary" / "whatever it
 * takes" "to ensure that Russia cannot win this war"). Two quotes opening alike and going on
 * differently are a formula and two statements, however long the opening.
 */
export const STATEMENT_RUN_WORDS = 4;
export const STATEMENT_RUN_SHARE = 0.5;

/** Share of a side's words that disagree below this: the quotes say different things there. */
export const SIDE_AGREEMENT = 0.34;
/** A side counts when it holds at least this share of each quote's weight. */
export const SIDE_WEIGHT = 0.15;

/** Words a fragment with one content word needs, and the share of the longer quote it must make. */
export const SHORT_FRAGMENT_WORDS = 4;
export const SHORT_FRAGMENT_SHARE = 0.6;
/** Words a fragment with one content word needs to be found as a whole clause of a longer quote. */
export const CLAUSE_FRAGMENT_WORDS = 5;

/**
 * A variant link scoring below this, between quotes the attribution gives to two different people (by
 * name, or by a pronoun or a remark carried on that it resolved to a name: `QuoteRef.speaker`), is a
 * chance resemblance: the same statement reported by two outlets has the same speaker, and a weak
 * paraphrase is too little to outweigh that. Stronger variants stand, as an outlet may misattribute a
 * statement it reports nearly word for word.
 */
export const WEAK_VARIANT = 0.6;
