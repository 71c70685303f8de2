/**
 * Fixed facts about the local Pleo (the embedded mock) that more than the mock needs: the generator
 * writes them into the local environment, the mock registers them, the runners use them. Both
 * src/generate and src/mock depend on this module, and neither on the other; it depends on nothing.
 */

/** The local mock's confidential test client: fixed and documented, not a Pleo credential. */
export const TEST_CLIENT = {
  id: 'pleo-postman-local',
  secret: 'local-mock-secret',
  name: 'pleo-postman local test client',
} as const;

/** The local mock's public client: no secret, PKCE mandatory. */
export const PUBLIC_TEST_CLIENT = {
  id: 'pleo-postman-local-public',
  name: 'pleo-postman local public client',
} as const;

/** Path on the mock that echoes the authorization response: its own registered loopback redirect. */
export const LOCAL_CALLBACK_PATH = '/callback';

/** The mock's own loopback redirect (`GET /callback`); it matches at any port. */
export const LOOPBACK_CALLBACK_URI = `http://127.0.0.1${LOCAL_CALLBACK_PATH}`;

/**
 * The local mock's fixed credentials for the schemes other than OAuth 2.0 (API key, HTTP bearer,
 * HTTP basic): the local environment carries them, the mock accepts exactly them. Not credentials of any API.
 */
export const TEST_CREDENTIALS = {
  apiKey: 'local-mock-api-key',
  bearerToken: 'local-mock-bearer-token',
  username: 'pleo-postman-local',
  password: 'local-mock-password',
} as const;
