import type { Ajv, ErrorObject } from 'ajv';
import { ajvPackage } from './ajv-package.js';
import validateDraft07 from './draft07-validator.generated.js';

/** What a schema without `$schema` is checked against, as ajv names it (with or without the `#`). */
const DRAFT07 = /^http:\/\/json-schema\.org\/draft-07\/schema#?$/;

let fallback: Ajv | undefined;

/**
 * The problems of a schema as a draft-07 JSON Schema: ajv's `validateSchema`, with the meta-schema
 * precompiled (scripts/compile-validators.mjs) so that checking a description compiles nothing. A
 * schema that declares another `$schema` goes to ajv itself, which knows what to do with it.
 */
export function schemaErrors(schema: unknown): ErrorObject[] {
  const declared = schema !== null && typeof schema === 'object' ? (schema as { $schema?: unknown }).$schema : null;
  if (declared === undefined || (typeof declared === 'string' && DRAFT07.test(declared)))
    return validateDraft07(schema) ? [] : ((validateDraft07 as { errors?: ErrorObject[] | null }).errors ?? []);
  fallback ??= ajvPackage().createAjv({ allErrors: true, strict: false });
  return fallback.validateSchema(schema as object) ? [] : (fallback.errors ?? []);
}
