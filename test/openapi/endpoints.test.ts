import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  endpointTemplates,
  endpointUrls,
  endpointVariables,
  validateSpec,
  type ApiDescription,
  type EnvironmentName,
} from '../../src/description/index.js';
import { buildCollection } from '../../src/generate/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { tempDir } from '../helpers/temp.js';

type Flows = Record<string, Record<string, unknown>>;

/** A one-operation document secured by one OAuth 2.0 scheme with these flows. */
const documentWith = (flows: Flows, servers: unknown[] = [{ url: 'https://api.example.org/v1' }]) => ({
  openapi: '3.0.3',
  info: { title: 'Flows', version: '1.0.0' },
  servers,
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        security: [{ OAuth: ['things:read'] }],
        responses: { '200': { description: 'OK', content: { 'application/json': { example: { ok: true } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      OAuth: {
        type: 'oauth2',
        flows: Object.fromEntries(
          Object.entries(flows).map(([kind, flow]) => [kind, { scopes: { 'things:read': 'Read things' }, ...flow }]),
        ),
      },
    },
  },
});

async function imported(flows: Flows, servers?: unknown[]) {
  const dir = tempDir();
  const file = join(dir, 'flows.json');
  writeFileSync(file, JSON.stringify(documentWith(flows, servers)));
  const outcome = await importOpenApi({ files: [file], into: join(dir, 'api.yaml') });
  const result = validateSpec(outcome.text, 'api.yaml');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const spec = result.spec as ApiDescription;
  // The authorization and token URLs, and the refresh URL only where it is not the token URL.
  const urls = (env: EnvironmentName) => {
    const values: Record<string, string> = endpointVariables(spec.environments[env]);
    const { refresh, ...rest } = endpointUrls(endpointTemplates(spec), (name) => values[name] ?? '');
    return refresh === rest.token ? (rest as typeof rest & { refresh?: string }) : { ...rest, refresh };
  };
  return { outcome, spec, urls };
}

describe("the importer carries each flow's own authorization and token URLs", () => {
  it('one origin: authServerUrl is that origin, the paths are the rest, exactly as written', async () => {
    const { spec, urls, outcome } = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/api/token',
      },
    });
    expect(spec.environments.production.authServerUrl).toBe('https://auth.example.org');
    expect(spec.environments.production.authorizeServerUrl).toBeUndefined();
    expect(spec.auth).toMatchObject({ authorizePath: '/authorize', tokenPath: '/api/token' });
    for (const env of ['staging', 'production'] as const)
      expect(urls(env)).toEqual({
        authorize: 'https://auth.example.org/authorize',
        token: 'https://auth.example.org/api/token',
      });
    expect(urls('local')).toEqual({
      authorize: 'http://127.0.0.1:4010/authorize',
      token: 'http://127.0.0.1:4010/api/token',
    });
    expect(outcome.text).toMatch(/\n {2}authorizePath: \/authorize\n {2}tokenPath: \/api\/token\n/);
    expect(outcome.notes.filter((n) => n.includes('OAuth 2.0'))).toEqual([]);
  });

  it("Pleo's paths are not written: the description stays as it was", async () => {
    const { outcome, urls } = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/oauth/authorize',
        tokenUrl: 'https://auth.example.org/oauth/token',
      },
    });
    expect(outcome.text).not.toMatch(/authorizePath|tokenPath|authorizeServerUrl/);
    expect(urls('production').token).toBe('https://auth.example.org/oauth/token');
  });

  it('two origins (as Xero): the token origin is authServerUrl, the authorization one authorizeServerUrl', async () => {
    const { spec, urls } = await imported({
      authorizationCode: {
        authorizationUrl: 'https://login.example.org/identity/connect/authorize',
        tokenUrl: 'https://identity.example.org/connect/token',
      },
    });
    expect(spec.environments.staging).toMatchObject({
      authServerUrl: 'https://identity.example.org',
      authorizeServerUrl: 'https://login.example.org',
    });
    expect(spec.environments.local.authorizeServerUrl).toBeUndefined();
    expect(urls('production')).toEqual({
      authorize: 'https://login.example.org/identity/connect/authorize',
      token: 'https://identity.example.org/connect/token',
    });
    expect(urls('local')).toEqual({
      authorize: 'http://127.0.0.1:4010/identity/connect/authorize',
      token: 'http://127.0.0.1:4010/connect/token',
    });
  });

  it('client credentials only: the token URL is carried, the authorization endpoint defaults below its origin, with a note', async () => {
    const { spec, urls, outcome } = await imported({
      clientCredentials: { tokenUrl: 'https://identity.example.org/connect/token' },
    });
    expect(spec.environments.production.authServerUrl).toBe('https://identity.example.org');
    expect(urls('production')).toEqual({
      authorize: 'https://identity.example.org/oauth/authorize',
      token: 'https://identity.example.org/connect/token',
    });
    expect(outcome.notes).toContainEqual(expect.stringContaining('OAuth 2.0: no flow names an authorization URL'));
  });

  it("relative URLs resolve against the document's server", async () => {
    const { spec, urls } = await imported({
      authorizationCode: { authorizationUrl: '/oauth2/authorize', tokenUrl: 'oauth2/token' },
    });
    expect(spec.environments.production.authServerUrl).toBe('https://api.example.org');
    expect(urls('production')).toEqual({
      authorize: 'https://api.example.org/oauth2/authorize',
      token: 'https://api.example.org/oauth2/token',
    });
  });

  it('relative URLs without an absolute server resolve against the environments’ API base', async () => {
    const { urls } = await imported({ authorizationCode: { authorizationUrl: '/authorize', tokenUrl: '/token' } }, []);
    expect(urls('production')).toEqual({
      authorize: 'https://api.example.com/authorize',
      token: 'https://api.example.com/token',
    });
  });

  it('a first flow without an authorization URL: the one that has it gives it, no https://api.example.com', async () => {
    const { spec, urls, outcome } = await imported({
      clientCredentials: { tokenUrl: 'https://auth.example.org/api/token' },
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/api/token',
      },
    });
    expect(JSON.stringify(spec.environments)).not.toContain('api.example.com');
    expect(urls('staging')).toEqual({
      authorize: 'https://auth.example.org/authorize',
      token: 'https://auth.example.org/api/token',
    });
    expect(outcome.notes.filter((n) => n.includes('OAuth 2.0'))).toEqual([]);
  });

  it('an implicit flow gives the authorization URL, a password flow the token URL', async () => {
    const { urls, outcome } = await imported({
      password: { tokenUrl: 'https://auth.example.org/token' },
      implicit: { authorizationUrl: 'https://auth.example.org/authorize' },
    });
    expect(urls('production')).toEqual({
      authorize: 'https://auth.example.org/authorize',
      token: 'https://auth.example.org/token',
    });
    expect(outcome.notes.filter((n) => n.includes('OAuth 2.0'))).toEqual([]);
  });

  it("flows that disagree: Authorization Code's URLs win, each other one noted", async () => {
    const { urls, outcome } = await imported({
      clientCredentials: { tokenUrl: 'https://m2m.example.org/token', refreshUrl: 'https://m2m.example.org/refresh' },
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/token',
      },
    });
    expect(urls('production')).toEqual({
      authorize: 'https://auth.example.org/authorize',
      token: 'https://auth.example.org/token',
    });
    expect(outcome.notes).toContainEqual(
      expect.stringMatching(
        /^OAuth 2\.0 tokenUrl https:\/\/m2m\.example\.org\/token \(.*#OAuth, clientCredentials\): the collection uses https:\/\/auth\.example\.org\/token$/,
      ),
    );
    expect(outcome.notes).toContainEqual(
      expect.stringMatching(
        /^OAuth 2\.0 refreshUrl https:\/\/m2m\.example\.org\/refresh \(.*#OAuth, clientCredentials\): not carried over; tokens are refreshed at https:\/\/auth\.example\.org\/token$/,
      ),
    );
  });

  it("the token flow's refreshUrl on the token URL's origin is auth.refreshPath, in every environment and the collection", async () => {
    const { spec, urls, outcome } = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/token',
        refreshUrl: 'https://auth.example.org/token/refresh',
      },
    });
    expect(spec.auth).toMatchObject({ tokenPath: '/token', refreshPath: '/token/refresh' });
    expect(outcome.text).toMatch(/\n {2}tokenPath: \/token\n {2}refreshPath: \/token\/refresh\n/);
    expect(urls('production')).toEqual({
      authorize: 'https://auth.example.org/authorize',
      token: 'https://auth.example.org/token',
      refresh: 'https://auth.example.org/token/refresh',
    });
    expect(urls('local').refresh).toBe('http://127.0.0.1:4010/token/refresh');
    expect(outcome.notes.filter((n) => n.includes('OAuth 2.0'))).toEqual([]);
    const auth = (buildCollection(spec).collection as { auth: { oauth2: Array<{ key: string; value: unknown }> } }).auth
      .oauth2;
    expect(Object.fromEntries(auth.map((e) => [e.key, e.value]))).toMatchObject({
      accessTokenUrl: '{{authServerUrl}}/token',
      refreshTokenUrl: '{{authServerUrl}}/token/refresh',
    });
  });

  it('a relative refreshUrl resolves against the server; one equal to the token URL, or empty, writes no refreshPath', async () => {
    const relative = await imported({
      authorizationCode: { authorizationUrl: '/authorize', tokenUrl: '/token', refreshUrl: '/refresh' },
    });
    expect(relative.spec.auth.refreshPath).toBe('/refresh');
    expect(relative.urls('production').refresh).toBe('https://api.example.org/refresh');
    for (const refreshUrl of ['https://auth.example.org/api/token', '']) {
      const same = await imported({
        authorizationCode: {
          authorizationUrl: 'https://auth.example.org/authorize',
          tokenUrl: 'https://auth.example.org/api/token',
          refreshUrl,
        },
      });
      expect(same.outcome.text).not.toContain('refreshPath');
      expect(same.outcome.notes.filter((n) => n.includes('OAuth 2.0'))).toEqual([]);
    }
    const pleoPaths = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/oauth/authorize',
        tokenUrl: 'https://auth.example.org/oauth/token',
        refreshUrl: 'https://auth.example.org/oauth/token',
      },
    });
    expect(pleoPaths.outcome.text).not.toMatch(/authorizePath|tokenPath|refreshPath/);
  });

  it('a refreshUrl on another origin, or at the authorization URL, is noted and not carried over', async () => {
    const other = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/token',
        refreshUrl: 'https://refresh.example.org/token',
      },
    });
    expect(other.outcome.text).not.toContain('refreshPath');
    expect(other.outcome.notes).toContainEqual(
      expect.stringMatching(
        /^OAuth 2\.0 refreshUrl https:\/\/refresh\.example\.org\/token \(.*#OAuth, authorizationCode\) is on another origin than the token URL: not carried over; tokens are refreshed at https:\/\/auth\.example\.org\/token$/,
      ),
    );
    const atAuthorize = await imported({
      authorizationCode: {
        authorizationUrl: 'https://auth.example.org/authorize',
        tokenUrl: 'https://auth.example.org/token',
        refreshUrl: 'https://auth.example.org/authorize',
      },
    });
    expect(atAuthorize.outcome.text).not.toContain('refreshPath');
    expect(atAuthorize.outcome.notes).toContainEqual(
      expect.stringContaining('is the authorization URL: not carried over'),
    );
  });

  it('a URL that is not one is noted and skipped; a plain-HTTP authorisation server becomes HTTPS', async () => {
    const { urls, outcome } = await imported({
      authorizationCode: { authorizationUrl: 'mailto:someone@example.org', tokenUrl: 'http://auth.example.org/token' },
    });
    expect(outcome.notes).toContainEqual(expect.stringContaining('"mailto:someone@example.org"'));
    expect(urls('production')).toEqual({
      authorize: 'https://auth.example.org/oauth/authorize',
      token: 'https://auth.example.org/token',
    });
  });

  it('an operation at the token or the refresh endpoint is not imported as a request', async () => {
    const dir = tempDir();
    const file = join(dir, 'flows.json');
    const document = documentWith({
      authorizationCode: {
        authorizationUrl: 'https://api.example.org/authorize',
        tokenUrl: 'https://api.example.org/token',
        refreshUrl: 'https://api.example.org/refresh',
      },
    });
    for (const path of ['/token', '/refresh'])
      (document.paths as Record<string, unknown>)[path] = {
        post: { operationId: `post${path.slice(1)}`, security: [], responses: { '200': { description: 'a token' } } },
      };
    writeFileSync(file, JSON.stringify(document));
    const outcome = await importOpenApi({ files: [file], into: join(dir, 'api.yaml') });
    const spec = validateSpec(outcome.text, 'api.yaml').spec as ApiDescription;
    expect(spec.folders.flatMap((f) => f.requests.map((r) => r.path))).toEqual(['/things']);
    expect(outcome.notes).toContainEqual(expect.stringMatching(/^POST \/token \(.*\): the OAuth 2\.0 token endpoint/));
    expect(outcome.notes).toContainEqual(
      expect.stringMatching(/^POST \/refresh \(.*\): the OAuth 2\.0 refresh endpoint/),
    );
  });
});
