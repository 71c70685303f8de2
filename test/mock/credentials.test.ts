import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validateSpec, type ApiDescription } from '../../src/description/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { TEST_CREDENTIALS } from '../../src/shared/local-pleo.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const BASE = readFileSync(MINIMAL_SPEC, 'utf8');
const EMPLOYEE = '/v2/employees/9d2f4b1a-3c5e-4f6a-8b7c-1d2e3f4a5b6c';

function specWith(block: string): ApiDescription {
  const text = BASE.replace(/^auth:\n(?: {2}.*\n)+/m, `auth:\n${block.replace(/^/gm, '  ')}\n`)
    .replace(/^ {8}scopes: \[.*\]\n/gm, '')
    .replace('        path: /v1/introspect\n', '        path: /v1/introspect\n        public: true\n');
  return validateSpec(text, 'api.yaml').spec as ApiDescription;
}

let mock: RunningMock | undefined;
afterEach(() => mock?.close());

async function get(block: string, path: string, headers: Record<string, string> = {}) {
  mock = await startMock({ spec: specWith(block), port: 0 });
  const res = await fetch(`${mock.url}${path}`, { headers });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.json() };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the mock accepts the declared scheme with the local credentials, and 401 without them', () => {
  it.each([
    ['scheme: apiKey\nin: header\nname: X-API-Key', EMPLOYEE, { 'x-api-key': TEST_CREDENTIALS.apiKey }],
    ['scheme: apiKey\nin: query\nname: api_key', `${EMPLOYEE}?api_key=${TEST_CREDENTIALS.apiKey}`, {}],
    ['scheme: apiKey\nin: cookie\nname: session', EMPLOYEE, { cookie: `a=b; session=${TEST_CREDENTIALS.apiKey}` }],
    ['scheme: bearer', EMPLOYEE, { authorization: `Bearer ${TEST_CREDENTIALS.bearerToken}` }],
    ['scheme: basic', EMPLOYEE, { authorization: basic(TEST_CREDENTIALS.username, TEST_CREDENTIALS.password) }],
  ])('%s: accepted', async (block, path, headers) => {
    expect((await get(block, path, headers)).status).toBe(200);
  });

  it.each([
    ['scheme: apiKey\nin: header\nname: X-API-Key', {}, null, 'an API key (header X-API-Key) is required'],
    [
      'scheme: apiKey\nin: header\nname: X-API-Key',
      { 'x-api-key': 'guess' },
      null,
      'invalid API key (header X-API-Key)',
    ],
    [
      'scheme: apiKey\nin: query\nname: api_key',
      { api_key: TEST_CREDENTIALS.apiKey },
      null,
      'an API key (query api_key) is required',
    ],
    ['scheme: bearer', {}, 'Bearer realm="pleo-postman local mock"', 'a bearer token is required'],
    [
      'scheme: bearer',
      { authorization: 'Bearer x' },
      'Bearer realm="pleo-postman local mock", error="invalid_token"',
      'invalid bearer token',
    ],
    [
      'scheme: basic',
      { authorization: basic(TEST_CREDENTIALS.username, 'x') },
      'Basic realm="pleo-postman local mock", charset="UTF-8"',
      'invalid basic credentials',
    ],
  ])('%s with %j → 401', async (block, headers, challenge, message) => {
    const res = await get(block, EMPLOYEE, headers);
    expect(res).toEqual({ status: 401, challenge, body: { type: 'UNAUTHORIZED', message } });
  });

  it('a public operation, and every operation under scheme none, needs nothing', async () => {
    expect((await get('scheme: bearer', '/v1/introspect')).status).toBe(200);
    await mock?.close();
    expect((await get('scheme: none', EMPLOYEE)).status).toBe(200);
  });
});
