// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { loadSpec } from '../../src/description/index.js';
import { api, issueTokens, refresh, STORE_SPEC, type Tokens } from './helpers.js';

const ALPHA = '/v1/vendors/11111111-1111-4111-8111-111111111111';

let mock: RunningMock;
let full: Tokens;
beforeAll(async () => {
  mock = await startMock({ spec: await loadSpec(STORE_SPEC), port: 0 });
  full = await issueTokens(mock);
});
afterAll(() => mock.close());

async function expectUnauthorized(res: Response, challenge: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(challenge);
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  expect(await res.json()).toEqual({ type: 'UNAUTHORIZED', message: expect.any(String) });
}

describe('bearer tokens (RFC 6750 §3)', () => {
  it('no token → 401 with a Bearer challenge and no error code', async () => {
    await expectUnauthorized(await api(mock, 'GET', ALPHA), /^Bearer realm="[^"]+"$/);
  });

  it.each([
    ['an unknown token', { authorization: 'Bearer not-a-token' }],
    ['a malformed header', { authorization: 'Bearer a b c' }],
    ['another scheme', { authorization: 'Basic eDp5' }],
  ])('%s → 401 invalid_token', async (_name, headers) => {
    await expectUnauthorized(
      await api(mock, 'GET', ALPHA, { headers }),
      /^Bearer realm="[^"]+", error="invalid_token"/,
    );
  });

  it('a token in the query string is refused (RFC 6750 §2.3 is not offered)', async () => {
    await expectUnauthorized(
      await api(mock, 'GET', `${ALPHA}?access_token=${full.access_token}`),
      /error="invalid_token"/,
    );
  });

  it('a revoked token → 401 (its grant was revoked by a refresh-token replay)', async () => {
    const tokens = await issueTokens(mock);
    await refresh(mock, tokens.refresh_token);
    await refresh(mock, tokens.refresh_token);
    await expectUnauthorized(await api(mock, 'GET', ALPHA, { token: tokens.access_token }), /error="invalid_token"/);
  });

  it('the scheme name is case-insensitive (RFC 7235 §2.1)', async () => {
    expect((await api(mock, 'GET', ALPHA, { headers: { authorization: `bearer ${full.access_token}` } })).status).toBe(
      200,
    );
  });
});

describe('scopes', () => {
  it("a token without the endpoint's scope → 403 insufficient_scope naming the scope", async () => {
    const tokens = await issueTokens(mock, { scope: 'accounts:read' });
    const res = await api(mock, 'GET', ALPHA, { token: tokens.access_token });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="pleo-postman local mock", error="insufficient_scope", scope="vendors:read"',
    );
    expect(await res.json()).toEqual({ type: 'FORBIDDEN', message: expect.stringContaining('vendors:read') });
  });

  it('scopes: [] → any valid token will do', async () => {
    const tokens = await issueTokens(mock, { scope: 'accounts:read' });
    expect((await api(mock, 'GET', '/v1/introspect', { token: tokens.access_token })).status).toBe(200);
    expect((await api(mock, 'GET', '/v1/introspect')).status).toBe(401);
  });
});

describe('contract-test hooks', () => {
  it('enforceScopes returning false skips the scope check, not the token check', async () => {
    const lax = await startMock({
      spec: await loadSpec(STORE_SPEC),
      port: 0,
      enforceScopes: (r) => r.name !== 'Get vendor',
    });
    try {
      const tokens = await issueTokens(lax, { scope: 'accounts:read' });
      expect((await api(lax, 'GET', ALPHA, { token: tokens.access_token })).status).toBe(200);
      expect((await api(lax, 'GET', '/v1/vendors', { token: tokens.access_token })).status).toBe(403);
      expect((await api(lax, 'GET', ALPHA)).status).toBe(401);
    } finally {
      await lax.close();
    }
  });

  it('tamper replaces the status and body of the requests it picks', async () => {
    const seen: string[] = [];
    const broken = await startMock({
      spec: await loadSpec(STORE_SPEC),
      port: 0,
      tamper: ({ request, status }) => {
        seen.push(`${request.name} ${status}`);
        return request.name === 'Get vendor' ? { status: 200, body: { data: { id: 42 } } } : undefined;
      },
    });
    try {
      const tokens = await issueTokens(broken);
      const res = await api(broken, 'GET', ALPHA, { token: tokens.access_token });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { id: 42 } });
      expect((await api(broken, 'GET', '/v1/vendors', { token: tokens.access_token })).status).toBe(200);
      expect(seen).toEqual(['Get vendor 200', 'List vendors 200']);
    } finally {
      await broken.close();
    }
  });
});
