// @ts-nocheck
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import descriptionJsonSchema from '../../src/description/description.schema.json' with { type: 'json' };

// structure.ts compiles this schema without checking it against the meta-schema (start-up time),
// so this is where a mistake in it is caught.
describe('the description format JSON Schema', () => {
  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(descriptionJsonSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(descriptionJsonSchema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('passes ajv strict mode: no unknown keywords or ambiguous types', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(descriptionJsonSchema)).not.toThrow();
  });
});
