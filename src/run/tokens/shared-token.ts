import { createHash, randomBytes } from 'node:crypto';
import { LOOPBACK_URL } from '../../generate/environments.js';

/** The environment values a token request needs (after `--env-var` overrides). */
export interface TokenEndpointValues {
  authServerUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  redirectUri: string;
  scopes: string;
}

/** A token every runner of a parallel run uses, so that only one acquisition ever happens. */
export interface SharedToken {
  accessToken: string;
  /** Epoch ms, as the collection's `accessTokenExpiresAt`; empty when the server gave no `expires_in`. */
  expiresAt: string;
  /** The newest refresh token of the grant ('' when none): the only one that may be sent again. */
  refreshToken: string;
}

export type SharedTokenResult =
  | { kind: 'acquired'; grant: 'refresh_token' | 'authorization_code'; token: SharedToken; rotated: boolean }
  | { kind: 'none'; reason: string }
  | { kind: 'failed'; message: string };

export interface SharedTokenHooks {
  /**
   * Called with the new refresh token as soon as the server rotates the one sent, before anything
   * else is sent: the place to store it at once (e.g. `writeRefreshTokenFile`).
   */
  onRotated?: (refreshToken: string) => Promise<void> | void;
  fetch?: typeof fetch;
}

/** `application/x-www-form-urlencoded` of a client id or secret, as RFC 6749 §2.3.1 wants before Basic. */
const formEncode = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
const basic = (v: TokenEndpointValues): string =>
  `Basic ${Buffer.from(`${formEncode(v.clientId)}:${formEncode(v.clientSecret)}`).toString('base64')}`;

type TokenAnswer = { access_token?: unknown; refresh_token?: unknown; token_type?: unknown; expires_in?: unknown };

async function tokenRequest(
  v: TokenEndpointValues,
  params: Record<string, string>,
  doFetch: typeof fetch,
): Promise<{ ok: true; answer: TokenAnswer } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await doFetch(`${v.authServerUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: basic(v),
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(params).toString(),
    });
  } catch (error) {
    return { ok: false, message: `token endpoint unreachable: ${(error as Error).message}` };
  }
  const answer = (await res.json().catch(() => ({}))) as TokenAnswer & { error?: unknown; error_description?: unknown };
  if (res.status !== 200) {
    const detail = `${answer.error ? ` ${String(answer.error)}` : ''}${answer.error_description ? `: ${String(answer.error_description)}` : ''}`;
    return { ok: false, message: `token endpoint answered ${res.status}${detail}` };
  }
  if (typeof answer.access_token !== 'string' || answer.access_token === '')
    return { ok: false, message: 'the token response has no access_token' };
  if (!/^bearer$/i.test(String(answer.token_type)))
    return { ok: false, message: `token_type is "${String(answer.token_type)}", not Bearer` };
  return { ok: true, answer };
}

const tokenOf = (answer: TokenAnswer, previousRefresh: string): SharedToken => ({
  accessToken: String(answer.access_token),
  expiresAt: answer.expires_in ? String(Date.now() + Number(answer.expires_in) * 1000) : '',
  refreshToken:
    typeof answer.refresh_token === 'string' && answer.refresh_token ? answer.refresh_token : previousRefresh,
});

/**
 * Authorization Code with PKCE S256 against a loopback redirect whose authorisation server approves at
 * once (the local mock with auto-approve): the 302's `Location` carries the code.
 * @see [RFC 7636 §4](https://www.rfc-editor.org/rfc/rfc7636.html#section-4)
 */
async function byAuthorizationCode(v: TokenEndpointValues, doFetch: typeof fetch): Promise<SharedTokenResult> {
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
  let location: string | null;
  try {
    const res = await doFetch(`${v.authServerUrl}/oauth/authorize?${query}`, { redirect: 'manual' });
    await res.arrayBuffer();
    location = res.headers.get('location');
  } catch (error) {
    return { kind: 'failed', message: `authorization endpoint unreachable: ${(error as Error).message}` };
  }
  const answer = location ? new URL(location, v.authServerUrl).searchParams : new URLSearchParams();
  const code = answer.get('code');
  if (!code) {
    const error = answer.get('error');
    return error
      ? { kind: 'failed', message: `authorization failed: ${error}` }
      : { kind: 'none', reason: 'no authorization code without a browser (start the mock with --auto-approve)' };
  }
  if (answer.get('state') !== state)
    return { kind: 'failed', message: 'the redirect carried another state (RFC 6749 §10.12)' };
  const exchanged = await tokenRequest(
    v,
    { grant_type: 'authorization_code', code, redirect_uri: v.redirectUri, code_verifier: verifier },
    doFetch,
  );
  if (!exchanged.ok) return { kind: 'failed', message: exchanged.message };
  return { kind: 'acquired', grant: 'authorization_code', token: tokenOf(exchanged.answer, ''), rotated: false };
}

/**
 * Gets the one token a parallel run shares, the way the collection's own pre-request script would:
 * with a refresh token by the refresh_token grant (sent once: Pleo rotates it, and a replay revokes the
 * grant; the rotated one goes to `onRotated` before this returns), else by Authorization Code with
 * PKCE against a loopback redirect (the local mock), else none.
 * @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6)
 */
export async function acquireSharedToken(
  v: TokenEndpointValues,
  hooks: SharedTokenHooks = {},
): Promise<SharedTokenResult> {
  const doFetch = hooks.fetch ?? fetch;
  if (v.refreshToken) {
    const refreshed = await tokenRequest(v, { grant_type: 'refresh_token', refresh_token: v.refreshToken }, doFetch);
    if (!refreshed.ok) return { kind: 'failed', message: refreshed.message };
    const token = tokenOf(refreshed.answer, v.refreshToken);
    const rotated = token.refreshToken !== v.refreshToken;
    if (rotated) await hooks.onRotated?.(token.refreshToken);
    return { kind: 'acquired', grant: 'refresh_token', token, rotated };
  }
  if (LOOPBACK_URL.test(v.redirectUri)) return byAuthorizationCode(v, doFetch);
  return { kind: 'none', reason: 'no refresh token and no loopback redirect URI' };
}
