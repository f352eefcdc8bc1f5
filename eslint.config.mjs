// @ts-check
import tseslint from 'typescript-eslint';

const VSCODE = { name: 'vscode', message: 'src/core is pure: adapters for VS Code live in src/features.' };
/** compromise is wrapped in one module so its untyped output is checked in one place. */
const COMPROMISE = { name: 'compromise', message: 'Use src/core/entities, the one module that wraps compromise.' };

/**
 * The analysis core must stay usable outside VS Code (command line, workers, tests): no `vscode`, and
 * no import that climbs out of src/core into src/features or src/extension. Import paths are matched as
 * written, so each depth under src/core gets the relative path that leaves it. In a flat config a
 * later block that sets a rule replaces an earlier block's options for the same files, so each file
 * gets its whole list of restricted imports from exactly one block (test/unit/lint-boundaries.test.ts
 * proves it).
 */
function coreBlocks() {
  const blocks = [];
  for (let depth = 0; depth < 4; depth++) {
    const up = '../'.repeat(depth + 1);
    const pure = { patterns: [{ group: [`${up}features`, `${up}features/**`, `${up}extension`], message: 'src/core must not depend on the extension layer.' }] };
    const below = '*/'.repeat(depth);
    blocks.push({ files: [`src/core/${below}*.ts`], ignores: ['src/core/entities/**'], rules: { 'no-restricted-imports': ['error', { paths: [VSCODE, COMPROMISE], ...pure }] } });
    if (depth > 0) {
      const inEntities = '*/'.repeat(depth - 1);
      blocks.push({ files: [`src/core/entities/${inEntities}*.ts`], rules: { 'no-restricted-imports': ['error', { paths: [VSCODE], ...pure }] } });
    }
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/.cache/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [COMPROMISE] }] },
  },
  ...coreBlocks(),
  {
    // What the adapters show, built without VS Code so that it is unit-tested.
    files: ['src/features/present/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/features/present is VS Code-free: the adapter beside it talks to VS Code.' }, COMPROMISE] }] },
  },
  {
    files: ['src/features/**/*.ts', 'src/extension.ts'],
    rules: { 'no-console': 'error' },
  },
);
