import type { RawDescription } from '../description/raw.js';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from '../description/auth-endpoints.js';
import type { LoadedDocument } from './types.js';

/** Servers on Pleo's hosts mark Pleo's own documents. */
export const PLEO_HOST = /^https:\/\/[^/]*\.?pleo\.io(\/|$)/;

export const LOCAL_MOCK_URL = 'http://127.0.0.1:4010';

/** Pleo's hosts (from Pleo's developer documentation), with the local mock. */
export const PLEO_ENVIRONMENTS: RawDescription['environments'] = {
  staging: { authServerUrl: 'https://auth.staging.pleo.io', apiBaseUrl: 'https://external.staging.pleo.io' },
  production: { authServerUrl: 'https://auth.pleo.io', apiBaseUrl: 'https://external.pleo.io' },
  local: { authServerUrl: LOCAL_MOCK_URL, apiBaseUrl: LOCAL_MOCK_URL },
};

type Server = { url: string; description?: string; variables?: Record<string, { default?: unknown }> };

/** A server's URL with its variables filled from their defaults (`{scheme}://…` → `https://…`). */
export function serverUrl(server: Server): string {
  return server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = server.variables?.[name]?.default;
    return value === undefined ? whole : String(value);
  });
}

/** One OAuth 2.0 flow of a document, with where it is for notes and what its relative URLs resolve against. */
export interface ImportedFlow {
  /** `authorizationCode`, `implicit`, `password`, `clientCredentials`, `deviceAuthorization`. */
  kind: string;
  authorizationUrl?: unknown;
  tokenUrl?: unknown;
  refreshUrl?: unknown;
  /** `file#Scheme`, for notes. */
  where: string;
  /** The document's first server URL with an absolute URL, if any: relative flow URLs resolve against it. */
  server?: string;
}

/** Where the import puts the OAuth 2.0 endpoints: the servers (before HTTPS is enforced) and the paths below them. */
export interface ImportedEndpoints {
  /** The token endpoint's origin (or the authorization endpoint's, when no flow has a token URL). */
  authServer?: string;
  /** The authorization endpoint's origin when it is not authServer's. */
  authorizeServer?: string;
  /** Set only when the documents name the endpoint. */
  authorizePath?: string;
  tokenPath?: string;
  /** The token flow's refreshUrl's path, when it is another URL than its token URL on the same origin. */
  refreshPath?: string;
}

/** Flows that carry the Authorization Code grant's endpoints first, as the collection uses that grant. */
const FLOW_ORDER = ['authorizationCode', 'implicit', 'password', 'clientCredentials', 'deviceAuthorization'];
const rank = (kind: string) => (FLOW_ORDER.includes(kind) ? FLOW_ORDER.indexOf(kind) : FLOW_ORDER.length);

/**
 * A flow's URL as an absolute URL: a relative one resolves against the document's server (else the
 * API's base), as OpenAPI says of every URL in a document; undefined (with a note) when it is no URL.
 * @see https://spec.openapis.org/oas/v3.1.1.html#relative-references-in-api-description-uris
 */
function resolved(
  flow: ImportedFlow,
  key: 'authorizationUrl' | 'tokenUrl' | 'refreshUrl',
  apiBase: string,
  notes: string[],
) {
  const given = flow[key];
  if (given === undefined || (key === 'refreshUrl' && given === '')) return undefined;
  try {
    if (typeof given !== 'string' || given.trim() === '') throw new Error('not a string');
    const url = new URL(given, flow.server ?? `${apiBase}/`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not HTTP');
    if (url.search !== '' || url.hash !== '')
      notes.push(`OAuth 2.0 ${key} ${given} (${flow.where}): its query and fragment are not carried over`);
    return url;
  } catch {
    notes.push(`OAuth 2.0 ${key} ${JSON.stringify(given)} (${flow.where}) is not an HTTP URL: not carried over`);
    return undefined;
  }
}

/**
 * The OAuth 2.0 endpoints of the documents, exactly as their flows name them: the authorization URL of
 * the first flow that has one (Authorization Code first), the token URL of that flow or else of the
 * first that has one (a client credentials flow has only a token URL). authServerUrl is the token
 * endpoint's origin and the paths are the rest; an authorization endpoint on another origin keeps its
 * own (authorizeServerUrl). The refreshUrl of the flow whose token URL is used, when it is another
 * URL on the token URL's origin, is the refresh path (refresh_token grants go there); one on another
 * origin is not carried over, and neither is another flow's different URL: both with a note.
 */
export function importEndpoints(flows: readonly ImportedFlow[], apiBase: string, notes: string[]): ImportedEndpoints {
  const ordered = flows
    .map((flow, index) => ({ flow, index }))
    .sort((a, b) => rank(a.flow.kind) - rank(b.flow.kind) || a.index - b.index);
  const urls = ordered.map(({ flow }) => {
    const token = resolved(flow, 'tokenUrl', apiBase, notes);
    const refresh = resolved(flow, 'refreshUrl', apiBase, notes);
    return {
      flow,
      authorize: resolved(flow, 'authorizationUrl', apiBase, notes),
      token,
      refresh: refresh && refresh.href !== token?.href ? refresh : undefined,
    };
  });
  const withAuthorize = urls.find((u) => u.authorize);
  const authorize = withAuthorize?.authorize;
  const tokenFlow = withAuthorize?.token ? withAuthorize : urls.find((u) => u.token);
  const token = tokenFlow?.token;
  // The token flow's own refresh URL, when the description can hold it: a path on the token endpoint's origin.
  let refresh = tokenFlow?.refresh;
  if (refresh && token && refresh.origin !== token.origin) {
    notes.push(
      `OAuth 2.0 refreshUrl ${refresh.href} (${tokenFlow?.flow.where}, ${tokenFlow?.flow.kind}) is on another origin than the token URL: not carried over; tokens are refreshed at ${token.href}`,
    );
    refresh = undefined;
  } else if (refresh && authorize && refresh.href === authorize.href) {
    notes.push(
      `OAuth 2.0 refreshUrl ${refresh.href} (${tokenFlow?.flow.where}, ${tokenFlow?.flow.kind}) is the authorization URL: not carried over; tokens are refreshed at ${token?.href}`,
    );
    refresh = undefined;
  }
  const refreshedAt = refresh ?? token;
  for (const u of urls) {
    for (const [key, url, used] of [
      ['authorizationUrl', u.authorize, authorize],
      ['tokenUrl', u.token, token],
    ] as const)
      if (url && used && url.href !== used.href)
        notes.push(`OAuth 2.0 ${key} ${url.href} (${u.flow.where}, ${u.flow.kind}): the collection uses ${used.href}`);
    if (u !== tokenFlow && u.refresh && u.refresh.href !== refreshedAt?.href)
      notes.push(
        `OAuth 2.0 refreshUrl ${u.refresh.href} (${u.flow.where}, ${u.flow.kind}): not carried over; tokens are refreshed at ${refreshedAt ? refreshedAt.href : 'the token URL'}`,
      );
  }
  if (!token && !authorize) return {};
  const server = (token ?? authorize)?.origin;
  const endpoints: ImportedEndpoints = { authServer: server };
  if (authorize && authorize.origin !== server) endpoints.authorizeServer = authorize.origin;
  if (token) endpoints.tokenPath = token.pathname;
  if (refresh && refresh.pathname !== token?.pathname) endpoints.refreshPath = refresh.pathname;
  if (authorize) endpoints.authorizePath = authorize.pathname;
  if (
    endpoints.authorizePath !== undefined &&
    endpoints.authorizePath === endpoints.tokenPath &&
    !endpoints.authorizeServer
  ) {
    notes.push(
      `OAuth 2.0: the authorization and token URLs are both ${token?.href}: the collection uses ${DEFAULT_AUTHORIZE_PATH} for the authorization endpoint`,
    );
    delete endpoints.authorizePath;
  }
  if (!authorize)
    notes.push(
      `OAuth 2.0: no flow names an authorization URL: the collection uses {{authServerUrl}}${DEFAULT_AUTHORIZE_PATH} (authServerUrl ${server}) for Authorization Code; set auth.authorizePath in the overlay`,
    );
  if (!token)
    notes.push(
      `OAuth 2.0: no flow names a token URL: the collection uses {{authServerUrl}}${DEFAULT_TOKEN_PATH} (authServerUrl ${server}); set auth.tokenPath in the overlay`,
    );
  return endpoints;
}

/**
 * The description's auth keys of imported endpoints: none for Pleo's paths, so Pleo's description does
 * not change, and no refreshPath where refreshes go to the token endpoint.
 */
export function endpointPaths(endpoints: ImportedEndpoints): {
  authorizePath?: string;
  tokenPath?: string;
  refreshPath?: string;
} {
  return {
    ...(endpoints.authorizePath !== undefined && endpoints.authorizePath !== DEFAULT_AUTHORIZE_PATH
      ? { authorizePath: endpoints.authorizePath }
      : {}),
    ...(endpoints.tokenPath !== undefined && endpoints.tokenPath !== DEFAULT_TOKEN_PATH
      ? { tokenPath: endpoints.tokenPath }
      : {}),
    ...(endpoints.refreshPath !== undefined && endpoints.refreshPath !== (endpoints.tokenPath ?? DEFAULT_TOKEN_PATH)
      ? { refreshPath: endpoints.refreshPath }
      : {}),
  };
}

/** The servers of a document: the first's URL with its variables filled, if it is absolute. */
export function documentServer(doc: LoadedDocument): string | undefined {
  const first = (doc.document.servers ?? [])[0] as Server | undefined;
  const url = first ? serverUrl(first) : undefined;
  return url && /^https?:\/\/[^{}]+$/.test(url) ? url : undefined;
}

/**
 * Environments of the description: Pleo's hosts for Pleo's documents; otherwise production from the
 * first server, staging from a server named staging/sandbox/test (else the first), the authorisation
 * server from the OAuth 2.0 flows (importEndpoints: the token URL's origin, and the authorization
 * URL's when it is another), else the API's, and always a local environment for the mock (which
 * serves both endpoints). Server variables take their defaults; a plain-HTTP server becomes HTTPS (a
 * token is never sent in clear), with a note.
 * @see https://spec.openapis.org/oas/v3.2.0.html#server-object
 */
export function buildEnvironments(
  docs: readonly LoadedDocument[],
  flows: readonly ImportedFlow[],
  pleo: boolean,
  notes: string[] = [],
): { environments: RawDescription['environments']; endpoints: ImportedEndpoints } {
  if (pleo) return { environments: structuredClone(PLEO_ENVIRONMENTS), endpoints: {} };
  const servers = docs
    .flatMap((d) => (d.document.servers ?? []) as Server[])
    .map((s) => ({ ...s, url: serverUrl(s) }))
    .filter((s) => /^https?:\/\/[^{}]+$/.test(s.url));
  const production =
    servers.find((s) => !/staging|sandbox|test/i.test(`${s.url} ${s.description ?? ''}`)) ?? servers[0];
  const staging = servers.find((s) => /staging|sandbox|test/i.test(`${s.url} ${s.description ?? ''}`)) ?? production;
  if (!production)
    notes.push('no server with an absolute URL: the environments use https://api.example.com; set them in the overlay');
  const secure = (url: string) => {
    if (!url.startsWith('http://')) return url;
    notes.push(
      `server ${url} is plain HTTP: the environments use https:// (tokens are not sent in clear); the overlay's environments can say otherwise`,
    );
    return `https://${url.slice('http://'.length)}`;
  };
  const api = (s: { url: string } | undefined) => secure((s?.url ?? 'https://api.example.com').replace(/\/$/, ''));
  const [stagingApi, productionApi] =
    staging === production ? [api(production), undefined] : [api(staging), api(production)];
  const apiBase = productionApi ?? stagingApi;
  const endpoints = importEndpoints(flows, apiBase, notes);
  const auth = endpoints.authServer ? secure(endpoints.authServer) : apiBase;
  const authorize = endpoints.authorizeServer ? { authorizeServerUrl: secure(endpoints.authorizeServer) } : {};
  return {
    environments: {
      staging: { authServerUrl: auth, ...authorize, apiBaseUrl: stagingApi },
      production: { authServerUrl: auth, ...authorize, apiBaseUrl: apiBase },
      local: { authServerUrl: LOCAL_MOCK_URL, apiBaseUrl: LOCAL_MOCK_URL },
    },
    endpoints,
  };
}
