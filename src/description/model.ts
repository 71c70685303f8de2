/**
 * The validated, normalised form of a Pleo API description (`collections/pleo-api.yaml`).
 * Everything downstream (generator, mock, harness) reads this model, never the raw YAML.
 */

/** Where the description lives in a clone of this project; every command's `--spec` default. */
export const DEFAULT_SPEC_PATH = 'collections/pleo-api.yaml';

export type JsonSchema = Record<string, unknown>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const ENVIRONMENT_NAMES = ['staging', 'production', 'local'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

export const CALLBACK_URIS = {
  desktop: 'https://oauth.pstmn.io/v1/callback',
  web: 'https://oauth.pstmn.io/v1/browser-callback',
} as const;
export type CallbackVariant = keyof typeof CALLBACK_URIS;

export interface ApiDescription {
  /** Path of the file the description was read from, as given. */
  source: string;
  info: { name: string; version: string; description: string };
  environments: Record<EnvironmentName, EnvironmentDef>;
  auth: AuthSettings;
  /** `negative`: whether the collection has the Negative folder (default true). */
  defaults: { responseTimeMs: number; negative: boolean };
  scopes: Record<string, ScopeDef>;
  /** Reusable draft-07 JSON Schemas; inside them `$ref: '#/schemas/Name'` points at a sibling. */
  schemas: Record<string, JsonSchema>;
  folders: FolderDef[];
}

export interface EnvironmentDef {
  name: EnvironmentName;
  authServerUrl: string;
  /** The authorization endpoint's server when it is not authServerUrl (see auth-endpoints.ts). */
  authorizeServerUrl?: string;
  apiBaseUrl: string;
  /** Extra environment variables (e.g. a company id), written into the environment file. */
  variables: Record<string, string>;
}

export const AUTH_SCHEME_TYPES = ['oauth2', 'apiKey', 'bearer', 'basic', 'none'] as const;
export type AuthSchemeType = (typeof AUTH_SCHEME_TYPES)[number];
export type ApiKeyLocation = 'header' | 'query' | 'cookie';

/** How requests authenticate; the OAuth 2.0 settings of AuthSettings apply to `oauth2` only. */
export type AuthScheme =
  | { type: 'oauth2' }
  | { type: 'apiKey'; in: ApiKeyLocation; name: string }
  | { type: 'bearer' }
  | { type: 'basic' }
  | { type: 'none' };

export interface AuthSettings {
  scheme: AuthScheme;
  grant: 'authorization_code_with_pkce';
  challengeMethod: 'S256';
  clientAuthentication: 'basic';
  callback: CallbackVariant;
  /** The Postman callback of `callback`, unless the description names another registered URI. */
  redirectUri: string;
  tokenName: string;
  /** The authorization endpoint's path below its server (default /oauth/authorize); see auth-endpoints.ts. */
  authorizePath: string;
  /** The token endpoint's path below authServerUrl (default /oauth/token). */
  tokenPath: string;
  /** Where refresh_token grants go below authServerUrl, when the API documents another path than tokenPath. */
  refreshPath?: string;
}

export type ScopeConfidence = 'documented' | 'inferred' | 'example-only';

export interface ScopeDef {
  description: string;
  confidence: ScopeConfidence;
}

export interface FolderDef {
  name: string;
  description: string;
  requests: RequestDef[];
}

export type ParamValue = string | number | boolean;

export interface ParamDef {
  /** Value used in the collection, and by the mock's seed data. */
  example?: ParamValue;
  /** Collection variable that carries a real value captured by an earlier request. */
  variable?: string;
  description: string;
  required: boolean;
}

export interface RequestDef {
  name: string;
  method: HttpMethod;
  /** Path relative to the API base URL, with `{param}` placeholders, e.g. `/v1/vendors/{vendorId}`. */
  path: string;
  description: string;
  /** Scopes the request needs; empty means any valid token will do. */
  scopes: string[];
  /** Needs no credentials: the document leaves it public. */
  public: boolean;
  parameters: {
    path: Record<string, ParamDef>;
    query: Record<string, ParamDef>;
    header: Record<string, ParamDef>;
  };
  body?: BodyDef;
  /** Status code (as a string, e.g. "200") → response. The lowest 2xx is the expected one. */
  responses: Record<string, ResponseDef>;
  /** Collection variable name → path into the expected response body, e.g. `data[0].id`. */
  capture: Record<string, string>;
  responseTimeMs?: number;
  /** What the local mock does beyond serving the examples: the fields an item action writes onto its record. */
  mock: { sets: Record<string, unknown> };
  /** JSON pointer of this request in the description, for messages. */
  pointer: string;
}

/** A named schema from `schemas`, or an inline draft-07 schema (which may `$ref: '#/schemas/Name'`). */
export type SchemaRef = string | JsonSchema;

export interface BodyDef {
  contentType: string;
  example: unknown;
  schema?: SchemaRef;
  /**
   * Path in the example (`companyId`, `items[0].id`) → what the collection sends there: a variable
   * name (sent as `{{name}}`) or a template with placeholders (`Acme {{$timestamp}}`).
   */
  variables: Record<string, string>;
}

export interface ResponseDef {
  description: string;
  schema?: SchemaRef;
  example?: unknown;
  /** Header names the response must carry. */
  headers: string[];
}

/** The lowest 2xx status of a request: what a contract test expects and the mock answers. */
export function expectedStatus(request: RequestDef): number {
  const ok = Object.keys(request.responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300)
    .sort((a, b) => a - b);
  const first = ok[0];
  if (first === undefined) throw new Error(`request "${request.name}" has no 2xx response`);
  return first;
}

/** The last path segment of an item action, Pleo's custom methods: `{id}:archive`. */
export const ITEM_ACTION_SEGMENT = /^\{([^{}]+)\}:[A-Za-z][\w-]*$/;

/** A body variable's value as sent: a bare variable name becomes `{{name}}`; a template stays as written. */
export function bodyVariableTemplate(value: string): string {
  return value.includes('{{') ? value : `{{${value}}}`;
}

/** The variables a template refers to, without Postman's dynamic ones (`$guid`, `$timestamp`, …). */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1] as string).filter((name) => !name.startsWith('$'));
}
