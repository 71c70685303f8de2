// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { basic, FORM, issueTokens, refresh, TEST_BASIC } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: await loadMinimal(), port: 0 });
});
afterAll(() => mock.close());

const introspect = (body: Record<string, string>, headers: Record<string, string> = { authorization: TEST_BASIC }) =>
  fetch(`${mock.url}/oauth/token/introspect`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(body),
  });

describe('POST /oauth/token/introspect (RFC 7662)', () => {
  it('describes an active access token to the client it was issued to', async () => {
    const before = Math.floor(Date.now() / 1000);
    const tokens = await issueTokens(mock, { scope: 'vendors:read' });
    const res = await introspect({ token: tokens.access_token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      active: true,
      scope: 'vendors:read',
      client_id: TEST_CLIENT.id,
      token_type: 'Bearer',
      exp: expect.any(Number),
      iat: expect.any(Number),
      sub: expect.any(String),
    });
    expect(body.iat).toBeGreaterThanOrEqual(before);
    expect(Number(body.exp) - Number(body.iat)).toBe(900);
  });

  it('describes an active refresh token, and a rotated one as inactive', async () => {
    const tokens = await issueTokens(mock);
    expect(
      await (await introspect({ token: tokens.refresh_token, token_type_hint: 'refresh_token' })).json(),
    ).toMatchObject({ active: true, client_id: TEST_CLIENT.id });
    expect((await refresh(mock, tokens.refresh_token)).status).toBe(200);
    expect(await (await introspect({ token: tokens.refresh_token })).json()).toEqual({ active: false });
  });

  it("another client's token → {active: false}", async () => {
    const publicTokens = await issueTokens(mock, { publicClient: true });
    expect(await (await introspect({ token: publicTokens.access_token })).json()).toEqual({ active: false });
  });

  it('an unknown token → {active: false}', async () => {
    expect(await (await introspect({ token: 'nope' })).json()).toEqual({ active: false });
  });

  it.each([
    ['no client authentication', {}],
    ['a wrong secret', { authorization: basic(TEST_CLIENT.id, 'x') }],
    ['the public client (it cannot authenticate)', { authorization: basic(PUBLIC_TEST_CLIENT.id, '') }],
  ])('%s → 401 invalid_client', async (_name, headers) => {
    const res = await introspect({ token: 'x' }, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('the public client naming itself with client_id → 401 invalid_client', async () => {
    const res = await introspect({ token: 'x', client_id: PUBLIC_TEST_CLIENT.id }, {});
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('no token parameter → 400 invalid_request', async () => {
    const res = await introspect({});
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('GET /.well-known/oauth-authorization-server (RFC 8414)', () => {
  it("lists the endpoints, methods and the description's scopes", async () => {
    const res = await fetch(`${mock.url}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      issuer: mock.url,
      authorization_endpoint: `${mock.url}/oauth/authorize`,
      token_endpoint: `${mock.url}/oauth/token`,
      introspection_endpoint: `${mock.url}/oauth/token/introspect`,
      scopes_supported: ['vendors:read', 'vendors:write', 'users:read'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic'],
    });
  });
});
