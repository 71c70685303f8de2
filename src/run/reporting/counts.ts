import type { NewmanRunSummary } from 'newman';
import { countNegativeCases } from './negative.js';

type Execution = NewmanRunSummary['run']['executions'][number];
type AssertionRecord = { assertion?: string; skipped?: boolean; error?: unknown };

/** The skipped test of a request not sent because the token step failed (src/generate/sandbox/token-store.js). */
const NOT_SENT_TEST = 'token: not sent, the token step failed';
type ScriptRecord = Array<{ error?: unknown }> | undefined;

/** The counts every output of a run shows: the summary line, Newman's table, JUnit and the HTML report. */
export interface RunCounts {
  /** Every HTTP request sent (pm.sendRequest ones too, as Newman's table counts them); failed: no response. */
  requests: { total: number; failed: number };
  assertions: { total: number; passed: number; failed: number; skipped: number };
  /** Pre-request and test scripts that threw. */
  scriptErrors: number;
  /** Negative cases run (the Negative folder's requests that got their checks), counted apart. */
  negativeCases?: number;
  /** Requests not sent because the token step failed. */
  notSent: number;
}

/**
 * The one count of a run, from its execution records: each assertion once, a skipped one is neither
 * passed nor failed. Newman's table gets the same numbers (its totals count the same events).
 */
export function countRun(summary: NewmanRunSummary): RunCounts {
  const { stats } = summary.run;
  const assertions = { total: 0, passed: 0, failed: 0, skipped: 0 };
  let scriptErrors = 0;
  const names: string[] = [];
  let notSent = 0;
  for (const execution of new Set(summary.run.executions) as Set<
    Execution & { assertions?: AssertionRecord[]; prerequestScript?: ScriptRecord; testScript?: ScriptRecord }
  >) {
    for (const a of execution.assertions ?? []) {
      assertions.total += 1;
      names.push(a.assertion ?? '');
      if (a.skipped && a.assertion === NOT_SENT_TEST) notSent += 1;
      if (a.skipped) assertions.skipped += 1;
      else if (a.error) assertions.failed += 1;
      else assertions.passed += 1;
    }
    scriptErrors += [...(execution.prerequestScript ?? []), ...(execution.testScript ?? [])].filter(
      (s) => s.error,
    ).length;
  }
  return {
    requests: { total: stats.requests.total ?? 0, failed: stats.requests.failed ?? 0 },
    assertions,
    scriptErrors,
    negativeCases: countNegativeCases(names),
    notSent,
  };
}
