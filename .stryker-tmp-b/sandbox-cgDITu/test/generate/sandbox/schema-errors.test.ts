// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

const lib = loadSandbox(fakePm(), ['schema-errors.js']);
const describeSchemaErrors = lib.describeSchemaErrors as (errors: object[]) => string;
const jsonPath = lib.jsonPath as (pointer: string, extra?: unknown) => string;

describe('jsonPath (schema-errors.js)', () => {
  it.each([
    ['', undefined, '$'],
    ['/data/0/id', undefined, '$.data[0].id'],
    ['/data', 'id', '$.data.id'],
    ['/a b/x~1y/t~0z', undefined, '$["a b"]["x/y"]["t~z"]'],
    ['/$ok/_1', undefined, '$.$ok._1'],
  ])('%s + %s → %s', (pointer, extra, want) => {
    expect(jsonPath(pointer, extra)).toBe(want);
  });
});

describe('describeSchemaErrors (schema-errors.js, ajv 6 errors with jsonPointers)', () => {
  const error = (keyword: string, dataPath: string, params: object, message = '') => ({
    keyword,
    dataPath,
    params,
    message,
  });
  it.each([
    ['type', [error('type', '/data/name', { type: 'string' })], '$.data.name: must be string (type)'],
    ['required', [error('required', '/data', { missingProperty: 'id' })], '$.data.id: is required (required)'],
    ['array index', [error('type', '/data/0/id', { type: 'string' })], '$.data[0].id: must be string (type)'],
    ['odd keys', [error('type', '/a b/x~1y', { type: 'integer' })], '$["a b"]["x/y"]: must be integer (type)'],
    ['root', [error('type', '', { type: 'object' })], '$: must be object (type)'],
    [
      'additionalProperties',
      [error('additionalProperties', '/data', { additionalProperty: 'extra' })],
      '$.data.extra: is not allowed (additionalProperties)',
    ],
    ['enum', [error('enum', '/state', { allowedValues: ['A', 'B'] })], '$.state: must be one of ["A","B"] (enum)'],
    ['format', [error('format', '/id', { format: 'uuid' })], '$.id: must match format "uuid" (format)'],
    [
      'other keywords',
      [error('minLength', '/name', { limit: 1 }, 'should NOT be shorter than 1 characters')],
      '$.name: must NOT be shorter than 1 characters (minLength)',
    ],
    [
      'several',
      [error('type', '/a', { type: 'string' }), error('required', '', { missingProperty: 'b' })],
      '$.a: must be string (type); $.b: is required (required)',
    ],
  ])('%s', (_name, given, want) => {
    expect(describeSchemaErrors(given)).toBe(want);
  });

  it('lists at most 10 errors and counts the rest', () => {
    const errors = Array.from({ length: 12 }, (_, i) => error('type', `/${i}`, { type: 'string' }));
    expect(describeSchemaErrors(errors)).toMatch(/\$\[9\]: must be string \(type\); … and 2 more$/);
  });
});
