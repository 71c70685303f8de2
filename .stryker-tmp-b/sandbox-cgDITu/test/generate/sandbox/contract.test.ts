// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { fakePm, loadSandbox, type FakeResponse } from '../../helpers/sandbox.js';

interface Contract {
  label: string;
  status: number;
  json: boolean;
  budgetMs: number;
  headers: string[];
  schema?: object;
  schemaName?: string;
  captures: Record<string, string>;
}

const CONTRACT: Contract = {
  label: 'POST /v1/vendors',
  status: 201,
  json: true,
  budgetMs: 500,
  headers: ['Content-Type'],
  schema: { $ref: '#/definitions/VendorResponse' },
  schemaName: 'VendorResponse',
  captures: { vendorId: 'data.id', vendorTags: 'data.tags' },
};

const OK: FakeResponse = {
  code: 201,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: { data: { id: 'v1', tags: ['a'] } },
  responseTime: 20,
};

/** Runs contract(c) on a response; validateAgainst is replaced by `errors` (validate.test.ts covers it). */
function run(response: FakeResponse, contract: Contract = CONTRACT, errors: object[] = []) {
  const fake = fakePm({ response });
  const lib = loadSandbox(fake, ['contract.js', 'schema-errors.js', 'read-path.js']);
  lib.validateAgainst = () => errors;
  (lib.contract as (c: Contract) => void)(contract);
  return fake;
}

const outcomes = (fake: ReturnType<typeof fakePm>) => fake.tests.map((t) => `${t.outcome}: ${t.name}`);

describe('contract (contract.js)', () => {
  it('passes one test per clause on a good response, and captures', () => {
    const fake = run(OK);
    expect(outcomes(fake)).toEqual([
      'passed: POST /v1/vendors → 201',
      'passed: POST /v1/vendors → Content-Type is JSON',
      'passed: POST /v1/vendors → response time under 500 ms',
      'passed: POST /v1/vendors → has header Content-Type',
      'passed: POST /v1/vendors → body matches VendorResponse',
      'passed: POST /v1/vendors → captures vendorId from data.id',
      'passed: POST /v1/vendors → captures vendorTags from data.tags',
    ]);
    expect(fake.collectionVariables.get('vendorId')).toBe('v1');
    expect(fake.collectionVariables.get('vendorTags')).toBe('["a"]');
  });

  it('on another status, fails the status and skips what only makes sense on the expected one', () => {
    const fake = run({ ...OK, code: 400 });
    expect(outcomes(fake)).toEqual([
      'failed: POST /v1/vendors → 201',
      'passed: POST /v1/vendors → Content-Type is JSON',
      'passed: POST /v1/vendors → response time under 500 ms',
      'skipped: POST /v1/vendors → has header Content-Type (skipped: status 400)',
      'skipped: POST /v1/vendors → body matches VendorResponse (skipped: status 400)',
      'skipped: POST /v1/vendors → captures vendorId from data.id (skipped: status 400)',
      'skipped: POST /v1/vendors → captures vendorTags from data.tags (skipped: status 400)',
    ]);
    expect(fake.collectionVariables.has('vendorId')).toBe(false);
  });

  it.each([
    ['application/json', 'passed'],
    ['application/problem+json', 'passed'],
    ['application/vnd.pleo.v1+json;charset=utf-8', 'passed'],
    ['text/html', 'failed'],
    ['application/jsonp', 'failed'],
  ])('Content-Type %s → %s', (type, want) => {
    const fake = run({ ...OK, headers: { 'Content-Type': type } });
    expect(fake.tests.find((t) => t.name.endsWith('Content-Type is JSON'))?.outcome).toBe(want);
  });

  it('fails the Content-Type and header checks when the header is missing', () => {
    const fake = run({ ...OK, headers: {} });
    expect(fake.tests.filter((t) => t.outcome === 'failed').map((t) => t.name)).toEqual([
      'POST /v1/vendors → Content-Type is JSON',
      'POST /v1/vendors → has header Content-Type',
    ]);
    expect(fake.tests[1]?.error).toContain('(none)');
  });

  it('fails the time budget at the budget', () => {
    const fake = run({ ...OK, responseTime: 500 });
    expect(fake.tests.find((t) => t.name.includes('response time'))?.outcome).toBe('failed');
  });

  it('names the schema errors in the failure', () => {
    const fake = run(OK, CONTRACT, [{ keyword: 'type', dataPath: '/data/id', params: { type: 'string' } }]);
    const body = fake.tests.find((t) => t.name.includes('body matches'));
    expect(body?.outcome).toBe('failed');
    expect(body?.error).toContain('body does not match VendorResponse: $.data.id: must be string (type)');
  });

  it('fails a capture that finds nothing and keeps the old value', () => {
    const fake = fakePm({ response: { ...OK, body: { data: {} } }, collectionVariables: { vendorId: 'old' } });
    const lib = loadSandbox(fake, ['contract.js', 'schema-errors.js', 'read-path.js']);
    lib.validateAgainst = () => [];
    (lib.contract as (c: Contract) => void)({ ...CONTRACT, captures: { vendorId: 'data.id' } });
    expect(fake.tests.at(-1)).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining('$.data.id is missing'),
    });
    expect(fake.collectionVariables.get('vendorId')).toBe('old');
  });

  it('checks no Content-Type and no schema where the contract has none', () => {
    const fake = run(
      { code: 204, responseTime: 1 },
      { ...CONTRACT, status: 204, json: false, headers: [], schema: undefined, captures: {} },
    );
    expect(outcomes(fake)).toEqual([
      'passed: POST /v1/vendors → 204',
      'passed: POST /v1/vendors → response time under 500 ms',
    ]);
  });
});
