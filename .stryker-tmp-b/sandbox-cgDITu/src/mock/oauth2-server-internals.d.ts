/**
 * Types for the two grant-type classes of @node-oauth/oauth2-server that the mock subclasses.
 * The package ships types for its public API only; these modules are its documented extension
 * point (`extendedGrantTypes` may replace a built-in grant) and are plain CommonJS classes.
 */
// @ts-nocheck


declare module '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js' {
  import OAuth2Server from '@node-oauth/oauth2-server';

  class AuthorizationCodeGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    verifyPKCE(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void;
    validateRedirectUri(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void;
  }
  export = AuthorizationCodeGrantType;
}

declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js' {
  import OAuth2Server from '@node-oauth/oauth2-server';

  class RefreshTokenGrantType extends OAuth2Server.AbstractGrantType {
    /** Set by the constructor from `options.model`. */
    model: OAuth2Server.RefreshTokenModel;
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.RefreshToken>;
    revokeToken(token: OAuth2Server.RefreshToken): Promise<OAuth2Server.RefreshToken>;
    getScope(request: OAuth2Server.Request, token?: OAuth2Server.RefreshToken): string[];
  }
  export = RefreshTokenGrantType;
}
