// @ts-nocheck
import { connect, createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError } from '../../src/errors.js';
import { startMock, TEST_CLIENT, type MockOptions } from '../../src/mock/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { api, issueTokens, refresh } from './helpers.js';

let spec: ApiDescription;
beforeAll(async () => {
  spec = await loadMinimal();
});

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('startMock', () => {
  it('listens on 127.0.0.1 at a free port with port 0, and answers at its url', async () => {
    const mock = await startMock({ spec, port: 0 });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${mock.url}/.well-known/oauth-authorization-server`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it('a port in use → UserError MOCK_PORT_IN_USE naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await rejection(startMock({ spec, port }));
      expect(error.code).toBe(ERROR_CODES.MOCK_PORT_IN_USE);
      expect(error.message).toBe(
        `port ${port} on 127.0.0.1 is already in use: stop whatever listens there, or choose another port (0 picks a free one)`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('close() frees the port (kept-alive and half-sent connections included) and may be called twice', async () => {
    const first = await startMock({ spec, port: 0 });
    const port = Number(new URL(first.url).port);
    const before = await fetch(`${first.url}/callback`); // fetch keeps the connection alive
    expect(before.headers.get('connection')).not.toBe('close');
    await before.text();
    // A client that is half-way through its request holds server.close() until Node's request timeout.
    const halfSent = connect(port, '127.0.0.1');
    await new Promise((resolve) => halfSent.once('connect', resolve));
    halfSent.write('GET /callback HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const dropped = new Promise((resolve) => halfSent.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await Promise.all([first.close(), first.close()]);
    expect(Date.now() - started).toBeLessThan(2000);
    await dropped;
    await expect(fetch(`${first.url}/callback`)).rejects.toThrow();
    // The port is free: a plain server binds it, then a new mock on it answers.
    const plain = createServer();
    await new Promise<void>((resolve, reject) => plain.once('error', reject).listen(port, '127.0.0.1', resolve));
    expect((plain.address() as { port: number }).port).toBe(port);
    await new Promise((resolve) => plain.close(resolve));
    const second = await startMock({ spec, port });
    try {
      expect(second.url).toBe(first.url);
      expect((await fetch(`${second.url}/callback?code=c&state=s`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it.each<[string, Partial<MockOptions>, string]>([
    ['a negative port', { port: -1 }, '"options.port" must be an integer from 0 to 65535'],
    ['a port past 65535', { port: 65536 }, '"options.port" must be an integer from 0 to 65535'],
    ['a fractional port', { port: 1.5 }, '"options.port" must be an integer from 0 to 65535'],
    [
      'a zero token lifetime',
      { accessTokenTtlSeconds: 0 },
      '"options.accessTokenTtlSeconds" must be a positive integer',
    ],
    ['an empty host', { host: '' }, '"options.host" must be a non-empty string'],
  ])('%s → OPTION_INVALID', async (_name, options, message) => {
    const error = await rejection(startMock({ spec, port: 0, ...options }));
    expect(error.code).toBe(ERROR_CODES.OPTION_INVALID);
    expect(error.message).toBe(message);
  });

  it('no spec → OPTION_INVALID', async () => {
    const error = await rejection(startMock({} as MockOptions));
    expect(error.message).toBe('"options.spec" must be a loaded API description');
  });
});

describe('log', () => {
  it('gets one line per request, with no secret, token, code or query string', async () => {
    const lines: string[] = [];
    const mock = await startMock({ spec, port: 0, log: (line) => lines.push(line) });
    try {
      const tokens = await issueTokens(mock);
      await api(mock, 'GET', '/v1/vendors/0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11', { token: tokens.access_token });
      await refresh(mock, tokens.refresh_token);
      expect(lines.some((l) => /^GET \/v1\/vendors\/0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11 200 \d+ms$/.test(l))).toBe(
        true,
      );
      expect(lines.some((l) => /^POST \/oauth\/token 200 \d+ms$/.test(l))).toBe(true);
      const all = lines.join('\n');
      for (const secret of [
        TEST_CLIENT.secret,
        tokens.access_token,
        tokens.refresh_token,
        'code=',
        'state-123',
        'Basic ',
        'Bearer ',
      ]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await mock.close();
    }
  });

  it('startMock itself prints nothing', async () => {
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    const originalErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => writes.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => writes.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const mock = await startMock({ spec, port: 0 });
      await issueTokens(mock);
      await mock.close();
    } finally {
      process.stdout.write = original;
      process.stderr.write = originalErr;
    }
    expect(writes).toEqual([]);
  });
});
