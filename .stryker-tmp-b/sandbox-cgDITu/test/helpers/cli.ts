// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

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

export { tempDir } from './temp.js';
