// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { transformParameter } from '../../src/openapi/parameter.js';

const DEFAULT_CTX = { mode: 'request' as const, refName: (n: string) => n, schemas: {}, seed: 'GET /x' };

describe('transformParameter (Parameter Object → description parameter)', () => {
  const cases: Array<[string, { given: Record<string, unknown>; want: unknown }]> = [
    [
      'a path parameter with its example',
      {
        given: { name: 'id', in: 'path', required: true, example: 'abc', description: ' The id. ' },
        want: { in: 'path', name: 'id', def: { example: 'abc', description: 'The id.' } },
      },
    ],
    [
      'the first of `examples`',
      {
        given: { name: 'isbn', in: 'path', required: true, examples: { a: { value: '978' }, b: { value: '979' } } },
        want: { in: 'path', name: 'isbn', def: { example: '978' } },
      },
    ],
    [
      'a required query parameter: its schema default',
      {
        given: { name: 'limit', in: 'query', required: true, schema: { type: 'integer', default: 20 } },
        want: { in: 'query', name: 'limit', def: { example: 20, required: true } },
      },
    ],
    [
      'a required query parameter: the first enum value',
      {
        given: { name: 'order', in: 'query', required: true, schema: { type: 'string', enum: ['ASC', 'DESC'] } },
        want: { in: 'query', name: 'order', def: { example: 'ASC', required: true } },
      },
    ],
    [
      'an array query parameter: its first item',
      {
        given: { name: 'ids', in: 'query', required: true, schema: { type: 'array', items: { type: 'integer' } } },
        want: { in: 'query', name: 'ids', def: { example: 1, required: true } },
      },
    ],
    [
      'an optional query parameter without a documented example stays without one (a disabled row)',
      {
        given: { name: 'after', in: 'query', schema: { type: 'string', pattern: '^[A-Z2-7=~]+$' } },
        want: { in: 'query', name: 'after', def: {} },
      },
    ],
    [
      'an optional query parameter with a documented example keeps it',
      {
        given: { name: 'genre', in: 'query', schema: { type: 'string' }, example: 'poetry' },
        want: { in: 'query', name: 'genre', def: { example: 'poetry' } },
      },
    ],
    [
      'a header parameter',
      {
        given: { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', format: 'date' } },
        want: { in: 'header', name: 'X-Request-Id', def: { example: '2024-01-15', required: true } },
      },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(transformParameter(given, DEFAULT_CTX)).toEqual(want));

  it('a required uuid looks like a uuid, never a placeholder', () => {
    const t = transformParameter(
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      DEFAULT_CTX,
    );
    expect(t?.def.example).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('cookie parameters are not imported', () => {
    expect(transformParameter({ name: 'session', in: 'cookie' }, DEFAULT_CTX)).toBeUndefined();
  });
});
