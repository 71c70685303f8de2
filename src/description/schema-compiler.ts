import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { schemaDefinitions, schemaRoot } from './json-schema.js';
import type { JsonSchema, SchemaRef } from './model.js';

/** `$id` under which a description's named schemas are registered, once, as draft-07 `definitions`. */
const DEFINITIONS_ID = 'pleo-postman:schemas';

export type CompileSchema = (ref: SchemaRef) => ValidateFunction;

export interface SchemaCompilerOptions {
  allErrors?: boolean;
}

/**
 * A cached compiler for a description's schema references (draft-07, ajv-formats). The named
 * schemas are added to ajv once, so each is compiled once however many requests refer to it.
 */
export function createSchemaCompiler(
  schemas: Record<string, JsonSchema>,
  options: SchemaCompilerOptions = {},
): CompileSchema {
  // Compile time is most of a description's validation: referenced schemas stay separate functions
  // (not inlined into every response schema), the generated code is left unoptimised, and schemas are
  // not checked against the meta-schema again (semantics.ts has done that before anything compiles).
  const ajv = new Ajv({
    strict: false,
    allErrors: options.allErrors ?? false,
    logger: false,
    inlineRefs: false,
    code: { optimize: false },
    validateSchema: false,
  });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DEFINITIONS_ID, definitions: schemaDefinitions(schemas) });
  const compiled = new Map<string, ValidateFunction>();
  return (ref) => {
    const key = typeof ref === 'string' ? ref : JSON.stringify(ref);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schemaRoot(ref, DEFINITIONS_ID));
      compiled.set(key, validate);
    }
    return validate;
  };
}
