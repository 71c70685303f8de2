import { createHash, randomBytes } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { LOOPBACK_URL } from '../../generate/environments.js';
import { describeNetworkError, requestToken, type TokenClient, type TokenOutcome } from './token-policy.js';

/** The environment values a token request needs (after `--env-var` overrides). */
export interface TokenEndpointValues {
  authServerUrl: string;
  /** The authorization endpoint (the collection's, see endpoints.ts), without a query. */
  authorizeUrl: string;
  /** The token endpoint. */
  tokenUrl: string;
  /** Where refresh_token grants go when the API has a refresh endpoint of its own (default: tokenUrl). */
  refreshUrl?: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  redirectUri: string;
  scopes: string;
}

/** What the harness got for a run, before any runner starts: the runners' scripts then request no token. */
export interface RunTokens {
  /** The token step's test name, as the collection's own script names it. */
  test: string;
  /** Set when the token step failed: why, and what to do. The runners then send no token request. */
  failure?: string;
  accessToken: string;
  /** Epoch ms, as the collection's `accessTokenExpiresAt`; empty when the server gave no `expires_in`. */
  expiresAt: string;
  /** The newest refresh token of the grant ('' when none). */
  refreshToken: string;
  /** Narrower access tokens of the Security folder, by the scopes they lack (`a:read b:write`). */
  narrow: Record<string, string>;
  /** Why a narrower token is missing, by the same key. */
  narrowSkipped: Record<string, string>;
  /** Every token this acquisition saw, for redaction. */
  secrets: string[];
}

export interface RunTokenOptions {
  /** The scope sets the Security folder's 403 checks must lack (one narrower token each). */
  narrowings?: readonly string[][];
  /** `--timeout-request`, per attempt. */
  timeoutMs?: number;
  /** Called synchronously with each rotated refresh token before anything else is done (write it to disk). */
  onRotated?: (refreshToken: string) => void;
  retryDelayMs?: number;
}

const TEST = {
  refresh_token: 'token: refresh_token grant → access token (RFC 6749 §6)',
  authorization_code: 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)',
} as const;

/** `application/x-www-form-urlencoded` of a client id or secret, as RFC 6749 §2.3.1 wants before Basic. */
const formEncode = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
const clientOf = (v: TokenEndpointValues, options: RunTokenOptions, keep: (t: string) => void): TokenClient => ({
  tokenUrl: v.tokenUrl,
  authorization: `Basic ${Buffer.from(`${formEncode(v.clientId)}:${formEncode(v.clientSecret)}`).toString('base64')}`,
  ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  // Undefined when not given: the policy's default then (`retryDelayMs ?? 200`).
  retryDelayMs: options.retryDelayMs,
  onRotated: (token) => {
    options.onRotated?.(token);
    keep(token);
  },
});

const NEXT_STEP: Record<Exclude<TokenOutcome['kind'], 'token'>, string> = {
  refused:
    'the token endpoint refused the refresh token: it is not sent again; get a new one (pleo-postman login) and check the client id and secret',
  unknown:
    'the answer was lost or unusable, so the refresh token may be spent: it was not sent again; if the next run is refused, log in again (pleo-postman login)',
  unreachable: 'nothing reached the token endpoint: check authServerUrl and the network; the refresh token is unspent',
};

const failureOf = (outcome: Exclude<TokenOutcome, { kind: 'token' }>) =>
  `${outcome.message}; ${NEXT_STEP[outcome.kind]}`;

/** The `Location` of a GET's answer (a redirect is not followed), on a connection of its own. */
function redirectOf(url: URL, timeoutMs: number): Promise<string | undefined> {
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers.location));
      res.on('error', reject);
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
  });
}

/**
 * The authorization request of Authorization Code with PKCE S256 against a loopback redirect whose
 * authorisation server approves at once (the local mock with auto-approve): the 302's `Location`
 * carries the code. Sent once per run.
 * @see [RFC 7636 §4](https://www.rfc-editor.org/rfc/rfc7636.html#section-4)
 */
async function authorizationCode(
  v: TokenEndpointValues,
  timeoutMs: number | undefined,
): Promise<{ code: string; params: Record<string, string> } | { failure: string }> {
  const verifier = randomBytes(48).toString('base64url');
  const state = randomBytes(18).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: v.clientId,
    redirect_uri: v.redirectUri,
    scope: v.scopes,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const authorizeUrl = new URL(`${v.authorizeUrl}?${query}`);
  let location: string | undefined;
  try {
    location = await redirectOf(authorizeUrl, timeoutMs ?? 30_000);
  } catch (error) {
    return {
      failure: `authorization endpoint unreachable: ${describeNetworkError(error as NodeJS.ErrnoException, authorizeUrl.host)}`,
    };
  }
  const answer = location ? new URL(location, authorizeUrl).searchParams : new URLSearchParams();
  const code = answer.get('code');
  if (!code) {
    const error = answer.get('error');
    return {
      failure: error
        ? `authorization failed: ${error}`
        : 'no authorization code without a browser (start the mock with --auto-approve, or pass a refresh token)',
    };
  }
  if (answer.get('state') !== state) return { failure: 'the redirect carried another state (RFC 6749 §10.12)' };
  return {
    code,
    params: { grant_type: 'authorization_code', code, redirect_uri: v.redirectUri, code_verifier: verifier },
  };
}

/**
 * Gets every token a run needs, once, before any runner starts: the access token (the refresh_token
 * grant with a refresh token, else Authorization Code + PKCE against a loopback redirect, the local
 * mock) and one narrower token per Security 403 check (a refresh asking for less scope, each with the
 * newest refresh token); refresh_token grants go to `refreshUrl` when the API has one. Every request follows token-policy.ts; every rotation goes to `onRotated`
 * the moment it arrives. After a failure nothing else is sent. Undefined when there is no way to get
 * a token (no refresh token, no loopback redirect): the Postman app's case.
 */
export async function acquireRunTokens(
  v: TokenEndpointValues,
  options: RunTokenOptions = {},
): Promise<RunTokens | undefined> {
  const grant = v.refreshToken ? 'refresh_token' : LOOPBACK_URL.test(v.redirectUri) ? 'authorization_code' : undefined;
  if (grant === undefined) return undefined;
  let newest = v.refreshToken;
  const secrets = new Set<string>([v.refreshToken].filter(Boolean));
  const client = clientOf(v, options, (token) => {
    newest = token;
    secrets.add(token);
  });
  const refreshClient: TokenClient = v.refreshUrl ? { ...client, tokenUrl: v.refreshUrl } : client;
  // The refresh token and the secrets are added by `done()`, from `newest` and `secrets`.
  const tokens: Omit<RunTokens, 'refreshToken' | 'secrets'> = {
    test: TEST[grant],
    accessToken: '',
    expiresAt: '',
    narrow: {},
    narrowSkipped: {},
  };
  const done = (): RunTokens => ({ ...tokens, refreshToken: newest, secrets: [...secrets] });
  let params: Record<string, string>;
  if (grant === 'refresh_token') params = { grant_type: 'refresh_token', refresh_token: v.refreshToken };
  else {
    const authorized = await authorizationCode(v, options.timeoutMs);
    if ('failure' in authorized) return { ...done(), failure: authorized.failure };
    params = authorized.params;
    secrets.add(authorized.code);
  }
  const first = await requestToken(grant === 'refresh_token' ? refreshClient : client, params);
  if (first.kind !== 'token') return { ...done(), failure: failureOf(first) };
  tokens.accessToken = first.accessToken;
  tokens.expiresAt = first.expiresAt;
  secrets.add(first.accessToken);
  // Split at each white-space character: the filter drops the empty pieces a run of them leaves.
  const granted = v.scopes.split(/\s/).filter(Boolean);
  let stopped: string | undefined;
  for (const lacking of options.narrowings ?? []) {
    const key = lacking.join(' ');
    if (key in tokens.narrow || key in tokens.narrowSkipped) continue;
    const scope = granted.filter((s) => !lacking.includes(s));
    if (stopped) tokens.narrowSkipped[key] = stopped;
    else if (!newest) tokens.narrowSkipped[key] = 'no refresh token to narrow a token with';
    else if (scope.length === 0) tokens.narrowSkipped[key] = `the environment grants no scope besides ${key}`;
    else {
      const narrowed = await requestToken(refreshClient, {
        grant_type: 'refresh_token',
        refresh_token: newest,
        scope: scope.join(' '),
      });
      if (narrowed.kind === 'token') {
        tokens.narrow[key] = narrowed.accessToken;
        secrets.add(narrowed.accessToken);
      } else {
        // A lost answer may have spent the refresh token: nothing more is refreshed in this run.
        stopped = `a narrower token request failed before: ${narrowed.message}`;
        tokens.narrowSkipped[key] = `no narrower token: ${narrowed.message}`;
      }
    }
  }
  return done();
}
