/**
 * Trains the entity tagger and writes the shipped weights, `src/core/entities/model/ner-model.json`,
 * with the word classes it reads, `src/core/entities/model/word-classes.json`.
 *
 *   npm run train:ner                      # the shipped model: same data, same bytes
 *   npm run train:ner -- --epochs 8 --bits 19 --stages 1 --out /tmp/m.json --no-average --no-own --hold-out seed
 *
 * Data: CoNLL-2003 English `eng.train` (training) and `eng.testa` (development: epochs are chosen and
 * the confidence calibrated on it), from `../shared/data/conll2003` or `$CONLL_DIR`; and the project's
 * annotated articles in `test/fixtures/ner`, added to training unless `--no-own`. The test split is
 * never read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readConll, readOwnSet, type GoldDocument, type GoldName } from '../src/core/entities/train/corpus';
import { countNames, emptyCounts, examplesOf, f1, overall, prepareDocument, type PreparedDocument } from '../src/core/entities/train/data';
import { encodeModel, quantize } from '../src/core/entities/train/encode';
import { trainPerceptron, type Example } from '../src/core/entities/train/perceptron';
import { documentContext } from '../src/core/entities/features';
import { firstReading, tagSentences } from '../src/core/entities/tagger';
import { writeWordClasses } from '../src/core/entities/train/word-classes';
import type { TaggerModel } from '../src/core/entities/model';
import { TYPES } from '../src/core/entities/labels';

const ROOT = join(__dirname, '..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const BITS = arg('bits', 18);
const EPOCHS = arg('epochs', 12);
const OWN_WEIGHT = arg('own-weight', 3);
const USE_OWN = !process.argv.includes('--no-own');
const AVERAGE = !process.argv.includes('--no-average');
const STAGES = arg('stages', 2);
const holdIndex = process.argv.indexOf('--hold-out');
/** Leaves the seeds (`seed`) or the other own articles (`own`) out of training, to score them unseen. */
const HOLD_OUT = holdIndex >= 0 ? process.argv[holdIndex + 1] : '';
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex >= 0 ? process.argv[outIndex + 1] : join(ROOT, 'src', 'core', 'entities', 'model', 'ner-model.json');
const CONLL = process.env.CONLL_DIR ?? join(ROOT, '..', 'shared', 'data', 'conll2003');

/** Names the model finds in prepared documents, as character spans, with their margins. */
function predict(docs: readonly PreparedDocument[], model: TaggerModel, margins: boolean): { doc: PreparedDocument; names: (GoldName & { margin: number })[] }[] {
  return docs.map((d) => {
    const tagged = tagSentences(d.sentences, model, margins);
    const names = tagged.flatMap((spans, si) => spans.map((s) => {
      const toks = d.sentences[si].tokens;
      return { start: toks[s.start].start, end: toks[s.end - 1].end, type: s.type, margin: s.margin };
    }));
    return { doc: d, names };
  });
}

function score(docs: readonly PreparedDocument[], model: TaggerModel): { line: string; f: number } {
  const counts = emptyCounts();
  for (const { doc, names } of predict(docs, model, false)) countNames(doc.doc.names, names, counts);
  const parts = (['PER', 'LOC', 'ORG'] as const).map((t) => `${t} ${(100 * f1(counts[t])).toFixed(2)}`);
  const f = f1(overall(counts));
  return { line: `${parts.join('  ')}  all ${(100 * f).toFixed(2)}`, f };
}

/** Fits confidence = σ(a·margin + b) to whether dev predictions are right (a few hundred steps of gradient descent). */
function calibrate(docs: readonly PreparedDocument[], model: TaggerModel): [number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { doc, names } of predict(docs, model, true)) {
    const gold = new Set(doc.doc.names.map((n) => `${n.start}:${n.end}:${n.type}`));
    for (const n of names) {
      if (n.type === 'MISC' || !Number.isFinite(n.margin)) continue;
      xs.push(n.margin);
      ys.push(gold.has(`${n.start}:${n.end}:${n.type}`) ? 1 : 0);
    }
  }
  const scaleX = xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length) || 1;
  let a = 0;
  let b = 0;
  for (let step = 0; step < 500; step++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] / scaleX;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      ga += (p - ys[i]) * x;
      gb += p - ys[i];
    }
    a -= (2 * ga) / xs.length;
    b -= (2 * gb) / xs.length;
  }
  return [a / scaleX, b];
}

/** Trains one stage on examples; `name` labels its progress lines. */
function trainStage(name: string, examples: readonly Example[], dev: readonly PreparedDocument[] | null, t0: number): TaggerModel {
  return trainPerceptron(examples, {
    bits: BITS,
    epochs: EPOCHS,
    seed: 2003,
    average: AVERAGE,
    onEpoch: dev && !process.argv.includes('--quiet') ? (epoch, m, mistakes) => {
      console.log(`${name} epoch ${epoch}: ${mistakes} sentences wrong; dev ${score(dev, m).line}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } : undefined,
  });
}

/** Each document's sentences' labels by a first-stage model, as the second stage reads them. */
function firstLabels(docs: readonly PreparedDocument[], model: TaggerModel): Uint8Array[][] {
  return docs.map((d) => firstReading(documentContext(d.sentences), model));
}

function main(): void {
  const t0 = Date.now();
  writeWordClasses();
  const train: GoldDocument[] = readConll(join(CONLL, 'eng.train'));
  const dev = readConll(join(CONLL, 'eng.testa'));
  const own = USE_OWN ? readOwnSet(ROOT).filter((d) => !HOLD_OUT || !d.name.startsWith(`${HOLD_OUT}-`)) : [];
  const prepDev = dev.map(prepareDocument);
  // The own articles count OWN_WEIGHT times: they are few, and the only modern ones.
  const docs = [...train.map(prepareDocument), ...Array.from({ length: OWN_WEIGHT }, () => own.map(prepareDocument)).flat()];
  const unaligned = docs.reduce((a, d) => a + d.unaligned, 0);
  const examples = docs.map((d) => examplesOf(d));
  const tokens = examples.flat().reduce((a, e) => a + e.gold.length, 0);
  console.log(`${train.length} training documents + ${own.length} own ×${OWN_WEIGHT} (${unaligned} gold names not on token boundaries); ${examples.flat().length} sentences, ${tokens} tokens; features in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let model = trainStage('first stage', examples.flat(), prepDev, t0);
  if (STAGES === 2) {
    // The second stage learns from first readings of documents the first stage did not train on
    // (two folds), so that it trusts them as much as they deserve on new text.
    const folds = [0, 1].map((f) => trainStage(`fold ${f}`, examples.filter((_, i) => i % 2 !== f).flat(), null, t0));
    const readings = docs.map((d, i) => firstLabels([d], folds[i % 2])[0]);
    const second = trainStage('second stage', docs.flatMap((d, i) => examplesOf(d, readings[i])), null, t0);
    model = { ...model, second };
  }
  const q = quantize(model);
  const devFloat = score(prepDev, model);
  const devQ = score(prepDev, q);
  const calibrated: TaggerModel = { ...q, calibration: calibrate(prepDev, q) };
  const file = encodeModel(calibrated, {
    data: 'CoNLL-2003 English eng.train' + (own.length ? ` + test/fixtures/ner x${OWN_WEIGHT}` : ''),
    trainer: `averaged structured perceptron, ${STAGES} stage(s), ${EPOCHS} epochs, seed 2003`,
    labels: `BIOES over ${TYPES.join(' ')}`,
    hashBits: BITS,
    devF1: Number((100 * devQ.f).toFixed(2)),
    command: 'npm run train:ner',
  });
  const json = JSON.stringify(file) + '\n';
  writeFileSync(OUT, json);
  console.log(`dev float  ${devFloat.line}`);
  console.log(`dev stored ${devQ.line}`);
  console.log(`calibration ${file.calibration.join(' ')}; wrote ${OUT}: ${(json.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
