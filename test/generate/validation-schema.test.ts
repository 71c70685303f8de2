import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { validationSchema } from '../../src/generate/scripts/validation-schema.js';

const annotated = {
  title: 'Vendor',
  description: 'A vendor',
  $comment: 'internal',
  type: 'object',
  required: ['description'],
  properties: {
    description: { type: 'string', description: 'the vendor’s own description', examples: ['Acme'] },
    state: { enum: ['description', 'title'], default: 'title', example: 'title' },
    tags: { type: 'array', items: { type: 'string', title: 'Tag' } },
    owner: { anyOf: [{ type: 'null' }, { $ref: '#/definitions/Owner', description: 'who' }] },
  },
  additionalProperties: { type: 'number', description: 'a count' },
  definitions: { Owner: { type: 'object', description: 'an owner', properties: { id: { type: 'string' } } } },
  examples: [{ description: 'Acme' }],
};

describe('validationSchema: the schemas a script validates with', () => {
  it('leaves out titles, descriptions, examples and comments wherever a schema stands', () => {
    expect(validationSchema(annotated)).toEqual({
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string' },
        state: { enum: ['description', 'title'], default: 'title' },
        tags: { type: 'array', items: { type: 'string' } },
        owner: { anyOf: [{ type: 'null' }, { $ref: '#/definitions/Owner' }] },
      },
      additionalProperties: { type: 'number' },
      definitions: { Owner: { type: 'object', properties: { id: { type: 'string' } } } },
    });
  });

  it('accepts and refuses what the annotated schema does', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const original = ajv.compile(annotated);
    const stripped = new Ajv({ allErrors: true, strict: false }).compile(validationSchema(annotated));
    const bodies = [
      { description: 'Acme' },
      { description: 1 },
      {},
      { description: 'Acme', state: 'other' },
      { description: 'Acme', tags: ['a', 2] },
      { description: 'Acme', owner: null },
      { description: 'Acme', owner: { id: 3 } },
      { description: 'Acme', extra: 'not a number' },
    ];
    expect(bodies.map((b) => stripped(b))).toEqual(bodies.map((b) => original(b)));
    expect(bodies.map((b) => stripped(b)).filter(Boolean)).toHaveLength(2);
  });

  it('does not change the schema it is given', () => {
    const copy = structuredClone(annotated);
    validationSchema(annotated);
    expect(annotated).toEqual(copy);
  });
});
