import type { MockContext } from './context.js';
import { jsonResponse, type MockRequest, type MockResponse } from './http.js';
import { NO_STORE, tokenError } from './oauth-errors.js';
import { readClientRequest } from './token.js';

/**
 * `POST` at the token endpoint's path + `/introspect` (default /oauth/token/introspect): only the client a token was issued to learns that it is active.
 * The library has no introspection endpoint, so this one is written here on the token store.
 * @see [RFC 7662 §2](https://www.rfc-editor.org/rfc/rfc7662.html#section-2)
 */
export async function handleIntrospectionRequest(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  const read = readClientRequest(ctx, req, { allowPublic: false });
  if ('response' in read) return read.response;
  const { params, auth } = read;
  const token = params.values.get('token');
  if (token === undefined || token === '') return tokenError('invalid_request', 'token is missing');
  return jsonResponse(200, ctx.tokens.introspect(token, auth.client.id), { ...NO_STORE });
}
