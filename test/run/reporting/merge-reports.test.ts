import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { mergeJsonReports, mergeJunitReports, mergeSummaries } from '../../../src/run/reporting/merge-reports.js';
import type { RunSummary } from '../../../src/run/reporting/summary.js';

const suite = (name: string, tests: string[], failed: string[] = []) =>
  `<testsuite name="${name}" id="x" timestamp="2026-01-01T00:00:00.000Z" tests="${tests.length}" failures="${failed.length}" errors="0" time="0.010">
    ${tests
      .map((t) =>
        failed.includes(t)
          ? `<testcase name="${t}" time="0.010" classname="C"><failure type="AssertionFailure" message="no"><![CDATA[Failed 1 times.]]></failure></testcase>`
          : `<testcase name="${t}" time="0.010" classname="C"/>`,
      )
      .join('\n    ')}
  </testsuite>`;

const report = (...suites: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="Pleo" tests="0" time="0.1">\n  ${suites.join('\n  ')}\n</testsuites>\n`;

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' }).parse(xml) as {
    testsuites: { name: string; tests: string; failures: string; time: string; testsuite: Array<{ name: string }> };
  };

describe('mergeJunitReports', () => {
  it('keeps every testsuite, orders them by folder, and sums the counts', () => {
    const merged = mergeJunitReports(
      [
        report(suite('Security / Vendors: no token → 401', ['a', 'b']), suite('Vendors / Get vendor', ['c'], ['c'])),
        report(suite('Tags &amp; tax codes / List tags', ['d']), suite('Vendors / Create vendor', ['e'])),
      ],
      { name: 'Pleo & co "API"', folders: ['Vendors', 'Tags & tax codes', 'Security'], wallMs: 1234 },
    );
    expect(XMLValidator.validate(merged)).toBe(true);
    const { testsuites } = parse(merged);
    expect(testsuites.name).toBe('Pleo & co "API"');
    expect(testsuites.tests).toBe('5');
    expect(testsuites.failures).toBe('1');
    expect(testsuites.time).toBe('1.234');
    expect(testsuites.testsuite.map((s) => s.name)).toEqual([
      'Vendors / Get vendor',
      'Vendors / Create vendor',
      'Tags & tax codes / List tags',
      'Security / Vendors: no token → 401',
    ]);
  });

  it('takes the longest folder name that prefixes a suite, and puts unknown folders last', () => {
    const merged = mergeJunitReports(
      [report(suite('Other / x', ['a']), suite('A / B / c', ['b']), suite('A / d', ['c']))],
      { name: 'n', folders: ['A / B', 'A'], wallMs: 0 },
    );
    expect(parse(merged).testsuites.testsuite.map((s) => s.name)).toEqual(['A / B / c', 'A / d', 'Other / x']);
  });

  it('an empty run is still a valid report', () => {
    const merged = mergeJunitReports([], { name: 'n', folders: [], wallMs: 0 });
    expect(XMLValidator.validate(merged)).toBe(true);
    expect(merged).toContain('tests="0"');
  });
});

describe('mergeJsonReports', () => {
  it('sums stats, concatenates executions and failures, spans the timings, orders folders', () => {
    const part = (folder: string, requests: number, failed: number, started: number, completed: number) => ({
      collection: { info: { name: 'Pleo' }, item: [{ name: folder }] },
      run: {
        stats: { requests: { total: requests, pending: 0, failed: 0 }, assertions: { total: 10, pending: 0, failed } },
        timings: {
          started,
          completed,
          responseAverage: 10 * requests,
          responseMin: requests,
          responseMax: 100 * requests,
        },
        executions: Array.from({ length: requests }, (_, i) => ({ item: { name: `${folder} ${i}` } })),
        transfers: { responseTotal: 100 },
        failures: Array.from({ length: failed }, () => ({ source: { name: folder } })),
        error: null,
      },
    });
    const merged = mergeJsonReports([part('B', 1, 1, 5, 20), part('A', 3, 0, 2, 10)], ['A', 'B']);
    expect(merged.collection?.item).toEqual([{ name: 'A' }, { name: 'B' }]);
    expect(merged.run?.stats?.requests).toEqual({ total: 4, pending: 0, failed: 0 });
    expect(merged.run?.stats?.assertions).toEqual({ total: 20, pending: 0, failed: 1 });
    expect(merged.run?.executions).toHaveLength(4);
    expect(merged.run?.failures).toHaveLength(1);
    expect(merged.run?.timings).toMatchObject({ started: 2, completed: 20, responseMin: 1, responseMax: 300 });
    expect(merged.run?.timings?.responseAverage).toBeCloseTo((10 * 1 + 30 * 3) / 4);
    expect(merged.run?.transfers).toEqual({ responseTotal: 200 });
  });
});

describe('mergeSummaries', () => {
  const summary = (over: Partial<RunSummary>): RunSummary => ({
    ok: true,
    requests: { total: 2, failed: 0 },
    assertions: { total: 5, failed: 0, skipped: 1 },
    failures: [],
    durationMs: 999,
    skippedWrites: [],
    reportFiles: ['ignored'],
    ...over,
  });

  it('adds up the counts, keeps every failure, takes the wall time, ok only when all were', () => {
    const failure = { item: 'Get vendor', test: 't', message: 'm' };
    const merged = mergeSummaries(
      [summary({}), summary({ ok: false, failures: [failure], assertions: { total: 3, failed: 1, skipped: 0 } })],
      1500,
    );
    expect(merged).toEqual({
      ok: false,
      requests: { total: 4, failed: 0 },
      assertions: { total: 8, failed: 1, skipped: 1, passed: 6 },
      failures: [failure],
      durationMs: 1500,
      skippedWrites: [],
      reportFiles: [],
    });
  });

  it('joins distinct run errors', () => {
    const merged = mergeSummaries([summary({ ok: false, runError: 'x' }), summary({ ok: false, runError: 'x' })], 1);
    expect(merged.runError).toBe('x');
  });
});
