// @ts-nocheck
import type { JsonSchema } from '../description/model.js';

/** Which side of the wire a schema describes: `readOnly` fields leave requests, `writeOnly` ones responses. */
export type SchemaMode = 'request' | 'response' | 'neutral';

export interface SchemaContext {
  mode: SchemaMode;
  /** The description's schema name for a component schema of the document, for this mode. */
  refName: (component: string, mode: SchemaMode) => string;
  /** Receives what was dropped or changed, for the import's notes. */
  note?: (message: string) => void;
}

const COMPONENT_SCHEMA = '#/components/schemas/';

/** OpenAPI-only keywords and JSON Schema 2019+/2020 ones that draft-07 does not know. */
const DROPPED = new Set(['nullable', 'discriminatorMapping', 'xml', 'externalDocs', 'example', '$schema', '$id']);

/** A `pattern` that is a date-format mask (`YYYY-MM-DD`), not a regular expression: Pleo's documents have some. */
const DATE_MASK = /^[^^]*[Yy]{4}/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The component name a `$ref` points at, when it points at `#/components/schemas/…`. */
export function componentOfRef(ref: string): string | undefined {
  return ref.startsWith(COMPONENT_SCHEMA) ? decodeURIComponent(ref.slice(COMPONENT_SCHEMA.length)) : undefined;
}

function withNull(schema: JsonSchema): JsonSchema {
  const { type } = schema;
  if (typeof type === 'string') {
    const out: JsonSchema = { ...schema, type: type === 'null' ? 'null' : [type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  if (Array.isArray(type)) return type.includes('null') ? schema : { ...schema, type: [...type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * Transforms a Schema Object into a JSON Schema draft-07 schema of the description: component refs
 * become `#/schemas/Name`, `nullable: true` a type union, boolean `exclusiveMinimum`/`exclusiveMaximum`
 * (3.0) the numeric form, `example` becomes `examples`, OpenAPI-only keywords and extensions are
 * dropped; `discriminator`, `oneOf`, `anyOf` and `allOf` are kept.
 * @see https://spec.openapis.org/oas/v3.2.0.html#schema-object
 * @see https://spec.openapis.org/oas/v3.0.3.html#schema-object (nullable, boolean exclusiveMinimum)
 */
export function transformSchema(schema: unknown, ctx: SchemaContext): JsonSchema {
  if (!isRecord(schema)) return typeof schema === 'boolean' ? (schema ? {} : { not: {} }) : {};
  if (typeof schema.$ref === 'string') {
    const component = componentOfRef(schema.$ref);
    const ref: JsonSchema =
      component === undefined ? { $ref: schema.$ref } : { $ref: `#/schemas/${ctx.refName(component, ctx.mode)}` };
    return schema.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: JsonSchema = {};
  const hidden = ctx.mode === 'request' ? 'readOnly' : ctx.mode === 'response' ? 'writeOnly' : undefined;
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    switch (key) {
      case 'properties': {
        if (!isRecord(value)) break;
        const properties: Record<string, JsonSchema> = {};
        for (const [name, property] of Object.entries(value)) {
          if (hidden && isRecord(property) && property[hidden] === true) continue;
          properties[name] = transformSchema(property, ctx);
        }
        out.properties = properties;
        break;
      }
      case 'required': {
        if (!Array.isArray(value)) break;
        const props = isRecord(schema.properties) ? schema.properties : {};
        const kept = value.filter((name) => {
          const property = props[String(name)];
          return !(hidden && isRecord(property) && property[hidden] === true);
        });
        if (kept.length > 0) out.required = kept;
        break;
      }
      case 'items':
      case 'additionalProperties':
      case 'not':
      case 'propertyNames':
      case 'contains':
        out[key] = typeof value === 'boolean' ? value : transformSchema(value, ctx);
        break;
      case 'allOf':
      case 'oneOf':
      case 'anyOf':
        out[key] = Array.isArray(value) ? value.map((s) => transformSchema(s, ctx)) : value;
        break;
      case 'discriminator': {
        if (!isRecord(value)) break;
        const mapping = isRecord(value.mapping)
          ? Object.fromEntries(
              Object.entries(value.mapping).map(([k, ref]) => {
                const component = typeof ref === 'string' ? componentOfRef(ref) : undefined;
                return [k, component === undefined ? ref : `#/schemas/${ctx.refName(component, ctx.mode)}`];
              }),
            )
          : undefined;
        out.discriminator = { ...value, ...(mapping ? { mapping } : {}) };
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof value === 'number') out[key] = value;
        else if (value === true) {
          const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
          if (typeof schema[bound] === 'number') out[key] = schema[bound];
        }
        break;
      }
      case 'minimum':
      case 'maximum': {
        const exclusive = key === 'minimum' ? schema.exclusiveMinimum : schema.exclusiveMaximum;
        if (exclusive !== true) out[key] = value;
        break;
      }
      case 'pattern':
        if (typeof value === 'string' && DATE_MASK.test(value)) {
          ctx.note?.(`pattern "${value}" is a date mask, not a regular expression: dropped`);
          break;
        }
        out.pattern = value;
        break;
      case 'format':
        out.format = value === 'url' ? 'uri' : value;
        break;
      case 'examples':
        if (Array.isArray(value)) out.examples = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
  return schema.nullable === true ? withNull(out) : out;
}

/** Whether a component (or one it refers to) has a property marked `flag`: it then needs a per-side variant. */
export function hasFlaggedProperty(
  name: string,
  flag: 'readOnly' | 'writeOnly',
  components: Record<string, unknown>,
  seen = new Set<string>(),
): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (!isRecord(node)) return false;
    if (typeof node.$ref === 'string') {
      const component = componentOfRef(node.$ref);
      return component !== undefined && hasFlaggedProperty(component, flag, components, seen);
    }
    if (isRecord(node.properties) && Object.values(node.properties).some((p) => isRecord(p) && p[flag] === true))
      return true;
    return Object.values(node).some(visit);
  };
  return visit(components[name]);
}
