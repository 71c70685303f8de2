import OAuth2Server from '@node-oauth/oauth2-server';
import { authenticateClient, type ClientAuthResult } from './client-auth.js';
import type { MockContext } from './context.js';
import {
  decodeUtf8,
  headerValue,
  isContentType,
  jsonResponse,
  parseParams,
  type MockRequest,
  type MockResponse,
  type Params,
} from './http.js';
import { NO_STORE, tokenError, type TokenErrorCode } from './oauth-errors.js';

/** The grants Pleo offers; the library also knows password and client_credentials, which are refused. */
const SUPPORTED_GRANTS = ['authorization_code', 'refresh_token'];
/** What a refresh endpoint of its own (auth.refreshPath, OpenAPI's refreshUrl) answers: refreshes only. */
export const REFRESH_ENDPOINT_GRANTS: readonly string[] = ['refresh_token'];
/** Token request parameters passed on to the library; anything else is ignored. */
const GRANT_PARAMS = ['grant_type', 'code', 'redirect_uri', 'code_verifier', 'refresh_token', 'scope'];

/**
 * Reads a form-encoded OAuth request body strictly, or answers why it cannot: wrong media type,
 * bytes that are not UTF-8, broken percent-encoding, a parameter sent twice.
 * @see [RFC 6749 §3.2](https://www.rfc-editor.org/rfc/rfc6749.html#section-3.2)
 */
export function readOAuthForm(req: MockRequest): Params | MockResponse {
  if (!isContentType(headerValue(req.headers, 'content-type'), 'application/x-www-form-urlencoded')) {
    return tokenError('invalid_request', 'the body must be application/x-www-form-urlencoded (UTF-8)');
  }
  const text = decodeUtf8(req.body);
  if (text === undefined) return tokenError('invalid_request', 'the body is not valid UTF-8');
  const params = parseParams(text);
  if (params.malformed) return tokenError('invalid_request', 'the body is not valid percent-encoding');
  if (params.repeated.length > 0)
    return tokenError('invalid_request', `parameter '${(params.repeated[0] ?? '').slice(0, 40)}' is repeated`);
  return params;
}

export const isResponse = (value: Params | MockResponse): value is MockResponse => 'status' in value;

/**
 * What the token and introspection endpoints share: POST only, a strict form body, and an
 * authenticated client.
 */
export function readClientRequest(
  ctx: MockContext,
  req: MockRequest,
  options: { allowPublic: boolean },
): { params: Params; auth: Extract<ClientAuthResult, { ok: true }> } | { response: MockResponse } {
  if (req.method !== 'POST') return { response: tokenError('invalid_request', 'use POST', 405) };
  const params = readOAuthForm(req);
  if (isResponse(params)) return { response: params };
  const auth = authenticateClient(req.headers, params, ctx.clients, options);
  return auth.ok ? { params, auth } : { response: auth.response };
}

function fromLibraryError(error: unknown): MockResponse {
  if (!(error instanceof OAuth2Server.OAuthError) || error.name === 'server_error') throw error;
  return tokenError(error.name as TokenErrorCode, error.message, error.code === 401 ? 401 : 400);
}

/**
 * `POST` at the token endpoint (auth.tokenPath, default /oauth/token): authorization_code (with PKCE S256) and refresh_token (rotating) grants.
 * At a refresh endpoint of its own (auth.refreshPath) `grants` is refresh_token only; the token
 * endpoint still answers refresh_token grants as well (the collection's own scripts refresh there).
 * Client authentication and request parsing are done here; code, PKCE, rotation and issuing by
 * @node-oauth/oauth2-server with the mock's model and grant types.
 * @see [RFC 6749 §4.1.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.3)
 * @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6)
 */
export async function handleTokenRequest(
  ctx: MockContext,
  req: MockRequest,
  grants: readonly string[] = SUPPORTED_GRANTS,
): Promise<MockResponse> {
  const read = readClientRequest(ctx, req, { allowPublic: true });
  if ('response' in read) return read.response;
  const { params, auth } = read;
  const grantType = params.values.get('grant_type');
  if (grantType === undefined || grantType === '') return tokenError('invalid_request', 'grant_type is missing');
  if (!SUPPORTED_GRANTS.includes(grantType))
    return tokenError('unsupported_grant_type', `grant_type ${grantType.slice(0, 40)} is not supported`);
  if (!grants.includes(grantType))
    return tokenError(
      'unsupported_grant_type',
      `grant_type ${grantType} is not supported at the refresh endpoint ${req.pathname}: send it to ${ctx.spec.auth.tokenPath}`,
    );

  // The library sees normalised credentials: the authenticated client id, and its secret in the body.
  const body: Record<string, string> = {
    client_id: auth.client.id,
    ...(auth.secret !== undefined ? { client_secret: auth.secret } : {}),
  };
  for (const name of GRANT_PARAMS) {
    const value = params.values.get(name);
    if (value !== undefined) body[name] = value;
  }
  const request = new OAuth2Server.Request({
    method: 'POST',
    query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(req.body.length) },
    body,
  });
  let token: OAuth2Server.Token;
  try {
    token = await ctx.oauth.token(request, new OAuth2Server.Response());
  } catch (error) {
    return fromLibraryError(error);
  }
  // The library floors the remaining lifetime (899 for 900); report the configured one.
  const expiresIn = token.accessTokenExpiresAt
    ? Math.max(0, Math.round((token.accessTokenExpiresAt.getTime() - Date.now()) / 1000))
    : ctx.accessTokenTtlSeconds;
  return jsonResponse(
    200,
    {
      access_token: token.accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      ...(token.refreshToken !== undefined ? { refresh_token: token.refreshToken } : {}),
      scope: (token.scope ?? []).join(' '),
    },
    { ...NO_STORE },
  );
}
