import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_URL } from '../../../src/generate/index.js';
import { TOKEN_FAILURE_VARIABLE } from '../../../src/generate/scripts/variables.js';
import { fakePm, loadSandbox, type Answer, type SentRequest } from '../../helpers/sandbox.js';

const ENV = {
  clientId: 'pleo-postman-local',
  clientSecret: 'local-mock-secret',
  authServerUrl: 'http://127.0.0.1:4010',
  redirectUri: 'http://127.0.0.1:4010/callback',
  scopes: 'vendors:read users:read',
};
const fields = (request: SentRequest) => Object.fromEntries(request.body!.urlencoded.map((f) => [f.key, f.value]));
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const TEST_NAME = 'token: authorization code with PKCE S256 → access token (RFC 7636 §4)';

/** An authorisation server that approves at once, like the mock with --auto-approve. */
function approving(overrides: { code?: string; state?: string; error?: string } = {}, at = '/oauth/authorize') {
  const issued: { challenge?: string } = {};
  const send = (request: SentRequest): Answer => {
    const url = new URL(request.url);
    if (url.pathname === at) {
      issued.challenge = url.searchParams.get('code_challenge') ?? '';
      if (overrides.error) return { code: 400, body: { error: overrides.error, error_description: 'no' } };
      return {
        code: 200,
        body: { code: overrides.code ?? 'code-1', state: overrides.state ?? url.searchParams.get('state') },
      };
    }
    const body = fields(request);
    if (challengeOf(body.code_verifier!) !== issued.challenge) return { code: 400, body: { error: 'invalid_grant' } };
    return { code: 200, body: { access_token: 'a1', token_type: 'Bearer', refresh_token: 'r1', expires_in: 900 } };
  };
  return send;
}

function acquire(send: (request: SentRequest) => Answer, paths: Record<string, string> = {}) {
  const fake = fakePm({ environment: ENV, send });
  const files = ['token-request.js', 'token-store.js', 'token-authorization-code.js'] as const;
  const context = loadSandbox(fake, [...files], {
    globals: { env: fake.pm.environment, LOOPBACK: LOOPBACK_URL, ...paths },
  });
  (context.acquireByAuthorizationCode as () => void)();
  return fake;
}

describe('acquireByAuthorizationCode (token-authorization-code.js, RFC 7636 §4)', () => {
  it('asks for a code with an S256 challenge, then exchanges it with the matching verifier', () => {
    const fake = acquire(approving());
    const [authorize, exchange] = fake.sent;
    const query = Object.fromEntries(new URL(authorize!.url).searchParams);
    expect(authorize!.method).toBe('GET');
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: ENV.clientId,
      redirect_uri: ENV.redirectUri,
      scope: ENV.scopes,
      code_challenge_method: 'S256',
    });
    expect(query.state).toMatch(/^[\w.~-]{24}$/);
    const body = fields(exchange!);
    expect(body).toMatchObject({ grant_type: 'authorization_code', code: 'code-1', redirect_uri: ENV.redirectUri });
    expect(body.code_verifier).toMatch(/^[\w.~-]{64}$/);
    expect(challengeOf(body.code_verifier!)).toBe(query.code_challenge);
    expect(fake.tests).toEqual([{ name: TEST_NAME, outcome: 'passed' }]);
    expect(fake.environment.get('accessToken')).toBe('a1');
    expect(fake.environment.get('refreshToken')).toBe('r1');
  });

  it("asks at the description's authorization path and exchanges at its token path", () => {
    const fake = acquire(approving({}, '/identity/connect/authorize'), {
      AUTHORIZE_PATH: '/identity/connect/authorize',
      TOKEN_PATH: '/connect/token',
    });
    expect(fake.sent.map((r) => `${r.method} ${new URL(r.url).origin}${new URL(r.url).pathname}`)).toEqual([
      'GET http://127.0.0.1:4010/identity/connect/authorize',
      'POST http://127.0.0.1:4010/connect/token',
    ]);
    expect(fake.tests).toEqual([{ name: TEST_NAME, outcome: 'passed' }]);
  });

  it('a new verifier and state every time', () => {
    const [a, b] = [acquire(approving()), acquire(approving())].map((f) => new URL(f.sent[0]!.url).searchParams);
    expect(a!.get('state')).not.toBe(b!.get('state'));
    expect(a!.get('code_challenge')).not.toBe(b!.get('code_challenge'));
  });

  it('refuses a redirect that carries another state (RFC 6749 §10.12), and sends no code', () => {
    const fake = acquire(approving({ state: 'forged' }));
    expect(fake.sent).toHaveLength(1);
    expect(fake.tests).toEqual([
      {
        name: TEST_NAME,
        outcome: 'failed',
        error: 'the redirect carried another state (RFC 6749 §10.12); request not sent',
      },
    ]);
  });

  it('fails with the authorisation error', () => {
    const fake = acquire(approving({ error: 'invalid_scope' }));
    expect(fake.tests[0]).toMatchObject({
      outcome: 'failed',
      error: 'authorization failed: invalid_scope: no; request not sent',
    });
  });

  it('only warns when no code comes without a browser (a consent page)', () => {
    const fake = acquire(() => ({ code: 200, body: '<html>consent</html>' }));
    expect(fake.tests).toEqual([]);
    expect(fake.warnings).toEqual([expect.stringContaining('no authorization code without a browser')]);
  });

  it('fails when the exchange is refused', () => {
    const send = approving();
    const fake = acquire((request) =>
      request.method === 'POST' ? { code: 400, body: { error: 'invalid_grant' } } : send(request),
    );
    expect(fake.tests[0]).toMatchObject({
      outcome: 'failed',
      error: 'token endpoint answered 400 invalid_grant; request not sent',
    });
  });

  it('issue 8 item 3: an unreachable authorization endpoint is a failure that says what failed, and the request is not sent', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 1 });
    const fake = acquire(() => refused);
    expect(fake.tests).toEqual([
      {
        name: TEST_NAME,
        outcome: 'failed',
        error: 'authorization endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED); request not sent',
      },
    ]);
    expect(fake.skippedRequest()).toBe(true);
    expect(fake.variables.get(TOKEN_FAILURE_VARIABLE)).toBe(
      'authorization endpoint unreachable: connection refused at 127.0.0.1:1 (ECONNREFUSED)',
    );
  });
});
