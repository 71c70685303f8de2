import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type LookupFunction,
  type Server as TcpServer,
} from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenRequests, type TokenClient } from '../../../src/run/tokens/token-policy.js';

// The token-request policy (token-policy.ts) on a set of token requests of the test's own: the stop
// (which cannot be undone, so never on the process's set), the host-name and connection failures
// through an injected `lookup`, the connect timeout, and TLS. Written against the survivors of
// `MUTATE_UNIT=1 npx stryker run --mutate src/run/tokens/token-policy.ts`.

const servers: Array<Server | TcpServer> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    if ('closeAllConnections' in s) s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const listen = async <S extends Server | TcpServer>(server: S): Promise<number> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** A server that answers every POST with `answer` after `delayMs`, and counts the POSTs. */
async function tokenServer(answer: object, delayMs = 0): Promise<{ url: string; posts: () => number }> {
  let posts = 0;
  const port = await listen(
    createHttpServer((req, res) => {
      posts += 1;
      req.resume();
      req.on('end', () =>
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
          delayMs,
        ),
      );
    }),
  );
  return { url: `http://127.0.0.1:${port}/oauth/token`, posts: () => posts };
}

const client = (tokenUrl: string, extra: Partial<TokenClient> = {}): TokenClient => ({
  tokenUrl,
  authorization: 'Basic Yzpz',
  retryDelayMs: 5,
  ...extra,
});
const params = { grant_type: 'refresh_token', refresh_token: 'rt-old' };
const good = { access_token: 'at-1', token_type: 'Bearer', expires_in: 60, refresh_token: 'rt-new' };
const errno = (code: string, message = `lookup failed ${code}`) => Object.assign(new Error(message), { code });

/** A lookup that fails every time with `code`, and records when it was asked. */
function failingLookup(code: string, onCall?: () => void): { lookup: LookupFunction; calls: number[] } {
  const calls: number[] = [];
  const lookup = ((_host: string, _options: unknown, callback: (error: Error) => void) => {
    calls.push(performance.now());
    onCall?.();
    process.nextTick(() => callback(errno(code)));
  }) as unknown as LookupFunction;
  return { lookup, calls };
}

describe('a stop (SIGINT/SIGTERM) ends the token requests of its set', () => {
  it('after a stop no token request starts: nothing is sent, the outcome says the run was interrupted', async () => {
    const { url, posts } = await tokenServer(good);
    const requests = createTokenRequests();
    await requests.stopTokenRequests(1000);
    expect(await requests.requestToken(client(url), params)).toEqual({
      kind: 'unreachable',
      message: 'the run was interrupted before this token request',
    });
    expect(posts()).toBe(0);
  });

  it('a stop waits for the token request in flight, and its rotation is handed on before the stop settles', async () => {
    const { url, posts } = await tokenServer(good, 150);
    const requests = createTokenRequests();
    const events: string[] = [];
    expect(requests.tokenRequestInFlight()).toBe(false);
    const outcome = requests.requestToken(client(url, { onRotated: (t) => events.push(`rotated ${t}`) }), params);
    expect(requests.tokenRequestInFlight()).toBe(true);
    await requests.stopTokenRequests(10_000).then(() => events.push('stopped'));
    expect(events).toEqual(['rotated rt-new', 'stopped']);
    expect(await outcome).toMatchObject({ kind: 'token', accessToken: 'at-1', refreshToken: 'rt-new' });
    expect(requests.tokenRequestInFlight()).toBe(false);
    expect(posts()).toBe(1);
  });

  it('a token request that ended is no longer in flight, whatever its outcome', async () => {
    const { lookup } = failingLookup('ECONNREFUSED');
    const requests = createTokenRequests({ lookup });
    await requests.requestToken(client('http://token.test/oauth/token'), params);
    expect(requests.tokenRequestInFlight()).toBe(false);
  });

  it('a stop does not wait longer than its cap for a token request that gets no answer', async () => {
    let posts = 0;
    const port = await listen(
      createHttpServer((req) => {
        posts += 1;
        req.resume();
      }),
    );
    const requests = createTokenRequests();
    void requests.requestToken(client(`http://127.0.0.1:${port}/oauth/token`, { timeoutMs: 20_000 }), params);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await requests.stopTokenRequests(100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(requests.tokenRequestInFlight()).toBe(true);
    expect(posts).toBe(1);
  });

  it('a stop between the attempts at an endpoint never reached: no further attempt, and no wait for it', async () => {
    const calls: number[] = [];
    const counted = createTokenRequests({
      lookup: ((_host: string, _options: unknown, callback: (error: Error) => void) => {
        calls.push(performance.now());
        void counted.stopTokenRequests(0);
        process.nextTick(() => callback(errno('ECONNREFUSED')));
      }) as unknown as LookupFunction,
    });
    const started = performance.now();
    const outcome = await counted.requestToken(
      client('http://token.test/oauth/token', { retryDelayMs: 5_000 }),
      params,
    );
    expect(calls).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(outcome).toEqual({
      kind: 'unreachable',
      message: 'token endpoint unreachable: connection refused at token.test (ECONNREFUSED), tried 3 times',
    });
    expect(counted.tokenRequestInFlight()).toBe(false);
  });

  it('the stop of one set leaves another set going', async () => {
    const { url, posts } = await tokenServer(good);
    await createTokenRequests().stopTokenRequests(0);
    expect(await createTokenRequests().requestToken(client(url), params)).toMatchObject({ kind: 'token' });
    expect(posts()).toBe(1);
  });
});

describe('a token request that never reached the server is tried again, 3 times in all', () => {
  it.each([
    ['ENOTFOUND', 'host not found: token.test:8443 (ENOTFOUND)'],
    ['EAI_AGAIN', 'host not found: token.test:8443 (EAI_AGAIN)'],
    ['EHOSTUNREACH', 'lookup failed EHOSTUNREACH'],
    ['ENETUNREACH', 'lookup failed ENETUNREACH'],
    ['ECONNREFUSED', 'connection refused at token.test:8443 (ECONNREFUSED)'],
  ])('%s: never reached, so tried 3 times', async (code, phrase) => {
    const { lookup, calls } = failingLookup(code);
    const outcome = await createTokenRequests({ lookup }).requestToken(
      client('http://token.test:8443/oauth/token'),
      params,
    );
    expect(outcome).toEqual({ kind: 'unreachable', message: `token endpoint unreachable: ${phrase}, tried 3 times` });
    expect(calls).toHaveLength(3);
  });

  it('an error of another kind before the connection is an unknown outcome, never resent', async () => {
    const { lookup, calls } = failingLookup('ECONNABORTED');
    const outcome = await createTokenRequests({ lookup }).requestToken(client('http://token.test/oauth/token'), params);
    expect(outcome).toEqual({
      kind: 'unknown',
      message: 'token endpoint gave no usable answer: lookup failed ECONNABORTED',
    });
    expect(calls).toHaveLength(1);
  });

  it('no connection within the timeout: never reached, so tried 3 times', async () => {
    let calls = 0;
    const lookup = (() => {
      calls += 1; // never answers: the connection never opens
    }) as unknown as LookupFunction;
    const outcome = await createTokenRequests({ lookup }).requestToken(
      client('http://token.test/oauth/token', { timeoutMs: 50 }),
      params,
    );
    expect(outcome).toEqual({
      kind: 'unreachable',
      message: 'token endpoint unreachable: no connection within 50 ms to token.test (timeout), tried 3 times',
    });
    expect(calls).toBe(3);
  });

  it('the first attempt does not wait; the next ones wait retryDelayMs, then twice that', async () => {
    const { lookup, calls } = failingLookup('ENOTFOUND');
    const started = performance.now();
    await createTokenRequests({ lookup }).requestToken(
      client('http://token.test/oauth/token', { retryDelayMs: 60 }),
      params,
    );
    expect(calls).toHaveLength(3);
    const [first, second, third] = calls as [number, number, number];
    expect(first - started).toBeLessThan(40);
    expect(second - first).toBeGreaterThanOrEqual(55);
    expect(second - first).toBeLessThan(200);
    expect(third - second).toBeGreaterThanOrEqual(115);
    expect(third - second).toBeLessThan(400);
  });

  it('without retryDelayMs the waits are 200 ms, then 400 ms', async () => {
    const { lookup, calls } = failingLookup('ENOTFOUND');
    const { retryDelayMs: _, ...noDelay } = client('http://token.test/oauth/token');
    await createTokenRequests({ lookup }).requestToken(noDelay, params);
    const [first, second, third] = calls as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(195);
    expect(third - second).toBeGreaterThanOrEqual(395);
  });
});

describe('https: a TLS handshake that failed never reached the server', () => {
  it('a server that drops the connection before the handshake is done: tried 3 times, nothing sent', async () => {
    let connections = 0;
    const port = await listen(
      createTcpServer((socket) => {
        connections += 1;
        socket.destroy();
      }),
    );
    const outcome = await createTokenRequests().requestToken(client(`https://127.0.0.1:${port}/oauth/token`), params);
    expect(outcome).toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/tried 3 times$/) });
    expect(connections).toBe(3);
  });

  it('a server that is not TLS (it answers in plain HTTP): tried 3 times, the form never sent in the clear', async () => {
    const seen: string[] = [];
    const port = await listen(
      createTcpServer((socket) => {
        socket.on('data', (chunk: Buffer) => {
          seen.push(chunk.toString('latin1'));
          socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        });
      }),
    );
    const outcome = await createTokenRequests().requestToken(client(`https://127.0.0.1:${port}/oauth/token`), params);
    expect(outcome).toMatchObject({ kind: 'unreachable' });
    expect(seen).toHaveLength(3);
    expect(seen.join('')).not.toContain('rt-old');
  });
});

/** A self-signed certificate for 127.0.0.1, kept for these tests (test/fixtures/tls/README.md). */
const tls = {
  key: readFileSync(new URL('../../fixtures/tls/key.pem', import.meta.url), 'utf8'),
  cert: readFileSync(new URL('../../fixtures/tls/cert.pem', import.meta.url), 'utf8'),
};

describe('https: once the TLS handshake is done, the request may have reached the server', () => {
  // The certificate is trusted for these tests only: Node reads the variable at each TLS connection.
  const trusting = async <T>(run: () => Promise<T>): Promise<T> => {
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      return await run();
    } finally {
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  };

  it('a 200 over TLS is a token', async () => {
    const port = await listen(
      createHttpsServer(tls, (req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(good)));
      }),
    );
    const outcome = await trusting(() =>
      createTokenRequests().requestToken(client(`https://127.0.0.1:${port}/oauth/token`), params),
    );
    expect(outcome).toMatchObject({ kind: 'token', accessToken: 'at-1', refreshToken: 'rt-new' });
  });

  it('a reset after the request was sent over TLS is an unknown outcome, never resent', async () => {
    let posts = 0;
    const port = await listen(
      createHttpsServer(tls, (req) => {
        posts += 1;
        req.resume();
        req.on('end', () => req.socket.destroy());
      }),
    );
    const outcome = await trusting(() =>
      createTokenRequests().requestToken(client(`https://127.0.0.1:${port}/oauth/token`), params),
    );
    expect(outcome).toMatchObject({
      kind: 'unknown',
      message: expect.stringContaining('token endpoint gave no usable answer'),
    });
    expect(posts).toBe(1);
  });
});
