// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isWriteRequest } from '../../../src/generate/scripts/index.js';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

const isWrite = loadSandbox(fakePm(), ['write-guard.js']).isWrite as (method: string, path: string) => boolean;

describe('isWrite (write-guard.js) and isWriteRequest agree', () => {
  it.each([
    ['GET /v1/vendors', false],
    ['POST /v1/vendors', true],
    ['POST /v1/vendors:search', false],
    ['POST /v1/vendors:search?company_id=1', false],
    ['post /v1/vendors/{id}:archive', true],
    ['PUT /v1/vendors/{id}', true],
    ['PATCH /v1/vendors/{id}', true],
    ['DELETE /v1/chart-of-accounts/{accountId}', true],
    ['HEAD /v1/vendors', false],
    ['options /v1/vendors', false],
    ['POST /v1/vendors:searchAll', true],
    ['POST /oauth/token', false],
  ])('%s → %s', (given, want) => {
    const [method = '', path = ''] = given.split(' ');
    expect(isWrite(method, path)).toBe(want);
    expect(isWriteRequest(method, path)).toBe(want);
  });
});
