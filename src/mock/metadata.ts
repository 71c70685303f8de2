import { endpointUrlsAt, introspectionPath } from '../description/index.js';
import type { MockContext } from './context.js';
import { jsonResponse, parseParams, type MockRequest, type MockResponse } from './http.js';

/** Where the mock publishes its metadata. @see [RFC 8414 §3](https://www.rfc-editor.org/rfc/rfc8414.html#section-3) */
export const METADATA_PATH = '/.well-known/oauth-authorization-server';

/**
 * Authorization server metadata of the mock (Pleo publishes none; this lets OAuth libraries
 * discover the mock): the description's endpoints, on the mock's origin.
 * @see [RFC 8414 §2](https://www.rfc-editor.org/rfc/rfc8414.html#section-2)
 */
export function authorizationServerMetadata(ctx: MockContext): Record<string, unknown> {
  const endpoints = endpointUrlsAt(ctx.spec, ctx.url);
  return {
    issuer: ctx.url,
    authorization_endpoint: endpoints.authorize,
    token_endpoint: endpoints.token,
    introspection_endpoint: `${ctx.url}${introspectionPath(ctx.spec.auth.tokenPath)}`,
    scopes_supported: Object.keys(ctx.spec.scopes),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic'],
  };
}

export function handleMetadataRequest(ctx: MockContext, req: MockRequest): MockResponse {
  if (req.method !== 'GET')
    return jsonResponse(405, { type: 'METHOD_NOT_ALLOWED', message: 'use GET' }, { Allow: 'GET' });
  return jsonResponse(200, authorizationServerMetadata(ctx));
}

/**
 * `GET /callback`: the mock's own registered loopback redirect. It answers the authorization
 * response it receives as JSON (`{code, state}` or `{error, error_description, state}`), so a
 * headless client that follows redirects (a Postman script using pm.sendRequest) can read the code.
 * @see [RFC 8252 §7.3](https://www.rfc-editor.org/rfc/rfc8252.html#section-7.3)
 */
export function handleCallbackRequest(req: MockRequest): MockResponse {
  if (req.method !== 'GET')
    return jsonResponse(405, { type: 'METHOD_NOT_ALLOWED', message: 'use GET' }, { Allow: 'GET' });
  const params = parseParams(req.search);
  return jsonResponse(200, Object.fromEntries(params.values), { 'Cache-Control': 'no-store' });
}
