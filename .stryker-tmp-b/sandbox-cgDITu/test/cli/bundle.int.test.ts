// @ts-nocheck
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

// The build's bundle (scripts/bundle.mjs): dist/cli.js and dist/chunks/, beside the tsc output.
const bundleFiles = ['dist/cli.js', ...readdirSync('dist/chunks').map((f) => join('dist/chunks', f))];
const relativeImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+)"/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );

it('every relative import of the bundle names a file that is there', () => {
  const targets = bundleFiles.flatMap(relativeImports);
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(existsSync(target), target).toBe(true);
});

it('leaves the commands that run suites, the mock and login, and errors.js, as the tsc output', () => {
  const outside = new Set(
    bundleFiles
      .flatMap(relativeImports)
      .filter((t) => !t.includes(`${join('dist', 'chunks')}`))
      .map((t) => t.slice(resolve('dist').length + 1)),
  );
  expect([...outside].sort()).toEqual(
    [
      'commands/login.js',
      'commands/mock.js',
      'commands/start.js',
      'commands/test.js',
      'errors.js',
      'generate/scripts/sandbox.js',
    ].map((p) => join(p)),
  );
  const bundled = bundleFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  expect(bundled).not.toMatch(/class UserError/);
  // The start-up path's libraries are inside the bundle, not loaded from node_modules.
  expect(bundled).not.toMatch(/from "(yargs|js-yaml|ajv|ajv-formats|uuid)(\/[^"]*)?"/);
  // The ref resolver stays a package of its own, loaded only for a document that needs it.
  expect(bundled).toMatch(/import\("@apidevtools\/json-schema-ref-parser"\)/);
});

it('the bundled CLI runs from another directory: validates the default description and reports a broken one', () => {
  const description = resolve('collections/pleo-api.yaml');
  const ok = runCli(['validate', '--spec', description], tempDir());
  expect(ok.stderr).toBe('');
  expect(ok.stdout).toMatch(/is valid: 80 requests/);
  const broken = join(tempDir(), 'broken.yaml');
  writeFileSync(broken, readFileSync(description, 'utf8').replace('info:', 'info:\n  name: [unclosed'));
  const bad = runCli(['validate', '--spec', broken], tempDir());
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/broken\.yaml:\d+:\d+/);
});
