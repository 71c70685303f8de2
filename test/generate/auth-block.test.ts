import { describe, expect, it } from 'vitest';
import { buildAuth } from '../../src/generate/auth.js';
import { loadMinimal } from '../helpers/specs.js';

describe('the collection’s auth block', () => {
  it('is of type oauth2: any other type makes Postman drop the OAuth 2.0 settings (and the PKCE challenge)', async () => {
    const auth = buildAuth(await loadMinimal());
    expect(auth.type).toBe('oauth2');
    expect(auth.oauth2.find((e) => e.key === 'challengeAlgorithm')?.value).toBe('S256');
    expect(auth.oauth2.find((e) => e.key === 'client_authentication')?.value).toBe('header');
  });
});
