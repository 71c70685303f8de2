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
