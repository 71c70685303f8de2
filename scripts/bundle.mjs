// After tsc: bundles the start-up path of the CLI (yargs, the description, generate, import-openapi
// and the small libraries they use) into dist/cli.js and a few chunks, so a command loads a handful
// of files instead of hundreds. The commands that run suites, the mock and login stay the tsc output
// they are (Newman, worker threads and files found beside their modules need that), with their own
// copies of what they share with the bundle; errors.js is one module for both, so `instanceof
// UserError` holds everywhere.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';

const DIST = resolve('dist');
/** Modules loaded by the commands that run suites, the mock or a login: never bundled. */
const KEPT_ROOTS = [
  'commands/test.js',
  'commands/mock.js',
  'commands/login.js',
  'commands/start.js',
  'run',
  'mock',
  'login',
];
/** Libraries of the start-up path, bundled; every other package is loaded from node_modules. */
const BUNDLED_PACKAGES =
  /^(yargs|yargs-parser|y18n|cliui|string-width|strip-ansi|ansi-regex|emoji-regex|wrap-ansi|ansi-styles|escalade|get-caller-file|js-yaml|ajv|ajv-formats|fast-deep-equal|json-schema-traverse|fast-uri|fastest-levenshtein)(\/|$)/;

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );

/** The modules that stay tsc output: the kept roots, the one class that crosses over, the sandbox folder's finder. */
function keptModules() {
  const kept = new Set(
    files(DIST).filter((f) =>
      KEPT_ROOTS.some((root) => f === join(DIST, root) || f.startsWith(join(DIST, root) + sep)),
    ),
  );
  // UserError is thrown on one side and caught on the other (run-command.ts): one class for both.
  kept.add(join(DIST, 'errors.js'));
  // Finds the sandbox scripts beside its own module at run time, so it keeps its place.
  kept.add(join(DIST, 'generate/scripts/sandbox.js'));
  return kept;
}

const kept = keptModules();
// The importer's version, fixed now from the sources (import-openapi --check compares it with the recorded one).
const { importerSourceHash } = await import(pathToFileURL(join(DIST, 'shared/importer-version.js')).href);
const bundle = await rolldown({
  input: join(DIST, 'cli.js'),
  platform: 'node',
  logLevel: 'warn',
  transform: { define: { __PLEO_IMPORTER_VERSION__: JSON.stringify(importerSourceHash(resolve('src'))) } },
  external: (id, importer) => {
    if (id.startsWith('node:')) return true;
    if (id.startsWith('.') && importer) return kept.has(resolve(dirname(importer), id));
    if (isAbsolute(id)) return kept.has(id);
    return !BUNDLED_PACKAGES.test(id);
  },
});
// Written over tsc's dist/cli.js (read already), chunks beside it: imports of the kept modules are
// relative to where the bundle lands.
rmSync(join(DIST, 'chunks'), { recursive: true, force: true });
await bundle.write({ dir: DIST, format: 'esm', chunkFileNames: 'chunks/[name]-[hash].js', minify: false });
await bundle.close();
