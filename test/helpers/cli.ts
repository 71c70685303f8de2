import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds it first) with colour off. */
export function runCli(args: string[], cwd = process.cwd()): CliResult {
  const child = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

export const tempDir = (prefix = 'pleo-postman-test-') => mkdtempSync(join(tmpdir(), prefix));
