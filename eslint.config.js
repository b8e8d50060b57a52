// Lint rules for every package: the recommended sets, plus a ban on `any` so public types stay precise.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import compat from 'eslint-plugin-compat';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/cdn/**',
      '**/generated/**',
      'storybook-static/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Platform APIs the widgets and the SDK call must exist in every browser of package.json's browserslist
    // (Chromium 86, Firefox ESR, Safari 15), or be guarded (a typeof/in check the rule recognises).
    ...compat.configs['flat/recommended'],
    files: ['packages/elements/src/**/*.ts', 'packages/sdk/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
  },
  {
    // A file holds one idea: past 400 lines it holds more (generated files are ignored above).
    files: ['packages/*/src/**/*.{ts,js,mjs}'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // The server's functions stay readable at a glance: a longer handler splits into rules and steps.
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The old-engine page's script, and the test that hands functions to that page.
    files: ['packages/elements/test/old-engine/*'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The demo site's scripts run in the browser, as a host page's own code would.
    files: ['demo/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
