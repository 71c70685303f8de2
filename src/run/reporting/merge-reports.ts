import { JUNIT_NEGATIVE_PROPERTY } from './cli-reports.js';
import type { RunSummary } from './summary.js';

/** `<testsuite …>…</testsuite>` (or self-closed) elements of a Newman JUnit report, in document order. */
const TESTSUITE = /<testsuite\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/testsuite>)/g;

const attribute = (element: string, name: string): string | undefined =>
  new RegExp(`^<testsuite\\b[^>]*?\\s${name}="([^"]*)"`).exec(element)?.[1];

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Newman JUnit `testsuite` names its request `Folder / Request`: the folder, by the longest known name. */
function folderIndex(element: string, folders: readonly string[]): number {
  const name = (attribute(element, 'name') ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  let best = -1;
  folders.forEach((folder, i) => {
    if (name.startsWith(`${folder} / `) && (best < 0 || folder.length > (folders[best] ?? '').length)) best = i;
  });
  return best < 0 ? folders.length : best;
}

/**
 * One JUnit report from the reports of several runners (Newman's `junit` reporter): every `testsuite`
 * (one per request, named `Folder / Request`) kept as written, ordered by the collection's folder order
 * (`folders`; stable within a folder), under one `testsuites` whose `tests` is the sum, whose `failures`,
 * `errors` and `negativeCases` count the elements, and whose `time` is the wall time of the whole run. Pure.
 */
export function mergeJunitReports(
  reports: readonly string[],
  options: { name: string; folders: readonly string[]; wallMs: number },
): string {
  const suites = reports.flatMap((xml) => xml.match(TESTSUITE) ?? []);
  const ordered = suites
    .map((element, i) => ({ element, i, folder: folderIndex(element, options.folders) }))
    .sort((a, b) => a.folder - b.folder || a.i - b.i)
    .map((s) => s.element);
  const tests = suites.reduce((sum, s) => sum + Number(attribute(s, 'tests') ?? 0), 0);
  // Counted from the elements: Newman's own per-suite `failures` may count one failed test twice.
  const failures = suites.reduce((sum, s) => sum + (s.match(/<failure\b/g) ?? []).length, 0);
  const errors = suites.reduce((sum, s) => sum + (s.match(/<error\b/g) ?? []).length, 0);
  const skipped = suites.reduce((sum, s) => sum + (s.match(/<skipped\b/g) ?? []).length, 0);
  const negativeMark = `<property name="${JUNIT_NEGATIVE_PROPERTY}"`;
  const negative = suites.reduce((sum, s) => sum + s.split(negativeMark).length - 1, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttribute(options.name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"${negative ? ` negativeCases="${negative}"` : ''} time="${(options.wallMs / 1000).toFixed(3)}">`,
    ...ordered.map((s) => `  ${s}`),
    '</testsuites>',
    '',
  ].join('\n');
}

type Counter = { total?: number; pending?: number; failed?: number };
interface JsonReport {
  collection?: { item?: unknown[]; [key: string]: unknown };
  environment?: unknown;
  globals?: unknown;
  run?: {
    stats?: Record<string, Counter>;
    timings?: Record<string, number>;
    executions?: unknown[];
    transfers?: { responseTotal?: number };
    failures?: unknown[];
    error?: unknown;
  };
}

const sumCounters = (parts: ReadonlyArray<Record<string, Counter> | undefined>): Record<string, Counter> => {
  const out: Record<string, Counter> = {};
  for (const stats of parts) {
    for (const [key, c] of Object.entries(stats ?? {})) {
      const o = out[key] ?? { total: 0, pending: 0, failed: 0 };
      out[key] = o;
      o.total = (o.total ?? 0) + (c.total ?? 0);
      o.pending = (o.pending ?? 0) + (c.pending ?? 0);
      o.failed = (o.failed ?? 0) + (c.failed ?? 0);
    }
  }
  return out;
};

type FolderItem = { name?: string; item?: unknown[] };

/** A folder split over several runners (its request chains, parallel.ts) comes back as one folder. */
function oneFolderPerName(items: readonly unknown[]): unknown[] {
  const byName = new Map<string, FolderItem>();
  const merged: unknown[] = [];
  for (const item of items as FolderItem[]) {
    const seen = item.name === undefined ? undefined : byName.get(item.name);
    if (seen && Array.isArray(seen.item) && Array.isArray(item.item)) {
      seen.item = [...seen.item, ...item.item];
      continue;
    }
    const copy = { ...item };
    if (copy.name !== undefined) byName.set(copy.name, copy);
    merged.push(copy);
  }
  return merged;
}

/**
 * One Newman JSON report from several runners' reports: the collection with every runner's folders
 * (in `folders` order), stats summed, executions and failures in one list, timings from the first start
 * to the last end (response averages weighted by requests), the first run error. Pure.
 */
export function mergeJsonReports(reports: readonly JsonReport[], folders: readonly string[]): JsonReport {
  const rank = (item: unknown) => {
    const i = folders.indexOf(String((item as { name?: string }).name ?? ''));
    return i < 0 ? folders.length : i;
  };
  const items = oneFolderPerName(reports.flatMap((r) => r.collection?.item ?? []).sort((a, b) => rank(a) - rank(b)));
  const requests = reports.map((r) => r.run?.stats?.requests?.total ?? 0);
  const totalRequests = requests.reduce((a, b) => a + b, 0);
  const timings = reports.map((r) => r.run?.timings ?? {});
  const pick = (key: string, f: (xs: number[]) => number) => {
    const xs = timings.map((t) => t[key]).filter((x): x is number => typeof x === 'number');
    return xs.length > 0 ? f(xs) : 0;
  };
  const weighted = (key: string) =>
    totalRequests === 0
      ? 0
      : timings.reduce((sum, t, i) => sum + (t[key] ?? 0) * (requests[i] ?? 0), 0) / totalRequests;
  const first = reports[0] ?? {};
  return {
    collection: { ...first.collection, item: items },
    environment: reports.at(-1)?.environment,
    globals: first.globals,
    run: {
      stats: sumCounters(reports.map((r) => r.run?.stats)),
      timings: {
        responseAverage: weighted('responseAverage'),
        responseMin: pick('responseMin', (xs) => Math.min(...xs)),
        responseMax: pick('responseMax', (xs) => Math.max(...xs)),
        started: pick('started', (xs) => Math.min(...xs)),
        completed: pick('completed', (xs) => Math.max(...xs)),
      },
      executions: reports.flatMap((r) => r.run?.executions ?? []),
      transfers: { responseTotal: reports.reduce((sum, r) => sum + (r.run?.transfers?.responseTotal ?? 0), 0) },
      failures: reports.flatMap((r) => r.run?.failures ?? []),
      error: reports.map((r) => r.run?.error).find((e) => e !== undefined && e !== null) ?? null,
    },
  };
}

/**
 * One summary for runners that ran at once: counts summed, failures in folder order, the wall time of
 * the whole run, ok only when every runner was ok. `reportFiles` and the rotation are the caller's. Pure.
 */
export function mergeSummaries(parts: readonly RunSummary[], wallMs: number): RunSummary {
  const runErrors = parts.map((p) => p.runError).filter((e): e is string => e !== undefined);
  return {
    ok: parts.every((p) => p.ok),
    requests: {
      total: parts.reduce((n, p) => n + p.requests.total, 0),
      failed: parts.reduce((n, p) => n + p.requests.failed, 0),
    },
    assertions: {
      total: parts.reduce((n, p) => n + p.assertions.total, 0),
      failed: parts.reduce((n, p) => n + p.assertions.failed, 0),
      skipped: parts.reduce((n, p) => n + p.assertions.skipped, 0),
      passed: parts.reduce(
        (n, p) => n + (p.assertions.passed ?? p.assertions.total - p.assertions.failed - p.assertions.skipped),
        0,
      ),
    },
    ...(parts.some((p) => p.negativeCases)
      ? { negativeCases: parts.reduce((n, p) => n + (p.negativeCases ?? 0), 0) }
      : {}),
    ...(parts.some((p) => p.notSent) ? { notSent: parts.reduce((n, p) => n + (p.notSent ?? 0), 0) } : {}),
    failures: parts.flatMap((p) => p.failures),
    durationMs: wallMs,
    ...(runErrors.length > 0 ? { runError: [...new Set(runErrors)].join('; ') } : {}),
    skippedWrites: parts.flatMap((p) => p.skippedWrites),
    reportFiles: [],
  };
}
