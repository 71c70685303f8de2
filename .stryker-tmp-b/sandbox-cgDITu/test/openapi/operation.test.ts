// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { operationKey, transformOperation } from '../../src/openapi/operation.js';

const DEFAULT_CTX = { mode: 'neutral' as const, refName: (n: string) => n, schemas: {} };
const document = {
  openapi: '3.1.0',
  components: {
    parameters: { Id: { name: 'id', in: 'path', required: true, example: 'p-1' } },
    responses: {
      NotFound: { description: 'No such pet', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  },
};
const run = (op: Record<string, unknown>, item: Record<string, unknown> = {}, method = 'get', path = '/v1/pets/{id}') =>
  transformOperation({ file: 'pets.yaml', document, path, method, item, op, pointer: '/paths/x' }, DEFAULT_CTX);

describe('transformOperation (Operation Object → request)', () => {
  it('folder from the first tag, name from the summary, parameters by $ref, responses by $ref', () => {
    const t = run({
      tags: ['Pets', 'Animals'],
      summary: 'Get pet.',
      description: 'Gets one pet.',
      operationId: 'getPet',
      parameters: [{ $ref: '#/components/parameters/Id' }],
      responses: { '200': { description: 'OK' }, '404': { $ref: '#/components/responses/NotFound' } },
    });
    expect(t).toMatchObject({
      key: 'GET /v1/pets/{}',
      label: 'GET /v1/pets/{id}',
      tag: 'Pets',
      operationId: 'getPet',
      hidden: false,
      deprecated: false,
      request: {
        name: 'Get pet',
        method: 'GET',
        path: '/v1/pets/{id}',
        description: 'Get pet.\n\nGets one pet.',
        parameters: { path: { id: { example: 'p-1' } } },
        responses: { '200': { description: 'OK' }, '404': { description: 'No such pet', schema: { type: 'object' } } },
      },
    });
  });

  it('without a summary the operationId names the request; the path item parameters apply, the operation overrides', () => {
    const t = run(
      { operationId: 'getPet', parameters: [{ name: 'id', in: 'path', required: true, example: 'op' }], responses: {} },
      {
        parameters: [
          { name: 'id', in: 'path', required: true, example: 'item' },
          { name: 'q', in: 'query', example: 'x' },
        ],
      },
    );
    expect(t.request.name).toBe('getPet');
    expect(t.tag).toBe('Other');
    expect(t.request.parameters).toEqual({ path: { id: { example: 'op' } }, query: { q: { example: 'x' } } });
  });

  it('x-exclude and deprecated are marked', () => {
    expect(run({ 'x-exclude': 'true', responses: {} }).hidden).toBe(true);
    expect(run({ 'x-exclude': true, responses: {} }).hidden).toBe(true);
    expect(run({ deprecated: true, responses: {} }).deprecated).toBe(true);
  });

  it('a JSON body keeps its media type, schema (readOnly left out) and documented example', () => {
    const t = run(
      {
        requestBody: {
          content: {
            'application/json;charset=UTF-8': {
              schema: {
                type: 'object',
                properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
              },
              example: { name: 'Rex' },
            },
          },
        },
        responses: { '201': { description: 'Created' } },
      },
      {},
      'post',
      '/v1/pets',
    );
    expect(t.request.body).toEqual({
      contentType: 'application/json;charset=UTF-8',
      example: undefined,
      schema: { type: 'object', properties: { name: { type: 'string' } } },
    });
    expect(t.bodyExample).toEqual({ name: 'Rex' });
  });

  it('a non-JSON body is not imported and says so', () => {
    const notes: string[] = [];
    const t = transformOperation(
      {
        file: 'f',
        document,
        path: '/upload',
        method: 'post',
        item: {},
        op: { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object' } } } }, responses: {} },
        pointer: '',
      },
      { ...DEFAULT_CTX, note: (m) => notes.push(m) },
    );
    expect(t.request.body).toBeUndefined();
    expect(notes).toEqual(['request body "multipart/form-data" is not JSON: not imported']);
  });

  it('the same operation in two documents has one key, whatever its parameters are called', () => {
    expect(operationKey('get', '/v1/a/{accountId}')).toBe(operationKey('GET', '/v1/a/{id}'));
  });
});
