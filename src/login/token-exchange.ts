import { ERROR_CODES, UserError } from '../errors.js';

/** A client credential encoded for HTTP Basic as RFC 6749 §2.3.1 asks (form-encoding first). */
function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1) */
export const basicAuthorization = (clientId: string, clientSecret: string) =>
  `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`;

export interface CodeExchange {
  /** The token endpoint (the description's: auth-endpoints.ts). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export interface TokenResponse {
  refreshToken: string;
  scope?: string;
}

/** Says the server cannot be reached, naming it and the network error. */
export function unreachable(url: string, cause: unknown): UserError {
  const code = (cause as { cause?: { code?: string } }).cause?.code ?? (cause as Error).message;
  return new UserError(
    `login: cannot reach the authorisation server at ${url} (${code}); check the network, a proxy, or the --env you chose`,
    ERROR_CODES.SERVER_UNREACHABLE,
    { cause },
  );
}

/**
 * Exchanges the authorization code for tokens, the client in a Basic header, the PKCE verifier in the body.
 * @see [RFC 6749 §4.1.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.3)
 * @see [RFC 7636 §4.5](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.5)
 */
export async function exchangeCode(exchange: CodeExchange): Promise<TokenResponse> {
  const url = exchange.tokenUrl;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(exchange.clientId, exchange.clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: exchange.code,
        redirect_uri: exchange.redirectUri,
        code_verifier: exchange.codeVerifier,
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (cause) {
    throw unreachable(url, cause);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status !== 200) {
    const error = typeof body.error === 'string' ? ` ${body.error}` : '';
    const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
    const hint =
      body.error === 'invalid_client' ? '; check PLEO_CLIENT_ID and PLEO_CLIENT_SECRET' : '; run login again';
    throw new UserError(
      `login: the token endpoint answered ${res.status}${error}${description}${hint}`,
      ERROR_CODES.LOGIN_FAILED,
    );
  }
  if (typeof body.refresh_token !== 'string' || body.refresh_token === '') {
    throw new UserError(
      'login: the token response has no refresh_token, so there is nothing to keep for CI (is the client allowed refresh tokens?)',
      ERROR_CODES.LOGIN_FAILED,
    );
  }
  return { refreshToken: body.refresh_token, ...(typeof body.scope === 'string' ? { scope: body.scope } : {}) };
}

/**
 * Any HTTP answer from the authorization endpoint (`authorizeUrl`, the description's) means the
 * authorisation server is reachable; a network error is reported now.
 */
export async function assertReachable(authorizeUrl: string): Promise<void> {
  try {
    const res = await fetch(authorizeUrl, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    await res.body?.cancel();
  } catch (cause) {
    throw unreachable(authorizeUrl, cause);
  }
}
