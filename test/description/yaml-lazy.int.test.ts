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

it('generate --format v2.1 does not load the yaml package; the v3 folder does', () => {
  // The built CLI, with a preload that reports at exit whether yaml was loaded.
  const probe = join(tempDir(), 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('yaml loaded: ' + Object.keys(require.cache).some((p) => /node_modules[\\\\/]yaml[\\\\/]/.test(p)) + '\\n'));\n",
  );
  const generate = (format: string) =>
    spawnSync(
      process.execPath,
      ['--require', probe, resolve('dist/cli.js'), 'generate', '--out', tempDir(), '--format', format],
      { encoding: 'utf8' },
    );
  const v21 = generate('v2.1');
  expect(v21.status, v21.stderr).toBe(0);
  expect(v21.stderr).toContain('yaml loaded: false');
  const v3 = generate('v3');
  expect(v3.status, v3.stderr).toBe(0);
  expect(v3.stderr).toContain('yaml loaded: true');
});
