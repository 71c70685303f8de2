import type { ValidateFunction } from 'ajv';
import { ajvPackage } from './ajv-package.js';
import { rewriteSchemaRefs } from './json-schema.js';
import type { JsonSchema, SchemaRef } from './model.js';

/** The `$id` of a description's named schema in the compiler: each is a schema of its own. */
const idOf = (name: string) => `pleo-postman:schemas/${encodeURIComponent(name)}`;

export type CompileSchema = (ref: SchemaRef) => ValidateFunction;

/** Compilers by their options and named schemas; a few, so a long-lived process that loads many descriptions stays small. */
const compilers = new Map<string, CompileSchema>();
const MAX_CACHED_COMPILERS = 4;

/** Drops the cached compilers: for a process that goes on to other work (import-openapi --generate). */
export function forgetSchemaCompilers(): void {
  compilers.clear();
}

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
  const allErrors = options.allErrors ?? false;
  // import-openapi checks examples while importing and again when it validates the description it
  // wrote: with the same named schemas, the second compiler is the first one, compiled functions and all.
  const cacheKey = `${allErrors}\n${JSON.stringify(schemas)}`;
  const cached = compilers.get(cacheKey);
  if (cached) return cached;
  // Compile time is most of a description's validation: each named schema is a schema of its own
  // (half the compile time of one document of definitions that every ref resolves into), referenced
  // schemas stay separate functions (not inlined into every response schema), the generated code is
  // left unoptimised, and schemas are not checked against the meta-schema again (semantics.ts has
  // done that before anything compiles).
  const ajv = ajvPackage().createAjv({
    strict: false,
    allErrors,
    logger: false,
    inlineRefs: false,
    code: { optimize: false },
    validateSchema: false,
  });
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(rewriteSchemaRefs(schema, idOf) as JsonSchema, idOf(name));
  }
  const compiled = new Map<string, ValidateFunction>();
  const compile: CompileSchema = (ref) => {
    const key = typeof ref === 'string' ? ref : JSON.stringify(ref);
    let validate = compiled.get(key);
    if (!validate) {
      validate =
        typeof ref === 'string' ? ajv.getSchema(idOf(ref)) : ajv.compile(rewriteSchemaRefs(ref, idOf) as JsonSchema);
      if (!validate) throw new Error(`schema "${String(ref)}" is not defined under "schemas"`);
      compiled.set(key, validate);
    }
    return validate;
  };
  if (compilers.size >= MAX_CACHED_COMPILERS) compilers.delete(compilers.keys().next().value as string);
  compilers.set(cacheKey, compile);
  return compile;
}
