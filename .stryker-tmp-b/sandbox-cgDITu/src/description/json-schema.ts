// @ts-nocheck
import type { JsonSchema, SchemaRef } from './model.js';

const SCHEMA_REF_PREFIX = '#/schemas/';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Every `$ref` string inside a schema, with the JSON pointer (relative to the schema) where it stands. */
export function collectRefs(schema: unknown, base = ''): Array<{ ref: string; pointer: string }> {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => collectRefs(item, `${base}/${i}`));
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string'
      ? [{ ref: value, pointer: `${base}/$ref` }]
      : collectRefs(value, `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

/** The schema name a `$ref` points at, or undefined when it does not point into `schemas`. */
export function schemaNameOfRef(ref: string): string | undefined {
  return ref.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : undefined;
}

/** Rewrites every `#/schemas/Name` ref to what `target` makes of the name. */
export function rewriteSchemaRefs(schema: unknown, target: (name: string) => string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => rewriteSchemaRefs(item, target));
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF_PREFIX)) {
        return [key, target(value.slice(SCHEMA_REF_PREFIX.length))];
      }
      return [key, rewriteSchemaRefs(value, target)];
    }),
  );
}

/** Rewrites `#/schemas/Name` refs to `<base>#/definitions/Name` (base: the `$id` holding the definitions, or none). */
const rewriteRefs = (schema: unknown, base = ''): unknown =>
  rewriteSchemaRefs(schema, (name) => `${base}#/definitions/${name}`);

/** All named schemas as draft-07 `definitions`, refs rewritten to `#/definitions/Name`. */
export function schemaDefinitions(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, rewriteRefs(s) as JsonSchema]));
}

/**
 * The root schema of a schema reference, its refs pointing at shared `definitions`: in the same
 * document by default, or in the schema whose `$id` is `base`.
 */
export function schemaRoot(ref: SchemaRef, base = ''): JsonSchema {
  return typeof ref === 'string' ? { $ref: `${base}#/definitions/${ref}` } : (rewriteRefs(ref, base) as JsonSchema);
}

/** A self-contained draft-07 schema for a named or inline schema, usable by ajv 6 or 8. */
export function standaloneSchema(schemas: Record<string, JsonSchema>, ref: SchemaRef): JsonSchema {
  return { $schema: DRAFT_07, ...schemaRoot(ref), definitions: schemaDefinitions(schemas) };
}

/** Human-readable name of a schema reference, for test names: the schema's name, or "inline schema". */
export function schemaLabel(ref: SchemaRef): string {
  if (typeof ref === 'string') return ref;
  const name = typeof ref.$ref === 'string' ? schemaNameOfRef(ref.$ref) : undefined;
  return name ?? (typeof ref.title === 'string' ? ref.title : 'inline schema');
}
