// @ts-nocheck
import { expectedStatus, ITEM_ACTION_SEGMENT, type ApiDescription, type RequestDef } from '../description/index.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the mock does for a request, derived from its path and its success example:
 * - `list`: GET of a collection path (`/v1/vendors`) or POST of a collection action
 *   (`/v1/vendors:search`) whose example is `{data: [...]}`;
 * - `create`: POST of a collection path whose example is `{data: {...}}`;
 * - `get` / `update` / `delete`: GET, PUT or PATCH, DELETE of an item path (`/v1/vendors/{id}`);
 * - `action`: POST of an item action (`/v1/vendors/{id}:archive`): 404 for an unknown id, else the
 *   example, after writing the request's `mock.sets` and its JSON body's fields onto the record;
 * - `introspect`: GET of `…/introspect` whose example is `{data: {scope, …}}`: the example with the
 *   calling token's client id and scopes;
 * - `example`: anything else, served as its example.
 */
export type Operation =
  | { kind: 'introspect' }
  | { kind: 'list'; collection: string }
  | { kind: 'create'; collection: string }
  | { kind: ItemOperationKind; collection: string; idParam: string }
  | { kind: 'example' };
export type ItemOperationKind = 'get' | 'update' | 'delete' | 'action';

const LITERAL = /^[^{}:]+$/;
const COLLECTION_ACTION = /^([^{}:]+):[A-Za-z][\w-]*$/;
const ITEM = /^\{([^{}]+)\}$/;

export function successExample(request: RequestDef): unknown {
  return request.responses[String(expectedStatus(request))]?.example;
}

const isListExample = (example: unknown): boolean => isObject(example) && Array.isArray(example.data);
const isItemExample = (example: unknown): boolean => isObject(example) && isObject(example.data);

/** The operation of a request before knowing whether its collection has ids (see `resourceModel`). */
function classify(request: RequestDef): Operation {
  const segments = request.path.split('/');
  const last = segments.at(-1) ?? '';
  const parent = segments.slice(0, -1).join('/');
  const parentIsCollection = LITERAL.test(segments.at(-2) ?? '');
  const example = successExample(request);
  const { method } = request;
  if (LITERAL.test(last)) {
    if (
      method === 'GET' &&
      last === 'introspect' &&
      isObject(example) &&
      isObject(example.data) &&
      'scope' in example.data
    )
      return { kind: 'introspect' };
    if (method === 'GET' && isListExample(example)) return { kind: 'list', collection: request.path };
    if (method === 'POST' && isItemExample(example)) return { kind: 'create', collection: request.path };
    return { kind: 'example' };
  }
  const action = COLLECTION_ACTION.exec(last);
  if (action?.[1] !== undefined) {
    return method === 'POST' && isListExample(example)
      ? { kind: 'list', collection: `${parent}/${action[1]}` }
      : { kind: 'example' };
  }
  const item = ITEM.exec(last) ?? ITEM_ACTION_SEGMENT.exec(last);
  if (item?.[1] === undefined || !parentIsCollection) return { kind: 'example' };
  const idParam = item[1];
  if (ITEM_ACTION_SEGMENT.test(last))
    return method === 'POST' ? { kind: 'action', collection: parent, idParam } : { kind: 'example' };
  if (method === 'GET')
    return isItemExample(example) ? { kind: 'get', collection: parent, idParam } : { kind: 'example' };
  if (method === 'PUT' || method === 'PATCH') return { kind: 'update', collection: parent, idParam };
  if (method === 'DELETE') return { kind: 'delete', collection: parent, idParam };
  return { kind: 'example' };
}

const TOP_LEVEL = /^\/([^/{}]+)\/([^/{}:]+)$/;

/**
 * A top-level collection with no create of its own (`/v0/tags`) whose records are created under a
 * parent (`POST /v0/tag-groups/{groupId}/tags`), as Pleo's tags are: its operations use the nested
 * collection, so `GET`/`DELETE /v0/tags/{tagId}` find the tag a suite created. Only when exactly one
 * nested create of that name exists under the same version.
 */
function nestedCreatesShared(raw: Map<RequestDef, Operation>): Map<RequestDef, Operation> {
  const creates = new Set([...raw.values()].flatMap((op) => (op.kind === 'create' ? [op.collection] : [])));
  const alias = new Map<string, string>();
  for (const op of raw.values()) {
    const top = 'collection' in op ? TOP_LEVEL.exec(op.collection) : null;
    if (!top || !('collection' in op) || creates.has(op.collection) || alias.has(op.collection)) continue;
    const [, version, name] = top;
    const nested = [...creates].filter((c) => {
      const parts = c.split('/');
      return parts.length === 5 && parts[1] === version && ITEM.test(parts[3] ?? '') && parts[4] === name;
    });
    if (nested.length === 1 && nested[0] !== undefined) alias.set(op.collection, nested[0]);
  }
  return new Map(
    [...raw].map(([request, op]): [RequestDef, Operation] => {
      const to = 'collection' in op ? alias.get(op.collection) : undefined;
      return [request, to === undefined || !('collection' in op) ? op : { ...op, collection: to }];
    }),
  );
}

export const hasId = (record: unknown): record is JsonObject & { id: string | number } =>
  isObject(record) && (typeof record.id === 'string' || typeof record.id === 'number');

export interface ResourceModel {
  operations: Map<RequestDef, Operation>;
  /** The first 404 example with a `type` among each collection's requests, for those without their own. */
  notFound: Map<string, JsonObject>;
  /** Initial records of each collection: items of its list examples and `data` of its get examples. */
  seeds: Map<string, JsonObject[]>;
}

/**
 * Derives the store's collections from the description. Item operations of a collection with no
 * id-bearing example (neither seeded records nor a create example with `data.id`) cannot look
 * anything up, so they fall back to serving their examples.
 */
export function resourceModel(spec: ApiDescription): ResourceModel {
  const requests = spec.folders.flatMap((f) => f.requests);
  const raw = nestedCreatesShared(new Map(requests.map((r) => [r, classify(r)])));
  const seeds = new Map<string, JsonObject[]>();
  const add = (collection: string, record: unknown): void => {
    if (!isObject(record)) return;
    const list = seeds.get(collection) ?? [];
    seeds.set(collection, list);
    if (hasId(record) && list.some((r) => hasId(r) && String(r.id) === String(record.id))) return;
    list.push(structuredClone(record));
  };
  // Get examples first: they are the fullest form of a record; list items with the same id are skipped.
  for (const [request, op] of raw) {
    const example = successExample(request);
    if (op.kind === 'get' && isObject(example)) add(op.collection, example.data);
  }
  for (const [request, op] of raw) {
    const example = successExample(request);
    if (op.kind === 'list' && isObject(example) && Array.isArray(example.data))
      for (const item of example.data) add(op.collection, item);
  }
  const keyed = new Set<string>();
  for (const [collection, records] of seeds) if (records.some(hasId)) keyed.add(collection);
  for (const [request, op] of raw) {
    const example = successExample(request);
    if (op.kind === 'create' && isObject(example) && hasId(example.data)) keyed.add(op.collection);
  }
  const operations = new Map(
    [...raw].map(([request, op]): [RequestDef, Operation] =>
      'idParam' in op && !keyed.has(op.collection) ? [request, { kind: 'example' }] : [request, op],
    ),
  );
  const notFound = new Map<string, JsonObject>();
  for (const [request, op] of raw) {
    const example = request.responses['404']?.example;
    if ('collection' in op && isObject(example) && typeof example.type === 'string' && !notFound.has(op.collection))
      notFound.set(op.collection, example);
  }
  return { operations, seeds, notFound };
}
