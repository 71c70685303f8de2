import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { importInputHash } from '../../src/openapi/input-hash.js';
import { discoveryUrlsOfText, localDiscoveryFile } from '../../src/openapi/oidc-discovery.js';
import { tempDir } from '../helpers/temp.js';

const SCHEMES = 'test/fixtures/openapi/schemes';
const LOCAL = `${SCHEMES}/openid-connect-local.yaml`;

async function imported(file: string) {
  const outcome = await importOpenApi({ files: [file], into: join(tempDir(), 'api.yaml') });
  const result = validateSpec(outcome.text, 'api.yaml');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { outcome, spec: result.spec as ApiDescription };
}

/** A copy of the local-discovery document in a folder of its own, naming `url`, with `discovery` there as `oidc.json`. */
function documentNaming(url: (dir: string) => string, discovery?: string) {
  const dir = tempDir();
  if (discovery !== undefined) writeFileSync(join(dir, 'oidc.json'), discovery);
  const file = join(dir, 'notes.yaml');
  writeFileSync(
    file,
    `openapi: 3.1.0
info: { title: Notes, version: '1.0' }
servers: [{ url: 'https://notes.example.com/v1' }]
security: [{ Oidc: [] }]
paths:
  /notes:
    get:
      responses: { '200': { description: OK, content: { application/json: { example: [a] } } } }
components:
  securitySchemes:
    Oidc: { type: openIdConnect, openIdConnectUrl: '${url(dir)}' }
`,
  );
  return { dir, file };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('OpenID Connect with a local discovery document (oidc-discovery.ts)', () => {
  it("a relative openIdConnectUrl naming a file beside the document: its endpoints are the description's", async () => {
    const { spec, outcome } = await imported(LOCAL);
    expect(spec.auth.scheme).toEqual({ type: 'oauth2' });
    expect(spec.auth).toMatchObject({ authorizePath: '/connect/authorize', tokenPath: '/connect/token' });
    expect(spec.environments.production.authServerUrl).toBe('https://id.example.com');
    expect(spec.environments.staging.authServerUrl).toBe('https://id.example.com');
    expect(outcome.notes.filter((n) => /OpenID Connect|OAuth 2\.0/.test(n))).toEqual([]);
  });

  it('a file: URL is read as well', async () => {
    const discovery = JSON.stringify({
      authorization_endpoint: 'https://login.example.org/oauth2/v2/auth',
      token_endpoint: 'https://tokens.example.org/token',
    });
    const { file } = documentNaming((dir) => pathToFileURL(join(dir, 'oidc.json')).href, discovery);
    const { spec } = await imported(file);
    expect(spec.auth).toMatchObject({ authorizePath: '/oauth2/v2/auth', tokenPath: '/token' });
    expect(spec.environments.production).toMatchObject({
      authServerUrl: 'https://tokens.example.org',
      authorizeServerUrl: 'https://login.example.org',
    });
  });

  it.each([
    ['not YAML or JSON', '{ "authorization_endpoint": ', /cannot be read \(/],
    [
      'no endpoints',
      '{ "issuer": "https://id.example.org" }',
      /names neither an authorization_endpoint nor a token_endpoint/,
    ],
    ['relative endpoints', '{ "authorization_endpoint": "/authorize" }', /names neither/],
  ])('a discovery document with %s is a note; the import goes on as without one', async (_name, text, reason) => {
    const { file } = documentNaming(() => 'oidc.json', text);
    const { spec, outcome } = await imported(file);
    expect(spec.auth.scheme).toEqual({ type: 'oauth2' });
    expect(outcome.text).not.toMatch(/tokenPath|authorizePath/);
    const note = outcome.notes.find((n) => n.startsWith('OpenID Connect discovery '));
    expect(note).toMatch(reason);
    expect(note).toContain(`(${file}#Oidc)`);
    expect(outcome.notes).toContainEqual(
      expect.stringMatching(/^GET \/notes .*: secured by OpenID Connect; its discovery/),
    );
  });

  it('an https: URL, or a relative one naming no local file, is never fetched: the note says it is not carried over', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    for (const file of [
      `${SCHEMES}/openid-connect.yaml`,
      documentNaming(() => '.well-known/openid-configuration').file,
    ]) {
      const { outcome } = await imported(file);
      expect(outcome.text).not.toMatch(/tokenPath|authorizePath/);
      expect(outcome.notes).toContainEqual(expect.stringContaining('secured by OpenID Connect; its discovery ('));
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('which URLs name a local file', () => {
    expect(localDiscoveryFile('https://id.example.com/.well-known/openid-configuration', LOCAL)).toBeUndefined();
    expect(localDiscoveryFile('//id.example.com/x', LOCAL)).toBeUndefined();
    expect(localDiscoveryFile('', LOCAL)).toBeUndefined();
    expect(localDiscoveryFile(42, LOCAL)).toBeUndefined();
    expect(localDiscoveryFile('openid-configuration.json', LOCAL)).toBe(`${SCHEMES}/openid-configuration.json`);
    expect(localDiscoveryFile('openid-configuration.json?x=1', LOCAL)).toBe(`${SCHEMES}/openid-configuration.json`);
    expect(localDiscoveryFile('missing.json', LOCAL)).toBeUndefined();
    expect(localDiscoveryFile('file:///tmp/oidc.json', LOCAL)).toBe('/tmp/oidc.json');
    expect(localDiscoveryFile('file://host/x', LOCAL)).toBeUndefined();
    expect(
      discoveryUrlsOfText('a: { type: openIdConnect, openIdConnectUrl: x.json }\n"openIdConnectUrl": "https://y"'),
    ).toEqual(['x.json', 'https://y']);
  });

  it("the import's fingerprint covers the discovery document: a change to it is another input", async () => {
    const discovery = (token: string) =>
      JSON.stringify({
        authorization_endpoint: 'https://id.example.org/a',
        token_endpoint: `https://id.example.org/${token}`,
      });
    const { dir, file } = documentNaming(() => 'oidc.json', discovery('t1'));
    const options = { files: [file], into: join(dir, 'api.yaml') };
    const first = await importInputHash(options);
    expect(await importInputHash(options)).toBe(first);
    writeFileSync(join(dir, 'oidc.json'), discovery('t2'));
    const second = await importInputHash(options);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
  });
});
