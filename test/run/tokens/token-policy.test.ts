import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_REACHED_ATTEMPTS, requestToken, type TokenClient } from '../../../src/run/tokens/token-policy.js';
import { writeRefreshTokenFileSync } from '../../../src/run/tokens/refresh-token-store.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
}

const client = (tokenUrl: string, extra: Partial<TokenClient> = {}): TokenClient => ({
  tokenUrl,
  authorization: 'Basic Yzpz',
  retryDelayMs: 10,
  ...extra,
});

describe('the token-request policy (token-policy.ts)', () => {
  it('a connection that is refused is tried again, at most 3 times in all; nothing is sent', async () => {
    const closed = await serve(() => {});
    servers[0]!.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    const outcome = await requestToken(client(closed), { grant_type: 'refresh_token', refresh_token: 'r' });
    expect(outcome).toMatchObject({ kind: 'unreachable' });
    expect((outcome as { message: string }).message).toMatch(/ECONNREFUSED.*tried 3 times$/);
    expect(NEVER_REACHED_ATTEMPTS).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20);
  });

  it('--timeout-request is honoured: an answer that never comes is an unknown outcome after the timeout, sent once', async () => {
    let posts = 0;
    const url = await serve((req) => {
      req.resume();
      posts += 1;
    });
    const started = Date.now();
    const outcome = await requestToken(client(url, { timeoutMs: 300 }), {
      grant_type: 'refresh_token',
      refresh_token: 'r',
    });
    expect(outcome).toMatchObject({ kind: 'unknown', message: expect.stringContaining('no answer within 300 ms') });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(posts).toBe(1);
  });

  it('a 200 that rotated is recognised whatever else is wrong, and the token handed on before the outcome', async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ refresh_token: 'r2', token_type: 'mac' }));
    });
    const rotated: string[] = [];
    const outcome = await requestToken(client(url, { onRotated: (t) => rotated.push(t) }), {
      grant_type: 'refresh_token',
      refresh_token: 'r1',
    });
    expect(rotated).toEqual(['r2']);
    expect(outcome).toMatchObject({
      kind: 'unknown',
      refreshToken: 'r2',
      message: 'the token response has no access_token',
    });
  });

  it('a 4xx is a refusal; a 5xx an unknown outcome; neither is sent again', async () => {
    for (const [status, kind] of [
      [400, 'refused'],
      [503, 'unknown'],
    ] as const) {
      let posts = 0;
      const url = await serve((req, res) => {
        req.resume();
        posts += 1;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end('{"error":"invalid_grant"}');
      });
      expect(await requestToken(client(url), { grant_type: 'refresh_token', refresh_token: 'r' })).toMatchObject({
        kind,
      });
      expect(posts).toBe(1);
    }
  });

  it('never sends a token request without a body', async () => {
    await expect(requestToken(client('http://127.0.0.1:1/oauth/token'), {})).rejects.toThrow('without a body');
  });

  it("issue 18 item 10: the kill -9 window, from the answer's last byte to the token on disk, is measured", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pleo-window-'));
    const file = join(dir, 'refresh-token');
    const gaps: number[] = [];
    for (let i = 0; i < 10; i++) {
      let answeredAt = 0;
      const url = await serve((req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'a', token_type: 'Bearer', refresh_token: `r${i}` }), () => {
          answeredAt = performance.now();
        });
      });
      await requestToken(
        client(url, {
          onRotated: (token) => {
            writeRefreshTokenFileSync(file, token);
            gaps.push(performance.now() - answeredAt);
          },
        }),
        { grant_type: 'refresh_token', refresh_token: 'r' },
      );
      expect((await readFile(file, 'utf8')).trim()).toBe(`r${i}`);
    }
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    console.info(`kill -9 window (answer sent → token on disk, fsync included): median ${median.toFixed(1)} ms`);
    // The window is one parse and one fsync'd write; generous bound for a loaded CI machine.
    expect(median).toBeLessThan(250);
  });
});
