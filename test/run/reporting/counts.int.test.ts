import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { formatSummaryLine, runLocalSuite, runSuite, type RunSummary } from '../../../src/run/index.js';
import type { ApiDescription } from '../../../src/description/index.js';
import { loadMinimal } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

interface Reports {
  summary: RunSummary;
  /** The json report's execution records: what every reporter walks. */
  executions: Array<{ cursor: { ref: string }; assertions?: unknown[] }>;
  stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
  junit: { tests: number; failures: number; suites: string[] };
  table: string;
}

/** The run's summary, Newman's own stats (the cli table's numbers), its cli table and the JUnit totals. */
async function reportsOf(run: (dir: string) => Promise<RunSummary>): Promise<Reports> {
  const dir = await mkdtemp(join(tmpdir(), 'pleo-counts-'));
  const output = captureOutput();
  let summary: RunSummary;
  try {
    summary = await run(dir);
  } finally {
    output.restore();
  }
  const json = JSON.parse(await readFile(join(dir, 'counts.json'), 'utf8'));
  const xml = await readFile(join(dir, 'counts-junit.xml'), 'utf8');
  const suites = [...xml.matchAll(/<testsuite name="([^"]*)"[^>]* tests="(\d+)" failures="(\d+)"/g)];
  return {
    summary,
    executions: json.run.executions,
    stats: json.run.stats,
    junit: {
      tests: suites.reduce((n, m) => n + Number(m[2]), 0),
      failures: suites.reduce((n, m) => n + Number(m[3]), 0),
      suites: suites.map((m) => m[1] as string),
    },
    table: output.text(),
  };
}

const options = (dir: string) => ({
  reporters: ['cli', 'junit', 'json'] as const,
  reportDir: dir,
  reportName: 'counts',
});

/** The minimal suite with the token endpoint unreachable (a closed port), the API at the mock. */
const unreachableTokenEndpoint = (dir: string) =>
  runSuite({
    ...options(dir),
    collection: buildCollection(spec).collection,
    environment: buildEnvironment(spec, 'local', neededScopes(spec)),
    envVars: { authServerUrl: 'http://127.0.0.1:1', apiBaseUrl: mock.url, refreshToken: 'rt-unreachable' },
  });

describe('one count of a run, everywhere', () => {
  it('issue 8 item 1: with the token endpoint unreachable, the summary line, the table and JUnit agree', async () => {
    const { summary, stats, junit, table } = await reportsOf(unreachableTokenEndpoint);
    expect(summary.ok).toBe(false);
    expect(stats.assertions.failed).toBeGreaterThan(0);
    expect(summary.assertions.total).toBe(stats.assertions.total);
    expect(summary.assertions.failed).toBe(stats.assertions.failed);
    expect(summary.requests).toEqual({ total: stats.requests.total, failed: stats.requests.failed });
    const line = formatSummaryLine(summary);
    expect(line).toContain(
      stats.requests.failed > 0
        ? `${stats.requests.total} requests (${stats.requests.failed} failed)`
        : `${stats.requests.total} requests, `,
    );
    expect(line).toContain(`${stats.assertions.total} assertions: `);
    expect(line).toContain(`, ${stats.assertions.failed} failed`);
    const { passed = -1, failed, skipped } = summary.assertions;
    expect(passed + failed + skipped).toBe(summary.assertions.total);
    expect(table).toMatch(
      new RegExp(`│\\s+assertions │\\s+${stats.assertions.total} │\\s+${stats.assertions.failed} │`),
    );
    expect(junit.tests).toBe(stats.assertions.total);
    expect(junit.failures).toBe(stats.assertions.failed);
  }, 60_000);

  it('issue 8 item 2: a request whose pre-request script gets a token is listed, and counted, once in the reports', async () => {
    const { summary, stats, junit, executions } = await reportsOf((dir) => runLocalSuite({ ...options(dir), spec }));
    expect(summary.ok).toBe(true);
    const refs = executions.map((e) => e.cursor.ref);
    expect(new Set(refs).size).toBe(refs.length);
    expect(executions.reduce((n, e) => n + (e.assertions?.length ?? 0), 0)).toBe(stats.assertions.total);
    expect(junit.tests).toBe(stats.assertions.total);
    expect(summary.assertions.total).toBe(stats.assertions.total);
    expect(new Set(junit.suites).size).toBe(junit.suites.length);
  }, 60_000);

  it('issue 8 item 2: items whose request was skipped still carry their (skipped) assertions in the reports', async () => {
    const { junit } = await reportsOf(unreachableTokenEndpoint);
    expect(junit.suites).toContain('Security / Vendors: token without vendors:read → 403');
  }, 60_000);
});
