import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

// A child process of the built modules: what a command loads, without vitest's own module graph.
const loadsYaml = (description: string): boolean => {
  const file = join(tempDir(), 'description.yaml');
  writeFileSync(file, description);
  const script = `
    import { createRequire } from 'node:module';
    import { readFileSync } from 'node:fs';
    import { validateSpec } from ${JSON.stringify(resolve('dist/description/validate.js'))};
    const text = readFileSync(${JSON.stringify(file)}, 'utf8');
    validateSpec(text, 'x.yaml');
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(cache.some((p) => /node_modules[\\\\/]yaml[\\\\/]/.test(p)));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout.trim() === 'true';
};

it('a valid description is read without loading the yaml package; a broken one loads it to say where', () => {
  const valid = readFileSync('collections/pleo-api.yaml', 'utf8');
  expect(loadsYaml(valid)).toBe(false);
  expect(loadsYaml(valid.replace('info:', 'info:\n  name: [unclosed'))).toBe(true);
});

/** Which of the packages matching `pattern` a `generate` of the built CLI loaded, by a preload that reports at exit. */
function generateLoads(pattern: string, args: string[]) {
  const probe = join(tempDir(), 'probe.cjs');
  writeFileSync(
    probe,
    `process.on('exit', () => process.stderr.write('loaded: ' + Object.keys(require.cache).some((p) => /${pattern}/.test(p)) + '\\n'));\n`,
  );
  const child = spawnSync(
    process.execPath,
    ['--require', probe, resolve('dist/cli.js'), 'generate', '--out', tempDir(), ...args],
    { encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  return child.stderr.includes('loaded: true');
}

const YAML = String.raw`node_modules[\\/]yaml[\\/]`;
const AJV = String.raw`node_modules[\\/](ajv[\\/]dist[\\/]ajv\.js|ajv-formats[\\/])`;

it('generate --format v2.1 does not load the yaml package; the v3 folder does', () => {
  expect(generateLoads(YAML, ['--format', 'v2.1'])).toBe(false);
  expect(generateLoads(YAML, ['--format', 'v3'])).toBe(true);
});

it('generate of a description an intact import checked does not load ajv; of one written by hand it does', () => {
  expect(generateLoads(AJV, ['--format', 'v2.1'])).toBe(false);
  expect(generateLoads(AJV, ['--format', 'v2.1', '--spec', 'test/fixtures/specs/minimal.yaml'])).toBe(true);
});
