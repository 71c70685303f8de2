import { describe, expect, it } from 'vitest';
import {
  authenticateClient,
  parseBasicCredentials,
  sameSecret,
  type ClientAuthResult,
} from '../../src/mock/client-auth.js';
import type { RegisteredClient } from '../../src/mock/clients.js';
import { parseParams } from '../../src/mock/http.js';

/**
 * The mock's client authentication (RFC 6749 §2.3) as a table: who is accepted, who refused and why.
 * Two confidential clients, so that one client's secret is never good for the other's name.
 */
const FIRST: RegisteredClient = { id: 'first', name: 'First', secret: 'first-secret', redirectUris: [], scopes: [] };
const SECOND: RegisteredClient = {
  id: 'second',
  name: 'Second',
  secret: 'second-secret',
  redirectUris: [],
  scopes: [],
};
const PUBLIC: RegisteredClient = { id: 'public', name: 'Public', redirectUris: [], scopes: [] };
const CLIENTS = [FIRST, SECOND, PUBLIC];

/** The Basic header as RFC 6749 §2.3.1 builds it: form-encoded id and secret, base64. */
const formEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${formEncode(id)}:${formEncode(secret)}`).toString('base64')}`;

function auth(authorization: string | undefined, body: string, allowPublic = true): ClientAuthResult {
  const headers = authorization === undefined ? {} : { authorization };
  return authenticateClient(headers, parseParams(body), CLIENTS, { allowPublic });
}

const refusal = (result: ClientAuthResult) => {
  if (result.ok) return undefined;
  const body = JSON.parse(result.response.body ?? '{}') as { error?: string; error_description?: string };
  return { status: result.response.status, error: body.error, description: body.error_description };
};

describe('authenticateClient: accepted', () => {
  it.each([
    ['the first client with its own secret', basic('first', 'first-secret'), '', FIRST, 'first-secret'],
    ['the second client with its own secret', basic('second', 'second-secret'), '', SECOND, 'second-secret'],
    [
      'Basic and the same client_id in the body',
      basic('second', 'second-secret'),
      'client_id=second',
      SECOND,
      'second-secret',
    ],
  ])('%s', (_name, header, body, client, secret) => {
    expect(auth(header, body)).toEqual({ ok: true, client, secret });
  });

  it('a public client by client_id alone, where public clients may come', () => {
    expect(auth(undefined, 'client_id=public')).toEqual({ ok: true, client: PUBLIC });
  });
});

describe('authenticateClient: refused with invalid_client (401)', () => {
  it.each([
    [
      'another client’s name with the first client’s secret',
      basic('second', 'first-secret'),
      '',
      'unknown client or wrong client secret',
    ],
    [
      'an unknown name with the first client’s secret',
      basic('nobody', 'first-secret'),
      '',
      'unknown client or wrong client secret',
    ],
    ['the right name with a wrong secret', basic('first', 'wrong'), '', 'unknown client or wrong client secret'],
    ['the right name with an empty secret', basic('first', ''), '', 'unknown client or wrong client secret'],
    [
      'a secret that only starts like the right one',
      basic('first', 'first-secret-and-more'),
      '',
      'unknown client or wrong client secret',
    ],
    [
      'the public client with Basic (it has no secret)',
      basic('public', ''),
      '',
      'unknown client or wrong client secret',
    ],
    [
      'a client_id in the body that does not match the Basic header',
      basic('first', 'first-secret'),
      'client_id=second',
      'client_id in the body differs from the authenticated client',
    ],
    [
      'an empty client_id in the body beside Basic',
      basic('first', 'first-secret'),
      'client_id=',
      'client_id in the body differs from the authenticated client',
    ],
    [
      'a client_secret in the body, even beside a good Basic header',
      basic('first', 'first-secret'),
      'client_secret=first-secret',
      'client credentials in the request body are not accepted: send them in an HTTP Basic Authorization header',
    ],
    [
      'an empty client_secret in the body',
      undefined,
      'client_id=public&client_secret=',
      'client credentials in the request body are not accepted: send them in an HTTP Basic Authorization header',
    ],
    ['a Bearer header', 'Bearer abc', '', 'the Authorization header is not valid HTTP Basic client authentication'],
    ['no authentication at all', undefined, '', 'client authentication is required'],
    ['an empty client_id alone', undefined, 'client_id=', 'client authentication is required'],
    ['an unknown client_id alone', undefined, 'client_id=nobody', 'unknown client'],
    [
      'a confidential client by client_id alone',
      undefined,
      'client_id=first',
      'a confidential client must authenticate with HTTP Basic',
    ],
  ])('%s', (_name, header, body, description) => {
    expect(refusal(auth(header, body))).toEqual({ status: 401, error: 'invalid_client', description });
  });

  it('a public client where only confidential clients may come (introspection)', () => {
    expect(refusal(auth(undefined, 'client_id=public', false))).toEqual({
      status: 401,
      error: 'invalid_client',
      description: 'a public client cannot use this endpoint',
    });
  });

  it('a refusal carries a Basic challenge and is not cached', () => {
    const result = auth(basic('first', 'wrong'), '');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.headers['WWW-Authenticate']).toMatch(/^Basic realm="/);
      expect(result.response.headers['Cache-Control']).toBe('no-store');
    }
  });
});

describe('parseBasicCredentials (RFC 6749 §2.3.1, RFC 7617)', () => {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  it.each([
    ['id and secret', `Basic ${b64('a:b')}`, { id: 'a', secret: 'b' }],
    ['form-encoded parts, decoded', `Basic ${b64('a+b%3A:c%26d')}`, { id: 'a b:', secret: 'c&d' }],
    ['a colon in the secret', `Basic ${b64('a:b:c')}`, { id: 'a', secret: 'b:c' }],
    ['an empty secret', `Basic ${b64('a:')}`, { id: 'a', secret: '' }],
    ['the scheme in any case, spaces around', `bAsIc   ${b64('a:b')}  `, { id: 'a', secret: 'b' }],
    ['padding', `Basic ${b64('ab:c')}`, { id: 'ab', secret: 'c' }],
  ])('reads %s', (_name, header, want) => {
    expect(parseBasicCredentials(header)).toEqual(want);
  });

  it.each([
    ['another scheme', `Bearer ${b64('a:b')}`],
    ['text before the scheme', `x Basic ${b64('a:b')}`],
    ['no space after the scheme', `Basic${b64('a:b')}`],
    ['characters outside base64', 'Basic a:b'],
    ['text after the credentials', `Basic ${b64('a:b')} x`],
    ['three padding characters', `Basic ${b64('a:b')}===`],
    ['no colon', `Basic ${b64('ab')}`],
    ['an empty id', `Basic ${b64(':b')}`],
    ['bytes that are not UTF-8', `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}`],
    ['a broken percent-encoding in the id', `Basic ${b64('%E0:b')}`],
    ['a broken percent-encoding in the secret', `Basic ${b64('a:%')}`],
    ['nothing after the scheme', 'Basic '],
  ])('refuses %s', (_name, header) => {
    expect(parseBasicCredentials(header)).toBeUndefined();
  });
});

describe('sameSecret', () => {
  it.each([
    ['s3cret', 's3cret', true],
    ['s3cret', 's3cre', false],
    ['s3cret', 's3creT', false],
    ['', '', true],
  ])('%s vs %s → %s', (given, expected, want) => {
    expect(sameSecret(given, expected)).toBe(want);
  });
});
