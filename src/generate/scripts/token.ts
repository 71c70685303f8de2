import type { ApiDescription } from '../../description/index.js';
import { LOOPBACK_URL } from '../environments.js';
import { iife, lit } from './js.js';
import { sandboxSources } from './sandbox.js';

export { FAILED_REFRESH_VARIABLE } from './variables.js';

const HEADER = `// pleo-postman: gets an access token when none is valid, so the collection runs without a browser (Newman).
// 1. A set {{accessToken}} is used until 30 s before {{accessTokenExpiresAt}} (no expiry set: always).
// 2. With {{refreshToken}}: the refresh_token grant, the client in a Basic header. Pleo rotates refresh
//    tokens, so the new one replaces the old in the environment at once; a refresh token that failed is
//    never sent again (replaying a rotated one revokes the whole grant).
// 3. With {{authServerUrl}} on loopback (the local mock, started with auto-approve): Authorization Code with
//    PKCE S256 and the redirect {{authServerUrl}}/callback, verifier and challenge computed here.
// 4. Otherwise nothing: in the Postman app, "Get New Access Token" signs the requests as before.
// Requests run one after another and a token lasts the run, so there is one acquisition per run.
// Writes (not :search) against production are skipped unless the variable allowWrites is "true".`;

/** How long before its expiry an access token counts as expired. */
export const EXPIRY_SKEW_MS = 30_000;

/**
 * The collection-level pre-request script: token acquisition and the production write guard, from
 * src/generate/sandbox/token-*.js and write-guard.js, after a preamble of the values they need.
 */
export function tokenPrerequestScript(spec: ApiDescription): string {
  const constants = [
    `var PRODUCTION_API_BASE_URL = ${lit(spec.environments.production.apiBaseUrl)};`,
    `var EXPIRY_SKEW_MS = ${EXPIRY_SKEW_MS};`,
    `var LOOPBACK = ${String(LOOPBACK_URL)};`,
    'var env = pm.environment;',
  ];
  return [
    HEADER,
    iife(
      [
        ...constants,
        sandboxSources(
          spec.auth,
          'write-guard.js',
          'token-request.js',
          'token-store.js',
          'token-refresh.js',
          'token-authorization-code.js',
          'negative-case.js',
          'token-main.js',
        ),
      ].join('\n'),
    ),
  ].join('\n');
}

/**
 * The collection-level pre-request script of a scheme without tokens (API key, bearer, basic, none):
 * only the production write guard (write-guard.js), as in token-main.js.
 */
export function writeGuardScript(spec: ApiDescription): string {
  return [
    '// pleo-postman: writes (not :search) against production are skipped unless the variable allowWrites is "true".',
    iife(
      [
        `var PRODUCTION_API_BASE_URL = ${lit(spec.environments.production.apiBaseUrl)};`,
        sandboxSources(spec.auth, 'write-guard.js'),
        'var path = pm.request.url.getPath();',
        "if (pm.environment.get('apiBaseUrl') === PRODUCTION_API_BASE_URL && String(pm.variables.get('allowWrites')) !== 'true' && isWrite(pm.request.method, path)) {",
        "  console.warn('pleo-postman: skipped ' + pm.request.method + ' ' + path + ': a write against production (set allowWrites=true to send it)');",
        '  pm.execution.skipRequest();',
        '}',
      ].join('\n'),
    ),
  ].join('\n');
}
