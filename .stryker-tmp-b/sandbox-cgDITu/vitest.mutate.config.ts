// @ts-nocheck
import { defineConfig } from 'vitest/config';
import { INTEGRATION_TESTS } from './vitest.config.js';

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): the unit project, and the
 * integration files that reach the mutated code in this process (a child process never sees a
 * mutant). The browser tests, and those that only run `dist/cli.js`, are left out.
 */
export const MUTATION_INTEGRATION_TESTS = [
  'test/run/tokens/lock.int.test.ts',
  'test/run/tokens/token-step.int.test.ts',
  'test/run/tokens/tokens.int.test.ts',
  'test/run/tokens/rotation-persist.int.test.ts',
  'test/login/login.int.test.ts',
  'test/run/secrets.int.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [INTEGRATION_TESTS], isolate: false },
      },
      { extends: true, test: { name: 'integration', include: MUTATION_INTEGRATION_TESTS } },
    ],
  },
});
