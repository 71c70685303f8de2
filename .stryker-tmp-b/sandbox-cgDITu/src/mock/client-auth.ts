// @ts-nocheck
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerValue, type MockResponse, type Params } from './http.js';
import { tokenError } from './oauth-errors.js';
import type { RegisteredClient } from './clients.js';

export type ClientAuthResult =
  | { ok: true; client: RegisteredClient; secret?: string }
  | { ok: false; response: MockResponse };

/** Compares secrets in constant time (hashing first evens out their lengths). */
export const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

const fail = (description: string): ClientAuthResult => ({
  ok: false,
  response: tokenError('invalid_client', description),
});

function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * Credentials of an `Authorization: Basic` header: base64 of the form-encoded id and secret.
 * @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1)
 */
export function parseBasicCredentials(header: string): { id: string; secret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1], 'base64'));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === undefined || secret === undefined || id === '' ? undefined : { id, secret };
}

/**
 * Authenticates the caller of the token or introspection endpoint. Confidential clients use
 * client_secret_basic only: a client_secret in the body is refused, as Pleo does. A public client
 * names itself with client_id and has no secret.
 * @see [RFC 6749 §2.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3)
 * @see [RFC 8414 §2](https://www.rfc-editor.org/rfc/rfc8414.html#section-2) token_endpoint_auth_methods_supported
 */
export function authenticateClient(
  headers: IncomingHttpHeaders,
  params: Params,
  clients: readonly RegisteredClient[],
  options: { allowPublic: boolean },
): ClientAuthResult {
  if (params.values.has('client_secret')) {
    return fail(
      'client credentials in the request body are not accepted: send them in an HTTP Basic Authorization header',
    );
  }
  const bodyId = params.values.get('client_id');
  const authorization = headerValue(headers, 'authorization');
  if (authorization !== undefined) {
    const credentials = parseBasicCredentials(authorization);
    if (!credentials) return fail('the Authorization header is not valid HTTP Basic client authentication');
    const client = clients.find((c) => c.id === credentials.id);
    if (!client || client.secret === undefined || !sameSecret(credentials.secret, client.secret)) {
      return fail('unknown client or wrong client secret');
    }
    if (bodyId !== undefined && bodyId !== client.id)
      return fail('client_id in the body differs from the authenticated client');
    return { ok: true, client, secret: credentials.secret };
  }
  if (bodyId === undefined || bodyId === '') return fail('client authentication is required');
  const client = clients.find((c) => c.id === bodyId);
  if (!client) return fail('unknown client');
  if (client.secret !== undefined) return fail('a confidential client must authenticate with HTTP Basic');
  if (!options.allowPublic) return fail('a public client cannot use this endpoint');
  return { ok: true, client };
}
