// @ts-nocheck
import { LOCAL_CALLBACK_PATH } from './clients.js';
import { handleAuthorizationRequest } from './authorize.js';
import type { MockContext } from './context.js';
import { htmlResponse, jsonResponse, type MockRequest, type MockResponse } from './http.js';
import { handleIntrospectionRequest } from './introspect.js';
import { handleCallbackRequest, handleMetadataRequest } from './metadata.js';
import { tokenError } from './oauth-errors.js';
import { renderErrorPage } from './pages.js';
import { handleResourceRequest } from './resource-api.js';
import { handleTokenRequest } from './token.js';

/** The authorisation server's paths, as Pleo names them; everything else is the API. */
export async function dispatch(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  switch (req.pathname) {
    case '/.well-known/oauth-authorization-server':
      return handleMetadataRequest(ctx, req);
    case '/oauth/authorize':
      return handleAuthorizationRequest(ctx, req);
    case '/oauth/token':
      return handleTokenRequest(ctx, req);
    case '/oauth/token/introspect':
      return handleIntrospectionRequest(ctx, req);
    case LOCAL_CALLBACK_PATH:
      return handleCallbackRequest(req);
    default:
      return handleResourceRequest(ctx, req);
  }
}

/** 413 in the dialect of the endpoint that was sent too much. */
export function payloadTooLarge(pathname: string, limit: number): MockResponse {
  const message = `the request body is larger than ${limit} bytes`;
  if (pathname === '/oauth/authorize') return htmlResponse(413, renderErrorPage('Request too large', message));
  if (pathname.startsWith('/oauth/')) return tokenError('invalid_request', message, 413);
  return jsonResponse(413, { type: 'PAYLOAD_TOO_LARGE', message });
}

/** A request target that is not an absolute path (e.g. `*` or absolute-form). */
export const badTarget = (): MockResponse =>
  jsonResponse(400, { type: 'BAD_REQUEST', message: 'the request target must be an absolute path' });
