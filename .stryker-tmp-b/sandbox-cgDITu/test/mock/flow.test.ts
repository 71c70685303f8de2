// @ts-nocheck
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';

/**
 * The whole life of a grant, driven by oauth4webapi (an independent, spec-following OAuth client):
 * discovery, authorization with PKCE S256, code exchange with client_secret_basic, an API call,
 * refresh with rotation, and a replayed refresh token revoking the grant.
 */
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const VENDOR = '/v1/vendors/0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11';

let mock: RunningMock;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  mock = await startMock({ spec: await loadMinimal(), port: 0, autoApprove: true });
  const issuer = new URL(mock.url);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
});
afterAll(() => mock.close());

async function authorizationCode(client: oauth.Client, scope: string) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const redirectUri = `${mock.url}/callback`;
  const url = new URL(as.authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const params = oauth.validateAuthResponse(as, client, new URL(res.headers.get('location') ?? ''), state);
  return { params, verifier, redirectUri };
}

const get = (token: string, path = VENDOR) =>
  oauth.protectedResourceRequest(token, 'GET', new URL(`${mock.url}${path}`), undefined, undefined, insecure);

async function challengeOf(promise: Promise<Response>): Promise<oauth.WWWAuthenticateChallenge[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  return (error as oauth.WWWAuthenticateChallengeError).cause;
}

async function refreshError(
  client: oauth.Client,
  auth: oauth.ClientAuth,
  refreshToken: string,
): Promise<string | undefined> {
  const response = await oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, insecure);
  const error = await oauth.processRefreshTokenResponse(as, client, response).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(oauth.ResponseBodyError);
  return (error as oauth.ResponseBodyError).error;
}

describe('oauth4webapi against the mock', () => {
  it('discovers RFC 8414 metadata with the issuer it was asked for', () => {
    expect(as.issuer).toBe(mock.url);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'none']);
    expect(as.introspection_endpoint).toBe(`${mock.url}/oauth/token/introspect`);
    expect(as.scopes_supported).toEqual(['vendors:read', 'vendors:write', 'users:read']);
  });

  it('runs authorize → token → API → refresh → rotation → replay revokes the grant', async () => {
    const client: oauth.Client = { client_id: TEST_CLIENT.id };
    const auth = oauth.ClientSecretBasic(TEST_CLIENT.secret);
    const { params, verifier, redirectUri } = await authorizationCode(client, 'vendors:read users:read');
    const first = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, redirectUri, verifier, insecure),
    );
    expect(first.token_type).toBe('bearer');
    expect(first.expires_in).toBe(900);
    expect(first.scope).toBe('vendors:read users:read');
    expect(first.refresh_token).toEqual(expect.any(String));

    const vendor = await get(first.access_token);
    expect(vendor.status).toBe(200);
    expect(await vendor.json()).toEqual({
      data: { id: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11', name: 'Acme ApS', country: 'DK' },
    });

    // Rotation: a new access and refresh token; the old refresh token stops working, the old access token does not.
    const second = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, first.refresh_token ?? '', insecure),
    );
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await get(first.access_token)).status).toBe(200);
    expect((await get(second.access_token)).status).toBe(200);

    const introspected = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, second.access_token, insecure),
    );
    expect(introspected).toMatchObject({
      active: true,
      client_id: TEST_CLIENT.id,
      scope: 'vendors:read users:read',
      token_type: 'Bearer',
    });

    // Replay of the rotated refresh token: refused, and every token of the grant is revoked.
    expect(await refreshError(client, auth, first.refresh_token ?? '')).toBe('invalid_grant');
    for (const token of [first.access_token, second.access_token]) {
      const [challenge] = await challengeOf(get(token));
      expect(challenge).toMatchObject({ scheme: 'bearer', parameters: { error: 'invalid_token' } });
    }
    expect(await refreshError(client, auth, second.refresh_token ?? '')).toBe('invalid_grant');
    const after = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, second.access_token, insecure),
    );
    expect(after.active).toBe(false);
  });

  it('serves the public client with PKCE and no client authentication', async () => {
    const client: oauth.Client = { client_id: PUBLIC_TEST_CLIENT.id };
    const { params, verifier, redirectUri } = await authorizationCode(client, 'vendors:read');
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, insecure),
    );
    expect(tokens.scope).toBe('vendors:read');
    expect((await get(tokens.access_token)).status).toBe(200);
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token ?? '', insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('answers a token without the endpoint scope with an insufficient_scope challenge naming it', async () => {
    const client: oauth.Client = { client_id: TEST_CLIENT.id };
    const { params, verifier, redirectUri } = await authorizationCode(client, 'users:read');
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.ClientSecretBasic(TEST_CLIENT.secret),
        params,
        redirectUri,
        verifier,
        insecure,
      ),
    );
    const [challenge] = await challengeOf(get(tokens.access_token));
    expect(challenge).toMatchObject({
      scheme: 'bearer',
      parameters: { error: 'insufficient_scope', scope: 'vendors:read' },
    });
  });
});
