import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundaries } from './packages/config/eslint.boundaries.js';

// apps/web imports its own sources as '@/…' (one alias, issue 14) rather than climbing folders.
const webClimb = { group: ['../../*'], message: "Import apps/web/src files as '@/…' instead of climbing folders." };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/routeTree.gen.ts', 'packages/db/migrations/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // DESIGN §2: env.ts is the only reader of process.env in application code.
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/env.ts', '**/*.test.ts', '**/test/**', '**/bench/**', '**/faults/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in env.ts only.' }],
    },
  },
  {
    // Module boundaries in the API (docs/architecture.md); the no-cycle check is apps/api/src/architecture.test.ts.
    files: ['apps/api/src/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/module-entry': 'error', 'boundaries/no-transport-in-services': 'error' },
  },
  {
    // One language per visit (decisions/0030): the i18n index re-exports both catalogues, so a value
    // imported from it puts every word of both languages in the page's first load.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@uc/contracts/i18n', message: 'Import from @uc/contracts/i18n/errors or …/auditText (types are fine).', allowTypeImports: true }],
          patterns: [webClimb],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [webClimb] }] },
  },
  {
    files: ['apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
