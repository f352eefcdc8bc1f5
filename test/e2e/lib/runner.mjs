// @ts-check
// A small sequential test runner: the steps of a pass share one workbench, so they run in order,
// and a failure is recorded (with a screenshot) without stopping the steps after it.
import { AssertionError } from 'node:assert';

/**
 * @typedef {object} Result
 * @property {string} suite
 * @property {string} name
 * @property {boolean} ok
 * @property {number} ms
 * @property {string} [error]
 */

export class Runner {
  /** @type {Result[]} */
  results = [];

  /**
   * @param {{ onFailure?: (suite: string, name: string) => Promise<void> }} [hooks]
   */
  constructor(hooks = {}) {
    this.onFailure = hooks.onFailure;
  }

  /**
   * Runs one step and records its outcome.
   * @param {string} suite
   * @param {string} name
   * @param {() => Promise<void>} body
   * @param {{ timeoutMs?: number }} [options]
   * @returns {Promise<boolean>} whether it passed
   */
  async step(suite, name, body, { timeoutMs = 60_000 } = {}) {
    const started = Date.now();
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    try {
      await Promise.race([
        body(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.record({ suite, name, ok: true, ms: Date.now() - started });
      return true;
    } catch (error) {
      this.record({ suite, name, ok: false, ms: Date.now() - started, error: describe(error) });
      await this.onFailure?.(suite, name).catch(() => undefined);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** @param {Result} result */
  record(result) {
    this.results.push(result);
    const time = `(${(result.ms / 1000).toFixed(1)} s)`;
    console.log(`  ${result.ok ? '✓' : '✗'} ${result.suite}: ${result.name} ${time}`);
    if (result.error) console.log(result.error.replace(/^/gm, '      '));
  }

  get passed() {
    return this.results.filter((r) => r.ok).length;
  }

  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof AssertionError) return error.message;
  if (error instanceof Error) return (error.stack ?? error.message).split('\n').slice(0, 6).join('\n');
  return String(error);
}
