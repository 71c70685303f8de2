// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { base32Decode, base32Encode, decodeCursor, encodeCursor } from '../../src/mock/pagination.js';
import { loadSpec, type ApiDescription } from '../../src/description/index.js';
import { api, issueTokens, schemaChecker, STORE_SPEC } from './helpers.js';

const COMPANY = '6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40';
const CURSOR = /^[A-Z2-7=~]+$/;

interface Page {
  data: Array<{ id: string }>;
  pagination: {
    currentRequestPagination: { limit: number; after?: string; before?: string; parameters: Record<string, string[]> };
    startCursor: string;
    endCursor: string;
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    total: number;
  };
}

describe('base32 cursors (RFC 4648 §10 test vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('%j ↔ %s', (text, encoded) => {
    expect(base32Encode(new TextEncoder().encode(text))).toBe(encoded);
    expect(new TextDecoder().decode(base32Decode(encoded))).toBe(text);
  });

  it("a cursor is opaque base32 of a position, matching Pleo's pattern", () => {
    expect(encodeCursor(0)).toMatch(CURSOR);
    expect(decodeCursor(encodeCursor(1234))).toBe(1234);
    expect(decodeCursor('GEZDGNBVGY3TQOJQ')).toBe(1234567890);
    expect(decodeCursor('mzxw6===')).toBeUndefined();
    expect(decodeCursor('MZXW6===')).toBeUndefined();
  });
});

describe('cursor pagination of list endpoints', () => {
  let spec: ApiDescription;
  let mock: RunningMock;
  let token: string;
  let check: ReturnType<typeof schemaChecker>;

  beforeAll(async () => {
    spec = await loadSpec(STORE_SPEC);
    check = schemaChecker(spec);
    mock = await startMock({ spec, port: 0 });
    token = (await issueTokens(mock)).access_token;
    for (let i = 0; i < 22; i++) {
      const res = await api(mock, 'POST', '/v1/vendors', { token, body: { companyId: COMPANY, name: `Vendor ${i}` } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => mock.close());

  async function page(query: string): Promise<Page> {
    const res = await api(mock, 'GET', `/v1/vendors${query}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as Page;
    check('List vendors', 200, body);
    return body;
  }

  it('walks forward with after=endCursor and back with before=startCursor', async () => {
    const first = await page('?limit=10');
    expect(first.data).toHaveLength(10);
    expect(first.pagination).toMatchObject({ hasNextPage: true, hasPreviousPage: false, total: 25 });
    expect(first.pagination.currentRequestPagination).toEqual({ limit: 10, parameters: {} });
    expect(first.pagination.startCursor).toMatch(CURSOR);
    expect(first.pagination.endCursor).toMatch(CURSOR);

    const second = await page(`?limit=10&after=${first.pagination.endCursor}`);
    expect(second.pagination).toMatchObject({ hasNextPage: true, hasPreviousPage: true, total: 25 });
    expect(second.pagination.currentRequestPagination).toEqual({
      limit: 10,
      after: first.pagination.endCursor,
      parameters: {},
    });

    const third = await page(`?limit=10&after=${second.pagination.endCursor}`);
    expect(third.data).toHaveLength(5);
    expect(third.pagination).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const all = [...first.data, ...second.data, ...third.data].map((v) => v.id);
    expect(new Set(all).size).toBe(25);

    const back = await page(`?limit=10&before=${third.pagination.startCursor}`);
    expect(back.data.map((v) => v.id)).toEqual(second.data.map((v) => v.id));
    const front = await page(`?limit=10&before=${back.pagination.startCursor}`);
    expect(front.data.map((v) => v.id)).toEqual(first.data.map((v) => v.id));
    expect(front.pagination.hasPreviousPage).toBe(false);
  });

  it('echoes the other query parameters in currentRequestPagination.parameters', async () => {
    const body = await page(`?limit=5&companyId=${COMPANY}`);
    expect(body.pagination.currentRequestPagination.parameters).toEqual({ companyId: [COMPANY] });
    expect(body.pagination.total).toBe(24);
  });

  it('defaults to 20 items a page', async () => {
    const body = await page('');
    expect(body.data).toHaveLength(20);
    expect(body.pagination.currentRequestPagination.limit).toBe(20);
  });

  it('paginates :search from the body', async () => {
    const res = await api(mock, 'POST', '/v1/vendors:search', { token, body: { limit: 3 } });
    const first = (await res.json()) as Page;
    check('Search vendors', 200, first);
    expect(first.data).toHaveLength(3);
    const res2 = await api(mock, 'POST', '/v1/vendors:search', {
      token,
      body: { limit: 3, after: first.pagination.endCursor },
    });
    const second = (await res2.json()) as Page;
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    expect(second.pagination.hasPreviousPage).toBe(true);
  });

  it('a cursor past the end gives an empty last page', async () => {
    const body = await page(`?after=${encodeCursor(1000)}`);
    expect(body.data).toEqual([]);
    expect(body.pagination).toMatchObject({ hasNextPage: false, hasPreviousPage: true, total: 25 });
  });

  it.each([
    ['limit=0', /^limit: /],
    ['limit=101', /^limit: /],
    ['limit=ten', /^limit: /],
    ['after=abc', /^after: /],
    ['before=MZXW6===', /^before: /],
    [`after=${encodeCursor(1)}&before=${encodeCursor(2)}`, /after and before/],
  ])('%s → 400 VALIDATION_FAILED', async (query, message) => {
    const res = await api(mock, 'GET', `/v1/vendors?${query}`, { token });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ type: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
  });
});
