// @ts-nocheck
import type { RawRequest } from '../description/raw.js';
import { derefObject } from './deref.js';
import { transformParameter } from './parameter.js';
import { jsonMedia, mediaExample, schemaRefOf, transformResponses, type TransformedResponse } from './responses.js';
import { transformSchema, type SchemaContext } from './schema.js';
import type { OpenApiDocument, OpenApiObject, OperationObject, PathItem, SecurityRequirement } from './types.js';

/** An operation of a document on its way to becoming a request of the description. */
export interface ImportedOperation {
  /** `METHOD /path` with parameter names blanked (`/v1/vendors/{}`): the same operation in two documents. */
  key: string;
  /** `METHOD /path` as written. */
  label: string;
  file: string;
  /** JSON pointer of the operation in its document, e.g. `/paths/~1v1~1vendors/post`. */
  pointer: string;
  tag: string;
  operationId?: string;
  hidden: boolean;
  deprecated: boolean;
  security?: SecurityRequirement[];
  request: Omit<RawRequest, 'responses'> & { responses: Record<string, TransformedResponse> };
  /** The request body's documented example, if any. */
  bodyExample?: unknown;
}

export const operationKey = (method: string, path: string): string =>
  `${method.toUpperCase()} ${path.replace(/\{[^{}]+\}/g, '{}')}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requestName(op: OperationObject, method: string, path: string): string {
  const summary = op.summary?.trim().replace(/\.$/, '');
  return summary !== undefined && summary !== '' ? summary : (op.operationId ?? `${method.toUpperCase()} ${path}`);
}

/**
 * Transforms an Operation Object (with its Path Item's parameters) into a request of the description:
 * folder from its first tag, name from its summary (or operationId), parameters, the JSON request body
 * (`readOnly` fields left out of its schema) and every response. Scopes and examples are filled in later,
 * once every document's schemas are known.
 * @see https://spec.openapis.org/oas/v3.2.0.html#operation-object
 */
export function transformOperation(
  input: {
    file: string;
    document: OpenApiDocument;
    path: string;
    method: string;
    item: PathItem;
    op: OperationObject;
    pointer: string;
  },
  ctx: SchemaContext & { schemas: Record<string, Record<string, unknown>> },
): ImportedOperation {
  const { file, document, path, method, item, op } = input;
  const deref = (value: unknown) => derefObject(document, value);
  const upper = method.toUpperCase();
  const seed = `${upper} ${path}`;
  const merged = new Map<string, OpenApiObject>();
  for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(raw);
    if (param) merged.set(`${String(param.in)}:${String(param.name)}`, param);
  }
  const parameters: NonNullable<RawRequest['parameters']> = {};
  for (const param of merged.values()) {
    const t = transformParameter(param, { ...ctx, seed });
    if (!t) {
      ctx.note?.(`${String(param.in)} parameter "${String(param.name)}" is not imported`);
      continue;
    }
    const group = parameters[t.in] ?? {};
    group[t.name] = t.def;
    parameters[t.in] = group;
  }
  let body: RawRequest['body'];
  let bodyExample: unknown;
  const requestBody = deref(op.requestBody);
  if (requestBody) {
    const media = jsonMedia(requestBody.content);
    if (media && /json/i.test(media.type)) {
      const schema = isRecord(media.media.schema)
        ? schemaRefOf(transformSchema(media.media.schema, { ...ctx, mode: 'request' }))
        : undefined;
      body = {
        ...(media.type === 'application/json' ? {} : { contentType: media.type }),
        example: undefined,
        ...(schema ? { schema } : {}),
      };
      bodyExample = mediaExample(media.media, deref);
    } else if (media) {
      ctx.note?.(`request body "${media.type}" is not JSON: not imported`);
    }
  }
  const description = [op.summary?.trim(), op.description?.trim()]
    .filter((s): s is string => s !== undefined && s !== '')
    .filter((s, i, all) => all.indexOf(s) === i)
    .join('\n\n');
  return {
    key: operationKey(upper, path),
    label: `${upper} ${path}`,
    file,
    pointer: input.pointer,
    tag: op.tags?.[0] ?? 'Other',
    ...(op.operationId ? { operationId: op.operationId } : {}),
    hidden: op['x-exclude'] === true || op['x-exclude'] === 'true',
    deprecated: op.deprecated === true,
    ...(op.security ? { security: op.security } : {}),
    request: {
      name: requestName(op, method, path),
      method: upper as RawRequest['method'],
      path,
      ...(description ? { description } : {}),
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      ...(body ? { body } : {}),
      responses: transformResponses(
        Object.fromEntries(
          Object.entries(op.responses ?? {}).map(([status, response]) => [status, deref(response) ?? {}]),
        ),
        { ...ctx, mode: 'response', deref },
      ),
    },
    ...(bodyExample !== undefined ? { bodyExample } : {}),
  };
}
