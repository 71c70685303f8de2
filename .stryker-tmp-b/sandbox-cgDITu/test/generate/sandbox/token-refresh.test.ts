// @ts-nocheck
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAILED_REFRESH_VARIABLE } from '../../../src/generate/scripts/index.js';
import { TOKEN_FAILURE_VARIABLE } from '../../../src/generate/scripts/variables.js';
import { fakePm, loadSandbox, type Answer, type SentRequest } from '../../helpers/sandbox.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ENV = { clientId: 'c', clientSecret: 's', authServerUrl: 'http://auth', refreshToken: 'r1' };
const fields = (request: SentRequest) => Object.fromEntries(request.body!.urlencoded.map((f) => [f.key, f.value]));

function refresh(answer: Answer, collectionVariables: Record<string, string> = {}) {
  const fake = fakePm({ environment: ENV, collectionVariables, send: () => answer });
  const files = ['token-request.js', 'token-store.js', 'token-refresh.js'] as const;
  const context = loadSandbox(fake, [...files], { globals: { env: fake.pm.environment } });
  (context.acquireByRefresh as (token: string) => void)('r1');
  return fake;
}

describe('acquireByRefresh (token-refresh.js, RFC 6749 §6)', () => {
  it('sends the refresh_token grant and stores the rotated tokens', () => {
    const fake = refresh({ code: 200, body: { access_token: 'a2', token_type: 'Bearer', refresh_token: 'r2' } });
    expect(fake.sent.map(fields)).toEqual([{ grant_type: 'refresh_token', refresh_token: 'r1' }]);
    expect(fake.environment.get('refreshToken')).toBe('r2');
    expect(fake.environment.get('accessToken')).toBe('a2');
    expect(fake.tests).toEqual([
      { name: 'token: refresh_token grant → access token (RFC 6749 §6)', outcome: 'passed' },
    ]);
    expect(fake.collectionVariables.has(FAILED_REFRESH_VARIABLE)).toBe(false);
  });

  it.each([
    [
      'an OAuth error',
      { code: 400, body: { error: 'invalid_grant' } },
      'token endpoint answered 400 invalid_grant; request not sent',
    ],
    ['a network error', new Error('socket hang up'), 'token endpoint unreachable: socket hang up; request not sent'],
    [
      'issue 8 item 3: a network error as the sandbox hands it over (no message)',
      Object.assign(new Error(''), {
        errno: -111,
        code: 'ECONNREFUSED',
        syscall: 'connect',
        address: '127.0.0.1',
        port: 1,
      }),
      'token endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED); request not sent',
    ],
  ])('on %s, fails and remembers the token by its SHA-256, never the token', (_name, answer, error) => {
    const fake = refresh(answer);
    expect(fake.tests).toEqual([{ name: expect.stringContaining('refresh_token grant'), outcome: 'failed', error }]);
    expect(fake.collectionVariables.get(FAILED_REFRESH_VARIABLE)).toBe(sha256('r1'));
    expect(fake.environment.get('refreshToken')).toBe('r1');
  });

  it('issue 8 item 3: never sends a refresh token that failed before; the request fails once, with the reason, and is not sent', () => {
    const fake = refresh(
      { code: 200, body: {} },
      { [FAILED_REFRESH_VARIABLE]: sha256('r1'), [TOKEN_FAILURE_VARIABLE]: 'token endpoint unreachable: timed out' },
    );
    expect(fake.sent).toEqual([]);
    expect(fake.tests).toEqual([
      {
        name: 'token: not sent, the token step failed',
        outcome: 'failed',
        error: 'token endpoint unreachable: timed out; request not sent',
      },
    ]);
    expect(fake.skippedRequest()).toBe(true);
  });
});
