// @ts-nocheck
import OAuth2Server from '@node-oauth/oauth2-server';
import AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js';
import RefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js';
import type { TokenExtras } from './token-store.js';

/**
 * The library's authorization_code grant (code lookup, expiry, single use, S256 check in constant
 * time) with two rules made stricter.
 * @see [RFC 6749 §4.1.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.3)
 */
export class PleoAuthorizationCodeGrantType extends AuthorizationCodeGrantType {
  /**
   * Every code of the mock carries a challenge; a code without one is refused rather than
   * exchanged without PKCE (the library skips the check then).
   * @see [RFC 7636 §4.6](https://www.rfc-editor.org/rfc/rfc7636.html#section-4.6)
   */
  override verifyPKCE(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void {
    if (!code.codeChallenge)
      throw new OAuth2Server.InvalidGrantError('Invalid grant: the code was issued without a PKCE challenge');
    super.verifyPKCE(request, code);
  }

  /**
   * A redirect_uri that differs from the authorization request's is invalid_grant (the library
   * says invalid_request); a missing one stays invalid_request.
   * @see [RFC 6749 §5.2](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.2)
   */
  override validateRedirectUri(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void {
    const given: unknown = request.body?.redirect_uri;
    if (typeof given !== 'string' || given === '')
      throw new OAuth2Server.InvalidRequestError('Missing parameter: redirect_uri');
    if (given !== code.redirectUri) {
      throw new OAuth2Server.InvalidGrantError('Invalid grant: redirect_uri does not match the authorization request');
    }
  }
}

/**
 * The library's refresh_token grant (lookup, client match, expiry, rotation through the model)
 * with the order and scope rules changed:
 * - the requested scope is checked before the old token is revoked, so an invalid_scope answer
 *   does not burn the client's refresh token (the library revokes first);
 * - a narrower scope goes to the new access token only: the new refresh token keeps the grant's
 *   full scope (the library gives both the narrower one).
 * @see [RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749.html#section-6)
 */
export class PleoRefreshTokenGrantType extends RefreshTokenGrantType {
  override async handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token> {
    const token = (await this.getRefreshToken(request, client)) as OAuth2Server.RefreshToken & TokenExtras;
    const scope = this.getScope(request, token) ?? token.scope ?? [];
    await this.revokeToken(token);
    const saved: OAuth2Server.Token & TokenExtras = {
      accessToken: await this.generateAccessToken(client, token.user, scope),
      accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
      refreshToken: await this.generateRefreshToken(client, token.user, token.scope ?? scope),
      refreshTokenExpiresAt: this.getRefreshTokenExpiresAt(),
      scope,
      refreshTokenScope: token.scope ?? scope,
      client,
      user: token.user,
      ...(token.grantId !== undefined ? { grantId: token.grantId } : {}),
    };
    const result = await this.model.saveToken(saved, client, token.user);
    if (!result) throw new OAuth2Server.ServerError('Server error: the token could not be saved');
    return result;
  }
}
