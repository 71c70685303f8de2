import { endpointTemplates, type ApiDescription, type AuthScheme } from '../description/index.js';

export interface AuthEntry {
  key: string;
  value: string | boolean;
  type: 'string' | 'boolean';
}

export interface OAuth2Auth {
  type: 'oauth2';
  oauth2: AuthEntry[];
}

const text = (key: string, value: string): AuthEntry => ({ key, value, type: 'string' });

/**
 * Postman's OAuth 2.0 block for Pleo: Authorization Code with PKCE (S256), client credentials in a
 * Basic header, every key written explicitly (Postman leaves defaults out of its own exports, and
 * a missing key would fall back to Postman's defaults, which are not Pleo's).
 * `accessToken` is what signs requests under Newman, which never fetches tokens itself. The endpoints
 * are the description's (auth-endpoints.ts); Postman refreshes at `refreshTokenUrl`, the token endpoint
 * unless the description has a refresh path of its own (`auth.refreshPath`).
 * @see [Pleo: How to Configure Postman for OAuth 2.0](https://developers.pleo.io/docs/current/how-tos/oauth-postman/how-to-configure-postman-oauth)
 * @see [RFC 7636 §4.2](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.2)
 */
export function buildAuth(spec: ApiDescription): OAuth2Auth {
  const endpoints = endpointTemplates(spec);
  return {
    type: 'oauth2',
    oauth2: [
      text('grant_type', spec.auth.grant),
      text('challengeAlgorithm', spec.auth.challengeMethod),
      text('client_authentication', 'header'),
      text('authUrl', endpoints.authorize),
      text('accessTokenUrl', endpoints.token),
      text('refreshTokenUrl', endpoints.refresh),
      text('redirect_uri', spec.auth.redirectUri),
      { key: 'useBrowser', value: true, type: 'boolean' },
      text('clientId', '{{clientId}}'),
      text('clientSecret', '{{clientSecret}}'),
      text('scope', '{{scopes}}'),
      text('state', ''),
      text('code_verifier', ''),
      text('tokenName', spec.auth.tokenName),
      text('addTokenTo', 'header'),
      text('headerPrefix', 'Bearer'),
      text('accessToken', '{{accessToken}}'),
    ],
  };
}

/** The collection's auth in Postman's terms: `type` and its `type`-named attribute list. */
export interface CollectionAuth {
  type: 'oauth2' | 'apikey' | 'bearer' | 'basic' | 'noauth';
  entries: AuthEntry[];
}

/** The environment variables that carry a scheme's credentials (OAuth 2.0's are the client's, see environments.ts). */
export const CREDENTIAL_VARIABLES = {
  apiKey: ['apiKey'],
  bearer: ['bearerToken'],
  basic: ['username', 'password'],
  oauth2: [],
  none: [],
} as const satisfies Record<AuthScheme['type'], readonly string[]>;

/**
 * The collection's auth block for the description's scheme, credentials as variables. Postman's API
 * key helper sends a header or a query parameter (`key`, `value`, `in`); a cookie goes as a `Cookie` header.
 * @see [postman-runtime: apikey](https://github.com/postmanlabs/postman-runtime/blob/develop/lib/authorizer/apikey.js)
 */
export function buildCollectionAuth(spec: ApiDescription): CollectionAuth {
  const scheme = spec.auth.scheme;
  switch (scheme.type) {
    case 'oauth2':
      return { type: 'oauth2', entries: buildAuth(spec).oauth2 };
    case 'apiKey': {
      const cookie = scheme.in === 'cookie';
      return {
        type: 'apikey',
        entries: [
          text('key', cookie ? 'Cookie' : scheme.name),
          text('value', cookie ? `${scheme.name}={{apiKey}}` : '{{apiKey}}'),
          text('in', cookie ? 'header' : scheme.in),
        ],
      };
    }
    case 'bearer':
      return { type: 'bearer', entries: [text('token', '{{bearerToken}}')] };
    case 'basic':
      return { type: 'basic', entries: [text('username', '{{username}}'), text('password', '{{password}}')] };
    case 'none':
      return { type: 'noauth', entries: [] };
  }
}
