import {
  bodyVariableTemplate,
  isPleoErrorShape,
  pathSegments,
  schemaLabel,
  withValueAt,
  type ApiDescription,
  type FolderDef,
  type RequestDef,
  type SchemaRef,
} from '../../description/index.js';
import { stableId } from '../ids.js';
import type { FolderModel, HttpRequestModel, Param, RequestItem } from '../model.js';
import { schemaParts } from '../scripts/contract.js';
import { scriptEvent } from '../scripts/event.js';
import { iife, lit } from '../scripts/js.js';
import { sandboxSources } from '../scripts/sandbox.js';
import { NEGATIVE_FOLDER_NAME, NEGATIVE_LIB_VARIABLE, NEGATIVE_TESTS_VARIABLE } from '../scripts/variables.js';
import { negativeCases, type NegativeCase } from './cases.js';

export { NEGATIVE_FOLDER_NAME, NEGATIVE_LIB_VARIABLE, NEGATIVE_TESTS_VARIABLE };
/** How every negative case's assertions start, so the runners can count the cases apart. */
export const NEGATIVE_TEST_PREFIX = 'negative: ';

/** Method, URL, headers and body of a request (src/generate/request.ts, passed in to keep imports one-way). */
export type RequestDefiner = (request: RequestDef) => HttpRequestModel;

const overlaps = (a: string, b: string) => {
  const x = pathSegments(a);
  const y = pathSegments(b);
  const n = Math.min(x.length, y.length);
  return x.slice(0, n).every((s, i) => s === y[i]);
};

/** The body the case sends: its changed example, with the description's body variables filled in everywhere but where it changed. */
function caseBody(request: RequestDef, c: NegativeCase): HttpRequestModel['body'] {
  if (c.body === undefined || request.body === undefined) return undefined;
  if ('text' in c.body) return { type: 'text', content: c.body.text };
  const changed = c.path ?? '';
  const sent = Object.entries(request.body.variables)
    .filter(([path]) => changed === '' || !overlaps(path, changed))
    .reduce((value, [path, variable]) => withValueAt(value, path, bodyVariableTemplate(variable)), c.body.json);
  return { type: 'json', content: JSON.stringify(sent, null, 2) };
}

function caseRequest(request: RequestDef, c: NegativeCase, define: RequestDefiner): HttpRequestModel {
  if (c.pathParam === undefined) {
    const definition = define(request);
    const body = caseBody(request, c);
    return { ...definition, ...(body ? { body } : {}) };
  }
  const { name, value } = c.pathParam;
  const param = request.parameters.path[name];
  return define({
    ...request,
    parameters: {
      ...request.parameters,
      path: {
        ...request.parameters.path,
        [name]: { description: param?.description ?? '', required: true, example: value },
      },
    },
  });
}

/** The 400 (or 404) answer's schema, where the description gives one. */
const errorSchema = (request: RequestDef, c: NegativeCase): SchemaRef | undefined =>
  request.responses[String(c.status)]?.schema;

/**
 * Whether the answer must be Pleo's `{type, message}` error body: where the description gives no schema
 * for it and its example (if any) has that shape. Another API's error example (`{code, detail}`) is not
 * held to Pleo's shape; without a schema its body is then not checked.
 */
const expectsPleoBody = (request: RequestDef, c: NegativeCase): boolean => {
  const example = request.responses[String(c.status)]?.example;
  return example === undefined || isPleoErrorShape(example);
};

const constraintNote: Record<NegativeCase['kind'], string> = {
  required: 'a required property is left out',
  type: 'a property has a JSON type its schema does not allow',
  minimum: 'a number is just below its `minimum`',
  maximum: 'a number is just above its `maximum`',
  exclusiveMinimum: 'a number is at its `exclusiveMinimum`',
  exclusiveMaximum: 'a number is at its `exclusiveMaximum`',
  minLength: 'a string is one character shorter than its `minLength`',
  maxLength: 'a string is one character longer than its `maxLength`',
  minItems: 'an array has one item fewer than its `minItems`',
  maxItems: 'an array has one item more than its `maxItems`',
  pattern: 'a string does not match its `pattern`',
  enum: 'a value is outside its `enum`',
  json: 'the body is not JSON at all',
  format: 'a path id is not a UUID, where its example is one (`format: uuid`, inferred from the example)',
  unknownId: 'the path names an id that does not exist',
};

function describeCase(request: RequestDef, c: NegativeCase, label: string): string {
  const schema = errorSchema(request, c);
  const documented = request.responses[String(c.status)]?.description;
  const source =
    c.kind === 'unknownId' || c.kind === 'format'
      ? `the description documents \`${c.status}\` for \`${request.method} ${request.path}\`${documented ? ` (${documented})` : ''}`
      : `the body schema ${request.body?.schema !== undefined ? `\`${schemaLabel(request.body.schema)}\`` : ''} of "${request.name}"`;
  return [
    `Negative case, generated from ${source}: ${constraintNote[c.kind]} (\`${c.kind}\`${c.path ? ` at \`${c.path}\`` : ''}${c.kind === 'format' && c.pathParam ? ` of the path parameter \`${c.pathParam.name}\`` : ''}).`,
    `\`${label}\``,
    `**Expects:** \`${c.status}\` with Pleo's error body, ${schema !== undefined ? `matching \`${schemaLabel(schema)}\`` : '`{type, message}`'}. A failure says what came back: \`${label} → ${c.status}: got 201\`.`,
    `**When it runs:** as the ${NEGATIVE_FOLDER_NAME} folder says (never against production).`,
  ].join('\n\n');
}

function caseItem(
  spec: ApiDescription,
  folder: FolderDef,
  request: RequestDef,
  c: NegativeCase,
  define: RequestDefiner,
): RequestItem {
  const label = `${request.method} ${request.path} ${c.violation}`;
  const schema = errorSchema(request, c);
  const data = {
    label,
    status: c.status,
    ...(schema !== undefined ? schemaParts(spec, schema) : expectsPleoBody(request, c) ? {} : { anyBody: true }),
  };
  const owner = `negative/${folder.name}/${request.name}/${c.violation}`;
  return {
    id: stableId('negative', folder.name, request.name, c.violation),
    name: `${folder.name}: ${request.name} ${c.violation} → ${c.status}`,
    description: describeCase(request, c, label),
    request: caseRequest(request, c, define),
    scripts: [
      scriptEvent(
        'test',
        owner,
        `eval(pm.collectionVariables.get(${lit(NEGATIVE_LIB_VARIABLE)})).negative(${JSON.stringify(data)});`,
      ),
    ],
    examples: [],
  };
}

/**
 * The generated Negative folder: requests that break one constraint of the contract each, grouped
 * per resource folder (`Vendors: Create vendor without required name → 400`), and the collection
 * variable holding their library; undefined when the description yields none.
 */
export function buildNegativeFolder(
  spec: ApiDescription,
  folders: readonly FolderDef[],
  define: RequestDefiner,
): { folder: FolderModel; library: Param } | undefined {
  const cases = folders.flatMap((folder) =>
    folder.requests.flatMap((request) => negativeCases(spec.schemas, request).map((c) => ({ folder, request, c }))),
  );
  if (cases.length === 0) return undefined;
  return {
    folder: {
      id: stableId('folder', NEGATIVE_FOLDER_NAME),
      name: NEGATIVE_FOLDER_NAME,
      description: [
        `Generated: ${cases.length} requests that each break one constraint of the contract (a required property left out, a wrong JSON type, a value just past a bound, a string the pattern refuses, a value outside an enum, a body that is not JSON, a path id that is not a UUID, an unknown id) and must be refused with 400 (404 for an unknown id) and Pleo's error body. Grouped per folder; each request's description says which constraint it breaks.`,
        `Never sent against production; against staging only with \`npx pleo-postman test --negative\` (\`${NEGATIVE_TESTS_VARIABLE}=true\`), since an API that wrongly accepts a case creates or changes a real record; the local environment sends them. The folder's pre-request script skips them everywhere else.`,
      ].join('\n\n'),
      items: cases.map(({ folder, request, c }) => caseItem(spec, folder, request, c, define)),
      // The guard runs before each case from the folder, as Postman runs a folder's scripts: once in the file, not once a case.
      scripts: [
        scriptEvent(
          'prerequest',
          `negative/${NEGATIVE_FOLDER_NAME}`,
          iife(
            `var PRODUCTION_API_BASE_URL = ${lit(spec.environments.production.apiBaseUrl)};\n${sandboxSources(undefined, 'negative-case.js', 'negative-guard.js')}`,
          ),
        ),
      ],
    },
    library: { key: NEGATIVE_LIB_VARIABLE, value: negativeLibSource() },
  };
}

/** The negative library (negative.js), as one expression returning `{ negative }`. */
export function negativeLibSource(): string {
  return iife(`${sandboxSources(undefined, 'negative.js')}\nreturn { negative: negative };`).replace(/;$/, '');
}
