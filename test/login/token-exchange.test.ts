import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReachable, basicAuthorization, exchangeCode, unreachable } from '../../src/login/token-exchange.js';

/** A token endpoint on 127.0.0.1 that records what it got and answers what the test set. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let server: Server;
let base: string;
let seen: Seen[] = [];
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A port nothing listens on: one just bound and closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const exchange = {
  clientId: 'client a',
  clientSecret: "s&c:r*t!'()",
  code: 'the-code',
  redirectUri: 'http://127.0.0.1:8976/callback',
  codeVerifier: 'the-verifier',
};

async function exchangeWith(status: number, body: unknown) {
  seen = [];
  answer = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
  return exchangeCode({ ...exchange, tokenUrl: `${base}/connect/token` });
}

describe('basicAuthorization (RFC 6749 §2.3.1)', () => {
  it('form-encodes the id and secret before base64, so a colon or space in them survives', () => {
    const header = basicAuthorization('client a', "s&c:r*t!'()");
    const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(header.startsWith('Basic ')).toBe(true);
    expect(decoded).toBe('client+a:s%26c%3Ar%2At%21%27%28%29');
  });
});

describe('exchangeCode (RFC 6749 §4.1.3, RFC 7636 §4.5)', () => {
  it('POSTs the code and the verifier in the body, the client in a Basic header, and keeps the refresh token and scope', async () => {
    const result = await exchangeWith(200, { refresh_token: 'rt-1', scope: 'users:read' });
    expect(result).toEqual({ refreshToken: 'rt-1', scope: 'users:read' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/connect/token' });
    expect(request?.headers).toMatchObject({
      authorization: basicAuthorization(exchange.clientId, exchange.clientSecret),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    });
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'http://127.0.0.1:8976/callback',
      code_verifier: 'the-verifier',
    });
  });

  it('a response without a scope gives none', async () => {
    expect(await exchangeWith(200, { refresh_token: 'rt-1', scope: 7 })).toStrictEqual({ refreshToken: 'rt-1' });
  });

  it.each([
    ['no refresh_token', { access_token: 'a' }],
    ['an empty refresh_token', { refresh_token: '' }],
    ['a refresh_token that is not a string', { refresh_token: 7 }],
  ])('a 200 with %s is refused: there is nothing to keep', async (_name, body) => {
    await expect(exchangeWith(200, body)).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
      message:
        'login: the token response has no refresh_token, so there is nothing to keep for CI (is the client allowed refresh tokens?)',
    });
  });

  it.each([
    [
      'invalid_client names the credentials to check',
      401,
      { error: 'invalid_client', error_description: 'wrong secret' },
      'login: the token endpoint answered 401 invalid_client: wrong secret; check PLEO_CLIENT_ID and PLEO_CLIENT_SECRET',
    ],
    [
      'invalid_grant says to log in again',
      400,
      { error: 'invalid_grant' },
      'login: the token endpoint answered 400 invalid_grant; run login again',
    ],
    [
      'a body that is not JSON',
      502,
      '<html>bad gateway</html>',
      'login: the token endpoint answered 502; run login again',
    ],
    [
      'an error that is not a string',
      400,
      { error: 1, error_description: 2, refresh_token: 'rt' },
      'login: the token endpoint answered 400; run login again',
    ],
  ])('a refusal is a UserError: %s', async (_name, status, body, message) => {
    await expect(exchangeWith(status, body)).rejects.toMatchObject({ code: 'LOGIN_FAILED', message });
  });

  it('a server that cannot be reached is named, with the network error', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    await expect(exchangeCode({ ...exchange, tokenUrl: `${url}/oauth/token` })).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
      message: `login: cannot reach the authorisation server at ${url}/oauth/token (ECONNREFUSED); check the network, a proxy, or the --env you chose`,
    });
  });
});

describe('assertReachable', () => {
  it('any HTTP answer means reachable; it asks GET at the authorization endpoint without following a redirect', async () => {
    seen = [];
    answer = { status: 404, body: '{}' };
    await expect(assertReachable(`${base}/connect/authorize`)).resolves.toBeUndefined();
    expect(seen.map((s) => [s.method, s.url])).toEqual([['GET', '/connect/authorize']]);
  });

  it('a redirect elsewhere is an answer: it is not followed', async () => {
    seen = [];
    answer = { status: 302, body: '', headers: { location: `http://127.0.0.1:${await closedPort()}/login` } };
    await expect(assertReachable(`${base}/oauth/authorize`)).resolves.toBeUndefined();
    expect(seen).toHaveLength(1);
  });

  it('a network error is reported now, naming the server', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    await expect(assertReachable(`${url}/oauth/authorize`)).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
      message: expect.stringContaining(
        `cannot reach the authorisation server at ${url}/oauth/authorize (ECONNREFUSED)`,
      ),
    });
  });

  it('unreachable falls back to the error message when the cause has no code', () => {
    const cause = new Error('boom');
    const error = unreachable('http://x', cause);
    expect(error.message).toContain('at http://x (boom)');
    expect(error.cause).toBe(cause);
  });
});
