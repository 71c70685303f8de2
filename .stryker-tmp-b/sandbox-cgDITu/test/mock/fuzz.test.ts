// @ts-nocheck
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, startMock, TEST_CLIENT, type RunningMock } from '../../src/mock/index.js';
import { loadMinimal } from '../helpers/specs.js';
import { basic, callbackOf, getCode, issueTokens, pkce, TEST_BASIC } from './helpers.js';

/**
 * Property: whatever a client sends to the token or authorization endpoint, the answer is a
 * well-formed RFC 6749 success or error, never a 500 and never a broken shape.
 */
const RUNS = 200;
const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];
const AUTHORIZATION_ERRORS = [
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
];
const NQSCHAR = /^[\x20\x21\x23-\x5b\x5d-\x7e]+$/;

let mock: RunningMock;
let auto: RunningMock;
const pool: string[] = [];

beforeAll(async () => {
  const spec = await loadMinimal();
  [mock, auto] = await Promise.all([startMock({ spec, port: 0 }), startMock({ spec, port: 0, autoApprove: true })]);
  // Real codes, verifiers and refresh tokens, so that some generated requests get far into the grants.
  for (let i = 0; i < 4; i++) {
    const { code, verifier } = await getCode(mock, { clientId: i % 2 === 0 ? TEST_CLIENT.id : PUBLIC_TEST_CLIENT.id });
    pool.push(code, verifier);
  }
  pool.push((await issueTokens(mock)).refresh_token, (await issueTokens(mock, { publicClient: true })).refresh_token);
});
afterAll(async () => {
  await Promise.all([mock.close(), auto.close()]);
});

const headerSafe = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constant(''));

function encodePairs(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** A form or query string: well encoded pairs, or raw text with broken escapes and separators. */
const formText = (names: string[], values: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), values), { maxLength: 9 })
        .map(encodePairs),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom('%', '%zz', '%C3', '%FF', '&', '=', '+', 'a', 'grant_type', 'code', '%00'), {
          maxLength: 20,
        })
        .map((p) => p.join('')),
    },
  );

describe('fuzz: POST /oauth/token', () => {
  const names = [
    'grant_type',
    'code',
    'redirect_uri',
    'code_verifier',
    'client_id',
    'client_secret',
    'refresh_token',
    'scope',
  ];
  const values = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'authorization_code',
        'refresh_token',
        'password',
        'client_credentials',
        TEST_CLIENT.id,
        TEST_CLIENT.secret,
        PUBLIC_TEST_CLIENT.id,
        'http://127.0.0.1/callback',
        'https://oauth.pstmn.io/v1/callback',
        'vendors:read',
        'vendors:read users:read',
        'admin',
        pkce().verifier,
      ),
    },
    // The pool fills in beforeAll, after the arbitraries are built: pick from it lazily.
    { weight: 2, arbitrary: fc.nat(99).map((i) => pool[i % Math.max(pool.length, 1)] ?? 'x') },
    { weight: 3, arbitrary: anyText },
  );
  /** Mostly a plausible grant request, with random changes. */
  const nearlyValid = fc
    .record({
      grant_type: fc.option(fc.constantFrom('authorization_code', 'refresh_token', 'refresh_token', 'password'), {
        nil: undefined,
        freq: 8,
      }),
      code: fc.option(values, { nil: undefined }),
      redirect_uri: fc.option(
        fc.constantFrom(
          'http://127.0.0.1/callback',
          `http://127.0.0.1:9/callback`,
          'https://oauth.pstmn.io/v1/callback',
        ),
        { nil: undefined },
      ),
      code_verifier: fc.option(values, { nil: undefined }),
      refresh_token: fc.option(values, { nil: undefined }),
      scope: fc.option(fc.constantFrom('vendors:read', 'users:read vendors:read', 'admin', ''), {
        nil: undefined,
        freq: 2,
      }),
      client_id: fc.option(fc.constantFrom(PUBLIC_TEST_CLIENT.id, TEST_CLIENT.id), { nil: undefined, freq: 2 }),
    })
    .map((r) => encodePairs(Object.entries(r).filter((e): e is [string, string] => e[1] !== undefined)));
  const body = fc.oneof(
    { weight: 4, arbitrary: nearlyValid.map((text) => Buffer.from(text)) },
    { weight: 3, arbitrary: formText(names, values).map((text) => Buffer.from(text)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 120 }).map((bytes) => Buffer.from(bytes)) },
  );
  const contentType = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded;charset=UTF-8',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'application/x-www-form-urlencoded; charset=latin1',
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        undefined,
      ),
    },
  );
  const authorization = fc.option(
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(TEST_BASIC) },
      fc.constant(basic(PUBLIC_TEST_CLIENT.id, '')),
      fc.tuple(headerSafe, headerSafe).map(([id, secret]) => basic(id, secret)),
      headerSafe.map((s) => `Basic ${s}`),
      headerSafe,
    ),
    { nil: undefined, freq: 4 },
  );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant('POST') },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
  );

  it(`answers ${RUNS} arbitrary requests with RFC 6749 §5.1 or §5.2 JSON, never 500`, async () => {
    await fc.assert(
      fc.asyncProperty(method, body, contentType, authorization, async (m, b, type, auth) => {
        const headers: Record<string, string> = {};
        if (type !== undefined) headers['content-type'] = type;
        if (auth !== undefined) headers.authorization = auth;
        const res = await fetch(`${mock.url}/oauth/token`, { method: m, headers, ...(m === 'GET' ? {} : { body: b }) });
        const text = await res.text();
        const context = `${m} ${res.status} ${text}`;
        expect([200, 400, 401, 405, 413], context).toContain(res.status);
        expect(res.headers.get('content-type'), context).toBe('application/json;charset=UTF-8');
        expect(res.headers.get('cache-control'), context).toBe('no-store');
        const json = JSON.parse(text) as Record<string, unknown>;
        if (res.status === 200) {
          expect(json, context).toEqual({
            access_token: expect.any(String),
            token_type: 'Bearer',
            expires_in: expect.any(Number),
            refresh_token: expect.any(String),
            scope: expect.any(String),
          });
          return;
        }
        expect(TOKEN_ERRORS, context).toContain(json.error);
        expect(
          Object.keys(json).every((k) => k === 'error' || k === 'error_description'),
          context,
        ).toBe(true);
        if (json.error_description !== undefined) expect(json.error_description, context).toMatch(NQSCHAR);
        if (res.status === 401) expect(res.headers.get('www-authenticate'), context).toMatch(/^Basic realm="/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: /oauth/authorize', () => {
  const names = [
    'response_type',
    'client_id',
    'redirect_uri',
    'scope',
    'state',
    'code_challenge',
    'code_challenge_method',
    'decision',
  ];
  const values = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'code',
        'token',
        TEST_CLIENT.id,
        PUBLIC_TEST_CLIENT.id,
        'http://127.0.0.1/callback',
        'http://127.0.0.1:9/callback',
        'https://oauth.pstmn.io/v1/callback',
        'https://oauth.pstmn.io/v1/browser-callback',
        'https://evil.example/',
        'vendors:read',
        'vendors:read users:read',
        'nope',
        'S256',
        'plain',
        pkce().challenge,
        'approve',
        'deny',
        'xyz',
      ),
    },
    { weight: 3, arbitrary: anyText },
  );
  const query = formText(names, values);
  /** Mostly a request that passes the client and redirect checks, with random changes. */
  const nearlyValid = fc
    .record({
      response_type: fc.option(fc.constantFrom('code', 'code', 'code', 'code', 'token', ''), {
        nil: undefined,
        freq: 10,
      }),
      client_id: fc.constantFrom(TEST_CLIENT.id, PUBLIC_TEST_CLIENT.id),
      redirect_uri: fc.constantFrom('http://127.0.0.1:9/callback', 'https://oauth.pstmn.io/v1/callback'),
      scope: fc.option(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('vendors:read', 'users:read vendors:write', 'x') },
          { weight: 1, arbitrary: anyText },
        ),
        { nil: undefined },
      ),
      state: fc.option(anyText, { nil: undefined }),
      code_challenge: fc.option(
        fc.oneof({ weight: 4, arbitrary: fc.constant(pkce().challenge) }, { weight: 1, arbitrary: anyText }),
        { nil: undefined, freq: 10 },
      ),
      code_challenge_method: fc.option(fc.constantFrom('S256', 'S256', 'S256', 'S256', 'plain', 's256', ''), {
        nil: undefined,
        freq: 10,
      }),
    })
    .map((r) => encodePairs(Object.entries(r).filter((e): e is [string, string] => e[1] !== undefined)));
  const target = fc.record({
    useAuto: fc.boolean(),
    post: fc.boolean(),
    text: fc.oneof({ weight: 1, arbitrary: query }, { weight: 2, arbitrary: nearlyValid }),
    decision: fc.option(fc.constantFrom('approve', 'deny', 'maybe'), { nil: undefined }),
  });

  it(`answers ${RUNS} arbitrary requests with a page, a consent form or an RFC 6749 §4.1.2 redirect, never 500`, async () => {
    await fc.assert(
      fc.asyncProperty(target, async ({ useAuto, post, text, decision }) => {
        const server = useAuto ? auto : mock;
        const sent = new URLSearchParams(text);
        const body = decision === undefined ? text : `${text}&decision=${decision}`;
        const res = post
          ? await fetch(`${server.url}/oauth/authorize`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body,
              redirect: 'manual',
            })
          : await fetch(`${server.url}/oauth/authorize?${text}`, { redirect: 'manual' });
        const context = `${post ? 'POST' : 'GET'} ${text} → ${res.status} ${res.headers.get('location') ?? ''}`;
        expect([200, 302, 400], context).toContain(res.status);
        if (res.status !== 302) {
          expect(res.headers.get('content-type'), context).toBe('text/html;charset=UTF-8');
          expect(res.headers.get('location'), context).toBeNull();
          if (res.status === 200) expect(await res.text(), context).toContain('name="decision" value="approve"');
          return;
        }
        const location = new URL(res.headers.get('location') ?? '');
        const registered = [
          'http://127.0.0.1:9/callback',
          'http://127.0.0.1/callback',
          'https://oauth.pstmn.io/v1/callback',
          'https://oauth.pstmn.io/v1/browser-callback',
        ];
        expect(registered, context).toContain(`${location.origin}${location.pathname}`);
        const got = Object.fromEntries(location.searchParams);
        if (got.code !== undefined) {
          expect(got.error, context).toBeUndefined();
          expect(got.code, context).toMatch(/^\S+$/);
        } else {
          expect(AUTHORIZATION_ERRORS, context).toContain(got.error);
          expect(got.error_description, context).toMatch(NQSCHAR);
        }
        if (got.state !== undefined) expect(got.state, context).toBe(sent.get('state'));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps serving after the fuzzing', async () => {
    expect((await fetch(`${mock.url}/.well-known/oauth-authorization-server`)).status).toBe(200);
    expect((await fetch(`${callbackOf(auto)}?code=x`)).status).toBe(200);
  });
});
