// @ts-nocheck
// ESLint lints only the Postman sandbox files: ES5 scripts that the Postman app and Newman run.
// Everything else (TypeScript, tests, build scripts) is linted and formatted by Biome (biome.json).
import js from '@eslint/js';

/** What the Postman sandbox provides besides ES5's own globals. */
const POSTMAN_SANDBOX_GLOBALS = {
  pm: 'readonly',
  postman: 'readonly',
  require: 'readonly',
  console: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  atob: 'readonly',
  btoa: 'readonly',
  xml2Json: 'readonly',
};

export default [
  // Every other JavaScript file is Biome's (dist/ holds copies of the sandbox files).
  { ignores: ['**/*.js', '**/*.mjs', '**/*.cjs', '!src/generate/sandbox/*.js'] },
  {
    ...js.configs.recommended,
    files: ['src/generate/sandbox/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: POSTMAN_SANDBOX_GLOBALS,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...js.configs.recommended.rules,
      // ES5 has no optional catch binding: `catch (e) {}` is the only way to write it.
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
    },
  },
  {
    // These two are the body of the function their generated script wraps them in (bare `return`s).
    files: [
      'src/generate/sandbox/token-main.js',
      'src/generate/sandbox/security-narrow.js',
      'src/generate/sandbox/security-narrow-response.js',
      'src/generate/sandbox/token-item.js',
      'src/generate/sandbox/token-item-response.js',
    ],
    languageOptions: { parserOptions: { ecmaFeatures: { globalReturn: true } } },
  },
];
