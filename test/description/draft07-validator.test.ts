import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DRAFT07_OPTIONS, DRAFT07_OUTPUT, draft07ValidatorSource } from '../../scripts/compile-validators.mjs';
import { schemaErrors } from '../../src/description/schema-check.js';

/** ajv compiling the meta-schema at run time, as semantics.ts did before it was precompiled. */
const ajv = new Ajv(DRAFT07_OPTIONS);
addFormats.default(ajv);
const atRunTime = (schema: unknown): ErrorObject[] => (ajv.validateSchema(schema as object) ? [] : (ajv.errors ?? []));

const strip = (errors: ErrorObject[]) =>
  errors.map(({ instancePath, schemaPath, keyword, params, message }) => ({
    instancePath,
    schemaPath,
    keyword,
    params,
    message,
  }));

const BROKEN: unknown[] = [
  { type: 'strin' },
  { type: ['string', 'nope'] },
  { required: 'id' },
  { required: ['id', 'id'] },
  { properties: { id: { type: 3 } } },
  { properties: [] },
  { minimum: '3', maxLength: -1, multipleOf: 0 },
  { items: [{ type: 'string' }, { enum: 'x' }] },
  { allOf: [] },
  { anyOf: [{ type: 'object', additionalProperties: { minItems: 1.5 } }] },
  { oneOf: [{ $ref: 3 }] },
  { definitions: { a: { not: 'x' } } },
  { dependencies: { a: 3 } },
  { $schema: 'http://json-schema.org/draft-07/schema#', type: 'bogus' },
  { $schema: 'http://json-schema.org/draft-07/schema', format: 1 },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema's if/then/else, never awaited
  { if: { const: 1 }, then: 'no', else: { contains: {} } },
  { patternProperties: { '^x': { uniqueItems: 'yes' } }, propertyNames: { maxLength: 'a' } },
];

const GOOD: unknown[] = [
  true,
  false,
  {},
  { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid', pattern: '^[a-f0-9-]+$' } } },
  { type: ['string', 'null'], enum: ['a', null], examples: ['a'] },
  { $ref: 'pleo-postman:schemas/Thing', description: 'beside a $ref' },
  { allOf: [{ type: 'object' }], 'x-vendor': { anything: true }, pattern: '([' },
];

describe('the precompiled draft-07 meta-schema', () => {
  it('is what scripts/compile-validators.mjs makes now', () => {
    expect(readFileSync(DRAFT07_OUTPUT, 'utf8'), 'run "npm run compile-validators" and commit').toBe(
      draft07ValidatorSource(),
    );
  });

  it.each([...BROKEN, ...GOOD].map((schema) => [JSON.stringify(schema), schema]))(
    'finds what ajv compiling it at run time finds: %s',
    (_, schema) => {
      const errors = schemaErrors(schema);
      expect(strip(errors)).toEqual(strip(atRunTime(schema)));
      expect(errors.length > 0).toBe(BROKEN.includes(schema));
    },
  );

  it('agrees with ajv on every schema of the committed description', () => {
    const description = load(readFileSync('collections/pleo-api.yaml', 'utf8')) as {
      schemas: Record<string, unknown>;
    };
    const schemas = Object.values(description.schemas);
    expect(schemas.length).toBeGreaterThan(100);
    for (const schema of schemas) expect(strip(schemaErrors(schema))).toEqual(strip(atRunTime(schema)));
  });

  it('leaves a schema of another $schema to ajv, which refuses the unknown meta-schema as before', () => {
    const other = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'string' };
    expect(() => atRunTime(other)).toThrow(/no schema with key or ref/);
    expect(() => schemaErrors(other)).toThrow(/no schema with key or ref/);
  });
});
