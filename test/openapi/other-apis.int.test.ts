import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection } from '../../src/generate/index.js';
import { importOpenApi } from '../../src/openapi/index.js';
import { runLocalSuite } from '../../src/run/runners/local.js';
import { tempDir } from '../helpers/cli.js';

const postmanSchema = JSON.parse(readFileSync('test/fixtures/schemas/postman-collection-v2.1.0.schema.json', 'utf8'));
const validateCollection = new Ajv({ strict: false, allErrors: true }).compile(postmanSchema);

import type { Json } from '../helpers/json.js';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The operations a document declares, as `METHOD /path`. */
function operationsOf(file: string, text: string): string[] {
  const doc = (file.endsWith('.json') ? JSON.parse(text) : load(text)) as Json;
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => m in (item as Json)).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

describe.each([
  ['OpenAPI 3.0, JSON: a pet shop', 'test/fixtures/openapi/petstore-3.0.json', ['pets:read', 'pets:write']],
  [
    'OpenAPI 3.1, YAML: a library',
    'test/fixtures/openapi/library-3.1.yaml',
    ['authors:read', 'books:read', 'books:write'],
  ],
  ['OpenAPI 3.1, YAML: a circular schema', 'test/fixtures/openapi/circular-3.1.yaml', ['nodes:read']],
])('%s', (_name, file, scopes) => {
  let spec: ApiDescription;
  it('imports into a description that validates', async () => {
    const outcome = await importOpenApi({ files: [file], into: join(tempDir(), 'api.yaml') });
    const result = validateSpec(outcome.text, 'api.yaml');
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    spec = result.spec as ApiDescription;
    const requests = spec.folders.flatMap((f) => f.requests.map((r) => `${r.method} ${r.path}`));
    expect(requests.sort()).toEqual(operationsOf(file, readFileSync(file, 'utf8')).sort());
  });

  it("the OAuth 2.0 scheme's scopes are the catalogue, and each request has its operation's scopes", () => {
    expect(Object.keys(spec.scopes).sort()).toEqual(scopes);
    for (const request of spec.folders.flatMap((f) => f.requests)) expect(request.scopes.length).toBe(1);
  });

  it("environments come from the servers and the flow's URLs, with a local one for the mock", () => {
    expect(spec.environments.local.apiBaseUrl).toBe('http://127.0.0.1:4010');
    expect(spec.environments.production.apiBaseUrl).toMatch(/^https:\/\//);
  });

  it('keeps a semantic version (Postman needs one): "1" becomes "1.0.0"', () => {
    expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives a v2.1 collection with one request per operation, plus the Security folder', () => {
    const { collection } = buildCollection(spec) as { collection: Json };
    expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
    const folders = collection.item.filter((f: Json) => !['Security', 'Token', 'Negative'].includes(f.name));
    expect(folders.flatMap((f: Json) => f.item).length).toBe(spec.folders.flatMap((f) => f.requests).length);
    expect(collection.item.some((f: Json) => f.name === 'Security')).toBe(true);
  });

  it('runs against the local mock with no failures', async () => {
    const summary = await runLocalSuite({ spec, reporters: [] });
    expect(summary.failures).toEqual([]);
    expect(summary.ok).toBe(true);
    expect(summary.requests.total).toBeGreaterThanOrEqual(spec.folders.flatMap((f) => f.requests).length);
  }, 60_000);
});

describe('what the transforms made of the documents', () => {
  it('pet shop: shared error responses, enums, bounds, nullable, allOf', async () => {
    const outcome = await importOpenApi({
      files: ['test/fixtures/openapi/petstore-3.0.json'],
      into: join(tempDir(), 'p.yaml'),
    });
    const spec = validateSpec(outcome.text, 'p.yaml').spec as ApiDescription;
    expect(spec.environments.production).toMatchObject({
      apiBaseUrl: 'https://api.petshop.example',
      authServerUrl: 'https://auth.petshop.example',
    });
    expect(spec.environments.staging.apiBaseUrl).toBe('https://sandbox.petshop.example');
    expect(spec.schemas.PetInput?.properties).toMatchObject({
      ageYears: { type: 'integer', exclusiveMinimum: 0, maximum: 40 },
      nickname: { type: ['string', 'null'] },
      species: { enum: ['dog', 'cat', 'bird'] },
    });
    expect(spec.schemas.Pet?.allOf).toEqual([
      { $ref: '#/schemas/PetInput' },
      expect.objectContaining({ type: 'object' }),
    ]);
    const get = spec.folders[0]?.requests.find((r) => r.name === 'Get pet');
    expect(get?.responses['404']).toMatchObject({ schema: 'Error', example: { code: 'PET_NOT_FOUND' } });
    const create = spec.folders[0]?.requests.find((r) => r.name === 'Create pet');
    expect(create?.body?.example).toEqual({ name: 'Rex', species: 'dog', ageYears: 3, nickname: null });
    expect(create?.scopes).toEqual(['pets:write']);
    const list = spec.folders[0]?.requests.find((r) => r.name === 'List pets');
    expect(list?.parameters.query.limit?.example).toBe(20);
    expect(list?.parameters.query.status?.example).toBeUndefined();
  });

  it('library: readOnly out of the request body, writeOnly out of responses, the discriminator kept', async () => {
    const outcome = await importOpenApi({
      files: ['test/fixtures/openapi/library-3.1.yaml'],
      into: join(tempDir(), 'l.yaml'),
    });
    const spec = validateSpec(outcome.text, 'l.yaml').spec as ApiDescription;
    const add = spec.folders.find((f) => f.name === 'Books')?.requests.find((r) => r.name === 'Add book');
    expect(add?.body?.schema).toBe('BookWrite');
    expect(Object.keys(spec.schemas.BookWrite?.properties as Json)).not.toContain('addedAt');
    expect(add?.body?.example).not.toHaveProperty('addedAt');
    expect(Object.keys(spec.schemas.BookRead?.properties as Json)).not.toContain('internalNote');
    expect(spec.schemas.Format?.discriminator).toEqual({
      propertyName: 'kind',
      mapping: { printed: '#/schemas/Printed', ebook: '#/schemas/Ebook' },
    });
    const author = spec.folders.find((f) => f.name === 'Authors')?.requests[0];
    expect(author?.parameters.header['X-Request-Id']?.example).toMatch(/^[0-9a-f-]{36}$/);
    expect(author?.responses['200']?.headers).toEqual(['Content-Type', 'X-Request-Id']);
  });
});
