import { ENVIRONMENT_NAMES, type ApiDescription, type EnvironmentDef } from './model.js';

/**
 * Where the OAuth 2.0 endpoints of a description are: the one rule that the collection (its auth
 * block, token requests and scripts), the mock, the harness and `login` all follow.
 *
 * - the token endpoint is `{{authServerUrl}}` + `auth.tokenPath` (default `/oauth/token`);
 * - refresh_token grants go to `{{authServerUrl}}` + `auth.refreshPath` when the API documents a
 *   refresh URL of its own (OpenAPI's `refreshUrl`), else to the token endpoint;
 * - the authorization endpoint is `{{authServerUrl}}` + `auth.authorizePath` (default
 *   `/oauth/authorize`), or `{{authorizeServerUrl}}` + it when an environment names the
 *   authorization endpoint's own server (e.g. login.xero.com beside identity.xero.com);
 * - the local mock serves these paths on its one origin, and token introspection at `tokenPath/introspect`.
 */

export const DEFAULT_AUTHORIZE_PATH = '/oauth/authorize';
export const DEFAULT_TOKEN_PATH = '/oauth/token';

/** The environment variable of the authorization endpoint's own server (written only when a description has one). */
export const AUTHORIZE_SERVER_VARIABLE = 'authorizeServerUrl';

/** The endpoints as Postman templates, e.g. `{{authServerUrl}}/oauth/token`. */
export interface EndpointTemplates {
  authorize: string;
  token: string;
  /** Where refresh_token grants go: the token endpoint unless the description has `auth.refreshPath`. */
  refresh: string;
}

/** The endpoints of a description without any of its own: Pleo's. */
export const DEFAULT_ENDPOINT_TEMPLATES: EndpointTemplates = {
  authorize: `{{authServerUrl}}${DEFAULT_AUTHORIZE_PATH}`,
  token: `{{authServerUrl}}${DEFAULT_TOKEN_PATH}`,
  refresh: `{{authServerUrl}}${DEFAULT_TOKEN_PATH}`,
};

type EndpointSpec = Pick<ApiDescription, 'auth' | 'environments'>;

/** Whether an environment of the description puts the authorization endpoint on a server of its own. */
export const hasAuthorizeServer = (spec: Pick<ApiDescription, 'environments'>): boolean =>
  ENVIRONMENT_NAMES.some((name) => spec.environments[name].authorizeServerUrl !== undefined);

/** The path refresh_token grants go to: `auth.refreshPath`, else the token endpoint's. */
export const refreshPathOf = (auth: Pick<ApiDescription['auth'], 'tokenPath' | 'refreshPath'>): string =>
  auth.refreshPath ?? auth.tokenPath;

/** The paths a token request goes to: the token endpoint's, and the refresh endpoint's when it has its own. */
export const tokenPathsOf = (auth: Pick<ApiDescription['auth'], 'tokenPath' | 'refreshPath'>): string[] => [
  ...new Set([auth.tokenPath, refreshPathOf(auth)]),
];

/** The description's authorization, token and refresh endpoints, as Postman templates. */
export function endpointTemplates(spec: EndpointSpec): EndpointTemplates {
  const authorizeBase = hasAuthorizeServer(spec) ? AUTHORIZE_SERVER_VARIABLE : 'authServerUrl';
  return {
    authorize: `{{${authorizeBase}}}${spec.auth.authorizePath}`,
    token: `{{authServerUrl}}${spec.auth.tokenPath}`,
    refresh: `{{authServerUrl}}${refreshPathOf(spec.auth)}`,
  };
}

/**
 * The values an environment of the description gives the templates' variables: authServerUrl, and
 * authorizeServerUrl (authServerUrl itself where the environment names none, as in the local one).
 */
export const endpointVariables = (env: Pick<EnvironmentDef, 'authServerUrl' | 'authorizeServerUrl'>) => ({
  authServerUrl: env.authServerUrl,
  [AUTHORIZE_SERVER_VARIABLE]: env.authorizeServerUrl ?? env.authServerUrl,
});

/** The mock's token introspection path: below the token endpoint. @see [RFC 7662](https://www.rfc-editor.org/rfc/rfc7662.html) */
export const introspectionPath = (tokenPath: string): string => `${tokenPath}/introspect`;

const VARIABLE = /\{\{([^{}]+)\}\}/g;

/**
 * A template with its `{{variables}}` filled by `value`, as Postman fills them: a value may itself
 * hold variables (the local environment's `{{authServerUrl}}`), filled in turn, a few levels deep. A
 * base URL's trailing slashes go, since the path after it starts with one.
 */
export function fillTemplate(template: string, value: (name: string) => string): string {
  const fill = (text: string, depth: number): string =>
    text.replace(VARIABLE, (_match, name: string) => {
      const given = value(name);
      return depth > 0 && given !== '' ? fill(given, depth - 1).replace(/\/+$/, '') : given.replace(/\/+$/, '');
    });
  return fill(template, 4);
}

/**
 * The endpoints' URLs in an environment, its values given by `value`; an environment (file) without
 * authorizeServerUrl has the authorization endpoint on authServerUrl, as {@link endpointVariables} says.
 */
export function endpointUrls(templates: EndpointTemplates, value: (name: string) => string): EndpointTemplates {
  const given = (name: string) => value(name) || (name === AUTHORIZE_SERVER_VARIABLE ? value('authServerUrl') : '');
  return {
    authorize: fillTemplate(templates.authorize, given),
    token: fillTemplate(templates.token, given),
    refresh: fillTemplate(templates.refresh, given),
  };
}

/** The endpoints' URLs on one server that serves both, the local mock at `url`. */
export const endpointUrlsAt = (spec: EndpointSpec, url: string): EndpointTemplates =>
  endpointUrls(endpointTemplates(spec), () => url);

/** A template's path: what follows its leading `{{variable}}` (`{{authServerUrl}}/oauth/token` → `/oauth/token`). */
export const templatePath = (template: string): string => template.replace(/^\{\{[^{}]+\}\}/, '');
