// @ts-nocheck
import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  createSchemaCompiler,
  type ApiDescription,
  type CompileSchema,
  type RequestDef,
  type SchemaRef,
} from '../description/index.js';
import type { JsonObject } from './resource-model.js';

export interface Validators {
  /** The validator of a response status of a request, or undefined when it has no schema. */
  response(request: RequestDef, status: number): ValidateFunction | undefined;
  /** The validator of a request's body, or undefined when it has no schema. */
  body(request: RequestDef): ValidateFunction | undefined;
}

/** Compiled validators are shared by every mock serving the same description object. */
const cache = new WeakMap<ApiDescription, CompileSchema>();

/** ajv draft-07 with ajv-formats, as the description's own checks use; compiled lazily. */
export function createValidators(spec: ApiDescription): Validators {
  let compileRef = cache.get(spec);
  if (!compileRef) {
    compileRef = createSchemaCompiler(spec.schemas);
    cache.set(spec, compileRef);
  }
  const compiled = compileRef;
  const compile = (ref: SchemaRef | undefined): ValidateFunction | undefined =>
    ref === undefined ? undefined : compiled(ref);
  return {
    response: (request, status) => compile(request.responses[String(status)]?.schema),
    body: (request) => compile(request.body?.schema),
  };
}

/** "name: must NOT have fewer than 1 characters": the field first, for VALIDATION_FAILED messages. */
export function describeValidationError(error: ErrorObject | undefined): string {
  if (!error) return 'the request body is invalid';
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const field =
    params.missingProperty !== undefined
      ? [path, params.missingProperty].filter(Boolean).join('.')
      : params.additionalProperty !== undefined
        ? [path, params.additionalProperty].filter(Boolean).join('.')
        : path || 'body';
  const message =
    params.missingProperty !== undefined
      ? 'is required'
      : params.additionalProperty !== undefined
        ? 'is not allowed'
        : (error.message ?? 'is invalid');
  return `${field}: ${message}`;
}

/**
 * `patch` laid over `base`, keeping only what `accept` allows: all of it when the merge is
 * accepted, else key by key (`id` first), dropping any key that would make the result invalid.
 * This is how records of the store are fitted to the response schema they are served under.
 */
export function overlayWhileValid(
  base: JsonObject,
  patch: JsonObject,
  accept: (candidate: JsonObject) => boolean,
): JsonObject {
  const merged = { ...base, ...patch };
  if (accept(merged)) return merged;
  const result: JsonObject = { ...base };
  const keys = Object.keys(patch).sort((a, b) => Number(b === 'id') - Number(a === 'id'));
  for (const key of keys) {
    const before = result[key];
    const had = Object.hasOwn(result, key);
    result[key] = patch[key];
    if (!accept(result)) {
      if (had) result[key] = before;
      else delete result[key];
    }
  }
  return result;
}
