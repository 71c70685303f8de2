import { runInNewContext, Script } from 'node:vm';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCollection } from '../../src/generate/index.js';
import {
  CONTRACT_LIB_VARIABLE,
  contractTestScript,
  probeRequest,
  SECURITY_FOLDER_NAME,
  tokenPrerequestScript,
} from '../../src/generate/scripts/index.js';
import { contractLibSource } from '../../src/generate/scripts/contract.js';
import { validationSchema } from '../../src/generate/scripts/validation-schema.js';
import { schemaDefinitions, type ApiDescription, type RequestDef } from '../../src/description/index.js';
import type { Json } from '../helpers/json.js';
import { loadDefault, loadMinimal } from '../helpers/specs.js';

/**
 * Names of the assertions a contract test script declares, in order: the script runs against a stub
 * `pm` whose response has the expected status, with the real contract library in its variable.
 */
function testNames(source: string): string[] {
  const names: string[] = [];
  const contractOf = /\.contract\((\{[\s\S]*\})\);$/.exec(source);
  const status = contractOf ? (JSON.parse(contractOf[1]!) as { status: number }).status : 0;
  const test = Object.assign((name: string) => names.push(name), {
    skip: (name: string) => names.push(`skipped: ${name}`),
  });
  const pm = {
    test,
    response: { code: status },
    collectionVariables: { get: (key: string) => (key === CONTRACT_LIB_VARIABLE ? contractLibSource() : undefined) },
  };
  runInNewContext(source, { pm, require: () => ({}) });
  return names;
}

const scriptsOf = (collection: Json): string[] => {
  const out: string[] = [];
  const visit = (node: Json) => {
    for (const event of node.event ?? []) out.push(event.script.exec.join('\n'));
    for (const child of node.item ?? []) visit(child);
  };
  visit(collection);
  return out;
};

describe('contract test scripts', () => {
  let spec: ApiDescription;
  const request = (name: string): RequestDef => spec.folders.flatMap((f) => f.requests).find((r) => r.name === name)!;
  beforeAll(async () => {
    spec = await loadMinimal();
  });

  it.each([
    [
      'Create vendor',
      [
        'POST /v1/vendors → 201',
        'POST /v1/vendors → Content-Type is JSON',
        'POST /v1/vendors → response time under 5000 ms',
        'POST /v1/vendors → has header Content-Type',
        'POST /v1/vendors → body matches VendorResponse',
        'POST /v1/vendors → captures vendorId from data.id',
      ],
    ],
    [
      'Get employee',
      [
        'GET /v2/employees/{employeeId} → 200',
        'GET /v2/employees/{employeeId} → Content-Type is JSON',
        'GET /v2/employees/{employeeId} → response time under 5000 ms',
        'GET /v2/employees/{employeeId} → has header Content-Type',
        'GET /v2/employees/{employeeId} → body matches inline schema',
      ],
    ],
  ])('%s: one assertion per clause, named after the request', (name, want) => {
    expect(testNames(contractTestScript(spec, request(name)))).toEqual(want);
  });

  it('uses a per-request response time budget over the default', () => {
    const source = contractTestScript(spec, { ...request('Get vendor'), responseTimeMs: 250 });
    expect(testNames(source)).toContain('GET /v1/vendors/{vendorId} → response time under 250 ms');
    expect(source).toContain('"budgetMs": 250');
  });

  it('refers to named schemas by $ref and carries the definitions they reach, each once', () => {
    const source = contractTestScript(spec, request('Get vendor'));
    const contract = JSON.parse(/\.contract\((\{[\s\S]*\})\);$/.exec(source)![1]!) as Json;
    expect(contract.schema).toEqual({ $ref: '#/definitions/VendorResponse' });
    expect(Object.keys(contract.definitions)).toEqual(['Vendor', 'VendorResponse']);
  });

  it('skips the Content-Type check where no body is expected', () => {
    const noBody: RequestDef = { ...request('Get vendor'), responses: { '204': { description: '', headers: [] } } };
    expect(testNames(contractTestScript(spec, noBody))).toEqual([
      'GET /v1/vendors/{vendorId} → 204',
      'GET /v1/vendors/{vendorId} → response time under 5000 ms',
    ]);
  });
});

describe('probeRequest', () => {
  const r = (method: RequestDef['method'], path: string) => ({ method, path }) as RequestDef;
  it.each([
    [
      'a read without path parameters first',
      [r('POST', '/v1/x'), r('GET', '/v1/x/{id}'), r('GET', '/v1/x')],
      'GET /v1/x',
    ],
    ['a search counts as a read', [r('DELETE', '/v1/x/{id}'), r('POST', '/v1/x:search')], 'POST /v1/x:search'],
    ['a read with parameters before a write', [r('POST', '/v1/x'), r('GET', '/v1/x/{id}')], 'GET /v1/x/{id}'],
    ['a write when there is nothing else', [r('POST', '/v1/x')], 'POST /v1/x'],
  ])('%s', (_name, given, want) => {
    const probe = probeRequest(given)!;
    expect(`${probe.method} ${probe.path}`).toBe(want);
  });
});

describe.each([
  ['minimal fixture', loadMinimal],
  ['default description', loadDefault],
])('generated scripts of the %s', (_name, load) => {
  let spec: ApiDescription;
  let collection: Json;
  beforeAll(async () => {
    spec = await load();
    collection = buildCollection(spec).collection;
  });

  it('are all valid JavaScript', () => {
    const scripts = scriptsOf(collection);
    expect(scripts.length).toBeGreaterThan(spec.folders.flatMap((f) => f.requests).length);
    for (const source of scripts) expect(() => new Script(source)).not.toThrow();
  });

  it('keep no schema in a collection variable: each test script carries the schemas its request reaches, no more', () => {
    // Every script run is handed all collection variables: a big one costs every request (npm run bench).
    for (const variable of collection.variable) expect(variable.value.length, variable.key).toBeLessThan(10_000);
    const contracts = scriptsOf(collection)
      .map((source) => /\.contract\(([\s\S]*)\);$/.exec(source)?.[1])
      .filter((json): json is string => json !== undefined)
      .map((json) => JSON.parse(json) as Json)
      .filter((c) => c.schema !== undefined);
    expect(contracts.length).toBeGreaterThan(0);
    const all = schemaDefinitions(spec.schemas);
    for (const c of contracts) {
      // Complete: ajv resolves every ref from the carried definitions alone (a missing one throws).
      const ajv = new Ajv({ strict: false, validateSchema: false, validateFormats: false, logger: false });
      expect(() => ajv.compile({ definitions: c.definitions, allOf: [c.schema] }), c.label).not.toThrow();
      // Minimal: each carried definition is the description's without its annotations, and reached from the root or another one.
      const refs = JSON.stringify([c.schema, ...Object.values(c.definitions)]);
      for (const [name, definition] of Object.entries(c.definitions)) {
        expect(definition, `${c.label}: ${name}`).toEqual(validationSchema(all[name]!));
        expect(refs, `${c.label}: ${name}`).toContain(`"#/definitions/${name}"`);
      }
    }
  });

  it('run the token script before every request, with the production guard', () => {
    const [event] = collection.event;
    expect(event.listen).toBe('prerequest');
    expect(event.script.exec.join('\n')).toBe(tokenPrerequestScript(spec));
    expect(tokenPrerequestScript(spec)).toContain(
      `var PRODUCTION_API_BASE_URL = ${JSON.stringify(spec.environments.production.apiBaseUrl)};`,
    );
  });

  it('end with a security folder: 401 without a token, 403 with a narrower token', () => {
    const security = collection.item.at(-1);
    expect(security.name).toBe(SECURITY_FOLDER_NAME);
    const folders = spec.folders.map((f) => f.name);
    expect(security.item.filter((i: Json) => i.name.endsWith('no token → 401')).map((i: Json) => i.name)).toEqual(
      folders.map((f) => `${f}: no token → 401`),
    );
    for (const item of security.item) {
      if (item.name.endsWith('→ 401')) expect(item.request.auth.type).toBe('noauth');
      else if (item.name.endsWith('→ 403'))
        expect(item.request.auth.bearer[0]).toMatchObject({ key: 'token', value: '{{pleoNarrowAccessToken}}' });
      else {
        // the request before each 403 probe: a refresh for less scope, with the client's own Basic auth
        expect(item.name).toMatch(/: narrower token without /);
        expect(item.request.url.raw).toBe('{{authServerUrl}}/oauth/token');
        expect(item.request.auth.type).toBe('basic');
      }
    }
  });
});

describe('security folder of the minimal fixture', () => {
  it.each([
    [
      'every scope',
      undefined,
      [
        'Vendors: no token → 401',
        'Vendors: narrower token without vendors:read',
        'Vendors: token without vendors:read → 403',
        'Vendors: narrower token without vendors:write',
        'Vendors: token without vendors:write → 403',
        'Employees: no token → 401',
        'Employees: narrower token without users:read',
        'Employees: token without users:read → 403',
        'Introspect: no token → 401',
      ],
    ],
    [
      'vendors:read only: nothing to narrow to, so no 403 probe',
      ['vendors:read'],
      ['Vendors: no token → 401', 'Introspect: no token → 401'],
    ],
  ])('%s', async (_name, scopes, want) => {
    const { collection } = buildCollection(await loadMinimal(), scopes) as { collection: Json };
    expect(collection.item.at(-1).item.map((i: Json) => i.name)).toEqual(want);
  });

  it('probes each set of scopes once: a second folder needing the same scopes gets its 401 probe only', async () => {
    const spec = await loadMinimal();
    const vendors = spec.folders.find((f) => f.name === 'Vendors')!;
    const twin = { ...spec, folders: [...spec.folders, { ...vendors, name: 'Vendors again' }] };
    const security = (buildCollection(twin) as { collection: Json }).collection.item.at(-1).item as Json[];
    const names = security.map((i) => i.name);
    expect(names.filter((n) => n.startsWith('Vendors again'))).toEqual(['Vendors again: no token → 401']);
    expect(names.filter((n) => n.endsWith('→ 403'))).toEqual([
      'Vendors: token without vendors:read → 403',
      'Vendors: token without vendors:write → 403',
      'Employees: token without users:read → 403',
    ]);
    expect(new Set(security.map((i) => i.id)).size).toBe(security.length);
  });
});

describe('shared helpers', () => {
  it('live once, in a collection variable, not copied into every request', async () => {
    const collection = buildCollection(await loadDefault()).collection as Json;
    expect(scriptsOf(collection).filter((s) => s.includes('function describeSchemaErrors'))).toEqual([]);
    const lib = collection.variable.filter((v: Json) => String(v.value).includes('function describeSchemaErrors'));
    expect(lib.map((v: Json) => v.key)).toEqual(['pleoContractLib']);
    const helpers = runInNewContext(`(${lib[0].value})`, { pm: {}, require: () => ({}) });
    expect(Object.keys(helpers)).toEqual(['contract', 'validateAgainst', 'describeSchemaErrors']); // the last two for negative.js
  });
});
