// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that cross a process boundary the wrong way (see DESIGN.md "Direction of imports"). */
const electron = { name: 'electron', message: 'Only main/app imports electron.' };
const mainCode = { group: ['**/main/**', '../main/*'], message: 'This layer may import only common/.' };
const appCode = { group: ['**/main/app/**', '**/app/**'], message: 'Nothing imports main/app.' };
const nodeBuiltins = {
  group: ['node:*'],
  message: 'common/ and renderer/ run in browsers: no Node imports.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fire-and-forget goes through common/background.ts's runInBackground, never `void promise`.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      'no-void': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electron], patterns: [appCode] }],
    },
  },
  {
    // The shell and its unit tests (which run it against a stand-in for electron).
    files: ['main/app/**', 'test/unit/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // main/app's unit tests import the code under test and Electron's types; the electron module itself never
    // loads here (its binary cannot be downloaded): tests use the stand-in in test/unit/app/stand-in/.
    files: ['test/unit/app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ ...electron, allowTypeImports: true }] }] },
  },
  {
    // The preload's runtime is electron's sandboxed preload: it may use electron and common/ only.
    files: ['preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainCode, appCode, nodeBuiltins] }] },
  },
  {
    files: ['renderer/**', 'common/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [mainCode, appCode, nodeBuiltins] }],
    },
  },
  {
    // The Rules of React (hooks, render purity, refs, effects) for the renderer and its unit tests.
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/{renderer,player,sdk}/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
