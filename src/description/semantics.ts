import { collectRefs, schemaNameOfRef } from './json-schema.js';
import { createSchemaCompiler, type CompileSchema } from './schema-compiler.js';
import { schemaErrors } from './schema-check.js';
import { error, escapePointerSegment, pointerOf, type Problem } from './problem.js';
import { readValuePath } from './value-path.js';
import { bodyVariableTemplate, ITEM_ACTION_SEGMENT, templateVariables } from './model.js';
import type { RawDescription, RawRequest } from './raw.js';
import { didYouMean } from './structure.js';
import { checkProductionValues } from './production-values.js';
import { DEFAULT_AUTHORIZE_PATH, DEFAULT_TOKEN_PATH, introspectionPath } from './auth-endpoints.js';
import { LOCAL_CALLBACK_PATH } from '../shared/local-pleo.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Path placeholders of a request path: `/v1/vendors/{vendorId}` → `["vendorId"]`. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
}

/** An API key names where it goes and under what name; the other schemes name neither. */
function checkScheme(raw: RawDescription): Problem[] {
  const { scheme = 'oauth2' } = raw.auth;
  const given = (['in', 'name'] as const).filter((key) => raw.auth[key] !== undefined);
  if (scheme === 'apiKey') {
    return (['in', 'name'] as const)
      .filter((key) => raw.auth[key] === undefined)
      .map((key) =>
        error(
          'API_KEY_INCOMPLETE',
          '/auth',
          `auth scheme "apiKey" needs "${key}"`,
          'give "in" (header, query or cookie) and "name" (the header, parameter or cookie that carries the key)',
        ),
      );
  }
  return given.map((key) => ({
    ...error(
      'AUTH_KEY_UNUSED',
      `/auth/${key}`,
      `"${key}" applies to the "apiKey" scheme only, not "${scheme}"`,
      'remove it, or set "scheme: apiKey"',
    ),
    atKey: true,
  }));
}

function checkAuth(raw: RawDescription): Problem[] {
  const problems: Problem[] = [...checkScheme(raw)];
  const { challengeMethod = 'S256', clientAuthentication = 'basic', redirectUri } = raw.auth;
  if (challengeMethod !== 'S256') {
    problems.push(
      error(
        'PKCE_METHOD',
        '/auth/challengeMethod',
        `code challenge method "${challengeMethod}" is not accepted by Pleo`,
        'use "S256": Pleo refuses "plain" and every other method',
      ),
    );
  }
  if (clientAuthentication !== 'basic') {
    problems.push(
      error(
        'CLIENT_AUTH',
        '/auth/clientAuthentication',
        `client authentication "${clientAuthentication}" is not accepted by Pleo`,
        'use "basic": Pleo accepts client_secret_basic (credentials in a Basic Authorization header) only',
      ),
    );
  }
  if (redirectUri !== undefined) {
    if (redirectUri.includes('*')) {
      problems.push(
        error(
          'REDIRECT_WILDCARD',
          '/auth/redirectUri',
          `redirect URI "${redirectUri}" contains a wildcard`,
          'Pleo matches redirect URIs exactly: give the one registered URI, without "*"',
        ),
      );
    } else if (!redirectUri.startsWith('https://') && !LOOPBACK_HOSTS.has(hostOf(redirectUri) ?? '')) {
      problems.push(
        error(
          'REDIRECT_NOT_HTTPS',
          '/auth/redirectUri',
          `redirect URI "${redirectUri}" is not HTTPS`,
          'Pleo requires HTTPS redirect URIs except for localhost',
        ),
      );
    }
  }
  return problems;
}

function checkEnvironments(raw: RawDescription): Problem[] {
  const problems: Problem[] = [];
  for (const env of ['staging', 'production'] as const) {
    for (const key of ['authServerUrl', 'authorizeServerUrl', 'apiBaseUrl'] as const) {
      const url = raw.environments[env][key];
      if (url !== undefined && !url.startsWith('https://')) {
        problems.push(
          error(
            'URL_NOT_HTTPS',
            pointerOf('environments', env, key),
            `${env} ${key} "${url}" is not HTTPS`,
            'only the "local" environment may use http://; Pleo serves staging and production over HTTPS',
          ),
        );
      }
    }
  }
  return problems;
}

function checkSchemas(raw: RawDescription): Problem[] {
  const problems: Problem[] = [];
  for (const [name, schema] of Object.entries(raw.schemas ?? {})) {
    const errors = schemaErrors(schema);
    if (errors.length > 0) {
      for (const e of errors) {
        problems.push(
          error(
            'SCHEMA_INVALID',
            `${pointerOf('schemas', name)}${e.instancePath}`,
            `schema "${name}" is not a valid JSON Schema (draft-07): ${e.instancePath || 'root'} ${e.message ?? ''}`.trim(),
          ),
        );
      }
    }
    problems.push(...checkRefs(raw, schema, pointerOf('schemas', name)));
  }
  return problems;
}

/** Whether `schemas` has a schema of that name: a look-up, not a scan (thousands of names, thousands of refs). */
const hasSchema = (raw: RawDescription, name: string): boolean =>
  raw.schemas !== undefined && Object.hasOwn(raw.schemas, name);

function checkRefs(raw: RawDescription, schema: unknown, base: string): Problem[] {
  return collectRefs(schema).flatMap(({ ref, pointer }) => {
    const name = schemaNameOfRef(ref);
    if (name !== undefined && hasSchema(raw, name)) return [];
    const guess = name !== undefined ? didYouMean(name, Object.keys(raw.schemas ?? {})) : undefined;
    return [
      error(
        'REF_UNDEFINED',
        `${base}${pointer}`,
        `$ref "${ref}" points at no schema`,
        guess ? `did you mean "#/schemas/${guess}"?` : `refer to a schema under "schemas" as "#/schemas/Name"`,
      ),
    ];
  });
}

function checkSchemaRef(raw: RawDescription, ref: string | Record<string, unknown>, at: string): Problem[] {
  if (typeof ref === 'string') {
    if (hasSchema(raw, ref)) return [];
    const guess = didYouMean(ref, Object.keys(raw.schemas ?? {}));
    return [
      error(
        'REF_UNDEFINED',
        at,
        `schema "${ref}" is not defined under "schemas"`,
        guess ? `did you mean "${guess}"?` : undefined,
      ),
    ];
  }
  const problems = checkRefs(raw, ref, at);
  const errors = schemaErrors(ref);
  if (errors.length > 0) {
    problems.push(
      ...errors.map((e) =>
        error(
          'SCHEMA_INVALID',
          `${at}${e.instancePath}`,
          `not a valid JSON Schema (draft-07): ${e.instancePath || 'root'} ${e.message ?? ''}`.trim(),
        ),
      ),
    );
  }
  return problems;
}

function checkExample(
  example: unknown,
  ref: string | Record<string, unknown>,
  at: string,
  compile: CompileSchema,
): Problem[] {
  const validate = compile(ref);
  if (validate(example)) return [];
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((e) =>
      error(
        'EXAMPLE_INVALID',
        `${at}${e.instancePath}`,
        `example does not match its schema: ${e.instancePath || 'root'} ${e.message ?? ''}`.trim(),
        'fix the example or the schema: the mock serves the example and the contract test checks it against the schema',
      ),
    );
}

/** `compile` is undefined when the named schemas are broken: examples are then not checked. */
function checkRequest(
  raw: RawDescription,
  request: RawRequest,
  at: string,
  compile: CompileSchema | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const [i, scope] of (request.scopes ?? []).entries()) {
    if (!Object.hasOwn(raw.scopes, scope)) {
      const guess = didYouMean(scope, Object.keys(raw.scopes));
      problems.push(
        error(
          'SCOPE_UNKNOWN',
          `${at}/scopes/${i}`,
          `scope "${scope}" is not in the scopes catalogue`,
          guess
            ? `did you mean "${guess}"? Otherwise add it under "scopes"`
            : 'add it under "scopes" with what it allows',
        ),
      );
    }
  }
  if (request.public && (request.scopes ?? []).length > 0) {
    problems.push({
      ...error(
        'PUBLIC_WITH_SCOPES',
        `${at}/public`,
        'a public request needs no scopes',
        'remove "scopes", or "public: true" if the request needs a token',
      ),
      atKey: true,
    });
  }
  const declared = request.parameters?.path ?? {};
  const placeholders = pathParameterNames(request.path);
  for (const name of placeholders) {
    const param = declared[name];
    if (!param || (param.example === undefined && param.variable === undefined)) {
      problems.push(
        error(
          'PATH_PARAM_NO_VALUE',
          `${at}/path`,
          `path parameter "{${name}}" has no value`,
          `add parameters.path.${name} with an "example" (and a "variable" if an earlier request captures it)`,
        ),
      );
    }
  }
  for (const name of Object.keys(declared)) {
    if (!placeholders.includes(name)) {
      problems.push({
        ...error(
          'PATH_PARAM_UNUSED',
          `${at}/parameters/path/${name}`,
          `path parameter "${name}" does not appear in path "${request.path}"`,
          `write it in the path as "{${name}}", or remove it`,
        ),
        atKey: true,
      });
    }
  }
  if (!Object.keys(request.responses).some((status) => status.startsWith('2'))) {
    problems.push(
      error(
        'NO_SUCCESS_RESPONSE',
        `${at}/responses`,
        'request has no 2xx response',
        'add the response a successful call returns',
      ),
    );
  }
  for (const [status, response] of Object.entries(request.responses)) {
    if (response.schema === undefined) continue;
    const where = `${at}/responses/${status}`;
    const refProblems = checkSchemaRef(raw, response.schema, `${where}/schema`);
    problems.push(...refProblems);
    if (compile && refProblems.length === 0 && response.example !== undefined) {
      problems.push(...checkExample(response.example, response.schema, `${where}/example`, compile));
    }
  }
  for (const [path, variable] of Object.entries(request.body?.variables ?? {})) {
    if (typeof readValuePath(request.body?.example, path) !== 'string') {
      problems.push({
        ...error(
          'BODY_VARIABLE_PATH',
          `${at}/body/variables/${escapePointerSegment(path)}`,
          `body variable path "${path}" does not point at a string in the body example`,
          `name a string field of the example, e.g. "companyId" or "items[0].id"; {{${variable}}} is sent in its place`,
        ),
        atKey: true,
      });
    }
  }
  const lastSegment = request.path.split('/').at(-1) ?? '';
  if (request.mock?.sets !== undefined && !(request.method === 'POST' && ITEM_ACTION_SEGMENT.test(lastSegment))) {
    problems.push({
      ...error(
        'MOCK_SETS_NOT_ACTION',
        `${at}/mock/sets`,
        'mock.sets applies to item actions only',
        'use it on a POST to /things/{id}:verb (such as :archive); creates and updates write their body already',
      ),
      atKey: true,
    });
  }
  if (request.body?.schema !== undefined) {
    const refProblems = checkSchemaRef(raw, request.body.schema, `${at}/body/schema`);
    problems.push(...refProblems);
    if (compile && refProblems.length === 0)
      problems.push(...checkExample(request.body.example, request.body.schema, `${at}/body/example`, compile));
  }
  return problems;
}

/** A variable that no request captures and no environment defines is a warning: the example is sent instead. */
function checkVariables(request: RawRequest, at: string, known: ReadonlySet<string>): Problem[] {
  const uses: Array<{ variable: string | undefined; pointer: string }> = [
    ...(['path', 'query', 'header'] as const).flatMap((where) =>
      Object.entries(request.parameters?.[where] ?? {}).map(([name, p]) => ({
        variable: p.variable,
        pointer: `${at}/parameters/${where}/${escapePointerSegment(name)}/variable`,
      })),
    ),
    ...Object.entries(request.body?.variables ?? {}).flatMap(([path, value]) =>
      templateVariables(bodyVariableTemplate(value)).map((variable) => ({
        variable,
        pointer: `${at}/body/variables/${escapePointerSegment(path)}`,
      })),
    ),
  ];
  return uses
    .filter(({ variable }) => variable !== undefined && !known.has(variable))
    .map(
      ({ variable, pointer }): Problem => ({
        severity: 'warning',
        code: 'VARIABLE_UNKNOWN',
        pointer,
        message: `variable "${variable}" is captured by no request and set by no environment; the example value is used until you set it`,
      }),
    );
}

function checkFolders(raw: RawDescription, checkExamples: boolean): Problem[] {
  const problems: Problem[] = [];
  // Examples are checked only against schemas that are themselves valid.
  const compile = checkExamples ? createSchemaCompiler(raw.schemas ?? {}, { allErrors: true }) : undefined;
  const folderNames = new Set<string>();
  const known = new Set([
    ...raw.folders.flatMap((f) => f.requests.flatMap((r) => Object.keys(r.capture ?? {}))),
    ...Object.values(raw.environments).flatMap((env) => Object.keys(env.variables ?? {})),
  ]);
  for (const [f, folder] of raw.folders.entries()) {
    if (folderNames.has(folder.name)) {
      problems.push(
        error(
          'DUPLICATE_FOLDER',
          pointerOf('folders', f, 'name'),
          `folder name "${folder.name}" is used twice`,
          'give each folder its own name',
        ),
      );
    }
    folderNames.add(folder.name);
    const requestNames = new Set<string>();
    for (const [r, request] of folder.requests.entries()) {
      const at = pointerOf('folders', f, 'requests', r);
      if (requestNames.has(request.name)) {
        problems.push(
          error(
            'DUPLICATE_REQUEST',
            `${at}/name`,
            `request name "${request.name}" is used twice in folder "${folder.name}"`,
            'give each request of a folder its own name',
          ),
        );
      }
      requestNames.add(request.name);
      const requestProblems = checkRequest(raw, request, at, compile);
      problems.push(...requestProblems);
      problems.push(...checkVariables(request, at, known));
    }
  }
  return problems;
}

/** Checks what the JSON Schema cannot: Pleo's OAuth rules, references, names, examples. */
/** Paths the mock serves besides the two endpoints (its callback, its metadata, introspection): no endpoint may take one. */
const RESERVED_PATHS = [LOCAL_CALLBACK_PATH, '/.well-known/oauth-authorization-server'];

/**
 * The authorization and token endpoints (and a refresh endpoint of its own, if any) are paths the local
 * mock serves on the API's origin: the authorization endpoint's differs from the others, none takes one
 * of the mock's other paths, and no request of the description is one of them.
 */
function checkEndpoints(raw: RawDescription): Problem[] {
  const { authorizePath = DEFAULT_AUTHORIZE_PATH, tokenPath = DEFAULT_TOKEN_PATH, refreshPath } = raw.auth;
  const problems: Problem[] = [];
  const at = (key: 'authorizePath' | 'tokenPath' | 'refreshPath') =>
    raw.auth[key] !== undefined ? `/auth/${key}` : '/auth';
  for (const [key, path, name] of [
    ['tokenPath', tokenPath, 'token'],
    ['refreshPath', refreshPath, 'refresh'],
  ] as const)
    if (authorizePath === path)
      problems.push(
        error(
          'ENDPOINT_PATHS_SAME',
          at(key),
          `the authorization and ${name} endpoints share the path "${path}"`,
          `give each its own path, as the API documents them (authorizePath, ${key})`,
        ),
      );
  const endpoints = [
    ['authorizePath', authorizePath],
    ['tokenPath', tokenPath],
    ...(refreshPath !== undefined ? [['refreshPath', refreshPath] as const] : []),
  ] as const;
  for (const [key, path] of endpoints) {
    const taken = [...RESERVED_PATHS, ...(key !== 'tokenPath' ? [introspectionPath(tokenPath)] : [])];
    if (taken.includes(path))
      problems.push(
        error(
          'ENDPOINT_PATH_RESERVED',
          at(key),
          `${key} "${path}" is a path the local mock serves for itself`,
          `choose another path than ${taken.join(', ')}`,
        ),
      );
  }
  const endpointAt = (bare: string | undefined) =>
    bare === tokenPath
      ? 'token'
      : bare === authorizePath
        ? 'authorization'
        : bare === refreshPath
          ? 'refresh'
          : undefined;
  for (const [f, folder] of raw.folders.entries())
    for (const [r, request] of folder.requests.entries()) {
      const bare = request.path.split('?')[0];
      const endpoint = endpointAt(bare);
      if (endpoint)
        problems.push(
          error(
            'ENDPOINT_PATH_CLASH',
            pointerOf('folders', f, 'requests', r, 'path'),
            `request "${request.name}" is at the ${endpoint} endpoint's path "${bare}"`,
            'the collection gets its tokens itself: leave the request out, or give the endpoint its own path under auth',
          ),
        );
    }
  return problems;
}

/**
 * `examplesValidated`: the examples are known to match their schemas (the text is an intact import of
 * this importer's, which validated it as it wrote it: import-stamp.ts), so they are not compiled and
 * checked again; compiling the schemas is most of a large description's validation.
 */
export function checkSemantics(raw: RawDescription, examplesValidated = false): Problem[] {
  const schemaProblems = checkSchemas(raw);
  return [
    ...checkAuth(raw),
    ...checkEndpoints(raw),
    ...checkEnvironments(raw),
    ...checkProductionValues(raw),
    ...schemaProblems,
    ...checkFolders(raw, schemaProblems.length === 0 && !examplesValidated),
  ];
}
