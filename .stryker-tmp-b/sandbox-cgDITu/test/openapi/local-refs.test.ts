// @ts-nocheck
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { onlyLocalRefsThatResolve } from '../../src/openapi/local-refs.js';

const documents = ['test/fixtures/pleo-openapi', 'test/fixtures/openapi', 'collections/openapi'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'pleo-scopes.yaml')
    .map((f) => `${dir}/${f}`),
);

describe('a document whose refs are all local and resolve is already what the ref resolver would bundle', () => {
  it.each(documents)('%s', async (path) => {
    const value = load(readFileSync(path, 'utf8')) as object;
    if (!onlyLocalRefsThatResolve(value)) return;
    const bundled = await new $RefParser().bundle(resolve(path), structuredClone(value), { resolve: { http: false } });
    expect(bundled).toEqual(value);
  });

  it("covers every one of Pleo's documents, and so skips the resolver for all of them", () => {
    for (const path of documents.filter((p) => p.startsWith('collections/openapi/')))
      expect(onlyLocalRefsThatResolve(load(readFileSync(path, 'utf8'))), path).toBe(true);
  });
});

it('leaves to the resolver a ref to another file, a ref that points nowhere, and an escaped one it cannot decode', () => {
  const doc = { components: { schemas: { 'A/B': { type: 'string' }, 'C~D': { type: 'number' } } } };
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: '#/components/schemas/A~1B' } })).toBe(true);
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: '#/components/schemas/C~0D' } })).toBe(true);
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: '#/components/schemas/A%7E1B' } })).toBe(true);
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: 'other.yaml#/components/schemas/A' } })).toBe(false);
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: '#/components/schemas/Missing' } })).toBe(false);
  expect(onlyLocalRefsThatResolve({ ...doc, x: { $ref: '#/components/schemas/%E0%A4%A' } })).toBe(false);
});
