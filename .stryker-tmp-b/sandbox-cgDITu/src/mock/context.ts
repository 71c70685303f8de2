// @ts-nocheck
import OAuth2Server from '@node-oauth/oauth2-server';
import type { ApiDescription, RequestDef } from '../description/index.js';
import { registeredClients, type RegisteredClient } from './clients.js';
import { PleoAuthorizationCodeGrantType, PleoRefreshTokenGrantType } from './grant-types.js';
import { createResourceApi, type ResourceApi } from './resource-api.js';
import { createTokenStore, type TokenStore } from './token-store.js';
import type { MockOptions, TamperContext, TamperResult } from './types.js';

/** Authorization codes live 60 seconds. @see [RFC 6749 §4.1.2](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.2) */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Refresh tokens live at least 60 days at Pleo. */
export const REFRESH_TOKEN_TTL_SECONDS = 60 * 24 * 60 * 60;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 900;

/** Everything a handler needs; one per running mock, so state resets on restart. */
export interface MockContext {
  spec: ApiDescription;
  /** Issuer and API base URL, without a trailing slash. */
  url: string;
  clients: RegisteredClient[];
  tokens: TokenStore;
  oauth: OAuth2Server;
  autoApprove: boolean;
  accessTokenTtlSeconds: number;
  api: ResourceApi;
  tamper: (ctx: TamperContext) => TamperResult;
  enforceScopes: (request: RequestDef) => boolean;
}

/**
 * Wires @node-oauth/oauth2-server to the in-memory store. Defaults overridden: empty state allowed
 * (RFC 6749 makes state RECOMMENDED, not required); client authentication is checked before the
 * library runs (Basic only, public clients by client_id), so the library's own "secret required"
 * rule is off; both grants are replaced by the stricter subclasses in grant-types.ts; plain PKCE
 * stays disabled (the library's default).
 */
export function createContext(options: MockOptions, url: string): MockContext {
  const clients = registeredClients(Object.keys(options.spec.scopes));
  const tokens = createTokenStore(clients);
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const oauth = new OAuth2Server({
    model: tokens.model,
    accessTokenLifetime: accessTokenTtlSeconds,
    refreshTokenLifetime: REFRESH_TOKEN_TTL_SECONDS,
    authorizationCodeLifetime: AUTHORIZATION_CODE_TTL_SECONDS,
    allowEmptyState: true,
    allowBearerTokensInQueryString: false,
    alwaysIssueNewRefreshToken: true,
    requireClientAuthentication: { authorization_code: false, refresh_token: false },
    extendedGrantTypes: {
      authorization_code: PleoAuthorizationCodeGrantType,
      refresh_token: PleoRefreshTokenGrantType,
    },
  });
  return {
    spec: options.spec,
    url,
    clients,
    tokens,
    oauth,
    autoApprove: options.autoApprove ?? false,
    accessTokenTtlSeconds,
    api: createResourceApi(options.spec),
    tamper: options.tamper ?? (() => undefined),
    enforceScopes: options.enforceScopes ?? (() => true),
  };
}
