// @ts-nocheck
// A synthetic OpenAPI 3.0 document of N operations for the side-by-side benchmark (`npm run bench --
// --vs-peers`): CRUD resources (list, create, get, update, delete: 5 operations each) whose schemas use
// $refs, enums, bounds, nullable fields and examples, shared error responses, and an OAuth 2.0
// authorization-code scheme with 20 scopes. The same document goes to every converter.

const SCOPE_COUNT = 20;

const errorResponses = {
  BadRequest: {
    description: 'Invalid request',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  Unauthorized: {
    description: 'Missing or bad token',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  Forbidden: {
    description: 'Token lacks the scope',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  NotFound: {
    description: 'No such resource',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

const shared = (codes) =>
  Object.fromEntries(codes.map(([code, name]) => [code, { $ref: `#/components/responses/${name}` }]));

function resourceSchemas(name) {
  const example = {
    id: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11',
    name: `${name} example`,
    status: 'ACTIVE',
    amount: 42.5,
    quantity: 3,
    note: null,
    tags: ['a', 'b'],
  };
  return {
    [`${name}`]: {
      type: 'object',
      required: ['id', 'name', 'status'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', minLength: 1, maxLength: 120 },
        status: { type: 'string', enum: ['ACTIVE', 'ARCHIVED', 'PENDING'] },
        amount: { type: 'number', minimum: 0, maximum: 1000000 },
        quantity: { type: 'integer', minimum: 1, maximum: 999 },
        note: { type: 'string', nullable: true, maxLength: 500 },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 10 },
        owner: { $ref: '#/components/schemas/Owner' },
      },
      example,
    },
    [`${name}Input`]: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        status: { type: 'string', enum: ['ACTIVE', 'ARCHIVED', 'PENDING'] },
        amount: { type: 'number', minimum: 0, maximum: 1000000 },
        note: { type: 'string', nullable: true },
      },
      example: { name: `${name} example`, status: 'ACTIVE', amount: 42.5 },
    },
    [`${name}Response`]: {
      type: 'object',
      required: ['data'],
      properties: { data: { $ref: `#/components/schemas/${name}` } },
    },
    [`${name}List`]: {
      type: 'object',
      required: ['data', 'pagination'],
      properties: {
        data: { type: 'array', items: { $ref: `#/components/schemas/${name}` } },
        pagination: { $ref: '#/components/schemas/Pagination' },
      },
    },
  };
}

/** The OpenAPI document (an object) with `operations` operations, rounded up to whole resources. */
export function syntheticOpenApi(operations) {
  const resources = Math.ceil(operations / 5);
  const scopes = Object.fromEntries(
    Array.from({ length: SCOPE_COUNT }, (_, s) => [`scope${s}:${s % 2 === 0 ? 'read' : 'write'}`, `Scope ${s}`]),
  );
  const scopeNames = Object.keys(scopes);
  const paths = {};
  const schemas = {
    Error: {
      type: 'object',
      required: ['type', 'message'],
      properties: {
        type: { type: 'string', enum: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'] },
        message: { type: 'string' },
      },
      example: { type: 'NOT_FOUND', message: 'not found' },
    },
    Pagination: {
      type: 'object',
      properties: {
        after: { type: 'string', nullable: true },
        before: { type: 'string', nullable: true },
        total: { type: 'integer', minimum: 0 },
      },
    },
    Owner: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', format: 'uuid' }, email: { type: 'string', format: 'email' } },
      example: { id: '5f1e0b7e-8a8e-4d3b-9a55-4c0f2b3e1a11', email: 'owner@example.com' },
    },
  };
  let count = 0;
  for (let r = 0; r < resources && count < operations; r++) {
    const name = `Thing${r}`;
    const base = `/v1/things${r}`;
    const read = scopeNames[(2 * r) % SCOPE_COUNT];
    const write = scopeNames[(2 * r + 1) % SCOPE_COUNT];
    Object.assign(schemas, resourceSchemas(name));
    const json = (ref) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
    const idParam = {
      name: `${name.toLowerCase()}Id`,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
      example: '0b7e5f1e-8a8e-4d3b-9a55-4c0f2b3e1a11',
    };
    const ops = [
      [
        base,
        'get',
        {
          operationId: `list${name}`,
          summary: `List ${name}`,
          tags: [name],
          security: [{ oauth: [read] }],
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
              example: 20,
            },
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['ACTIVE', 'ARCHIVED', 'PENDING'] } },
          ],
          responses: {
            200: { description: 'OK', content: json(`${name}List`) },
            ...shared([
              [401, 'Unauthorized'],
              [403, 'Forbidden'],
            ]),
          },
        },
      ],
      [
        base,
        'post',
        {
          operationId: `create${name}`,
          summary: `Create ${name}`,
          tags: [name],
          security: [{ oauth: [write] }],
          requestBody: { required: true, content: json(`${name}Input`) },
          responses: {
            201: { description: 'Created', content: json(`${name}Response`) },
            ...shared([
              [400, 'BadRequest'],
              [401, 'Unauthorized'],
              [403, 'Forbidden'],
            ]),
          },
        },
      ],
      [
        `${base}/{${idParam.name}}`,
        'get',
        {
          operationId: `get${name}`,
          summary: `Get ${name}`,
          tags: [name],
          security: [{ oauth: [read] }],
          parameters: [idParam],
          responses: {
            200: { description: 'OK', content: json(`${name}Response`) },
            ...shared([
              [401, 'Unauthorized'],
              [403, 'Forbidden'],
              [404, 'NotFound'],
            ]),
          },
        },
      ],
      [
        `${base}/{${idParam.name}}`,
        'put',
        {
          operationId: `update${name}`,
          summary: `Update ${name}`,
          tags: [name],
          security: [{ oauth: [write] }],
          parameters: [idParam],
          requestBody: { required: true, content: json(`${name}Input`) },
          responses: {
            200: { description: 'OK', content: json(`${name}Response`) },
            ...shared([
              [400, 'BadRequest'],
              [401, 'Unauthorized'],
              [403, 'Forbidden'],
              [404, 'NotFound'],
            ]),
          },
        },
      ],
      [
        `${base}/{${idParam.name}}`,
        'delete',
        {
          operationId: `delete${name}`,
          summary: `Delete ${name}`,
          tags: [name],
          security: [{ oauth: [write] }],
          parameters: [idParam],
          responses: {
            204: { description: 'Deleted' },
            ...shared([
              [401, 'Unauthorized'],
              [403, 'Forbidden'],
              [404, 'NotFound'],
            ]),
          },
        },
      ],
    ];
    for (const [path, method, op] of ops) {
      if (count >= operations) break;
      paths[path] ??= {};
      paths[path][method] = op;
      count++;
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: `Synthetic ${operations}`, version: '1.0.0', description: 'Benchmark document' },
    servers: [{ url: 'https://external.staging.pleo.io' }],
    security: [{ oauth: [] }],
    paths,
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://auth.staging.pleo.io/oauth/authorize',
              tokenUrl: 'https://auth.staging.pleo.io/oauth/token',
              scopes,
            },
          },
        },
      },
    },
  };
}
