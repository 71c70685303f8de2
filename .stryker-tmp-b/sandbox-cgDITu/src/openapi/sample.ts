// @ts-nocheck
import { createHash } from 'node:crypto';
import type { JsonSchema } from '../description/model.js';

export interface SampleOptions {
  /** The description's named schemas, for `$ref: '#/schemas/Name'`. */
  schemas: Record<string, JsonSchema>;
  /** Ignore `examples`/`default` and build from the types (when the documented example breaks its schema). */
  ignoreExamples?: boolean;
  /** Seed for ids, so two records of one schema differ and re-imports give the same values. */
  seed: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deterministic UUID (version 4 layout) from a seed: a uuid looks like a uuid, the same on every import. */
export function seededUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const STRING_CANDIDATES = ['ABCD2345', 'example', 'EXAMPLE', 'example-1', 'A', 'a', '1', 'DK'];

function sampleString(schema: JsonSchema, seed: string): string {
  switch (schema.format) {
    case 'uuid':
      return seededUuid(seed);
    case 'date':
      return '2024-01-15';
    case 'date-time':
      return '2024-01-15T10:00:00Z';
    case 'time':
      return '10:00:00Z';
    case 'email':
      return 'jane.doe@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/resource';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.1';
    case 'byte':
      return 'ZXhhbXBsZQ==';
    default:
      break;
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const sized = (s: string) => (s.length < min ? s.padEnd(min, 'x') : s).slice(0, max);
  if (typeof schema.pattern === 'string') {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(schema.pattern, 'u');
    } catch {
      regex = undefined;
    }
    const hit = STRING_CANDIDATES.map(sized).find((c) => regex?.test(c));
    if (hit !== undefined) return hit;
  }
  return sized('example');
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const lower =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
        : undefined;
  const upper =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - (integer ? 1 : 0.5)
        : undefined;
  let value = lower ?? (upper !== undefined ? Math.min(upper, 1) : 1);
  if (integer) value = Math.ceil(value);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0)
    value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return value;
}

/**
 * An example value for a draft-07 schema of the description: the schema's own example or default
 * first, else built from its type and format (a uuid looks like a uuid, a date like a date, bounds
 * and enums respected); every property is filled. A schema met again inside itself is left out
 * (an optional property) or cut short, so circular schemas end.
 */
export function sampleSchema(schema: unknown, options: SampleOptions, stack: readonly string[] = []): unknown {
  if (!isRecord(schema)) return {};
  const { seed } = options;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.startsWith('#/schemas/') ? schema.$ref.slice('#/schemas/'.length) : undefined;
    if (name === undefined || stack.includes(name)) return undefined;
    return sampleSchema(options.schemas[name], options, [...stack, name]);
  }
  if (!options.ignoreExamples) {
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
    if (schema.default !== undefined) return structuredClone(schema.default);
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? null;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => sampleSchema(part, options, stack));
    const own = sampleSchema({ ...schema, allOf: undefined }, options, stack);
    if (parts.every((p) => isRecord(p) || p === undefined) && (isRecord(own) || own === undefined)) {
      return Object.assign({}, ...parts.filter(isRecord), isRecord(own) ? own : {});
    }
    return parts.find((p) => p !== undefined);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options_ = schema[key];
    if (Array.isArray(options_) && options_.length > 0) {
      // The first option that gives a value (a circular option gives none), null last.
      const ordered = [...options_].sort(
        (a, b) => Number(isRecord(a) && a.type === 'null') - Number(isRecord(b) && b.type === 'null'),
      );
      for (const option of ordered) {
        const value = sampleSchema(option, options, stack);
        if (value !== undefined) return value;
      }
      return undefined;
    }
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type =
    types.find((t) => t !== 'null' && t !== undefined) ??
    (isRecord(schema.properties) ? 'object' : schema.items ? 'array' : types[0]);
  switch (type) {
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      const properties = isRecord(schema.properties) ? schema.properties : {};
      for (const [name, property] of Object.entries(properties)) {
        const value = sampleSchema(property, { ...options, seed: `${seed}.${name}` }, stack);
        if (value !== undefined) out[name] = value;
      }
      if (type === undefined && Object.keys(properties).length === 0) return {};
      return out;
    }
    case 'array': {
      const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, 1);
      if (schema.maxItems === 0) return [];
      const items = Array.from({ length: count }, (_, i) =>
        sampleSchema(schema.items, { ...options, seed: `${seed}[${i}]` }, stack),
      );
      return items.every((item) => item === undefined) ? [] : items;
    }
    case 'string':
      return sampleString(schema, seed);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}
