import { describe, expect, it } from 'vitest';
import { refreshTokenListener, refreshTokenOfResponse } from '../../../src/run/tokens/rotation.js';
import { formatTokenStepFailure, tokenStepFailure } from '../../../src/run/tokens/token-step.js';

/** Which answers carry a rotated refresh token that must be kept, and how a failed token step is told. */
const AS = 'https://auth.staging.pleo.io';
const TOKEN_URL = `${AS}/oauth/token`;
const answer = (url: string, code: number, body: string, as: 'stream' | 'text' = 'stream') => ({
  request: { url: { toString: () => url } },
  response: as === 'stream' ? { code, stream: Buffer.from(body) } : { code, text: () => body },
});

describe('refreshTokenOfResponse: only the token endpoint’s own successful answer counts', () => {
  it.each([
    [
      'the token endpoint, a query string after it',
      answer(`${AS}/oauth/token?x=1`, 200, '{"refresh_token":"r2"}'),
      TOKEN_URL,
      'r2',
    ],
    [
      'a token URL with trailing slashes',
      answer(`${AS}/oauth/token`, 200, '{"refresh_token":"r2"}'),
      `${TOKEN_URL}//`,
      'r2',
    ],
    ['a body read as text', answer(`${AS}/oauth/token/`, 200, '{"refresh_token":"r3"}', 'text'), TOKEN_URL, 'r3'],
    [
      'a path below the token endpoint',
      answer(`${AS}/oauth/token/x`, 200, '{"refresh_token":"r2"}'),
      TOKEN_URL,
      undefined,
    ],
    [
      'another path that ends like it',
      answer(`${AS}/x/oauth/token`, 200, '{"refresh_token":"r2"}'),
      TOKEN_URL,
      undefined,
    ],
    ['a 201', answer(`${AS}/oauth/token`, 201, '{"refresh_token":"r2"}'), TOKEN_URL, undefined],
    ['an empty refresh_token', answer(`${AS}/oauth/token`, 200, '{"refresh_token":""}'), TOKEN_URL, undefined],
    [
      'a refresh_token that is not a string',
      answer(`${AS}/oauth/token`, 200, '{"refresh_token":5}'),
      TOKEN_URL,
      undefined,
    ],
    ['no auth server configured', answer('/oauth/token', 200, '{"refresh_token":"r2"}'), '/oauth/token', undefined],
    ['no token URL at all', answer('/oauth/token', 200, '{"refresh_token":"r2"}'), '', undefined],
    [
      'a token URL that only holds an absolute one',
      answer('x/https://a/oauth/token', 200, '{"refresh_token":"r2"}'),
      'x/https://a/oauth/token',
      undefined,
    ],
    ['a scheme with a digit', answer('s3://a/oauth/token', 200, '{"refresh_token":"r2"}'), 's3://a/oauth/token', 'r2'],
    [
      'a response without a body',
      { request: { url: { toString: () => `${AS}/oauth/token` } }, response: { code: 200 } },
      TOKEN_URL,
      undefined,
    ],
    ['no request', { response: { code: 200, stream: Buffer.from('{"refresh_token":"r"}') } }, TOKEN_URL, undefined],
    [
      'a request without a URL',
      { request: {}, response: { code: 200, stream: Buffer.from('{"refresh_token":"r"}') } },
      TOKEN_URL,
      undefined,
    ],
  ])('%s → %s', (_name, event, server, want) => {
    expect(refreshTokenOfResponse(event, server)).toBe(want);
  });

  it('a refresh URL of its own: answers from the token URL and from it count, from nowhere else', () => {
    const urls = [TOKEN_URL, `${AS}/oauth/refresh`];
    expect(refreshTokenOfResponse(answer(`${AS}/oauth/refresh`, 200, '{"refresh_token":"r2"}'), urls)).toBe('r2');
    expect(refreshTokenOfResponse(answer(`${AS}/oauth/token`, 200, '{"refresh_token":"r3"}'), urls)).toBe('r3');
    expect(refreshTokenOfResponse(answer(`${AS}/oauth/other`, 200, '{"refresh_token":"r4"}'), urls)).toBeUndefined();
    expect(refreshTokenOfResponse(answer('/oauth/refresh', 200, '{"refresh_token":"r5"}'), ['/oauth/refresh'])).toBe(
      undefined,
    );
    expect(refreshTokenOfResponse(answer(`${AS}/oauth/token`, 200, '{"refresh_token":"r6"}'), [])).toBeUndefined();
    const kept: string[] = [];
    const listen = refreshTokenListener(urls, (t) => kept.push(t));
    listen(answer(`${AS}/oauth/refresh`, 200, '{"refresh_token":"a"}'));
    listen(answer(`${AS}/v1/x`, 200, '{"refresh_token":"x"}'));
    listen(answer(`${AS}/oauth/token`, 200, '{"refresh_token":"b"}'));
    expect(kept).toEqual(['a', 'b']);
  });

  it('the listener keeps each rotated token, and nothing else', () => {
    const kept: string[] = [];
    const listen = refreshTokenListener(TOKEN_URL, (t) => kept.push(t));
    listen(answer(`${AS}/oauth/token`, 200, '{"refresh_token":"r2"}'));
    listen(answer(`${AS}/v1/x`, 200, '{"refresh_token":"x"}'));
    listen(answer(`${AS}/oauth/token`, 400, '{"refresh_token":"y"}'));
    expect(kept).toEqual(['r2']);
  });
});

describe('tokenStepFailure', () => {
  const failure = (test: string, message: string) => ({ item: 'i', test, message });

  it('takes the first token check’s reason, and the count of requests not sent the run made', () => {
    const result = tokenStepFailure(
      [
        failure('GET /v1/x → 200', 'expected 200'),
        failure('token: refresh', 'token endpoint answered 400 invalid_grant; request not sent'),
        failure('token: refresh', 'token endpoint answered 400 invalid_grant; request not sent'),
        failure('token: other', 'something else'),
      ],
      2,
    );
    expect(result).toEqual({ reason: 'token endpoint answered 400 invalid_grant', notSent: 2 });
  });

  it('no token check failed: undefined (a check that only mentions "token: " later is not one)', () => {
    expect(tokenStepFailure([failure('GET /x token: y', 'm; request not sent')])).toBeUndefined();
    expect(tokenStepFailure([])).toBeUndefined();
  });

  it('a reason keeps a "; request not sent" that is not at its end', () => {
    expect(tokenStepFailure([failure('token: t', 'a; request not sent, then b')])).toEqual({
      reason: 'a; request not sent, then b',
      notSent: 0,
    });
  });

  it.each([
    [1, '  1 request that needs a token was not sent'],
    [3, '  3 requests that need a token were not sent'],
  ])('says how many requests were held back (%s)', (notSent, start) => {
    const [first, second] = formatTokenStepFailure({ reason: 'unreachable', notSent });
    expect(first).toBe('the token step failed: unreachable');
    expect(second).toBe(
      `${start} (each is one skipped test, "token: not sent, the token step failed"); no token request was made after the failure`,
    );
  });
});
