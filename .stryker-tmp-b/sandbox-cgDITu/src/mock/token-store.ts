// @ts-nocheck
import type OAuth2Server from '@node-oauth/oauth2-server';
import { sameSecret } from './client-auth.js';
import { redirectUriMatches, type RegisteredClient } from './clients.js';

/** The one resource owner of the mock: whoever clicks Approve. */
export const RESOURCE_OWNER = { id: 'pleo-postman-local-user', name: 'Local Pleo user' } as const;

/** What @node-oauth/oauth2-server gets as a client: ours plus the fields it requires. */
export interface LibraryClient extends OAuth2Server.Client {
  id: string;
  redirectUris: string[];
  grants: string[];
  registered: RegisteredClient;
}

/** Tokens issued from one authorisation (one code, then every refresh of it). */
interface Grant {
  id: number;
  clientId: string;
  /** The scope the resource owner approved; every refresh token of the grant keeps it. */
  scope: string[];
  revoked: boolean;
}

interface StoredCode {
  code: OAuth2Server.AuthorizationCode;
  used: boolean;
  /** The grant created from this code, once it was exchanged. */
  grantId?: number;
  /** Replayed before its grant was saved: the grant is born revoked. */
  replayed: boolean;
}

interface StoredToken {
  value: string;
  kind: 'access' | 'refresh';
  grantId: number;
  client: LibraryClient;
  scope: string[];
  issuedAt: Date;
  expiresAt: Date;
  /** A refresh token that was exchanged for a new one. */
  rotated: boolean;
}

/** Extra fields the mock's grant types hand to `saveToken`. */
export interface TokenExtras {
  /** Set by the refresh grant: the grant the old refresh token belonged to. */
  grantId?: number;
  /** Set by the refresh grant: the scope the new refresh token keeps (the grant's full scope). */
  refreshTokenScope?: string[];
}

export interface IntrospectionResult {
  active: boolean;
  scope?: string;
  client_id?: string;
  token_type?: string;
  exp?: number;
  iat?: number;
  sub?: string;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/**
 * In-memory codes, grants and tokens, with the model interface @node-oauth/oauth2-server calls.
 * Rotation and replay rules live here: a reused code or a reused rotated refresh token revokes
 * every token of its grant.
 * @see [RFC 6749 §4.1.2](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.2)
 * @see [RFC 9700 §4.14.2](https://www.rfc-editor.org/rfc/rfc9700.html#section-4.14.2) refresh token rotation
 */
export function createTokenStore(clients: readonly RegisteredClient[]) {
  const libraryClients = new Map<string, LibraryClient>(
    clients.map((c) => [
      c.id,
      {
        id: c.id,
        redirectUris: [...c.redirectUris],
        grants: ['authorization_code', 'refresh_token'],
        registered: c,
      },
    ]),
  );
  const codes = new Map<string, StoredCode>();
  const tokens = new Map<string, StoredToken>();
  const grants = new Map<number, Grant>();
  let nextGrant = 1;

  const revokeGrant = (grantId: number | undefined): void => {
    const grant = grantId === undefined ? undefined : grants.get(grantId);
    if (grant) grant.revoked = true;
  };
  const replayCode = (stored: StoredCode): void => {
    stored.replayed = true;
    revokeGrant(stored.grantId);
  };
  const live = (token: StoredToken | undefined, kind: StoredToken['kind']): token is StoredToken =>
    token !== undefined && token.kind === kind && grants.get(token.grantId)?.revoked === false;

  const model = {
    /**
     * `secret` null: a lookup (the authorization endpoint); undefined: a public client;
     * a string: a confidential client's secret, checked in constant time.
     */
    async getClient(clientId: string, secret: string | null | undefined): Promise<LibraryClient | undefined> {
      const client = libraryClients.get(clientId);
      if (!client || secret === null) return client;
      const expected = client.registered.secret;
      if (secret === undefined || secret === '') return expected === undefined ? client : undefined;
      return expected !== undefined && sameSecret(secret, expected) ? client : undefined;
    },

    async validateRedirectUri(redirectUri: string, client: LibraryClient): Promise<boolean> {
      return client.redirectUris.some((registered) => redirectUriMatches(redirectUri, registered));
    },

    /** No scope asked: the client's full registered scopes. */
    async validateScope(_user: OAuth2Server.User, client: LibraryClient, scope?: string[]): Promise<string[] | false> {
      if (scope === undefined || scope.length === 0) return [...client.registered.scopes];
      return scope.every((s) => client.registered.scopes.includes(s)) ? scope : false;
    },

    async saveAuthorizationCode(
      code: Pick<
        OAuth2Server.AuthorizationCode,
        'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'
      >,
      client: LibraryClient,
      user: OAuth2Server.User,
    ): Promise<OAuth2Server.AuthorizationCode> {
      const saved = { ...code, client, user };
      codes.set(code.authorizationCode, { code: saved, used: false, replayed: false });
      return saved;
    },

    /** A code presented a second time is refused, and the tokens issued from it are revoked. */
    async getAuthorizationCode(value: string): Promise<OAuth2Server.AuthorizationCode | undefined> {
      const stored = codes.get(value);
      if (!stored) return undefined;
      if (stored.used) {
        replayCode(stored);
        return undefined;
      }
      return stored.code;
    },

    async revokeAuthorizationCode(code: OAuth2Server.AuthorizationCode): Promise<boolean> {
      const stored = codes.get(code.authorizationCode);
      if (!stored) return false;
      if (stored.used) {
        replayCode(stored);
        return false;
      }
      stored.used = true;
      return true;
    },

    async saveToken(
      token: OAuth2Server.Token & TokenExtras,
      client: LibraryClient,
      user: OAuth2Server.User,
    ): Promise<OAuth2Server.Token> {
      const scope = token.scope ?? [];
      let grant: Grant | undefined = token.grantId !== undefined ? grants.get(token.grantId) : undefined;
      if (!grant) {
        const fromCode = typeof token.authorizationCode === 'string' ? codes.get(token.authorizationCode) : undefined;
        grant = { id: nextGrant++, clientId: client.id, scope, revoked: fromCode?.replayed === true };
        grants.set(grant.id, grant);
        if (fromCode) fromCode.grantId = grant.id;
      }
      const issuedAt = new Date();
      const save = (value: string, kind: StoredToken['kind'], tokenScope: string[], expiresAt: Date): void => {
        tokens.set(value, {
          value,
          kind,
          grantId: grant.id,
          client,
          scope: tokenScope,
          issuedAt,
          expiresAt,
          rotated: false,
        });
      };
      save(token.accessToken, 'access', scope, token.accessTokenExpiresAt ?? issuedAt);
      if (token.refreshToken !== undefined) {
        save(
          token.refreshToken,
          'refresh',
          token.refreshTokenScope ?? grant.scope,
          token.refreshTokenExpiresAt ?? issuedAt,
        );
      }
      return {
        accessToken: token.accessToken,
        ...(token.accessTokenExpiresAt ? { accessTokenExpiresAt: token.accessTokenExpiresAt } : {}),
        ...(token.refreshToken !== undefined ? { refreshToken: token.refreshToken } : {}),
        ...(token.refreshTokenExpiresAt ? { refreshTokenExpiresAt: token.refreshTokenExpiresAt } : {}),
        scope,
        client,
        user,
      };
    },

    async getAccessToken(value: string): Promise<OAuth2Server.Token | undefined> {
      const stored = tokens.get(value);
      if (!live(stored, 'access')) return undefined;
      return {
        accessToken: value,
        accessTokenExpiresAt: stored.expiresAt,
        scope: stored.scope,
        client: stored.client,
        user: RESOURCE_OWNER,
      };
    },

    /** A rotated refresh token presented again means it leaked: the whole grant is revoked. */
    async getRefreshToken(value: string): Promise<(OAuth2Server.RefreshToken & TokenExtras) | undefined> {
      const stored = tokens.get(value);
      if (!live(stored, 'refresh')) return undefined;
      if (stored.rotated) {
        revokeGrant(stored.grantId);
        return undefined;
      }
      return {
        refreshToken: value,
        refreshTokenExpiresAt: stored.expiresAt,
        scope: stored.scope,
        client: stored.client,
        user: RESOURCE_OWNER,
        grantId: stored.grantId,
      };
    },

    /** Rotation: the old refresh token stops working; access tokens already issued stay valid. */
    async revokeToken(token: OAuth2Server.RefreshToken): Promise<boolean> {
      const stored = tokens.get(token.refreshToken);
      if (!live(stored, 'refresh')) return false;
      if (stored.rotated) {
        revokeGrant(stored.grantId);
        return false;
      }
      stored.rotated = true;
      return true;
    },
  };

  /**
   * RFC 7662 answer for `value`, asked by `clientId`: tokens of other clients are inactive.
   * @see [RFC 7662 §2.2](https://www.rfc-editor.org/rfc/rfc7662.html#section-2.2)
   */
  function introspect(value: string, clientId: string): IntrospectionResult {
    const stored = tokens.get(value);
    if (!stored || grants.get(stored.grantId)?.revoked !== false || stored.client.id !== clientId)
      return { active: false };
    if (stored.rotated || stored.expiresAt.getTime() <= Date.now()) return { active: false };
    return {
      active: true,
      scope: stored.scope.join(' '),
      client_id: stored.client.id,
      ...(stored.kind === 'access' ? { token_type: 'Bearer' } : {}),
      exp: seconds(stored.expiresAt),
      iat: seconds(stored.issuedAt),
      sub: RESOURCE_OWNER.id,
    };
  }

  return { model, introspect };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
