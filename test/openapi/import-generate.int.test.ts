import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const PETSTORE = 'test/fixtures/openapi/petstore-3.0.json';
const LIBRARY = 'test/fixtures/openapi/library-3.1.yaml';

/** Every file under `root`, by its path relative to it, with its bytes. */
function filesUnder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

describe('import-openapi --generate: the import and generate in one process', () => {
  it.each([PETSTORE, LIBRARY])('%s: writes what import-openapi then generate write, byte for byte', (doc) => {
    // One folder for both, emptied between them: the fingerprint records where the description is.
    const dir = tempDir();
    const into = join(dir, 'api.yaml');
    const oneStep = runCli(['import-openapi', doc, '--into', into, '--generate', '--out', dir]);
    expect(oneStep.stderr).not.toContain('error');
    expect(oneStep.status).toBe(0);
    const written = filesUnder(dir);
    for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true });
    expect(runCli(['import-openapi', doc, '--into', into]).status).toBe(0);
    expect(runCli(['generate', '--spec', into, '--out', dir]).status).toBe(0);
    const twoSteps = filesUnder(dir);
    expect([...written.keys()].sort()).toEqual([...twoSteps.keys()].sort());
    expect(written).toEqual(twoSteps);
    // Both formats, the description and environments: the one command left nothing out.
    expect([...written.keys()].some((p) => p.startsWith('postman/'))).toBe(true);
    expect([...written.keys()].some((p) => p.startsWith('collections/'))).toBe(true);
    expect(oneStep.stdout).toContain(`wrote ${into}`);
    expect(oneStep.stdout).toContain(`wrote ${join(dir, 'collections')}`);
  });

  it('takes --format and --no-negative as generate does', () => {
    const dir = tempDir();
    const into = join(dir, 'api.yaml');
    const run = runCli(['import-openapi', LIBRARY, '--into', into, '--generate', '--out', dir, '--format', 'v2.1']);
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'postman'))).toBe(false);
    const [collection] = readdirSync(join(dir, 'collections'));
    const withNegative = readFileSync(join(dir, 'collections', collection as string), 'utf8');
    expect(withNegative).toContain('"name": "Negative"');
    const plain = runCli(['import-openapi', LIBRARY, '--into', into, '--generate', '--out', dir, '--no-negative']);
    expect(plain.status).toBe(0);
    expect(readFileSync(join(dir, 'collections', collection as string), 'utf8')).not.toContain('"name": "Negative"');
  });

  it('unchanged inputs: the description is not imported again, the files are still brought up to date', () => {
    const dir = tempDir();
    const into = join(dir, 'api.yaml');
    const args = ['import-openapi', PETSTORE, '--into', into, '--generate', '--out', dir];
    expect(runCli(args).status).toBe(0);
    const again = runCli(args);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('inputs unchanged since the import');
    expect(again.stdout).toMatch(/up to date: \d+ of \d+ files unchanged/);
  });

  it('refuses the generate options without --generate, and --generate with --check or --dry-run, writing nothing', () => {
    const dir = tempDir();
    const into = join(dir, 'api.yaml');
    const stray = runCli(['import-openapi', PETSTORE, '--into', into, '--out', dir, '--no-negative']);
    expect(stray.status).toBe(1);
    expect(stray.stderr).toContain('--out, --no-negative: only with --generate');
    for (const flag of ['--check', '--dry-run']) {
      const both = runCli(['import-openapi', PETSTORE, '--into', into, '--generate', flag]);
      expect(both.status).toBe(1);
      expect(both.stderr).toContain(`--generate cannot be combined with ${flag}, which write nothing`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a document that does not import: exit 1, and no collection is written', () => {
    const dir = tempDir();
    const run = runCli([
      'import-openapi',
      'test/fixtures/openapi/bad/missing.json',
      '--into',
      join(dir, 'api.yaml'),
      '--generate',
      '--out',
      dir,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing was written');
    expect(readdirSync(dir)).toEqual([]);
  });
});
