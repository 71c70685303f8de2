// @ts-nocheck
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { loadSpec, type ApiDescription } from '../../src/description/index.js';
import { api, issueTokens, schemaChecker, STORE_SPEC } from './helpers.js';

const ALPHA = '11111111-1111-4111-8111-111111111111';
const BETA = '22222222-2222-4222-8222-222222222222';
const COMPANY = '6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40';
const UNKNOWN = '99999999-9999-4999-8999-999999999999';

let spec: ApiDescription;
let check: ReturnType<typeof schemaChecker>;
let mock: RunningMock;
let token: string;

beforeAll(async () => {
  spec = await loadSpec(STORE_SPEC);
  check = schemaChecker(spec);
});
beforeEach(async () => {
  mock = await startMock({ spec, port: 0 });
  token = (await issueTokens(mock)).access_token;
});
afterEach(() => mock.close());

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  api(mock, method, path, { token, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });

async function json(res: Response, status: number): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  return JSON.parse(text) as Record<string, unknown>;
}

const ids = (body: Record<string, unknown>): string[] => (body.data as Array<{ id: string }>).map((v) => v.id);

describe('seeded from the examples', () => {
  it("lists the list example's items and the get example's record once each", async () => {
    const body = await json(await call('GET', '/v1/vendors'), 200);
    check('List vendors', 200, body);
    expect(ids(body)).toEqual([ALPHA, BETA, '33333333-3333-4333-8333-333333333333']);
  });

  it('gets a seeded record', async () => {
    const body = await json(await call('GET', `/v1/vendors/${BETA}`), 200);
    check('Get vendor', 200, body);
    expect(body.data).toMatchObject({ id: BETA, name: 'Beta' });
  });
});

describe('create, read back, update, delete', () => {
  it('a created vendor can be read back and listed', async () => {
    const res = await call('POST', '/v1/vendors', {
      companyId: COMPANY,
      name: 'Epsilon',
      country: 'FI',
      notes: 'not a vendor field',
    });
    const created = await json(res, 201);
    check('Create vendor', 201, created);
    const data = created.data as Record<string, unknown>;
    expect(data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      companyId: COMPANY,
      name: 'Epsilon',
      country: 'FI',
      state: 'DRAFT',
    });
    expect(data.id).not.toBe('44444444-4444-4444-8444-444444444444');
    expect(res.headers.get('location')).not.toBeNull();
    const read = await json(await call('GET', `/v1/vendors/${String(data.id)}`), 200);
    check('Get vendor', 200, read);
    expect(read.data).toEqual(data);
    expect(ids(await json(await call('GET', '/v1/vendors'), 200))).toContain(data.id);
  });

  it('each create gets its own id', async () => {
    const body = { companyId: COMPANY, name: 'Zeta' };
    const a = await json(await call('POST', '/v1/vendors', body), 201);
    const b = await json(await call('POST', '/v1/vendors', body), 201);
    expect((a.data as { id: string }).id).not.toBe((b.data as { id: string }).id);
  });

  it('an update merges the body and is kept', async () => {
    const updated = await json(await call('PATCH', `/v1/vendors/${ALPHA}`, { name: 'Alpha Nordic' }), 200);
    check('Update vendor', 200, updated);
    expect(updated.data).toMatchObject({ id: ALPHA, name: 'Alpha Nordic', country: 'DK' });
    expect((await json(await call('GET', `/v1/vendors/${ALPHA}`), 200)).data).toMatchObject({ name: 'Alpha Nordic' });
  });

  it('an update that would break the schema keeps every answer about the record valid', async () => {
    const updated = await json(
      await call('PATCH', `/v1/vendors/${ALPHA}`, { name: 'Alpha', country: 'Denmark', extra: 'not in Vendor' }),
      200,
    );
    check('Update vendor', 200, updated);
    expect(updated.data).toEqual({ id: ALPHA, companyId: COMPANY, name: 'Alpha', country: 'DK', state: 'ACTIVE' });
    const list = await json(await call('GET', '/v1/vendors'), 200);
    check('List vendors', 200, list);
    expect((list.data as unknown[])[0]).toEqual(updated.data);
    check('Get vendor', 200, await json(await call('GET', `/v1/vendors/${ALPHA}`), 200));
  });

  it("a deleted vendor is 404 afterwards, in the description's words", async () => {
    const res = await call('DELETE', `/v1/vendors/${BETA}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const gone = await json(await call('GET', `/v1/vendors/${BETA}`), 404);
    check('Get vendor', 404, gone);
    expect(gone).toEqual({ type: 'VENDOR_NOT_FOUND', message: 'Vendor not found' });
    expect(ids(await json(await call('GET', '/v1/vendors'), 200))).not.toContain(BETA);
  });

  it('a deleted account is 404 afterwards (NOT_FOUND: its description has no 404 example)', async () => {
    expect((await call('DELETE', '/v1/accounts/acc-1')).status).toBe(204);
    expect(await json(await call('GET', '/v1/accounts/acc-1'), 404)).toEqual({
      type: 'NOT_FOUND',
      message: expect.any(String),
    });
    expect((await json(await call('DELETE', '/v1/accounts/acc-1'), 404)).type).toBe('NOT_FOUND');
  });

  it('state starts afresh on restart', async () => {
    const created = await json(await call('POST', '/v1/vendors', { companyId: COMPANY, name: 'Eta' }), 201);
    await mock.close();
    mock = await startMock({ spec, port: 0 });
    token = (await issueTokens(mock)).access_token;
    expect((await call('GET', `/v1/vendors/${(created.data as { id: string }).id}`)).status).toBe(404);
  });
});

describe('unknown ids and actions', () => {
  it.each([
    ['GET', `/v1/vendors/${UNKNOWN}`],
    ['PATCH', `/v1/vendors/${UNKNOWN}`],
    ['POST', `/v1/vendors/${UNKNOWN}:archive`],
  ])(
    "%s %s → 404 VENDOR_NOT_FOUND (the Get vendor example's type when the request has no 404 example)",
    async (method, path) => {
      const body = await json(await call(method, path, method === 'PATCH' ? { name: 'x' } : undefined), 404);
      expect(body.type).toBe('VENDOR_NOT_FOUND');
    },
  );

  it('an action on a known item answers its example (204, no body)', async () => {
    const res = await call('POST', `/v1/vendors/${ALPHA}:archive`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('an action writes its mock.sets onto the record: archived, then read back as ARCHIVED', async () => {
    const before = (await json(await call('GET', `/v1/vendors/${ALPHA}`), 200)).data as Record<string, unknown>;
    expect(before.state).toBe('ACTIVE');
    expect((await call('POST', `/v1/vendors/${ALPHA}:archive`)).status).toBe(204);
    const body = await json(await call('GET', `/v1/vendors/${ALPHA}`), 200);
    check('Get vendor', 200, body);
    expect(body.data).toEqual({ ...before, state: 'ARCHIVED' });
    const listed = await json(await call('GET', '/v1/vendors'), 200);
    expect((listed.data as Array<{ id: string; state: string }>).find((v) => v.id === ALPHA)?.state).toBe('ARCHIVED');
  });

  it("an action with a body writes the body's fields too", async () => {
    await call('POST', `/v1/vendors/${ALPHA}:archive`);
    expect((await call('POST', `/v1/vendors/${ALPHA}:activate`, { country: 'SE' })).status).toBe(204);
    expect((await json(await call('GET', `/v1/vendors/${ALPHA}`), 200)).data).toMatchObject({
      id: ALPHA,
      country: 'SE',
      state: 'ACTIVE',
    });
  });
});

describe('filters', () => {
  it('a nested collection is filtered by the path parameter that names a field', async () => {
    expect(ids(await json(await call('GET', `/v1/vendors/${ALPHA}/contacts`), 200))).toEqual(['c1']);
    expect(ids(await json(await call('GET', `/v1/vendors/${BETA}/contacts`), 200))).toEqual(['c2']);
  });

  it('a query parameter that names a field filters the list', async () => {
    expect(ids(await json(await call('GET', `/v1/vendors?companyId=${COMPANY}`), 200))).toEqual([ALPHA, BETA]);
  });
});

describe('routing', () => {
  it('an unknown path → 404 NOT_FOUND', async () => {
    expect(await json(await call('GET', '/v9/nothing'), 404)).toMatchObject({ type: 'NOT_FOUND' });
    expect((await call('GET', '/v1/vendors/')).status).toBe(404);
  });

  it('a known path with the wrong method → 405 with Allow', async () => {
    const res = await call('DELETE', '/v1/vendors');
    expect(await json(res, 405)).toMatchObject({ type: 'METHOD_NOT_ALLOWED' });
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('custom-method suffixes are literal', async () => {
    expect((await call('POST', '/v1/vendors:archive')).status).toBe(404);
    expect((await call('POST', '/v1/vendors:search', {})).status).toBe(200);
    // `{vendorId}` matches any segment, so this is the item path with the id "…:delete", which takes no POST.
    expect((await call('POST', `/v1/vendors/${ALPHA}:delete`)).status).toBe(405);
  });
});

describe('request bodies (ajv draft-07 + ajv-formats)', () => {
  it.each([
    ['a missing required field', { name: 'x' }, /companyId/],
    ['an empty name', { companyId: COMPANY, name: '' }, /^name: /],
    ['a malformed uuid', { companyId: 'nope', name: 'x' }, /^companyId: .*uuid/],
    ['a wrong type', { companyId: COMPANY, name: 7 }, /^name: must be string/],
    ['not an object', [1, 2], /^body: must be object/],
  ])('%s → 400 VALIDATION_FAILED naming the field', async (_name, body, message) => {
    const res = await json(await call('POST', '/v1/vendors', body), 400);
    expect(res.type).toBe('VALIDATION_FAILED');
    expect(res.message).toMatch(message);
  });

  it.each([
    ['invalid JSON', '{"name":', {}],
    ['an empty body', undefined, { 'content-type': 'application/json' }],
  ])('%s → 400 VALIDATION_FAILED', async (_name, body, headers) => {
    expect((await json(await call('POST', '/v1/vendors', body, headers), 400)).type).toBe('VALIDATION_FAILED');
  });

  it('bytes that are not UTF-8 → 400', async () => {
    const res = await fetch(`${mock.url}/v1/vendors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0x6e, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect((await json(res, 400)).type).toBe('VALIDATION_FAILED');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'])(
    'Content-Type %s → 415',
    async (type) => {
      const res = await call('POST', '/v1/vendors', JSON.stringify({ companyId: COMPANY, name: 'x' }), {
        'content-type': type,
      });
      expect(await json(res, 415)).toMatchObject({ type: 'UNSUPPORTED_MEDIA_TYPE' });
    },
  );

  it('application/json;charset=UTF-8 is accepted', async () => {
    const res = await call('POST', '/v1/vendors', JSON.stringify({ companyId: COMPANY, name: 'x' }), {
      'content-type': 'application/json;charset=UTF-8',
    });
    expect(res.status).toBe(201);
  });
});
