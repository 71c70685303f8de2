import type { NewmanRunSummary } from 'newman';
import { countRun } from './counts.js';
import type { SkippedRequest } from '../target/writes.js';

export interface Failure {
  /** The request (item) the failed assertion belongs to. */
  item: string;
  /** The assertion, e.g. `GET /v2/employees → body matches EmployeeList`. */
  test: string;
  message: string;
}

/** What a contract run returns: data, so that callers and tests need no console output. */
export interface RunSummary {
  /** True only when every assertion passed, every request got a response and Newman reported no run error. */
  ok: boolean;
  /** Every HTTP request sent, token requests included (as Newman's table); failed: no response. */
  requests: { total: number; failed: number };
  /** Each assertion once; skipped ones are neither passed nor failed. `passed` is absent in old callers' data. */
  assertions: { total: number; failed: number; skipped: number; passed?: number };
  /** Pre-request and test scripts that threw. */
  scriptErrors?: number;
  /** Negative cases run (src/generate/negative), shown apart: `N negative cases`. */
  negativeCases?: number;
  /** Requests not sent because the token step failed (each one skipped test). */
  notSent?: number;
  failures: Failure[];
  durationMs: number;
  runError?: string;
  /** Writes left out of a production run (without `allowWrites`). */
  skippedWrites: SkippedRequest[];
  /** Report files written, in the report directory. */
  reportFiles: string[];
  /** The refresh token at the end of the run, when the server rotated the one the run began with. */
  rotatedRefreshToken?: string;
}

/** Counts and failures of a finished Newman run (whose summary is already redacted). */
export function summariseRun(
  summary: NewmanRunSummary,
): Omit<RunSummary, 'skippedWrites' | 'reportFiles' | 'rotatedRefreshToken'> {
  const { timings, failures } = summary.run;
  const counts = countRun(summary);
  const runError = (summary.run as { error?: { message?: string } | null }).error ?? undefined;
  const list: Failure[] = failures.map((f) => ({
    item: String((f.source as { name?: string } | undefined)?.name ?? f.at ?? ''),
    test: String(f.error?.test ?? f.error?.name ?? ''),
    message: String(f.error?.message ?? ''),
  }));
  const t = timings as unknown as { started?: number; completed?: number };
  return {
    ok: runError === undefined && list.length === 0,
    requests: counts.requests,
    assertions: counts.assertions,
    scriptErrors: counts.scriptErrors,
    ...(counts.negativeCases ? { negativeCases: counts.negativeCases } : {}),
    ...(counts.notSent > 0 ? { notSent: counts.notSent } : {}),
    failures: list,
    durationMs: Math.max(0, (t.completed ?? 0) - (t.started ?? 0)),
    ...(runError !== undefined ? { runError: String(runError.message ?? runError) } : {}),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `57 requests (16 negative cases), 179 assertions: 176 passed, 0 failed, 3 skipped in 2.0 s: passed`. The same numbers
 * as Newman's table (requests and assertions, executed and failed), JUnit and the HTML report.
 */
export function formatSummaryLine(summary: RunSummary): string {
  const { assertions, requests } = summary;
  const passed = assertions.passed ?? assertions.total - assertions.failed - assertions.skipped;
  const verdict = summary.ok ? 'passed' : summary.runError ? `run error: ${summary.runError}` : 'FAILED';
  const failedRequests = requests.failed > 0 ? ` (${requests.failed} failed)` : '';
  const skipped = assertions.skipped > 0 ? `, ${assertions.skipped} skipped` : '';
  const scripts = summary.scriptErrors ? `, ${plural(summary.scriptErrors, 'script error')}` : '';
  const negative = summary.negativeCases ? ` (${plural(summary.negativeCases, 'negative case')})` : '';
  return `${plural(requests.total, 'request')}${failedRequests}${negative}, ${plural(assertions.total, 'assertion')}: ${passed} passed, ${assertions.failed} failed${skipped}${scripts} in ${(summary.durationMs / 1000).toFixed(1)} s: ${verdict}`;
}
