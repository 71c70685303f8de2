import type { NewmanRunSummary } from 'newman';
import type { CliAssertion } from '../runners/postman-cli-output.js';
import { junitReport } from './cli-reports.js';

type ItemLike = { name?: string; parent?: () => ItemLike | undefined };
type Execution = {
  item?: ItemLike;
  assertions?: Array<{ assertion?: string; skipped?: boolean; error?: { message?: string } }>;
};

/** `Folder / Request`: the item's names up to the collection (which has no parent). */
function fullName(item: ItemLike | undefined): string {
  const names: string[] = [];
  for (let node = item; node?.parent?.(); node = node.parent()) names.unshift(node.name ?? '');
  return names.join(' / ');
}

/** Every assertion of a finished Newman run, in run order, as the Postman CLI runner reads its own. */
export function assertionsOfRun(summary: NewmanRunSummary): CliAssertion[] {
  return [...new Set(summary.run.executions as unknown as Execution[])].flatMap((execution) =>
    (execution.assertions ?? []).map(
      (a): CliAssertion => ({
        item: fullName(execution.item),
        request: execution.item?.name ?? '',
        name: a.assertion ?? '',
        outcome: a.skipped ? 'skipped' : a.error ? 'failed' : 'passed',
        ...(a.error && !a.skipped ? { message: String(a.error.message ?? '') } : {}),
      }),
    ),
  );
}

/**
 * The JUnit report of a Newman run, written by pleo-postman rather than Newman's junit reporter,
 * which counts a skipped assertion as passed and totals requests, not assertions: here every
 * `tests` is a count of assertions and a skipped one is `<skipped/>`, as in a Postman CLI run.
 */
export function newmanJunitReport(summary: NewmanRunSummary, title: string): string {
  const t = summary.run.timings as unknown as { started?: number; completed?: number };
  return junitReport(title, assertionsOfRun(summary), Math.max(0, (t.completed ?? 0) - (t.started ?? 0)));
}
