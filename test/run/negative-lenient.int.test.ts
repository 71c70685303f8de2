import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type ApiDescription } from '../../src/description/index.js';
import { CONSTRAINT_KINDS, NEGATIVE_FOLDER_NAME, negativeCases } from '../../src/generate/index.js';
import { runLocalSuite } from '../../src/run/index.js';
import { runLocalSuiteWithPostmanCli } from '../../src/run/runners/postman-cli-run.js';

/** The fixture's body schema has every constraint kind (test/generate/negative/cases.test.ts checks that). */
const NEGATIVE_SPEC = 'test/fixtures/specs/negative.yaml';

describe('the Negative folder against the local mock', () => {
  let spec: ApiDescription;
  let labels: Array<{ kind: string; test: string }>;
  beforeAll(async () => {
    spec = await loadSpec(NEGATIVE_SPEC);
    labels = spec.folders.flatMap((folder) =>
      folder.requests.flatMap((request) =>
        negativeCases(spec.schemas, request).map((c) => ({
          kind: c.kind,
          test: `negative: ${request.method} ${request.path} ${c.violation} → ${c.status}`,
        })),
      ),
    );
  });

  it('passes against the mock, which refuses every case', async () => {
    const summary = await runLocalSuite({ spec, reporters: [], folders: [NEGATIVE_FOLDER_NAME] });
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
    // Two checks a case (status, error body); the run's tokens are the harness's, no assertion of this folder.
    expect(summary.assertions).toEqual({ total: labels.length * 2, passed: labels.length * 2, failed: 0, skipped: 0 });
  });

  it('fails every case, at least one of each constraint kind, against a lenient mock that accepts everything', async () => {
    const summary = await runLocalSuite({
      spec,
      reporters: [],
      folders: [NEGATIVE_FOLDER_NAME],
      mock: { lenient: true },
    });
    expect(summary.ok).toBe(false);
    const failed = new Set(summary.failures.map((f) => f.test));
    const caught = labels.filter((l) => failed.has(l.test));
    expect(new Set(caught.map((l) => l.kind))).toEqual(new Set(CONSTRAINT_KINDS));
    expect(caught).toHaveLength(labels.length);
    const required = summary.failures.find((f) => f.test === 'negative: POST /v1/things without required name → 400');
    expect(required?.message).toBe('POST /v1/things without required name → 400: got 201');
  });
});

type JunitSuite = { name: string; properties?: { property: Array<{ name: string; value: string }> } };

// Issue 23 item 5: the JUnit file shows the negative cases apart under every runner that writes one.
describe.each([
  ['Newman', (o: Parameters<typeof runLocalSuite>[0]) => runLocalSuite(o)],
  ['Newman --parallel 2', (o: Parameters<typeof runLocalSuite>[0]) => runLocalSuite({ ...o, parallel: 2 })],
  ['the Postman CLI', (o: Parameters<typeof runLocalSuite>[0]) => runLocalSuiteWithPostmanCli(o)],
])('the negative cases in the JUnit file of a run under %s', (_runner, run) => {
  it('are counted on <testsuites> and each case is marked by its testsuite', async () => {
    const spec = await loadSpec(NEGATIVE_SPEC);
    const cases = spec.folders.flatMap((folder) =>
      folder.requests.flatMap((request) =>
        negativeCases(spec.schemas, request).map(
          (c) => `${request.method} ${request.path} ${c.violation} → ${c.status}`,
        ),
      ),
    );
    const reportDir = await mkdtemp(join(tmpdir(), 'pleo-negative-junit-'));
    try {
      const summary = await run({ spec, reporters: ['junit'], reportDir, reportName: 'negative' });
      expect(summary.ok).toBe(true);
      expect(summary.negativeCases).toBe(cases.length);
      const xml = await readFile(join(reportDir, 'negative-junit.xml'), 'utf8');
      const { testsuites } = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (n) => n === 'testsuite' || n === 'property',
      }).parse(xml) as { testsuites: { negativeCases: string; testsuite: JunitSuite[] } };
      expect(Number(testsuites.negativeCases)).toBe(cases.length);
      const marked = testsuites.testsuite.filter((s) => s.properties !== undefined);
      expect(marked.every((s) => s.name.startsWith(`${NEGATIVE_FOLDER_NAME} / `))).toBe(true);
      expect(marked.flatMap((s) => s.properties!.property.map((p) => `${p.name}: ${p.value}`)).sort()).toEqual(
        cases.map((c) => `negative case: ${c}`).sort(),
      );
    } finally {
      await rm(reportDir, { recursive: true, force: true });
    }
  }, 120_000);
});

// Where negativeTests is not "true" (staging without `test --negative`), the cases are left out under
// either runner: the Postman CLI, which cannot skip a request, runs to the end instead of crashing on the first.
describe.each([
  ['Newman', (o: Parameters<typeof runLocalSuite>[0]) => runLocalSuite(o)],
  ['the Postman CLI', (o: Parameters<typeof runLocalSuite>[0]) => runLocalSuiteWithPostmanCli(o)],
])('a run under %s with negativeTests "false"', (_runner, run) => {
  it('sends no negative case and runs the rest to the end', async () => {
    const spec = await loadSpec(NEGATIVE_SPEC);
    const summary = await run({ spec, reporters: [], envVars: { negativeTests: 'false' } });
    expect(summary.runError).toBeUndefined();
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(summary.negativeCases).toBeUndefined();
    expect(summary.assertions.total).toBeGreaterThan(5);
  }, 120_000);
});
