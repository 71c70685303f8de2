import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE } from '../../../src/generate/scripts/index.js';
import { fakePm, loadSandbox, runSandboxBody, type Answer, type SentRequest } from '../../helpers/sandbox.js';

const TEST_NAME = 'Vendors: GET /v1/vendors with a token lacking vendors:read → 403';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const fields = (request: SentRequest) => Object.fromEntries(request.body!.urlencoded.map((f) => [f.key, f.value]));
const ENV = { authServerUrl: 'http://auth', refreshToken: 'r1', scopes: 'vendors:read  users:read vendors:write' };

function narrow(options: { environment?: Record<string, string>; answer?: Answer; failed?: string } = {}) {
  const fake = fakePm({
    environment: options.environment ?? ENV,
    collectionVariables: options.failed ? { [FAILED_REFRESH_VARIABLE]: options.failed } : {},
    send: () => options.answer ?? { code: 200, body: { access_token: 'narrow', refresh_token: 'r2' } },
  });
  const context = loadSandbox(fake, ['token-request.js'], {
    globals: { env: fake.pm.environment, TEST_NAME, REQUIRED: ['vendors:read'] },
  });
  runSandboxBody(context, 'security-narrow.js');
  return fake;
}

describe('the Security 403 probe pre-request script (security-narrow.js)', () => {
  it('refreshes with every granted scope but the required ones, and hands the token to the request', () => {
    const fake = narrow();
    expect(fake.sent.map(fields)).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'r1', scope: 'users:read vendors:write' },
    ]);
    expect(fake.variables.get(NARROW_TOKEN_VARIABLE)).toBe('narrow');
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.tests).toEqual([]);
    expect(fake.skippedRequest()).toBe(false);
  });

  it.each([
    [
      'no refresh token',
      { environment: { ...ENV, refreshToken: '' } },
      'no refreshToken in the environment to narrow a token with',
    ],
    [
      'nothing to narrow to',
      { environment: { ...ENV, scopes: 'vendors:read' } },
      'the environment grants no scope besides vendors:read',
    ],
    ['a refresh token that failed before', { failed: sha256('r1') }, 'the refresh token failed before'],
  ])('skips, visibly, with %s', (_name, options, reason) => {
    const fake = narrow(options);
    expect(fake.sent).toEqual([]);
    expect(fake.tests).toEqual([{ name: `${TEST_NAME} (skipped: ${reason})`, outcome: 'skipped' }]);
    expect(fake.skippedRequest()).toBe(true);
  });

  it('fails, skips the request and remembers the refresh token when the refresh is refused', () => {
    const fake = narrow({ answer: { code: 400, body: { error: 'invalid_scope' } } });
    expect(fake.tests).toEqual([
      { name: TEST_NAME, outcome: 'failed', error: 'no narrower token: token endpoint answered 400 invalid_scope' },
    ]);
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.collectionVariables.get(FAILED_REFRESH_VARIABLE)).toBe(sha256('r1'));
    expect(fake.variables.has(NARROW_TOKEN_VARIABLE)).toBe(false);
  });

  it('keeps the rotated refresh token from a 200 without an access token, and fails', () => {
    const fake = narrow({ answer: { code: 200, body: { refresh_token: 'r2' } } });
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.tests[0]?.outcome).toBe('failed');
    expect(fake.collectionVariables.has(FAILED_REFRESH_VARIABLE)).toBe(false);
  });
});
