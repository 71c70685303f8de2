import { describe, expect, it } from 'vitest';
import { LOOPBACK_URL } from '../../../src/generate/index.js';
import {
  HARNESS_TOKENS_VARIABLE,
  NARROW_TOKEN_VARIABLE,
  TOKEN_BODY_VARIABLE,
  TOKEN_FAILURE_VARIABLE,
  TOKEN_TRIED_VARIABLE,
} from '../../../src/generate/scripts/variables.js';
import { fakePm, loadSandbox, runSandboxBody, type FakePmOptions, type FakeResponse } from '../../helpers/sandbox.js';

// Issue 18 items 1-3: the collection's own token scripts under the one token-request policy.
const LOCAL = { authServerUrl: 'http://127.0.0.1:4010', clientId: 'c', clientSecret: 's', scopes: 'a b' };
const globals = (env: unknown) => ({
  env,
  EXPIRY_SKEW_MS: 30_000,
  LOOPBACK: LOOPBACK_URL,
  PRODUCTION_API_BASE_URL: 'https://external.pleo.io',
  TEST_NAME: 'narrow test',
  REQUIRED: ['a'],
});
const harness = (value: object) => ({ [HARNESS_TOKENS_VARIABLE]: JSON.stringify(value) });

function run(file: string, libraries: readonly string[], options: FakePmOptions) {
  const fake = fakePm(options);
  runSandboxBody(loadSandbox(fake, [...libraries] as never, { globals: globals(fake.pm.environment) }), file as never);
  return fake;
}
const beforeToken = (options: FakePmOptions) =>
  run('token-item.js', ['token-request.js', 'token-store.js', 'token-authorization-code.js'], {
    request: { method: 'POST', path: '/oauth/token' },
    ...options,
  });
const afterToken = (response: FakeResponse, options: FakePmOptions = {}) =>
  run('token-item-response.js', ['token-request.js', 'token-store.js'], { response, ...options });
/** What the collection's pre-request script ships before token-main.js (src/generate/scripts/token.ts). */
const TOKEN_MAIN_LIBRARIES = [
  'write-guard.js',
  'token-request.js',
  'token-store.js',
  'token-refresh.js',
  'token-authorization-code.js',
  'negative-case.js',
] as const;
const main = (options: FakePmOptions) => run('token-main.js', TOKEN_MAIN_LIBRARIES, options);

describe('when pleo-postman test got the tokens (HARNESS_TOKENS_VARIABLE)', () => {
  it('"Get access token" sends nothing and reports the harness\'s token step as its one test', () => {
    const fake = beforeToken({
      environment: { ...LOCAL, refreshToken: 'r1', accessToken: 'at', ...harness({ test: 'token: step' }) },
    });
    expect(fake.sent).toEqual([]);
    expect(fake.variables.get(TOKEN_BODY_VARIABLE)).toBeUndefined();
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.tests).toEqual([{ name: 'token: step', outcome: 'passed' }]);
  });

  it('a failed harness token step is one failing test with its reason; later requests are not sent, the 401 checks are', () => {
    const failure = harness({ test: 'token: step', failure: 'token endpoint answered 500' });
    const first = beforeToken({ environment: { ...LOCAL, ...failure } });
    expect(first.tests).toEqual([
      { name: 'token: step', outcome: 'failed', error: 'token endpoint answered 500; request not sent' },
    ]);
    const later = main({ environment: { ...LOCAL, ...failure }, request: { method: 'GET', path: '/v1/vendors' } });
    expect(later.sent).toEqual([]);
    expect(later.skippedRequest()).toBe(true);
    expect(later.tests).toEqual([{ name: 'token: not sent, the token step failed', outcome: 'skipped' }]);
  });

  // Issue 23: "N requests that need a token were not sent" counts only requests that would have gone out.
  it.each([
    ['after a failed harness token step', harness({ test: 'token: step', failure: 'token endpoint answered 500' })],
    ['after a failed token step of plain newman', { [TOKEN_FAILURE_VARIABLE]: 'token endpoint answered 500' }],
  ])(
    '%s, a negative case that its own guard skips (negativeTests not "true") is not counted as not sent',
    (_when, failure) => {
      const negativeCase = (variables: Record<string, string>) => {
        const fake = fakePm({
          environment: { ...LOCAL, ...failure },
          variables,
          request: { method: 'POST', path: '/v1/vendors' },
          location: ['Pleo API', 'Negative', 'Vendors: Create vendor without required name → 400'],
        });
        const context = loadSandbox(fake, [...TOKEN_MAIN_LIBRARIES], { globals: globals(fake.pm.environment) });
        runSandboxBody(context, 'token-main.js');
        const afterCollection = [...fake.tests];
        runSandboxBody(context, 'negative-guard.js');
        return { afterCollection, sent: fake.sent, skipped: fake.skippedRequest() };
      };
      expect(negativeCase({})).toEqual({ afterCollection: [], sent: [], skipped: true });
      expect(negativeCase({ negativeTests: 'false' })).toEqual({ afterCollection: [], sent: [], skipped: true });
      // Where negative cases run, one is a request that needs a token like any other.
      expect(negativeCase({ negativeTests: 'true' })).toEqual({
        afterCollection: [{ name: 'token: not sent, the token step failed', outcome: 'skipped' }],
        sent: [],
        skipped: true,
      });
    },
  );

  it('the collection script never requests a token, even with an expired one and a refresh token', () => {
    const fake = main({
      environment: {
        ...LOCAL,
        refreshToken: 'r1',
        accessToken: 'old',
        accessTokenExpiresAt: '1',
        ...harness({ test: 't' }),
      },
    });
    expect(fake.sent).toEqual([]);
    expect(fake.skippedRequest()).toBe(false);
  });

  it("a Security narrowing takes the harness's narrower token and is not sent", () => {
    const narrow = (value: object) =>
      run('security-narrow.js', ['token-request.js'], {
        environment: { ...LOCAL, refreshToken: 'r1', ...harness(value) },
      });
    const given = narrow({ test: 't', narrow: { a: 'narrow-at' }, narrowSkipped: {} });
    expect(given.collectionVariables.get(NARROW_TOKEN_VARIABLE)).toBe('narrow-at');
    expect(given.variables.get(TOKEN_BODY_VARIABLE)).toBeUndefined();
    expect(given.skippedRequest()).toBe(true);
    const missing = narrow({ test: 't', narrow: {}, narrowSkipped: { a: 'the grant has no other scope' } });
    expect(missing.tests).toEqual([
      { name: 'narrow test (skipped: the grant has no other scope)', outcome: 'skipped' },
    ]);
    expect(missing.variables.get(TOKEN_BODY_VARIABLE)).toBeUndefined();
  });
});

describe('plain newman run: one acquisition per run, no resend of an unknown outcome', () => {
  it('no response to the token request: fails once, asks nothing again (no empty-body POST), and marks the run', () => {
    const fake = afterToken({ code: 0 } as FakeResponse, {
      environment: { ...LOCAL, refreshToken: 'r1' },
      variables: { [TOKEN_BODY_VARIABLE]: 'grant_type=refresh_token&refresh_token=r1' },
    });
    expect(fake.sent).toEqual([]);
    expect(fake.tests).toMatchObject([{ outcome: 'failed', error: expect.stringContaining('gave no response') }]);
    expect(fake.variables.get(TOKEN_TRIED_VARIABLE)).toBe('true');
  });

  it.each([
    ['a 200 that is not JSON', { code: 200, body: '<html>' }],
    ['a 200 without access_token', { code: 200, body: { token_type: 'Bearer' } }],
    ['a 500', { code: 500, body: { error: 'server_error' } }],
  ])("%s ends the run's acquisitions: the next request sends no token request", (_name, response) => {
    const first = afterToken(response as FakeResponse, {
      environment: { ...LOCAL, refreshToken: 'r1' },
      variables: { [TOKEN_BODY_VARIABLE]: 'grant_type=refresh_token&refresh_token=r1' },
    });
    expect(first.variables.get(TOKEN_FAILURE_VARIABLE)).toBeTruthy();
    const next = main({
      environment: { ...LOCAL, refreshToken: 'r1' },
      variables: Object.fromEntries(first.variables),
    });
    expect(next.sent).toEqual([]);
    expect(next.tests).toEqual([{ name: 'token: not sent, the token step failed', outcome: 'skipped' }]);
  });

  it('without a code and without a browser (the mock without --auto-approve), the authorize request is made once per run', () => {
    const first = beforeToken({ environment: LOCAL, send: () => ({ code: 200, body: {} }) });
    expect(first.sent.map((r) => r.method)).toEqual(['GET']);
    const next = main({
      environment: LOCAL,
      variables: Object.fromEntries(first.variables),
      send: () => ({ code: 200, body: {} }),
    });
    expect(next.sent).toEqual([]);
    expect(next.skippedRequest()).toBe(false); // Get New Access Token may sign it (the Postman app)
  });
});
