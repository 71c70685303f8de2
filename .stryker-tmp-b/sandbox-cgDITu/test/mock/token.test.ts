// @ts-nocheck
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { api, basic, FORM, getCode, issueTokens, refresh, TEST_BASIC, tokenRequest, type Tokens } from './helpers.js';

const VENDOR = '/v1/vendors/0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11';
const ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: await loadMinimal(), port: 0 });
});
afterAll(() => mock.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Asserts an RFC 6749 §5.2 error and returns its body. */
async function expectError(
  res: Response,
  error: string,
  status = error === 'invalid_client' ? 401 : 400,
): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, error: body.error }, JSON.stringify(body)).toEqual({ status, error });
  expect(ERROR_CODES).toContain(body.error);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"/);
  return body;
}

async function codeExchange(extra: Record<string, string> = {}, headers?: Record<string, string>) {
  const { code, verifier, redirectUri } = await getCode(mock);
  return tokenRequest(
    mock,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, ...extra },
    headers,
  );
}

describe('client authentication: client_secret_basic only (RFC 6749 §2.3.1)', () => {
  const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
    ['credentials in the body', { client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret }, {}],
    ['Basic and a client_secret in the body', { client_secret: TEST_CLIENT.secret }, { authorization: TEST_BASIC }],
    ['a wrong secret', {}, { authorization: basic(TEST_CLIENT.id, 'wrong') }],
    ['an unknown client', {}, { authorization: basic('nobody', 'x') }],
    ['the confidential client by client_id alone', { client_id: TEST_CLIENT.id }, {}],
    ['no client authentication at all', {}, {}],
    ['a Bearer Authorization header', {}, { authorization: 'Bearer abc' }],
    ['Basic that is not base64', {}, { authorization: 'Basic !!!' }],
    ['Basic without a colon', {}, { authorization: `Basic ${Buffer.from('pleo-postman-local').toString('base64')}` }],
    ['the public client with Basic', {}, { authorization: basic(PUBLIC_TEST_CLIENT.id, '') }],
    ['a body client_id other than the Basic one', { client_id: PUBLIC_TEST_CLIENT.id }, { authorization: TEST_BASIC }],
  ];
  it.each(cases)('%s → 401 invalid_client', async (_name, extra, headers) => {
    await expectError(await codeExchange(extra, headers), 'invalid_client');
  });

  it('accepts form-encoded Basic credentials (RFC 6749 §2.3.1)', async () => {
    const res = await codeExchange(
      {},
      { authorization: `Basic ${Buffer.from('pleo-postman%2Dlocal:local-mock-secret').toString('base64')}` },
    );
    expect(res.status).toBe(200);
  });
});

describe('authorization_code grant', () => {
  it('answers RFC 6749 §5.1 JSON with Cache-Control: no-store', async () => {
    const res = await codeExchange();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const body = (await res.json()) as Tokens;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'vendors:read vendors:write users:read',
    });
  });

  it('a replayed code → invalid_grant, and the tokens issued from it are revoked (RFC 6749 §4.1.2)', async () => {
    const { code, verifier, redirectUri } = await getCode(mock);
    const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier };
    const first = (await (await tokenRequest(mock, params)).json()) as Tokens;
    expect((await api(mock, 'GET', VENDOR, { token: first.access_token })).status).toBe(200);
    await expectError(await tokenRequest(mock, params), 'invalid_grant');
    expect((await api(mock, 'GET', VENDOR, { token: first.access_token })).status).toBe(401);
    await expectError(await refresh(mock, first.refresh_token), 'invalid_grant');
  });

  it('a code lives 60 seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const late = await getCode(mock);
    const early = await getCode(mock);
    vi.setSystemTime(Date.now() + 59_000);
    const ok = await tokenRequest(mock, {
      grant_type: 'authorization_code',
      code: early.code,
      redirect_uri: early.redirectUri,
      code_verifier: early.verifier,
    });
    expect(ok.status).toBe(200);
    vi.setSystemTime(Date.now() + 2_000);
    const res = await tokenRequest(mock, {
      grant_type: 'authorization_code',
      code: late.code,
      redirect_uri: late.redirectUri,
      code_verifier: late.verifier,
    });
    expect((await expectError(res, 'invalid_grant')).error_description).toMatch(/expired/);
  });

  it("a redirect_uri other than the authorization request's → invalid_grant; none → invalid_request", async () => {
    await expectError(await codeExchange({ redirect_uri: 'https://oauth.pstmn.io/v1/callback' }), 'invalid_grant');
    const { code, verifier } = await getCode(mock);
    await expectError(
      await tokenRequest(mock, { grant_type: 'authorization_code', code, code_verifier: verifier }),
      'invalid_request',
    );
  });

  it.each([
    ['a wrong code_verifier', 'a'.repeat(43), 'invalid_grant'],
    ['a 42-character code_verifier', 'a'.repeat(42), 'invalid_request'],
    ['a 129-character code_verifier', 'a'.repeat(129), 'invalid_request'],
    ['a code_verifier outside [A-Za-z0-9-._~]', `${'a'.repeat(42)}+`, 'invalid_request'],
  ])('%s → %s (RFC 7636 §4.1, §4.6)', async (_name, verifier, error) => {
    await expectError(await codeExchange({ code_verifier: verifier }), error);
  });

  it('no code_verifier → invalid_grant, for the confidential client too', async () => {
    const { code, redirectUri } = await getCode(mock);
    await expectError(
      await tokenRequest(mock, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
      'invalid_grant',
    );
  });

  it('the public client: client_id in the body, no secret, PKCE mandatory', async () => {
    const { code, redirectUri } = await getCode(mock, { clientId: PUBLIC_TEST_CLIENT.id });
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: PUBLIC_TEST_CLIENT.id,
    };
    await expectError(await tokenRequest(mock, base, {}), 'invalid_grant');
    const again = await getCode(mock, { clientId: PUBLIC_TEST_CLIENT.id });
    const res = await tokenRequest(mock, { ...base, code: again.code, code_verifier: again.verifier }, {});
    expect(res.status).toBe(200);
  });

  it('a code issued to another client → invalid_grant', async () => {
    const { code, verifier, redirectUri } = await getCode(mock, { clientId: PUBLIC_TEST_CLIENT.id });
    await expectError(
      await tokenRequest(mock, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
      'invalid_grant',
    );
  });

  it('an unknown code → invalid_grant', async () => {
    await expectError(await codeExchange({ code: 'not-a-code' }), 'invalid_grant');
  });

  it('honours accessTokenTtlSeconds, and an expired access token → 401', async () => {
    const short = await startMock({ spec: await loadMinimal(), port: 0, accessTokenTtlSeconds: 120 });
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      const tokens = await issueTokens(short);
      expect(tokens.expires_in).toBe(120);
      expect((await api(short, 'GET', VENDOR, { token: tokens.access_token })).status).toBe(200);
      vi.setSystemTime(Date.now() + 121_000);
      const res = await api(short, 'GET', VENDOR, { token: tokens.access_token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    } finally {
      await short.close();
    }
  });
});

describe('refresh_token grant: rotation (RFC 9700 §4.14.2)', () => {
  it('returns a new access and refresh token; the old refresh token stops working; old access tokens stay valid', async () => {
    const first = await issueTokens(mock);
    const res = await refresh(mock, first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const second = (await res.json()) as Tokens;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: first.scope });
    expect((await api(mock, 'GET', VENDOR, { token: first.access_token })).status).toBe(200);
    const third = await refresh(mock, second.refresh_token);
    expect(third.status).toBe(200);
    // The old refresh token, sent again, is refused (and, being a replay, revokes the grant: below).
    await expectError(await refresh(mock, first.refresh_token), 'invalid_grant');
  });

  it('concurrent replays of one refresh token: at most one wins, and the grant is revoked', async () => {
    const first = await issueTokens(mock);
    const other = await issueTokens(mock);
    const answers = await Promise.all(Array.from({ length: 4 }, () => refresh(mock, first.refresh_token)));
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeLessThanOrEqual(1);
    for (const lost of answers.filter((a) => a.status !== 200)) await expectError(lost, 'invalid_grant');
    const winners = (await Promise.all(won.map((a) => a.json()))) as Tokens[];
    // Two presentations of the same refresh token mean it leaked: nothing of the grant works any more.
    for (const token of [first.access_token, ...winners.map((w) => w.access_token)])
      expect((await api(mock, 'GET', VENDOR, { token })).status).toBe(401);
    for (const w of winners) await expectError(await refresh(mock, w.refresh_token), 'invalid_grant');
    expect((await api(mock, 'GET', VENDOR, { token: other.access_token })).status).toBe(200);
  });

  it('replaying a rotated refresh token revokes every access and refresh token of the grant', async () => {
    const first = await issueTokens(mock);
    const second = (await (await refresh(mock, first.refresh_token)).json()) as Tokens;
    const third = (await (await refresh(mock, second.refresh_token)).json()) as Tokens;
    const other = await issueTokens(mock);
    await expectError(await refresh(mock, first.refresh_token), 'invalid_grant');
    for (const token of [first.access_token, second.access_token, third.access_token]) {
      expect((await api(mock, 'GET', VENDOR, { token })).status).toBe(401);
    }
    await expectError(await refresh(mock, third.refresh_token), 'invalid_grant');
    expect((await api(mock, 'GET', VENDOR, { token: other.access_token })).status).toBe(200);
  });

  it("a narrower scope goes to the access token only; the refresh token keeps the grant's scope", async () => {
    const first = await issueTokens(mock, { scope: 'vendors:read users:read' });
    const narrow = (await (await refresh(mock, first.refresh_token, { scope: 'users:read' })).json()) as Tokens;
    expect(narrow.scope).toBe('users:read');
    expect((await api(mock, 'GET', VENDOR, { token: narrow.access_token })).status).toBe(403);
    const full = (await (await refresh(mock, narrow.refresh_token)).json()) as Tokens;
    expect(full.scope).toBe('vendors:read users:read');
    expect((await api(mock, 'GET', VENDOR, { token: full.access_token })).status).toBe(200);
  });

  it('a wider scope → invalid_scope, and the refresh token is not burned', async () => {
    const first = await issueTokens(mock, { scope: 'users:read' });
    await expectError(await refresh(mock, first.refresh_token, { scope: 'users:read vendors:read' }), 'invalid_scope');
    expect((await refresh(mock, first.refresh_token)).status).toBe(200);
  });

  it("another client's refresh token, or an unknown one → invalid_grant", async () => {
    const publicTokens = await issueTokens(mock, { publicClient: true });
    await expectError(await refresh(mock, publicTokens.refresh_token), 'invalid_grant');
    await expectError(await refresh(mock, 'unknown-token'), 'invalid_grant');
    await expectError(await refresh(mock, ''), 'invalid_request');
  });

  it('the public client refreshes with client_id and no secret', async () => {
    const tokens = await issueTokens(mock, { publicClient: true });
    const res = await tokenRequest(
      mock,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: PUBLIC_TEST_CLIENT.id },
      {},
    );
    expect(res.status).toBe(200);
  });
});

describe('request errors', () => {
  it.each(['password', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code', 'implicit'])(
    'grant_type %s → unsupported_grant_type',
    async (grant) => {
      await expectError(await tokenRequest(mock, { grant_type: grant }), 'unsupported_grant_type');
    },
  );

  it('no grant_type → invalid_request', async () => {
    await expectError(await tokenRequest(mock, {}), 'invalid_request');
  });

  it('a repeated parameter → invalid_request (RFC 6749 §3.2)', async () => {
    const res = await fetch(`${mock.url}/oauth/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: TEST_BASIC },
      body: 'grant_type=refresh_token&refresh_token=a&refresh_token=b',
    });
    expect((await expectError(res, 'invalid_request')).error_description).toMatch(/'refresh_token' is repeated/);
  });

  it('a JSON body → invalid_request', async () => {
    const res = await fetch(`${mock.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TEST_BASIC },
      body: '{"grant_type":"refresh_token"}',
    });
    await expectError(res, 'invalid_request');
  });

  it('GET → 405 with an RFC error body', async () => {
    const res = await fetch(`${mock.url}/oauth/token`);
    await expectError(res, 'invalid_request', 405);
  });
});
