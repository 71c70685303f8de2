import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Collection } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { buildCollection, buildEnvironment, generateFiles } from '../../src/generate/index.js';
import { TEST_CREDENTIALS } from '../../src/shared/local-pleo.js';
import type { Json } from '../helpers/json.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const postmanSchema = JSON.parse(readFileSync('test/fixtures/schemas/postman-collection-v2.1.0.schema.json', 'utf8'));
const validateCollection = new Ajv({ strict: false, allErrors: true }).compile(postmanSchema);
const BASE = readFileSync(MINIMAL_SPEC, 'utf8');
const AUTH = /^auth:\n(?: {2}.*\n)+/m;

/** The minimal description under another scheme, its scopes gone and /v1/introspect public. */
function specWith(block: string): ApiDescription {
  const text = BASE.replace(AUTH, `auth:\n${block.replace(/^/gm, '  ')}\n`)
    .replace(/^ {8}scopes: \[.*\]\n/gm, '')
    .replace('        path: /v1/introspect\n', '        path: /v1/introspect\n        public: true\n');
  const result = validateSpec(text, 'api.yaml');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.spec as ApiDescription;
}

const attributes = (auth: Json) => Object.fromEntries((auth[auth.type] as Json[]).map((a) => [a.key, a.value]));
const folderNames = (collection: Json) => (collection.item as Json[]).map((f) => f.name);
const items = (collection: Json) => (collection.item as Json[]).flatMap((f) => f.item as Json[]);

describe('the collection, environments and Security folder follow the auth scheme', () => {
  it.each([
    ['scheme: apiKey\nin: header\nname: X-API-Key', 'apikey', { key: 'X-API-Key', value: '{{apiKey}}', in: 'header' }],
    ['scheme: apiKey\nin: query\nname: api_key', 'apikey', { key: 'api_key', value: '{{apiKey}}', in: 'query' }],
    [
      'scheme: apiKey\nin: cookie\nname: session',
      'apikey',
      { key: 'Cookie', value: 'session={{apiKey}}', in: 'header' },
    ],
    ['scheme: bearer', 'bearer', { token: '{{bearerToken}}' }],
    ['scheme: basic', 'basic', { username: '{{username}}', password: '{{password}}' }],
  ])("%s: Postman's %s block, no Token folder, a 401 probe per folder without credentials", (block, type, keys) => {
    const { collection } = buildCollection(specWith(block)) as { collection: Json };
    expect(validateCollection(collection), JSON.stringify(validateCollection.errors)).toBe(true);
    expect(collection.auth.type).toBe(type);
    expect(attributes(collection.auth)).toEqual(keys);
    // postman-collection reads the block as that helper, with those parameters.
    const auth = new Collection(collection as never).auth;
    expect(auth?.type).toBe(type);
    expect(auth?.parameters().get(Object.keys(keys)[0] as string)).toBe(Object.values(keys)[0]);
    expect(folderNames(collection)).toEqual(['Vendors', 'Employees', 'Introspect', 'Negative', 'Security']);
    const probes = (collection.item as Json[]).find((f) => f.name === 'Security')?.item as Json[];
    expect(probes.map((p) => p.name)).toEqual(['Vendors: no credentials → 401', 'Employees: no credentials → 401']);
    expect(probes.every((p) => p.request.auth.type === 'noauth')).toBe(true);
    const source = (collection.event as Json[]).map((e) => e.script.exec.join('\n')).join('\n');
    expect(source).toContain('allowWrites');
    expect(source).not.toMatch(/accessToken|acquireBy/);
  });

  it('a 401 probe checks the challenge of bearer and basic, and none for an API key', () => {
    const testsOf = (block: string) =>
      ((buildCollection(specWith(block)).collection as Json).item as Json[])
        .find((f) => f.name === 'Security')
        ?.item[0].event[0].script.exec.join('\n');
    expect(testsOf('scheme: bearer')).toContain('to.match(/^Bearer\\b/i)');
    expect(testsOf('scheme: basic')).toContain('to.match(/^Basic\\b/i)');
    expect(testsOf('scheme: apiKey\nin: header\nname: X-API-Key')).not.toContain('WWW-Authenticate');
  });

  it('a public request sends no auth and is not probed', () => {
    const { collection } = buildCollection(specWith('scheme: bearer')) as { collection: Json };
    expect(items(collection).find((i) => i.name === 'Introspect token')?.request.auth).toEqual({
      type: 'noauth',
      noauth: [],
    });
    expect(items(collection).find((i) => i.name === 'Get vendor')?.request.auth).toBeUndefined();
  });

  it('scheme none: noauth, neither Token nor Security folder', () => {
    const { collection } = buildCollection(specWith('scheme: none')) as { collection: Json };
    expect(validateCollection(collection)).toBe(true);
    expect(collection.auth).toEqual({ type: 'noauth', noauth: [] });
    expect(folderNames(collection)).toEqual(['Vendors', 'Employees', 'Introspect', 'Negative']);
    const v3 = generateFiles(specWith('scheme: none'), { formats: ['v3'] }).files.find((f) =>
      f.path.endsWith('.resources/definition.yaml'),
    );
    expect(v3?.content).toMatch(/auth:\n\s+- id: [0-9a-f-]+\n\s+type: noauth\n/);
  });

  it('environments carry the credentials as secret variables: empty, the fixed test values in local', () => {
    const spec = specWith('scheme: basic');
    const values = (name: 'staging' | 'local') =>
      buildEnvironment(spec, name, []).values.map((v) => [v.key, v.value, v.type]);
    expect(values('staging')).toEqual([
      ['authServerUrl', 'https://auth.staging.pleo.io', 'default'],
      ['apiBaseUrl', 'https://external.staging.pleo.io', 'default'],
      ['username', '', 'secret'],
      ['password', '', 'secret'],
      ['companyId', '6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40', 'default'],
    ]);
    expect(values('local').slice(2)).toEqual([
      ['username', TEST_CREDENTIALS.username, 'secret'],
      ['password', TEST_CREDENTIALS.password, 'secret'],
      ['negativeTests', 'true', 'default'],
    ]);
    const apiKey = buildEnvironment(specWith('scheme: apiKey\nin: query\nname: k'), 'production', []).values;
    expect(apiKey.find((v) => v.key === 'apiKey')).toEqual({ key: 'apiKey', value: '', type: 'secret', enabled: true });
    expect(apiKey.map((v) => v.key)).not.toContain('clientSecret');
  });
});
