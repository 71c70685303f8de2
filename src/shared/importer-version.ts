import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by the build (scripts/bundle.mjs) to `importerSourceHash` of the sources the bundle was made from. */
declare const __PLEO_IMPORTER_VERSION__: string | undefined;

/** The folders (under src/) and files whose code decides what an import writes. */
const IMPORTER_SOURCES = ['openapi', 'description', 'commands/import-openapi.ts'];

const filesUnder = (path: string): string[] => {
  try {
    return readdirSync(path, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)]))
      .sort();
  } catch {
    return [path];
  }
};

/** js-yaml writes the description, so its version is part of the importer's. */
function jsYamlVersion(): string {
  try {
    return String((createRequire(import.meta.url)('js-yaml/package.json') as { version?: string }).version);
  } catch {
    return 'unknown';
  }
}

/**
 * A hash of the importer's code: every file of src/openapi, src/description and the command, by path
 * and content, and js-yaml's version. A change to any of them makes a recorded input hash stale, so
 * `import-openapi --check` imports in full again.
 */
export function importerSourceHash(sourceRoot: string): string {
  const hash = createHash('sha256').update(`js-yaml ${jsYamlVersion()}\n`);
  for (const file of IMPORTER_SOURCES.flatMap((s) => filesUnder(join(sourceRoot, s)))) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    hash.update(`${relative(sourceRoot, file).split('\\').join('/')}\n${content.length}\n`).update(content);
  }
  return hash.digest('hex').slice(0, 16);
}

let fromSources: string | undefined;

/** The importer's version: fixed by the build, else (run from the sources, as the tests do) hashed once. */
export function importerVersion(): string {
  if (typeof __PLEO_IMPORTER_VERSION__ === 'string') return __PLEO_IMPORTER_VERSION__;
  fromSources ??= importerSourceHash(fileURLToPath(new URL('..', import.meta.url)));
  return fromSources;
}
