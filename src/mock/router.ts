import { introspectionPath, refreshPathOf, type ApiDescription } from '../description/index.js';
import { LOCAL_CALLBACK_PATH } from './clients.js';
import { handleAuthorizationRequest } from './authorize.js';
import type { MockContext } from './context.js';
import { htmlResponse, jsonResponse, type MockRequest, type MockResponse } from './http.js';
import { handleIntrospectionRequest } from './introspect.js';
import { handleCallbackRequest, handleMetadataRequest, METADATA_PATH } from './metadata.js';
import { tokenError } from './oauth-errors.js';
import { renderErrorPage } from './pages.js';
import { handleResourceRequest } from './resource-api.js';
import { handleTokenRequest, REFRESH_ENDPOINT_GRANTS } from './token.js';

type Endpoint = 'metadata' | 'authorize' | 'token' | 'refresh' | 'introspect' | 'callback';

/**
 * Which of the authorisation server's paths a request is at: the description's endpoints
 * (auth-endpoints.ts; Pleo's /oauth/authorize and /oauth/token by default), a refresh endpoint of its
 * own (auth.refreshPath), introspection below the token endpoint, the metadata and the mock's
 * callback. Everything else is the API.
 */
export function endpointAt(spec: ApiDescription, pathname: string): Endpoint | undefined {
  const { authorizePath, tokenPath } = spec.auth;
  if (pathname === authorizePath) return 'authorize';
  if (pathname === tokenPath) return 'token';
  if (pathname === refreshPathOf(spec.auth)) return 'refresh';
  if (pathname === introspectionPath(tokenPath)) return 'introspect';
  if (pathname === METADATA_PATH) return 'metadata';
  if (pathname === LOCAL_CALLBACK_PATH) return 'callback';
  return undefined;
}

export async function dispatch(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  switch (endpointAt(ctx.spec, req.pathname)) {
    case 'metadata':
      return handleMetadataRequest(ctx, req);
    case 'authorize':
      return handleAuthorizationRequest(ctx, req);
    case 'token':
      return handleTokenRequest(ctx, req);
    case 'refresh':
      return handleTokenRequest(ctx, req, REFRESH_ENDPOINT_GRANTS);
    case 'introspect':
      return handleIntrospectionRequest(ctx, req);
    case 'callback':
      return handleCallbackRequest(req);
    default:
      return handleResourceRequest(ctx, req);
  }
}

/** 413 in the dialect of the endpoint that was sent too much. */
export function payloadTooLarge(spec: ApiDescription, pathname: string, limit: number): MockResponse {
  const message = `the request body is larger than ${limit} bytes`;
  const endpoint = endpointAt(spec, pathname);
  if (endpoint === 'authorize') return htmlResponse(413, renderErrorPage('Request too large', message));
  if (endpoint === 'token' || endpoint === 'refresh' || endpoint === 'introspect')
    return tokenError('invalid_request', message, 413);
  return jsonResponse(413, { type: 'PAYLOAD_TOO_LARGE', message });
}

/** A request target that is not an absolute path (e.g. `*` or absolute-form). */
export const badTarget = (): MockResponse =>
  jsonResponse(400, { type: 'BAD_REQUEST', message: 'the request target must be an absolute path' });
