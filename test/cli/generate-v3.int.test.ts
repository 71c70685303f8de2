import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

const V21 = 'collections/minimal.postman_collection.json';
const V3_DEFINITION = 'postman/collections/Minimal Pleo/.resources/definition.yaml';
const V3_ENV = 'postman/environments/minimal-pleo-local.environment.yaml';

describe('generate --format', () => {
  it('writes both formats by default', () => {
    const out = tempDir();
    expect(runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]).status).toBe(0);
    for (const file of [V21, V3_DEFINITION, V3_ENV]) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it.each([
    ['v3', [V3_DEFINITION, V3_ENV], [V21]],
    ['v2.1', [V21], [V3_DEFINITION, V3_ENV]],
  ])('--format %s writes that format only', (format, present, absent) => {
    const out = tempDir();
    expect(runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out, '--format', format]).status).toBe(0);
    for (const file of present) expect(existsSync(join(out, file)), file).toBe(true);
    for (const file of absent) expect(existsSync(join(out, file)), file).toBe(false);
  });

  it('an unknown format is a clear error, exit 1, nothing written', () => {
    const out = tempDir();
    const result = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out, '--format', 'v2.1,v4']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--format: unknown format "v4"; use v2.1, v3 or both, comma-separated');
    expect(result.stderr).toContain('nothing was written');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('check and generate on the v3 folder', () => {
  it('check names a file left in the collection folder that the description no longer makes; generate removes it', () => {
    const out = tempDir();
    runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]);
    const leftover = join(out, 'postman/collections/Minimal Pleo/Vendors/Old request.request.yaml');
    writeFileSync(leftover, '$kind: http-request\nurl: x\nmethod: GET\n');
    const check = runCli(['check', '--spec', MINIMAL_SPEC, '--out', out]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(leftover);
    const again = runCli(['generate', '--spec', MINIMAL_SPEC, '--out', out]);
    expect(again.stdout).toContain(`removed ${leftover}`);
    expect(existsSync(leftover)).toBe(false);
    expect(runCli(['check', '--spec', MINIMAL_SPEC, '--out', out]).status).toBe(0);
  });
});
