// CI's closing line, "N passed, M failed, K skipped", from vitest's JSON results (.ci/run).
// Usage: node scripts/ci-counts.mjs RESULTS.json TESTS_OK (TESTS_OK: 1 when `npm test` passed, else 0).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Counts of a vitest JSON result. A file that failed with no failed test in it failed outside its
 * tests: a `beforeAll` that threw, or an import error. Vitest marks the tests it then did not run
 * "skipped", like an `it.skip`; the JSON cannot tell them apart, so a skipped test of such a file
 * counts as failed when no test of its own describe block ran (at least one failure per file). A
 * run whose tests failed (`testsOk` false) never reports 0 failed.
 * @param {import('./ci-counts.d.mts').VitestJsonResults} results
 * @param {{ testsOk: boolean }} options
 * @returns {import('./ci-counts.d.mts').ClosingCounts}
 */
export function closingCounts(results, { testsOk }) {
  let notRun = 0;
  let failedOutsideTests = 0;
  for (const file of results.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    if (file.status !== 'failed' || tests.some((t) => t.status === 'failed')) continue;
    const blockOf = (t) => (t.ancestorTitles ?? []).join('\u0000');
    const ran = new Set(tests.filter((t) => t.status === 'passed').map(blockOf));
    const skipped = tests.filter((t) => (t.status === 'skipped' || t.status === 'pending') && !ran.has(blockOf(t)));
    notRun += skipped.length;
    failedOutsideTests += Math.max(1, skipped.length);
  }
  const counted = results.numFailedTests + (results.numRuntimeErrors ?? 0) + failedOutsideTests;
  const failed = counted > 0 || testsOk ? counted : Math.max(1, results.numFailedTestSuites ?? 0);
  const skipped = (results.numPendingTests ?? 0) - notRun + (results.numTodoTests ?? 0);
  return { passed: results.numPassedTests, failed, skipped };
}

/** @param {{ passed: number, failed: number, skipped: number }} counts */
export const closingLine = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, testsOk] = process.argv.slice(2);
  let line = closingLine({ passed: 0, failed: 1, skipped: 0 });
  try {
    line = closingLine(closingCounts(JSON.parse(readFileSync(file ?? '', 'utf8')), { testsOk: testsOk !== '0' }));
  } catch (error) {
    console.error(`ci-counts: cannot read vitest's results ${file}: ${error.message}`);
  }
  console.log(line);
}
