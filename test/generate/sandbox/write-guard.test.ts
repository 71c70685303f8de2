import { describe, expect, it } from 'vitest';
import { isWriteRequest } from '../../../src/generate/scripts/index.js';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

const isWrite = loadSandbox(fakePm(), ['write-guard.js']).isWrite as (method: string, path: string) => boolean;
const isWriteAt = (tokenPath: string) =>
  loadSandbox(fakePm(), ['write-guard.js'], { globals: { TOKEN_PATH: tokenPath } }).isWrite as (
    method: string,
    path: string,
  ) => boolean;

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
    ['POST /oauth/token?x=1', false],
    ['POST /v1/users/{id}/oauth/token', true],
    ['POST /connect/token', true],
  ])('%s → %s', (given, want) => {
    const [method = '', path = ''] = given.split(' ');
    expect(isWrite(method, path)).toBe(want);
    expect(isWriteRequest(method, path)).toBe(want);
  });

  it.each([
    ['POST /connect/token', false],
    ['POST /oauth/token', true],
    ['POST /v1/users/{id}/connect/token', true],
  ])("with the description's token path /connect/token: %s → %s", (given, want) => {
    const [method = '', path = ''] = given.split(' ');
    expect(isWriteAt('/connect/token')(method, path)).toBe(want);
    expect(isWriteRequest(method, path, ['/connect/token'])).toBe(want);
  });

  it.each([
    ['POST /connect/refresh', false],
    ['POST /connect/token', false],
    ['POST /oauth/token', true],
  ])('with a refresh path of its own, /connect/refresh beside /connect/token: %s → %s', (given, want) => {
    const [method = '', path = ''] = given.split(' ');
    const sandbox = loadSandbox(fakePm(), ['write-guard.js'], {
      globals: { TOKEN_PATH: '/connect/token', REFRESH_PATH: '/connect/refresh' },
    }).isWrite as (method: string, path: string) => boolean;
    expect(sandbox(method, path)).toBe(want);
    expect(isWriteRequest(method, path, ['/connect/token', '/connect/refresh'])).toBe(want);
  });
});
