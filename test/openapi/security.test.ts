import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { tempDir } from '../helpers/temp.js';

const SCHEMES = 'test/fixtures/openapi/schemes';

async function imported(file: string) {
  const outcome = await importOpenApi({ files: [file], into: join(tempDir(), 'api.yaml') });
  const result = validateSpec(outcome.text, 'api.yaml');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { outcome, spec: result.spec as ApiDescription };
}

const publicPaths = (spec: ApiDescription) =>
  spec.folders.flatMap((f) => f.requests.filter((r) => r.public).map((r) => `${r.method} ${r.path}`));

describe("the importer carries the document's security scheme into the description", () => {
  it.each([
    ['api-key-header', { type: 'apiKey', in: 'header', name: 'X-API-Key' }],
    ['api-key-query', { type: 'apiKey', in: 'query', name: 'api_key' }],
    ['api-key-cookie', { type: 'apiKey', in: 'cookie', name: 'session' }],
    ['bearer', { type: 'bearer' }],
    ['basic', { type: 'basic' }],
  ])('%s: the scheme, and the operation with `security: []` public; no note about security', async (file, scheme) => {
    const { spec, outcome } = await imported(`${SCHEMES}/${file}.yaml`);
    expect(spec.auth.scheme).toEqual(scheme);
    expect(publicPaths(spec)).toEqual(['GET /health']);
    expect(outcome.notes.filter((n) => /secur/i.test(n))).toEqual([]);
    expect(outcome.text).not.toContain('tokenName');
  });

  it('a document without security is scheme none, its requests not marked one by one', async () => {
    const { spec, outcome } = await imported(`${SCHEMES}/none.yaml`);
    expect(spec.auth.scheme).toEqual({ type: 'none' });
    expect(publicPaths(spec)).toEqual([]);
    expect(outcome.notes.filter((n) => /secur/i.test(n))).toEqual([]);
  });

  it('OAuth 2.0 wins over the other schemes of a document; an operation of another scheme gets a note', async () => {
    const file = 'test/fixtures/openapi/plain-scopes-3.0.yaml';
    const { spec, outcome } = await imported(file);
    expect(spec.auth.scheme).toEqual({ type: 'oauth2' });
    expect(publicPaths(spec)).toEqual(['GET /status']);
    expect(outcome.notes).toContain(
      `GET /admin/stats (${file}): secured by "apiKey" (apiKey), not the collection's OAuth 2.0; imported as needing OAuth 2.0`,
    );
  });

  it('roles named by a bearer requirement are not scopes: a note says they are left out', async () => {
    const file = 'test/fixtures/openapi/public/oai-v3.1-non-oauth-scopes.yaml';
    const { spec, outcome } = await imported(file);
    expect(spec.auth.scheme).toEqual({ type: 'bearer' });
    expect(spec.scopes).toEqual({});
    expect(outcome.notes).toContain(
      `GET /users (${file}): the roles its security names (read:users, public) are not OAuth 2.0 scopes: not carried over`,
    );
  });

  it('OpenID Connect is imported as OAuth 2.0, with a note that its discovery is not carried over', async () => {
    const { spec, outcome } = await imported(`${SCHEMES}/openid-connect.yaml`);
    expect(spec.auth.scheme).toEqual({ type: 'oauth2' });
    expect(outcome.notes).toContain(
      `GET /notes (${SCHEMES}/openid-connect.yaml): secured by OpenID Connect; its discovery (https://id.example.com/.well-known/openid-configuration) is not carried over: imported as OAuth 2.0 at {{authServerUrl}} (set auth.authorizePath, auth.tokenPath and the environments' authServerUrl from it in the overlay)`,
    );
  });

  it('a scheme the description cannot carry (HTTP digest) leaves the API without auth, with a note', async () => {
    const { outcome } = await imported(`${SCHEMES}/digest.yaml`);
    expect(outcome.text).toContain('scheme: none');
    expect(outcome.notes).toContain(
      `GET /notes (${SCHEMES}/digest.yaml): secured by "DigestAuth" (HTTP digest), which cannot be carried over; imported as needing no credentials`,
    );
  });
});
