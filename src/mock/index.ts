import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, UserError } from '../errors.js';
import { createContext, type MockContext } from './context.js';
import { BODY_LIMIT_BYTES, jsonResponse, readBody, splitTarget, type MockResponse } from './http.js';
import { hostAllowed } from './host-header.js';
import { assertLatency, waitLatency } from './latency.js';
import { badTarget, dispatch, payloadTooLarge } from './router.js';
import type { MockOptions, RunningMock } from './types.js';

export { TEST_CLIENT, PUBLIC_TEST_CLIENT, REGISTERED_REDIRECT_URIS, LOOPBACK_CALLBACK_URI } from './clients.js';
export { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, AUTHORIZATION_CODE_TTL_SECONDS } from './context.js';
export { BODY_LIMIT_BYTES } from './http.js';
export { parseLatency, type Latency } from './latency.js';
export type { MockOptions, RunningMock, TamperContext, TamperResult } from './types.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) equals the idle time after
 * which Node's own HTTP agent gives a pooled socket up, so a client may reuse a socket in the instant
 * the server closes it: `read ECONNRESET` on a busy machine. Well above any client's idle time, the
 * client always closes first. headersTimeout must be longer still (Node's rule).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function assertOptions(options: MockOptions): void {
  const invalid = (message: string): UserError => new UserError(message, ERROR_CODES.OPTION_INVALID);
  if (typeof options !== 'object' || options === null || typeof options.spec !== 'object' || options.spec === null) {
    throw invalid('"options.spec" must be a loaded API description');
  }
  const { host, port, accessTokenTtlSeconds } = options;
  if (host !== undefined && (typeof host !== 'string' || host === ''))
    throw invalid('"options.host" must be a non-empty string');
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw invalid('"options.port" must be an integer from 0 to 65535');
  if (accessTokenTtlSeconds !== undefined && (!Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds < 1)) {
    throw invalid('"options.accessTokenTtlSeconds" must be a positive integer');
  }
  assertLatency(options.latency);
}

const urlOf = (host: string, port: number): string => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

function send(res: ServerResponse, response: MockResponse): void {
  const length = response.body === undefined ? 0 : Buffer.byteLength(response.body);
  res.writeHead(response.status, {
    ...response.headers,
    ...(response.status === 204 ? {} : { 'Content-Length': String(length) }),
  });
  res.end(response.body);
}

async function handle(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  log?: (line: string) => void,
  latency?: MockOptions['latency'],
): Promise<void> {
  const started = Date.now();
  const method = req.method ?? 'GET';
  const target = splitTarget(req.url);
  const pathname = target?.pathname ?? '?';
  const read = await readBody(req, BODY_LIMIT_BYTES);
  if (read.kind === 'aborted') return;
  let response: MockResponse;
  try {
    if (!target) response = badTarget();
    else if (read.kind === 'too-large') response = payloadTooLarge(ctx.spec, target.pathname, BODY_LIMIT_BYTES);
    else
      response = await dispatch(ctx, {
        method,
        pathname: target.pathname,
        search: target.search,
        headers: req.headers,
        body: read.body,
      });
  } catch (error) {
    // A bug of the mock, never the client's doing: answered, logged without secrets, and survived.
    log?.(`${method} ${pathname.slice(0, 200)} failed: ${error instanceof Error ? error.message : String(error)}`);
    response = jsonResponse(500, { type: 'INTERNAL_ERROR', message: 'unexpected error in the pleo-postman mock' });
  }
  await waitLatency(latency);
  if (!res.headersSent && !res.destroyed) send(res, response);
  log?.(`${method} ${pathname.slice(0, 200)} ${response.status} ${Date.now() - started}ms`);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new UserError(
            `port ${port} on ${host} is already in use: stop whatever listens there, or choose another port (0 picks a free one)`,
            ERROR_CODES.MOCK_PORT_IN_USE,
            { cause: error },
          ),
        );
      } else {
        reject(
          new UserError(
            `cannot listen on ${host}:${port} (${error.code ?? 'unknown error'})`,
            ERROR_CODES.OPTION_INVALID,
            { cause: error },
          ),
        );
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the local Pleo: one HTTP server that is both the authorisation server (the description's
 * endpoints, by default `/oauth/…`,
 * `/.well-known/oauth-authorization-server`, `/callback`) and the API (the description's paths).
 * State (codes, tokens, records) is in memory and starts afresh on every call. Prints nothing.
 */
export async function startMock(options: MockOptions): Promise<RunningMock> {
  assertOptions(options);
  const host = options.host ?? DEFAULT_HOST;
  let ctx: MockContext | undefined;
  const server = createServer((req, res) => {
    if (!ctx) {
      res.writeHead(503).end();
      return;
    }
    if (!hostAllowed(req.headers.host, host)) {
      req.resume();
      send(
        res,
        jsonResponse(421, {
          type: 'MISDIRECTED_REQUEST',
          message:
            'the pleo-postman mock answers only requests addressed to a loopback host (Host: 127.0.0.1, localhost, [::1])',
        }),
      );
      return;
    }
    // Last resort (e.g. a header the description names that Node refuses): never an unhandled rejection.
    handle(ctx, req, res, options.log, options.latency).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  const port = await listen(server, host, options.port ?? DEFAULT_PORT);
  const url = urlOf(host, port);
  try {
    ctx = createContext(options, url);
  } catch (error) {
    server.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
