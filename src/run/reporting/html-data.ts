import type { NewmanRunSummary } from 'newman';
import { countRun, type RunCounts } from './counts.js';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface ReportRequest {
  name: string;
  description: string;
  method: string;
  url: string;
  /** HTTP status, or undefined when nothing was sent (or no response came). */
  status?: number;
  responseTimeMs?: number;
  requestError?: string;
  assertions: Array<{ name: string; outcome: Outcome; message?: string }>;
}

export interface ReportFolder {
  name: string;
  description: string;
  requests: ReportRequest[];
}

/** What the HTML report shows, as plain data: the counts are the run's one count (countRun). */
export interface HtmlReportData {
  title: string;
  counts: RunCounts;
  durationMs: number;
  folders: ReportFolder[];
}

type Described = { description?: unknown; name?: string };
type ItemLike = Described & {
  parent?: () => (Described & { parent?: unknown }) | undefined;
  request?: { description?: unknown; method?: string; url?: { toString(): string } };
};
type ExecutionLike = {
  item?: ItemLike;
  request?: { method?: string; url?: { toString(): string } };
  response?: { code?: number; responseTime?: number };
  requestError?: { message?: string; code?: string };
  assertions?: Array<{ assertion: string; skipped?: boolean; error?: { message?: string } }>;
};

/** A description as the SDK holds it: a string, or `{ content }`. */
const textOf = (description: unknown): string =>
  typeof description === 'string'
    ? description
    : typeof (description as { content?: unknown } | undefined)?.content === 'string'
      ? String((description as { content: string }).content)
      : '';

/** The report's data from a finished (redacted) Newman summary whose executions list each item once. */
export function htmlReportData(summary: NewmanRunSummary, title: string): HtmlReportData {
  const folders: ReportFolder[] = [];
  for (const execution of new Set(summary.run.executions as unknown as ExecutionLike[])) {
    const item = execution.item;
    const parent = item?.parent?.();
    const folderName = parent?.name && parent.parent ? parent.name : '';
    let folder = folders.at(-1);
    if (!folder || folder.name !== folderName) {
      folder = { name: folderName, description: textOf(parent?.description), requests: [] };
      folders.push(folder);
    }
    const request = execution.request ?? item?.request;
    folder.requests.push({
      name: item?.name ?? '',
      description: textOf(item?.request?.description),
      method: request?.method ?? '',
      url: request?.url?.toString() ?? '',
      ...(execution.response?.code !== undefined ? { status: execution.response.code } : {}),
      ...(execution.response?.responseTime !== undefined ? { responseTimeMs: execution.response.responseTime } : {}),
      ...(execution.requestError
        ? { requestError: execution.requestError.message || execution.requestError.code || 'no response' }
        : {}),
      assertions: (execution.assertions ?? []).map((a) => ({
        name: a.assertion,
        outcome: a.skipped ? 'skipped' : a.error ? 'failed' : 'passed',
        ...(a.error?.message && !a.skipped ? { message: a.error.message } : {}),
      })),
    });
  }
  const t = summary.run.timings as unknown as { started?: number; completed?: number };
  return { title, counts: countRun(summary), durationMs: Math.max(0, (t.completed ?? 0) - (t.started ?? 0)), folders };
}
