import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const OUTPUTS = [
  'collections/minimal.postman_collection.json',
  'environments/minimal-pleo-staging.postman_environment.json',
  'environments/minimal-pleo-production.postman_environment.json',
  'environments/minimal-pleo-local.postman_environment.json',
];

const listFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('generate / check / validate', () => {
  it('writes the collection and three environments, byte-identical on a second run', () => {
    const out = tempDir();
    const first = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const bytes = OUTPUTS.map((p) => readFileSync(join(out, p), 'utf8'));
    expect(runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]).status).toBe(0);
    expect(OUTPUTS.map((p) => readFileSync(join(out, p), 'utf8'))).toEqual(bytes);
    expect(listFiles(out).filter((f) => !f.startsWith('postman'))).toEqual(
      ['collections', 'environments', ...OUTPUTS].sort(),
    );
  });

  it('check passes on fresh output and names the stale file after an edit', () => {
    const out = tempDir();
    runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]);
    expect(runCli(['check', '--spec', MINIMAL_SPEC, '--out', out]).status).toBe(0);
    const staging = join(out, 'environments/minimal-pleo-staging.postman_environment.json');
    writeFileSync(staging, readFileSync(staging, 'utf8').replace('auth.staging.pleo.io', 'auth.example.com'));
    const check = runCli(['check', '--spec', MINIMAL_SPEC, '--out', out]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('generated files are stale');
    expect(check.stderr).toContain(staging);
    expect(check.stderr).not.toContain('collections/minimal.postman_collection.json');
  });

  it('on a bad description names file:line:col, exits 1 and writes nothing', () => {
    const out = tempDir();
    runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]);
    const before = OUTPUTS.map((p) => readFileSync(join(out, p), 'utf8'));
    const bad = join(tempDir(), 'bad.yaml');
    writeFileSync(bad, readFileSync(MINIMAL_SPEC, 'utf8').replace('challengeMethod: S256', 'challengeMethod: plain'));
    const result = runCli(['generate', '--spec', bad, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `${bad.replace(/[.\\/]/g, '\\$&')}:20:20 error: code challenge method "plain" is not accepted by Pleo`,
      ),
    );
    expect(result.stderr).toContain('nothing was written');
    expect(OUTPUTS.map((p) => readFileSync(join(out, p), 'utf8'))).toEqual(before);
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an output directory that cannot be written is a clear error (exit 1), not a crash', () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const result = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `cannot write "${join(file, 'collections/minimal.postman_collection.json')}" (ENOTDIR)`,
    );
    expect(result.stderr).toContain('nothing was written');
  });

  it('a missing description is a clear error, not a crash', () => {
    const result = runCli(['validate', '--spec', 'no/such.yaml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot read the description "no/such.yaml": ENOENT');
  });

  it('--scopes leaves out requests and lists them on stderr; the environments carry the given scopes', () => {
    const out = tempDir();
    const result = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out, '--scopes', 'vendors:read users:read']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('left out: Vendors / Create vendor (POST /v1/vendors) needs vendors:write');
    const env = JSON.parse(readFileSync(join(out, OUTPUTS[1]!), 'utf8'));
    expect(env.values.find((v: { key: string }) => v.key === 'scopes').value).toBe('vendors:read users:read');
    expect(readFileSync(join(out, OUTPUTS[0]!), 'utf8')).not.toContain('Create vendor');
  });

  it('--scopes with a scope the description does not know is refused', () => {
    const result = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', tempDir(), '--scopes', 'vendors:reed']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--scopes: unknown scope "vendors:reed"');
  });

  it('--callback web writes the browser callback', () => {
    const out = tempDir();
    expect(runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out, '--callback', 'web']).status).toBe(0);
    const collection = JSON.parse(readFileSync(join(out, OUTPUTS[0]!), 'utf8'));
    expect(collection.auth.oauth2.find((e: { key: string }) => e.key === 'redirect_uri').value).toBe(
      'https://oauth.pstmn.io/v1/browser-callback',
    );
  });

  it('validate reports the size of a valid description', () => {
    const result = runCli(['validate', '--spec', MINIMAL_SPEC]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('is valid: 4 requests in 3 folders, 3 scopes');
  });

  it('unknown flags are refused (strict)', () => {
    const result = runCli(['generate', '--spek', MINIMAL_SPEC]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unknown argument: spek');
  });

  it('the committed outputs of the default description are up to date', () => {
    const result = runCli(['check'], resolve('.'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes into a fresh directory tree', () => {
    const out = join(tempDir(), 'deep', 'er');
    expect(runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]).status).toBe(0);
    expect(existsSync(join(out, OUTPUTS[3]!))).toBe(true);
  });
});
