import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../src/description/index.js';
import { startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { authorizeParams, callbackOf, FORM, pkce, TEST_BASIC } from './helpers.js';

// An API whose documents give a flow a refreshUrl of its own (auth.refreshPath).
const TOKEN = '/api/token';
const REFRESH = '/api/refresh';

let mock: RunningMock;
let spec: ApiDescription;
beforeAll(async () => {
  spec = structuredClone(await loadMinimal());
  spec.auth.tokenPath = TOKEN;
  spec.auth.refreshPath = REFRESH;
  mock = await startMock({ spec, port: 0, autoApprove: true });
});
afterAll(() => mock.close());

const post = (path: string, form: Record<string, string>) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { ...FORM, authorization: TEST_BASIC },
    body: new URLSearchParams(form),
  });

/** A code from the auto-approving authorization endpoint, and its exchange's form. */
async function codeExchange(): Promise<Record<string, string>> {
  const { verifier, challenge } = pkce();
  const params = authorizeParams(mock, { code_challenge: challenge, scope: 'vendors:read' });
  const res = await fetch(`${mock.url}/oauth/authorize?${params.toString()}`, { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'http://invalid/').searchParams.get('code') ?? '';
  expect(code).not.toBe('');
  return { grant_type: 'authorization_code', code, redirect_uri: callbackOf(mock), code_verifier: verifier };
}

describe('the mock at auth.refreshPath', () => {
  it('answers refresh_token grants there and rotates: the old refresh token is spent', async () => {
    const issued = (await (await post(TOKEN, await codeExchange())).json()) as { refresh_token: string };
    const refreshed = await post(REFRESH, { grant_type: 'refresh_token', refresh_token: issued.refresh_token });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(body.refresh_token).not.toBe(issued.refresh_token);
    const api = await fetch(`${mock.url}/v1/introspect`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(api.status).toBe(200);
    const replay = await post(REFRESH, { grant_type: 'refresh_token', refresh_token: issued.refresh_token });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses the authorization code there (the code stays unused for the token endpoint)', async () => {
    const exchange = await codeExchange();
    const atRefresh = await post(REFRESH, exchange);
    expect(atRefresh.status).toBe(400);
    expect(await atRefresh.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: `grant_type authorization_code is not supported at the refresh endpoint ${REFRESH}: send it to ${TOKEN}`,
    });
    expect((await post(TOKEN, exchange)).status).toBe(200);
  });

  it('still refreshes at the token endpoint (the collection’s own scripts refresh there), and asks for a client', async () => {
    const issued = (await (await post(TOKEN, await codeExchange())).json()) as { refresh_token: string };
    expect((await post(TOKEN, { grant_type: 'refresh_token', refresh_token: issued.refresh_token })).status).toBe(200);
    const anonymous = await fetch(`${mock.url}${REFRESH}`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: TEST_CLIENT.id }),
    });
    expect(anonymous.status).toBeGreaterThanOrEqual(400);
    expect(await anonymous.json()).toHaveProperty('error');
  });
});
