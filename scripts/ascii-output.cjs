// An esbuild plugin that leaves every bundle ASCII-only.
//
// esbuild writes the characters of regular expressions as they are, so a bundle holding one curly
// quote in a pattern is not ASCII, and Node keeps the source of a script that is not one-byte at two
// bytes a character, in every thread that loads it (megabytes each). Every character past U+007F
// becomes a `\uXXXX` escape, which means the same in strings, patterns, identifiers and comments.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module, so that both the build script and the benchmark can load it
const { readFileSync, writeFileSync } = require('node:fs');

const NON_ASCII = /[^\x00-\x7f]/g;

/** @type {import('esbuild').Plugin} */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length || !file) return;
      const js = readFileSync(file, 'utf8');
      NON_ASCII.lastIndex = 0;
      if (!NON_ASCII.test(js)) return;
      writeFileSync(file, js.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

module.exports = { asciiOutput };
