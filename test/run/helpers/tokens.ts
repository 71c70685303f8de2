import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../../../src/description/index.js';
import { TEST_CLIENT } from '../../../src/mock/index.js';

const basic = `Basic ${Buffer.from(`${TEST_CLIENT.id}:${TEST_CLIENT.secret}`).toString('base64')}`;

/** Where the mock's endpoints are: a description's `auth` (Pleo's `/oauth/authorize` and `/oauth/token` by default). */
export interface EndpointPaths {
  authorizePath?: string;
  tokenPath?: string;
}

/**
 * A refresh token from the mock (started with auto-approve), by Authorization Code + PKCE, as a user
 * would get one, at the endpoints of `paths`.
 */
export async function obtainRefreshToken(mockUrl: string, scope: string, paths: EndpointPaths = {}): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = `${mockUrl}/callback`;
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: TEST_CLIENT.id,
    redirect_uri: redirectUri,
    scope,
    state: 's1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const authorize = await fetch(`${mockUrl}${paths.authorizePath ?? DEFAULT_AUTHORIZE_PATH}?${query}`, {
    redirect: 'manual',
  });
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code: ${authorize.status}`);
  const token = await refreshOrExchange(
    mockUrl,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
    paths.tokenPath,
  );
  return token.refresh_token;
}

/** A token request with the test client at `tokenPath`; throws unless 200. */
export async function refreshOrExchange(
  mockUrl: string,
  form: Record<string, string>,
  tokenPath = DEFAULT_TOKEN_PATH,
): Promise<{ access_token: string; refresh_token: string }> {
  const res = await fetch(`${mockUrl}${tokenPath}`, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { access_token: string; refresh_token: string };
}
