import OAuth2Server from '@node-oauth/oauth2-server';
import { redirectUriMatches, type RegisteredClient } from './clients.js';
import type { MockContext } from './context.js';
import {
  decodeUtf8,
  headerValue,
  htmlResponse,
  isContentType,
  parseParams,
  redirectResponse,
  type MockRequest,
  type MockResponse,
  type Params,
} from './http.js';
import { authorizationErrorLocation, type AuthorizationErrorCode } from './oauth-errors.js';
import { renderConsentPage, renderErrorPage } from './pages.js';
import { RESOURCE_OWNER } from './token-store.js';

/** Parameters of an authorization request the mock reads; others are ignored, as RFC 6749 §3.1 asks. */
const AUTHORIZATION_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;

const VSCHAR = /^[\x20-\x7e]+$/;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
/** BASE64URL(SHA256(verifier)) is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export type CheckedAuthorization =
  | { kind: 'page-error'; title: string; message: string }
  | { kind: 'redirect-error'; location: string }
  | {
      kind: 'ok';
      client: RegisteredClient;
      redirectUri: string;
      scopes: string[];
      state?: string;
      codeChallenge: string;
      params: Record<string, string>;
    };

/**
 * Validates an authorization request in RFC order: the client and redirect URI first (errors shown
 * on a page, never redirected), then everything else (errors redirected with the state).
 * A missing or empty `scope` means the client's full registered scopes.
 * @see [RFC 6749 §4.1.2.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.2.1)
 * @see [RFC 7636 §4.4.1](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.4.1)
 */
export function checkAuthorizationRequest(ctx: MockContext, params: Params): CheckedAuthorization {
  if (params.malformed)
    return {
      kind: 'page-error',
      title: 'Invalid request',
      message: 'The request parameters are not valid percent-encoded UTF-8.',
    };
  const clientId = params.values.get('client_id');
  if (params.repeated.includes('client_id'))
    return { kind: 'page-error', title: 'Invalid client', message: 'client_id is repeated.' };
  const client = clientId === undefined ? undefined : ctx.clients.find((c) => c.id === clientId);
  if (!client)
    return {
      kind: 'page-error',
      title: 'Unknown client',
      message: clientId ? `No client is registered with the id ${clientId}.` : 'client_id is missing.',
    };
  const redirectUri = params.values.get('redirect_uri');
  if (params.repeated.includes('redirect_uri') || redirectUri === undefined) {
    return { kind: 'page-error', title: 'Invalid redirect URI', message: 'redirect_uri must be given exactly once.' };
  }
  if (!client.redirectUris.some((registered) => redirectUriMatches(redirectUri, registered))) {
    return {
      kind: 'page-error',
      title: 'Invalid redirect URI',
      message: `${redirectUri} is not a redirect URI registered for ${client.name}.`,
    };
  }

  const stateValue = params.values.get('state');
  const state =
    stateValue !== undefined && stateValue !== '' && VSCHAR.test(stateValue) && !params.repeated.includes('state')
      ? stateValue
      : undefined;
  const fail = (error: AuthorizationErrorCode, description: string): CheckedAuthorization => ({
    kind: 'redirect-error',
    location: authorizationErrorLocation(redirectUri, error, description, state),
  });

  if (params.repeated.length > 0)
    return fail('invalid_request', `parameter '${(params.repeated[0] ?? '').slice(0, 40)}' is repeated`);
  const responseType = params.values.get('response_type');
  if (responseType === undefined || responseType === '') return fail('invalid_request', 'response_type is missing');
  if (responseType !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported');
  const codeChallenge = params.values.get('code_challenge');
  if (codeChallenge === undefined || codeChallenge === '')
    return fail('invalid_request', 'code_challenge is required (PKCE)');
  const method = params.values.get('code_challenge_method');
  if (method !== 'S256')
    return fail(
      'invalid_request',
      `code_challenge_method must be S256${method === undefined ? '' : ', not plain or anything else'}`,
    );
  if (!S256_CHALLENGE.test(codeChallenge))
    return fail('invalid_request', 'code_challenge must be the 43-character base64url SHA-256 of the code_verifier');
  if (stateValue !== undefined && stateValue !== '' && state === undefined)
    return fail('invalid_request', 'state must be printable ASCII');

  const scopes = parseScope(params.values.get('scope'), client);
  if (typeof scopes === 'string') return fail('invalid_scope', scopes);
  const kept = Object.fromEntries(
    AUTHORIZATION_PARAMS.flatMap((name) => {
      const value = params.values.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return {
    kind: 'ok',
    client,
    redirectUri,
    scopes,
    ...(state !== undefined ? { state } : {}),
    codeChallenge,
    params: kept,
  };
}

/** The scopes asked for, or a description of why they are refused. @see [RFC 6749 §3.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-3.3) */
function parseScope(value: string | undefined, client: RegisteredClient): string[] | string {
  if (value === undefined || value.trim() === '') return [...client.scopes];
  const asked = [...new Set(value.split(' ').filter((s) => s !== ''))];
  const bad = asked.find((s) => !SCOPE_TOKEN.test(s));
  if (bad !== undefined) return 'scope contains characters RFC 6749 does not allow';
  const unknown = asked.filter((s) => !client.scopes.includes(s));
  if (unknown.length > 0) return `scope not registered for this client: ${unknown.join(' ')}`;
  return asked;
}

/**
 * Asks the library to issue the code (it stores the challenge, the scope and the redirect URI
 * through the model) and returns the redirect it built: `redirect_uri?code=…&state=…`.
 */
async function issueCode(ctx: MockContext, ok: Extract<CheckedAuthorization, { kind: 'ok' }>): Promise<MockResponse> {
  const request = new OAuth2Server.Request({
    method: 'POST',
    headers: {},
    query: {},
    body: {
      response_type: 'code',
      client_id: ok.client.id,
      redirect_uri: ok.redirectUri,
      scope: ok.scopes.join(' '),
      code_challenge: ok.codeChallenge,
      code_challenge_method: 'S256',
      ...(ok.state !== undefined ? { state: ok.state } : {}),
    },
  });
  const response = new OAuth2Server.Response();
  try {
    await ctx.oauth.authorize(request, response, { authenticateHandler: { handle: () => RESOURCE_OWNER } });
  } catch (error) {
    // The checks above leave the library nothing to refuse; if it still does, pass its redirect on.
    if (!(error instanceof OAuth2Server.OAuthError) || response.get('location') === undefined) throw error;
  }
  return redirectResponse(String(response.get('location')));
}

function formParams(req: MockRequest): Params | undefined {
  if (!isContentType(headerValue(req.headers, 'content-type'), 'application/x-www-form-urlencoded')) return undefined;
  const text = decodeUtf8(req.body);
  return text === undefined ? undefined : parseParams(text);
}

/**
 * `GET` at the authorization endpoint (auth.authorizePath, default /oauth/authorize) shows the consent page (or, with autoApprove, redirects with a code at
 * once); the page's form posts the same parameters back with `decision=approve|deny`.
 * @see [RFC 6749 §4.1.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.1)
 */
export async function handleAuthorizationRequest(ctx: MockContext, req: MockRequest): Promise<MockResponse> {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return htmlResponse(405, renderErrorPage('Method not allowed', 'Use GET (or POST from the consent page).'), {
      Allow: 'GET, POST',
    });
  }
  const params = req.method === 'GET' ? parseParams(req.search) : formParams(req);
  if (!params)
    return htmlResponse(
      400,
      renderErrorPage('Invalid request', 'The consent form must be posted as UTF-8 application/x-www-form-urlencoded.'),
    );
  const checked = checkAuthorizationRequest(ctx, params);
  switch (checked.kind) {
    case 'page-error':
      return htmlResponse(400, renderErrorPage(checked.title, checked.message));
    case 'redirect-error':
      return redirectResponse(checked.location);
    case 'ok':
      break;
    default:
      throw new Error(`unexpected check result ${JSON.stringify(checked)}`);
  }
  if (req.method === 'GET') {
    if (ctx.autoApprove) return issueCode(ctx, checked);
    const scopes = checked.scopes.map((name) => ({ name, description: ctx.spec.scopes[name]?.description ?? '' }));
    return htmlResponse(
      200,
      renderConsentPage({
        client: checked.client,
        scopes,
        redirectUri: checked.redirectUri,
        params: checked.params,
        action: ctx.spec.auth.authorizePath,
      }),
    );
  }
  const decision = params.values.get('decision');
  if (decision === 'approve') return issueCode(ctx, checked);
  const [error, description] =
    decision === 'deny'
      ? (['access_denied', 'the resource owner denied the request'] as const)
      : (['invalid_request', 'decision must be approve or deny'] as const);
  return redirectResponse(authorizationErrorLocation(checked.redirectUri, error, description, checked.state));
}
