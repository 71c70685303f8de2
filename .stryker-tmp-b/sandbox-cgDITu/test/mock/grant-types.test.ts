// @ts-nocheck
import OAuth2Server from '@node-oauth/oauth2-server';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PleoAuthorizationCodeGrantType, PleoRefreshTokenGrantType } from '../../src/mock/grant-types.js';

/** The two rules of each grant type the mock makes stricter than the library, one by one. */
const request = (body: Record<string, unknown>) =>
  new OAuth2Server.Request({
    method: 'POST',
    query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

const CLIENT = { id: 'client', grants: ['authorization_code', 'refresh_token'] } as OAuth2Server.Client;
const USER = { id: 'user' };
const VERIFIER = 'v'.repeat(43);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

const codeGrant = () =>
  new PleoAuthorizationCodeGrantType({
    accessTokenLifetime: 900,
    model: { getAuthorizationCode: () => undefined, revokeAuthorizationCode: () => true, saveToken: () => undefined },
  } as never);

const code = (extra: Partial<OAuth2Server.AuthorizationCode>) =>
  ({
    authorizationCode: 'c',
    expiresAt: new Date(Date.now() + 60_000),
    redirectUri: 'http://127.0.0.1:9/callback',
    client: CLIENT,
    user: USER,
    ...extra,
  }) as OAuth2Server.AuthorizationCode;

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { name: (error as OAuth2Server.OAuthError).name, message: (error as Error).message };
  }
  return undefined;
};

describe('authorization_code: PKCE is mandatory (RFC 7636 §4.6)', () => {
  it.each([
    ['no challenge at all', {}],
    ['an empty challenge', { codeChallenge: '' }],
  ])('a code issued with %s is refused, even with a verifier', (_name, extra) => {
    expect(thrown(() => codeGrant().verifyPKCE(request({ code_verifier: VERIFIER }), code(extra)))).toEqual({
      name: 'invalid_grant',
      message: 'Invalid grant: the code was issued without a PKCE challenge',
    });
  });

  it('a code with an S256 challenge is exchanged with its verifier', () => {
    const withChallenge = code({ codeChallenge: CHALLENGE, codeChallengeMethod: 'S256' });
    expect(thrown(() => codeGrant().verifyPKCE(request({ code_verifier: VERIFIER }), withChallenge))).toBeUndefined();
  });

  it('and refused with another verifier (the library’s own check still runs)', () => {
    const withChallenge = code({ codeChallenge: CHALLENGE, codeChallengeMethod: 'S256' });
    expect(thrown(() => codeGrant().verifyPKCE(request({ code_verifier: 'w'.repeat(43) }), withChallenge))?.name).toBe(
      'invalid_grant',
    );
  });
});

describe('authorization_code: the redirect_uri must be the authorization request’s (RFC 6749 §4.1.3)', () => {
  it.each([
    ['missing', {}],
    ['empty', { redirect_uri: '' }],
    ['not a string', { redirect_uri: ['http://127.0.0.1:9/callback'] }],
  ])('a redirect_uri that is %s is invalid_request', (_name, body) => {
    expect(thrown(() => codeGrant().validateRedirectUri(request(body), code({})))).toEqual({
      name: 'invalid_request',
      message: 'Missing parameter: redirect_uri',
    });
  });

  it.each([
    ['another one', 'http://127.0.0.1:9/other', {}],
    ['one given where the authorization request sent none', 'http://127.0.0.1:9/callback', { redirectUri: '' }],
  ])('%s is invalid_grant', (_name, given, extra) => {
    expect(thrown(() => codeGrant().validateRedirectUri(request({ redirect_uri: given }), code(extra)))).toEqual({
      name: 'invalid_grant',
      message: 'Invalid grant: redirect_uri does not match the authorization request',
    });
  });

  it('the same one is accepted', () => {
    expect(
      thrown(() => codeGrant().validateRedirectUri(request({ redirect_uri: 'http://127.0.0.1:9/callback' }), code({}))),
    ).toBeUndefined();
  });
});

describe('refresh_token: scope checked before revoking, the grant’s scope kept (RFC 6749 §6)', () => {
  function refreshGrant(options: { saved?: 'echo' | 'nothing'; grantId?: string; scope?: string[] | undefined } = {}) {
    const events: string[] = [];
    const old = {
      refreshToken: 'old',
      client: CLIENT,
      user: USER,
      scope: 'scope' in options ? options.scope : ['a', 'b'],
      ...(options.grantId ? { grantId: options.grantId } : {}),
    };
    let saved: Record<string, unknown> | undefined;
    const grant = new PleoRefreshTokenGrantType({
      accessTokenLifetime: 900,
      refreshTokenLifetime: 3600,
      model: {
        getRefreshToken: () => old,
        revokeToken: () => {
          events.push('revoked');
          return true;
        },
        generateAccessToken: (_c: unknown, _u: unknown, scope: string[]) => `access(${scope.join(' ')})`,
        generateRefreshToken: (_c: unknown, _u: unknown, scope: string[]) => `refresh(${scope.join(' ')})`,
        saveToken: (token: Record<string, unknown>) => {
          events.push('saved');
          saved = token;
          return options.saved === 'nothing' ? undefined : token;
        },
      },
    } as never);
    return { grant, events, saved: () => saved };
  }

  it('a narrower scope goes to the new access token; the new refresh token keeps the full grant', async () => {
    const { grant, events, saved } = refreshGrant({ grantId: 'g1' });
    const token = (await grant.handle(request({ refresh_token: 'old', scope: 'a' }), CLIENT)) as Record<
      string,
      unknown
    >;
    expect(events).toEqual(['revoked', 'saved']);
    expect(saved()).toMatchObject({
      accessToken: 'access(a)',
      refreshToken: 'refresh(a b)',
      scope: ['a'],
      refreshTokenScope: ['a', 'b'],
      client: CLIENT,
      user: USER,
      grantId: 'g1',
    });
    expect(token.accessTokenExpiresAt).toBeInstanceOf(Date);
    expect(token.refreshTokenExpiresAt).toBeInstanceOf(Date);
  });

  it('without a requested scope both tokens get the grant’s scope; no grantId is made up', async () => {
    const { grant, saved } = refreshGrant();
    await grant.handle(request({ refresh_token: 'old' }), CLIENT);
    expect(saved()).toMatchObject({ accessToken: 'access(a b)', refreshToken: 'refresh(a b)', scope: ['a', 'b'] });
    expect(saved()).not.toHaveProperty('grantId');
  });

  it('a token without a scope gives tokens without one', async () => {
    const { grant, saved } = refreshGrant({ scope: undefined });
    await grant.handle(request({ refresh_token: 'old' }), CLIENT);
    expect(saved()).toMatchObject({ scope: [], refreshTokenScope: [], accessToken: 'access()' });
  });

  it('a scope beyond the grant is invalid_scope, and the old refresh token is not burnt', async () => {
    const { grant, events } = refreshGrant();
    await expect(grant.handle(request({ refresh_token: 'old', scope: 'a c' }), CLIENT)).rejects.toMatchObject({
      name: 'invalid_scope',
    });
    expect(events).toEqual([]);
  });

  it('a token the model could not save is a server error, never a token', async () => {
    const { grant } = refreshGrant({ saved: 'nothing' });
    await expect(grant.handle(request({ refresh_token: 'old' }), CLIENT)).rejects.toMatchObject({
      name: 'server_error',
      message: 'Server error: the token could not be saved',
    });
  });
});
