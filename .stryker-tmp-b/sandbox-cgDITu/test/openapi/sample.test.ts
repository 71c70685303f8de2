// @ts-nocheck
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleSchema, seededUuid } from '../../src/openapi/sample.js';

const DEFAULT_CTX = { schemas: {}, seed: 'test' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sampleSchema (example values from a schema)', () => {
  const cases: Array<[string, { given: Record<string, unknown>; want: unknown }]> = [
    ['the schema example first', { given: { type: 'string', examples: ['DK'] }, want: 'DK' }],
    ['then its default', { given: { type: 'integer', default: 20 }, want: 20 }],
    ['the first enum value', { given: { type: 'string', enum: ['ASC', 'DESC'] }, want: 'ASC' }],
    ['a const', { given: { const: 'printed' }, want: 'printed' }],
    ['a date looks like a date', { given: { type: 'string', format: 'date' }, want: '2024-01-15' }],
    ['a date-time like a date-time', { given: { type: 'string', format: 'date-time' }, want: '2024-01-15T10:00:00Z' }],
    ['an email like an email', { given: { type: 'string', format: 'email' }, want: 'jane.doe@example.com' }],
    ['a string within its bounds', { given: { type: 'string', minLength: 10 }, want: 'examplexxx' }],
    ['a string matching its pattern', { given: { type: 'string', pattern: '^[A-Z2-7=~]+$' }, want: 'ABCD2345' }],
    ['an integer within its bounds', { given: { type: 'integer', minimum: 5, maximum: 9 }, want: 5 }],
    ['an exclusive minimum is respected', { given: { type: 'integer', exclusiveMinimum: 0 }, want: 1 }],
    ['a nullable type gives its non-null type', { given: { type: ['boolean', 'null'] }, want: true }],
    [
      'every property of an object',
      {
        given: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string', enum: ['x'] } } },
        want: { a: 1, b: 'x' },
      },
    ],
    ['one item of an array', { given: { type: 'array', items: { type: 'integer' } }, want: [1] }],
    [
      'allOf merges its parts',
      {
        given: { allOf: [{ type: 'object', properties: { a: { const: 1 } } }, { properties: { b: { const: 2 } } }] },
        want: { a: 1, b: 2 },
      },
    ],
    [
      'oneOf takes the first option',
      { given: { oneOf: [{ type: 'null' }, { type: 'string', enum: ['first'] }] }, want: 'first' },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(sampleSchema(given, DEFAULT_CTX)).toEqual(want));

  it('a uuid looks like a uuid, the same for the same seed, another for another', () => {
    const schema = { type: 'string', format: 'uuid' };
    expect(sampleSchema(schema, DEFAULT_CTX)).toMatch(UUID);
    expect(sampleSchema(schema, DEFAULT_CTX)).toBe(seededUuid('test'));
    expect(sampleSchema(schema, { ...DEFAULT_CTX, seed: 'other' })).not.toBe(seededUuid('test'));
  });

  it('a circular schema ends: the cycle is cut where it may be (null, an empty list)', () => {
    const schemas = {
      Node: {
        type: 'object',
        required: ['name', 'parent'],
        properties: {
          name: { type: 'string' },
          parent: { anyOf: [{ $ref: '#/schemas/Node' }, { type: 'null' }] },
          children: { type: 'array', items: { $ref: '#/schemas/Node' } },
        },
      },
    };
    const value = sampleSchema({ $ref: '#/schemas/Node' }, { schemas, seed: 'n' });
    expect(value).toEqual({ name: 'example', parent: null, children: [] });
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    expect(
      ajv.validate(
        {
          $ref: '#/definitions/Node',
          definitions: {
            Node: {
              ...schemas.Node,
              properties: {
                ...schemas.Node.properties,
                parent: { anyOf: [{ $ref: '#/definitions/Node' }, { type: 'null' }] },
                children: { type: 'array', items: { $ref: '#/definitions/Node' } },
              },
            },
          },
        },
        value,
      ),
    ).toBe(true);
  });

  it('ignoreExamples builds from the types when the documented example is wrong', () => {
    expect(
      sampleSchema({ type: 'integer', examples: ['not a number'] }, { ...DEFAULT_CTX, ignoreExamples: true }),
    ).toBe(1);
  });
});
