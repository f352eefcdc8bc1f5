/**
 * Small closed word lists for reading attributions: reporting verbs in every inflection (British and
 * American spellings), the nouns that name a speaker by role, pronouns, and the function words that may
 * stand between a speaker and the verb.
 */

interface VerbEntry {
  readonly base: string;
  readonly past?: string;
  readonly ing?: string;
  /**
   * True where the base and -s forms are common nouns ("a report", "claims", "notes") or mostly not
   * about speech ("talks would continue"): only the past and -ing forms then count.
   */
  readonly nounLike?: boolean;
}

const VERB_ENTRIES: readonly VerbEntry[] = [
  { base: 'say', past: 'said' }, { base: 'tell', past: 'told' }, { base: 'add' }, { base: 'warn' },
  { base: 'emphasise' }, { base: 'emphasize' }, { base: 'stress' }, { base: 'explain' }, { base: 'argue' },
  { base: 'assert' }, { base: 'insist' }, { base: 'declare' }, { base: 'announce' }, { base: 'remark', nounLike: true },
  { base: 'observe' }, { base: 'acknowledge' }, { base: 'admit', past: 'admitted', ing: 'admitting' },
  { base: 'concede' }, { base: 'confirm' }, { base: 'deny', past: 'denied' }, { base: 'reiterate' },
  { base: 'repeat' }, { base: 'recall' }, { base: 'reply', past: 'replied' }, { base: 'respond' },
  { base: 'continue', nounLike: true }, { base: 'conclude' }, { base: 'write', past: 'wrote' }, { base: 'urge' },
  { base: 'predict' }, { base: 'suggest' }, { base: 'complain' }, { base: 'contend' }, { base: 'underline' },
  { base: 'underscore' }, { base: 'convey' }, { base: 'ask' }, { base: 'allege' }, { base: 'affirm' },
  { base: 'recognise' }, { base: 'recognize' }, { base: 'reveal' }, { base: 'mention' }, { base: 'exclaim' },
  { base: 'lament' }, { base: 'boast' }, { base: 'quip', past: 'quipped', ing: 'quipping' },
  { base: 'testify', past: 'testified' }, { base: 'maintain' }, { base: 'agree' },
  { base: 'caution', nounLike: true }, { base: 'report', nounLike: true }, { base: 'state', nounLike: true },
  { base: 'note', nounLike: true }, { base: 'claim', nounLike: true }, { base: 'comment', nounLike: true },
  { base: 'answer', nounLike: true }, { base: 'counter', nounLike: true }, { base: 'tweet', nounLike: true },
  { base: 'post', nounLike: true }, { base: 'pledge', nounLike: true }, { base: 'vow', nounLike: true },
  { base: 'promise', nounLike: true }, { base: 'remind' }, { base: 'assure' }, { base: 'reassure' },
  { base: 'hint', nounLike: true }, { base: 'signal', past: 'signalled', ing: 'signalling', nounLike: true },
  { base: 'signal', past: 'signaled', ing: 'signaling', nounLike: true }, { base: 'indicate' }, { base: 'echo', past: 'echoed', nounLike: true },
  { base: 'joke', nounLike: true }, { base: 'muse' }, { base: 'recount' }, { base: 'plead', past: 'pleaded' },
  { base: 'demand', nounLike: true }, { base: 'wonder' }, { base: 'speculate' }, { base: 'proclaim' },
  { base: 'shout', nounLike: true }, { base: 'retort' }, { base: 'elaborate' }, { base: 'clarify', past: 'clarified' },
  { base: 'apologise' }, { base: 'apologize' }, { base: 'thank' }, { base: 'accuse' }, { base: 'deplore' },
  { base: 'highlight', nounLike: true }, { base: 'outline', nounLike: true }, { base: 'specify', past: 'specified' },
  { base: 'summarise' }, { base: 'summarize' }, { base: 'reckon' }, { base: 'scoff' }, { base: 'grumble' },
  { base: 'gush' }, { base: 'interject' }, { base: 'question', nounLike: true }, { base: 'press', nounLike: true },
  { base: 'chuckle' }, { base: 'laugh', nounLike: true }, { base: 'sigh', nounLike: true },
  // Words sent rather than spoken: "she texted", "he messaged them", "the company emailed".
  { base: 'text', nounLike: true }, { base: 'message', nounLike: true }, { base: 'email', nounLike: true },
  // Verbs of expectation and belief report the view of their subject, in words a quote may give.
  { base: 'expect' }, { base: 'believe' },
  // Verbs of scolding and mockery are done in words: "berated Zelenskyy for “gambling with …”".
  // Not "criticised": a decision or a policy is criticised as often as in words.
  { base: 'berate' }, { base: 'mock', nounLike: true }, { base: 'scold' }, { base: 'chide' }, { base: 'rebuke', nounLike: true },
  // A court rules and dissents in words its opinion gives ("the judge ruled that", "Justice X dissented:").
  { base: 'rule', nounLike: true }, { base: 'dissent', nounLike: true },
];

function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(base)) return base + 'es';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ies';
  return base + 's';
}

function pastOf(base: string): string {
  if (base.endsWith('e')) return base + 'd';
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + 'ied';
  return base + 'ed';
}

function gerundOf(base: string): string {
  if (base.endsWith('ie')) return base.slice(0, -2) + 'ying';
  if (base.endsWith('e') && !base.endsWith('ee')) return base.slice(0, -1) + 'ing';
  return base + 'ing';
}

const VERB_FORMS = new Map<string, 'finite' | 'ing'>();
for (const v of VERB_ENTRIES) {
  if (!v.nounLike) {
    VERB_FORMS.set(v.base, 'finite');
    VERB_FORMS.set(thirdPerson(v.base), 'finite');
  }
  VERB_FORMS.set(v.past ?? pastOf(v.base), 'finite');
  VERB_FORMS.set(v.ing ?? gerundOf(v.base), 'ing');
}
// "“Why haven’t you resigned?” Hawley began": only the past of `begin` reports words.
VERB_FORMS.set('began', 'finite');

/**
 * Reporting verbs of the languages outlets translate into and quote in, in the forms that stand next
 * to a quote as "said" does (`“…”, dijo Biden`, `»…«, schrieb Musk`, `“…”, a déclaré le ministre`,
 * `“…”, kata Menteri`): the past and present of the third person, and the participle after an
 * auxiliary (`ha explicado`, `a déclaré`, `ha detto`), read after the quote with its auxiliary.
 */
const FOREIGN_REPORTING = `
dijo dice afirmó afirma explicó explica señaló señala agregó agrega añadió añade aseguró asegura indicó indica
informó informa declaró declara sostuvo subrayó manifestó expresó comentó advirtió insistió reconoció escribió escribe
publicó tuiteó apuntó destacó recalcó precisó concluyó respondió preguntó defendió anunció detalló puntualizó
dicho afirmado explicado señalado agregado añadido asegurado indicado declarado defendido escrito publicado
manifestado expresado advertido reconocido subrayado destacado anunciado zanjado sentenciado
disse diz afirmou declarou escreveu acrescentou explicou ressaltou garantiu completou garante sublinhou
déclare déclaré affirme affirmé explique expliqué ajoute ajouté indique indiqué souligne souligné écrit tweeté
précise précisé assure assuré estime estimé annonce annoncé insisté martelé poursuit poursuivi conclu confié
averti reconnu lancé
sagte sagt erklärte erklärt schrieb schreibt betonte betont meinte warnte twitterte sagten erklärten verkündete verkündet
ergänzte ergänzt bekräftigte kritisierte forderte antwortete fragte
detto dichiarato affermato spiegato aggiunto scritto sottolineato dichiara afferma spiega aggiunge
zei zegt schreef verklaarde
kata ujar ucap tutur ungkap tegas jelasnya katanya mengatakan menyatakan menegaskan mengungkapkan menjelaskan menulis
segir sagði sier skriver skrev uttalte
`;
const FOREIGN_VERBS = new Set(FOREIGN_REPORTING.split(/\s+/).filter((w) => w && !VERB_FORMS.has(w)));
for (const w of FOREIGN_VERBS) VERB_FORMS.set(w, 'finite');

/** Whether a word is one of the reporting verbs of other languages above, as written (lower case). */
export function isForeignReportingVerb(word: string): boolean {
  return FOREIGN_VERBS.has(word);
}

/**
 * Whether a word (as written; capitalised words are names, not verbs) is a reporting verb, and whether
 * it is a participle that takes its subject from the clause before ("…, adding that").
 */
export function reportingVerb(word: string): 'finite' | 'ing' | null {
  return VERB_FORMS.get(word) ?? null;
}

/** Nouns that name a speaker by role or office; singular and plural. */
/** Nouns for a company, which news writing uses for the one it just named ("Boeing said … the company said"). */
export const COMPANY_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'startup', 'utility', 'airline', 'carrier', 'automaker', 'carmaker', 'retailer', 'lender', 'insurer', 'broadcaster',
]);

/** Nouns for other kinds of body that may be named again by what they are ("the fund", "the university"). */
export const KIND_OF_BODY_NOUNS: ReadonlySet<string> = new Set([
  'fund', 'charity', 'group', 'organisation', 'organization', 'network', 'newspaper', 'university', 'hospital', 'federation', 'association', 'league',
]);

/** Bodies and groups that speak as one: never a person's role ("the board", "the family", "the employees"). */
export const SPEAKING_BODIES: ReadonlySet<string> = new Set([
  ...COMPANY_NOUNS, ...KIND_OF_BODY_NOUNS, 'board', 'panel', 'family', 'employees', 'workers', 'staff', 'staffers', 'campaign',
]);

/**
 * People's offices in German, Spanish, French, Portuguese and Italian, which a translated article names
 * its speakers by after the verb ("dijo el presidente", "a déclaré la ministre", "sagte der Kanzler").
 * Words English-language copy meets as names more often than as offices ("Richter", "Alcalde", "Pape")
 * are left out.
 */
const FOREIGN_ROLE_NOUNS = [
  'präsident', 'präsidentin', 'presidente', 'presidenta', 'président', 'présidente', 'ministro', 'ministra', 'ministre',
  'ministerin', 'kanzler', 'kanzlerin', 'canciller', 'chancelier', 'chancelière', 'sprecher', 'sprecherin', 'portavoz',
  'porte-parole', 'porta-voz', 'portavoce', 'bürgermeister', 'bürgermeisterin', 'alcaldesa', 'maire',
  'prefeito', 'prefeita', 'sindaco', 'gouverneur', 'gobernador', 'gobernadora', 'governador', 'governadora', 'líder',
  'dirigeant', 'dirigente', 'jefe', 'jefa', 'secretario', 'secretaria', 'secrétaire', 'sekretär', 'embajador',
  'embajadora', 'ambassadeur', 'ambassadrice', 'botschafter', 'botschafterin', 'embaixador', 'entrenador',
  'treinador', 'entraîneur', 'allenatore', 'papst', 'pontífice', 'pontefice', 'directeur', 'directrice',
  'direktor', 'direktorin', 'diretor', 'diretora', 'juez', 'jueza', 'juge', 'procureur', 'staatsanwalt',
  'staatsanwältin', 'premierminister', 'premierministerin',
];

const ROLE_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'spokespersons',
  'official', 'officials', 'officer', 'officers', 'minister', 'ministers', 'secretary', 'secretaries',
  'president', 'diplomat', 'diplomats', 'ambassador', 'ambassadors', 'envoy', 'envoys', 'representative',
  'representatives', 'source', 'sources', 'speaker', 'aide', 'aides', 'adviser', 'advisers', 'advisor',
  'advisors', 'analyst', 'analysts', 'expert', 'experts', 'lawmaker', 'lawmakers', 'legislator',
  'legislators', 'senator', 'senators', 'governor', 'mayor', 'chairman', 'chairwoman', 'chairperson',
  'chief', 'director', 'leader', 'leaders', 'counterpart', 'counterparts', 'negotiator', 'negotiators',
  'commander', 'commanders', 'general', 'generals', 'premier', 'chancellor', 'prosecutor', 'prosecutors',
  'director-general', 'secretary-general', 'attorney-general', 'governor-general',
  'lawyer', 'lawyers', 'attorney', 'attorneys', 'judge', 'witness', 'witnesses', 'resident', 'residents',
  'manager', 'executive', 'executives', 'economist', 'economists', 'researcher', 'researchers', 'coach',
  'captain', 'player', 'players', 'founder', 'ceo', 'cfo', 'man', 'woman', 'chair', 'boss', 'commissioner',
  'administrator', 'dissenter', 'skipper', 'striker', 'midfielder', 'goalkeeper', 'defender',
  'administration', 'government', 'ministry', 'department', 'embassy', 'agency', 'office',
  'police', 'military', 'army', 'kremlin', 'commission', 'council', 'committee', 'court', 'company', 'firm',
  // Bodies that speak as one ("the board said", "the startup said in a statement").
  ...SPEAKING_BODIES,
  // The people of a courtroom.
  'justice', 'justices', 'judges', 'magistrate', 'juror', 'jurors', 'foreman', 'foreperson', 'defendant', 'counsel',
  'solicitor', 'barrister', 'detective', 'detectives', 'investigator', 'investigators', 'sheriff',
  // The same offices in the languages outlets translate into ("dijo el presidente", "sagte der Kanzler").
  ...FOREIGN_ROLE_NOUNS,
]);

export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.has(word.toLowerCase());
}

/** Lower-case words that may qualify a role ("a senior US official", "the top diplomat"). */
const ROLE_MODIFIERS = new Set([
  'senior', 'top', 'former', 'deputy', 'chief', 'foreign', 'defence', 'defense', 'unnamed', 'anonymous',
  'other', 'several', 'two', 'three', 'some', 'many', 'government', 'ministry', 'state', 'department',
  'white', 'house', 'press', 'military', 'security', 'intelligence', 'trade', 'finance', 'economy',
  'administration', 'party', 'police', 'company', 'club', 'campaign', 'high-ranking', 'veteran', 'local',
  'western', 'european', 'american', 'chinese', 'russian', 'ukrainian', 'british', 'french', 'german',
  'prime', 'vice', 'assistant', 'acting', 'interim', 'new', 'outgoing', 'incoming', 'retired', 'his', 'her',
  'its', 'their', 'our', 'the', 'a', 'an', 'one', 'another', 'us', 'u.s', 'un', 'eu', 'us-based',
  'district', 'circuit', 'trial', 'appeals', 'federal', 'lead', 'special', 'presiding', 'sentencing', 'supreme',
  'associate', 'county', 'criminal',
]);

export function isRoleModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(word.toLowerCase());
}

export const DETERMINERS = new Set(['a', 'an', 'the']);

/**
 * Words opening a role phrase that make it someone other than one person introduced before: an
 * indefinite article, a number or quantity, a possessive ("a minister", "two officials", "his aide").
 */
export const NOT_DEFINITE = new Set(['a', 'an', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'other', 'his', 'her', 'its', 'their', 'our']);

/** Singular third-person pronouns that stand for a person named earlier. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);

/**
 * He and she in the languages outlets quote in, read only in lower case right after one of their
 * reporting verbs (`schrieb er`, `dijo ella`): capitalised, they are names as often (Lei, Ella, Han).
 */
export const FOREIGN_HE: ReadonlySet<string> = new Set(['er', 'il', 'él', 'ele', 'lui', 'hij']);
export const FOREIGN_SHE: ReadonlySet<string> = new Set(['elle', 'ella', 'ela', 'lei', 'zij']);
export const FOREIGN_PERSON_PRONOUNS: ReadonlySet<string> = new Set([...FOREIGN_HE, ...FOREIGN_SHE]);

/** Whether a word is those languages' "that" opening reported words ("que", "qu'il", "dass", "che"). */
export function isForeignThat(word: string): boolean {
  return /^(?:que|qu['’]\p{L}*|dass|che)$/iu.test(word);
}

/** Definite articles of those languages, before a role after the verb ("el", "der", "le", "o", "il"). */
export const FOREIGN_ARTICLES: ReadonlySet<string> = new Set(['der', 'die', 'den', 'dem', 'el', 'la', 'le', 'les', 'il', 'lo', 'o', 'a']);

/** Pronouns that cannot name a speaker for the reader: the writer, the reader, a group left vague. */
export const VAGUE_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'it', 'one', 'who', 'which', 'that', 'this']);

/** Words that may stand between a subject and its reporting verb ("Blinken also said", "has said"). */
const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also', 'later', 'then', 'again', 'reportedly', 'previously', 'earlier', 'recently', 'further', 'separately',
  'repeatedly', 'once', 'has', 'had', 'have', 'was', 'is', 'were', 'would', 'will', 'publicly',
  'privately', 'explicitly', 'openly', 'firmly', 'strongly', 'bluntly', 'flatly', 'simply', 'just', 'too',
  'subsequently', 'quickly', 'often', 'frequently', 'angrily', 'calmly', 'insistently', 'emphatically', 'personally', 'directly', 'clearly', 'never', 'not', 'did', 'does', 'do', 'may',
  'might', 'could', 'should', 'can', 'already', 'even', 'still', 'only',
]);

/** Lower-case words in -ly that are not manner adverbs and may end a subject ("the family said", "the weekly said"). */
const LY_NOT_ADVERBS = new Set([
  'family', 'ally', 'assembly', 'rally', 'supply', 'monopoly', 'anomaly', 'bully', 'daily', 'weekly', 'monthly',
  'quarterly', 'elderly', 'belly', 'fly', 'folly', 'homily', 'panoply', 'butterfly', 'lily', 'jelly', 'gully',
]);

/**
 * Whether a word may stand between a subject and its reporting verb: the listed ones, and any manner
 * adverb in -ly ("Newman wistfully told", "she quietly said"), written in lower case.
 */
export function mayStandBeforeVerb(word: string): boolean {
  if (BETWEEN_SUBJECT_AND_VERB.has(word.toLowerCase())) return true;
  return /^\p{Ll}{2,}ly$/u.test(word) && !LY_NOT_ADVERBS.has(word);
}

/** Prepositions that put a name in an object position ("met with Wang", "talks with Xi"). */
export const PREPOSITIONS = new Set([
  'with', 'to', 'of', 'by', 'for', 'from', 'about', 'in', 'on', 'at', 'against', 'between', 'among', 'than',
  'like', 'after', 'before', 'toward', 'towards', 'into', 'over', 'under', 'and', 'or', 'met', 'meets',
  'meeting', 'visited', 'told', 'urged', 'asked', 'called', 'including',
]);

/**
 * Prepositions of the other languages news is read in (Spanish, Portuguese, French, Italian, German)
 * that put a name in an object position ("dio las gracias a la futbolista Jenni Hermoso", "avec Emmanuel
 * Macron", "mit Olaf Scholz"). The particles that also stand inside names ("de", "da", "von", "del",
 * "di", "al") are left out: "Ursula von der Leyen" is no object.
 */
export const FOREIGN_PREPOSITIONS: ReadonlySet<string> = new Set([
  'à', 'au', 'aux', 'avec', 'pour', 'contre', 'chez', 'par', 'sur', 'ao', 'aos', 'com', 'pelo', 'pela', 'para',
  'por', 'con', 'contra', 'sobre', 'entre', 'per', 'dal', 'nel', 'sul', 'alla', 'mit', 'für', 'gegen', 'bei',
  'über', 'zu', 'zum', 'zur', 'nach',
]);

/** Words that show a finite clause: auxiliaries, modals, the copula. */
const FINITE_MARKERS = new Set([
  'is', 'are', 'was', 'were', 'am', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'shall',
  'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'need', 'needs', 'needed', 'ought',
  "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "don't", "doesn't", "didn't", "hasn't",
  "haven't", 'isn’t', 'aren’t', 'wasn’t', 'weren’t', 'won’t', 'can’t', 'don’t', 'doesn’t', 'didn’t',
  'hasn’t', 'haven’t', 'cannot',
]);

export function isFiniteMarker(word: string): boolean {
  const w = word.toLowerCase();
  return FINITE_MARKERS.has(w) || /['’](?:s|re|ll|ve|d|m)$/.test(w) && /^(?:i|we|you|he|she|it|they|that|there|what|who)['’]/.test(w);
}

/** Subject pronouns: a quote containing one of them followed by more words is a clause. */
export const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);

/** Words before an opening mark that make the quoted words the rest of a clause ("must “ensure…”"). */
export const PREDICATE_LEADS = new Set([
  'to', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'is', 'are', 'was',
  'were', 'be', 'been', 'it', 'that', 'had', 'has', 'have', 'not',
]);

/** Words that cannot be a speaker even when capitalised. */
export const NOT_SPEAKERS = new Set([
  'it', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'which', 'who', 'whom', 'and', 'but', 'or',
  'so', 'if', 'when', 'while', 'as', 'then', 'also', 'however', 'meanwhile', 'earlier', 'later', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today',
  'yesterday', 'tomorrow', 'last', 'next', 'on', 'in', 'at', 'for', 'of', 'to', 'from', 'with', 'by',
  'i', 'we', 'you', 'they', 'he', 'she', 'the', 'a', 'an', 'reporters', 'journalists', 'media',
  'another', 'someone', 'somebody', 'anyone', 'everyone', 'everybody', 'nobody', 'others', 'one',
]);

/**
 * Verbs that name what someone called a thing (“called the collapse “an unthinkable tragedy””): they
 * attribute a term in their clause to their subject ("called for a “start”" too). Not when a particle
 * makes them another verb ("called off", "called on").
 */
const NAMING_VERBS = new Set([
  'call', 'calls', 'called', 'calling', 'describe', 'describes', 'described', 'describing', 'dub', 'dubs', 'dubbed',
  'dubbing', 'label', 'labels', 'labelled', 'labeled', 'labelling', 'labeling', 'term', 'termed', 'terming', 'brand',
  'brands', 'branded', 'branding', 'characterise', 'characterised', 'characterize', 'characterized', 'hail', 'hailed',
  'hails', 'hailing', 'decry', 'decries', 'decried', 'decrying', 'denounce', 'denounces', 'denounced', 'denouncing', 'condemn',
  'condemns', 'condemned', 'condemning', 'praise', 'praises', 'praised', 'praising', 'laud', 'lauds', 'lauded', 'lauding', 'refer',
  'referred', 'referring', 'deem', 'deems', 'deemed', 'deeming', 'dismiss', 'dismisses', 'dismissed', 'dismissing', 'deride',
  'derides', 'derided', 'deriding', 'remember', 'remembers', 'remembered', 'remembering', 'eulogise', 'eulogised', 'eulogize',
  'eulogized', 'summed', 'sums', 'summing', 'criticise', 'criticises', 'criticised', 'criticising', 'criticize', 'criticizes',
  'criticized', 'criticizing', 'slam', 'slams', 'slammed', 'slamming', 'blast', 'blasts', 'blasted', 'blasting', 'lambast',
  'lambasts', 'lambasted', 'lambasting', 'ridicule', 'ridicules', 'ridiculed', 'ridiculing',
]);

/** Naming verbs that take their particle right after them and stay naming verbs ("summed up Francis as …"). */
const NAMING_WITH_PARTICLE = new Set(['summed', 'sums', 'summing']);

/** Particles that turn a naming verb into something else ("called for", "called on", "called off"). */
const NAMING_PARTICLES = new Set(['on', 'off', 'up', 'out', 'in', 'upon', 'back']);

export function isNamingVerb(word: string, next: string | undefined): boolean {
  if (NAMING_WITH_PARTICLE.has(word)) return next?.toLowerCase() === 'up';
  return NAMING_VERBS.has(word) && !(next !== undefined && NAMING_PARTICLES.has(next.toLowerCase()));
}

/** Nouns for what was said, which can introduce a quote after a colon ("delivered these words: “…”"). */
export const SPEECH_NOUNS = new Set([
  'words', 'message', 'remarks', 'remark', 'statement', 'comment', 'comments', 'warning', 'reply', 'response',
  'answer', 'appeal', 'plea', 'verdict', 'assessment', 'view', 'advice', 'tweet', 'post', 'promise', 'pledge',
  'speech', 'address', 'question', 'point', 'explanation', 'apology', 'greeting', 'tribute', 'quotes', 'highlights',
  'takeaways', 'letter', 'testimony', 'update', 'updates', 'briefing',
]);

/**
 * Role nouns naming the head of a body: a role phrase with one of them ("the bank's chief") may stand
 * for a person introduced with another ("Governor Tiff Macklem").
 */
export const HEAD_ROLES = new Set([
  'chief', 'head', 'leader', 'boss', 'governor', 'chairman', 'chairwoman', 'chair', 'chairperson', 'president',
  'ceo', 'director', 'premier', 'chancellor', 'mayor', 'executive', 'founder', 'secretary-general', 'manager', 'coach',
]);

/** Role words that a reader does not need repeated to recognise the person ("the top diplomat"). */
export const LOOSE_ROLE_WORDS = new Set(['top', 'senior', 'new', 'then', 'current', 'veteran', 'chief']);

/** Title abbreviations and their words, so that "Gov. Wes Moore" is recognised as "the governor". */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  gov: 'governor', adm: 'admiral', col: 'colonel', gen: 'general', sen: 'senator', rep: 'representative',
  lt: 'lieutenant', capt: 'captain', sgt: 'sergeant', cmdr: 'commander', supt: 'superintendent', pres: 'president',
  sec: 'secretary', atty: 'attorney', insp: 'inspector', prof: 'professor', dr: 'doctor',
};

/** Role nouns that ROLE_NOUNS does not list but a title may hold ("Rear Admiral", "Colonel"). */
export const TITLE_NOUNS = new Set([
  'admiral', 'colonel', 'lieutenant', 'sergeant', 'superintendent', 'inspector', 'professor', 'doctor',
  'representative', 'chair', 'head', 'boss',
]);

/**
 * Words a reply opens with: "“Yes sir,” Calhoun confirmed". "no" is left out: "a “no deal” exit"
 * makes it a determiner as often as an answer.
 */
export const INTERJECTIONS = new Set([
  'yes', 'yeah', 'yep', 'okay', 'ok', 'sure', 'absolutely', 'thanks', 'hello', 'sorry', 'goodbye', 'wow', 'oh',
]);

/** Conjunctions that open the rest of a sentence, never a name or a scare-quoted phrase. */
export const CLAUSE_CONJUNCTIONS = new Set(['but', 'and', 'because', 'although', 'though', 'unless', 'so', 'yet', 'or']);

/**
 * Words that may follow a present-tense verb in a short clause and cannot follow a plural noun that
 * ends a noun phrase: an adverb of time or place, an article, a possessive, an object pronoun ("change
 * begins now", "Boeing puts profits first" but not "red lines", "boots on the ground").
 */
export const AFTER_VERB = new Set([
  'now', 'here', 'today', 'again', 'back', 'up', 'down', 'out', 'away', 'soon', 'forward', 'tonight', 'too',
  'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'our', 'their', 'my', 'your',
  'me', 'him', 'us', 'them', 'it', 'you', 'everything', 'nothing', 'everyone', 'no',
]);

/** Words ending in -s that are not a verb of the present tense. */
export const NOT_VERBS_IN_S = new Set([
  'this', 'his', 'its', 'us', 'yes', 'as', 'was', 'is', 'has', 'does', 'thus', 'plus', 'less', 'unless',
  'perhaps', 'always', 'sometimes', 'news', 'series', 'towards', 'afterwards', 'whereas', 'besides', 'ours',
  'yours', 'theirs', 'hers', 'whose', 'nervous', 'serious', 'famous', 'various', 'previous', 'obvious',
]);

/** Adverbs that may stand between an auxiliary and the quoted rest of its clause ("could now “get…”"). */
export const BETWEEN_AUXILIARY_AND_VERB = new Set([
  'now', 'not', 'never', 'also', 'still', 'only', 'just', 'even', 'soon', 'again', 'finally', 'already',
  'always', 'really', 'ever', 'then', 'indeed', 'truly', 'simply',
]);

/** A generation written after a name ("Jr.", "Sr", "III"), perhaps with the comma after it. */
export const GENERATION = /^(?:Jr|Sr|Jnr|Snr)\.?,?$|^(?:II|III|IV)$/;
