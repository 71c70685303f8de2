// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { authorize, authorizeParams, callbackOf, FORM, issueTokens } from './helpers.js';

let mock: RunningMock;
let auto: RunningMock;

beforeAll(async () => {
  const spec = await loadMinimal();
  [mock, auto] = await Promise.all([startMock({ spec, port: 0 }), startMock({ spec, port: 0, autoApprove: true })]);
});
afterAll(async () => {
  await Promise.all([mock.close(), auto.close()]);
});

/** The query of a redirect the mock answered with. */
async function redirectQuery(res: Response): Promise<Record<string, string>> {
  expect(res.status, await res.clone().text()).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  return Object.fromEntries(location.searchParams);
}

describe('RFC 6749 §4.1.2.1: no redirect for an untrusted client or redirect URI', () => {
  const cases: Array<[string, Record<string, string | undefined>]> = [
    ['unknown client', { client_id: 'someone-else' }],
    ['missing client_id', { client_id: undefined }],
    ['missing redirect_uri', { redirect_uri: undefined }],
    ['unregistered redirect URI', { redirect_uri: 'https://evil.example/callback' }],
    ['registered URI plus a path', { redirect_uri: 'https://oauth.pstmn.io/v1/callback/more' }],
    ['registered URI plus a query', { redirect_uri: 'https://oauth.pstmn.io/v1/callback?x=1' }],
    ['registered URI in another case', { redirect_uri: 'https://OAUTH.pstmn.io/v1/callback' }],
    ['registered https URI at another port', { redirect_uri: 'https://oauth.pstmn.io:8443/v1/callback' }],
    ['loopback URI with another path', { redirect_uri: 'http://127.0.0.1:4010/other' }],
    ['loopback URI with a fragment', { redirect_uri: 'http://127.0.0.1:4010/callback#x' }],
    ['another loopback host than registered', { redirect_uri: 'http://localhost:4010/callback' }],
    ['loopback over https', { redirect_uri: 'https://127.0.0.1:4010/callback' }],
  ];
  it.each(cases)('%s → 400 error page, no Location', async (_name, overrides) => {
    const res = await authorize(mock, authorizeParams(mock, overrides));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('a repeated client_id or redirect_uri → 400 page', async () => {
    for (const name of ['client_id', 'redirect_uri']) {
      const params = authorizeParams(mock);
      params.append(name, params.get(name) ?? '');
      const res = await authorize(mock, params);
      expect(res.status, name).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });
});

describe('RFC 8252 §7.3: loopback redirect URIs match at any port; others exactly', () => {
  it.each([
    'http://127.0.0.1/callback',
    'http://127.0.0.1:1/callback',
    'http://127.0.0.1:65535/callback',
    'https://oauth.pstmn.io/v1/callback',
    'https://oauth.pstmn.io/v1/browser-callback',
  ])('%s is accepted', async (redirectUri) => {
    const res = await authorize(mock, authorizeParams(mock, { redirect_uri: redirectUri }));
    expect(res.status).toBe(200);
  });
});

describe('errors redirected to the client with error and state', () => {
  const cases: Array<[string, Record<string, string | undefined>, string]> = [
    ['missing code_challenge (PKCE mandatory)', { code_challenge: undefined }, 'invalid_request'],
    ['code_challenge_method plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    [
      'missing code_challenge_method (RFC 7636 default: plain)',
      { code_challenge_method: undefined },
      'invalid_request',
    ],
    ['code_challenge_method s256 in lower case', { code_challenge_method: 's256' }, 'invalid_request'],
    ['code_challenge_method S512', { code_challenge_method: 'S512' }, 'invalid_request'],
    ['a code_challenge that is not a SHA-256', { code_challenge: 'too-short' }, 'invalid_request'],
    ['missing response_type', { response_type: undefined }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
    ['a scope the client did not register', { scope: 'vendors:read admin:all' }, 'invalid_scope'],
    ['a scope with characters RFC 6749 §3.3 forbids', { scope: 'vendors:read "x"' }, 'invalid_scope'],
  ];
  it.each(cases)('%s → %s', async (_name, overrides, error) => {
    const query = await redirectQuery(await authorize(mock, authorizeParams(mock, overrides)));
    expect(query).toMatchObject({ error, state: 'state-123' });
    expect(query.error_description).toMatch(/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/);
    expect(query.code).toBeUndefined();
  });

  it('a repeated parameter → invalid_request (RFC 6749 §3.1)', async () => {
    const params = authorizeParams(mock, { scope: 'vendors:read' });
    params.append('scope', 'users:read');
    expect(await redirectQuery(await authorize(mock, params))).toMatchObject({
      error: 'invalid_request',
      state: 'state-123',
    });
  });

  it('goes to the redirect URI the client gave, port included', async () => {
    const res = await authorize(
      mock,
      authorizeParams(mock, { redirect_uri: 'http://127.0.0.1:5555/callback', code_challenge: undefined }),
    );
    expect(res.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:5555\/callback\?error=invalid_request&/);
  });
});

describe('consent page', () => {
  it('names the client and each scope asked with its description, with Approve and Deny', async () => {
    const res = await authorize(mock, authorizeParams(mock, { scope: 'vendors:read users:read' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    const html = await res.text();
    expect(html).toContain(TEST_CLIENT.name);
    expect(html).toContain('<code>vendors:read</code>: List and get vendors');
    expect(html).toContain('<code>users:read</code>: Search employees, get an employee');
    expect(html).not.toContain('vendors:write');
    expect(html).toMatch(/<form method="post" action="\/oauth\/authorize">/);
    expect(html).toContain('<button type="submit" name="decision" value="approve">Approve</button>');
    expect(html).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
  });

  it('escapes what the client sent', async () => {
    const html = await (await authorize(mock, authorizeParams(mock, { state: '"><script>alert(1)</script>' }))).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('Approve → redirect with code and state', async () => {
    const params = authorizeParams(mock);
    params.set('decision', 'approve');
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: FORM,
      body: params,
      redirect: 'manual',
    });
    const query = await redirectQuery(res);
    expect(Object.keys(query).sort()).toEqual(['code', 'state']);
    expect(query.state).toBe('state-123');
  });

  it('Deny → access_denied with state', async () => {
    const params = authorizeParams(mock);
    params.set('decision', 'deny');
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: FORM,
      body: params,
      redirect: 'manual',
    });
    expect(await redirectQuery(res)).toMatchObject({ error: 'access_denied', state: 'state-123' });
  });

  it('a decision that is neither → invalid_request', async () => {
    const params = authorizeParams(mock);
    params.set('decision', 'maybe');
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: FORM,
      body: params,
      redirect: 'manual',
    });
    expect(await redirectQuery(res)).toMatchObject({ error: 'invalid_request' });
  });

  it('the posted form is checked again: a tampered redirect URI is not followed', async () => {
    const params = authorizeParams(mock, { redirect_uri: 'https://evil.example/' });
    params.set('decision', 'approve');
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: FORM,
      body: params,
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('autoApprove', () => {
  it('redirects with code and state at once', async () => {
    const query = await redirectQuery(await authorize(auto, authorizeParams(auto)));
    expect(query.code).toMatch(/^\S{20,}$/);
    expect(query.state).toBe('state-123');
  });

  it('leaves state out when the client sent none', async () => {
    const query = await redirectQuery(await authorize(auto, authorizeParams(auto, { state: undefined })));
    expect(Object.keys(query)).toEqual(['code']);
  });

  it('still refuses what the rules refuse', async () => {
    expect(
      await redirectQuery(await authorize(auto, authorizeParams(auto, { code_challenge_method: 'plain' }))),
    ).toMatchObject({ error: 'invalid_request' });
    expect((await authorize(auto, authorizeParams(auto, { client_id: 'nobody' }))).status).toBe(400);
  });

  it('the public client is registered with the same redirect URIs', async () => {
    const query = await redirectQuery(
      await authorize(
        auto,
        authorizeParams(auto, {
          client_id: PUBLIC_TEST_CLIENT.id,
          redirect_uri: 'https://oauth.pstmn.io/v1/browser-callback',
        }),
      ),
    );
    expect(query.code).toBeDefined();
  });
});

describe('scope', () => {
  it("missing → the client's full registered scopes (every scope of the description)", async () => {
    const tokens = await issueTokens(mock);
    expect(tokens.scope).toBe('vendors:read vendors:write users:read');
  });

  it('a subset → exactly that subset', async () => {
    expect((await issueTokens(mock, { scope: 'users:read' })).scope).toBe('users:read');
  });
});

describe('GET /callback', () => {
  it('answers the query it received as JSON, so a script following redirects can read the code', async () => {
    const res = await fetch(`${callbackOf(mock)}?code=abc&state=xyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await res.json()).toEqual({ code: 'abc', state: 'xyz' });
  });

  it('is where an auto-approved authorization ends for a client that follows redirects', async () => {
    const res = await fetch(`${auto.url}/oauth/authorize?${authorizeParams(auto).toString()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: expect.any(String), state: 'state-123' });
    const denied = await fetch(`${auto.url}/oauth/authorize?${authorizeParams(auto, { scope: 'nope' }).toString()}`);
    expect(await denied.json()).toMatchObject({ error: 'invalid_scope', state: 'state-123' });
  });
});
