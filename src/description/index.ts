export { loadSpec, SpecError, type LoadOptions } from './load.js';
export { validateSpec, validateDumpedSpec, parseSource, type ValidationResult } from './validate.js';
export { formatProblems } from './format.js';
export { standaloneSchema, schemaDefinitions, schemaRoot, schemaLabel } from './json-schema.js';
export { pathParameterNames } from './semantics.js';
export * from './model.js';
export type { Problem, Severity } from './problem.js';
export { pathSegments, readValuePath, withValueAt } from './value-path.js';
export { addressedIdParameter, isPleoErrorShape, isUuid, uuidPathParameters } from './path-formats.js';
export { createSchemaCompiler, forgetSchemaCompilers, type CompileSchema } from './schema-compiler.js';
export {
  AUTHORIZE_SERVER_VARIABLE,
  DEFAULT_AUTHORIZE_PATH,
  DEFAULT_ENDPOINT_TEMPLATES,
  DEFAULT_TOKEN_PATH,
  endpointTemplates,
  endpointUrls,
  endpointUrlsAt,
  endpointVariables,
  refreshPathOf,
  tokenPathsOf,
  fillTemplate,
  hasAuthorizeServer,
  introspectionPath,
  templatePath,
  type EndpointTemplates,
} from './auth-endpoints.js';
