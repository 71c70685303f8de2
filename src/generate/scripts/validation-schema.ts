import type { JsonSchema } from '../../description/index.js';

/** Draft-07 keywords that only annotate: ajv validates the same without them. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', '$comment']);

/** Keywords whose value is a map of names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);

/** Keywords whose value is a schema or a list of schemas. */
const SCHEMAS = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
]);

function strip(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strip);
  if (schema === null || typeof schema !== 'object') return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value))
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, strip(s)]));
    else kept[key] = SCHEMAS.has(key) ? strip(value) : value;
  }
  return kept;
}

/**
 * A schema as a script validates it: without the annotations (titles, descriptions, examples), which
 * ajv ignores but every script run would parse. Names under `properties` (a property called
 * `description`) and values under `enum`, `const` and `default` are data and stay as they are.
 */
export const validationSchema = (schema: JsonSchema): JsonSchema => strip(schema) as JsonSchema;
