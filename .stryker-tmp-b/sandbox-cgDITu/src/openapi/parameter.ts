// @ts-nocheck
import type { RawParam } from '../description/raw.js';
import { sampleSchema } from './sample.js';
import { transformSchema, type SchemaContext } from './schema.js';
import type { OpenApiObject } from './types.js';

export type ParameterLocation = 'path' | 'query' | 'header';

export interface TransformedParameter {
  in: ParameterLocation;
  name: string;
  def: RawParam;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asParamValue = (value: unknown): string | number | boolean | undefined => {
  if (Array.isArray(value)) return asParamValue(value[0]);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
};

/** The documented example of a parameter: `example`, the first of `examples`, the schema's example. */
function documentedExample(param: OpenApiObject): unknown {
  if (param.example !== undefined) return param.example;
  if (isRecord(param.examples)) {
    const first = Object.values(param.examples)[0];
    if (isRecord(first) && first.value !== undefined) return first.value;
  }
  const schema = param.schema;
  if (isRecord(schema)) {
    if (schema.example !== undefined) return schema.example;
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  }
  return undefined;
}

/**
 * Transforms a Parameter Object into a description parameter. Required parameters always get a real
 * example value (documented example, schema default, first enum value, or one made from the format:
 * a uuid looks like a uuid); optional ones only a documented one, so the collection sends what the
 * document shows and leaves the rest as disabled query rows. Cookie parameters are not imported.
 * @see https://spec.openapis.org/oas/v3.2.0.html#parameter-object
 */
export function transformParameter(
  param: OpenApiObject,
  ctx: SchemaContext & { schemas: Record<string, Record<string, unknown>>; seed: string },
): TransformedParameter | undefined {
  const location = param.in;
  if (location !== 'path' && location !== 'query' && location !== 'header') return undefined;
  const name = String(param.name);
  const required = location === 'path' || param.required === true;
  let example = asParamValue(documentedExample(param));
  if (example === undefined && required) {
    const schema = transformSchema(param.schema, { ...ctx, mode: 'request' });
    example = asParamValue(sampleSchema(schema, { schemas: ctx.schemas, seed: `${ctx.seed}.${name}` })) ?? 'example';
  }
  const def: RawParam = {
    ...(example === undefined ? {} : { example }),
    ...(typeof param.description === 'string' ? { description: param.description.trim() } : {}),
    ...(required && location !== 'path' ? { required: true } : {}),
  };
  return { in: location, name, def };
}
