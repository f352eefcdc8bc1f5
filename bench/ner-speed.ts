/**
 * Speed of entity recognition: the model's load, the tagger alone (features and decoding over
 * tokenised sentences), the whole entity pass (`recognize`, as the analysis calls it) and, for
 * comparison, compromise's parse of the same paragraphs, which recognition used to run. Text: the
 * seeds and the annotated articles of test/fixtures/ner, plus the CoNLL-2003 development split when
 * present, as one text and document by document (as the analysis tags articles). Run with `npx tsx bench/ner-speed.ts`; it prints one line per measure (CPU times, best of
 * several runs, none of them helped by decodings remembered from the one before).
 */
import { performance } from 'node:perf_hooks';
import { forgetRecognized, recognize } from '../src/core/entities';
import { currentModel } from '../src/core/entities/model';
import { forgetDecodings, tagSentences } from '../src/core/entities/tagger';
import { paragraphSentences } from '../src/core/entities/tokens';
import { paragraphs } from '../src/core/text/paragraphs';
import { loadConllDev, loadDevSet } from './ner-eval';

/**
 * The least CPU time (user + system, in ms) of `runs` runs of `f`. The machine is shared, so CPU time
 * says more about the code than the wall clock does; both are single-threaded here.
 */
function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

function main(): void {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  currentModel();
  const load = performance.now() - t0;
  const loadCpu = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000;
  const own = loadDevSet().map((d) => d.text).join('\n\n');
  const conllDocs = loadConllDev().map((d) => d.text);
  const conll = conllDocs.join('\n\n');
  const texts: [string, string][] = [['seeds + own articles', own]];
  if (conll) texts.push(['CoNLL dev text', conll]);
  console.log(`model load (first use, JSON parse + inflate): ${load.toFixed(0)} ms wall, ${loadCpu.toFixed(0)} ms CPU`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as (text: string) => unknown;
  for (const [name, text] of texts) {
    const paras = paragraphs(text);
    const sentences = paras.flatMap((p) => paragraphSentences(text, p));
    const tokens = sentences.reduce((a, s) => a + s.tokens.length, 0);
    const model = currentModel();
    tagSentences(sentences, model);
    // Each run starts with no remembered decodings: the tagger decodes every sentence afresh.
    const fresh = (m: typeof model, margins = true) => () => {
      forgetDecodings();
      tagSentences(sentences, m, margins);
    };
    const tagger = best(5, fresh(model));
    const taggerPlain = best(5, fresh(model, false));
    const firstOnly = { ...model, second: undefined };
    const taggerFirst = best(5, fresh(firstOnly));
    recognize(text, paras);
    const pass = best(3, () => {
      forgetRecognized();
      recognize(text, paras);
    });
    for (const p of paras.slice(0, 50)) nlp(text.slice(p.start, p.end));
    const parse = best(2, () => {
      for (const p of paras) nlp(text.slice(p.start, p.end));
    });
    console.log(`${name}: ${tokens} tokens, ${(text.length / 1000).toFixed(0)} k characters`);
    const rate = (ms: number): string => `${Math.round(tokens / (ms / 1000)).toLocaleString('en')} tokens/s`;
    console.log(`  tagger, both stages (features + Viterbi + margins): ${tagger.toFixed(0)} ms, ${rate(tagger)}; without margins ${rate(taggerPlain)}; first stage alone ${rate(taggerFirst)}`);
    console.log(`  entity pass (recognize, tokenising included): ${pass.toFixed(0)} ms`);
    console.log(`  compromise parse of the same paragraphs: ${parse.toFixed(0)} ms  → entity pass ${(parse / pass).toFixed(1)}× faster`);
  }
  if (conllDocs.length > 0) {
    // As the analysis reads them: one article at a time, each with what its own text says of its words.
    const docs = conllDocs.map((text) => paragraphs(text).flatMap((p) => paragraphSentences(text, p)));
    const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.tokens.length, 0), 0);
    const model = currentModel();
    const perDocument = best(5, () => {
      forgetDecodings();
      for (const d of docs) tagSentences(d, model);
    });
    console.log(`CoNLL dev text, document by document (${docs.length} documents, as the analysis tags articles):`);
    console.log(`  tagger, both stages (features + Viterbi + margins): ${perDocument.toFixed(0)} ms, ${Math.round(tokens / (perDocument / 1000)).toLocaleString('en')} tokens/s`);
  }
}

main();
