// @ts-nocheck
import { defineConfig } from 'vitest/config';

/**
 * Test files that start a Newman run, a browser or a child process are named `*.int.test.ts`; the
 * rest is the fast loop, `npm run test:unit` (test/architecture/test-split.test.ts keeps the names
 * honest). `npm test` runs both.
 */
export const INTEGRATION_TESTS = 'test/**/*.int.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        // Unit test files share each worker's module registry (a third of the time): each file must
        // leave nothing global behind (real timers restored, servers closed, process.exitCode reset).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [INTEGRATION_TESTS], isolate: false },
      },
      { extends: true, test: { name: 'integration', include: [INTEGRATION_TESTS] } },
    ],
  },
});
