import { NEGATIVE_TESTS_VARIABLE } from './scripts/variables.js';
import { TEST_CLIENT, TEST_CREDENTIALS } from '../shared/local-pleo.js';
import { CREDENTIAL_VARIABLES } from './auth.js';
import {
  AUTHORIZE_SERVER_VARIABLE,
  endpointVariables,
  hasAuthorizeServer,
  type ApiDescription,
  type EnvironmentName,
} from '../description/index.js';
import { stableId } from './ids.js';
import { PRODUCTION_VARIABLE } from './scripts/variables.js';

export interface EnvironmentValue {
  key: string;
  value: string;
  type: 'default' | 'secret';
  enabled: true;
}

export interface EnvironmentFile {
  id: string;
  name: string;
  values: EnvironmentValue[];
  _postman_variable_scope: 'environment';
}

/** A loopback redirect URI (RFC 8252 §7.3): the local mock, which can answer without a browser. */
export const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

const value = (key: string, v: string, type: EnvironmentValue['type'] = 'default'): EnvironmentValue => ({
  key,
  value: v,
  type,
  enabled: true,
});

/** The space-delimited union of the scopes the given requests need, in catalogue order. */
export function neededScopes(spec: ApiDescription): string[] {
  const needed = new Set(spec.folders.flatMap((f) => f.requests.flatMap((r) => r.scopes)));
  return Object.keys(spec.scopes).filter((scope) => needed.has(scope));
}

/** What environments are named after: the API's name without a trailing "API" ("Pleo API" → "Pleo"). */
const apiName = (spec: ApiDescription): string => spec.info.name.replace(/\s+API$/i, '').trim() || spec.info.name;

/**
 * The base name of an environment's files, from the name it is given: `pleo-staging` for Pleo's,
 * `library-staging` for a Library API (letters and digits of any script, the rest one `-`).
 */
export function environmentFileStem(spec: ApiDescription, name: EnvironmentName): string {
  const slug = `${apiName(spec)} ${name}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === name ? `api-${name}` : slug;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * One environment file. Secrets are never written: clientSecret, accessToken and refreshToken (or an
 * API key, a bearer token, a basic username and password) are empty `secret` variables, except that
 * the local environment carries the mock's fixed test client or credentials, which are not Pleo's.
 *
 * No variable looks like a setting it is not: there is no redirect URI variable, since with
 * "Authorize using browser" Postman always uses its own callback (the auth block's), and the headless
 * token script derives the local mock's callback from {{authServerUrl}}. In the local environment the
 * mock serves both, so apiBaseUrl is {{authServerUrl}}: a mock on another port is a one-variable change;
 * so is authorizeServerUrl, where a description has one (the mock serves the authorization endpoint too).
 */
export function buildEnvironment(
  spec: ApiDescription,
  name: EnvironmentName,
  scopes: readonly string[],
): EnvironmentFile {
  const env = spec.environments[name];
  const local = name === 'local';
  const scheme = spec.auth.scheme.type;
  const credentials =
    scheme === 'oauth2'
      ? [
          value('clientId', local ? TEST_CLIENT.id : ''),
          value('clientSecret', local ? TEST_CLIENT.secret : '', 'secret'),
          value('scopes', scopes.join(' ')),
          value('accessToken', '', 'secret'),
          value('refreshToken', '', 'secret'),
        ]
      : CREDENTIAL_VARIABLES[scheme].map((key) => value(key, local ? TEST_CREDENTIALS[key] : '', 'secret'));
  return {
    id: stableId('environment', spec.info.name, name),
    name: `${apiName(spec)} ${name}`,
    values: [
      value('authServerUrl', env.authServerUrl),
      // Only a description whose authorization endpoint is on a server of its own (auth-endpoints.ts) has it.
      ...(hasAuthorizeServer(spec)
        ? [
            value(
              AUTHORIZE_SERVER_VARIABLE,
              local && sameUrl(endpointVariables(env).authorizeServerUrl, env.authServerUrl)
                ? '{{authServerUrl}}'
                : endpointVariables(env).authorizeServerUrl,
            ),
          ]
        : []),
      value('apiBaseUrl', local && sameUrl(env.apiBaseUrl, env.authServerUrl) ? '{{authServerUrl}}' : env.apiBaseUrl),
      ...credentials,
      // The Negative folder's requests go out only where this is "true" (never against production).
      ...(local ? [value(NEGATIVE_TESTS_VARIABLE, 'true')] : []),
      ...Object.entries(env.variables).map(([key, v]) => value(key, v)),
      // The write guard's own mark (src/generate/sandbox/write-guard.js): a renamed or proxied URL stays guarded.
      ...(name === 'production' ? [value(PRODUCTION_VARIABLE, 'true')] : []),
    ],
    _postman_variable_scope: 'environment',
  };
}
