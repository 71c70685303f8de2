import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment, neededScopes } from '../../../src/generate/index.js';
import { startMock, type RunningMock } from '../../../src/mock/index.js';
import { runSuite } from '../../../src/run/index.js';
import { loadMinimal } from '../../helpers/specs.js';
import { captureOutput } from '../helpers/output.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

type Case = { name: string; skipped?: unknown; failure?: { message?: string } };
type Suite = { name: string; tests: string; skipped?: string; testcase?: Case | Case[] };

// Issue 18 item 6: JUnit marks skipped assertions <skipped/>, its `tests` are assertions, the same under
// --parallel, and a failed token step is one test case with its reason.
describe.each([undefined, 2])('JUnit of a run whose token step fails (--parallel %s)', (parallel) => {
  it('counts assertions, marks skips, and has the token step as one failing case with its reason', async () => {
    const reportDir = await mkdtemp(join(tmpdir(), 'pleo-junit-'));
    const output = captureOutput();
    let summary: Awaited<ReturnType<typeof runSuite>>;
    try {
      summary = await runSuite({
        collection: buildCollection(spec).collection,
        environment: buildEnvironment(spec, 'local', neededScopes(spec)),
        envVars: { authServerUrl: 'http://127.0.0.1:1', apiBaseUrl: mock.url, refreshToken: 'rt-1234' },
        reporters: ['junit'],
        reportDir,
        ...(parallel ? { parallel } : {}),
      });
    } finally {
      output.restore();
    }
    const xml = await readFile(summary.reportFiles.find((f) => f.endsWith('-junit.xml'))!, 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; skipped: string; failures: string; testsuite: Suite[] };
    };
    const cases = parsed.testsuites.testsuite.flatMap((s) => [s.testcase ?? []].flat());
    expect(Number(parsed.testsuites.tests)).toBe(summary.assertions.total);
    expect(cases).toHaveLength(summary.assertions.total);
    expect(Number(parsed.testsuites.skipped)).toBe(summary.assertions.skipped);
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(summary.assertions.skipped);
    expect(summary.assertions.skipped).toBeGreaterThan(0);
    const token = cases.filter((c) => c.name.startsWith('token: ') && c.failure);
    expect(token).toHaveLength(1);
    expect(token[0]!.failure!.message).toMatch(/^token endpoint unreachable: connection refused at 127\.0\.0\.1:1/);
  }, 60_000);
});
