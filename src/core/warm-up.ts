/**
 * One-off costs taken ahead of the first real article, in steps of their own: loading word lists and
 * compiling the code of the quick pass and of the entity resolver. A caller that yields to the event
 * loop between the steps (`warmUpSteps`) never holds its thread for all of them at once, and the first
 * long article's own work falls in slices apart from them.
 */
import type { DocumentFacts } from './analysis';
import { Corpus } from './corpus';
import { countryOf } from './entities/gazetteer';
import { quoteFacts } from './first-pass';
import { americanSpelling } from './matching/lexicon';
import type { EntityType, RawMention } from './types';

const SAMPLE = [
  'Talks resume\n\n“We will keep working for a lasting agreement on trade and security,” the minister said on Monday.',
  'Talks go on\n\n“We will keep working for a lasting agreement on trade,” she told reporters.',
];

const NAMED = 'Talks resume\n\nJohn Smith of the United Nations met officials in Paris. Smith said France would help.';
const NAMES: readonly [string, EntityType][] = [['John Smith', 'person'], ['United Nations', 'organization'], ['Paris', 'place'], ['Smith', 'person'], ['France', 'place']];

/** Finds the quotes of the two sample articles. */
function sampleFacts(): DocumentFacts[] {
  return SAMPLE.map((text, i) => quoteFacts(text, `sample-${i}.txt`));
}

/** Links the two sample articles' quotes in a corpus of their own; true when they link, as they should. */
function linkSamples(facts: readonly DocumentFacts[]): boolean {
  const corpus = new Corpus();
  SAMPLE.forEach((text, i) => corpus.setFacts(`sample-${i}`, text, facts[i]));
  return corpus.links().length > 0;
}

/**
 * Runs the quick pass once over two short sample articles in a corpus of its own. Returns whether the
 * sample linked as expected, which says the matcher is in working order.
 */
export function warmUpQuotePass(): boolean {
  return linkSamples(sampleFacts());
}

/**
 * Gives the entity resolver a sample article's names, in a corpus of its own. The names are given, not
 * recognised, so the tagger is not loaded on the caller's thread. Returns whether the surname joined
 * the full name, which says the resolver is in working order.
 */
export function warmUpEntityPass(): boolean {
  let from = 0;
  const mentions: RawMention[] = NAMES.map(([text, type]) => {
    const start = NAMED.indexOf(text, from);
    from = start + text.length;
    return { start, end: from, text, type };
  });
  const corpus = new Corpus();
  corpus.setFacts('sample', NAMED, { ...quoteFacts(NAMED, 'sample.txt'), mentions });
  const smith = corpus.entities().find((e) => e.name === 'John Smith');
  return smith !== undefined && corpus.mentionStats(smith.id).mentions === 2;
}

/**
 * Both warm-ups as steps of a few tens of milliseconds at most, cold, for a caller that yields between
 * them: the matcher's word lists, the samples' quotes, their links, the country names, the resolver.
 */
export function warmUpSteps(): (() => void)[] {
  let facts: DocumentFacts[] = [];
  return [
    () => void americanSpelling('defence'),
    () => void (facts = sampleFacts()),
    () => void linkSamples(facts),
    () => void countryOf('France'),
    () => void warmUpEntityPass(),
  ];
}
