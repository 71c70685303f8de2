import { basename, extname, join } from 'node:path';
import { ENVIRONMENT_NAMES, type ApiDescription } from '../description/index.js';
import { buildCollectionModel, type CollectionResult } from './collection.js';
import { buildEnvironment, environmentFileStem, neededScopes } from './environments.js';
import { writeV21 } from './writers/v21.js';
import { v3CollectionDir, writeV3, writeV3Environment } from './writers/v3.js';

export { buildCollection, buildCollectionModel, type CollectionOptions } from './collection.js';
export { NEGATIVE_FOLDER_NAME, NEGATIVE_TEST_PREFIX, NEGATIVE_TESTS_VARIABLE } from './negative/folder.js';
export { negativeCases, CONSTRAINT_KINDS, type ConstraintKind, type NegativeCase } from './negative/cases.js';
export { writeV21 } from './writers/v21.js';
export { writeV3, writeV3Environment, v3CollectionDir, safeName } from './writers/v3.js';
export type { CollectionModel, FolderModel, RequestItem } from './model.js';
export { buildEnvironment, neededScopes, LOOPBACK_URL } from './environments.js';
export { buildAuth } from './auth.js';
export { stableId } from './ids.js';

/** The formats `generate` writes: v2.1 JSON files, and the v3 folder of Postman v12 (Native Git). */
export const FORMATS = ['v2.1', 'v3'] as const;
export type Format = (typeof FORMATS)[number];

export interface GenerateOptions {
  /** Scopes the client registered; requests that need others are left out. */
  scopes?: readonly string[];
  /** Default both. */
  formats?: readonly Format[];
  /** The Negative folder; default the description's `defaults.negative` (`generate --no-negative` turns it off). */
  negative?: boolean;
}

export interface GeneratedFile {
  /** Path relative to the output directory. */
  path: string;
  content: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Directories that only generated files live in (the v3 collection folder): any other file there is stale. */
  ownedDirs: string[];
  omitted: CollectionResult['omitted'];
  dangling: CollectionResult['dangling'];
}

/** Files are JSON with two-space indent and a final newline, so diffs stay small and stable. */
const serialise = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Name of the collection file for a description path: `collections/pleo-api.yaml` → `pleo-api`. */
export function collectionBaseName(specPath: string): string {
  return basename(specPath, extname(specPath));
}

/** Everything `generate` writes, as data: the collection and one environment file per environment, in each format. */
export function generateFiles(spec: ApiDescription, options: GenerateOptions = {}): GenerateResult {
  const formats = new Set(options.formats ?? FORMATS);
  const { model, omitted, dangling } = buildCollectionModel(spec, options.scopes, {
    ...(options.negative !== undefined ? { negative: options.negative } : {}),
  });
  const scopes = options.scopes ? [...options.scopes] : neededScopes(spec);
  const environments = ENVIRONMENT_NAMES.map((name) => ({
    stem: environmentFileStem(spec, name),
    file: buildEnvironment(spec, name, scopes),
  }));
  const files: GeneratedFile[] = [];
  if (formats.has('v2.1')) {
    files.push(
      {
        path: join('collections', `${collectionBaseName(spec.source)}.postman_collection.json`),
        content: serialise(writeV21(model)),
      },
      ...environments.map(({ stem, file }) => ({
        path: join('environments', `${stem}.postman_environment.json`),
        content: serialise(file),
      })),
    );
  }
  if (formats.has('v3')) {
    files.push(...writeV3(model), ...environments.map(({ stem, file }) => writeV3Environment(file, stem)));
  }
  return { files, ownedDirs: formats.has('v3') ? [v3CollectionDir(model.name)] : [], omitted, dangling };
}
