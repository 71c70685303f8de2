// Mutation testing of the security-critical files: `npm run mutate` (all of them) or
// `npm run mutate -- --mutate src/mock/client-auth.ts` (one file). Not part of `npm test`: it takes
// minutes. The remaining survivors, each with why it is equivalent, are in mutation/survivors.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/run/tokens/*.ts',
    'src/run/runners/shard.ts',
    'src/run/reporting/redact.ts',
    'src/run/target/*.ts',
    'src/mock/token.ts',
    'src/mock/client-auth.ts',
    'src/mock/grant-types.ts',
    'src/generate/auth.ts',
    'src/openapi/scopes-map.ts',
    'src/login/pkce.ts',
    'src/login/callback-listener.ts',
    'src/login/token-exchange.ts',
    'src/login/token-store.ts',
  ],
  // Stryker's sandbox rewrites the tsconfig's `extends`/`references` with TypeScript's JS API, which
  // TypeScript 7 no longer ships. Ours has neither (nothing to rewrite), so no tsconfig is named.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  // Only files that exist in the repo: not dist, reports or the Postman CLI's downloads.
  ignorePatterns: ['.stryker-tmp*', 'dist', 'reports', 'coverage', '.scratch', 'tailored', '.vitest-results.json'],
  // Only the TypeScript files: the sandbox's ES5 files are scripts with a top-level `return`.
  disableTypeChecks: 'src/**/*.ts',
  // One test process: the machine's cores are shared.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['progress-append-only', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 3_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
