import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireRunTokens, type TokenEndpointValues } from '../../../src/run/tokens/run-tokens.js';
import { type FakeAuthServer, startFakeAuthServer } from '../helpers/fake-auth-server.js';

// How the harness gets a run's tokens (run-tokens.ts) against a small fake authorisation server on
// 127.0.0.1: which grant, what the client sends, the state check, and the narrower tokens. Written
// against `MUTATE_UNIT=1 npm run mutate -- --mutate src/run/tokens/run-tokens.ts` (0 %: only
// integration files reached it).

type Fake = Omit<FakeAuthServer, 'server'>;

const servers: Array<Server | TcpServer> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    if ('closeAllConnections' in s) s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function listen(server: Server | TcpServer): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** `answers` are the token endpoint's answers in turn; `redirect` builds the authorize 302's query. */
async function fakeAuthServer(
  answers: { status: number; body: object }[],
  redirect?: (q: URLSearchParams) => string,
): Promise<Fake> {
  const fake = await startFakeAuthServer(answers, redirect);
  servers.push(fake.server);
  return fake;
}

const values = (fake: Fake, extra: Partial<TokenEndpointValues> = {}): TokenEndpointValues => ({
  authServerUrl: `${fake.url}//`,
  authorizeUrl: `${fake.url}/oauth/authorize`,
  tokenUrl: `${fake.url}/oauth/token`,
  clientId: 'client 1',
  clientSecret: "s!e'c(r)e*t",
  refreshToken: 'rt-0',
  redirectUri: 'http://127.0.0.1:9/callback',
  scopes: 'users:read users:write expenses:read',
  ...extra,
});

const token = (n: number, refresh?: string) => ({
  status: 200,
  body: {
    access_token: `at-${n}`,
    token_type: 'Bearer',
    expires_in: 60,
    ...(refresh ? { refresh_token: refresh } : {}),
  },
});

describe('the client authenticates with Basic, each part form-encoded first (RFC 6749 §2.3.1)', () => {
  it('id and secret', async () => {
    const fake = await fakeAuthServer([token(1)]);
    await acquireRunTokens(values(fake));
    const basic = `${'client+1'}:${'s%21e%27c%28r%29e%2At'}`;
    expect(fake.calls[0]?.authorization).toBe(`Basic ${Buffer.from(basic).toString('base64')}`);
  });
});

describe('with a refresh token: the refresh_token grant, its rotations kept', () => {
  it('the access token, the newest refresh token, every secret, each rotation handed on', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const rotated: string[] = [];
    const tokens = await acquireRunTokens(values(fake), { onRotated: (t) => rotated.push(t), retryDelayMs: 1 });
    expect(fake.calls.map((c) => c.form)).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-0' }]);
    expect(rotated).toEqual(['rt-1']);
    expect(tokens).toMatchObject({
      test: 'token: refresh_token grant → access token (RFC 6749 §6)',
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      narrow: {},
      narrowSkipped: {},
    });
    expect(tokens?.failure).toBeUndefined();
    expect(Number(tokens?.expiresAt)).toBeGreaterThan(Date.now());
    expect(tokens?.secrets.sort()).toEqual(['at-1', 'rt-0', 'rt-1']);
  });

  it('a refusal is a failure that says what to do, and nothing else is sent', async () => {
    const fake = await fakeAuthServer([{ status: 400, body: { error: 'invalid_grant' } }]);
    const tokens = await acquireRunTokens(values(fake), { narrowings: [['users:write']] });
    expect(tokens?.failure).toBe(
      'token endpoint answered 400 invalid_grant; the token endpoint refused the refresh token: it is not sent again; get a new one (pleo-postman login) and check the client id and secret',
    );
    expect(fake.calls).toHaveLength(1);
    expect(tokens?.accessToken).toBe('');
  });
});

describe('without a refresh token: Authorization Code with PKCE S256, only against a loopback redirect', () => {
  it('no refresh token and no loopback redirect: no way to get a token', async () => {
    const fake = await fakeAuthServer([]);
    expect(
      await acquireRunTokens(values(fake, { refreshToken: '', redirectUri: 'https://app.example.test/cb' })),
    ).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });

  it('the code is exchanged with its verifier, whose S256 challenge was sent', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const tokens = await acquireRunTokens(values(fake, { refreshToken: '' }));
    const query = fake.authorizeQueries[0];
    expect(Object.fromEntries(query ?? [])).toMatchObject({
      response_type: 'code',
      client_id: 'client 1',
      redirect_uri: 'http://127.0.0.1:9/callback',
      scope: 'users:read users:write expenses:read',
      code_challenge_method: 'S256',
    });
    const form = fake.calls[0]?.form ?? {};
    expect(form).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'http://127.0.0.1:9/callback',
    });
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url'),
    ).toBe(query?.get('code_challenge'));
    expect(tokens).toMatchObject({
      test: 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)',
      accessToken: 'at-1',
    });
    expect(tokens?.secrets).toContain('code-1');
  });

  it.each([
    ['another state', () => 'code=code-1&state=forged', 'the redirect carried another state (RFC 6749 §10.12)'],
    ['no state', () => 'code=code-1', 'the redirect carried another state (RFC 6749 §10.12)'],
    ['an error', () => 'error=access_denied', 'authorization failed: access_denied'],
    [
      'no code',
      () => '',
      'no authorization code without a browser (start the mock with --auto-approve, or pass a refresh token)',
    ],
  ])('a redirect with %s is refused and no code is exchanged', async (_name, redirect, failure) => {
    const fake = await fakeAuthServer([token(1)], redirect);
    const tokens = await acquireRunTokens(values(fake, { refreshToken: '' }));
    expect(tokens?.failure).toBe(failure);
    expect(fake.calls).toEqual([]);
  });
});

describe('narrower tokens: one per scope set lacked, each from the newest refresh token', () => {
  it('asks for the granted scopes less the lacking ones, once per set', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), token(2, 'rt-2'), token(3, 'rt-3')]);
    const tokens = await acquireRunTokens(values(fake), {
      narrowings: [['users:write'], ['users:write'], ['users:read', 'expenses:read']],
    });
    expect(fake.calls.map((c) => c.form).slice(1)).toEqual([
      { grant_type: 'refresh_token', refresh_token: 'rt-1', scope: 'users:read expenses:read' },
      { grant_type: 'refresh_token', refresh_token: 'rt-2', scope: 'users:write' },
    ]);
    expect(tokens?.narrow).toEqual({ 'users:write': 'at-2', 'users:read expenses:read': 'at-3' });
    expect(tokens?.refreshToken).toBe('rt-3');
    expect(tokens?.secrets.sort()).toEqual(['at-1', 'at-2', 'at-3', 'rt-0', 'rt-1', 'rt-2', 'rt-3']);
  });

  it('a set that lacks every granted scope is skipped, and sends nothing', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const tokens = await acquireRunTokens(values(fake, { scopes: 'users:read' }), { narrowings: [['users:read']] });
    expect(tokens?.narrowSkipped).toEqual({ 'users:read': 'the environment grants no scope besides users:read' });
    expect(fake.calls).toHaveLength(1);
  });

  it('without a refresh token to narrow with, every set is skipped', async () => {
    const fake = await fakeAuthServer([token(1)]);
    const tokens = await acquireRunTokens(values(fake, { refreshToken: '' }), { narrowings: [['users:write']] });
    expect(tokens?.narrowSkipped).toEqual({ 'users:write': 'no refresh token to narrow a token with' });
    expect(fake.calls).toHaveLength(1);
  });

  it('after a failed narrower request nothing more is refreshed in the run', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), { status: 500, body: {} }]);
    const tokens = await acquireRunTokens(values(fake), { narrowings: [['users:write'], ['expenses:read']] });
    expect(fake.calls).toHaveLength(2);
    expect(tokens?.narrowSkipped).toEqual({
      'users:write': 'no narrower token: token endpoint answered 500',
      'expenses:read': 'a narrower token request failed before: token endpoint answered 500',
    });
    expect(tokens?.failure).toBeUndefined();
  });
});

describe('what a failed first request says', () => {
  it('an unknown outcome: the refresh token may be spent', async () => {
    const fake = await fakeAuthServer([{ status: 500, body: {} }]);
    const tokens = await acquireRunTokens(values(fake));
    expect(tokens?.failure).toBe(
      'token endpoint answered 500; the answer was lost or unusable, so the refresh token may be spent: it was not sent again; if the next run is refused, log in again (pleo-postman login)',
    );
    expect(tokens).toMatchObject({ accessToken: '', expiresAt: '', refreshToken: 'rt-0', secrets: ['rt-0'] });
  });

  it('nothing reached the token endpoint: the refresh token is unspent', async () => {
    const fake = await fakeAuthServer([]);
    servers[0]?.close();
    const tokens = await acquireRunTokens(values(fake), { retryDelayMs: 1 });
    expect(tokens?.failure).toMatch(
      /^token endpoint unreachable: connection refused at .* \(ECONNREFUSED\), tried 3 times; nothing reached the token endpoint: check authServerUrl and the network; the refresh token is unspent$/,
    );
  });

  it('an authorization endpoint that cannot be reached', async () => {
    const fake = await fakeAuthServer([]);
    servers[0]?.close();
    const tokens = await acquireRunTokens(values(fake, { refreshToken: '' }));
    expect(tokens?.failure).toMatch(
      /^authorization endpoint unreachable: connection refused at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/,
    );
  });

  it('an authorization endpoint that never answers, within --timeout-request', async () => {
    const server = createServer(() => {});
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = Date.now();
    const tokens = await acquireRunTokens(values({ url, calls: [], authorizeQueries: [] }, { refreshToken: '' }), {
      timeoutMs: 200,
    });
    expect(tokens?.failure).toBe('authorization endpoint unreachable: no answer within 200 ms (ETIMEDOUT)');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('the code path keeps no empty secret, and odd spacing in scopes asks for no empty scope', () => {
  it('secrets of a code exchange', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const tokens = await acquireRunTokens(values(fake, { refreshToken: '' }));
    expect(tokens?.secrets.sort()).toEqual(['at-1', 'code-1', 'rt-1']);
  });

  it('scopes with double and trailing spaces', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), token(2, 'rt-2')]);
    await acquireRunTokens(values(fake, { scopes: ' users:read  users:write ' }), { narrowings: [['users:write']] });
    expect(fake.calls[1]?.form.scope).toBe('users:read');
  });
});

describe('a refresh endpoint of its own (auth.refreshPath): refresh_token grants go there, the code exchange does not', () => {
  it('the first refresh and every narrower token', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), token(2, 'rt-2')]);
    await acquireRunTokens(values(fake, { refreshUrl: `${fake.url}/oauth/refresh` }), {
      narrowings: [['users:write']],
    });
    expect(fake.calls.map((c) => c.path)).toEqual(['/oauth/refresh', '/oauth/refresh']);
  });

  it('the authorization code is exchanged at the token endpoint, the narrower tokens refreshed at the refresh one', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), token(2, 'rt-2')]);
    await acquireRunTokens(values(fake, { refreshToken: '', refreshUrl: `${fake.url}/oauth/refresh` }), {
      narrowings: [['users:write']],
    });
    expect(fake.calls.map((c) => [c.path, c.form.grant_type])).toEqual([
      ['/oauth/token', 'authorization_code'],
      ['/oauth/refresh', 'refresh_token'],
    ]);
  });
});

describe('--timeout-request and the retry delay reach the token requests', () => {
  it('a token endpoint that never answers: an unknown outcome after --timeout-request, sent once', async () => {
    let posts = 0;
    const port = await listen(
      createServer((req) => {
        posts += 1;
        req.resume();
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    const started = Date.now();
    const tokens = await acquireRunTokens(values({ url, calls: [], authorizeQueries: [] }), { timeoutMs: 200 });
    expect(tokens?.failure).toMatch(/^token endpoint gave no usable answer: no answer within 200 ms from /);
    expect(posts).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the attempts at a token endpoint never reached are spaced by retryDelayMs, then twice that', async () => {
    const fake = await fakeAuthServer([]);
    servers[0]?.close();
    const started = Date.now();
    const tokens = await acquireRunTokens(values(fake), { retryDelayMs: 400 });
    // 400 ms, then 800 ms; the default (200 ms, then 400 ms) would wait 600 ms in all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_150);
    expect(tokens?.failure).toMatch(/^token endpoint unreachable: connection refused at .*, tried 3 times;/);
  });
});

/** A self-signed certificate for 127.0.0.1, kept for the tests (test/fixtures/tls/README.md). */
const tls = {
  key: readFileSync(new URL('../../fixtures/tls/key.pem', import.meta.url), 'utf8'),
  cert: readFileSync(new URL('../../fixtures/tls/cert.pem', import.meta.url), 'utf8'),
};

describe('the authorization request', () => {
  it('an https authorization endpoint is asked over TLS', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const port = await listen(
      createHttpsServer(tls, (req, res) => {
        const state = new URL(req.url ?? '/', 'https://x').searchParams.get('state');
        res.writeHead(302, { Location: `http://127.0.0.1:9/callback?code=code-tls&state=${state}` }).end();
      }),
    );
    // The certificate is trusted for this test only: Node reads the variable at each TLS connection.
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const tokens = await acquireRunTokens(
        values(fake, { refreshToken: '', authorizeUrl: `https://127.0.0.1:${port}/oauth/authorize` }),
      );
      expect(tokens?.failure).toBeUndefined();
      expect(fake.calls[0]?.form).toMatchObject({ grant_type: 'authorization_code', code: 'code-tls' });
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  });

  it('an answer cut off after its headers is a failure, and its code is not exchanged', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const port = await listen(
      createTcpServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 302 Found\r\nLocation: /callback?code=code-1\r\nContent-Length: 100\r\n\r\npartial');
          setTimeout(() => socket.destroy(), 20);
        });
      }),
    );
    const tokens = await acquireRunTokens(
      values(fake, { refreshToken: '', authorizeUrl: `http://127.0.0.1:${port}/oauth/authorize` }),
    );
    expect(tokens?.failure).toMatch(/^authorization endpoint unreachable: .*ECONNRESET/);
    expect(fake.calls).toEqual([]);
  });
});
