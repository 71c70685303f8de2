import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_TOKEN_PATH } from '../../../src/description/index.js';

/** What the stand-in token endpoint does with a token request. */
export type TokenFault =
  | 'answers' // forwarded to the real (mock) token endpoint
  | 'resets' // reads the request, then resets the connection
  | 'closes' // reads the request, then closes without answering
  | 'stalls' // reads the request and never answers
  | 'non-json-200'
  | '500'
  | '400'
  | 'no-refresh-token-200' // forwarded, refresh_token removed from the answer (RFC 6749 §6: the old one stays valid)
  | 'resets-first'; // resets the first request, forwards the ones after

export interface TokenPost {
  body: string;
  /** The refresh_token parameter, '' when none. */
  refreshToken: string;
}

export interface TokenStandin {
  url: string;
  posts: TokenPost[];
  /** Refresh tokens the upstream issued through the stand-in, in order. */
  issued: string[];
  /** Token POSTs per refresh token value. */
  perRefreshToken(): Map<string, number>;
  /** Token POSTs that carried no body at all. */
  emptyBodies(): number;
  close(): Promise<void>;
}

function forward(
  target: string,
  req: IncomingMessage,
  body: string,
  res: ServerResponse,
  edit: (json: Record<string, unknown>) => void,
) {
  const upstream = httpRequest(
    `${target}${req.url ?? '/'}`,
    {
      method: req.method,
      headers: { ...req.headers, host: new URL(target).host, 'content-length': Buffer.byteLength(body) },
    },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        let text = Buffer.concat(chunks).toString('utf8');
        if (answer.statusCode === 200 && /json/.test(String(answer.headers['content-type']))) {
          const json = JSON.parse(text) as Record<string, unknown>;
          edit(json);
          text = JSON.stringify(json);
        }
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': String(answer.headers['content-type'] ?? 'application/json'),
        });
        res.end(text);
      });
    },
  );
  upstream.end(body);
}

/**
 * A stand-in for Pleo's authorisation server on 127.0.0.1 that misbehaves the way proxies and deploys
 * do on `POST` at the token endpoint (the fault), records every token POST, and forwards everything else
 * (and the token requests it answers) to `upstream`, the local mock. The token endpoint is at
 * `options.tokenPath` (Pleo's `/oauth/token` by default); a POST to any other path is forwarded.
 */
export async function startTokenStandin(
  fault: TokenFault,
  upstream: string,
  options: {
    beforeAnswer?: (nth: number) => Promise<void> | void;
    /** Before a request that is not a token POST is forwarded. */
    beforeForward?: (path: string) => Promise<void> | void;
    /** The token endpoint's path (default `/oauth/token`). */
    tokenPath?: string;
  } = {},
): Promise<TokenStandin> {
  const posts: TokenPost[] = [];
  const issued: string[] = [];
  const record = (json: Record<string, unknown>) => {
    if (typeof json.refresh_token === 'string') issued.push(json.refresh_token);
  };
  const sockets = new Set<Socket>();
  const tokenPath = options.tokenPath ?? DEFAULT_TOKEN_PATH;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== tokenPath) {
        await options.beforeForward?.(req.url ?? '/');
        return forward(upstream, req, body, res, () => {});
      }
      posts.push({ body, refreshToken: new URLSearchParams(body).get('refresh_token') ?? '' });
      const nth = posts.length;
      await options.beforeAnswer?.(nth);
      switch (fault) {
        case 'answers':
          return forward(upstream, req, body, res, record);
        case 'resets':
          return req.socket.resetAndDestroy();
        case 'resets-first':
          return nth === 1 ? req.socket.resetAndDestroy() : forward(upstream, req, body, res, record);
        case 'closes':
          return req.socket.destroy();
        case 'stalls':
          return; // never answered; the socket is closed with the server
        case 'non-json-200':
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<html>502 Bad Gateway</html>');
        case '500':
          res.writeHead(500, { 'content-type': 'application/json' });
          return res.end('{"error":"server_error"}');
        case '400':
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end('{"error":"invalid_grant","error_description":"refresh token revoked"}');
        case 'no-refresh-token-200':
          return forward(upstream, req, body, res, (json) => {
            delete json.refresh_token;
          });
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    issued,
    perRefreshToken: () => {
      const counts = new Map<string, number>();
      for (const p of posts) if (p.refreshToken) counts.set(p.refreshToken, (counts.get(p.refreshToken) ?? 0) + 1);
      return counts;
    },
    emptyBodies: () => posts.filter((p) => p.body === '').length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
