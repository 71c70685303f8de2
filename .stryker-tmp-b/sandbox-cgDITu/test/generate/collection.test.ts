// @ts-nocheck
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Collection, Url } from 'postman-collection';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, generateFiles } from '../../src/generate/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import type { Json } from '../helpers/json.js';
import { loadDefault, loadMinimal } from '../helpers/specs.js';

const postmanSchema = JSON.parse(readFileSync('test/fixtures/schemas/postman-collection-v2.1.0.schema.json', 'utf8'));
const validateCollection = new Ajv({ strict: false, allErrors: true }).compile(postmanSchema);

const EXPECTED_AUTH: Array<[string, string | boolean]> = [
  ['grant_type', 'authorization_code_with_pkce'],
  ['challengeAlgorithm', 'S256'],
  ['client_authentication', 'header'],
  ['authUrl', '{{authServerUrl}}/oauth/authorize'],
  ['accessTokenUrl', '{{authServerUrl}}/oauth/token'],
  ['refreshTokenUrl', '{{authServerUrl}}/oauth/token'],
  ['redirect_uri', 'https://oauth.pstmn.io/v1/callback'],
  ['useBrowser', true],
  ['clientId', '{{clientId}}'],
  ['clientSecret', '{{clientSecret}}'],
  ['scope', '{{scopes}}'],
  ['state', ''],
  ['code_verifier', ''],
  ['tokenName', 'Pleo access token'],
  ['addTokenTo', 'header'],
  ['headerPrefix', 'Bearer'],
  ['accessToken', '{{accessToken}}'],
];

/** The requests of the description's folders (not the generated Token and Security folders). */
const requestsOf = (collection: Json): Json[] =>
  collection.item
    .filter((f: Json) => f.name !== 'Security' && f.name !== 'Token')
    .flatMap((folder: Json) => folder.item);

describe.each([
  ['minimal fixture', loadMinimal],
  ['default description', loadDefault],
])('collection of the %s', (_name, load) => {
  let spec: ApiDescription;
  let collection: Json;
  beforeAll(async () => {
    spec = await load();
    collection = buildCollection(spec).collection;
  });

  it('validates against the official Postman Collection v2.1.0 schema', () => {
    const valid = validateCollection(collection);
    expect(validateCollection.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('loads through postman-collection with every request and the auth intact', () => {
    const loaded = new Collection(collection as ConstructorParameters<typeof Collection>[0]);
    const names: string[] = [];
    loaded.forEachItem((item) => names.push(item.name));
    const expected = spec.folders.flatMap((f) => f.requests.map((r) => r.name));
    expect(names.filter((n) => expected.includes(n)).sort()).toEqual([...expected].sort());
    const auth = loaded.auth?.parameters().toObject();
    expect(auth).toEqual(Object.fromEntries(EXPECTED_AUTH));
  });

  it('writes every OAuth 2.0 key explicitly, with exactly the values Pleo needs', () => {
    expect(collection.auth.type).toBe('oauth2');
    expect(collection.auth.oauth2.map((e: Json) => [e.key, e.value])).toEqual(EXPECTED_AUTH);
    expect(collection.auth.oauth2.find((e: Json) => e.key === 'useBrowser').type).toBe('boolean');
  });

  it('has one folder per resource group and documents every request', () => {
    expect(
      collection.item.map((f: Json) => f.name).filter((n: string) => spec.folders.some((f) => f.name === n)),
    ).toEqual(spec.folders.map((f) => f.name));
    for (const folder of spec.folders) {
      for (const request of folder.requests) {
        const item = requestsOf(collection).find((i) => i.name === request.name && i.request.method === request.method);
        expect(item, request.name).toBeDefined();
        const doc: string = item!.request.description.content;
        expect(doc).toContain(`${request.method} ${request.path}`);
        for (const scope of request.scopes) expect(doc).toContain(scope);
        if (request.scopes.length === 0) expect(doc).toContain('any valid access token');
        expect(item!.request.url.raw.startsWith('{{apiBaseUrl}}/')).toBe(true);
      }
    }
  });
});

describe('request URLs', () => {
  it('raw is what the SDK reads from the rest of the URL, for every request (Security folder included)', async () => {
    for (const spec of [await loadDefault(), await loadMinimal()]) {
      const everyRequest = (items: Json[]): Json[] => items.flatMap((i) => (i.item ? everyRequest(i.item) : [i]));
      const items = everyRequest(buildCollection(spec).collection.item as Json[]);
      expect(items.length).toBeGreaterThan(spec.folders.flatMap((f) => f.requests).length);
      for (const item of items) {
        const { raw, ...parts } = item.request.url;
        const url = new Url(parts);
        const query = url.getQueryString();
        expect(raw, item.name).toBe(`${url.getHost()}${url.getPath({ unresolved: true })}${query ? `?${query}` : ''}`);
      }
    }
  });

  it('turns {param} into :param filled from the example, or the captured variable', async () => {
    const spec = await loadMinimal();
    const items = requestsOf(buildCollection(spec).collection);
    const getVendor = items.find((i) => i.name === 'Get vendor')!;
    expect(getVendor.request.url.raw).toBe('{{apiBaseUrl}}/v1/vendors/:vendorId');
    expect(getVendor.request.url.variable).toMatchObject([
      { key: 'vendorId', value: '{{vendorId}}', description: { content: "The vendor's id" } },
    ]);
    const getEmployee = items.find((i) => i.name === 'Get employee')!;
    expect(getEmployee.request.url.variable[0]).toMatchObject({
      key: 'employeeId',
      value: '9d2f4b1a-3c5e-4f6a-8b7c-1d2e3f4a5b6c',
    });
  });

  it('declares captured variables at collection level with the example as initial value', async () => {
    const { collection } = buildCollection(await loadMinimal());
    expect(collection.variable).toContainEqual({
      key: 'vendorId',
      value: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11',
      type: 'string',
    });
  });
});

describe('--scopes', () => {
  it('leaves out requests needing scopes the client did not register, and lists them', async () => {
    const spec = await loadMinimal();
    const { collection, omitted } = buildCollection(spec, ['vendors:read']);
    expect(
      requestsOf(collection)
        .map((i) => i.name)
        .sort(),
    ).toEqual(['Get vendor', 'Introspect token']);
    expect(omitted.map((o) => [o.request.name, o.missing])).toEqual([
      ['Create vendor', ['vendors:write']],
      ['Get employee', ['users:read']],
    ]);
  });
});

describe('determinism', () => {
  it('gives byte-identical files for the same description', async () => {
    const first = generateFiles(await loadDefault());
    const second = generateFiles(await loadDefault());
    expect(second).toEqual(first);
    expect(first.files.map((f) => f.content).join('')).not.toContain('_postman_exported_at');
  });
});

describe('custom methods', () => {
  it('writes the value into a segment where the placeholder is not the whole segment', async () => {
    const spec = await loadDefault();
    const items = requestsOf(buildCollection(spec).collection);
    const archive = items.find((i) => i.name === 'Archive vendor')!;
    expect(archive.request.url.raw).toBe('{{apiBaseUrl}}/v1/vendors/{{vendorId}}:archive');
    expect(archive.request.url.variable ?? []).toEqual([]);
  });
});

describe('body variables', () => {
  it('sends {{variable}} at each named path and keeps the rest of the example', async () => {
    const spec = await loadDefault();
    const items = requestsOf(buildCollection(spec).collection);
    const body = JSON.parse(items.find((i) => i.name === 'Create export job')!.request.body.raw);
    expect(body).toMatchObject({
      companyId: '{{companyId}}',
      accountingEntryIds: ['{{accountingEntryId}}'],
      employeeId: '{{employeeId}}',
      isInteractive: true,
    });
    const exampleOf = spec.folders.flatMap((f) => f.requests).find((r) => r.name === 'Create export job')!.body!
      .example as Record<string, unknown>;
    expect(exampleOf.companyId).toBe('c082afd8-c1d2-46ee-8f56-1512638f0e67');
  });

  it('sends a template as written, e.g. a unique name per run', async () => {
    const items = requestsOf(buildCollection(await loadDefault()).collection);
    const body = JSON.parse(items.find((i) => i.name === 'Create vendor')!.request.body.raw);
    expect(body).toMatchObject({ companyId: '{{companyId}}', name: 'Acme Office Supplies {{$timestamp}}' });
  });
});
