// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { transformSchema, type SchemaContext } from '../../src/openapi/schema.js';

const DEFAULT_CTX: SchemaContext = { mode: 'neutral', refName: (name) => name };

describe('transformSchema (Schema Object → draft-07)', () => {
  const cases: Array<[string, { given: unknown; ctx?: Partial<SchemaContext>; want: unknown }]> = [
    [
      'component ref → #/schemas/Name',
      { given: { $ref: '#/components/schemas/Pet' }, want: { $ref: '#/schemas/Pet' } },
    ],
    [
      'the context renames refs (per-document names, read/write variants)',
      {
        given: { $ref: '#/components/schemas/Pet' },
        ctx: { refName: (n, mode) => `${n}_${mode}`, mode: 'request' },
        want: { $ref: '#/schemas/Pet_request' },
      },
    ],
    [
      'nullable string (3.0) → type union',
      { given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } },
    ],
    [
      'nullable enum gets null among its values',
      {
        given: { type: 'string', enum: ['a', 'b'], nullable: true },
        want: { type: ['string', 'null'], enum: ['a', 'b', null] },
      },
    ],
    [
      'nullable $ref → anyOf with null',
      {
        given: { $ref: '#/components/schemas/Pet', nullable: true },
        want: { anyOf: [{ $ref: '#/schemas/Pet' }, { type: 'null' }] },
      },
    ],
    [
      'type array of 3.1 kept',
      { given: { type: ['integer', 'null'], minimum: 0 }, want: { type: ['integer', 'null'], minimum: 0 } },
    ],
    [
      'boolean exclusiveMinimum (3.0) → numeric',
      {
        given: { type: 'integer', minimum: 0, exclusiveMinimum: true },
        want: { type: 'integer', exclusiveMinimum: 0 },
      },
    ],
    [
      'boolean exclusiveMaximum false → plain maximum',
      { given: { type: 'number', maximum: 9, exclusiveMaximum: false }, want: { type: 'number', maximum: 9 } },
    ],
    [
      'numeric exclusiveMinimum (3.1) kept',
      { given: { type: 'number', exclusiveMinimum: 0.5 }, want: { type: 'number', exclusiveMinimum: 0.5 } },
    ],
    [
      'example → examples; xml, externalDocs and x- extensions dropped',
      {
        given: {
          type: 'string',
          example: 'DK',
          xml: { name: 'c' },
          externalDocs: { url: 'https://x' },
          'x-internal': 1,
        },
        want: { type: 'string', examples: ['DK'] },
      },
    ],
    [
      'allOf, oneOf, anyOf and discriminator kept, their refs renamed',
      {
        given: {
          oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
          discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } },
        },
        want: {
          oneOf: [{ $ref: '#/schemas/Cat' }, { $ref: '#/schemas/Dog' }],
          discriminator: { propertyName: 'kind', mapping: { cat: '#/schemas/Cat' } },
        },
      },
    ],
    [
      'readOnly fields leave request schemas (and their required)',
      {
        given: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
        },
        ctx: { mode: 'request' },
        want: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      },
    ],
    [
      'writeOnly fields leave response schemas',
      {
        given: {
          type: 'object',
          properties: { password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
        },
        ctx: { mode: 'response' },
        want: { type: 'object', properties: { name: { type: 'string' } } },
      },
    ],
    [
      'a date mask given as pattern is dropped, a real pattern kept',
      {
        given: {
          type: 'object',
          properties: {
            at: { type: 'string', pattern: 'YYYY-MM-DDTHH:mi:ssZ' },
            c: { type: 'string', pattern: '^[A-Z]+$' },
          },
        },
        want: { type: 'object', properties: { at: { type: 'string' }, c: { type: 'string', pattern: '^[A-Z]+$' } } },
      },
    ],
    ['format url → uri', { given: { type: 'string', format: 'url' }, want: { type: 'string', format: 'uri' } }],
    [
      'nested items and additionalProperties are transformed',
      {
        given: {
          type: 'object',
          additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
        },
        want: { type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/schemas/Tag' } } },
      },
    ],
  ];
  it.each(cases)('%s', (_, { given, ctx, want }) => {
    expect(transformSchema(given, { ...DEFAULT_CTX, ...ctx })).toEqual(want);
  });

  it('reports what it dropped', () => {
    const notes: string[] = [];
    transformSchema({ type: 'string', pattern: 'YYYY-MM-DD' }, { ...DEFAULT_CTX, note: (m) => notes.push(m) });
    expect(notes).toEqual(['pattern "YYYY-MM-DD" is a date mask, not a regular expression: dropped']);
  });
});
