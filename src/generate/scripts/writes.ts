import { DEFAULT_TOKEN_PATH } from '../../description/auth-endpoints.js';

/** Methods that never change state on the server. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request writes: any method but GET/HEAD/OPTIONS, unless it is a Pleo search
 * (`POST …:search`, a read that takes its filters in the body) or a token request (`POST` to the
 * token endpoint's path or the refresh endpoint's, `tokenPaths`, which changes no API data).
 * Production runs skip these.
 * @see [RFC 9110 §9.2.1](https://www.rfc-editor.org/rfc/rfc9110.html#section-9.2.1)
 */
export function isWriteRequest(
  method: string,
  path: string,
  tokenPaths: readonly string[] = [DEFAULT_TOKEN_PATH],
): boolean {
  const bare = path.split('?')[0] ?? '';
  return !SAFE_METHODS.has(method.toUpperCase()) && !bare.endsWith(':search') && !tokenPaths.includes(bare);
}
