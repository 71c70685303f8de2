// @ts-nocheck
import { expect, it } from 'vitest';
import { createSchemaCompiler } from '../../src/description/schema-compiler.js';

const schemas = { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } };

it('gives the same compiler, compiled functions and all, for the same named schemas and options', () => {
  const first = createSchemaCompiler(structuredClone(schemas), { allErrors: true });
  const validate = first('Thing');
  const second = createSchemaCompiler(structuredClone(schemas), { allErrors: true });
  expect(second).toBe(first);
  expect(second('Thing')).toBe(validate);
  expect(validate({ id: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11' })).toBe(true);
  expect(validate({ id: 'not-a-uuid' })).toBe(false);
});

it('compiles anew when the named schemas or the options differ', () => {
  const strict = createSchemaCompiler(schemas, { allErrors: true });
  expect(createSchemaCompiler(schemas)).not.toBe(strict);
  const changed = { Thing: { ...schemas.Thing, required: [] } };
  const other = createSchemaCompiler(changed, { allErrors: true });
  expect(other).not.toBe(strict);
  expect(other('Thing')({})).toBe(true);
  expect(strict('Thing')({})).toBe(false);
});
