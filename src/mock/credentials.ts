import type { AuthScheme } from '../description/index.js';
import { TEST_CREDENTIALS } from '../shared/local-pleo.js';
import { headerValue, type MockRequest } from './http.js';
import { pleoError, type OperationResult } from './operations.js';

const REALM = 'realm="pleo-postman local mock"';

/** The value of one cookie of a `Cookie` header (RFC 6265 §5.4: `name=value; name2=value2`). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** What a request sends for the scheme (undefined: nothing), and the value the mock accepts. */
function presented(scheme: AuthScheme, req: MockRequest, query: URLSearchParams): string | undefined {
  const authorization = headerValue(req.headers, 'authorization');
  switch (scheme.type) {
    case 'apiKey':
      if (scheme.in === 'query') return query.get(scheme.name) ?? undefined;
      if (scheme.in === 'cookie') return cookieValue(headerValue(req.headers, 'cookie'), scheme.name);
      return headerValue(req.headers, scheme.name);
    case 'bearer':
      return /^bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
    case 'basic': {
      const encoded = /^basic +(\S+)$/i.exec(authorization ?? '')?.[1];
      return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
    }
    default:
      return undefined;
  }
}

const EXPECTED: Record<'apiKey' | 'bearer' | 'basic', string> = {
  apiKey: TEST_CREDENTIALS.apiKey,
  bearer: TEST_CREDENTIALS.bearerToken,
  basic: `${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`,
};

/** The challenge of a 401: RFC 6750 §3 for a bearer token, RFC 7617 §2 for basic; an API key has no registered one. */
function challenge(scheme: AuthScheme, invalid: boolean): Record<string, string> {
  if (scheme.type === 'bearer')
    return { 'WWW-Authenticate': `Bearer ${REALM}${invalid ? ', error="invalid_token"' : ''}` };
  if (scheme.type === 'basic') return { 'WWW-Authenticate': `Basic ${REALM}, charset="UTF-8"` };
  return {};
}

const NOUN = { apiKey: 'API key', bearer: 'bearer token', basic: 'basic credentials' } as const;
const REQUIRED = { apiKey: 'an API key', bearer: 'a bearer token', basic: 'basic credentials' } as const;

/**
 * Checks the credentials of a scheme other than OAuth 2.0 against the local environment's fixed
 * ones (TEST_CREDENTIALS): undefined when they match, else a 401 saying what is missing or wrong.
 */
export function checkCredentials(
  scheme: AuthScheme,
  req: MockRequest,
  query: URLSearchParams,
): OperationResult | undefined {
  if (scheme.type !== 'apiKey' && scheme.type !== 'bearer' && scheme.type !== 'basic') return undefined;
  const where = scheme.type === 'apiKey' ? ` (${scheme.in} ${scheme.name})` : '';
  const sent = presented(scheme, req, query);
  if (sent === EXPECTED[scheme.type]) return undefined;
  const message =
    sent === undefined
      ? `${REQUIRED[scheme.type]}${where} ${scheme.type === 'basic' ? 'are' : 'is'} required`
      : `invalid ${NOUN[scheme.type]}${where}`;
  return pleoError(401, 'UNAUTHORIZED', message, challenge(scheme, sent !== undefined));
}
