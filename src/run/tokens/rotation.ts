/** The parts of Newman's `request` event this module reads (postman-collection Request and Response). */
export interface RequestEventLike {
  request?: { url?: { toString(): string }; method?: string };
  response?: { code?: number; stream?: Buffer; text?: () => string };
}

const trimSlashes = (url: string) => url.replace(/\/+$/, '');
const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\/[^/]/i;

/**
 * The refresh token in a successful token response (RFC 6749 §5.1) from the token endpoint (`tokenUrl`,
 * the collection's: see endpoints.ts; no absolute URL when no authorisation server is configured; or
 * a list: the token URL and a refresh URL of its own), or undefined for any other request. Pleo rotates on every refresh, so a response that carries one
 * makes the token sent with the request worthless.
 * @see [RFC 6749 §5.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.1)
 */
export function refreshTokenOfResponse(
  event: RequestEventLike,
  tokenUrl: string | readonly string[],
): string | undefined {
  // A missing request or URL reads as "undefined", which is no token endpoint.
  const url = String(event.request?.url).split('?')[0] as string;
  const endpoints = typeof tokenUrl === 'string' ? [tokenUrl] : tokenUrl;
  if (!endpoints.some((endpoint) => ABSOLUTE.test(endpoint) && trimSlashes(url) === trimSlashes(endpoint)))
    return undefined;
  const response = event.response;
  if (response?.code !== 200) return undefined;
  const text = response.stream ? response.stream.toString('utf8') : (response.text?.() ?? '');
  try {
    const body = JSON.parse(text) as { refresh_token?: unknown };
    return typeof body.refresh_token === 'string' && body.refresh_token !== '' ? body.refresh_token : undefined;
  } catch {
    return undefined;
  }
}

/** A Newman `request` listener that passes every refresh token the authorisation server issues to `keep`. */
export function refreshTokenListener(tokenUrl: string | readonly string[], keep: (token: string) => void) {
  return (event: { request?: unknown; response?: unknown }): void => {
    const token = refreshTokenOfResponse(event as RequestEventLike, tokenUrl);
    if (token !== undefined) keep(token);
  };
}
