import postman, { type Url } from 'postman-collection';
import type { ApiDescription, FolderDef, RequestDef } from '../spec/index.js';
import { buildAuth } from './auth.js';
import { neededScopes } from './environments.js';
import { stableId } from './ids.js';
import { orderForRun } from './order.js';
import { requestDefinition, transformRequest } from './request.js';
import { buildCollectionEvents, buildSecurityFolder, sharedScriptVariables } from './scripts/index.js';

export interface CollectionResult {
  /** Collection v2.1.0 JSON, as postman-collection's SDK serialises it. */
  collection: Record<string, unknown>;
  /** Requests left out because they need a scope outside `scopes`. */
  omitted: Array<{ folder: string; request: RequestDef; missing: string[] }>;
}

/** Initial values of the variables that captures fill: the example of a parameter that uses them. */
function captureVariables(spec: ApiDescription) {
  const values = new Map<string, string>();
  const requests = spec.folders.flatMap((f) => f.requests);
  for (const request of requests) {
    for (const where of ['path', 'query', 'header'] as const) {
      for (const param of Object.values(request.parameters[where])) {
        if (param.variable !== undefined && param.example !== undefined && !values.has(param.variable)) {
          values.set(param.variable, String(param.example));
        }
      }
    }
  }
  for (const request of requests) {
    for (const variable of Object.keys(request.capture)) if (!values.has(variable)) values.set(variable, '');
  }
  return [...values].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value, type: 'string' }));
}

function keepFolder(folder: FolderDef, allowed: ReadonlySet<string> | undefined, omitted: CollectionResult['omitted']): FolderDef {
  if (!allowed) return folder;
  const requests = folder.requests.filter((request) => {
    const missing = request.scopes.filter((scope) => !allowed.has(scope));
    if (missing.length > 0) omitted.push({ folder: folder.name, request, missing });
    return missing.length === 0;
  });
  return { ...folder, requests };
}

type ItemJson = { item?: ItemJson[]; request?: { url?: Record<string, unknown> } };

/** `{{apiBaseUrl}}/v1/vendors/:vendorId?limit=10`: path variables stay as `:name`, as Postman shows them. */
function rawUrl(url: Url): string {
  const query = postman.QueryParam.unparse(url.query.all().filter((q) => !q.disabled));
  return `${url.getHost()}/${(url.path ?? []).join('/')}${query ? `?${query}` : ''}`;
}

/** The SDK leaves `url.raw` out of its JSON; Postman shows and edits `raw`, so put it back first. */
function withRawUrls<T extends Record<string, unknown>>(json: T): T {
  const visit = (items: ItemJson[] | undefined) => {
    for (const item of items ?? []) {
      if (item.request?.url) item.request.url = { raw: rawUrl(new postman.Url(item.request.url as never)), ...item.request.url };
      visit(item.item);
    }
  };
  visit(json.item as ItemJson[]);
  return json;
}

/**
 * Builds the Postman collection through postman-collection's SDK: one folder per resource group
 * (requests ordered for a contract run) and a generated Security folder last, collection-level
 * OAuth 2.0 and token script, the schemas once as a collection variable, ids derived from names.
 * @param scopes the scopes the client registered; requests needing others are left out.
 */
export function buildCollection(spec: ApiDescription, scopes?: readonly string[]): CollectionResult {
  const omitted: CollectionResult['omitted'] = [];
  const allowed = scopes ? new Set(scopes) : undefined;
  const folders = spec.folders.map((f) => keepFolder(f, allowed, omitted)).filter((f) => f.requests.length > 0);
  const collection = new postman.Collection({
    info: { id: stableId('collection', spec.info.name), name: spec.info.name, version: spec.info.version, description: { content: spec.info.description, type: 'text/markdown' } },
    auth: buildAuth(spec),
    variable: [...captureVariables(spec), ...sharedScriptVariables(spec)],
    event: buildCollectionEvents(spec),
    item: [
      ...folders.map((folder) => ({
        id: stableId('folder', folder.name),
        name: folder.name,
        description: { content: folder.description, type: 'text/markdown' },
        item: orderForRun(folder.requests).map((request) => transformRequest(spec, folder, request)),
      })),
      ...[buildSecurityFolder(folders, requestDefinition, scopes ?? neededScopes(spec))].filter((f) => f !== undefined),
    ],
  } as ConstructorParameters<typeof postman.Collection>[0]);
  return { collection: withRawUrls(collection.toJSON() as Record<string, unknown>), omitted };
}
