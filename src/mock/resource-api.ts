import OAuth2Server from '@node-oauth/oauth2-server';
import { isDeepStrictEqual } from 'node:util';
import {
  expectedStatus,
  isPleoErrorShape,
  isUuid,
  uuidPathParameters,
  type ApiDescription,
  type AuthScheme,
  type RequestDef,
} from '../description/index.js';
import { checkCredentials } from './credentials.js';
import { exampleIds, unknownAddressedId } from './example-ids.js';
import { decodeUtf8, headerValue, JSON_CONTENT_TYPE, mediaType, type MockRequest, type MockResponse } from './http.js';
import { pleoError, runOperation, type Caller, type OperationResult, type RecordStore } from './operations.js';
import { isObject, resourceModel, successExample, type JsonObject, type Operation } from './resource-model.js';
import { compileRoutes, matchRoute, type Route } from './routes.js';
import { createValidators, describeValidationError, type Validators } from './schemas.js';
import type { TamperContext, TamperResult } from './types.js';

export const BEARER_REALM = 'realm="pleo-postman local mock"';

export interface ResourceApi {
  routes: Route[];
  operations: Map<RequestDef, Operation>;
  notFound: Map<string, JsonObject>;
  /** The ids the examples know: a request served from its examples answers 404 to any other (example-ids.ts). */
  exampleIds: Set<string>;
  store: RecordStore;
  validators: Validators;
  /** The description's auth scheme: OAuth 2.0 tokens of this mock, or fixed credentials (credentials.ts). */
  scheme: AuthScheme;
}

/**
 * What the resource handlers need of the running mock (its MockContext, context.ts, has all of it):
 * declared here, so that this module does not import the context that creates it.
 */
export interface ResourceContext {
  oauth: OAuth2Server;
  api: ResourceApi;
  tamper: (ctx: TamperContext) => TamperResult;
  enforceScopes: (request: RequestDef) => boolean;
  /** Accept what the contract forbids (see MockOptions.lenient). */
  lenient?: boolean;
}

/** Routes, operations and a fresh in-memory store seeded from the examples. */
export function createResourceApi(spec: ApiDescription): ResourceApi {
  const model = resourceModel(spec);
  const store: RecordStore = new Map(
    [...model.seeds].map(([collection, records]) => [collection, structuredClone(records)]),
  );
  return {
    routes: compileRoutes(spec),
    operations: model.operations,
    notFound: model.notFound,
    exampleIds: exampleIds(spec),
    store,
    validators: createValidators(spec),
    scheme: spec.auth.scheme,
  };
}

/** JSON nested deeper than this is refused: the mock echoes bodies, and deep values overflow JSON.stringify. */
export const MAX_JSON_DEPTH = 64;

function tooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

type ParsedBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'unsupported' }
  | { kind: 'invalid'; reason: string };

const isJsonType = (type: string): boolean => type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);

function parseBody(req: MockRequest, request: RequestDef): ParsedBody {
  if (req.body.length === 0) return { kind: 'none' };
  const got = mediaType(headerValue(req.headers, 'content-type'));
  const want = mediaType(request.body?.contentType ?? 'application/json')?.type ?? 'application/json';
  if (!got || got.type !== want || (got.charset !== undefined && got.charset !== 'utf-8'))
    return { kind: 'unsupported' };
  if (!isJsonType(want)) return { kind: 'json', value: undefined };
  const text = decodeUtf8(req.body);
  if (text === undefined) return { kind: 'invalid', reason: 'the request body is not valid UTF-8' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'the request body is not valid JSON' };
  }
  return tooDeep(value)
    ? { kind: 'invalid', reason: `body: nested deeper than ${MAX_JSON_DEPTH} levels` }
    : { kind: 'json', value };
}

/** Two requests on one method and path (two events on one endpoint): the one whose example the body resembles. */
function chooseCandidate(candidates: Array<{ route: Route; params: Record<string, string> }>, req: MockRequest) {
  const score = (request: RequestDef): number => {
    const parsed = parseBody(req, request);
    const example = request.body?.example;
    if (parsed.kind !== 'json' || !isObject(parsed.value) || !isObject(example)) return 0;
    const body = parsed.value;
    return Object.keys(example).filter((key) => isDeepStrictEqual(body[key], example[key])).length;
  };
  return candidates.reduce((best, c) => (score(c.route.request) > score(best.route.request) ? c : best));
}

/**
 * Who calls, or why the call is refused: the bearer token (401), then the scopes the request needs
 * (403). Answers in Pleo's error shape with RFC 6750 challenges. A public request, or a scheme other
 * than OAuth 2.0, has no caller: the scheme's fixed credentials (401 without them), or nothing.
 * @see [RFC 6750 §3](https://www.rfc-editor.org/rfc/rfc6750.html#section-3)
 */
async function authorise(
  ctx: ResourceContext,
  req: MockRequest,
  query: URLSearchParams,
  request: RequestDef,
): Promise<{ denied: OperationResult } | { caller?: Caller }> {
  const scheme = ctx.api.scheme;
  if (request.public || scheme.type === 'none') return {};
  if (scheme.type !== 'oauth2') {
    const denied = checkCredentials(scheme, req, query);
    return denied ? { denied } : {};
  }
  const token = await bearerToken(ctx, req, query);
  if (!('accessToken' in token)) return { denied: token };
  const granted = token.scope ?? [];
  const caller = { clientId: token.client.id, scopes: granted };
  if (request.scopes.length === 0 || !ctx.enforceScopes(request)) return { caller };
  const missing = request.scopes.filter((s) => !granted.includes(s));
  if (missing.length === 0) return { caller };
  return {
    denied: pleoError(403, 'FORBIDDEN', `the access token lacks the scope ${missing.join(' ')}`, {
      'WWW-Authenticate': `Bearer ${BEARER_REALM}, error="insufficient_scope", scope="${request.scopes.join(' ')}"`,
    }),
  };
}

/** The bearer token as @node-oauth/oauth2-server checks it (lookup, expiry; the model refuses revoked tokens), or a 401. */
async function bearerToken(
  ctx: ResourceContext,
  req: MockRequest,
  query: URLSearchParams,
): Promise<OAuth2Server.Token | OperationResult> {
  const raw = headerValue(req.headers, 'authorization');
  const headers: Record<string, string> =
    raw === undefined ? {} : { authorization: raw.replace(/^bearer +/i, 'Bearer ') };
  try {
    return await ctx.oauth.authenticate(
      new OAuth2Server.Request({ method: req.method, headers, query: Object.fromEntries(query), body: {} }),
      new OAuth2Server.Response(),
    );
  } catch (error) {
    if (error instanceof OAuth2Server.UnauthorizedRequestError) {
      return pleoError(401, 'UNAUTHORIZED', 'an access token is required', {
        'WWW-Authenticate': `Bearer ${BEARER_REALM}`,
      });
    }
    if (error instanceof OAuth2Server.InvalidTokenError || error instanceof OAuth2Server.InvalidRequestError) {
      return pleoError(401, 'UNAUTHORIZED', 'the access token is invalid, expired or revoked', {
        'WWW-Authenticate': `Bearer ${BEARER_REALM}, error="invalid_token", error_description="The access token is invalid, expired or revoked"`,
      });
    }
    throw error;
  }
}

/** A path id that is no UUID where the request's example is one, when the request documents a 400 for it (Pleo validates ids before bodies). */
function checkPathFormats(request: RequestDef, params: Readonly<Record<string, string>>): OperationResult | undefined {
  if (request.responses['400'] === undefined) return undefined;
  const wrong = uuidPathParameters(request).find((name) => params[name] !== undefined && !isUuid(params[name]));
  return wrong === undefined ? undefined : pleoError(400, 'VALIDATION_FAILED', `${wrong}: must be a UUID`);
}

function checkBody(validators: Validators, request: RequestDef, parsed: ParsedBody): OperationResult | undefined {
  if (!request.body) return undefined;
  switch (parsed.kind) {
    case 'none':
      return pleoError(400, 'VALIDATION_FAILED', 'body: the request body is required');
    case 'unsupported':
      return pleoError(415, 'UNSUPPORTED_MEDIA_TYPE', `send the body as ${request.body.contentType} in UTF-8`);
    case 'invalid':
      return pleoError(400, 'VALIDATION_FAILED', parsed.reason);
    case 'json': {
      const validate = validators.body(request);
      if (validate === undefined || validate(parsed.value)) return undefined;
      return pleoError(400, 'VALIDATION_FAILED', describeValidationError(validate.errors?.[0]));
    }
    default:
      throw new Error(`unexpected body ${JSON.stringify(parsed)}`);
  }
}

/** Applies the tamper hook and the declared response headers; 204 and bodiless answers send no body. */
function finish(ctx: ResourceContext, request: RequestDef, result: OperationResult): MockResponse {
  const tampered = ctx.tamper({ request, status: result.status, body: result.body });
  const { status, body } = tampered ?? result;
  const headers: Record<string, string> = { ...result.headers };
  const hasBody = status !== 204 && status !== 304 && body !== undefined;
  if (hasBody) headers['Content-Type'] = JSON_CONTENT_TYPE;
  for (const name of request.responses[String(status)]?.headers ?? []) {
    if (Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase())) continue;
    headers[name] = name.toLowerCase() === 'content-type' ? JSON_CONTENT_TYPE : 'pleo-postman-mock';
  }
  return { status, headers, ...(hasBody ? { body: JSON.stringify(body) } : {}) };
}

/**
 * Serves a request of the description: route (404 unknown path, 405 wrong method), bearer token
 * (401), scopes (403), path ids (400 where a UUID is documented by its example), body (415, 400
 * VALIDATION_FAILED naming the field), then the store.
 */
export async function handleResourceRequest(ctx: ResourceContext, req: MockRequest): Promise<MockResponse> {
  const match = matchRoute(ctx.api.routes, req.method, req.pathname);
  if (match.kind === 'not-found') {
    return {
      status: 404,
      headers: { 'Content-Type': JSON_CONTENT_TYPE },
      body: JSON.stringify({ type: 'NOT_FOUND', message: 'no such endpoint' }),
    };
  }
  if (match.kind === 'method-not-allowed') {
    return {
      status: 405,
      headers: { 'Content-Type': JSON_CONTENT_TYPE, Allow: match.allow.join(', ') },
      body: JSON.stringify({ type: 'METHOD_NOT_ALLOWED', message: `use ${match.allow.join(' or ')}` }),
    };
  }
  const { route, params } = chooseCandidate(match.candidates, req);
  const request = route.request;
  const query = new URLSearchParams(req.search);
  const parsed = parseBody(req, request);
  const auth = await authorise(ctx, req, query, request);
  const op = ctx.api.operations.get(request) ?? { kind: 'example' };
  const unknownId = op.kind === 'example' ? unknownAddressedId(request, params, ctx.api.exampleIds) : undefined;
  const result =
    ('denied' in auth ? auth.denied : undefined) ??
    (ctx.lenient ? undefined : inDocumentedShape(request, checkPathFormats(request, params))) ??
    (ctx.lenient ? undefined : inDocumentedShape(request, checkBody(ctx.api.validators, request, parsed))) ??
    (unknownId !== undefined ? unknownExampleAnswer(request, unknownId) : undefined) ??
    inDocumentedShape(
      request,
      runOperation(ctx.api.store, ctx.api.validators, ctx.api.notFound, {
        request,
        op,
        params,
        query,
        body: parsed.kind === 'json' ? parsed.value : undefined,
        ...('caller' in auth && auth.caller ? { caller: auth.caller } : {}),
      }),
    );
  return finish(ctx, request, ctx.lenient && result.status === 404 ? lenientAnswer(request) : result);
}

/**
 * A refusal in the shape the description documents for it: Pleo's `{type, message}` naming the field,
 * unless the request documents its own error example of another shape (another API's `{code, message}`),
 * which it then answers with.
 */
function inDocumentedShape<T extends OperationResult | undefined>(request: RequestDef, refusal: T): T {
  if (refusal === undefined || refusal.status < 400) return refusal;
  const example = request.responses[String(refusal.status)]?.example;
  return example === undefined || isPleoErrorShape(example) ? refusal : { ...refusal, body: example };
}

/** A request served from its examples, for an id no example knows: its documented 404, else Pleo's. */
function unknownExampleAnswer(request: RequestDef, id: string): OperationResult {
  const example = request.responses['404']?.example;
  return example !== undefined
    ? { status: 404, body: example }
    : pleoError(404, 'NOT_FOUND', `no record ${id}: the examples know no such id`);
}

/** What a lenient API answers to an unknown id: the success example, as if it were known. */
function lenientAnswer(request: RequestDef): OperationResult {
  return { status: expectedStatus(request), body: successExample(request) };
}
