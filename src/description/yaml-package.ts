import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
type YamlUtil = typeof import('yaml/util');
let loaded: YamlPackage | undefined;
let loadedUtil: YamlUtil | undefined;

/**
 * The `yaml` package, loaded on first use: its node tree (line and column of a problem, a refused
 * alias bomb) is only built for a description with problems or aliases, so a valid one never pays
 * for loading it.
 */
export function yamlPackage(): YamlPackage {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}

/** `yaml/util` (its scalar serialisers), loaded on first use: only the v3 writer needs it. */
export function yamlUtil(): YamlUtil {
  loadedUtil ??= createRequire(import.meta.url)('yaml/util') as YamlUtil;
  return loadedUtil;
}
