import { describe, expect, it } from 'vitest';
import type { ApiDescription } from '../../../src/description/index.js';
import { buildCollection, buildEnvironment } from '../../../src/generate/index.js';
import {
  collectionEndpoints,
  collectionTokenPaths,
  runEndpointUrls,
  tokenAndRefreshUrls,
} from '../../../src/run/tokens/endpoints.js';
import { endpointsOf, endpointValues } from '../../../src/run/tokens/harness-tokens.js';
import { withoutWrites } from '../../../src/run/target/writes.js';
import { loadMinimal } from '../../helpers/specs.js';

/** The minimal description with Xero-like endpoints: the authorization endpoint on a server of its own. */
async function ownEndpoints(): Promise<ApiDescription> {
  const spec = structuredClone(await loadMinimal());
  spec.auth.authorizePath = '/identity/connect/authorize';
  spec.auth.tokenPath = '/connect/token';
  spec.environments.staging.authorizeServerUrl = 'https://login.example.com';
  return spec;
}

describe('the harness asks where the collection does (endpoints.ts)', () => {
  it("reads the collection's auth block; a collection without one gets Pleo's endpoints", async () => {
    const spec = await ownEndpoints();
    expect(collectionEndpoints(buildCollection(spec).collection)).toEqual({
      authorize: '{{authorizeServerUrl}}/identity/connect/authorize',
      token: '{{authServerUrl}}/connect/token',
      refresh: '{{authServerUrl}}/connect/token',
    });
    expect(collectionEndpoints({})).toEqual({
      authorize: '{{authServerUrl}}/oauth/authorize',
      token: '{{authServerUrl}}/oauth/token',
      refresh: '{{authServerUrl}}/oauth/token',
    });
    // An empty, blank or non-string entry is no URL: Pleo's.
    for (const value of ['', '  ', 5])
      expect(collectionEndpoints({ auth: { type: 'oauth2', oauth2: [{ key: 'accessTokenUrl', value }] } }).token).toBe(
        '{{authServerUrl}}/oauth/token',
      );
    // A collection whose auth block has no refreshTokenUrl refreshes at its token URL.
    expect(
      collectionEndpoints({
        auth: { type: 'oauth2', oauth2: [{ key: 'accessTokenUrl', value: '{{authServerUrl}}/t' }] },
      }).refresh,
    ).toBe('{{authServerUrl}}/t');
    expect(collectionEndpoints({ auth: { type: 'bearer', oauth2: [{ key: 'authUrl', value: 'x' }] } }).authorize).toBe(
      '{{authServerUrl}}/oauth/authorize',
    );
    expect(collectionTokenPaths(buildCollection(spec).collection)).toEqual(['/connect/token']);
    const refreshing = { ...spec, auth: { ...spec.auth, refreshPath: '/connect/refresh' } };
    expect(collectionTokenPaths(buildCollection(refreshing).collection)).toEqual([
      '/connect/token',
      '/connect/refresh',
    ]);
  });

  it('fills them from the environment file and the overrides: staging, and local (nested {{authServerUrl}})', async () => {
    const spec = await ownEndpoints();
    const collection = buildCollection(spec).collection;
    const staging = buildEnvironment(spec, 'staging', []);
    expect(endpointsOf({ collection, environment: staging })).toEqual({
      authorizeUrl: 'https://login.example.com/identity/connect/authorize',
      tokenUrl: 'https://auth.staging.pleo.io/connect/token',
    });
    expect(endpointValues({ collection, environment: staging })).not.toHaveProperty('refreshUrl');
    const local = buildEnvironment(spec, 'local', []);
    const mock = 'http://127.0.0.1:54321';
    expect(endpointValues({ collection, environment: local, envVars: { authServerUrl: `${mock}/` } })).toMatchObject({
      authServerUrl: `${mock}/`,
      authorizeUrl: `${mock}/identity/connect/authorize`,
      tokenUrl: `${mock}/connect/token`,
      redirectUri: `${mock}/callback`,
    });
  });

  it('a description with auth.refreshPath: refreshes go there, the rotation is watched at both URLs', async () => {
    const spec = await ownEndpoints();
    spec.auth.refreshPath = '/connect/refresh';
    const collection = buildCollection(spec).collection;
    expect(collectionEndpoints(collection).refresh).toBe('{{authServerUrl}}/connect/refresh');
    const staging = buildEnvironment(spec, 'staging', []);
    expect(endpointsOf({ collection, environment: staging })).toEqual({
      authorizeUrl: 'https://login.example.com/identity/connect/authorize',
      tokenUrl: 'https://auth.staging.pleo.io/connect/token',
      refreshUrl: 'https://auth.staging.pleo.io/connect/refresh',
    });
    const urls = runEndpointUrls(collection, (name) => (name === 'authServerUrl' ? 'http://127.0.0.1:1' : ''));
    expect(tokenAndRefreshUrls(urls)).toEqual([
      'http://127.0.0.1:1/connect/token',
      'http://127.0.0.1:1/connect/refresh',
    ]);
    expect(tokenAndRefreshUrls({ ...urls, refresh: urls.token })).toEqual(['http://127.0.0.1:1/connect/token']);
  });

  it("keeps the token requests in a production run without writes: they are at the description's token path", async () => {
    const spec = await ownEndpoints();
    const collection = buildCollection(spec).collection as { item: Array<{ name: string }>; auth?: unknown };
    const { collection: kept, skipped } = withoutWrites(collection);
    expect(kept.item.map((f) => f.name)).toContain('Token');
    expect(skipped.map((s) => s.path)).not.toContain('/connect/token');
    expect(skipped.map((s) => `${s.method} ${s.path}`)).toContain('POST /v1/vendors');
  });
});
