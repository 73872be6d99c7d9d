// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { mainLayers } from './scripts/lint/main-layers.js';

/** Imports that cross a process boundary the wrong way (see DESIGN.md "Direction of imports"). */
const electron = { name: 'electron', message: 'Only main/app imports electron.' };
const mainCode = { group: ['**/main/**', '../main/*'], message: 'This layer may import only common/.' };
const appCode = { group: ['**/main/app/**', '**/app/**'], message: 'Nothing imports main/app.' };
const nodeBuiltins = {
  group: ['node:*'],
  message: 'common/ and renderer/ run in browsers: no Node imports.',
};

/**
 * The layers of main/, lowest first (see DESIGN.md "Direction of imports"): a folder imports its own files and
 * folders of lower layers only — never one above it, never one beside it on its layer — and anything in common/.
 * base/ holds what every layer may use (the root logger, child-process exit hooks); ipc/ and api/ serve the
 * station to the app's pages and to HTTP clients, demo/ simulates cameras for it; runtime/ starts it all for
 * both hosts, cli/ (vigil serve) and app/ (Electron). A new folder needs a place here before it lints.
 */
const MAIN_LAYERS = [
  ['base'],
  ['janus'],
  ['gateway'],
  ['rtsp'],
  ['store'],
  ['station'],
  // Alarms, named walls and outgoing webhooks: built on the station's cameras and event bus, served by api and ipc.
  // Cluster mode (NATS JetStream: shared stores, gateway heartbeats, camera placement) plugs into the station's
  // seams beside them; the door reaches placement only through the station.
  ['alarms', 'walls', 'webhooks', 'cluster'],
  // Recording needs the cameras (station) and nothing the door does: the two sit side by side.
  ['door', 'recording'],
  // Motion detection watches cameras (store, station) and raises alarms; nothing below it knows it exists.
  ['motion'],
  ['api', 'demo'],
  // IPC is the REST API's second transport: it serves the same operations with the same wording (api/operations.ts,
  // api/validation.ts), so it sits just above api.
  ['ipc'],
  ['runtime'],
  ['cli', 'app'],
];

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
    // Inside main/, imports run down the layers (type-only imports too).
    files: ['main/**/*.ts'],
    plugins: { vigil: { rules: { 'main-layers': mainLayers } } },
    rules: {
      'vigil/main-layers': ['error', { root: `${import.meta.dirname}/main`, layers: MAIN_LAYERS }],
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
