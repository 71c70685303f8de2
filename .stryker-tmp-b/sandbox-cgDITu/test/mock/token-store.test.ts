// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { registeredClients } from '../../src/mock/clients.js';
import { createTokenStore, RESOURCE_OWNER } from '../../src/mock/token-store.js';
import { TEST_CLIENT } from '../../src/shared/local-pleo.js';

/** A store with one grant: access token a0 and refresh token r0, as the code exchange leaves them. */
async function storeWithGrant() {
  const store = createTokenStore(registeredClients(['vendors:read', 'users:read']));
  const client = (await store.model.getClient(TEST_CLIENT.id, TEST_CLIENT.secret))!;
  const later = new Date(Date.now() + 60_000);
  await store.model.saveToken(
    {
      accessToken: 'a0',
      accessTokenExpiresAt: later,
      refreshToken: 'r0',
      refreshTokenExpiresAt: later,
      scope: ['vendors:read'],
      client,
      user: RESOURCE_OWNER,
    },
    client,
    RESOURCE_OWNER,
  );
  return store.model;
}

describe('token store: two refreshes of one refresh token racing (RFC 9700 §4.14.2)', () => {
  it('both look it up before either rotates it: one rotation wins, the other revokes the grant', async () => {
    const model = await storeWithGrant();
    const [a, b] = await Promise.all([model.getRefreshToken('r0'), model.getRefreshToken('r0')]);
    expect(a?.refreshToken).toBe('r0');
    expect(b?.refreshToken).toBe('r0');
    expect(await Promise.all([model.revokeToken(a!), model.revokeToken(b!)])).toEqual([true, false]);
    expect(await model.getAccessToken('a0')).toBeUndefined();
    expect(await model.getRefreshToken('r0')).toBeUndefined();
  });

  it('one refresh alone rotates the token and keeps the grant', async () => {
    const model = await storeWithGrant();
    const token = await model.getRefreshToken('r0');
    expect(await model.revokeToken(token!)).toBe(true);
    expect(await model.getAccessToken('a0')).toMatchObject({ accessToken: 'a0' });
  });

  it('a rotated token presented again revokes the grant', async () => {
    const model = await storeWithGrant();
    await model.revokeToken((await model.getRefreshToken('r0'))!);
    expect(await model.getRefreshToken('r0')).toBeUndefined();
    expect(await model.getAccessToken('a0')).toBeUndefined();
  });
});
