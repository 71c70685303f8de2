// @ts-nocheck
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { MINIMAL_SPEC } from '../helpers/specs.js';

describe('test: options checked before anything is locked or sent', () => {
  it('issue 8 item 6: a --refresh-token-file in a missing directory is exit 1 with a clear message, no stack', () => {
    const missing = join(tempDir(), 'missing-dir', 'rt');
    const result = runCli(['test', '--spec', MINIMAL_SPEC, '--env', 'production', '--refresh-token-file', missing]);
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.stderr).not.toContain('ENOENT: no such file');
    expect(result.stderr).toContain(`error: --refresh-token-file "${missing}": its directory`);
    expect(result.stderr).toContain('does not exist');
    expect(result.status).toBe(1);
  });

  it('issue 8 item 6: a --refresh-token-file that is a directory, or inside a file, is exit 1', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rt'));
    writeFileSync(join(dir, 'file'), '');
    for (const [path, want] of [
      [join(dir, 'rt'), 'is a directory; name a file'],
      [join(dir, 'file', 'rt'), 'is not a directory'],
    ] as const) {
      const result = runCli(['test', '--spec', MINIMAL_SPEC, '--env', 'production', '--refresh-token-file', path]);
      expect(result.stderr).toContain(want);
      expect(result.stderr).not.toContain('unexpected error');
      expect(result.status).toBe(1);
    }
  });
});
