import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TOKEN_PATH } from '../../../src/description/index.js';

export interface GateEvents {
  /** Called before a request is forwarded; the request waits until the returned promise settles ('drop': never forwarded). */
  beforeForward?: (info: { method: string; path: string; form?: URLSearchParams }) => unknown;
  /** Called once a token response carrying a refresh token has been written back to the client. */
  afterRefreshTokenIssued?: (refreshToken: string, grant: string) => void;
  /** Called just before a token response with a refresh token is forwarded to the client. */
  beforeRefreshTokenForwarded?: () => void;
}

/**
 * A loopback proxy in front of the mock that can hold requests back and tells the test when it has
 * answered a token request with a new refresh token: the tests' handle on "right after the refresh".
 * The token endpoint is at `tokenPath` (Pleo's `/oauth/token` by default).
 */
export async function startGateProxy(target: string, events: GateEvents = {}, tokenPath = DEFAULT_TOKEN_PATH) {
  const upstream = new URL(target);
  const refreshTokensSent: string[] = [];
  const issued: string[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      requests++;
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const pathname = path.split('?')[0] ?? '';
      const form = pathname === tokenPath ? new URLSearchParams(body.toString('utf8')) : undefined;
      if (form?.get('grant_type') === 'refresh_token') refreshTokensSent.push(form.get('refresh_token') ?? '');
      const verdict = await events.beforeForward?.({
        method: req.method ?? 'GET',
        path: pathname,
        ...(form ? { form } : {}),
      });
      if (verdict === 'drop') return void req.socket.destroy();
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            let refreshToken: string | undefined;
            if (form) {
              try {
                const json = JSON.parse(text) as { refresh_token?: unknown };
                if (typeof json.refresh_token === 'string') refreshToken = json.refresh_token;
              } catch {
                // an error page
              }
            }
            if (refreshToken !== undefined) events.beforeRefreshTokenForwarded?.();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts), () => {
              if (refreshToken === undefined) return;
              issued.push(refreshToken);
              events.afterRefreshTokenIssued?.(refreshToken, form?.get('grant_type') ?? '');
            });
          });
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refreshTokensSent,
    issued,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
