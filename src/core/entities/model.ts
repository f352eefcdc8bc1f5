/**
 * The tagger's weights: one row of label weights per hashed feature, quantised to bytes, and the
 * label-to-label transition weights. The shipped model (`model/ner-model.json`, made by
 * `npm run train:ner`) is read on first use: a few megabytes of base64 inflated into a typed array.
 */
import { inflateRawSync } from 'node:zlib';
import { markStable } from './decode';
import { forgetSums } from './word-features';
import { LABEL_COUNT } from './labels';
import { PAIRED_STRIDE } from './paired';

/** Weights the decoder reads. */
export interface TaggerModel {
  /** The table has `2 ** bits` rows of `LABEL_COUNT` weights. */
  readonly bits: number;
  readonly emission: ArrayLike<number>;
  /**
   * Row r's weights are `emission[r * stride + offset ..]`, `LABEL_COUNT` of them. A stored model with
   * a second stage keeps both stages' rows side by side in one table (`PAIRED_STRIDE`), so that one
   * read of memory fetches a feature's weights for both. Unset: `LABEL_COUNT` and 0.
   */
  readonly stride?: number;
  readonly offset?: number;
  /** Multiplier of `emission` (a quantisation step; 1 for unquantised weights). */
  readonly scale: number;
  /** `(LABEL_COUNT + 1) × LABEL_COUNT`: from the sentence start (row 0) or label y (row y + 1) to each label. */
  readonly transition: ArrayLike<number>;
  /** Logistic calibration of a name's score margin into a confidence: `1 / (1 + e^-(a·margin + b))`. */
  readonly calibration: readonly [number, number];
  /** A second model that reads this one's labels of the whole document as features, and decides. */
  readonly second?: TaggerModel;
}

/** The stored weights of one model. */
export interface StoredWeights {
  readonly scale: number;
  readonly transition: readonly number[];
  /** Base64 of the raw-deflated `Int8Array` of emission weights. */
  readonly emission: string;
}

/** The stored form of a model. */
export interface ModelFile extends StoredWeights {
  readonly format: 'crosswire-ner-1';
  readonly bits: number;
  readonly labels: number;
  readonly calibration: readonly [number, number];
  readonly second?: StoredWeights;
  /** How the model was made: data, settings, dev figures. */
  readonly provenance: Readonly<Record<string, string | number>>;
}

/**
 * Turns a stored model into weights; a second stage's rows are laid beside the first's. With `shared`,
 * the table is laid in memory that other threads can read (`sharedModelTable`).
 */
export function decodeModel(file: ModelFile, shared = false): TaggerModel {
  if (file.format !== 'crosswire-ner-1' || file.labels !== LABEL_COUNT) throw new Error('unsupported entity model');
  const rows = 1 << file.bits;
  const inflate = (w: StoredWeights): Int8Array => {
    const raw = inflateRawSync(Buffer.from(w.emission, 'base64'));
    if (raw.byteLength !== rows * LABEL_COUNT) throw new Error('entity model has the wrong size');
    return new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  };
  const table = (bytes: number): Int8Array => new Int8Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const one = inflate(file);
  if (!file.second) {
    if (!shared) return withTable(file, one);
    const copy = table(one.length);
    copy.set(one);
    return withTable(file, copy);
  }
  const two = inflate(file.second);
  // Local copies: imported bindings compile to property reads, too slow for a loop over every weight.
  const stride = PAIRED_STRIDE;
  const L = LABEL_COUNT;
  const both = table(rows * stride);
  for (let r = 0; r < rows; r++) {
    const to = r * stride;
    const from = r * L;
    for (let y = 0; y < L; y++) {
      both[to + y] = one[from + y];
      both[to + L + y] = two[from + y];
    }
  }
  return withTable(file, both);
}

/** The bytes of a stored model's table once decoded (`decodeModel`). */
function tableBytes(file: ModelFile): number {
  return (1 << file.bits) * (file.second ? PAIRED_STRIDE : LABEL_COUNT);
}

/** A stored model's weights around its decoded table. */
function withTable(file: ModelFile, emission: Int8Array): TaggerModel {
  if (emission.length !== tableBytes(file)) throw new Error('entity model has the wrong size');
  const model = (w: StoredWeights, stride: number, offset: number): TaggerModel => {
    const transition = Float64Array.from(w.transition);
    markStable(transition);
    return { bits: file.bits, emission, stride, offset, scale: w.scale, transition, calibration: file.calibration };
  };
  if (!file.second) return model(file, LABEL_COUNT, 0);
  return { ...model(file, PAIRED_STRIDE, 0), second: model(file.second, PAIRED_STRIDE, LABEL_COUNT) };
}

let shipped: TaggerModel | undefined;
let override: TaggerModel | undefined;

function shippedFile(): ModelFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./model/ner-model.json') as ModelFile;
}

/**
 * The model recognition uses: the shipped one, read on first call. Its table (some ten megabytes) is
 * laid in shared memory, so that the analysis threads and the caller's can all read one copy
 * (`sharedModelTable`, `adoptModelTable`).
 */
export function currentModel(): TaggerModel {
  if (override) return override;
  shipped ??= decodeModel(shippedFile(), true);
  return shipped;
}

/** The shipped model's table, when this thread has it, for another thread to adopt. */
export function sharedModelTable(): SharedArrayBuffer | undefined {
  const buffer = shipped?.emission instanceof Int8Array ? shipped.emission.buffer : undefined;
  return buffer instanceof SharedArrayBuffer ? buffer : undefined;
}

/**
 * Reads the shipped model from a table another thread decoded (`sharedModelTable`), dropping this
 * thread's own copy if it has one. False, and nothing changed, for a table of the wrong size.
 */
export function adoptModelTable(table: SharedArrayBuffer): boolean {
  if (sharedModelTable() === table) return true;
  const file = shippedFile();
  if (table.byteLength !== tableBytes(file)) return false;
  shipped = withTable(file, new Int8Array(table));
  forgetSums();
  return true;
}

/** Makes recognition use `model` instead of the shipped one (`undefined` to go back), for training and tests. */
export function useModel(model: TaggerModel | undefined): void {
  override = model;
}
