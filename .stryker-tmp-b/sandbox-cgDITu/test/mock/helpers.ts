// @ts-nocheck
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { PUBLIC_TEST_CLIENT, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { standaloneSchema, type ApiDescription } from '../../src/description/index.js';

export const STORE_SPEC = 'test/fixtures/mock/store.yaml';

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' } as const;
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** A fresh PKCE pair (RFC 7636 §4.1/§4.2), computed here rather than by the code under test. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

export const TEST_BASIC = basic(TEST_CLIENT.id, TEST_CLIENT.secret);

export const callbackOf = (mock: RunningMock): string => `${mock.url}/callback`;

/** Authorization request parameters for the test client; `undefined` values are left out. */
export function authorizeParams(
  mock: RunningMock,
  overrides: Record<string, string | undefined> = {},
): URLSearchParams {
  const all: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: TEST_CLIENT.id,
    redirect_uri: callbackOf(mock),
    state: 'state-123',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

export const authorize = (mock: RunningMock, params: URLSearchParams | string): Promise<Response> =>
  fetch(`${mock.url}/oauth/authorize?${params.toString()}`, { redirect: 'manual' });

/** Approves on the consent page (POST with decision=approve) and returns the code from the redirect. */
export async function getCode(
  mock: RunningMock,
  options: { clientId?: string; scope?: string; redirectUri?: string } = {},
) {
  const { verifier, challenge } = pkce();
  const redirectUri = options.redirectUri ?? callbackOf(mock);
  const params = authorizeParams(mock, {
    client_id: options.clientId ?? TEST_CLIENT.id,
    code_challenge: challenge,
    redirect_uri: redirectUri,
    scope: options.scope,
  });
  params.set('decision', 'approve');
  const res = await fetch(`${mock.url}/oauth/authorize`, {
    method: 'POST',
    headers: FORM,
    body: params,
    redirect: 'manual',
  });
  const location = new URL(res.headers.get('location') ?? 'http://invalid/');
  const code = location.searchParams.get('code');
  if (res.status !== 302 || code === null) throw new Error(`no code: ${res.status} ${location.href}`);
  return { code, verifier, redirectUri };
}

export function tokenRequest(
  mock: RunningMock,
  params: Record<string, string>,
  headers: Record<string, string> = { authorization: TEST_BASIC },
): Promise<Response> {
  return fetch(`${mock.url}/oauth/token`, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(params),
  });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** The whole code flow for the confidential (or public) test client. */
export async function issueTokens(
  mock: RunningMock,
  options: { scope?: string; publicClient?: boolean } = {},
): Promise<Tokens> {
  const clientId = options.publicClient ? PUBLIC_TEST_CLIENT.id : TEST_CLIENT.id;
  const { code, verifier, redirectUri } = await getCode(mock, {
    clientId,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
  });
  const params = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier };
  const res = options.publicClient
    ? await tokenRequest(mock, { ...params, client_id: clientId }, {})
    : await tokenRequest(mock, params);
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Tokens;
}

export function refresh(
  mock: RunningMock,
  refreshToken: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return tokenRequest(mock, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

export function api(
  mock: RunningMock,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.body !== undefined ? JSON_HEADERS : {}),
    ...options.headers,
  };
  return fetch(`${mock.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
}

/** Validates a body against the description's schema for a request and status, with ajv of its own. */
export function schemaChecker(spec: ApiDescription): (requestName: string, status: number, body: unknown) => void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const requests = spec.folders.flatMap((f) => f.requests);
  return (requestName, status, body) => {
    const request = requests.find((r) => r.name === requestName);
    const schema = request?.responses[String(status)]?.schema;
    if (!request || schema === undefined) throw new Error(`no schema for ${requestName} ${status}`);
    const validate = ajv.compile(standaloneSchema(spec.schemas, schema));
    expect(
      validate(body),
      `${requestName} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    ).toBe(true);
  };
}
