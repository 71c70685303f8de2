import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

describe('issue 19 item 7: run from a subdirectory', () => {
  it('works in the project folder it finds upwards, and says so', () => {
    const project = tempDir();
    mkdirSync(join(project, 'collections', 'openapi'), { recursive: true });
    cpSync('collections/pleo-api.yaml', join(project, 'collections', 'pleo-api.yaml'));
    const result = runCli(['validate'], join(project, 'collections', 'openapi'));
    expect(result.stderr).toContain(`note: working in the project folder ${project}`);
    expect(result.stdout).toContain('collections/pleo-api.yaml is valid:');
    expect(result.status).toBe(0);
  });

  it('outside a project, says where to run instead of a bare ENOENT', () => {
    const result = runCli(['generate'], tempDir());
    expect(result.stderr).toContain('error: no description here: collections/pleo-api.yaml is neither in');
    expect(result.stderr).not.toContain('ENOENT');
    expect(result.status).toBe(1);
  });
});
