/** The parts of Newman's `request` event this module reads (postman-collection Request and Response). */
export interface RequestEventLike {
  request?: { url?: { toString(): string }; method?: string };
  response?: { code?: number; stream?: Buffer; text?: () => string };
}

const trimSlashes = (url: string) => url.replace(/\/+$/, '');

/**
 * The refresh token in a successful token response (RFC 6749 §5.1) from `{authServerUrl}/oauth/token`,
 * or undefined for any other request. Pleo rotates on every refresh, so a response that carries one
 * makes the token sent with the request worthless.
 * @see [RFC 6749 §5.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-5.1)
 */
export function refreshTokenOfResponse(event: RequestEventLike, authServerUrl: string): string | undefined {
  // A request without a URL reads as "undefined", which is no token endpoint.
  const url = String(event.request?.url).split('?')[0];
  if (authServerUrl === '' || trimSlashes(url) !== `${trimSlashes(authServerUrl)}/oauth/token`) return undefined;
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
export function refreshTokenListener(authServerUrl: string, keep: (token: string) => void) {
  return (event: { request?: unknown; response?: unknown }): void => {
    const token = refreshTokenOfResponse(event as RequestEventLike, authServerUrl);
    if (token !== undefined) keep(token);
  };
}
