// @ts-nocheck
import type { JsonSchema } from '../description/model.js';
import type { RawResponse } from '../description/raw.js';
import { transformSchema, type SchemaContext } from './schema.js';
import type { OpenApiObject } from './types.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON media type of a content map (`application/json`, `application/json;charset=UTF-8`, `…+json`), else the first. */
export function jsonMedia(content: unknown): { type: string; media: OpenApiObject } | undefined {
  if (!isRecord(content)) return undefined;
  const entries = Object.entries(content).filter((e): e is [string, OpenApiObject] => isRecord(e[1]));
  const found = entries.find(([type]) => /json/i.test(type)) ?? entries[0];
  return found ? { type: found[0], media: found[1] } : undefined;
}

/** The documented example of a Media Type Object: `example`, else the first of `examples`. */
export function mediaExample(
  media: OpenApiObject,
  deref: (value: unknown) => OpenApiObject | undefined = (v) => (isRecord(v) ? v : undefined),
): unknown {
  if (media.example !== undefined) return media.example;
  if (isRecord(media.examples)) {
    const first = deref(Object.values(media.examples)[0]);
    if (isRecord(first) && first.value !== undefined) return first.value;
  }
  return undefined;
}

/** A schema as the description writes it: a bare component ref becomes the schema's name. */
export function schemaRefOf(schema: JsonSchema): string | JsonSchema {
  const keys = Object.keys(schema);
  if (keys.length === 1 && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/schemas/'))
    return schema.$ref.slice('#/schemas/'.length);
  return schema;
}

export interface TransformedResponse extends RawResponse {
  /** The documented example, when there is one (else the import makes one from the schema). */
  documentedExample?: unknown;
}

/**
 * Transforms a Responses Object: every response with a three-digit status, its JSON schema (draft-07,
 * `writeOnly` fields left out), its required headers (and Content-Type when it has a body) and its
 * documented example. `default` and ranges such as `2XX` are not statuses the description can hold.
 * @see https://spec.openapis.org/oas/v3.2.0.html#responses-object
 */
export function transformResponses(
  responses: Record<string, OpenApiObject> | undefined,
  ctx: SchemaContext & { deref?: (value: unknown) => OpenApiObject | undefined },
): Record<string, TransformedResponse> {
  const deref = ctx.deref ?? ((value: unknown) => (isRecord(value) ? value : undefined));
  const out: Record<string, TransformedResponse> = {};
  const entries = Object.entries(responses ?? {});
  // Only a `default` response: it describes the success too, taken as 200.
  const onlyDefault = !entries.some(([status]) => /^2(\d\d|XX)$/i.test(status));
  for (const [documented, response] of entries) {
    const status = documented === 'default' && onlyDefault ? '200' : documented;
    if (status !== documented) ctx.note?.('only a "default" response is documented: imported as 200');
    if (!/^[1-5]\d\d$/.test(status)) {
      ctx.note?.(`response "${status}" is not a single status code: not imported`);
      continue;
    }
    const media = jsonMedia(response.content);
    const headers = Object.entries(isRecord(response.headers) ? response.headers : {})
      .filter(([, header]) => deref(header)?.required === true)
      .map(([name]) => name);
    const schema = media && isRecord(media.media.schema) ? transformSchema(media.media.schema, ctx) : undefined;
    const example = media ? mediaExample(media.media, deref) : undefined;
    out[status] = {
      ...(typeof response.description === 'string' && response.description.trim() !== ''
        ? { description: response.description.trim() }
        : {}),
      ...(schema ? { schema: schemaRefOf(schema) } : {}),
      ...(media || headers.length > 0 ? { headers: [...(media ? ['Content-Type'] : []), ...headers] } : {}),
      ...(example !== undefined ? { documentedExample: example } : {}),
    };
  }
  return out;
}
