import { endpointTemplates, templatePath, type ApiDescription } from '../../description/index.js';
import { LOOPBACK_URL } from '../environments.js';
import { stableId } from '../ids.js';
import type { FolderModel, HttpRequestModel } from '../model.js';
import { scriptEvent } from './event.js';
import { iife, lit } from './js.js';
import { sandboxSources } from './sandbox.js';
import { EXPIRY_SKEW_MS } from './token.js';
import { TOKEN_BODY_VARIABLE } from './variables.js';

/** What the token requests need of a description: its endpoints (auth-endpoints.ts). */
export type EndpointSpec = Pick<ApiDescription, 'auth' | 'environments'>;

export const TOKEN_FOLDER_NAME = 'Token';
export const TOKEN_REQUEST_NAME = 'Get access token';

/**
 * A request to the token endpoint with the client's own Basic auth and the form body its
 * pre-request script chooses (`{{pleoTokenRequestBody}}`): the token request items of the Token and
 * Security folders. Being items, not pm.sendRequest calls, they keep their auth under the Postman CLI.
 * @see [RFC 6749 §2.3.1](https://www.rfc-editor.org/rfc/rfc6749.html#section-2.3.1)
 */
export function tokenEndpointRequest(spec: EndpointSpec, endpoint: 'token' | 'refresh' = 'token'): HttpRequestModel {
  const raw = endpointTemplates(spec)[endpoint];
  return {
    method: 'POST',
    url: {
      raw,
      host: raw.slice(0, raw.length - templatePath(raw).length),
      path: templatePath(raw).slice(1).split('/'),
      query: [],
      variables: [],
    },
    headers: [
      { key: 'Accept', value: 'application/json' },
      { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ],
    body: { type: 'text', content: `{{${TOKEN_BODY_VARIABLE}}}` },
    auth: { type: 'basic', username: '{{clientId}}', password: '{{clientSecret}}' },
  };
}

const preamble = [
  'var env = pm.environment;',
  `var EXPIRY_SKEW_MS = ${EXPIRY_SKEW_MS};`,
  `var LOOPBACK = ${String(LOOPBACK_URL)};`,
];

/** A description with a refresh endpoint of its own: the item's refresh_token grant goes there (token-item.js). */
function refreshUrlPreamble(spec: EndpointSpec): string[] {
  const { token, refresh } = endpointTemplates(spec);
  return refresh === token ? [] : [`var REFRESH_URL = ${lit(refresh)};`];
}

const DESCRIPTION = [
  'Generated: gets an access token for the run, so the collection runs without a browser (Newman, the Postman CLI).',
  'With `{{refreshToken}}` it sends the refresh_token grant (Pleo rotates the refresh token: the new one replaces the old at once); against the local mock (an `{{authServerUrl}}` on loopback, redirect `{{authServerUrl}}/callback`) the Authorization Code flow with PKCE S256; with a valid `{{accessToken}}`, or in the Postman app without a refresh token, it is skipped: use **Get New Access Token** on the collection.',
  'It is a request of its own, with the client in a Basic header, because the Postman CLI signs scripts’ `pm.sendRequest` calls with the collection’s OAuth 2.0 auth.',
].join('\n\n');

/** The collection's first folder: one request that gets the run's access token (token-item*.js). */
export function buildTokenFolder(spec: EndpointSpec): FolderModel {
  const owner = 'token/get access token';
  return {
    id: stableId('folder', TOKEN_FOLDER_NAME),
    name: TOKEN_FOLDER_NAME,
    description: DESCRIPTION,
    items: [
      {
        id: stableId('token', 'get access token'),
        name: TOKEN_REQUEST_NAME,
        description: DESCRIPTION,
        request: tokenEndpointRequest(spec),
        scripts: [
          scriptEvent(
            'prerequest',
            owner,
            iife(
              [
                ...preamble,
                ...refreshUrlPreamble(spec),
                sandboxSources(
                  spec.auth,
                  'token-request.js',
                  'token-store.js',
                  'token-authorization-code.js',
                  'token-item.js',
                ),
              ].join('\n'),
            ),
          ),
          scriptEvent(
            'test',
            owner,
            iife(
              [
                ...preamble,
                sandboxSources(spec.auth, 'token-request.js', 'token-store.js', 'token-item-response.js'),
              ].join('\n'),
            ),
          ),
        ],
        examples: [],
      },
    ],
  };
}
