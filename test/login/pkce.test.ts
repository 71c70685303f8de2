import { describe, expect, it } from 'vitest';
import {
  authorizationUrl,
  codeChallengeS256,
  createCodeVerifier,
  createState,
  sameState,
} from '../../src/login/pkce.js';

describe('PKCE and state (RFC 7636, RFC 6749 §10.12)', () => {
  it('the S256 challenge of RFC 7636 Appendix B', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('a verifier is 43 unreserved characters (32 random bytes), new each time', () => {
    const verifiers = new Set(Array.from({ length: 20 }, createCodeVerifier));
    expect(verifiers.size).toBe(20);
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a state is 32 base64url characters (24 random bytes), new each time', () => {
    const states = new Set(Array.from({ length: 20 }, createState));
    expect(states.size).toBe(20);
    for (const s of states) expect(s).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it.each([
    ['the same state', 'abc123', 'abc123', true],
    ['another state of the same length', 'abc123', 'abc124', false],
    ['a longer state that starts the same', 'abc123', 'abc1234', false],
    ['a shorter one', 'abc123', 'abc12', false],
    ['an empty one', 'abc123', '', false],
    ['none at all (the redirect carried no state)', 'abc123', null, false],
  ])('a returned state is accepted only when it is ours: %s → %s', (_name, expected, actual, want) => {
    expect(sameState(expected, actual)).toBe(want);
  });
});

describe('authorizationUrl (RFC 6749 §4.1.1)', () => {
  const request = {
    authorizeUrl: 'https://auth.example/connect/authorize',
    clientId: 'client a',
    redirectUri: 'http://127.0.0.1:8976/callback',
    scope: '  users:read vendors:read ',
    state: 'st',
    codeChallenge: 'ch',
  };

  it('asks for a code with PKCE S256, the scope trimmed, at the authorization endpoint given', () => {
    const url = new URL(authorizationUrl(request));
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.example/connect/authorize');
    expect([...url.searchParams]).toEqual([
      ['response_type', 'code'],
      ['client_id', 'client a'],
      ['redirect_uri', 'http://127.0.0.1:8976/callback'],
      ['scope', 'users:read vendors:read'],
      ['state', 'st'],
      ['code_challenge', 'ch'],
      ['code_challenge_method', 'S256'],
    ]);
  });

  it('a blank scope is left out rather than sent empty', () => {
    const url = new URL(authorizationUrl({ ...request, scope: '  ' }));
    expect(url.searchParams.has('scope')).toBe(false);
  });
});
