import { pointerOf } from '../description/problem.js';
import { sourceProblem, type SourceProblem } from './problems.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Kind = 'object' | 'array' | 'string';

const kindOf = (value: unknown): string =>
  value === null ? 'null (an empty value)' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;

const fits = (value: unknown, kind: Kind): boolean =>
  kind === 'object' ? isRecord(value) : kind === 'array' ? Array.isArray(value) : typeof value === 'string';

/** The methods of a Path Item Object (3.2 adds `query`; `additionalOperations` is not read). */
const PATH_ITEM_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/**
 * Checks that the parts of an OpenAPI document the importer reads have the shape the specification
 * gives them (a `parameters:` left empty is null, not a list), so a damaged document is refused at
 * its own line instead of failing inside the import. Runs on the document as parsed, before bundling,
 * so every pointer is one of the user's file.
 * @see https://spec.openapis.org/oas/v3.2.0.html#schema
 */
export function checkShape(document: Record<string, unknown>, file: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const expect = (value: unknown, kind: Kind, ...at: Array<string | number>): boolean => {
    if (value === undefined || fits(value, kind)) return value !== undefined;
    const want = kind === 'object' ? 'a mapping' : kind === 'array' ? 'a list' : 'a string';
    problems.push(
      sourceProblem(
        file,
        'OPENAPI_SHAPE',
        pointerOf(...at),
        `"${String(at.at(-1))}" must be ${want}, not ${kindOf(value)}`,
        'see the OpenAPI specification for this field; remove it if it has nothing to say',
      ),
    );
    return false;
  };
  const security = (value: unknown, ...at: Array<string | number>) => {
    if (!expect(value, 'array', ...at)) return;
    (value as unknown[]).forEach((req, i) => {
      if (!expect(req, 'object', ...at, i)) return;
      for (const [scheme, scopes] of Object.entries(req as Record<string, unknown>))
        expect(scopes, 'array', ...at, i, scheme);
    });
  };
  const parameters = (value: unknown, ...at: Array<string | number>) => {
    if (!expect(value, 'array', ...at)) return;
    (value as unknown[]).forEach((param, i) => {
      if (!expect(param, 'object', ...at, i)) return;
      const p = param as Record<string, unknown>;
      if (typeof p.$ref === 'string') return;
      expect(p.name, 'string', ...at, i, 'name');
      expect(p.in, 'string', ...at, i, 'in');
      if (p.schema !== undefined && typeof p.schema !== 'boolean') expect(p.schema, 'object', ...at, i, 'schema');
    });
  };
  const servers = (value: unknown, ...at: Array<string | number>) => {
    if (!expect(value, 'array', ...at)) return;
    (value as unknown[]).forEach((server, i) => {
      if (expect(server, 'object', ...at, i))
        expect((server as Record<string, unknown>).url, 'string', ...at, i, 'url');
    });
  };

  if (expect(document.info, 'object', 'info')) {
    const info = document.info as Record<string, unknown>;
    expect(info.title, 'string', 'info', 'title');
    expect(info.description, 'string', 'info', 'description');
  }
  servers(document.servers, 'servers');
  security(document.security, 'security');
  if (expect(document.components, 'object', 'components')) {
    const components = document.components as Record<string, unknown>;
    for (const [section, value] of Object.entries(components)) {
      if (!expect(value, 'object', 'components', section)) continue;
      for (const [name, entry] of Object.entries(value as Record<string, unknown>))
        if (typeof entry !== 'boolean') expect(entry, 'object', 'components', section, name);
    }
    const schemes = components.securitySchemes;
    if (isRecord(schemes))
      for (const [name, scheme] of Object.entries(schemes)) {
        if (!isRecord(scheme) || !expect(scheme.flows, 'object', 'components', 'securitySchemes', name, 'flows'))
          continue;
        for (const [flow, def] of Object.entries(scheme.flows as Record<string, unknown>))
          if (expect(def, 'object', 'components', 'securitySchemes', name, 'flows', flow))
            expect(
              (def as Record<string, unknown>).scopes,
              'object',
              'components',
              'securitySchemes',
              name,
              'flows',
              flow,
              'scopes',
            );
      }
  }
  for (const section of ['paths', 'webhooks'] as const) {
    if (!expect(document[section], 'object', section)) continue;
    for (const [path, item] of Object.entries(document[section] as Record<string, unknown>)) {
      if (!expect(item, 'object', section, path)) continue;
      const pathItem = item as Record<string, unknown>;
      parameters(pathItem.parameters, section, path, 'parameters');
      servers(pathItem.servers, section, path, 'servers');
      for (const method of PATH_ITEM_METHODS) {
        if (!expect(pathItem[method], 'object', section, path, method)) continue;
        const op = pathItem[method] as Record<string, unknown>;
        const at = [section, path, method];
        parameters(op.parameters, ...at, 'parameters');
        servers(op.servers, ...at, 'servers');
        security(op.security, ...at, 'security');
        expect(op.summary, 'string', ...at, 'summary');
        expect(op.description, 'string', ...at, 'description');
        expect(op.operationId, 'string', ...at, 'operationId');
        if (expect(op.tags, 'array', ...at, 'tags'))
          for (const [i, tag] of (op.tags as unknown[]).entries()) expect(tag, 'string', ...at, 'tags', i);
        if (expect(op.requestBody, 'object', ...at, 'requestBody')) {
          const content = (op.requestBody as Record<string, unknown>).content;
          if (expect(content, 'object', ...at, 'requestBody', 'content'))
            for (const [type, media] of Object.entries(content as Record<string, unknown>))
              expect(media, 'object', ...at, 'requestBody', 'content', type);
        }
        if (expect(op.responses, 'object', ...at, 'responses'))
          for (const [status, response] of Object.entries(op.responses as Record<string, unknown>)) {
            if (!expect(response, 'object', ...at, 'responses', status)) continue;
            const content = (response as Record<string, unknown>).content;
            if (expect(content, 'object', ...at, 'responses', status, 'content'))
              for (const [type, media] of Object.entries(content as Record<string, unknown>))
                expect(media, 'object', ...at, 'responses', status, 'content', type);
          }
      }
    }
  }
  return problems;
}
