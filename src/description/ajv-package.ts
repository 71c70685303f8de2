import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options } from 'ajv';

interface AjvPackage {
  /** A new ajv with ajv-formats added. */
  createAjv: (options: Options) => AjvClass;
}
let loaded: AjvPackage | undefined;

/**
 * ajv and ajv-formats, loaded on first use: a description whose examples an intact import has
 * checked compiles no schema (the structure and the meta-schema are precompiled), so `generate` and
 * `check` of it never pay for loading them.
 */
export function ajvPackage(): AjvPackage {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const { Ajv } = require('ajv') as typeof import('ajv');
    const addFormats = require('ajv-formats') as (ajv: AjvClass) => AjvClass;
    loaded = { createAjv: (options) => addFormats(new Ajv(options)) };
  }
  return loaded;
}
