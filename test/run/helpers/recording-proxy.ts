import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../../../src/description/index.js';

/** What passed through the proxy on the authorisation server's side. */
export interface Recorded {
  /** Every access and refresh token the authorisation server issued, and every authorization code. */
  issued: string[];
  /** `grant_type` of each token request, in order. */
  grants: string[];
  /** The path of each token request (the token endpoint's, or a refresh endpoint's of its own), in order. */
  tokenPaths: string[];
  /** The refresh token of each refresh_token grant, in order. */
  refreshTokensSent: string[];
  /** Method and path of every API request (not the authorization, token or introspection endpoint, not /callback). */
  apiCalls: string[];
}

/** A Basic header with the sentinel client secret, rewritten to carry the real one. */
function translateBasic(
  header: string | undefined,
  secret: { sentinel: string; real: string } | undefined,
): string | undefined {
  if (!header || !secret || !/^basic /i.test(header)) return header;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const [id = '', given = ''] = decoded.split(':');
  return given === secret.sentinel ? `Basic ${Buffer.from(`${id}:${secret.real}`).toString('base64')}` : header;
}

function forwardHeaders(
  headers: IncomingHttpHeaders,
  host: string,
  secret: { sentinel: string; real: string } | undefined,
): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers, host };
  const authorization = translateBasic(headers.authorization, secret);
  if (authorization !== undefined) out.authorization = authorization;
  return out;
}

/**
 * A loopback HTTP proxy in front of the mock that records what the authorisation server issued, so
 * a test can grep outputs for every token of the run without trusting the harness's own list.
 * With `clientSecret`, a Basic header carrying the sentinel secret reaches the mock with the real one,
 * so a run can use a client secret that appears nowhere else. The endpoints are at `tokenPath`,
 * `authorizePath` and `refreshPath` (Pleo's `/oauth/token` and `/oauth/authorize` by default, refreshes
 * at the token path: pass a description's `auth`).
 */
export async function startRecordingProxy(
  target: string,
  options: {
    clientSecret?: { sentinel: string; real: string };
    tokenPath?: string;
    authorizePath?: string;
    refreshPath?: string;
  } = {},
): Promise<{ url: string; recorded: Recorded; close: () => Promise<void> }> {
  const recorded: Recorded = { issued: [], grants: [], tokenPaths: [], refreshTokensSent: [], apiCalls: [] };
  const { tokenPath = DEFAULT_TOKEN_PATH, authorizePath = DEFAULT_AUTHORIZE_PATH } = options;
  const refreshPath = options.refreshPath ?? tokenPath;
  const atTokenEndpoint = (pathname: string) => pathname === tokenPath || pathname === refreshPath;
  const atAuthServer = (pathname: string) =>
    pathname === tokenPath ||
    pathname.startsWith(`${tokenPath}/`) ||
    pathname === authorizePath ||
    pathname === refreshPath ||
    pathname === '/callback';
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const pathname = path.split('?')[0] ?? '';
      if (atTokenEndpoint(pathname)) {
        const form = new URLSearchParams(body.toString('utf8'));
        recorded.grants.push(form.get('grant_type') ?? '');
        recorded.tokenPaths.push(pathname);
        if (form.get('grant_type') === 'refresh_token')
          recorded.refreshTokensSent.push(form.get('refresh_token') ?? '');
      } else if (!atAuthServer(pathname)) {
        recorded.apiCalls.push(`${req.method} ${pathname}`);
      }
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path,
          headers: forwardHeaders(req.headers, upstream.host, options.clientSecret),
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            if (atTokenEndpoint(pathname) || pathname === '/callback') {
              try {
                const json = JSON.parse(text) as Record<string, unknown>;
                for (const key of ['access_token', 'refresh_token', 'code'])
                  if (typeof json[key] === 'string') recorded.issued.push(json[key] as string);
              } catch {
                // not JSON: nothing issued
              }
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
