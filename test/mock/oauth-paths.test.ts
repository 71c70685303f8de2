import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../src/description/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { authorizeParams, callbackOf, FORM, pkce, TEST_BASIC } from './helpers.js';

// An API whose documents name their own endpoints (as Xero's /connect/authorize and /connect/token).
const AUTHORIZE = '/connect/authorize';
const TOKEN = '/connect/token';

let mock: RunningMock;
let spec: ApiDescription;
beforeAll(async () => {
  spec = structuredClone(await loadMinimal());
  spec.auth.authorizePath = AUTHORIZE;
  spec.auth.tokenPath = TOKEN;
  mock = await startMock({ spec, port: 0 });
});
afterAll(() => mock.close());

const post = (path: string, body: URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}${path}`, { method: 'POST', headers: { ...FORM, ...headers }, body, redirect: 'manual' });

/** Approves on the consent page at `path` and exchanges the code at the token path. */
async function tokensAt(authorizePath: string, tokenPath: string) {
  const { verifier, challenge } = pkce();
  const params = authorizeParams(mock, { code_challenge: challenge, scope: 'vendors:read' });
  params.set('decision', 'approve');
  const approved = await post(authorizePath, params);
  const code = new URL(approved.headers.get('location') ?? 'http://invalid/').searchParams.get('code') ?? '';
  const exchange = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: callbackOf(mock),
    code_verifier: verifier,
  });
  return { approved, token: await post(tokenPath, exchange, { authorization: TEST_BASIC }) };
}

describe("the mock serves the description's authorization and token endpoints", () => {
  it('publishes them in its metadata, introspection below the token endpoint', async () => {
    const metadata = (await (await fetch(`${mock.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      string
    >;
    expect(metadata).toMatchObject({
      issuer: mock.url,
      authorization_endpoint: `${mock.url}${AUTHORIZE}`,
      token_endpoint: `${mock.url}${TOKEN}`,
      introspection_endpoint: `${mock.url}${TOKEN}/introspect`,
    });
  });

  it('shows the consent page there, which posts back to the same path', async () => {
    const res = await fetch(`${mock.url}${AUTHORIZE}?${authorizeParams(mock).toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<form method="post" action="${AUTHORIZE}">`);
  });

  it('issues a code there and tokens at the token path; the token introspects there', async () => {
    const { approved, token } = await tokensAt(AUTHORIZE, TOKEN);
    expect(approved.status).toBe(302);
    expect(token.status).toBe(200);
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const introspected = await post(`${TOKEN}/introspect`, new URLSearchParams({ token: accessToken }), {
      authorization: TEST_BASIC,
    });
    expect(await introspected.json()).toMatchObject({ active: true, client_id: TEST_CLIENT.id });
    const api = await fetch(`${mock.url}/v1/introspect`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(api.status).toBe(200);
  });

  it("does not answer as an authorisation server at Pleo's /oauth/authorize and /oauth/token", async () => {
    const authorize = await fetch(`${mock.url}/oauth/authorize?${authorizeParams(mock).toString()}`, {
      redirect: 'manual',
    });
    expect(authorize.status).toBe(404);
    expect(authorize.headers.get('content-type')).not.toMatch(/html/);
    const token = await post('/oauth/token', new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x' }), {
      authorization: TEST_BASIC,
    });
    expect(token.status).toBe(404);
    expect(await token.json()).not.toHaveProperty('error');
    expect((await post('/oauth/token/introspect', new URLSearchParams({ token: 'x' }))).status).toBe(404);
  });

  it('a body too large at the token path is refused in OAuth terms; at an API path in the API’s', async () => {
    const big = new URLSearchParams({ grant_type: 'x'.repeat(2_000_000) });
    const atToken = await post(TOKEN, big, { authorization: TEST_BASIC });
    expect(atToken.status).toBe(413);
    expect(await atToken.json()).toMatchObject({ error: 'invalid_request' });
    const atOld = await post('/oauth/token', big, { authorization: TEST_BASIC });
    expect(atOld.status).toBe(413);
    expect(await atOld.json()).toMatchObject({ type: 'PAYLOAD_TOO_LARGE' });
  });
});
