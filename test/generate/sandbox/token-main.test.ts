import { describe, expect, it } from 'vitest';
import { LOOPBACK_URL } from '../../../src/generate/index.js';
import { fakePm, loadSandbox, runSandboxBody, type Answer, type FakePmOptions } from '../../helpers/sandbox.js';

const PRODUCTION = 'https://external.pleo.io';
const NOW = 10_000_000;
const TOKENS: Answer = { code: 200, body: { access_token: 'new', token_type: 'Bearer', refresh_token: 'r2' } };

/** Runs the collection's pre-request script body (token-main.js) after everything it calls. */
function run(options: FakePmOptions) {
  const fake = fakePm({ send: () => TOKENS, ...options });
  const context = loadSandbox(
    fake,
    [
      'write-guard.js',
      'token-request.js',
      'token-store.js',
      'token-refresh.js',
      'token-authorization-code.js',
      'negative-case.js',
    ],
    {
      globals: {
        env: fake.pm.environment,
        PRODUCTION_API_BASE_URL: PRODUCTION,
        EXPIRY_SKEW_MS: 30_000,
        LOOPBACK: LOOPBACK_URL,
        Date: { now: () => NOW },
      },
    },
  );
  runSandboxBody(context, 'token-main.js');
  return fake;
}
const grants = (fake: ReturnType<typeof fakePm>) =>
  fake.sent.map((r) =>
    r.method === 'GET' ? 'authorize' : r.body!.urlencoded.find((f) => f.key === 'grant_type')!.value,
  );

describe('the collection pre-request script (token-main.js)', () => {
  it('leaves a request to the token endpoint alone: it authenticates the client itself, even against production', () => {
    const fake = run({
      environment: { apiBaseUrl: PRODUCTION, refreshToken: 'r', redirectUri: 'http://127.0.0.1:4010/callback' },
      request: { method: 'POST', path: '/oauth/token' },
    });
    expect(fake.sent).toEqual([]);
    expect(fake.skippedRequest()).toBe(false);
  });

  describe('production write guard', () => {
    const production = { apiBaseUrl: PRODUCTION, accessToken: 'a', refreshToken: 'r' };
    it.each([
      ['POST', '/v1/vendors', true],
      ['DELETE', '/v1/vendors/1', true],
      ['POST', '/v1/vendors:search', false],
      ['GET', '/v1/vendors', false],
    ])('%s %s skipped: %s', (method, path, skipped) => {
      const fake = run({ environment: production, request: { method, path } });
      expect(fake.skippedRequest()).toBe(skipped);
      expect(fake.warnings).toEqual(
        skipped
          ? [`pleo-postman: skipped ${method} ${path}: a write against production (set allowWrites=true to send it)`]
          : [],
      );
    });

    it('lets writes through with allowWrites=true', () => {
      const fake = run({
        environment: production,
        variables: { allowWrites: 'true' },
        request: { method: 'POST', path: '/v1/vendors' },
      });
      expect(fake.skippedRequest()).toBe(false);
    });

    it('does not guard other environments', () => {
      const fake = run({
        environment: { apiBaseUrl: 'https://external.staging.pleo.io', accessToken: 'a' },
        request: { method: 'POST', path: '/v1/vendors' },
      });
      expect(fake.skippedRequest()).toBe(false);
    });
  });

  it.each([
    ['a token without expiry', { accessToken: 'a' }, []],
    ['a token valid for more than 30 s', { accessToken: 'a', accessTokenExpiresAt: String(NOW + 30_001) }, []],
    [
      'a token expiring within 30 s, with a refresh token',
      { accessToken: 'a', accessTokenExpiresAt: String(NOW + 29_999), refreshToken: 'r' },
      ['refresh_token'],
    ],
    [
      'no token, a refresh token and a loopback redirect',
      { refreshToken: 'r', redirectUri: 'http://127.0.0.1:9/callback' },
      ['refresh_token'],
    ],
    ['no token, a loopback redirect', { redirectUri: 'http://127.0.0.1:9/callback' }, ['authorize']],
    ['no token, Postman’s redirect', { redirectUri: 'https://oauth.pstmn.io/v1/callback' }, []],
    [
      'issue 8 item 10: no token, no redirectUri, a loopback authServerUrl (the mock on any port)',
      { authServerUrl: 'http://127.0.0.1:5123' },
      ['authorize'],
    ],
    ['nothing at all (a remote authorisation server)', { authServerUrl: 'https://auth.staging.pleo.io' }, []],
  ])('%s → %j', (_name, environment: Record<string, string>, want) => {
    const fake = run({ environment: { authServerUrl: 'http://127.0.0.1:9', ...environment } });
    expect(grants(fake)).toEqual(want);
    expect(fake.skippedRequest()).toBe(false);
  });
});
