// @ts-nocheck
import { CALLBACK_URIS } from '../description/index.js';
import { LOOPBACK_CALLBACK_URI, PUBLIC_TEST_CLIENT, TEST_CLIENT } from '../shared/local-pleo.js';

export { LOCAL_CALLBACK_PATH, LOOPBACK_CALLBACK_URI, PUBLIC_TEST_CLIENT, TEST_CLIENT } from '../shared/local-pleo.js';

/** Redirect URIs registered for both test clients: Postman's two callbacks and the mock's own. */
export const REGISTERED_REDIRECT_URIS: readonly string[] = [
  CALLBACK_URIS.desktop,
  CALLBACK_URIS.web,
  LOOPBACK_CALLBACK_URI,
];

export interface RegisteredClient {
  id: string;
  name: string;
  /** Undefined for a public client, which authenticates with nothing but PKCE. */
  secret?: string;
  redirectUris: readonly string[];
  /** Every scope the client may ask for; the default when an authorization request names none. */
  scopes: readonly string[];
}

/** The clients the mock knows, each allowed every scope of the description. */
export function registeredClients(scopes: readonly string[]): RegisteredClient[] {
  return [
    {
      id: TEST_CLIENT.id,
      name: TEST_CLIENT.name,
      secret: TEST_CLIENT.secret,
      redirectUris: REGISTERED_REDIRECT_URIS,
      scopes,
    },
    { id: PUBLIC_TEST_CLIENT.id, name: PUBLIC_TEST_CLIENT.name, redirectUris: REGISTERED_REDIRECT_URIS, scopes },
  ];
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?(\/[^#]*)?$/;

/**
 * Whether a redirect URI sent by a client matches a registered one. Loopback URIs
 * (`http://127.0.0.1`, `http://localhost`, `http://[::1]`) match at any port, as native apps
 * listen on an ephemeral one; everything else must match character for character.
 * @see [RFC 8252 §7.3](https://www.rfc-editor.org/rfc/rfc8252.html#section-7.3)
 * @see [RFC 6749 §3.1.2.3](https://www.rfc-editor.org/rfc/rfc6749.html#section-3.1.2.3)
 */
export function redirectUriMatches(candidate: string, registered: string): boolean {
  if (candidate === registered) return true;
  const want = LOOPBACK.exec(registered);
  const got = LOOPBACK.exec(candidate);
  if (!want || !got) return false;
  const port = Number(got[2] ?? '80');
  return want[1] === got[1] && port >= 1 && port <= 65535 && (want[3] ?? '') === (got[3] ?? '');
}
