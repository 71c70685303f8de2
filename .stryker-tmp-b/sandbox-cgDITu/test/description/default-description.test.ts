// @ts-nocheck
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface Param {
  example?: unknown;
  variable?: string;
}
interface Response {
  schema?: string | Json;
  example?: unknown;
}
interface Request {
  name: string;
  method: string;
  path: string;
  description?: string;
  scopes?: string[];
  parameters?: Partial<Record<'path' | 'query' | 'header', Record<string, Param>>>;
  body?: { example: unknown; schema?: string | Json };
  responses: Record<string, Response>;
  capture?: Record<string, string>;
}
interface Description {
  scopes: Record<string, { confidence?: string }>;
  schemas?: Record<string, Json>;
  folders: { name: string; requests: Request[] }[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(root + path, 'utf8');
const description = parse(read('collections/pleo-api.yaml')) as Description;
const requests = description.folders.flatMap((folder) =>
  folder.requests.map((request) => ({ ...request, label: `${folder.name} / ${request.name}` })),
);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const normalise = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');
const openApiDir = 'test/fixtures/pleo-openapi/';
const documented = new Set<string>(['GET /v1/introspect']);
for (const file of readdirSync(root + openApiDir).filter((name) => name.endsWith('.yml'))) {
  const doc = parse(read(openApiDir + file)) as { paths: Record<string, Json> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key)))
      documented.add(`${method.toUpperCase()} ${normalise(path)}`);
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const toDefinitions = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll('"#/schemas/', '"#/definitions/')) as T;
const definitions = toDefinitions(description.schemas ?? {});
function validate(schema: string | Json, value: unknown): string[] {
  const inline = typeof schema === 'string' ? { $ref: `#/definitions/${schema}` } : toDefinitions(schema);
  const check = ajv.compile({ definitions, ...inline });
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Reads `data[0].id`-style paths out of an example body. */
const pick = (value: unknown, path: string): unknown =>
  path
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], value);
const okResponse = (request: Request): Response | undefined =>
  Object.entries(request.responses)
    .filter(([status]) => status.startsWith('2'))
    .sort(([a], [b]) => a.localeCompare(b))[0]?.[1];

describe('collections/pleo-api.yaml', () => {
  it('validates against src/description/description.schema.json', () => {
    const schema = JSON.parse(read('src/description/description.schema.json')) as Json;
    const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
    check(description);
    expect(check.errors ?? []).toEqual([]);
  });

  it('has at least 25 requests over at least 6 folders', () => {
    expect(description.folders.length).toBeGreaterThanOrEqual(6);
    expect(requests.length).toBeGreaterThanOrEqual(25);
  });

  it('uses only methods and paths that Pleo documents', () => {
    const unknown = requests.filter((r) => !documented.has(`${r.method} ${normalise(r.path)}`));
    expect(unknown.map((r) => `${r.label}: ${r.method} ${r.path}`)).toEqual([]);
  });

  it('uses only catalogued scopes, and says "inferred" where a scope is not documented', () => {
    const problems = requests.flatMap((r) =>
      (r.scopes ?? []).flatMap((scope) => {
        const entry = description.scopes[scope];
        if (!entry) return [`${r.label}: unknown scope ${scope}`];
        const weak = entry.confidence === 'inferred' || entry.confidence === 'example-only';
        return weak && !/inferred/i.test(r.description ?? '') ? [`${r.label}: ${scope} is ${entry.confidence}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  const examples = requests.flatMap((r) => [
    ...Object.entries(r.responses)
      .filter(([status, response]) => status.startsWith('2') && response.example !== undefined)
      .map(([status, response]) => ({
        name: `${r.label} → ${status}`,
        schema: response.schema,
        example: response.example,
      })),
    ...(r.body?.schema ? [{ name: `${r.label} → body`, schema: r.body.schema, example: r.body.example }] : []),
  ]);
  it('has 2xx examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(25));
  it.each(examples)('$name: example validates against its schema', ({ schema, example }) => {
    expect(schema, 'an example needs a schema').toBeDefined();
    expect(validate(schema!, example)).toEqual([]);
  });

  it('gives every {param} in a path an example or a variable', () => {
    const missing = requests.flatMap((r) =>
      [...r.path.matchAll(/\{([^}]+)\}/g)]
        .map(([, name]) => ({ name: name!, param: r.parameters?.path?.[name!] }))
        .filter(({ param }) => param?.example === undefined && param?.variable === undefined)
        .map(({ name }) => `${r.label}: {${name}}`),
    );
    expect(missing).toEqual([]);
  });

  it('answers a request on /…/{id} with the object of that id', () => {
    const problems = requests.flatMap((r) => {
      const name = /\{([^}]+)\}(:[a-z-]+)?$/.exec(r.path)?.[1];
      const id = pick(okResponse(r)?.example, 'data.id');
      const expected = name === undefined ? undefined : r.parameters?.path?.[name]?.example;
      return name !== undefined && id !== undefined && id !== expected
        ? [`${r.label}: data.id ${String(id)} ≠ {${name}} ${String(expected)}`]
        : [];
    });
    expect(problems).toEqual([]);
  });

  it('captures every variable before it is used, with the example matching the captured value', () => {
    const captured = new Map<string, unknown>();
    const problems: string[] = [];
    for (const r of requests) {
      for (const where of ['path', 'query', 'header'] as const) {
        for (const [name, param] of Object.entries(r.parameters?.[where] ?? {})) {
          if (param.variable === undefined) continue;
          if (!captured.has(param.variable))
            problems.push(`${r.label}: ${name} uses ${param.variable} before any capture`);
          else if (captured.get(param.variable) !== param.example) {
            problems.push(
              `${r.label}: ${name} example ${String(param.example)} ≠ captured ${String(captured.get(param.variable))}`,
            );
          }
        }
      }
      for (const [variable, path] of Object.entries(r.capture ?? {})) {
        const value = pick(okResponse(r)?.example, path);
        if (value === undefined)
          problems.push(`${r.label}: capture ${variable} = ${path} finds nothing in the 2xx example`);
        captured.set(variable, value);
      }
    }
    expect(problems).toEqual([]);
  });
});
