// @ts-nocheck
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAILED_REFRESH_VARIABLE, NARROW_TOKEN_VARIABLE } from '../../../src/generate/scripts/index.js';
import { TOKEN_BODY_VARIABLE } from '../../../src/generate/scripts/variables.js';
import { fakePm, loadSandbox, runSandboxBody, type FakeResponse } from '../../helpers/sandbox.js';

const TEST_NAME = 'Vendors: GET /v1/vendors with a token lacking vendors:read → 403';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ENV = { authServerUrl: 'http://auth', refreshToken: 'r1', scopes: 'vendors:read  users:read vendors:write' };
const form = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body ?? ''));

function narrow(options: { environment?: Record<string, string>; failed?: string } = {}) {
  const fake = fakePm({
    environment: options.environment ?? ENV,
    collectionVariables: {
      [NARROW_TOKEN_VARIABLE]: 'stale',
      ...(options.failed ? { [FAILED_REFRESH_VARIABLE]: options.failed } : {}),
    },
  });
  const context = loadSandbox(fake, ['token-request.js'], {
    globals: { env: fake.pm.environment, TEST_NAME, REQUIRED: ['vendors:read'] },
  });
  runSandboxBody(context, 'security-narrow.js');
  return fake;
}

function answer(response: FakeResponse) {
  const fake = fakePm({ environment: ENV, response, variables: { [TOKEN_BODY_VARIABLE]: 'grant_type=refresh_token' } });
  const context = loadSandbox(fake, ['token-request.js'], { globals: { env: fake.pm.environment, TEST_NAME } });
  runSandboxBody(context, 'security-narrow-response.js');
  return fake;
}

describe('the narrowing request before a Security 403 probe (security-narrow.js)', () => {
  it('asks, as a form body, for a refresh with every granted scope but the required ones; sends nothing itself', () => {
    const fake = narrow();
    expect(form(fake.variables.get(TOKEN_BODY_VARIABLE))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r1',
      scope: 'users:read vendors:write',
    });
    expect(fake.sent).toEqual([]);
    expect(fake.collectionVariables.get(NARROW_TOKEN_VARIABLE)).toBe('');
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
  ])('skips, visibly, with %s, and leaves the probe no token', (_name, options, reason) => {
    const fake = narrow(options);
    expect(fake.variables.has(TOKEN_BODY_VARIABLE)).toBe(false);
    expect(fake.tests).toEqual([{ name: `${TEST_NAME} (skipped: ${reason})`, outcome: 'skipped' }]);
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.collectionVariables.get(NARROW_TOKEN_VARIABLE)).toBe('');
  });
});

describe('its answer (security-narrow-response.js)', () => {
  it('hands the narrower token to the probe and stores the rotated refresh token at once', () => {
    const fake = answer({ code: 200, body: { access_token: 'narrow', refresh_token: 'r2', token_type: 'Bearer' } });
    expect(fake.collectionVariables.get(NARROW_TOKEN_VARIABLE)).toBe('narrow');
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.variables.get(TOKEN_BODY_VARIABLE)).toBe('');
    expect(fake.tests).toEqual([]);
  });

  it('fails and remembers the refresh token when the refresh is refused', () => {
    const fake = answer({ code: 400, body: { error: 'invalid_scope' } });
    expect(fake.tests).toEqual([
      { name: TEST_NAME, outcome: 'failed', error: 'no narrower token: token endpoint answered 400 invalid_scope' },
    ]);
    expect(fake.collectionVariables.get(FAILED_REFRESH_VARIABLE)).toBe(sha256('r1'));
    expect(fake.collectionVariables.has(NARROW_TOKEN_VARIABLE)).toBe(false);
  });

  it('keeps the rotated refresh token from a 200 without an access token, and fails', () => {
    const fake = answer({ code: 200, body: { refresh_token: 'r2' } });
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.tests[0]?.outcome).toBe('failed');
    expect(fake.collectionVariables.has(FAILED_REFRESH_VARIABLE)).toBe(false);
  });
});

describe('the 403 probe (security-probe.js)', () => {
  it.each([
    ['a narrower token', 'narrow', false],
    ['none', '', true],
  ])('with %s: skipped %s', (_name, token, skipped) => {
    const fake = fakePm({ collectionVariables: { [NARROW_TOKEN_VARIABLE]: token } });
    runSandboxBody(loadSandbox(fake, []), 'security-probe.js');
    expect(fake.skippedRequest()).toBe(skipped);
  });
});
