// @ts-nocheck
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

/** The authorisation server base of an authorization URL: `/oauth/authorize` (or `/authorize`) stripped. */
function authBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/(oauth\/)?authorize\/?$/, '')}`.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Environments of the description: Pleo's hosts for Pleo's documents; otherwise production from the
 * first server, staging from a server named staging/sandbox/test (else the first), the authorisation
 * server from the OAuth 2.0 flow's authorization URL, and always a local environment for the mock.
 * @see https://spec.openapis.org/oas/v3.2.0.html#server-object
 */
export function buildEnvironments(
  docs: readonly LoadedDocument[],
  flow: { authorizationUrl?: string } | undefined,
  pleo: boolean,
): RawDescription['environments'] {
  if (pleo) return structuredClone(PLEO_ENVIRONMENTS);
  const servers = docs.flatMap((d) => d.document.servers ?? []).filter((s) => /^https?:\/\//.test(s.url));
  const production =
    servers.find((s) => !/staging|sandbox|test/i.test(`${s.url} ${s.description ?? ''}`)) ?? servers[0];
  const staging = servers.find((s) => /staging|sandbox|test/i.test(`${s.url} ${s.description ?? ''}`)) ?? production;
  const api = (s: { url: string } | undefined) => (s?.url ?? 'https://api.example.com').replace(/\/$/, '');
  const auth = authBase(flow?.authorizationUrl) ?? api(production);
  return {
    staging: { authServerUrl: auth, apiBaseUrl: api(staging) },
    production: { authServerUrl: auth, apiBaseUrl: api(production) },
    local: { authServerUrl: LOCAL_MOCK_URL, apiBaseUrl: LOCAL_MOCK_URL },
  };
}
