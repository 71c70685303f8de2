// @ts-nocheck
import { TOKEN_FAILURE_VARIABLE } from '../../../src/generate/scripts/variables.js';
import { describe, expect, it } from 'vitest';
import { fakePm, loadSandbox } from '../../helpers/sandbox.js';

const NOW = 1_000_000;

function store(body: unknown) {
  const fake = fakePm({ environment: { refreshToken: 'old', accessToken: 'stale' } });
  const context = loadSandbox(fake, ['token-store.js'], {
    globals: { env: fake.pm.environment, Date: { now: () => NOW } },
  });
  const res = { code: 200, json: () => (typeof body === 'string' ? JSON.parse(body) : body) };
  (context.storeTokens as (name: string, res: unknown) => void)('token test', res);
  return fake;
}

describe('storeTokens (token-store.js)', () => {
  it('stores the rotated refresh token, the access token and its expiry', () => {
    const fake = store({ access_token: 'a1', token_type: 'bearer', expires_in: 900, refresh_token: 'new' });
    expect(Object.fromEntries(fake.environment)).toEqual({
      refreshToken: 'new',
      accessToken: 'a1',
      accessTokenExpiresAt: String(NOW + 900_000),
    });
    expect(fake.tests).toEqual([{ name: 'token test', outcome: 'passed' }]);
  });

  it('keeps a rotated refresh token even when the rest of the answer is wrong', () => {
    const fake = store({ token_type: 'Bearer', refresh_token: 'new' });
    expect(fake.environment.get('refreshToken')).toBe('new');
    expect(fake.environment.get('accessToken')).toBe('');
    expect(fake.tests[0]).toMatchObject({ outcome: 'failed', error: 'the token response has no access_token' });
  });

  it.each([
    ['a non-Bearer token type', { access_token: 'a', token_type: 'mac' }, 'token_type is "mac", not Bearer'],
    ['a body that is not JSON', '<html>', 'the token response has no access_token'],
  ])('fails on %s and keeps the old refresh token', (_name, body, error) => {
    const fake = store(body);
    expect(fake.tests[0]).toMatchObject({ outcome: 'failed', error });
    expect(fake.environment.get('refreshToken')).toBe('old');
  });

  it('stores no expiry when the answer has none', () => {
    expect(store({ access_token: 'a', token_type: 'Bearer' }).environment.get('accessTokenExpiresAt')).toBe('');
  });
});

describe('failed (token-store.js)', () => {
  it('is a failing test with the message', () => {
    const fake = fakePm();
    const context = loadSandbox(fake, ['token-store.js'], { globals: { env: fake.pm.environment } });
    (context.failed as (name: string, message: string) => void)('token test', 'no luck');
    expect(fake.tests).toEqual([{ name: 'token test', outcome: 'failed', error: 'no luck; request not sent' }]);
  });

  it('issue 8 item 3: a failed token step keeps its reason for later requests and does not send this one', () => {
    const fake = fakePm();
    const context = loadSandbox(fake, ['token-store.js'], { globals: { env: fake.pm.environment } });
    (context.failed as (name: string, message: string) => void)('token test', 'no luck');
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.collectionVariables.get(TOKEN_FAILURE_VARIABLE)).toBe('no luck');
  });
});
