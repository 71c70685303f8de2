// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCliRun } from '../../../src/run/runners/postman-cli-output.js';

/** A real run of the Postman CLI 1.34.0 (cli reporter) on our v3 folder with a wrong client secret (-i Token -i Vendors). */
const FAILING = readFileSync('test/fixtures/postman-cli/run-failing.txt', 'utf8');

describe('reading the Postman CLI cli reporter', () => {
  const run = parseCliRun(FAILING);

  it('counts the assertions as the CLI printed them, per request', () => {
    const count = (outcome: string) => run.assertions.filter((a) => a.outcome === outcome).length;
    expect(run.completed).toBe(true);
    expect([count('passed'), count('failed'), count('skipped')]).toEqual([10, 13, 9]);
    expect(run.assertions.length).toBe(32); // the table's assertions row
    expect(run.requests).toEqual({ total: 7, failed: 0 });
    expect(run.assertions[0]).toMatchObject({
      item: 'Token / Get access token',
      request: 'Get access token',
      outcome: 'failed',
    });
  });

  it('names each failure by its request, assertion and message, as Newman does', () => {
    expect(run.failures).toHaveLength(13);
    expect(run.failures[0]).toEqual({
      item: 'Get access token',
      test: 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)',
      message: 'token endpoint answered 401 invalid_client: unknown client or wrong client secret',
    });
    expect(run.failures[2]).toEqual({
      item: 'Create vendor',
      test: 'POST /v1/vendors → 201',
      message: 'expected response to have status code 201 but got 401',
    });
    expect(run.assertions.find((a) => a.name === 'POST /v1/vendors → 201')?.message).toBe(
      'expected response to have status code 201 but got 401',
    );
  });

  it('knows a run that stopped before its closing table', () => {
    const cut = FAILING.slice(0, FAILING.indexOf('Sub-folder Update vendor'));
    const stopped = parseCliRun(`${cut}\nTypeError: Cannot read properties of undefined (reading 'findIndex')\n`);
    expect(stopped.completed).toBe(false);
    expect(stopped.assertions.length).toBeGreaterThan(0);
  });
});
