import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A PKCE code verifier: 32 random bytes, base64url (43 characters of the unreserved set).
 * @see [RFC 7636 §4.1](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.1)
 */
export const createCodeVerifier = (): string => randomBytes(32).toString('base64url');

/** @see [RFC 7636 §4.2](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.2) S256 */
export const codeChallengeS256 = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

/** An unguessable `state` that binds the browser's answer to this login. @see [RFC 6749 §10.12](https://www.rfc-editor.org/rfc/rfc6749.html#section-10.12) */
export const createState = (): string => randomBytes(24).toString('base64url');

/** Compares a returned state with ours in constant time. */
export function sameState(expected: string, actual: string | null): boolean {
  if (actual === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface AuthorizationRequest {
  /** The authorization endpoint (the description's: auth-endpoints.ts), without a query. */
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
}

/**
 * `{authorizeUrl}?…` for the Authorization Code grant with PKCE S256.
 * @see [RFC 6749 §4.1.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.1)
 */
export function authorizationUrl(request: AuthorizationRequest): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    ...(request.scope.trim() !== '' ? { scope: request.scope.trim() } : {}),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${request.authorizeUrl}?${params}`;
}
