import { Url } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES, type ApiDescription } from '../../src/description/index.js';
import { buildAuth } from '../../src/generate/auth.js';
import { buildCollection, buildEnvironment } from '../../src/generate/index.js';
import type { Json } from '../helpers/json.js';
import { loadMinimal } from '../helpers/specs.js';

describe('the collection’s auth block', () => {
  it('is of type oauth2: any other type makes Postman drop the OAuth 2.0 settings (and the PKCE challenge)', async () => {
    const auth = buildAuth(await loadMinimal());
    expect(auth.type).toBe('oauth2');
    expect(auth.oauth2.find((e) => e.key === 'challengeAlgorithm')?.value).toBe('S256');
    expect(auth.oauth2.find((e) => e.key === 'client_authentication')?.value).toBe('header');
  });
});

/** The minimal description with the endpoints of an API like Xero's: two servers, paths of their own. */
async function ownEndpoints(): Promise<ApiDescription> {
  const spec = structuredClone(await loadMinimal());
  spec.auth.authorizePath = '/identity/connect/authorize';
  spec.auth.tokenPath = '/connect/token';
  spec.environments.staging.authorizeServerUrl = 'https://login.example.com';
  spec.environments.production.authorizeServerUrl = 'https://login.example.com';
  return spec;
}

const entryValue = (entries: ReadonlyArray<{ key: string; value: unknown }>, key: string) =>
  entries.find((e) => e.key === key)?.value;

describe("the collection's OAuth 2.0 endpoints are the description's", () => {
  it("Pleo's: {{authServerUrl}}/oauth/authorize and /oauth/token, and no authorizeServerUrl variable", async () => {
    const spec = await loadMinimal();
    const auth = buildAuth(spec).oauth2;
    expect(entryValue(auth, 'authUrl')).toBe('{{authServerUrl}}/oauth/authorize');
    expect(entryValue(auth, 'accessTokenUrl')).toBe('{{authServerUrl}}/oauth/token');
    for (const name of ENVIRONMENT_NAMES)
      expect(buildEnvironment(spec, name, []).values.map((v) => v.key)).not.toContain('authorizeServerUrl');
  });

  it('the auth block, the token requests and the environments follow them', async () => {
    const spec = await ownEndpoints();
    const auth = buildAuth(spec).oauth2;
    expect(entryValue(auth, 'authUrl')).toBe('{{authorizeServerUrl}}/identity/connect/authorize');
    expect(entryValue(auth, 'accessTokenUrl')).toBe('{{authServerUrl}}/connect/token');
    expect(entryValue(auth, 'refreshTokenUrl')).toBe('{{authServerUrl}}/connect/token');
    const { collection } = buildCollection(spec) as { collection: Json };
    const tokenItems = (collection.item as Json[])
      .flatMap((folder) => folder.item as Json[])
      .filter((item) => item.request.auth?.type === 'basic');
    expect(tokenItems.length).toBeGreaterThan(1); // the Token folder's and the Security folder's narrowing
    for (const item of tokenItems) {
      expect(item.request.url).toMatchObject({ raw: '{{authServerUrl}}/connect/token', path: ['connect', 'token'] });
      expect(new Url(item.request.url).getPath()).toBe('/connect/token');
    }
    const scripts = JSON.stringify(collection);
    expect(scripts).not.toContain('/oauth/');
    const envs = Object.fromEntries(
      ENVIRONMENT_NAMES.map((name) => [
        name,
        entryValue(buildEnvironment(spec, name, []).values, 'authorizeServerUrl'),
      ]),
    );
    expect(envs).toEqual({
      staging: 'https://login.example.com',
      production: 'https://login.example.com',
      local: '{{authServerUrl}}',
    });
  });

  it("auth.refreshPath (an OpenAPI refreshUrl of its own) is the auth block's refreshTokenUrl; the token URL stays", async () => {
    const spec = await ownEndpoints();
    spec.auth.refreshPath = '/connect/refresh';
    const auth = buildAuth(spec).oauth2;
    expect(entryValue(auth, 'accessTokenUrl')).toBe('{{authServerUrl}}/connect/token');
    expect(entryValue(auth, 'refreshTokenUrl')).toBe('{{authServerUrl}}/connect/refresh');
    const { collection } = buildCollection(spec) as { collection: Json };
    expect(entryValue(collection.auth.oauth2, 'refreshTokenUrl')).toBe('{{authServerUrl}}/connect/refresh');
  });

  it('an environment without authorizeServerUrl gives authServerUrl when another has one', async () => {
    const spec = await ownEndpoints();
    delete spec.environments.staging.authorizeServerUrl;
    expect(entryValue(buildEnvironment(spec, 'staging', []).values, 'authorizeServerUrl')).toBe(
      spec.environments.staging.authServerUrl,
    );
  });
});
