// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { planRefreshToken, type RefreshTokenPlanInput } from '../../../src/run/tokens/token-plan.js';

const DEFAULT: RefreshTokenPlanInput = { fromVariable: '', fromEnvironmentFile: '', env: 'staging' };

describe('planRefreshToken', () => {
  it.each<[string, { given: Partial<RefreshTokenPlanInput>; want: unknown }]>([
    [
      'PLEO_REFRESH_TOKEN first, rotation into --refresh-token-file',
      {
        given: { fromVariable: 'v', fromEnvironmentFile: 'e', refreshTokenFile: 'f', loginStoreFile: 's' },
        want: { source: 'PLEO_REFRESH_TOKEN', token: 'v', keepIn: { path: 'f', kind: '--refresh-token-file' } },
      },
    ],
    [
      "then the environment file's refreshToken",
      {
        given: { fromEnvironmentFile: 'e', refreshTokenFile: 'f' },
        want: { source: 'environment file', token: 'e', keepIn: { path: 'f', kind: '--refresh-token-file' } },
      },
    ],
    [
      'then --refresh-token-file, read once locked, even with a login store entry',
      {
        given: { refreshTokenFile: 'f', loginStoreFile: 's' },
        want: { source: '--refresh-token-file', keepIn: { path: 'f', kind: '--refresh-token-file' } },
      },
    ],
    [
      'then the login store, which keeps its own rotation',
      { given: { loginStoreFile: 's' }, want: { source: 'login store', keepIn: { path: 's', kind: 'login store' } } },
    ],
    ['nothing: no token, nothing to keep', { given: {}, want: { source: 'none' } }],
  ])('%s', (_name, { given, want }) => {
    expect(planRefreshToken({ ...DEFAULT, ...given })).toEqual(want);
  });

  it.each([
    [{ fromVariable: 'v' }, 'PLEO_REFRESH_TOKEN is set, but there is nowhere to keep'],
    [{ fromVariable: 'v', loginStoreFile: 's' }, 'PLEO_REFRESH_TOKEN is set, but there is nowhere to keep'],
    [{ fromEnvironmentFile: 'e', env: 'my.json' }, 'my.json holds a refreshToken, but there is nowhere to keep'],
  ])('refuses a token with nowhere to keep its rotation: %o', (given, want) => {
    expect(() => planRefreshToken({ ...DEFAULT, ...given })).toThrow(want);
    expect(() => planRefreshToken({ ...DEFAULT, ...given })).toThrow(
      /pass --refresh-token-file FILE.*pleo-postman login/,
    );
  });
});
