import type { NewmanRunSummary } from 'newman';
import type { SkippedRequest } from './writes.js';

export interface Failure {
  /** The request (item) the failed assertion belongs to. */
  item: string;
  /** The assertion, e.g. `GET /v2/employees → body matches EmployeeList`. */
  test: string;
  message: string;
}

/** What a contract run returns: data, so that callers and tests need no console output. */
export interface RunSummary {
  /** True only when every assertion passed and Newman reported no run error. */
  ok: boolean;
  requests: { total: number; failed: number };
  assertions: { total: number; failed: number; skipped: number };
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

type AssertionRecord = { skipped?: boolean };

/** Counts and failures of a finished Newman run (whose summary is already redacted). */
export function summariseRun(
  summary: NewmanRunSummary,
): Omit<RunSummary, 'skippedWrites' | 'reportFiles' | 'rotatedRefreshToken'> {
  const { stats, timings, failures, executions } = summary.run;
  const seen = new Set<unknown>();
  let skipped = 0;
  for (const execution of executions) {
    if (seen.has(execution)) continue; // Newman lists an execution once per request it sent (pm.sendRequest too)
    seen.add(execution);
    skipped += ((execution.assertions ?? []) as AssertionRecord[]).filter((a) => a.skipped).length;
  }
  const runError = (summary.run as { error?: { message?: string } | null }).error ?? undefined;
  const list: Failure[] = failures.map((f) => ({
    item: String((f.source as { name?: string } | undefined)?.name ?? f.at ?? ''),
    test: String(f.error?.test ?? f.error?.name ?? ''),
    message: String(f.error?.message ?? ''),
  }));
  const t = timings as unknown as { started?: number; completed?: number };
  return {
    ok: runError === undefined && list.length === 0,
    requests: { total: stats.requests.total ?? 0, failed: stats.requests.failed ?? 0 },
    assertions: { total: stats.assertions.total ?? 0, failed: stats.assertions.failed ?? 0, skipped },
    failures: list,
    durationMs: Math.max(0, (t.completed ?? 0) - (t.started ?? 0)),
    ...(runError !== undefined ? { runError: String(runError.message ?? runError) } : {}),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `57 requests, 179 assertions (3 skipped), 0 failures in 2.0 s: passed` */
export function formatSummaryLine(summary: RunSummary): string {
  const skipped = summary.assertions.skipped > 0 ? ` (${summary.assertions.skipped} skipped)` : '';
  const verdict = summary.ok ? 'passed' : summary.runError ? `run error: ${summary.runError}` : 'FAILED';
  return `${plural(summary.requests.total, 'request')}, ${plural(summary.assertions.total, 'assertion')}${skipped}, ${plural(summary.failures.length, 'failure')} in ${(summary.durationMs / 1000).toFixed(1)} s: ${verdict}`;
}
