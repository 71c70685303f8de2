// @ts-nocheck
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const spec = resolve(MINIMAL_SPEC);

/** A checkout-like folder holding the minimal description's committed files. */
function checkout(): string {
  const dir = tempDir();
  expect(runCli(['generate', '--spec', spec], dir).status).toBe(0);
  expect(runCli(['check', '--spec', spec], dir).status).toBe(0);
  return dir;
}

const snapshot = (dir: string) =>
  ['collections', 'environments'].flatMap((sub) =>
    readdirSync(join(dir, sub)).map((f) => readFileSync(join(dir, sub, f), 'utf8')),
  );

describe('tailored collections never replace the committed files', () => {
  it.each([
    ['--scopes', ['--scopes', 'vendors:read']],
    ['--callback', ['--callback', 'web']],
  ])('issue 8 item 8: generate %s without --out writes into tailored/ and says so; check still passes', (_n, flags) => {
    const dir = checkout();
    const before = snapshot(dir);
    const result = runCli(['generate', '--spec', spec, ...flags], dir);
    expect(result.status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'tailored/collections/minimal.postman_collection.json'))).toBe(true);
    expect(result.stdout).toContain('wrote tailored/collections/minimal.postman_collection.json');
    expect(result.stdout).toContain('these files are in tailored/, import them into Postman');
    expect(result.stdout).toContain('the committed files in ./collections, ./environments and ./postman are unchanged');
    expect(runCli(['check', '--spec', spec], dir).status).toBe(0);
  });

  it('an explicit --out is honoured, even with --scopes', () => {
    const dir = checkout();
    const out = join(dir, 'mine');
    const result = runCli(['generate', '--spec', spec, '--scopes', 'vendors:read', '--out', out], dir);
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'collections/minimal.postman_collection.json'))).toBe(true);
    expect(result.stdout).not.toContain('tailored');
  });
});

describe('check --help', () => {
  it('issue 8 item 12: check describes --out as what it compares with, not where it writes', () => {
    const help = runCli(['check', '--help']);
    const out = help.stdout.split('\n').find((line) => line.trimStart().startsWith('--out')) ?? '';
    expect(out).toContain('compare');
    expect(out).not.toMatch(/: writes/);
    expect(help.stdout).toContain('check writes nothing');
  });
});
