import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HARNESS_TOKENS_VARIABLE } from '../../../src/generate/scripts/index.js';
import {
  endpointValues,
  harnessTokens,
  presetToken,
  type TokenRunInput,
  tokensOwned,
} from '../../../src/run/tokens/harness-tokens.js';
import { type FakeAuthServer as Fake, startFakeAuthServer } from '../helpers/fake-auth-server.js';

// What the harness does before a runner starts (harness-tokens.ts): which runs get tokens, which
// values it reads, and what it hands the runner. Against a small fake authorisation server on
// 127.0.0.1 (Pleo's endpoints, as a collection without an auth block names them). Written against
// `MUTATE_UNIT=1 npx stryker run --mutate src/run/tokens/harness-tokens.ts` (31.8 %: only
// integration files reached `harnessTokens`).

const servers: Server[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** The token endpoint's answers in turn; `authorize` false leaves an authorization request unanswered. */
async function fakeAuthServer(answers: { status: number; body: object }[], authorize = true): Promise<Fake> {
  const fake = await startFakeAuthServer(answers, authorize ? undefined : null);
  servers.push(fake.server);
  return fake;
}

/** The forms that reached the token endpoint, in turn. */
const forms = (fake: Fake) => fake.calls.map((c) => c.form);

const token = (n: number, refresh?: string) => ({
  status: 200,
  body: {
    access_token: `at-${n}`,
    token_type: 'Bearer',
    expires_in: 60,
    ...(refresh ? { refresh_token: refresh } : {}),
  },
});

/** An environment file's values, as `{ key, value }` entries. */
const environment = (values: Record<string, unknown>): TokenRunInput['environment'] => ({
  values: Object.entries(values).map(([key, value]) => ({ key, value })),
});

const runOf = (
  fake: Fake,
  values: Record<string, unknown> = {},
  extra: Partial<TokenRunInput> = {},
): TokenRunInput => ({
  collection: {},
  environment: environment({
    authServerUrl: fake.url,
    clientId: 'client-1',
    clientSecret: 'secret-1',
    refreshToken: 'rt-0',
    scopes: 'users:read users:write',
    ...values,
  }),
  ...extra,
});

/** A Security folder's "narrower token" request, as src/generate/scripts/security.ts writes its preamble. */
const narrowerRequest = (required: string[]) => ({
  name: `narrower token without ${required.join(' ')}`,
  event: [{ listen: 'prerequest', script: { exec: [`var REQUIRED = ${JSON.stringify(required)};`] } }],
});

describe("endpointValues: the environment file's values, each overridden by an --env-var", () => {
  it('reads the client, the refresh token, the redirect and the scopes by their names', () => {
    const input: TokenRunInput = {
      collection: {},
      environment: environment({
        authServerUrl: 'https://auth.example.test',
        clientId: 'id-1',
        clientSecret: 'secret-1',
        refreshToken: 'rt-1',
        redirectUri: 'https://app.example.test/cb',
        scopes: 'a:read b:write',
      }),
    };
    expect(endpointValues(input)).toEqual({
      authServerUrl: 'https://auth.example.test',
      authorizeUrl: 'https://auth.example.test/oauth/authorize',
      tokenUrl: 'https://auth.example.test/oauth/token',
      clientId: 'id-1',
      clientSecret: 'secret-1',
      refreshToken: 'rt-1',
      redirectUri: 'https://app.example.test/cb',
      scopes: 'a:read b:write',
    });
    const overridden = endpointValues({ ...input, envVars: { clientId: 'id-2', refreshToken: 'rt-2' } });
    expect(overridden).toMatchObject({ clientId: 'id-2', clientSecret: 'secret-1', refreshToken: 'rt-2' });
  });

  it("without a redirectUri, the local mock's callback at authServerUrl, every trailing slash dropped", () => {
    const input = { collection: {}, environment: environment({ authServerUrl: 'http://127.0.0.1:1//' }) };
    expect(endpointValues(input).redirectUri).toBe('http://127.0.0.1:1/callback');
  });

  it('an environment file without values reads every value as empty', () => {
    expect(endpointValues({ collection: {}, environment: {} })).toMatchObject({
      authServerUrl: '',
      clientId: '',
      clientSecret: '',
      refreshToken: '',
      scopes: '',
      redirectUri: '/callback',
    });
  });
});

describe('presetToken: an access token still valid 30 s from now is used, and none is acquired', () => {
  const now = 1_700_000_000_000;
  const preset = (values: Record<string, unknown>) => {
    vi.spyOn(Date, 'now').mockReturnValue(now);
    return presetToken({ collection: {}, environment: environment(values) });
  };

  it('no access token: none preset, whatever its expiry', () => {
    expect(preset({})).toBe(false);
    expect(preset({ accessToken: '', accessTokenExpiresAt: now + 3_600_000 })).toBe(false);
  });

  it('an access token without an expiry is preset', () => {
    expect(preset({ accessToken: 'at-0' })).toBe(true);
    expect(preset({ accessToken: 'at-0', accessTokenExpiresAt: '' })).toBe(true);
  });

  it('one that expires more than 30 s from now is preset; at 30 s or less, or expired, it is not', () => {
    expect(preset({ accessToken: 'at-0', accessTokenExpiresAt: now + 30_001 })).toBe(true);
    expect(preset({ accessToken: 'at-0', accessTokenExpiresAt: now + 30_000 })).toBe(false);
    expect(preset({ accessToken: 'at-0', accessTokenExpiresAt: now + 1 })).toBe(false);
    expect(preset({ accessToken: 'at-0', accessTokenExpiresAt: now - 60_000 })).toBe(false);
  });

  it('an --env-var overrides the access token and its expiry', () => {
    vi.spyOn(Date, 'now').mockReturnValue(now);
    const values = environment({ accessToken: 'at-0', accessTokenExpiresAt: now + 3_600_000 });
    expect(presetToken({ collection: {}, environment: values, envVars: { accessTokenExpiresAt: String(now) } })).toBe(
      false,
    );
    expect(presetToken({ collection: {}, environment: values, envVars: { accessToken: '' } })).toBe(false);
  });
});

describe('tokensOwned: an earlier step of the run already got the tokens', () => {
  it(`when ${HARNESS_TOKENS_VARIABLE} is set, and only then`, () => {
    expect(tokensOwned({ collection: {}, environment: environment({ [HARNESS_TOKENS_VARIABLE]: '{}' }) })).toBe(true);
    expect(tokensOwned({ collection: {}, environment: environment({ [HARNESS_TOKENS_VARIABLE]: '' }) })).toBe(false);
    expect(tokensOwned({ collection: {}, environment: {}, envVars: { [HARNESS_TOKENS_VARIABLE]: '{}' } })).toBe(true);
  });
});

describe('harnessTokens: what the runner is handed', () => {
  it('the access token and the token step, never a refresh token; each rotation goes to onRefreshToken', async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1')]);
    const rotated: string[] = [];
    const result = await harnessTokens(runOf(fake, {}, { onRefreshToken: (t) => rotated.push(t) }));
    expect(forms(fake)).toEqual([{ grant_type: 'refresh_token', refresh_token: 'rt-0' }]);
    expect(rotated).toEqual(['rt-1']);
    expect(result.tokens).toMatchObject({ accessToken: 'at-1', refreshToken: 'rt-1' });
    expect(result.envVars).toEqual({
      accessToken: 'at-1',
      accessTokenExpiresAt: result.tokens?.expiresAt,
      refreshToken: '',
      [HARNESS_TOKENS_VARIABLE]: expect.any(String),
    });
    expect(Number(result.envVars.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
    // No failure key when the step passed: the collection's script reads its presence.
    expect(JSON.parse(result.envVars[HARNESS_TOKENS_VARIABLE] ?? '')).toStrictEqual({
      test: 'token: refresh_token grant → access token (RFC 6749 §6)',
      narrow: {},
      narrowSkipped: {},
    });
  });

  it("a collection whose auth block is OAuth 2.0 gets them too, at the block's endpoints", async () => {
    const fake = await fakeAuthServer([token(1)]);
    const collection = { auth: { type: 'oauth2', oauth2: [] } };
    const result = await harnessTokens(runOf(fake, {}, { collection }));
    expect(fake.calls).toHaveLength(1);
    expect(result.envVars.accessToken).toBe('at-1');
  });

  it.each(['apikey', 'bearer', 'basic'])(
    'a collection with %s auth has no token to get: nothing is sent',
    async (type) => {
      const fake = await fakeAuthServer([token(1)]);
      expect(await harnessTokens(runOf(fake, {}, { collection: { auth: { type } } }))).toEqual({ envVars: {} });
      expect(forms(fake)).toEqual([]);
    },
  );

  it('a valid access token in the environment, or tokens an earlier step got: nothing is sent', async () => {
    const fake = await fakeAuthServer([token(1)]);
    expect(await harnessTokens(runOf(fake, { accessToken: 'at-0' }))).toEqual({ envVars: {} });
    expect(await harnessTokens(runOf(fake, { [HARNESS_TOKENS_VARIABLE]: '{}' }))).toEqual({ envVars: {} });
    expect(forms(fake)).toEqual([]);
    // An expired one is replaced.
    await harnessTokens(runOf(fake, { accessToken: 'at-0', accessTokenExpiresAt: Date.now() - 1 }));
    expect(fake.calls).toHaveLength(1);
  });

  it('no refresh token and no loopback redirect: no token to get, nothing handed on', async () => {
    const fake = await fakeAuthServer([token(1)]);
    const values = { refreshToken: '', redirectUri: 'https://app.example.test/cb' };
    expect(await harnessTokens(runOf(fake, values))).toEqual({ envVars: {} });
    expect(forms(fake)).toEqual([]);
    expect(fake.authorizeQueries.length).toBe(0);
  });

  it('a failed token step is handed on with why, and no access token', async () => {
    const fake = await fakeAuthServer([{ status: 400, body: { error: 'invalid_grant' } }]);
    const result = await harnessTokens(runOf(fake));
    expect(result.envVars.accessToken).toBe('');
    const step = JSON.parse(result.envVars[HARNESS_TOKENS_VARIABLE] ?? '') as { failure?: string };
    expect(step.failure).toMatch(/^token endpoint answered 400 invalid_grant; the token endpoint refused/);
  });

  it("gets a narrower token for each of the Security folder's scope sets", async () => {
    const fake = await fakeAuthServer([token(1, 'rt-1'), token(2, 'rt-2')]);
    const collection = { item: [{ name: 'Security', item: [narrowerRequest(['users:write'])] }] };
    const result = await harnessTokens(runOf(fake, {}, { collection }));
    expect(forms(fake)[1]).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-1', scope: 'users:read' });
    expect(JSON.parse(result.envVars[HARNESS_TOKENS_VARIABLE] ?? '')).toMatchObject({
      narrow: { 'users:write': 'at-2' },
    });
  });

  it('--timeout-request bounds the authorization request', async () => {
    const fake = await fakeAuthServer([], false);
    const result = await harnessTokens(runOf(fake, { refreshToken: '' }, { timeoutRequestMs: 200 }));
    expect(fake.authorizeQueries.length).toBe(1);
    expect(result.tokens?.failure).toBe('authorization endpoint unreachable: no answer within 200 ms (ETIMEDOUT)');
  });
});
