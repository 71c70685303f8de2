// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import type { ApiDescription } from '../../src/description/index.js';
import { loadDefault } from '../helpers/specs.js';
import { api, issueTokens, refresh, schemaChecker } from './helpers.js';

let spec: ApiDescription;
let mock: RunningMock;
beforeAll(async () => {
  spec = await loadDefault();
  mock = await startMock({ spec, port: 0 });
});
afterAll(() => mock.close());

async function introspect(token: string): Promise<Record<string, unknown>> {
  const res = await api(mock, 'GET', '/v1/introspect', { token });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: Record<string, unknown> };
  schemaChecker(spec)('Introspect token', 200, body);
  return body.data;
}

describe('GET /v1/introspect describes the calling token, not its example', () => {
  it('the confidential client: its id and exactly the scopes it was granted', async () => {
    const tokens = await issueTokens(mock, { scope: 'vendors:read users:read' });
    const data = await introspect(tokens.access_token);
    expect(data.clientId).toBe(TEST_CLIENT.id);
    expect(String(data.scope).split(' ').sort()).toEqual(['users:read', 'vendors:read']);
    expect(data.authMethod).toBe('OAUTH2');
  });

  it('the public client: its own id', async () => {
    const tokens = await issueTokens(mock, { scope: 'vendors:read', publicClient: true });
    expect(await introspect(tokens.access_token)).toMatchObject({
      clientId: PUBLIC_TEST_CLIENT.id,
      scope: 'vendors:read',
    });
  });

  it('a token narrowed by a refresh shows the narrower scopes', async () => {
    const tokens = await issueTokens(mock, { scope: 'vendors:read vendors:write' });
    const narrowed = (await (await refresh(mock, tokens.refresh_token, { scope: 'vendors:read' })).json()) as {
      access_token: string;
    };
    expect((await introspect(narrowed.access_token)).scope).toBe('vendors:read');
    expect(
      String((await introspect(tokens.access_token)).scope)
        .split(' ')
        .sort(),
    ).toEqual(['vendors:read', 'vendors:write']);
  });
});
