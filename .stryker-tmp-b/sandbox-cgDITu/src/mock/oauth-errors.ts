// @ts-nocheck
import { jsonResponse, type MockResponse } from './http.js';

/** Error codes of the token and introspection endpoints. */
export type TokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'server_error';

/** Error codes an authorization response may carry back to the client. */
export type AuthorizationErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error';

export const BASIC_REALM = 'Basic realm="pleo-postman local mock", charset="UTF-8"';

/** Header fields every token and introspection response carries. @see [RFC 6749 §5.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.1) */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** `error_description` may only hold %x20-21 / %x23-5B / %x5D-7E: no quotes, no backslashes. */
export function describeSafely(text: string): string {
  return text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?');
}

/**
 * A token-endpoint error: JSON body, 400, or 401 with a Basic challenge for invalid_client.
 * @see [RFC 6749 §5.2](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.2)
 */
export function tokenError(error: TokenErrorCode, description: string, status?: number): MockResponse {
  const code = status ?? (error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400);
  const challenge: Record<string, string> = code === 401 ? { 'WWW-Authenticate': BASIC_REALM } : {};
  return jsonResponse(code, { error, error_description: describeSafely(description) }, { ...NO_STORE, ...challenge });
}

/**
 * The redirect that reports an authorization error to the client, with its state.
 * @see [RFC 6749 §4.1.2.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.2.1)
 */
export function authorizationErrorLocation(
  redirectUri: string,
  error: AuthorizationErrorCode,
  description: string,
  state: string | undefined,
): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', describeSafely(description));
  if (state !== undefined) url.searchParams.set('state', state);
  return url.href;
}
