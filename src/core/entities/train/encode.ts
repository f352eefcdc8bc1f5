/**
 * Stores a trained model compactly: emission weights quantised to signed bytes with one step size
 * (weights below half a step become zero, which prunes most of the table), deflated, in base64.
 */
import { deflateRawSync } from 'node:zlib';
import { LABEL_COUNT } from '../labels';
import type { ModelFile, StoredWeights, TaggerModel } from '../model';

/** The step that maps the `quantile`-th largest absolute weight to 127. */
function stepOf(w: ArrayLike<number>, quantile: number): number {
  const sample: number[] = [];
  const stride = Math.max(1, Math.floor(w.length / 2_000_000));
  for (let i = 0; i < w.length; i += stride) if (w[i] !== 0) sample.push(Math.abs(w[i]));
  sample.sort((a, b) => a - b);
  const top = sample.length ? sample[Math.min(sample.length - 1, Math.floor(quantile * sample.length))] : 1;
  return top / 127 || 1;
}

/** Quantises a model's emission weights to bytes; the model it returns decodes like the stored one. */
export function quantize(model: TaggerModel, quantile = 0.9999): TaggerModel {
  if ((model.stride ?? LABEL_COUNT) !== LABEL_COUNT) throw new Error('quantize a trained model, not a decoded one');
  const second = model.second ? { second: quantize(model.second, quantile) } : {};
  const step = stepOf(model.emission, quantile);
  const q = new Int8Array(model.emission.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(model.emission[i] / step)));
  return { ...model, emission: q, scale: step, ...second };
}

function stored(model: TaggerModel): StoredWeights {
  const q = model.emission;
  if (!(q instanceof Int8Array)) throw new Error('quantize the model first');
  if ((model.stride ?? LABEL_COUNT) !== LABEL_COUNT) throw new Error('store a trained model, not a decoded one');
  const bytes = deflateRawSync(Buffer.from(q.buffer, q.byteOffset, q.byteLength), { level: 9, memLevel: 9 });
  return { scale: model.scale, transition: Array.from(model.transition, (x) => Math.round(x * 1e6) / 1e6), emission: bytes.toString('base64') };
}

/** The stored form of a quantised model. */
export function encodeModel(model: TaggerModel, provenance: Record<string, string | number>): ModelFile {
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return {
    format: 'crosswire-ner-1',
    bits: model.bits,
    labels: LABEL_COUNT,
    calibration: [round(model.calibration[0]), round(model.calibration[1])],
    ...stored(model),
    ...(model.second ? { second: stored(model.second) } : {}),
    provenance,
  };
}
