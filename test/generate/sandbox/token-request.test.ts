import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakePm, loadSandbox, type SentRequest } from '../../helpers/sandbox.js';

const ENV = { clientId: 'pleo client', clientSecret: "s3cr:t!'()*~", authServerUrl: 'https://auth.example' };

function lib(environment: Record<string, string> = ENV) {
  const context = loadSandbox(fakePm({ environment }), ['token-request.js']);
  return {
    formEncode: context.formEncode as (text: string) => string,
    tokenRequest: context.tokenRequest as (params: Record<string, string>, path: string) => SentRequest,
    tokenError: context.tokenError as (err: Error | null, res?: unknown) => string,
    sha256: context.sha256 as (text: string) => string,
  };
}

describe('formEncode (token-request.js: application/x-www-form-urlencoded, RFC 6749 §2.3.1)', () => {
  it.each([
    ['plain-id_1.~', 'plain-id_1.~'],
    ['a b', 'a+b'],
    ["!'()*", '%21%27%28%29%2A'],
    ['a:b/c', 'a%3Ab%2Fc'],
    ['æ', '%C3%A6'],
  ])('%s → %s', (given, want) => {
    expect(lib().formEncode(given)).toBe(want);
  });
});

describe('tokenRequest (token-request.js)', () => {
  it('posts to the path its caller names (the token path, or a refresh path of its own), below {{authServerUrl}}', () => {
    expect(lib().tokenRequest({ grant_type: 'x' }, '/connect/token').url).toBe('https://auth.example/connect/token');
    expect(lib().tokenRequest({ grant_type: 'refresh_token' }, '/connect/refresh').url).toBe(
      'https://auth.example/connect/refresh',
    );
  });

  it('posts the params to {{authServerUrl}}/oauth/token, the client form-encoded in a Basic header', () => {
    const request = lib().tokenRequest({ grant_type: 'refresh_token', refresh_token: 'r1' }, '/oauth/token');
    expect(request.url).toBe('https://auth.example/oauth/token');
    expect(request.method).toBe('POST');
    const basic = Buffer.from(request.header.Authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(basic).toBe('pleo+client:s3cr%3At%21%27%28%29%2A~');
    expect(request.header.Accept).toBe('application/json');
    expect(request.body).toEqual({
      mode: 'urlencoded',
      urlencoded: [
        { key: 'grant_type', value: 'refresh_token' },
        { key: 'refresh_token', value: 'r1' },
      ],
    });
  });

  it('sends an empty client for a missing clientId or clientSecret', () => {
    const request = lib({ authServerUrl: 'http://127.0.0.1:1' }).tokenRequest({}, '/oauth/token');
    expect(request.header.Authorization).toBe(`Basic ${Buffer.from(':').toString('base64')}`);
  });
});

describe('tokenError (token-request.js)', () => {
  const res = (code: number, body: unknown) => ({
    code,
    json: () => {
      if (typeof body !== 'object') throw new SyntaxError('not JSON');
      return body;
    },
  });
  it.each([
    [
      'a network error',
      new Error('connect ECONNREFUSED'),
      undefined,
      'token endpoint unreachable: connect ECONNREFUSED',
    ],
    [
      'an OAuth error',
      null,
      res(400, { error: 'invalid_grant', error_description: 'refresh token revoked' }),
      'token endpoint answered 400 invalid_grant: refresh token revoked',
    ],
    ['an error code alone', null, res(401, { error: 'invalid_client' }), 'token endpoint answered 401 invalid_client'],
    ['a body that is not JSON', null, res(502, 'Bad Gateway'), 'token endpoint answered 502'],
  ])('%s', (_name, err, response, want) => {
    expect(lib().tokenError(err, response)).toBe(want);
  });
});

describe('sha256 (token-request.js)', () => {
  it('is the hex SHA-256 of the text', () => {
    expect(lib().sha256('refresh-1')).toBe(createHash('sha256').update('refresh-1').digest('hex'));
  });
});
