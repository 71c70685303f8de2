import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH } from './auth-endpoints.js';
import {
  CALLBACK_URIS,
  ENVIRONMENT_NAMES,
  type ApiDescription,
  type AuthScheme,
  type EnvironmentDef,
  type ParamDef,
  type RequestDef,
} from './model.js';
import { pointerOf } from './problem.js';
import type { RawDescription, RawEnvironment, RawParam, RawRequest } from './raw.js';

export const DEFAULT_RESPONSE_TIME_MS = 5000;

function normaliseParams(params: Record<string, RawParam> | undefined, required: boolean): Record<string, ParamDef> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, p]) => [
      name,
      {
        ...(p.example !== undefined ? { example: p.example } : {}),
        ...(p.variable !== undefined ? { variable: p.variable } : {}),
        description: p.description ?? '',
        required: p.required ?? required,
      },
    ]),
  );
}

function normaliseRequest(request: RawRequest, pointer: string): RequestDef {
  return {
    name: request.name,
    method: request.method,
    path: request.path,
    description: request.description ?? '',
    scopes: request.scopes ?? [],
    public: request.public ?? false,
    parameters: {
      path: normaliseParams(request.parameters?.path, true),
      query: normaliseParams(request.parameters?.query, false),
      header: normaliseParams(request.parameters?.header, false),
    },
    ...(request.body
      ? {
          body: {
            contentType: request.body.contentType ?? 'application/json',
            example: request.body.example,
            ...(request.body.schema !== undefined ? { schema: request.body.schema } : {}),
            variables: request.body.variables ?? {},
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(request.responses).map(([status, r]) => [
        status,
        {
          description: r.description ?? '',
          ...(r.schema !== undefined ? { schema: r.schema } : {}),
          ...(r.example !== undefined ? { example: r.example } : {}),
          headers: r.headers ?? [],
        },
      ]),
    ),
    capture: request.capture ?? {},
    ...(request.responseTimeMs !== undefined ? { responseTimeMs: request.responseTimeMs } : {}),
    mock: { sets: request.mock?.sets ?? {} },
    pointer,
  };
}

function normaliseEnvironment(name: EnvironmentDef['name'], env: RawEnvironment): EnvironmentDef {
  return {
    name,
    authServerUrl: env.authServerUrl.replace(/\/+$/, ''),
    ...(env.authorizeServerUrl !== undefined ? { authorizeServerUrl: env.authorizeServerUrl.replace(/\/+$/, '') } : {}),
    apiBaseUrl: env.apiBaseUrl.replace(/\/+$/, ''),
    variables: Object.fromEntries(Object.entries(env.variables ?? {}).map(([k, v]) => [k, String(v)])),
  };
}

function normaliseScheme(auth: RawDescription['auth']): AuthScheme {
  const type = auth.scheme ?? 'oauth2';
  // Semantics has checked that an API key has both.
  return type === 'apiKey' ? { type, in: auth.in ?? 'header', name: auth.name ?? '' } : { type };
}

/** Applies defaults to a description that passed every check. */
export function normalise(raw: RawDescription, source: string): ApiDescription {
  const callback = raw.auth.callback ?? 'desktop';
  return {
    source,
    info: { name: raw.info.name, version: raw.info.version, description: raw.info.description ?? '' },
    environments: Object.fromEntries(
      ENVIRONMENT_NAMES.map((name) => [name, normaliseEnvironment(name, raw.environments[name])]),
    ) as ApiDescription['environments'],
    auth: {
      scheme: normaliseScheme(raw.auth),
      grant: 'authorization_code_with_pkce',
      challengeMethod: 'S256',
      clientAuthentication: 'basic',
      callback,
      redirectUri: raw.auth.redirectUri ?? CALLBACK_URIS[callback],
      tokenName: raw.auth.tokenName ?? `${raw.info.name} access token`,
      authorizePath: raw.auth.authorizePath ?? DEFAULT_AUTHORIZE_PATH,
      tokenPath: raw.auth.tokenPath ?? DEFAULT_TOKEN_PATH,
      ...(raw.auth.refreshPath !== undefined ? { refreshPath: raw.auth.refreshPath } : {}),
    },
    defaults: {
      responseTimeMs: raw.defaults?.responseTimeMs ?? DEFAULT_RESPONSE_TIME_MS,
      negative: raw.defaults?.negative ?? true,
    },
    scopes: Object.fromEntries(
      Object.entries(raw.scopes).map(([name, s]) => [
        name,
        { description: s.description, confidence: s.confidence ?? 'documented' },
      ]),
    ),
    schemas: raw.schemas ?? {},
    folders: raw.folders.map((folder, f) => ({
      name: folder.name,
      description: folder.description ?? '',
      requests: folder.requests.map((request, r) => normaliseRequest(request, pointerOf('folders', f, 'requests', r))),
    })),
  };
}
