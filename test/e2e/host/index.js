// Runs mocha specs inside a real VS Code extension host. The workbench loads this module as its
// `extensionTestsPath` and awaits `run()`. The host's exit code does not reach the browser, so the
// outcome is written as JSON to the file named by CROSSWIRE_E2E_RESULT for the runner to read.
//
// The extension host loads test runners with require(), so this file is CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

const { writeFileSync } = require('node:fs');

/**
 * @returns {Promise<void>} rejects when a spec failed, so the host reports the failure too
 */
exports.run = async function run() {
  const resultFile = process.env.CROSSWIRE_E2E_RESULT;
  const specs = JSON.parse(process.env.CROSSWIRE_E2E_SPECS ?? '[]');
  /** @type {{ title: string, state: 'passed' | 'failed', ms: number, error?: string, output?: string[] }[]} */
  const tests = [];
  // What a spec reports (its measurements) goes with its result: the host's console reaches no one.
  // Specs push lines to the global `crosswireReport` array (see test/integration/suite/helpers.ts).
  /** @type {string[]} */
  let output = [];
  Object.assign(globalThis, { crosswireReport: { push: (/** @type {string} */ line) => output.push(line) } });
  const write = (/** @type {string | undefined} */ fatal) => {
    if (!resultFile) return;
    writeFileSync(resultFile, JSON.stringify({ tests, fatal }, null, 2));
  };
  try {
    // Specs are TypeScript; tsx compiles them on require, as it does for the unit tests.
    require('tsx/cjs');
    const { Mocha } = require('mocha');
    const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
    for (const spec of specs) mocha.addFile(spec);
    await mocha.loadFilesAsync();
    const failures = await new Promise((resolve) => {
      const runner = mocha.run(resolve);
      const taken = () => {
        const lines = output;
        output = [];
        return lines.length > 0 ? lines : undefined;
      };
      runner.on('test', () => {
        output = [];
      });
      runner.on('pass', (/** @type {any} */ test) =>
        tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration ?? 0, output: taken() }),
      );
      runner.on('fail', (/** @type {any} */ test, /** @type {any} */ error) =>
        tests.push({ title: test.fullTitle(), state: 'failed', ms: test.duration ?? 0, error: String(error?.stack ?? error), output: taken() }),
      );
    });
    write(undefined);
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } catch (error) {
    if (!tests.some((t) => t.state === 'failed')) write(String(error instanceof Error ? error.stack : error));
    throw error;
  }
};
