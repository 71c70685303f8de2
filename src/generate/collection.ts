import postman from 'postman-collection';
import type { ApiDescription, FolderDef, RequestDef } from '../description/index.js';
import { buildAuth } from './auth.js';
import { neededScopes } from './environments.js';
import { stableId } from './ids.js';
import { orderForRun } from './order.js';
import { requestDefinition, transformRequest } from './request.js';
import { danglingInputs, type DanglingInput } from './tailoring.js';
import { buildCollectionEvents, buildSecurityFolder, sharedScriptVariables } from './scripts/index.js';

export interface CollectionResult {
  /** Collection v2.1.0 JSON, as postman-collection's SDK serialises it. */
  collection: Record<string, unknown>;
  /** Requests left out because they need a scope outside `scopes`. */
  omitted: Array<{ folder: string; request: RequestDef; missing: string[] }>;
  /** Kept requests that read a variable only left-out requests capture. */
  dangling: DanglingInput[];
}

/** Initial values of the variables that captures fill: the example of a parameter that uses them. */
function captureVariables(folders: readonly FolderDef[]) {
  const values = new Map<string, string>();
  const requests = folders.flatMap((f) => f.requests);
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

function keepFolder(
  folder: FolderDef,
  allowed: ReadonlySet<string> | undefined,
  omitted: CollectionResult['omitted'],
): FolderDef {
  if (!allowed) return folder;
  const requests = folder.requests.filter((request) => {
    const missing = request.scopes.filter((scope) => !allowed.has(scope));
    if (missing.length > 0) omitted.push({ folder: folder.name, request, missing });
    return missing.length === 0;
  });
  return { ...folder, requests };
}

type ItemJson = { item?: ItemJson[]; request?: { url?: Record<string, unknown> } };
type ItemDefinition = { item?: ItemDefinition[]; request?: Record<string, unknown> };

/** The SDK leaves `url.raw` out of its JSON; Postman shows and edits `raw`, so the definitions' go back in, first. */
function putBackRawUrls(items: ItemJson[] = [], definitions: ItemDefinition[] = []): void {
  items.forEach((item, i) => {
    const raw = (definitions[i]?.request?.url as { raw?: string } | undefined)?.raw;
    if (item.request?.url && raw !== undefined) item.request.url = { raw, ...item.request.url };
    putBackRawUrls(item.item, definitions[i]?.item);
  });
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
  const definition = {
    info: {
      id: stableId('collection', spec.info.name),
      name: spec.info.name,
      version: spec.info.version,
      description: { content: spec.info.description, type: 'text/markdown' },
    },
    auth: buildAuth(spec),
    variable: [...captureVariables(folders), ...sharedScriptVariables(spec)],
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
  };
  const collection = new postman.Collection(
    definition as ConstructorParameters<typeof postman.Collection>[0],
  ).toJSON() as Record<string, unknown>;
  putBackRawUrls(collection.item as ItemJson[], definition.item);
  return {
    collection,
    omitted,
    dangling: danglingInputs(
      folders,
      omitted,
      Object.values(spec.environments).flatMap((env) => Object.keys(env.variables)),
    ),
  };
}
