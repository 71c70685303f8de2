import {
  expectedStatus,
  schemaDefinitions,
  schemaLabel,
  schemaRoot,
  type ApiDescription,
  type JsonSchema,
  type RequestDef,
  type SchemaRef,
} from '../../description/index.js';
import { iife, lit } from './js.js';
import { sandboxSources } from './sandbox.js';
import { validationSchema } from './validation-schema.js';
import { CONTRACT_LIB_VARIABLE } from './variables.js';

export { CONTRACT_LIB_VARIABLE };

/** `GET /v2/employees`: how every contract test of a request starts, so a failure reads well. */
export const requestLabel = (request: RequestDef): string => `${request.method} ${request.path}`;

/** The response time budget of a request: its own, or the description's default. */
export const responseTimeBudget = (spec: ApiDescription, request: RequestDef): number =>
  request.responseTimeMs ?? spec.defaults.responseTimeMs;

/** What one request promises, as the data its test script hands to the contract library. */
export interface Contract {
  label: string;
  status: number;
  json: boolean;
  budgetMs: number;
  headers: string[];
  schema?: Record<string, unknown>;
  schemaName?: string;
  /** The named schemas `schema` reaches, as draft-07 `definitions`: only these travel with the script. */
  definitions?: Record<string, unknown>;
  captures: Record<string, string>;
}

/**
 * The contract library (src/generate/sandbox/contract.js and its helpers), as one expression returning `{ contract }`. Postman runs each script on its
 * own, so it lives once in a collection variable and each request's test script evaluates it,
 * instead of a copy in every request.
 */
export function contractLibSource(): string {
  const library = sandboxSources(undefined, 'contract.js', 'schema-errors.js', 'validate.js', 'read-path.js');
  // validateAgainst and describeSchemaErrors also serve the Negative folder's error bodies (negative.js).
  return iife(
    `${library}\nreturn { contract: contract, validateAgainst: validateAgainst, describeSchemaErrors: describeSchemaErrors };`,
  ).replace(/;$/, '');
}

const DEFINITION_REF = '#/definitions/';
const definitionsCache = new WeakMap<ApiDescription['schemas'], Record<string, JsonSchema>>();

/** The description's schemas as draft-07 definitions without annotations, rewritten once per description. */
function allDefinitions(spec: ApiDescription): Record<string, JsonSchema> {
  const cached = definitionsCache.get(spec.schemas);
  if (cached) return cached;
  const definitions = Object.fromEntries(
    Object.entries(schemaDefinitions(spec.schemas)).map(([name, schema]) => [name, validationSchema(schema)]),
  );
  definitionsCache.set(spec.schemas, definitions);
  return definitions;
}

/** The `#/definitions/` names a schema refers to (not those of the definitions it reaches). */
function referencedNames(schema: unknown, into: string[] = []): string[] {
  if (Array.isArray(schema)) for (const item of schema) referencedNames(item, into);
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(DEFINITION_REF))
        into.push(value.slice(DEFINITION_REF.length));
      else referencedNames(value, into);
    }
  }
  return into;
}

/** The definitions a schema reaches through `#/definitions/Name` refs, directly or through each other, sorted by name. */
export function reachableDefinitions(
  root: JsonSchema,
  definitions: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const reached = new Set<string>();
  const pending = [root];
  for (let schema = pending.pop(); schema !== undefined; schema = pending.pop()) {
    for (const name of referencedNames(schema)) {
      if (reached.has(name) || definitions[name] === undefined) continue;
      reached.add(name);
      pending.push(definitions[name]);
    }
  }
  return Object.fromEntries([...reached].sort().map((name) => [name, definitions[name]!]));
}

/** A schema as a script checks it: its root, its label and the named schemas it reaches (only these travel). */
export function schemaParts(spec: ApiDescription, ref: SchemaRef) {
  const root = validationSchema(schemaRoot(ref));
  return { schema: root, schemaName: schemaLabel(ref), definitions: reachableDefinitions(root, allDefinitions(spec)) };
}

/** The contract of one request: expected status, JSON body, time budget, headers, schema, captures. */
export function requestContract(spec: ApiDescription, request: RequestDef): Contract {
  const status = expectedStatus(request);
  const response = request.responses[String(status)];
  const schema = response?.schema;
  return {
    label: requestLabel(request),
    status,
    json: response?.schema !== undefined || response?.example !== undefined,
    budgetMs: responseTimeBudget(spec, request),
    headers: response?.headers ?? [],
    ...(schema !== undefined ? schemaParts(spec, schema) : {}),
    captures: request.capture,
  };
}

/**
 * The test script of one request: its contract as data, checked by the shared contract library:
 * status, JSON Content-Type where a body is expected, response time, required headers, the body
 * against its schema (ajv 6, draft-07, schemas shared through a collection variable), and captures
 * into collection variables for the requests that follow.
 */
export function contractTestScript(spec: ApiDescription, request: RequestDef): string {
  const contract = requestContract(spec, request);
  return [
    `// Contract of "${request.name}": ${contract.label} → ${contract.status}. Generated by pleo-postman from the YAML description; edit that, not this script.`,
    `// Checked by the contract library in the collection variable ${CONTRACT_LIB_VARIABLE}: one test per clause.`,
    `eval(pm.collectionVariables.get(${lit(CONTRACT_LIB_VARIABLE)})).contract(${contractLiteral(contract)});`,
  ].join('\n');
}

/**
 * A contract as the script shows it: one line a field and one a named schema, each compact. A schema
 * spread over one line a keyword made scripts many times longer to read and for Postman to parse.
 */
function contractLiteral(contract: Contract): string {
  const fields = Object.entries(contract)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      if (key !== 'definitions' || value === undefined) return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
      const named = Object.entries(value as Record<string, unknown>).map(
        ([name, schema]) => `    ${JSON.stringify(name)}: ${JSON.stringify(schema)}`,
      );
      return named.length > 0 ? `  "definitions": {\n${named.join(',\n')}\n  }` : '  "definitions": {}';
    });
  return `{\n${fields.join(',\n')}\n}`;
}
