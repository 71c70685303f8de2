// @ts-nocheck
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAILED_REFRESH_VARIABLE } from '../../../src/generate/scripts/index.js';
import { TOKEN_BODY_VARIABLE } from '../../../src/generate/scripts/variables.js';
import { fakePm, loadSandbox, runSandboxBody, type Answer, type FakeResponse } from '../../helpers/sandbox.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const form = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body ?? ''));
const LOCAL = {
  authServerUrl: 'http://127.0.0.1:4010',
  clientId: 'c',
  redirectUri: 'http://127.0.0.1:4010/callback',
  scopes: 'a b',
};
const globals = (env: unknown) => ({ env, EXPIRY_SKEW_MS: 30_000, LOOPBACK: /^http:\/\/127\.0\.0\.1(:\d+)?\// });

function runBeforeRequest(
  environment: Record<string, string>,
  options: { failed?: string; send?: (url: string) => Answer } = {},
) {
  const fake = fakePm({
    environment,
    collectionVariables: options.failed ? { [FAILED_REFRESH_VARIABLE]: options.failed } : {},
    request: { method: 'POST', path: '/oauth/token' },
    ...(options.send ? { send: (r) => options.send!(r.url) } : {}),
  });
  const files = ['token-request.js', 'token-store.js', 'token-authorization-code.js'] as const;
  runSandboxBody(loadSandbox(fake, [...files], { globals: globals(fake.pm.environment) }), 'token-item.js');
  return fake;
}

/** The authorisation server with auto-approve: the redirect to /callback echoes the code and the state asked for. */
const approve = (url: string): Answer => ({
  code: 200,
  body: { code: 'the-code', state: new URL(url).searchParams.get('state') },
});

describe('"Get access token", before the request (token-item.js)', () => {
  it('is skipped while the access token is valid', () => {
    const fake = runBeforeRequest({ ...LOCAL, accessToken: 'a', accessTokenExpiresAt: String(Date.now() + 600_000) });
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.variables.has(TOKEN_BODY_VARIABLE)).toBe(false);
  });

  it('with a refresh token, sends the refresh_token grant as its own form body (no pm.sendRequest)', () => {
    const fake = runBeforeRequest({ ...LOCAL, refreshToken: 'r 1+' });
    expect(form(fake.variables.get(TOKEN_BODY_VARIABLE))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r 1+',
    });
    expect(fake.sent).toEqual([]);
    expect(fake.skippedRequest()).toBe(false);
  });

  it('never sends a refresh token that failed before', () => {
    const fake = runBeforeRequest({ ...LOCAL, refreshToken: 'r1' }, { failed: sha256('r1') });
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.warnings.join('\n')).toContain('failed before');
  });

  it('against the local mock, authorises by pm.sendRequest (a GET) and sends the code exchange itself', () => {
    const fake = runBeforeRequest(LOCAL, { send: approve });
    expect(fake.sent.map((r) => [r.method, new URL(r.url).pathname])).toEqual([['GET', '/oauth/authorize']]);
    const body = form(fake.variables.get(TOKEN_BODY_VARIABLE));
    expect(body).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', redirect_uri: LOCAL.redirectUri });
    expect(body.code_verifier).toMatch(/^[A-Za-z0-9._~-]{64}$/);
    expect(fake.skippedRequest()).toBe(false);
  });

  it('is skipped when the authorisation fails, and says why', () => {
    const fake = runBeforeRequest(LOCAL, { send: () => ({ code: 200, body: { error: 'access_denied' } }) });
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.tests).toMatchObject([
      { outcome: 'failed', error: 'authorization failed: access_denied; request not sent' },
    ]);
  });

  it('in the Postman app (no refresh token, no loopback redirect) is skipped: Get New Access Token signs the requests', () => {
    const fake = runBeforeRequest({ ...LOCAL, redirectUri: 'https://oauth.pstmn.io/v1/callback' });
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.sent).toEqual([]);
  });
});

function runAfterResponse(
  response: FakeResponse,
  sent: string,
  environment: Record<string, string> = { refreshToken: 'r1' },
) {
  const fake = fakePm({ environment, response, variables: { [TOKEN_BODY_VARIABLE]: sent } });
  const context = loadSandbox(fake, ['token-request.js', 'token-store.js'], { globals: globals(fake.pm.environment) });
  runSandboxBody(context, 'token-item-response.js');
  return fake;
}

describe('"Get access token", after the response (token-item-response.js)', () => {
  it('stores the rotated refresh token and the access token, and clears the form body', () => {
    const fake = runAfterResponse(
      { code: 200, body: { access_token: 'at', refresh_token: 'r2', token_type: 'Bearer', expires_in: 900 } },
      'grant_type=refresh_token&refresh_token=r1',
    );
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.environment.get('accessToken')).toBe('at');
    expect(fake.variables.get(TOKEN_BODY_VARIABLE)).toBe('');
    expect(fake.tests).toEqual([
      { name: 'token: refresh_token grant → access token (RFC 6749 §6)', outcome: 'passed' },
    ]);
  });

  it('fails a refused refresh and never sends that refresh token again', () => {
    const fake = runAfterResponse(
      { code: 400, body: { error: 'invalid_grant' } },
      'grant_type=refresh_token&refresh_token=r1',
    );
    expect(fake.tests).toEqual([
      {
        name: 'token: refresh_token grant → access token (RFC 6749 §6)',
        outcome: 'failed',
        error: 'token endpoint answered 400 invalid_grant',
      },
    ]);
    expect(fake.collectionVariables.get(FAILED_REFRESH_VARIABLE)).toBe(sha256('r1'));
  });

  it('names the authorization code grant when that was sent', () => {
    const fake = runAfterResponse(
      { code: 401, body: { error: 'invalid_client' } },
      'grant_type=authorization_code&code=x',
      {},
    );
    expect(fake.tests[0]).toMatchObject({
      name: 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)',
      outcome: 'failed',
    });
    expect(fake.collectionVariables.has(FAILED_REFRESH_VARIABLE)).toBe(false);
  });
});
