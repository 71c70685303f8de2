import { authenticateClient } from './client-auth.js';
import type { MockContext } from './context.js';
import { jsonResponse, type MockRequest, type MockResponse } from './http.js';
import { NO_STORE, tokenError } from './oauth-errors.js';
import { isResponse, readOAuthForm } from './token.js';

/**
 * `POST /oauth/token/introspect`: only the client a token was issued to learns that it is active.
 * The library has no introspection endpoint, so this one is written here on the token store.
 * @see [RFC 7662 §2](https://www.rfc-editor.org/rfc/rfc7662.html#section-2)
 */
export async function handleIntrospectionRequest(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  if (req.method !== 'POST') return tokenError('invalid_request', 'use POST', 405);
  const params = readOAuthForm(req);
  if (isResponse(params)) return params;
  const auth = authenticateClient(req.headers, params, ctx.clients, { allowPublic: false });
  if (!auth.ok) return auth.response;
  const token = params.values.get('token');
  if (token === undefined || token === '') return tokenError('invalid_request', 'token is missing');
  return jsonResponse(200, ctx.tokens.introspect(token, auth.client.id), { ...NO_STORE });
}
