import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/**
 * The one token-request policy of the harness (README, "One policy for every token request"). Pleo
 * rotates the refresh token on every refresh and revokes the whole grant when a spent one is sent
 * again, so a token request is resent only when it provably never reached the server:
 * - never reached (connection refused, host not found, TLS handshake failed, no connection within the
 *   timeout): tried again, at most NEVER_REACHED_ATTEMPTS times in all;
 * - unknown outcome (reset or closed after the request was sent, no answer within the timeout, 5xx, a
 *   200 that is not a usable token response): never resent; the refresh token may be spent or not;
 * - refused (4xx): never resent;
 * - a 200 that carries a `refresh_token` rotated, whatever else is wrong with it: that token is handed
 *   to `onRotated` before anything else of the answer is looked at.
 * Every request carries its form body; each opens a connection of its own (no pooled socket the
 * server may have closed meanwhile).
 */
export const NEVER_REACHED_ATTEMPTS = 3;

export type TokenOutcome =
  | { kind: 'token'; accessToken: string; expiresAt: string; refreshToken?: string }
  | { kind: 'refused'; message: string; refreshToken?: string }
  | { kind: 'unknown'; message: string; refreshToken?: string }
  | { kind: 'unreachable'; message: string };

export interface TokenClient {
  /** The token endpoint: `{authServerUrl}` and the description's token path (default /oauth/token). */
  tokenUrl: string;
  /** The `Authorization: Basic …` header of the client. */
  authorization: string;
  /** Per attempt: connecting plus waiting for the whole answer (`--timeout-request`); default 30 s. */
  timeoutMs?: number;
  /**
   * Called synchronously with a rotated refresh token, the moment the answer is complete and before
   * anything else is done with it: the place to write it to disk. If it throws, the error propagates.
   */
  onRotated?: (refreshToken: string) => void;
  /** Waits between attempts that never reached the server; default 200 ms, 400 ms. For tests. */
  retryDelayMs?: number;
}

const NEVER_REACHED_CODES = new Set<string | undefined>([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

type Raw =
  | { sent: false; message: string }
  | { sent: true; failure: string }
  | { sent: true; status: number; body: string };

/** A network error as one phrase: what failed, where, and Node's code. */
export function describeNetworkError(error: NodeJS.ErrnoException, where: string): string {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return `connection refused at ${where} (ECONNREFUSED)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found: ${where} (${code})`;
  if (code === 'ECONNRESET') return `connection reset by ${where} (ECONNRESET)`;
  return `${error.message}${code && !error.message.includes(code) ? ` (${code})` : ''}`;
}

/** One POST on a fresh connection. `sent` tells whether the request may have reached the server. */
function postOnce(client: TokenClient, body: string, lookup: LookupFunction | undefined): Promise<Raw> {
  const url = new URL(client.tokenUrl);
  const where = url.host;
  const timeoutMs = client.timeoutMs ?? 30_000;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let connected = false;
    // The first call decides: a promise resolves once, and the timer is cleared once it is done.
    const settle = (raw: Raw) => {
      clearTimeout(timer);
      resolve(raw);
    };
    const req = send(url, {
      method: 'POST',
      agent: false,
      lookup,
      headers: {
        Authorization: client.authorization,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        Connection: 'close',
      },
    });
    const timer = setTimeout(() => {
      settle(
        connected
          ? { sent: true, failure: `no answer within ${timeoutMs} ms from ${where} (timeout)` }
          : { sent: false, message: `no connection within ${timeoutMs} ms to ${where} (timeout)` },
      );
      req.destroy();
    }, timeoutMs);
    req.on('socket', (socket) => {
      const event = url.protocol === 'https:' ? 'secureConnect' : 'connect';
      // Defensive: a fresh socket (`agent: false`) is still connecting when it is handed over, so this
      // never fires today; were it handed over connected, its 'connect' would never come and an error
      // after sending would pass for one before it (and be resent). Not reachable: no test can tell.
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BooleanLiteral: not reachable (above)
      if (!socket.connecting && event === 'connect') connected = true;
      socket.once(event, () => (connected = true));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      settle(
        !connected && (NEVER_REACHED_CODES.has(error.code) || url.protocol === 'https:')
          ? { sent: false, message: describeNetworkError(error, where) }
          : { sent: true, failure: describeNetworkError(error, where) },
      );
    });
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // An answer cut off emits 'aborted' before its 'error' (IncomingMessage._destroy), so 'aborted'
      // decides; this is for an answer destroyed once complete but before its 'end', which no test makes.
      // Stryker disable StringLiteral,ArrowFunction,ObjectLiteral,BooleanLiteral: not reachable (above)
      res.on('error', (error: NodeJS.ErrnoException) =>
        settle({ sent: true, failure: describeNetworkError(error, where) }),
      );
      // Stryker restore StringLiteral,ArrowFunction,ObjectLiteral,BooleanLiteral
      res.on('aborted', () => settle({ sent: true, failure: `the answer from ${where} was cut off` }));
      res.on('end', () =>
        settle({ sent: true, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.end(body);
  });
}

type Answer = Record<string, unknown>;

/** The answer as a JSON object, or `undefined` (not JSON, or JSON of another kind). */
const parse = (text: string): Answer | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: `json` stays undefined
  }
  // Stryker disable next-line ConditionalExpression: `null` passing here is turned away by `!answer` all the same
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Answer) : undefined;
};

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** What a complete answer means: the rotated refresh token is read (and handed on) first. */
function outcomeOf(client: TokenClient, status: number, text: string): TokenOutcome {
  const answer = parse(text);
  const refreshToken = status === 200 ? nonEmpty(answer?.refresh_token) : undefined;
  if (refreshToken !== undefined) client.onRotated?.(refreshToken);
  const rotated = refreshToken !== undefined ? { refreshToken } : {};
  if (status !== 200) {
    const detail = answer
      ? `${answer.error ? ` ${String(answer.error)}` : ''}${answer.error_description ? `: ${String(answer.error_description)}` : ''}`
      : '';
    const message = `token endpoint answered ${status}${detail}`;
    return status >= 400 && status < 500 ? { kind: 'refused', message } : { kind: 'unknown', message };
  }
  if (!answer)
    return { kind: 'unknown', message: 'token endpoint answered 200 with a body that is not JSON', ...rotated };
  const accessToken = nonEmpty(answer.access_token);
  if (accessToken === undefined)
    return { kind: 'unknown', message: 'the token response has no access_token', ...rotated };
  if (!/^bearer$/i.test(String(answer.token_type)))
    return { kind: 'unknown', message: `token_type is "${String(answer.token_type)}", not Bearer`, ...rotated };
  const expiresIn = Number(answer.expires_in);
  return {
    kind: 'token',
    accessToken,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? String(Date.now() + expiresIn * 1000) : '',
    ...rotated,
  };
}

export interface TokenRequests {
  /** One token request under the policy above: `params` form-encoded as the body, resent only if it never arrived. */
  requestToken(client: TokenClient, params: Record<string, string>): Promise<TokenOutcome>;
  /**
   * For SIGINT/SIGTERM: no new token request starts, and the returned promise settles once every token
   * request in flight has settled, its rotation (if any) written by `onRotated`, or after `capMs`.
   * It cannot be undone.
   */
  stopTokenRequests(capMs: number): Promise<void>;
  /** True while a token request is in flight (for the interruption message). */
  tokenRequestInFlight(): boolean;
}

/**
 * Token requests that stop together. The process has one set (the exports below); a test makes its
 * own, and may name the `lookup` its connections resolve host names with (instead of the system's).
 */
export function createTokenRequests(options: { lookup?: LookupFunction } = {}): TokenRequests {
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  const policyRequest = async (client: TokenClient, params: Record<string, string>): Promise<TokenOutcome> => {
    const body = new URLSearchParams(params).toString();
    if (body === '') throw new Error('a token request without a body');
    for (let attempt = 1; ; attempt++) {
      const raw = await postOnce(client, body, options.lookup);
      if (raw.sent) {
        if ('failure' in raw)
          return { kind: 'unknown', message: `token endpoint gave no usable answer: ${raw.failure}` };
        return outcomeOf(client, raw.status, raw.body);
      }
      if (attempt === NEVER_REACHED_ATTEMPTS || stopped)
        return {
          kind: 'unreachable',
          message: `token endpoint unreachable: ${raw.message}, tried ${NEVER_REACHED_ATTEMPTS} times`,
        };
      const delay = (client.retryDelayMs ?? 200) * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
  return {
    async requestToken(client, params) {
      if (stopped) return { kind: 'unreachable', message: 'the run was interrupted before this token request' };
      const pending = policyRequest(client, params);
      inFlight.add(pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(pending);
      }
    },
    stopTokenRequests(capMs) {
      stopped = true;
      const cap = new Promise<void>((resolve) => setTimeout(resolve, capMs).unref());
      return Promise.race([Promise.allSettled([...inFlight]).then(() => undefined), cap]);
    },
    tokenRequestInFlight: () => inFlight.size > 0,
  };
}

/** The process's token requests: SIGINT/SIGTERM stops these (commands/interrupt.ts). */
export const { requestToken, stopTokenRequests, tokenRequestInFlight } = createTokenRequests();
