// @ts-nocheck
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, startMock, type RunningMock } from '../../src/mock/index.js';
import { loadSpec } from '../../src/description/index.js';
import { FORM, issueTokens, STORE_SPEC, TEST_BASIC } from './helpers.js';

let mock: RunningMock;
let token: string;
beforeAll(async () => {
  mock = await startMock({ spec: await loadSpec(STORE_SPEC), port: 0 });
  token = (await issueTokens(mock)).access_token;
});
afterAll(() => mock.close());

/** Sends raw bytes and returns the raw response head. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(mock.url);
    const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe("bodies over 64 KiB → 413, in the endpoint's dialect", () => {
  const big = (size: number) => `grant_type=refresh_token&refresh_token=${'a'.repeat(size)}`;

  it('token endpoint: RFC error JSON', async () => {
    const res = await fetch(`${mock.url}/oauth/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: TEST_BASIC },
      body: big(BODY_LIMIT_BYTES),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('API: Pleo error JSON, even for 2 MiB', async () => {
    const res = await fetch(`${mock.url}/v1/vendors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: 'PAYLOAD_TOO_LARGE' });
  });

  it('authorization endpoint: error page', async () => {
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: FORM,
      body: big(BODY_LIMIT_BYTES),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('exactly 64 KiB is read', async () => {
    const body = JSON.stringify({ companyId: '6a1d7b2e-0f4c-4d57-9a63-3b1f8c2e9d40', name: '' });
    const padded = body.replace('"name":""', `"name":"${'x'.repeat(BODY_LIMIT_BYTES - body.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(BODY_LIMIT_BYTES);
    const res = await fetch(`${mock.url}/v1/vendors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: padded,
    });
    expect(res.status).toBe(201);
  });
});

describe('malformed input at the OAuth endpoints', () => {
  it.each([
    ['bytes that are not UTF-8', Buffer.from([0x67, 0x72, 0x61, 0x6e, 0x74, 0x3d, 0xc3, 0x28])],
    ['broken percent-encoding', Buffer.from('grant_type=%E0%A4%A&code=%zz')],
    ['percent-encoded bytes that are not UTF-8', Buffer.from('grant_type=%C3%28')],
  ])('%s → 400 invalid_request', async (_name, body) => {
    const res = await fetch(`${mock.url}/oauth/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: TEST_BASIC },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('broken percent-encoding in an authorization request → 400 page, no redirect', async () => {
    const res = await fetch(`${mock.url}/oauth/authorize?client_id=%zz&redirect_uri=%E0%A4%A`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('%s /oauth/authorize → 405 page', async (method) => {
    const res = await fetch(`${mock.url}/oauth/authorize`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('a consent form posted as JSON → 400 page', async () => {
    const res = await fetch(`${mock.url}/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });
});

describe('odd requests', () => {
  it('an absolute-form request target → 400, not a crash', async () => {
    const head = await rawRequest(
      'GET http://evil.example/v1/vendors HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
  });

  it.each([
    ['30 000 levels', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
    ['65 levels inside a valid body', `{"name":"x","deep":${'['.repeat(64)}${']'.repeat(64)}}`],
  ])('JSON nested %s → 400, not a crash', async (_name, body) => {
    const res = await fetch(`${mock.url}/v1/vendors/11111111-1111-4111-8111-111111111111`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ type: 'VALIDATION_FAILED', message: 'body: nested deeper than 64 levels' });
  });

  it('a repeated query parameter at the API is fine (lists take repeatable filters)', async () => {
    const res = await fetch(`${mock.url}/v1/vendors?state=ACTIVE&state=DRAFT`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  });

  it('is still serving', async () => {
    expect((await fetch(`${mock.url}/.well-known/oauth-authorization-server`)).status).toBe(200);
  });
});
