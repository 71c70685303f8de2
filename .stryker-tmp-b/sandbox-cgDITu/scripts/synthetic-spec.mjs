// @ts-nocheck
// A synthetic, valid description of N requests (10 per folder), for benchmarks.
import { stringify } from 'yaml';

export function syntheticSpec(requestCount) {
  const scopes = {};
  const folders = [];
  for (let f = 0; f * 10 < requestCount; f++) {
    const resource = `things${f}`;
    scopes[`${resource}:read`] = { description: `Read ${resource}` };
    scopes[`${resource}:write`] = { description: `Write ${resource}` };
    const requests = [];
    for (let r = 0; r < 10 && f * 10 + r < requestCount; r++) {
      const write = r % 2 === 1;
      requests.push({
        name: `Request ${r} of ${resource}`,
        method: write ? 'PUT' : 'GET',
        path: `/v1/${resource}/{thingId}/part${r}`,
        description: `Synthetic request ${r}.`,
        scopes: [`${resource}:${write ? 'write' : 'read'}`],
        parameters: {
          path: { thingId: { example: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11', description: 'Thing id' } },
          query: { limit: { example: 10, description: 'Page size' } },
        },
        ...(write ? { body: { example: { name: 'x', size: r }, schema: 'ThingUpdate' } } : {}),
        responses: {
          200: {
            schema: 'ThingResponse',
            headers: ['Content-Type'],
            example: { data: { id: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11', name: 'x', size: r } },
          },
          404: { schema: 'Error', example: { type: 'NOT_FOUND', message: 'not found' } },
        },
      });
    }
    folders.push({ name: `Folder ${f}`, description: `Synthetic folder ${f}`, requests });
  }
  return stringify({
    info: { name: `Synthetic ${requestCount}`, version: '1.0.0', description: 'Benchmark description' },
    environments: {
      staging: { authServerUrl: 'https://auth.staging.pleo.io', apiBaseUrl: 'https://external.staging.pleo.io' },
      production: { authServerUrl: 'https://auth.pleo.io', apiBaseUrl: 'https://external.pleo.io' },
      local: { authServerUrl: 'http://127.0.0.1:4010', apiBaseUrl: 'http://127.0.0.1:4010' },
    },
    auth: { tokenName: 'Pleo access token' },
    scopes,
    schemas: {
      Error: {
        type: 'object',
        required: ['type', 'message'],
        properties: { type: { type: 'string' }, message: { type: 'string' } },
      },
      Thing: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, size: { type: 'integer' } },
      },
      ThingResponse: { type: 'object', required: ['data'], properties: { data: { $ref: '#/schemas/Thing' } } },
      ThingUpdate: { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } },
    },
    folders,
  });
}
