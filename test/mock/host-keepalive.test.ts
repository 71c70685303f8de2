import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../src/description/index.js';
import { KEEP_ALIVE_TIMEOUT_MS, startMock, type RunningMock } from '../../src/mock/index.js';
import { hostAllowed, hostOfHeader } from '../../src/mock/host-header.js';
import { loadMinimal } from '../helpers/specs.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadMinimal();
  mock = await startMock({ spec, port: 0 });
});
afterAll(() => mock.close());

const METADATA = '/.well-known/oauth-authorization-server';

/** A raw HTTP/1.1 exchange on one connection: each request's status line, and whether the server closed it. */
function rawExchange(port: number, requests: Array<{ host?: string; waitBeforeMs?: number }>) {
  return new Promise<{ statuses: string[]; closedByServer: boolean }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const statuses: string[] = [];
    let buffer = '';
    let closedByServer = false;
    let next = 0;
    const sendNext = () => {
      const r = requests[next++];
      if (!r) {
        socket.end();
        return;
      }
      setTimeout(() => {
        if (socket.destroyed || closedByServer) return resolve({ statuses, closedByServer });
        socket.write(
          `GET ${METADATA} HTTP/1.1\r\n${r.host === undefined ? '' : `Host: ${r.host}\r\n`}Connection: keep-alive\r\n\r\n`,
        );
      }, r.waitBeforeMs ?? 0);
    };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      // one whole answer: status line, headers, and Content-Length bytes of body
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        statuses.push(buffer.slice(0, buffer.indexOf('\r\n')));
        buffer = buffer.slice(end + 4 + length);
        sendNext();
      }
    });
    socket.on('end', () => {
      if (next <= requests.length && statuses.length < requests.length) closedByServer = true;
    });
    socket.on('close', () => resolve({ statuses, closedByServer }));
    socket.on('error', reject);
    socket.on('connect', sendNext);
  });
}

const port = () => Number(new URL(mock.url).port);

// Issue 18 item 11: the auto-approving mock is not reachable through DNS rebinding.
describe('the mock answers loopback Host headers only', () => {
  it.each([
    ['127.0.0.1:PORT', '200'],
    ['localhost:PORT', '200'],
    ['LOCALHOST', '200'],
    ['[::1]:PORT', '200'],
    ['127.5.6.7', '200'],
    ['attacker.example:PORT', '421'],
    ['127.0.0.1.attacker.example', '421'],
    ['localhost.attacker.example', '421'],
  ])('Host: %s → %s', async (host, status) => {
    const { statuses } = await rawExchange(port(), [{ host: host.replace('PORT', String(port())) }]);
    expect(statuses[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  });

  it('with --host H --allow-remote, H is accepted too; a wildcard interface answers any Host', () => {
    expect(hostAllowed('10.0.0.5:4010', '10.0.0.5')).toBe(true);
    expect(hostAllowed('other.example', '10.0.0.5')).toBe(false);
    expect(hostAllowed('mock.internal:4010', '0.0.0.0')).toBe(true);
    expect(hostAllowed(undefined, '127.0.0.1')).toBe(false);
    expect(hostOfHeader('[::1]:4010')).toBe('::1');
  });
});

// Issue 18 item 12: the mock never closes an idle keep-alive connection before its client does. Node's
// default server keepAliveTimeout (5 s) is the idle time after which a client may still reuse a pooled
// socket, so under load a reused socket met a server that had just closed it: `read ECONNRESET`.
describe('keep-alive', () => {
  it("an idle keep-alive connection is still open, and answers, after 6.5 s (Node's default closes it after 5 s, 6 s with its grace)", async () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    const { statuses, closedByServer } = await rawExchange(port(), [
      { host: '127.0.0.1' },
      { host: '127.0.0.1', waitBeforeMs: 6_500 },
    ]);
    expect(closedByServer).toBe(false);
    expect(statuses).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
  }, 20_000);
});
