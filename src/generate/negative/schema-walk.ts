import type { JsonSchema, SchemaRef } from '../../description/index.js';

const SCHEMA_REF_PREFIX = '#/schemas/';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A schema with its `$ref`s followed and its `allOf` parts merged (properties, required, bounds):
 * what a value at that place must satisfy. A schema with `oneOf`/`anyOf`/`not`/`if` has several
 * ways to be valid, so no single change is sure to break it: it resolves to undefined and is not walked.
 */
export function resolveSchema(
  schemas: Readonly<Record<string, JsonSchema>>,
  ref: SchemaRef | unknown,
  seen: ReadonlySet<string> = new Set(),
): JsonSchema | undefined {
  let schema: unknown = typeof ref === 'string' ? { $ref: `${SCHEMA_REF_PREFIX}${ref}` } : ref;
  const visited = new Set(seen);
  while (isObject(schema) && typeof schema.$ref === 'string') {
    const name = schema.$ref.startsWith(SCHEMA_REF_PREFIX) ? schema.$ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
    if (name === undefined || visited.has(name) || schemas[name] === undefined) return undefined;
    visited.add(name);
    const { $ref: _ref, ...rest } = schema;
    schema = Object.keys(rest).length > 0 ? { allOf: [schemas[name], rest] } : schemas[name];
  }
  if (!isObject(schema)) return undefined;
  if (['oneOf', 'anyOf', 'not', 'if'].some((key) => key in schema)) return undefined;
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  let merged: JsonSchema = { ...own };
  for (const part of allOf) {
    const resolved = resolveSchema(schemas, part, visited);
    if (resolved === undefined) return undefined;
    merged = {
      ...resolved,
      ...merged,
      properties: { ...(resolved.properties as object), ...(merged.properties as object) },
      required: [...new Set([...asStrings(resolved.required), ...asStrings(merged.required)])],
    };
  }
  return merged;
}

export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The JSON types a schema allows, or undefined when it names none. */
export function allowedTypes(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return asStrings(schema.type);
  return undefined;
}

/** Whether `value` is of one of `types` (JSON Schema's type keyword: integers are numbers too). */
export function hasType(value: unknown, types: readonly string[]): boolean {
  return types.some((type) => {
    switch (type) {
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      case 'integer':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      default:
        return typeof value === type;
    }
  });
}

export { isObject };
