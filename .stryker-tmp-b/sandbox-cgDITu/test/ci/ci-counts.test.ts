// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closingCounts, closingLine, type VitestJsonResults } from '../../scripts/ci-counts.mjs';

/** CI's closing line (.ci/run) from vitest's JSON results. */
const failedBeforeAll = JSON.parse(
  readFileSync('test/fixtures/ci/vitest-failed-beforeall.json', 'utf8'),
) as VitestJsonResults;

const run = (files: Array<{ status: string; tests: string[] }>, extra: Partial<VitestJsonResults> = {}) => {
  const all = files.flatMap((f) => f.tests);
  return {
    numPassedTests: all.filter((t) => t === 'passed').length,
    numFailedTests: all.filter((t) => t === 'failed').length,
    numPendingTests: all.filter((t) => t === 'skipped').length,
    numTodoTests: all.filter((t) => t === 'todo').length,
    numFailedTestSuites: files.filter((f) => f.status === 'failed').length,
    testResults: files.map((f) => ({ status: f.status, assertionResults: f.tests.map((status) => ({ status })) })),
    ...extra,
  };
};

describe('the closing line of CI', () => {
  it("a failed beforeAll counts its tests as failed, not skipped (vitest's own JSON)", () => {
    // hook.test.ts: outer's beforeAll throws (a, b and the it.skip beside them did not run), fine's
    // c passes, d is skipped, e is todo; top.test.ts: a top-level beforeAll throws before x.
    expect(closingCounts(failedBeforeAll, { testsOk: false })).toEqual({ passed: 1, failed: 4, skipped: 2 });
    expect(closingLine(closingCounts(failedBeforeAll, { testsOk: false }))).toBe('1 passed, 4 failed, 2 skipped');
  });

  it('a green run with skipped and todo tests counts them as skipped', () => {
    const results = run([
      { status: 'passed', tests: ['passed', 'skipped'] },
      { status: 'passed', tests: ['passed', 'todo'] },
    ]);
    expect(closingCounts(results, { testsOk: true })).toEqual({ passed: 2, failed: 0, skipped: 2 });
  });

  it('a failed test is counted once, and the skipped tests beside it stay skipped', () => {
    const results = run([{ status: 'failed', tests: ['failed', 'skipped', 'passed'] }]);
    expect(closingCounts(results, { testsOk: false })).toEqual({ passed: 1, failed: 1, skipped: 1 });
  });

  it('a file that fails to load (no tests at all) counts as one failure', () => {
    const results = run([
      { status: 'failed', tests: [] },
      { status: 'passed', tests: ['passed'] },
    ]);
    expect(closingCounts(results, { testsOk: false })).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });

  it('errors outside any test (unhandled rejections) are failures', () => {
    const results = run([{ status: 'passed', tests: ['passed'] }], { numRuntimeErrors: 2 });
    expect(closingCounts(results, { testsOk: false })).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });

  it('a run that failed never says 0 failed, even when the JSON names no failure', () => {
    const results = run([{ status: 'passed', tests: ['passed'] }], { numFailedTestSuites: 0 });
    expect(closingCounts(results, { testsOk: false }).failed).toBe(1);
    expect(closingCounts(results, { testsOk: true }).failed).toBe(0);
  });

  it('.ci/run prints what scripts/ci-counts.mjs computes', () => {
    expect(readFileSync('.ci/run', 'utf8')).toContain('counts=$(node scripts/ci-counts.mjs "$results" "$tests_ok")');
  });
});
