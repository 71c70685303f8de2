import { basename, extname, join } from 'node:path';
import { ENVIRONMENT_NAMES, type ApiDescription } from '../description/index.js';
import { buildCollection, type CollectionResult } from './collection.js';
import { buildEnvironment, neededScopes } from './environments.js';

export { buildCollection } from './collection.js';
export { buildEnvironment, neededScopes, LOOPBACK_URL } from './environments.js';
export { LOCAL_CALLBACK_PATH } from '../mock/clients.js';
export { buildAuth } from './auth.js';
export { stableId } from './ids.js';

export interface GenerateOptions {
  /** Scopes the client registered; requests that need others are left out. */
  scopes?: readonly string[];
}

export interface GeneratedFile {
  /** Path relative to the output directory. */
  path: string;
  content: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  omitted: CollectionResult['omitted'];
  dangling: CollectionResult['dangling'];
}

/** Files are JSON with two-space indent and a final newline, so diffs stay small and stable. */
const serialise = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Name of the collection file for a description path: `collections/pleo-api.yaml` → `pleo-api`. */
export function collectionBaseName(specPath: string): string {
  return basename(specPath, extname(specPath));
}

/** Everything `generate` writes, as data: the collection and one environment file per environment. */
export function generateFiles(spec: ApiDescription, options: GenerateOptions = {}): GenerateResult {
  const { collection, omitted, dangling } = buildCollection(spec, options.scopes);
  const scopes = options.scopes ? [...options.scopes] : neededScopes(spec);
  return {
    files: [
      {
        path: join('collections', `${collectionBaseName(spec.source)}.postman_collection.json`),
        content: serialise(collection),
      },
      ...ENVIRONMENT_NAMES.map((name) => ({
        path: join('environments', `pleo-${name}.postman_environment.json`),
        content: serialise(buildEnvironment(spec, name, scopes)),
      })),
    ],
    omitted,
    dangling,
  };
}
