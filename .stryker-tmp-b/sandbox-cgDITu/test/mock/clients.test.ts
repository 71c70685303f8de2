// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { PUBLIC_TEST_CLIENT, REGISTERED_REDIRECT_URIS, TEST_CLIENT } from '../../src/mock/index.js';
import { redirectUriMatches, registeredClients } from '../../src/mock/clients.js';

describe('test clients', () => {
  it('keep the values the generator writes into the local environment', () => {
    expect(TEST_CLIENT).toEqual({
      id: 'pleo-postman-local',
      secret: 'local-mock-secret',
      name: 'pleo-postman local test client',
    });
    expect(PUBLIC_TEST_CLIENT.id).toBe('pleo-postman-local-public');
    expect('secret' in PUBLIC_TEST_CLIENT).toBe(false);
  });

  it("both register Postman's callbacks and the mock's loopback callback, with every scope", () => {
    expect(REGISTERED_REDIRECT_URIS).toEqual([
      'https://oauth.pstmn.io/v1/callback',
      'https://oauth.pstmn.io/v1/browser-callback',
      'http://127.0.0.1/callback',
    ]);
    const [confidential, publicClient] = registeredClients(['a:read', 'b:write']);
    expect(confidential).toMatchObject({
      id: TEST_CLIENT.id,
      secret: TEST_CLIENT.secret,
      scopes: ['a:read', 'b:write'],
    });
    expect(publicClient).toMatchObject({ id: PUBLIC_TEST_CLIENT.id, scopes: ['a:read', 'b:write'] });
    expect(publicClient?.secret).toBeUndefined();
  });
});

describe('redirectUriMatches (RFC 8252 §7.3, RFC 6749 §3.1.2.3)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['http://127.0.0.1/callback', 'http://127.0.0.1/callback', true],
    ['http://127.0.0.1:4010/callback', 'http://127.0.0.1/callback', true],
    ['http://127.0.0.1:80/callback', 'http://127.0.0.1/callback', true],
    ['http://localhost:3000/cb', 'http://localhost/cb', true],
    ['http://[::1]:3000/cb', 'http://[::1]/cb', true],
    ['http://127.0.0.1:0/callback', 'http://127.0.0.1/callback', false],
    ['http://127.0.0.1:65536/callback', 'http://127.0.0.1/callback', false],
    ['http://localhost:4010/callback', 'http://127.0.0.1/callback', false],
    ['http://127.0.0.1:4010/callback/', 'http://127.0.0.1/callback', false],
    ['http://127.0.0.1:4010/callback?x=1', 'http://127.0.0.1/callback', false],
    ['http://127.0.0.1:4010/callback#x', 'http://127.0.0.1/callback', false],
    ['http://user@127.0.0.1:4010/callback', 'http://127.0.0.1/callback', false],
    ['https://127.0.0.1:4010/callback', 'http://127.0.0.1/callback', false],
    ['https://oauth.pstmn.io/v1/callback', 'https://oauth.pstmn.io/v1/callback', true],
    ['https://oauth.pstmn.io:443/v1/callback', 'https://oauth.pstmn.io/v1/callback', false],
    ['https://oauth.pstmn.io/v1/callback/', 'https://oauth.pstmn.io/v1/callback', false],
    ['https://oauth.pstmn.io/v1/Callback', 'https://oauth.pstmn.io/v1/callback', false],
  ];
  it.each(cases)('%s against %s → %s', (candidate, registered, want) => {
    expect(redirectUriMatches(candidate, registered)).toBe(want);
  });
});
