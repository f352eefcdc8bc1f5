// @ts-check
import tseslint from 'typescript-eslint';

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
    // The analysis core must stay usable outside VS Code (command line, workers, tests).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure: adapters for VS Code live in src/features.' }],
        patterns: [{ group: ['**/features/**', '**/extension'], message: 'src/core must not depend on the extension layer.' }],
      }],
    },
  },
  {
    // compromise is wrapped in one module so its untyped output is checked in one place.
    files: ['src/**/*.ts'],
    ignores: ['src/core/entities/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'compromise', message: 'Use src/core/entities, the one module that wraps compromise.' },
        ],
      }],
    },
  },
  {
    files: ['src/features/**/*.ts', 'src/extension.ts'],
    rules: { 'no-console': 'error' },
  },
);
