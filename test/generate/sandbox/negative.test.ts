import { describe, expect, it } from 'vitest';
import { CONTRACT_LIB_VARIABLE } from '../../../src/generate/scripts/index.js';
import { fakePm, loadSandbox, runSandboxBody } from '../../helpers/sandbox.js';

const LABEL = 'POST /v1/vendors without required name';

function run(response: { code: number; body?: unknown }, data: Record<string, unknown> = {}) {
  const fake = fakePm({ response });
  const lib = loadSandbox(fake, ['negative.js']);
  (lib.negative as (c: unknown) => void)({ label: LABEL, status: 400, ...data });
  return fake.tests;
}

describe('negative (negative.js)', () => {
  it('fails a case the API accepted, saying what came back, and skips the error body check', () => {
    expect(run({ code: 201, body: { data: {} } })).toEqual([
      { name: `negative: ${LABEL} → 400`, outcome: 'failed', error: `${LABEL} → 400: got 201` },
      { name: `negative: ${LABEL} → Pleo error body {type, message} (skipped: status 201)`, outcome: 'skipped' },
    ]);
  });

  it("passes a 400 with Pleo's error body", () => {
    const tests = run({ code: 400, body: { type: 'VALIDATION_FAILED', message: 'name: is required' } });
    expect(tests.map((t) => t.outcome)).toEqual(['passed', 'passed']);
  });

  it("fails a 400 without Pleo's error body", () => {
    const [, body] = run({ code: 400, body: '<html>Bad Request</html>' });
    expect(body).toMatchObject({ outcome: 'failed' });
    expect(body!.error).toMatch(/^the error body is not JSON/);
    const [, shape] = run({ code: 400, body: { error: 'bad' } });
    expect(shape!.error).toBe(`expected Pleo's error body {type, message}, got {"error":"bad"}`);
  });

  it("checks the error body against its schema where the description has one, with the contract library's validator", () => {
    const contractLib =
      "({ validateAgainst: function () { return [{ keyword: 'type' }]; }, describeSchemaErrors: function () { return '$.type: must be string (type)'; } })";
    const fake = fakePm({
      response: { code: 400, body: { type: 1 } },
      collectionVariables: { [CONTRACT_LIB_VARIABLE]: contractLib },
    });
    const lib = loadSandbox(fake, ['negative.js']);
    (lib.negative as (c: unknown) => void)({ label: LABEL, status: 400, schema: {}, schemaName: 'Error' });
    expect(fake.tests[1]).toEqual({
      name: `negative: ${LABEL} → body matches Error`,
      outcome: 'failed',
      error: 'body does not match Error: $.type: must be string (type)',
    });
  });
});

describe('the guard of a negative case (negative-guard.js)', () => {
  const PRODUCTION = 'https://external.pleo.io';
  // pm.variables.get resolves every scope in Postman (an environment's negativeTests, `--env-var` too); the fake's is one map.
  const skipped = ({ apiBaseUrl, ...variables }: Record<string, string>) => {
    const fake = fakePm({ environment: { apiBaseUrl: apiBaseUrl ?? '' }, variables });
    const context = loadSandbox(fake, ['negative-case.js'], { globals: { PRODUCTION_API_BASE_URL: PRODUCTION } });
    runSandboxBody(context, 'negative-guard.js');
    return fake.skippedRequest();
  };

  it('never sends it to production, even when asked', () => {
    expect(skipped({ apiBaseUrl: PRODUCTION, negativeTests: 'true', allowWrites: 'true' })).toBe(true);
  });

  it('sends it elsewhere only when negativeTests is "true"', () => {
    expect(skipped({ apiBaseUrl: 'https://external.staging.pleo.io' })).toBe(true);
    expect(skipped({ apiBaseUrl: 'https://external.staging.pleo.io', negativeTests: 'false' })).toBe(true);
    expect(skipped({ apiBaseUrl: 'https://external.staging.pleo.io', negativeTests: 'true' })).toBe(false);
  });
});
