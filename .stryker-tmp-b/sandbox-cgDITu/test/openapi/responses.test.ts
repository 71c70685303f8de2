// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { transformResponses } from '../../src/openapi/responses.js';

const DEFAULT_CTX = { mode: 'response' as const, refName: (n: string) => n };
const json = (schema: unknown, extra: Record<string, unknown> = {}) => ({ 'application/json': { schema, ...extra } });

describe('transformResponses (Responses Object → description responses)', () => {
  const cases: Array<[string, { given: Record<string, Record<string, unknown>>; want: unknown }]> = [
    [
      'a named schema stays a name; Content-Type is expected with a body',
      {
        given: { '200': { description: 'OK', content: json({ $ref: '#/components/schemas/Pet' }) } },
        want: { '200': { description: 'OK', schema: 'Pet', headers: ['Content-Type'] } },
      },
    ],
    [
      'an inline schema is converted; the documented example is kept aside',
      {
        given: {
          '201': {
            description: 'Created',
            content: json(
              { type: 'object', properties: { n: { type: 'integer', nullable: true } } },
              { example: { n: 1 } },
            ),
          },
        },
        want: {
          '201': {
            description: 'Created',
            schema: { type: 'object', properties: { n: { type: ['integer', 'null'] } } },
            headers: ['Content-Type'],
            documentedExample: { n: 1 },
          },
        },
      },
    ],
    [
      'the JSON media type is chosen among several, charset and +json included',
      {
        given: {
          '400': {
            description: 'Bad',
            content: {
              'text/plain': { schema: { type: 'string' } },
              'application/problem+json': { schema: { type: 'object' } },
            },
          },
        },
        want: { '400': { description: 'Bad', schema: { type: 'object' }, headers: ['Content-Type'] } },
      },
    ],
    [
      'required headers are expected too',
      {
        given: {
          '204': { description: 'Gone', headers: { 'X-Trace': { required: true }, 'X-Optional': { required: false } } },
        },
        want: { '204': { description: 'Gone', headers: ['X-Trace'] } },
      },
    ],
    [
      'only a default response: it is the 200',
      {
        given: { default: { description: 'Result', content: json({ type: 'object' }) } },
        want: { '200': { description: 'Result', schema: { type: 'object' }, headers: ['Content-Type'] } },
      },
    ],
    [
      'default beside a 2xx, and ranges, are left out',
      {
        given: { '200': { description: 'OK' }, default: { description: 'Error' }, '5XX': { description: 'Server' } },
        want: { '200': { description: 'OK' } },
      },
    ],
  ];
  it.each(cases)('%s', (_, { given, want }) => expect(transformResponses(given, DEFAULT_CTX)).toEqual(want));
});
