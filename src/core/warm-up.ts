import { Corpus } from './corpus';
import { quoteFacts } from './first-pass';

const SAMPLE = [
  'Talks resume\n\n“We will keep working for a lasting agreement on trade and security,” the minister said on Monday.',
  'Talks go on\n\n“We will keep working for a lasting agreement on trade,” she told reporters.',
];

/**
 * Runs the quick pass once over two short sample articles in a corpus of its own, so that the first
 * real article does not also pay for compiling that code and loading the matcher's word lists: the
 * one-off costs and a long article's own then fall in separate slices of the event loop. Returns
 * whether the sample linked as expected, which says the matcher is in working order.
 */
export function warmUpQuotePass(): boolean {
  const corpus = new Corpus();
  SAMPLE.forEach((text, i) => corpus.setFacts(`sample-${i}`, text, quoteFacts(text, `sample-${i}.txt`)));
  return corpus.links().length > 0;
}
