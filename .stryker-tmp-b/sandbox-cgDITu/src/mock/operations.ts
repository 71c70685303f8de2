// @ts-nocheck
import { randomUUID } from 'node:crypto';
import { expectedStatus, type RequestDef } from '../description/index.js';
import { pageWindow, paginationObject, PAGINATION_PARAMS, readPageRequest } from './pagination.js';
import { hasId, isObject, successExample, type JsonObject, type Operation } from './resource-model.js';
import { overlayWhileValid, type Validators } from './schemas.js';

/** What a request of the description is answered with, before the tamper hook. */
export interface OperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Who called: the client and scopes of the bearer token. */
export interface Caller {
  clientId: string;
  scopes: readonly string[];
}

export interface OperationInput {
  request: RequestDef;
  op: Operation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller?: Caller;
}

/** Collection path → its records, in insertion order. Lives as long as the mock. */
export type RecordStore = Map<string, JsonObject[]>;

export const pleoError = (
  status: number,
  type: string,
  message: string,
  headers?: Record<string, string>,
): OperationResult => ({ status, body: { type, message }, ...(headers ? { headers } : {}) });

/**
 * 404 in the description's own words: the request's 404 example, else one of a sibling request on
 * the same collection (Get vendor's VENDOR_NOT_FOUND for Update vendor), else NOT_FOUND.
 */
function notFound(
  request: RequestDef,
  collection: string,
  id: string,
  siblings: Map<string, JsonObject>,
): OperationResult {
  const own = request.responses['404']?.example;
  const example = isObject(own) && typeof own.type === 'string' ? own : siblings.get(collection);
  const type = isObject(example) && typeof example.type === 'string' ? example.type : 'NOT_FOUND';
  const message =
    isObject(example) && typeof example.message === 'string' ? example.message : `no record ${id} in ${collection}`;
  return pleoError(404, type, message);
}

/** The fields a request's JSON body carries, if it is an object. */
const bodyFields = (body: unknown): JsonObject => (isObject(body) ? body : {});

/** The record with `changes` written over it; its id stays. */
const withChanges = (record: JsonObject, changes: JsonObject): JsonObject => ({ ...record, ...changes, id: record.id });

const findIndex = (records: JsonObject[], id: string): number =>
  records.findIndex((r) => hasId(r) && String(r.id) === id);

/** Runs one operation against the store; every body it builds is fitted to the response schema. */
export function runOperation(
  store: RecordStore,
  validators: Validators,
  notFoundExamples: Map<string, JsonObject>,
  input: OperationInput,
): OperationResult {
  const { request, op, params } = input;
  const status = expectedStatus(request);
  const example = successExample(request);
  const validate = validators.response(request, status);
  const frame = isObject(example) ? example : {};
  /** Fits a record to `data` of the example, keeping what the schema allows. */
  const fitData = (record: JsonObject): JsonObject => {
    const accept = (data: JsonObject): boolean => validate === undefined || validate({ ...frame, data });
    return accept(record) ? record : overlayWhileValid(isObject(frame.data) ? frame.data : {}, record, accept);
  };

  if (op.kind === 'example') return { status, body: example };
  if (op.kind === 'introspect') {
    const data = isObject(frame.data) ? frame.data : {};
    const caller = input.caller ? { clientId: input.caller.clientId, scope: input.caller.scopes.join(' ') } : {};
    return { status, body: { ...frame, data: fitData({ ...data, ...caller }) } };
  }
  const records = store.get(op.collection) ?? [];
  store.set(op.collection, records);
  if (op.kind === 'list') return listRecords(records, validators, input, status, frame);
  if (op.kind === 'create') {
    const template = isObject(frame.data) ? frame.data : {};
    const fromPath = Object.fromEntries(Object.entries(params).filter(([name]) => Object.hasOwn(template, name)));
    const record = fitData({ ...template, ...bodyFields(input.body), ...fromPath, id: randomUUID() });
    records.push(record);
    return { status, body: { ...frame, data: record } };
  }
  const id = params[op.idParam] ?? '';
  const index = findIndex(records, id);
  const record = records[index];
  if (record === undefined) return notFound(request, op.collection, id, notFoundExamples);
  switch (op.kind) {
    case 'get':
      return { status, body: { ...frame, data: fitData(record) } };
    case 'update': {
      const merged = withChanges(record, bodyFields(input.body));
      records[index] = merged;
      return { status, body: isObject(frame.data) ? { ...frame, data: fitData(merged) } : example };
    }
    case 'delete':
      records.splice(index, 1);
      return { status, body: example };
    case 'action':
      records[index] = withChanges(record, { ...bodyFields(input.body), ...request.mock.sets });
      return { status, body: example };
    default:
      throw new Error(`unknown operation ${JSON.stringify(op)}`);
  }
}

/** Records matching the path parameters and query parameters that name one of their fields. */
function filterRecords(records: JsonObject[], params: Record<string, string>, query: URLSearchParams): JsonObject[] {
  const filters = [
    ...Object.entries(params),
    ...[...query].filter(([name]) => !PAGINATION_PARAMS.includes(name)),
  ].filter(([name]) =>
    records.some((r) => Object.hasOwn(r, name) && ['string', 'number', 'boolean'].includes(typeof r[name])),
  );
  return records.filter((record) => filters.every(([name, value]) => String(record[name]) === value));
}

function listRecords(
  records: JsonObject[],
  validators: Validators,
  input: OperationInput,
  status: number,
  frame: JsonObject,
): OperationResult {
  const validate = validators.response(input.request, status);
  const matching = filterRecords(records, input.params, input.query);
  const paginated = 'pagination' in frame;
  const page = paginated ? readPageRequest(input.query, input.body) : { limit: matching.length };
  if (typeof page === 'string') return pleoError(400, 'VALIDATION_FAILED', page);
  const window = paginated ? pageWindow(matching.length, page) : { start: 0, end: matching.length };
  const template = Array.isArray(frame.data) && isObject(frame.data[0]) ? frame.data[0] : {};
  const acceptItem = (item: JsonObject): boolean => validate === undefined || validate({ ...frame, data: [item] });
  const items = matching.slice(window.start, window.end).flatMap((record) => {
    const item = acceptItem(record) ? record : overlayWhileValid(template, record, acceptItem);
    return acceptItem(item) ? [item] : [];
  });
  const body: JsonObject = { ...frame, data: items };
  if (paginated) {
    const computed = paginationObject(frame.pagination, window, matching.length, page, input.query);
    const base = isObject(frame.pagination) ? frame.pagination : {};
    body.pagination =
      validate === undefined
        ? computed
        : overlayWhileValid(base, computed, (p) => validate({ ...body, pagination: p }));
  }
  return { status, body };
}
