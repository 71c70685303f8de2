import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireSharedToken, type TokenEndpointValues } from '../../../src/run/tokens/shared-token.js';

/** The one acquisition of a parallel run, with a recording fetch in place of the network. */
interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(...answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const doFetch = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { calls, doFetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const redirect = (location: string) => new Response(null, { status: 302, headers: { location } });

const values: TokenEndpointValues = {
  authServerUrl: 'http://127.0.0.1:1',
  clientId: 'client a',
  clientSecret: "s&c:r*t!'()",
  refreshToken: 'rt-0',
  redirectUri: 'https://app.example/callback',
  scopes: 'users:read vendors:read',
};
const form = (call: Call | undefined) => Object.fromEntries(new URLSearchParams(String(call?.init?.body)));
const headers = (call: Call | undefined) => (call?.init?.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.useRealTimers();
});

describe('acquireSharedToken with a refresh token (RFC 6749 §6)', () => {
  it('sends the refresh token once, the client form-encoded in a Basic header (RFC 6749 §2.3.1)', async () => {
    const { calls, doFetch } = fakeFetch(json(200, { access_token: 'at', token_type: 'Bearer' }));
    await acquireSharedToken(values, { fetch: doFetch });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://127.0.0.1:1/oauth/token');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(headers(calls[0])).toEqual({
      Authorization: `Basic ${Buffer.from('client+a:s%26c%3Ar%2At%21%27%28%29').toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form(calls[0])).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-0' });
  });

  it('a rotated refresh token is handed to onRotated before the token is returned', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    const { doFetch } = fakeFetch(
      json(200, { access_token: 'at', token_type: 'bearer', refresh_token: 'rt-1', expires_in: 900 }),
    );
    const order: string[] = [];
    const result = await acquireSharedToken(values, {
      fetch: doFetch,
      onRotated: (token) => {
        order.push(`rotated ${token}`);
      },
    });
    order.push('returned');
    expect(result).toEqual({
      kind: 'acquired',
      grant: 'refresh_token',
      token: { accessToken: 'at', expiresAt: String(1_000_000 + 900_000), refreshToken: 'rt-1' },
      rotated: true,
    });
    expect(order).toEqual(['rotated rt-1', 'returned']);
  });

  it.each([
    ['no refresh token', {}],
    ['an empty refresh token', { refresh_token: '' }],
    ['the same refresh token', { refresh_token: 'rt-0' }],
    ['a refresh token that is not a string', { refresh_token: 7 }],
  ])('an answer with %s keeps the one sent and reports no rotation', async (_name, extra) => {
    const { doFetch } = fakeFetch(json(200, { access_token: 'at', token_type: 'Bearer', ...extra }));
    const rotated: string[] = [];
    const result = await acquireSharedToken(values, { fetch: doFetch, onRotated: (t) => void rotated.push(t) });
    expect(result).toMatchObject({ kind: 'acquired', token: { refreshToken: 'rt-0', expiresAt: '' }, rotated: false });
    expect(rotated).toEqual([]);
  });

  it.each([
    [
      'a refusal, with the error and its description',
      json(400, { error: 'invalid_grant', error_description: 'refresh token revoked' }),
      'token endpoint answered 400 invalid_grant: refresh token revoked',
    ],
    ['a refusal without a JSON body', new Response('nope', { status: 503 }), 'token endpoint answered 503'],
    ['a 200 without an access token', json(200, { token_type: 'Bearer' }), 'the token response has no access_token'],
    [
      'a 200 with an empty access token',
      json(200, { access_token: '', token_type: 'Bearer' }),
      'the token response has no access_token',
    ],
    [
      'a token type that is not Bearer',
      json(200, { access_token: 'at', token_type: 'mac' }),
      'token_type is "mac", not Bearer',
    ],
    [
      'a token type that only contains bearer',
      json(200, { access_token: 'at', token_type: 'bearer2' }),
      'token_type is "bearer2", not Bearer',
    ],
    [
      'a token type that only ends in bearer',
      json(200, { access_token: 'at', token_type: 'notbearer' }),
      'token_type is "notbearer", not Bearer',
    ],
    ['no token type', json(200, { access_token: 'at' }), 'token_type is "undefined", not Bearer'],
    ['an unreachable server', new Error('connect ECONNREFUSED'), 'token endpoint unreachable: connect ECONNREFUSED'],
  ])('is refused: %s', async (_name, answer, message) => {
    const { doFetch } = fakeFetch(answer);
    const rotated: string[] = [];
    const result = await acquireSharedToken(values, { fetch: doFetch, onRotated: (t) => void rotated.push(t) });
    expect(result).toEqual({ kind: 'failed', message });
    expect(rotated).toEqual([]);
  });
});

it('a rotation without an onRotated hook still gives the token', async () => {
  const { doFetch } = fakeFetch(json(200, { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt-1' }));
  expect(await acquireSharedToken(values, { fetch: doFetch })).toMatchObject({ kind: 'acquired', rotated: true });
});

describe('acquireSharedToken without a refresh token', () => {
  it('a code exchange that gives no refresh token leaves none (not a made-up one)', async () => {
    let calls = 0;
    const doFetch = (async (url: string | URL | Request) => {
      calls++;
      if (calls === 1) {
        const state = new URL(String(url)).searchParams.get('state') ?? '';
        return redirect(`http://127.0.0.1:9/callback?code=c&state=${state}`);
      }
      return json(200, { access_token: 'at', token_type: 'Bearer' });
    }) as typeof fetch;
    const result = await acquireSharedToken(
      { ...values, refreshToken: '', redirectUri: 'http://127.0.0.1:9/callback' },
      { fetch: doFetch },
    );
    expect(result).toMatchObject({ kind: 'acquired', token: { refreshToken: '' } });
  });

  const loopback = { ...values, refreshToken: '', redirectUri: 'http://127.0.0.1:9/callback' };

  it('with a redirect URI that is not loopback, gets none and sends nothing', async () => {
    const { calls, doFetch } = fakeFetch();
    expect(await acquireSharedToken({ ...values, refreshToken: '' }, { fetch: doFetch })).toEqual({
      kind: 'none',
      reason: 'no refresh token and no loopback redirect URI',
    });
    expect(calls).toEqual([]);
  });

  it('with a loopback redirect, asks for a code with PKCE S256 and exchanges it with the verifier of that challenge (RFC 7636 §4)', async () => {
    let state = '';
    const calls: Call[] = [];
    const doFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      if (calls.length === 1) {
        state = new URL(String(url)).searchParams.get('state') ?? '';
        return redirect(`http://127.0.0.1:9/callback?code=the-code&state=${state}`);
      }
      return json(200, { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt-1' });
    }) as typeof fetch;
    const result = await acquireSharedToken(loopback, { fetch: doFetch });
    expect(result).toEqual({
      kind: 'acquired',
      grant: 'authorization_code',
      token: { accessToken: 'at', expiresAt: '', refreshToken: 'rt-1' },
      rotated: false,
    });
    const authorize = new URL(calls[0]?.url ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe('http://127.0.0.1:1/oauth/authorize');
    expect(calls[0]?.init).toEqual({ redirect: 'manual' });
    const query = Object.fromEntries(authorize.searchParams);
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: 'client a',
      redirect_uri: 'http://127.0.0.1:9/callback',
      scope: 'users:read vendors:read',
      code_challenge_method: 'S256',
    });
    expect(query.state).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const exchange = form(calls[1]);
    expect(exchange).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'http://127.0.0.1:9/callback',
    });
    expect(
      createHash('sha256')
        .update(exchange.code_verifier ?? '')
        .digest('base64url'),
    ).toBe(query.code_challenge);
    expect(exchange.code_verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(headers(calls[1]).Authorization).toMatch(/^Basic /);
  });

  it('a redirect that carries another state is refused and the code is not exchanged (RFC 6749 §10.12)', async () => {
    const { calls, doFetch } = fakeFetch(redirect('http://127.0.0.1:9/callback?code=the-code&state=forged'));
    expect(await acquireSharedToken(loopback, { fetch: doFetch })).toEqual({
      kind: 'failed',
      message: 'the redirect carried another state (RFC 6749 §10.12)',
    });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [
      'an error in the redirect',
      redirect('/callback?error=access_denied'),
      { kind: 'failed', message: 'authorization failed: access_denied' },
    ],
    [
      'no redirect (the consent page: a browser is needed)',
      new Response('<html>consent</html>', { status: 200 }),
      { kind: 'none', reason: 'no authorization code without a browser (start the mock with --auto-approve)' },
    ],
    [
      'an unreachable server',
      new Error('connect ECONNREFUSED'),
      { kind: 'failed', message: 'authorization endpoint unreachable: connect ECONNREFUSED' },
    ],
  ])('%s gets no token', async (_name, answer, want) => {
    const { calls, doFetch } = fakeFetch(answer);
    expect(await acquireSharedToken(loopback, { fetch: doFetch })).toEqual(want);
    expect(calls).toHaveLength(1);
  });

  it('a refused code exchange is a failure with the server’s reason', async () => {
    let calls = 0;
    const doFetch = (async (url: string | URL | Request) => {
      calls++;
      if (calls === 1) {
        const state = new URL(String(url)).searchParams.get('state') ?? '';
        return redirect(`http://127.0.0.1:9/callback?code=c&state=${state}`);
      }
      return json(400, { error: 'invalid_grant' });
    }) as typeof fetch;
    expect(await acquireSharedToken(loopback, { fetch: doFetch })).toEqual({
      kind: 'failed',
      message: 'token endpoint answered 400 invalid_grant',
    });
  });
});
