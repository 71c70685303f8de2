// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiDescription, RequestDef } from '../../src/description/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { resourceModel } from '../../src/mock/resource-model.js';
import { loadDefault } from '../helpers/specs.js';
import { api, issueTokens } from './helpers.js';

// Pleo creates a tag under its group (POST /v0/tag-groups/{groupId}/tags) and reads, updates and
// deletes it at /v0/tags/{tagId}: the mock keeps both in one collection.
let spec: ApiDescription;
let mock: RunningMock;
let token: string;
const request = (name: string): RequestDef => {
  const found = spec.folders.flatMap((f) => f.requests).find((r) => r.name === name);
  if (!found) throw new Error(`no request ${name}`);
  return found;
};

beforeAll(async () => {
  spec = await loadDefault();
  mock = await startMock({ spec, port: 0 });
  token = (await issueTokens(mock, { scope: 'tag-groups:read tag-groups:write' })).access_token;
});
afterAll(() => mock.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await api(mock, method, path, { token, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as { data?: Record<string, unknown> } };
};

describe('a tag created under a tag group', () => {
  it('is read, updated and deleted at /v0/tags/{tagId}', async () => {
    const group = await call('POST', '/v0/tag-groups', request('Create tag group').body?.example);
    expect(group.status).toBe(200);
    const groupId = String(group.body.data?.id);
    const created = await call('POST', `/v0/tag-groups/${groupId}/tags`, request('Create tag').body?.example);
    expect(created.status).toBe(201);
    const tagId = String(created.body.data?.id);
    expect(tagId).not.toBe(String(request('Retrieve a tag by its id').parameters.path.tagId?.example));

    expect((await call('GET', `/v0/tags/${tagId}`)).body.data).toMatchObject({ id: tagId });
    const updated = await call('PUT', `/v0/tags/${tagId}`, {
      ...(request('Update a tag').body?.example as Record<string, unknown>),
      name: 'Renamed',
    });
    expect(updated.status).toBe(200);
    expect((await call('GET', `/v0/tags/${tagId}`)).body.data).toMatchObject({ id: tagId, name: 'Renamed' });
    expect((await call('DELETE', `/v0/tags/${tagId}`)).status).toBe(200);
    expect((await call('GET', `/v0/tags/${tagId}`)).status).toBe(404);
    expect((await call('DELETE', `/v0/tags/${tagId}`)).status).toBe(404);
  });

  it('leaves the seeded tag alone, and other nested collections their own', async () => {
    const seeded = String(request('Retrieve a tag by its id').parameters.path.tagId?.example);
    expect((await call('GET', `/v0/tags/${seeded}`)).status).toBe(200);
    const model = resourceModel(spec);
    const collection = (name: string) => {
      const op = model.operations.get(request(name));
      return op && 'collection' in op ? op.collection : op?.kind;
    };
    expect(collection('Delete a tag')).toBe('/v0/tag-groups/{groupId}/tags');
    expect(collection('Search tags')).toBe('/v0/tag-groups/{groupId}/tags');
    // Tag group dimensions are not tags' dimension values, though both end in /dimensions.
    expect(collection('Retrieve dimension values')).toBe('/v0/tags/{tagId}/dimensions');
    expect(collection('Delete a tag group dimension')).toBe('/v0/tag-groups/{groupId}/dimensions');
  });
});
