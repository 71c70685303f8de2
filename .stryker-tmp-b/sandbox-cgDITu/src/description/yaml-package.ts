// @ts-nocheck
import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | undefined;

/**
 * The `yaml` package, loaded on first use: its node tree (line and column of a problem, a refused
 * alias bomb) is only built for a description with problems or aliases, so a valid one never pays
 * for loading it.
 */
export function yamlPackage(): YamlPackage {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}
