import { describe, expect, it } from 'vitest';
import { refreshTokenOfResponse, type RequestEventLike } from '../../../src/run/tokens/rotation.js';

const AS = 'https://auth.staging.pleo.io';
const event = (url: string, code: number, body: string): RequestEventLike => ({
  request: { url: { toString: () => url } },
  response: { code, stream: Buffer.from(body) },
});

describe('refreshTokenOfResponse', () => {
  it.each<[string, { given: RequestEventLike; want: string | undefined }]>([
    ['a token response', { given: event(`${AS}/oauth/token`, 200, '{"refresh_token":"r2"}'), want: 'r2' }],
    [
      'a trailing slash on the answer',
      { given: event(`${AS}/oauth/token/`, 200, '{"refresh_token":"r2"}'), want: 'r2' },
    ],
    ['an error answer', { given: event(`${AS}/oauth/token`, 400, '{"refresh_token":"r2"}'), want: undefined }],
    ['no refresh_token', { given: event(`${AS}/oauth/token`, 200, '{"access_token":"a"}'), want: undefined }],
    ['not JSON', { given: event(`${AS}/oauth/token`, 200, '<html>'), want: undefined }],
    [
      'another server',
      { given: event('https://evil.example/oauth/token', 200, '{"refresh_token":"x"}'), want: undefined },
    ],
    [
      'an API response',
      { given: event('https://external.staging.pleo.io/v1/x', 200, '{"refresh_token":"x"}'), want: undefined },
    ],
    [
      'no response (network error)',
      { given: { request: { url: { toString: () => `${AS}/oauth/token` } } }, want: undefined },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(refreshTokenOfResponse(given, `${AS}/oauth/token`)).toBe(want);
  });

  it("counts the description's own token endpoint, and then not Pleo's", () => {
    const answer = (path: string) => event(`${AS}${path}`, 200, '{"refresh_token":"r2"}');
    expect(refreshTokenOfResponse(answer('/connect/token'), `${AS}/connect/token`)).toBe('r2');
    expect(refreshTokenOfResponse(answer('/oauth/token'), `${AS}/connect/token`)).toBeUndefined();
  });
});
