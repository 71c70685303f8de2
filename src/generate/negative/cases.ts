import {
  addressedIdParameter,
  isUuid,
  pathSegments,
  uuidPathParameters,
  type JsonSchema,
  type RequestDef,
} from '../../description/index.js';
import { allowedTypes, asStrings, hasType, isObject, resolveSchema } from './schema-walk.js';

/** The constraint a negative case breaks; one word each, as the README and the lenient-API test list them. */
export const CONSTRAINT_KINDS = [
  'required',
  'type',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
  'enum',
  'json',
  'format',
  'unknownId',
] as const;
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** One request that breaks one constraint of the contract, and what Pleo answers to it. */
export interface NegativeCase {
  kind: ConstraintKind;
  /** `without required name`, `with defaultCurrency of 4 characters (maxLength 3)`: read after the request's label. */
  violation: string;
  /** 400 for a body the schema refuses or a path id of the wrong format, 404 for an unknown id. */
  status: 400 | 404;
  /** The body path the case changes (`name`, `items[0].code`), or '' for the whole body; absent for path cases. */
  path?: string;
  /** The example body with the one change, as the collection sends it (before body variables fill in). */
  body?: { json: unknown } | { text: string };
  /** A path parameter sent with another value. */
  pathParam?: { name: string; value: string };
}

/** Required properties removed per request at most: a huge schema would otherwise yield dozens of requests. */
export const MAX_REQUIRED_CASES = 5;
/**
 * Cases of a kind per request at most, where one case checks what the next would check again: a
 * value outside an enum once; a wrong type once per declared type (a number for a string, a string for
 * an integer), for at most two types. The bounds, which differ per property, are all kept.
 */
const MAX_PER_KIND: Partial<Record<ConstraintKind, number>> = { enum: 1 };
const MAX_TYPE_CASES = 2;
/** Cases per request at most (the required ones first, then each property's in schema order). */
export const MAX_CASES_PER_REQUEST = 24;
/** How deep into nested objects and arrays the walk goes. */
const MAX_DEPTH = 3;
/** Strings longer than this are not built to break a maxLength. */
const MAX_BUILT_LENGTH = 4096;
/** Arrays longer than this are not built to break a maxItems: a body that large meets the server's size limit (413) first. */
const MAX_BUILT_ITEMS = 200;

/** An id no store holds, in the shape of a UUID (Pleo's ids are UUIDs). */
export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
/** A path id that is no UUID, sent where the parameter's example is one. */
export const NOT_A_UUID = 'pleo-postman-not-a-uuid';

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value;

/** A value of none of `types`: a number where a string is wanted, a string where a number is, … */
function wrongTypeValue(types: readonly string[]): unknown {
  return [12345, 'pleo-postman', true, [], {}].find((candidate) => !hasType(candidate, types));
}

/** Short strings tried, in order, for one that `pattern` refuses and the length bounds allow. */
const PATTERN_CANDIDATES = ['!', '', ' ', '0', 'a', 'A', '-', '~~~~', '0000000000', 'pleo-postman !'];

function patternBreaker(schema: JsonSchema): string | undefined {
  if (typeof schema.pattern !== 'string') return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(schema.pattern, 'u');
  } catch {
    return undefined;
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  const padded = PATTERN_CANDIDATES.map((s) => ([...s].length < min ? s.padEnd(min, '!') : s));
  return padded.find((s) => fits(s) && !pattern.test(s));
}

const quote = (value: unknown) => JSON.stringify(value);

/** The cases of one value's own constraints (type, bounds, pattern, enum), in a fixed order. */
function valueCases(
  schema: JsonSchema,
  value: unknown,
  path: string,
): Array<Omit<NegativeCase, 'status' | 'body'> & { value: unknown }> {
  const cases: Array<Omit<NegativeCase, 'status' | 'body'> & { value: unknown }> = [];
  const add = (kind: ConstraintKind, violation: string, replacement: unknown) =>
    cases.push({ kind, violation, path, value: replacement });
  const types = allowedTypes(schema);
  if (types !== undefined) {
    const wrong = wrongTypeValue(types);
    if (wrong !== undefined) add('type', `with ${path} as ${typeName(wrong)} (type ${types.join(' or ')})`, wrong);
  }
  if (typeof value === 'number') {
    const integer = types?.includes('integer') && !types.includes('number');
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if (typeof minimum === 'number') {
      const below = integer ? Math.ceil(minimum) - 1 : minimum - 1;
      add('minimum', `with ${path} ${below} below minimum ${minimum}`, below);
    }
    if (typeof maximum === 'number') {
      const above = integer ? Math.floor(maximum) + 1 : maximum + 1;
      add('maximum', `with ${path} ${above} above maximum ${maximum}`, above);
    }
    if (typeof exclusiveMinimum === 'number') {
      const at = integer ? Math.floor(exclusiveMinimum) : exclusiveMinimum;
      add('exclusiveMinimum', `with ${path} ${at} not above exclusiveMinimum ${exclusiveMinimum}`, at);
    }
    if (typeof exclusiveMaximum === 'number') {
      const at = integer ? Math.ceil(exclusiveMaximum) : exclusiveMaximum;
      add('exclusiveMaximum', `with ${path} ${at} not below exclusiveMaximum ${exclusiveMaximum}`, at);
    }
  }
  if (typeof value === 'string') {
    const { minLength, maxLength } = schema;
    if (typeof minLength === 'number' && minLength > 0) {
      const short = 'x'.repeat(minLength - 1);
      add('minLength', `with ${path} of ${minLength - 1} characters (minLength ${minLength})`, short);
    }
    if (typeof maxLength === 'number' && maxLength < MAX_BUILT_LENGTH) {
      const long = 'x'.repeat(maxLength + 1);
      add('maxLength', `with ${path} of ${maxLength + 1} characters (maxLength ${maxLength})`, long);
    }
    const breaker = patternBreaker(schema);
    if (breaker !== undefined) add('pattern', `with ${path} ${quote(breaker)} not matching ${schema.pattern}`, breaker);
  }
  if (Array.isArray(value)) {
    const { minItems, maxItems } = schema;
    if (typeof minItems === 'number' && minItems > 0 && value.length >= minItems - 1) {
      add('minItems', `with ${path} of ${minItems - 1} items (minItems ${minItems})`, value.slice(0, minItems - 1));
    }
    if (typeof maxItems === 'number' && maxItems < MAX_BUILT_ITEMS && value.length > 0 && schema.uniqueItems !== true) {
      const many = Array.from({ length: maxItems + 1 }, (_, i) => value[i % value.length]);
      add('maxItems', `with ${path} of ${maxItems + 1} items (maxItems ${maxItems})`, many);
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const strings = schema.enum.every((v) => typeof v === 'string');
    const numbers = schema.enum.every((v) => typeof v === 'number');
    const outside = strings
      ? 'PLEO_POSTMAN_NOT_IN_ENUM'
      : numbers
        ? Math.max(...(schema.enum as number[])) + 1
        : undefined;
    if (outside !== undefined && (types === undefined || hasType(outside, types))) {
      add('enum', `with ${path} ${quote(outside)} outside its enum`, outside);
    }
  }
  return cases;
}

const childPath = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A copy of `value` without the property at `path`. */
export function withoutValueAt(value: unknown, path: string): unknown {
  const [head, ...rest] = pathSegments(path);
  if (head === undefined || value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const record = copy as Record<string, unknown>;
  if (rest.length === 0) delete record[head];
  else record[head] = withoutValueAt(record[head], rest.join('.'));
  return copy;
}

function replaceAt(value: unknown, path: string, replacement: unknown): unknown {
  const [head, ...rest] = pathSegments(path);
  if (head === undefined) return replacement;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const record = copy as Record<string, unknown>;
  record[head] = replaceAt(record[head], rest.join('.'), replacement);
  return copy;
}

/** Walks the example along its schema: required properties first (all levels), then each value's cases. */
function bodyCases(schemas: Readonly<Record<string, JsonSchema>>, root: unknown, example: unknown): NegativeCase[] {
  const required: NegativeCase[] = [];
  const values: NegativeCase[] = [];
  const visit = (schemaRef: unknown, value: unknown, path: string, depth: number) => {
    const schema = resolveSchema(schemas, schemaRef);
    if (schema === undefined) return;
    if (path !== '') {
      for (const c of valueCases(schema, value, path)) {
        values.push({
          kind: c.kind,
          violation: c.violation,
          status: 400,
          path,
          body: { json: replaceAt(example, path, c.value) },
        });
      }
    }
    if (depth >= MAX_DEPTH) return;
    if (isObject(value)) {
      const properties = isObject(schema.properties) ? schema.properties : {};
      for (const name of asStrings(schema.required)) {
        if (!(name in value)) continue;
        const at = childPath(path, name);
        required.push({
          kind: 'required',
          violation: `without required ${at}`,
          status: 400,
          path: at,
          body: { json: withoutValueAt(example, at) },
        });
      }
      for (const [name, propertySchema] of Object.entries(properties)) {
        if (name in value) visit(propertySchema, value[name], childPath(path, name), depth + 1);
      }
    } else if (Array.isArray(value) && value.length > 0 && schema.items !== undefined && !Array.isArray(schema.items)) {
      visit(schema.items, value[0], childPath(path, 0), depth + 1);
    }
  };
  visit(root, example, '', 0);
  const typesSeen = new Set<string>();
  const perKind = new Map<ConstraintKind, number>();
  const kept = values.filter((c) => {
    if (c.kind === 'type') {
      const declared = /\(type ([^)]+)\)$/.exec(c.violation)?.[1] ?? '';
      if (typesSeen.has(declared) || typesSeen.size >= MAX_TYPE_CASES) return false;
      typesSeen.add(declared);
      return true;
    }
    const count = (perKind.get(c.kind) ?? 0) + 1;
    perKind.set(c.kind, count);
    return count <= (MAX_PER_KIND[c.kind] ?? Infinity);
  });
  return [...required.slice(0, MAX_REQUIRED_CASES), ...kept];
}

/**
 * Every negative case of one request, deterministic: from a JSON body with a schema, each required
 * property removed (at most {@link MAX_REQUIRED_CASES}), then per property a wrong type, values just
 * past each bound, a string the pattern refuses and a value outside the enum; a body that is not JSON;
 * where the description documents a 400, each path id whose example is a UUID sent as a non-UUID;
 * and, where it documents a 404, the id the path addresses replaced by an unknown one.
 * At most {@link MAX_CASES_PER_REQUEST}.
 */
export function negativeCases(schemas: Readonly<Record<string, JsonSchema>>, request: RequestDef): NegativeCase[] {
  const cases: NegativeCase[] = [];
  const body = request.body;
  if (body?.schema !== undefined && /json/i.test(body.contentType)) {
    cases.push(...bodyCases(schemas, body.schema, body.example));
    cases.push({
      kind: 'json',
      violation: 'with a body that is not JSON',
      status: 400,
      path: '',
      body: { text: '{"pleo-postman": not JSON' },
    });
  }
  if (request.responses['400'] !== undefined) {
    for (const name of uuidPathParameters(request)) {
      cases.push({
        kind: 'format',
        violation: `with ${name} ${quote(NOT_A_UUID)} not a UUID (format uuid)`,
        status: 400,
        pathParam: { name, value: NOT_A_UUID },
      });
    }
  }
  // The id the path addresses (an unknown parent of a sub-resource is not derived).
  const last = addressedIdParameter(request);
  if (request.responses['404'] !== undefined && last !== undefined) {
    const example = request.parameters.path[last]?.example;
    const value = isUuid(example) ? UNKNOWN_UUID : 'pleo-postman-unknown-id';
    cases.push({
      kind: 'unknownId',
      violation: `with unknown ${last} ${value}`,
      status: 404,
      pathParam: { name: last, value },
    });
  }
  return cases.slice(0, MAX_CASES_PER_REQUEST);
}
