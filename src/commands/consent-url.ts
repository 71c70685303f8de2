import { createHash } from 'node:crypto';
import { endpointUrlsAt, type ApiDescription } from '../description/index.js';
import { LOCAL_CALLBACK_PATH, TEST_CLIENT } from '../shared/local-pleo.js';

/** The PKCE verifier of the consent-page demo: fixed and documented in the README, for the local mock only. */
export const DEMO_VERIFIER = 'pleo-postman-local-consent-demo-verifier-0000';

/**
 * What `mock` prints about its consent page: without `--auto-approve`, an authorize URL that works as
 * it is (the local test client, its own loopback callback, a PKCE S256 challenge) and the one command
 * that exchanges the code it shows, at the description's endpoints; with `--auto-approve`, that there is no page to see.
 */
export function consentLines(
  mockUrl: string,
  spec: Pick<ApiDescription, 'auth' | 'environments'>,
  autoApprove: boolean,
): string[] {
  const { authorize, token } = endpointUrlsAt(spec, mockUrl);
  if (autoApprove) {
    return [`consent page: none (--auto-approve): ${authorize} redirects with a code at once; press Ctrl+C to stop`];
  }
  const redirectUri = `${mockUrl}${LOCAL_CALLBACK_PATH}`;
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: TEST_CLIENT.id,
    redirect_uri: redirectUri,
    state: 'demo',
    code_challenge: createHash('sha256').update(DEMO_VERIFIER).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return [
    `consent page: open ${authorize}?${query.toString()}`,
    `  approve, and ${redirectUri} shows the code; exchange it (CODE) with the demo PKCE verifier:`,
    `  curl -u ${TEST_CLIENT.id}:${TEST_CLIENT.secret} -d grant_type=authorization_code -d code=CODE -d redirect_uri=${redirectUri} -d code_verifier=${DEMO_VERIFIER} ${token}`,
    'press Ctrl+C to stop',
  ];
}
