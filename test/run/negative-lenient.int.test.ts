import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type ApiDescription } from '../../src/description/index.js';
import { CONSTRAINT_KINDS, NEGATIVE_FOLDER_NAME, negativeCases } from '../../src/generate/index.js';
import { runLocalSuite } from '../../src/run/index.js';

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
