import {
  bodyVariableTemplate,
  expectedStatus,
  schemaLabel,
  withValueAt,
  type ApiDescription,
  type BodyDef,
  type FolderDef,
  type ParamDef,
  type RequestDef,
} from '../description/index.js';
import { buildExamples } from './examples.js';
import { stableId } from './ids.js';
import type { HttpRequestModel, Param, RequestItem, UrlModel } from './model.js';
import { unparseQuery } from './query-string.js';
import { buildRequestEvents } from './scripts/index.js';

function paramValue(param: ParamDef): string {
  if (param.variable !== undefined) return `{{${param.variable}}}`;
  return param.example === undefined ? '' : String(param.example);
}

function scopesMarkdown(spec: ApiDescription, request: RequestDef): string {
  if (request.scopes.length === 0) return '**Scopes:** none; any valid access token.';
  const lines = request.scopes.map((scope) => {
    const def = spec.scopes[scope];
    const note = def && def.confidence !== 'documented' ? ` (${def.confidence})` : '';
    return `- \`${scope}\`${note}: ${def?.description ?? ''}`;
  });
  return ['**Scopes:**', ...lines].join('\n');
}

function parametersMarkdown(request: RequestDef): string {
  const rows = (['path', 'query', 'header'] as const).flatMap((where) =>
    Object.entries(request.parameters[where]).map(
      ([name, p]) =>
        `| \`${name}\` | ${where} | ${p.required ? 'yes' : 'no'} | ${p.example === undefined ? '' : `\`${String(p.example)}\``} | ${p.description} |`,
    ),
  );
  if (rows.length === 0) return '';
  return ['| Parameter | In | Required | Example | Description |', '|---|---|---|---|---|', ...rows].join('\n');
}

function responsesMarkdown(request: RequestDef): string {
  const lines = Object.entries(request.responses).map(
    ([status, r]) =>
      `- \`${status}\`${r.schema !== undefined ? ` ${schemaLabel(r.schema)}` : ''}${r.description ? `: ${r.description}` : ''}`,
  );
  return ['**Responses:**', ...lines].join('\n');
}

/** The request's documentation: what it does, its method and path, the scopes it needs. */
export function describeRequest(spec: ApiDescription, request: RequestDef): string {
  return [
    request.description,
    `\`${request.method} ${request.path}\``,
    scopesMarkdown(spec, request),
    parametersMarkdown(request),
    responsesMarkdown(request),
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
}

const WHOLE_SEGMENT_PARAM = /^\{([^{}]+)\}$/;

/**
 * Postman path variables must fill a whole segment (`:vendorId`). A placeholder inside a segment,
 * such as Pleo's custom methods (`{id}:archive`), gets its value written in place instead.
 */
function buildPath(request: RequestDef): { segments: string[]; variables: string[] } {
  const variables: string[] = [];
  const segments = request.path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      const whole = WHOLE_SEGMENT_PARAM.exec(segment)?.[1];
      if (whole !== undefined) {
        variables.push(whole);
        return `:${whole}`;
      }
      return segment.replace(/\{([^{}]+)\}/g, (_, name: string) => {
        const param = request.parameters.path[name];
        return param ? paramValue(param) : `{${name}}`;
      });
    });
  return { segments, variables };
}

const HOST = '{{apiBaseUrl}}';

/** `{{apiBaseUrl}}/v1/vendors/:vendorId?limit=10`: path variables stay as `:name`, as Postman shows them. */
function rawUrl(segments: readonly string[], query: readonly Param[]): string {
  const search = unparseQuery(query);
  return `${HOST}/${segments.join('/')}${search ? `?${search}` : ''}`;
}

function buildUrl(request: RequestDef): UrlModel {
  const { segments, variables } = buildPath(request);
  const query = Object.entries(request.parameters.query).map(
    ([key, p]): Param => ({
      key,
      value: paramValue(p),
      ...(p.description ? { description: p.description } : {}),
      ...(p.example === undefined && p.variable === undefined ? { disabled: true } : {}),
    }),
  );
  return {
    raw: rawUrl(segments, query),
    host: HOST,
    path: segments,
    query,
    variables: variables.map((key): Param => {
      const p = request.parameters.path[key]!;
      return { key, value: paramValue(p), ...(p.description ? { description: p.description } : {}) };
    }),
  };
}

function buildHeaders(request: RequestDef): Param[] {
  const expectsBody = request.responses[String(expectedStatus(request))]?.schema !== undefined;
  return [
    ...(expectsBody ? [{ key: 'Accept', value: 'application/json' }] : []),
    ...(request.body ? [{ key: 'Content-Type', value: request.body.contentType }] : []),
    ...Object.entries(request.parameters.header).map(([key, p]) => ({
      key,
      value: paramValue(p),
      ...(p.description ? { description: p.description } : {}),
    })),
  ];
}

/** The body example with `{{variable}}` (or the template) at each path the description names in `body.variables`. */
function bodyToSend(body: BodyDef): unknown {
  return Object.entries(body.variables).reduce(
    (value, [path, variable]) => withValueAt(value, path, bodyVariableTemplate(variable)),
    body.example,
  );
}

/** Method, URL, headers, body and (for a public request) auth of a request. */
export function requestDefinition(request: RequestDef): HttpRequestModel {
  return {
    method: request.method,
    url: buildUrl(request),
    headers: buildHeaders(request),
    ...(request.body ? { body: { type: 'json', content: JSON.stringify(bodyToSend(request.body), null, 2) } } : {}),
    // A public request sends no credentials, whatever the collection's auth.
    ...(request.public ? { auth: { type: 'noauth' as const } } : {}),
  };
}

/** One request of the description as a collection item, with its contract tests and saved examples. */
export function transformRequest(spec: ApiDescription, folder: FolderDef, request: RequestDef): RequestItem {
  const definition = requestDefinition(request);
  return {
    id: stableId('request', folder.name, request.name),
    name: request.name,
    description: describeRequest(spec, request),
    request: definition,
    scripts: buildRequestEvents(spec, folder, request),
    examples: buildExamples(folder, request),
  };
}
