import type { RequestDef } from './model.js';

/** 8-4-4-4-12 hex digits, as RFC 9562 §4 writes a UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value has the shape of a UUID. @see [RFC 9562 §4](https://www.rfc-editor.org/rfc/rfc9562#section-4) */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * The path parameters of a request that are UUIDs: the description carries no `format` for path
 * parameters, so a UUID-shaped example stands for `format: uuid` (Pleo's ids are UUIDs). In path order.
 */
export function uuidPathParameters(request: RequestDef): string[] {
  return Object.entries(request.parameters.path)
    .filter(([, parameter]) => isUuid(parameter.example))
    .map(([name]) => name);
}

const ADDRESSED_ID = /^\{([^{}]+)\}(?::[A-Za-z][\w-]*)?$/;

/**
 * The path parameter naming the record a request addresses: its last segment (`/v1/vendors/{id}`,
 * `{id}:archive`), not the parent of a sub-resource (`/v1/subscriptions/{id}/activities`). The negative
 * cases' unknown id and the mock's 404 for it agree through this one rule.
 */
export function addressedIdParameter(request: RequestDef): string | undefined {
  return ADDRESSED_ID.exec(request.path.split('/').at(-1) ?? '')?.[1];
}

/** Whether an error example has Pleo's `{type, message}` shape (another API's `{code, detail}` has not). */
export const isPleoErrorShape = (example: unknown): boolean =>
  typeof example === 'object' && example !== null && 'type' in example && 'message' in example;
