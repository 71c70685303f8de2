import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeNetworkError, requestToken, type TokenClient } from '../../../src/run/tokens/token-policy.js';

// What each answer of the token endpoint means under the policy (accepted, refused, unknown; rotated
// or not), what the request carries, and how a network error is worded. Written against the
// survivors of `MUTATE_UNIT=1 npm run mutate -- --mutate src/run/tokens/token-policy.ts`.

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

type Seen = { method?: string; headers?: IncomingHttpHeaders; body?: string; posts: number };

async function answering(status: number, body: string): Promise<{ url: string; seen: Seen }> {
  const seen: Seen = { posts: 0 };
  const server = createServer((req, res) => {
    seen.posts += 1;
    seen.method = req.method;
    seen.headers = req.headers;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.body = Buffer.concat(chunks).toString('utf8');
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`, seen };
}

const ask = async (status: number, body: string) => {
  const { url, seen } = await answering(status, body);
  const rotated: string[] = [];
  const client: TokenClient = {
    tokenUrl: url,
    authorization: 'Basic Yzpz',
    retryDelayMs: 10,
    onRotated: (t) => rotated.push(t),
  };
  const outcome = await requestToken(client, { grant_type: 'refresh_token', refresh_token: 'rt-old' });
  return { outcome, rotated, seen };
};

const good = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600 };

describe('what a token request carries', () => {
  it('a POST of the form, with the client, JSON wanted, on a connection that is closed after it', async () => {
    const { seen } = await ask(200, JSON.stringify(good));
    expect(seen).toMatchObject({
      method: 'POST',
      posts: 1,
      body: 'grant_type=refresh_token&refresh_token=rt-old',
      headers: {
        authorization: 'Basic Yzpz',
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String('grant_type=refresh_token&refresh_token=rt-old'.length),
        connection: 'close',
      },
    });
  });
});

describe('a 200 is a token only when it is a usable Bearer token response', () => {
  it('a good answer: the access token and its expiry in epoch ms', async () => {
    const before = Date.now();
    const { outcome } = await ask(200, JSON.stringify(good));
    expect(outcome).toMatchObject({ kind: 'token', accessToken: 'at-1' });
    const expiresAt = Number((outcome as { expiresAt: string }).expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(outcome).not.toHaveProperty('refreshToken');
  });

  it.each([['bearer'], ['BEARER']])('token_type %s is Bearer', async (type) => {
    expect((await ask(200, JSON.stringify({ ...good, token_type: type }))).outcome.kind).toBe('token');
  });

  it.each([['notbearer'], ['Bearerish'], ['mac'], [undefined]])(
    'token_type %s is not: an unknown outcome',
    async (type) => {
      const { outcome } = await ask(200, JSON.stringify({ ...good, token_type: type }));
      expect(outcome).toEqual({ kind: 'unknown', message: `token_type is "${String(type)}", not Bearer` });
    },
  );

  it.each([[0], [-5], ['soon'], [undefined]])('expires_in %s gives no expiry', async (expiresIn) => {
    const { outcome } = await ask(200, JSON.stringify({ ...good, expires_in: expiresIn }));
    expect(outcome).toMatchObject({ kind: 'token', expiresAt: '' });
  });

  it.each([[''], [42], [undefined]])('access_token %s is none: an unknown outcome', async (accessToken) => {
    const { outcome } = await ask(200, JSON.stringify({ ...good, access_token: accessToken }));
    expect(outcome).toEqual({ kind: 'unknown', message: 'the token response has no access_token' });
  });

  it.each([['not json'], ['null'], ['["at-1"]'], ['"at-1"']])('a body of %s is not a token response', async (body) => {
    const { outcome } = await ask(200, body);
    expect(outcome).toEqual({ kind: 'unknown', message: 'token endpoint answered 200 with a body that is not JSON' });
  });
});

describe('a rotated refresh token is one a 200 carries as a non-empty string', () => {
  it('handed on, and part of the outcome', async () => {
    const { outcome, rotated } = await ask(200, JSON.stringify({ ...good, refresh_token: 'rt-new' }));
    expect(rotated).toEqual(['rt-new']);
    expect(outcome).toMatchObject({ kind: 'token', refreshToken: 'rt-new' });
  });

  it.each([[''], [123], [null]])('refresh_token %s is no rotation', async (refreshToken) => {
    const { outcome, rotated } = await ask(200, JSON.stringify({ ...good, refresh_token: refreshToken }));
    expect(rotated).toEqual([]);
    expect(outcome).not.toHaveProperty('refreshToken');
  });

  it('a refresh_token in a refusal is not a rotation', async () => {
    const { outcome, rotated } = await ask(400, JSON.stringify({ error: 'invalid_grant', refresh_token: 'rt-x' }));
    expect(rotated).toEqual([]);
    expect(outcome).not.toHaveProperty('refreshToken');
  });

  it('without an onRotated hook a rotation is still part of the outcome', async () => {
    const { url } = await answering(200, JSON.stringify({ ...good, refresh_token: 'rt-new' }));
    const outcome = await requestToken({ tokenUrl: url, authorization: 'Basic Yzpz' }, { grant_type: 'refresh_token' });
    expect(outcome).toMatchObject({ kind: 'token', refreshToken: 'rt-new' });
  });
});

describe('4xx is refused, anything else not 200 is unknown; never sent again', () => {
  it.each([
    [400, 'refused'],
    [401, 'refused'],
    [499, 'refused'],
    [500, 'unknown'],
    [503, 'unknown'],
    [302, 'unknown'],
    [399, 'unknown'],
  ])('%s → %s', async (status, kind) => {
    const { outcome, seen } = await ask(status, '{}');
    expect(outcome).toEqual({ kind, message: `token endpoint answered ${status}` });
    expect(seen.posts).toBe(1);
  });

  it("the server's error and description are quoted", async () => {
    const { outcome } = await ask(400, JSON.stringify({ error: 'invalid_grant', error_description: 'spent' }));
    expect(outcome).toEqual({ kind: 'refused', message: 'token endpoint answered 400 invalid_grant: spent' });
  });

  it('a description alone, or a body that is not JSON', async () => {
    expect((await ask(400, JSON.stringify({ error_description: 'spent' }))).outcome).toEqual({
      kind: 'refused',
      message: 'token endpoint answered 400: spent',
    });
    expect((await ask(502, '<html>bad gateway</html>')).outcome).toEqual({
      kind: 'unknown',
      message: 'token endpoint answered 502',
    });
  });
});

describe('a connection reset after the request was sent is an unknown outcome, sent once', () => {
  it('reset', async () => {
    let posts = 0;
    const server = createServer((req) => {
      posts += 1;
      req.on('data', () => {});
      req.on('end', () => req.socket.resetAndDestroy());
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
    const outcome = await requestToken({ tokenUrl: url, authorization: 'Basic Yzpz', retryDelayMs: 10 }, { a: 'b' });
    expect(outcome).toEqual({
      kind: 'unknown',
      message: `token endpoint gave no usable answer: connection reset by 127.0.0.1:${(server.address() as AddressInfo).port} (ECONNRESET)`,
    });
    expect(posts).toBe(1);
  });
});

describe('a network error as one phrase', () => {
  const error = (code: string | undefined, message: string) => Object.assign(new Error(message), { code });
  it.each([
    ['ECONNREFUSED', 'x', 'connection refused at h:1 (ECONNREFUSED)'],
    ['ENOTFOUND', 'x', 'host not found: h:1 (ENOTFOUND)'],
    ['EAI_AGAIN', 'x', 'host not found: h:1 (EAI_AGAIN)'],
    ['ECONNRESET', 'x', 'connection reset by h:1 (ECONNRESET)'],
    ['EPIPE', 'write failed', 'write failed (EPIPE)'],
    ['EPIPE', 'write EPIPE', 'write EPIPE'],
    [undefined, 'socket hang up', 'socket hang up'],
  ])('%s, "%s" → %s', (code, message, want) => {
    expect(describeNetworkError(error(code, message), 'h:1')).toBe(want);
  });
});

describe('an answer cut off part way is an unknown outcome, sent once', () => {
  it('cut off', async () => {
    let posts = 0;
    const server = createServer((req, res) => {
      posts += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('{"access_token":', () => res.destroy());
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const where = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcome = await requestToken(
      { tokenUrl: `http://${where}/oauth/token`, authorization: 'Basic Yzpz' },
      { a: 'b' },
    );
    expect(outcome).toEqual({
      kind: 'unknown',
      message: `token endpoint gave no usable answer: the answer from ${where} was cut off`,
    });
    expect(posts).toBe(1);
  });
});
