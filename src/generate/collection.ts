import type { ApiDescription, FolderDef, RequestDef } from '../description/index.js';
import { buildCollectionAuth } from './auth.js';
import { neededScopes } from './environments.js';
import { stableId } from './ids.js';
import type { CollectionModel, Param } from './model.js';
import { orderForRun } from './order.js';
import { requestDefinition, transformRequest } from './request.js';
import { danglingInputs, type DanglingInput } from './tailoring.js';
import { buildCollectionEvents, buildSecurityFolder, sharedScriptVariables } from './scripts/index.js';
import { buildTokenFolder } from './scripts/token-item.js';
import { buildNegativeFolder } from './negative/folder.js';
import { writeV21 } from './writers/v21.js';

export interface CollectionResult {
  /** Collection v2.1.0 JSON (the model written by writers/v21.ts). */
  collection: Record<string, unknown>;
  /** Requests left out because they need a scope outside `scopes`. */
  omitted: Array<{ folder: string; request: RequestDef; missing: string[] }>;
  /** Kept requests that read a variable only left-out requests capture. */
  dangling: DanglingInput[];
}

/** Initial values of the variables that captures fill: the example of a parameter that uses them. */
function captureVariables(folders: readonly FolderDef[]): Param[] {
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
  return [...values].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value }));
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

export interface CollectionOptions {
  /** The generated Negative folder: requests that break one constraint each and must be refused. Default: the description's `defaults.negative`. */
  negative?: boolean;
}

/** What building the model leaves out, beside the model. */
export interface CollectionModelResult {
  model: CollectionModel;
  omitted: CollectionResult['omitted'];
  dangling: CollectionResult['dangling'];
}

/**
 * Builds the collection as plain data: a generated Token folder first (the run's access token, for OAuth 2.0), one
 * folder per resource group (requests ordered for a contract run), a generated Negative folder (unless
 * `options.negative`, or else the description's `defaults.negative`, is false) and a generated Security folder last, the collection-level auth and token script,
 * each request's schemas in its own test script, ids derived from names.
 * @param scopes the scopes the client registered; requests needing others are left out.
 */
export function buildCollectionModel(
  spec: ApiDescription,
  scopes?: readonly string[],
  options: CollectionOptions = {},
): CollectionModelResult {
  const omitted: CollectionResult['omitted'] = [];
  const allowed = scopes ? new Set(scopes) : undefined;
  const folders = spec.folders.map((f) => keepFolder(f, allowed, omitted)).filter((f) => f.requests.length > 0);
  const negative =
    (options.negative ?? spec.defaults.negative) ? buildNegativeFolder(spec, folders, requestDefinition) : undefined;
  const oauth = spec.auth.scheme.type === 'oauth2';
  const security = buildSecurityFolder(folders, requestDefinition, scopes ?? neededScopes(spec), spec);
  const model: CollectionModel = {
    id: stableId('collection', spec.info.name),
    name: spec.info.name,
    version: spec.info.version,
    description: spec.info.description,
    auth: buildCollectionAuth(spec),
    variables: [...captureVariables(folders), ...sharedScriptVariables(), ...(negative ? [negative.library] : [])],
    scripts: buildCollectionEvents(spec),
    folders: [
      ...(oauth ? [buildTokenFolder(spec)] : []),
      ...folders.map((folder) => ({
        id: stableId('folder', folder.name),
        name: folder.name,
        description: folder.description,
        items: orderForRun(folder.requests).map((request) => transformRequest(spec, folder, request)),
      })),
      ...(negative ? [negative.folder] : []),
      ...(security ? [security] : []),
    ],
  };
  return {
    model,
    omitted,
    dangling: danglingInputs(
      folders,
      omitted,
      Object.values(spec.environments).flatMap((env) => Object.keys(env.variables)),
    ),
  };
}

/** The collection as Postman Collection v2.1.0 JSON. */
export function buildCollection(
  spec: ApiDescription,
  scopes?: readonly string[],
  options: CollectionOptions = {},
): CollectionResult {
  const { model, omitted, dangling } = buildCollectionModel(spec, scopes, options);
  return { collection: writeV21(model), omitted, dangling };
}
