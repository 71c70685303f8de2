import type { RawDescription } from '../description/raw.js';
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

/** The authorisation server base of a flow's URL: `/oauth/authorize`, `/authorize`, `/oauth/token` or `/token` stripped. */
function authBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/(oauth\/)?(authorize|token)\/?$/, '')}`.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

type Server = { url: string; description?: string; variables?: Record<string, { default?: unknown }> };

/** A server's URL with its variables filled from their defaults (`{scheme}://…` → `https://…`). */
export function serverUrl(server: Server): string {
  return server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = server.variables?.[name]?.default;
    return value === undefined ? whole : String(value);
  });
}

/**
 * Environments of the description: Pleo's hosts for Pleo's documents; otherwise production from the
 * first server, staging from a server named staging/sandbox/test (else the first), the authorisation
 * server from the first OAuth 2.0 flow's authorization URL (or its token URL, for flows without one),
 * and always a local environment for the mock. Server variables take their defaults; a plain-HTTP
 * server becomes HTTPS (a token is never sent in clear), with a note.
 * @see https://spec.openapis.org/oas/v3.2.0.html#server-object
 */
export function buildEnvironments(
  docs: readonly LoadedDocument[],
  flow: { authorizationUrl?: string; tokenUrl?: string } | undefined,
  pleo: boolean,
  notes: string[] = [],
): RawDescription['environments'] {
  if (pleo) return structuredClone(PLEO_ENVIRONMENTS);
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
  const auth = authBase(flow?.authorizationUrl) ?? authBase(flow?.tokenUrl) ?? api(production);
  for (const [url, path] of [
    [flow?.authorizationUrl, '/oauth/authorize'],
    [flow?.tokenUrl, '/oauth/token'],
  ] as const)
    if (url && !url.replace(/\/$/, '').endsWith(path))
      notes.push(
        `OAuth 2.0 URL ${url}: the collection and the mock use {{authServerUrl}}${path} (authServerUrl ${auth}); not carried over`,
      );
  return {
    staging: { authServerUrl: secure(auth), apiBaseUrl: api(staging) },
    production: { authServerUrl: secure(auth), apiBaseUrl: api(production) },
    local: { authServerUrl: LOCAL_MOCK_URL, apiBaseUrl: LOCAL_MOCK_URL },
  };
}
