import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { FORM, TEST_BASIC } from './helpers.js';

/** What the token endpoint refuses before the library sees the request (RFC 6749 §3.2, §5.2). */
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: await loadMinimal(), port: 0 });
});
afterAll(() => mock.close());

async function post(body: string, headers: Record<string, string> = { ...FORM, authorization: TEST_BASIC }) {
  const res = await fetch(`${mock.url}/oauth/token`, { method: 'POST', headers, body });
  return { status: res.status, ...((await res.json()) as { error?: string; error_description?: string }) };
}

describe('the token endpoint refuses, with invalid_request, before anything is checked or spent', () => {
  it.each([
    [
      'a body that is not form-encoded',
      'grant_type=refresh_token&refresh_token=x',
      { 'content-type': 'text/plain', authorization: TEST_BASIC },
      'the body must be application/x-www-form-urlencoded (UTF-8)',
    ],
    [
      'no content type at all',
      'grant_type=refresh_token&refresh_token=x',
      { authorization: TEST_BASIC },
      'the body must be application/x-www-form-urlencoded (UTF-8)',
    ],
    [
      'broken percent-encoding',
      'grant_type=refresh_token&refresh_token=%E0%A4%A',
      undefined,
      'the body is not valid percent-encoding',
    ],
    ['an empty grant_type', 'grant_type=', undefined, 'grant_type is missing'],
    ['no grant_type', 'refresh_token=x', undefined, 'grant_type is missing'],
  ])('%s', async (_name, body, headers, description) => {
    expect(await post(body, headers)).toEqual({
      status: 400,
      error: 'invalid_request',
      error_description: description,
    });
  });

  it('a repeated parameter is named, cut to 40 characters', async () => {
    const name = 'p'.repeat(60);
    expect(await post(`grant_type=refresh_token&${name}=1&${name}=2`)).toMatchObject({
      status: 400,
      error_description: `parameter '${'p'.repeat(40)}' is repeated`,
    });
  });

  it('an unsupported grant is named, cut to 40 characters', async () => {
    const grant = 'g'.repeat(60);
    expect(await post(`grant_type=${grant}`)).toEqual({
      status: 400,
      error: 'unsupported_grant_type',
      error_description: `grant_type ${'g'.repeat(40)} is not supported`,
    });
  });

  it.each(['password', 'client_credentials'])(
    'the library’s %s grant is refused: Pleo offers only two',
    async (grant) => {
      expect(await post(`grant_type=${grant}&username=u&password=p&scope=vendors:read`)).toMatchObject({
        status: 400,
        error: 'unsupported_grant_type',
      });
    },
  );
});
