// @ts-nocheck
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locatePostmanCli } from '../../src/run/runners/postman-cli-bin.js';

/** A home of its own for the Postman CLI: never logged in, nothing read from or written to the real one. */
export const isolatedHome = (): string => mkdtempSync(join(tmpdir(), 'pleo-postman-cli-home-'));

/** Runs the Postman CLI offline (a fresh HOME, no API key) and returns its exit code and output. */
export function postmanCli(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const home = isolatedHome();
  const { POSTMAN_API_KEY: _key, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(locatePostmanCli(), [...args], {
      cwd: options.cwd,
      env: { ...env, HOME: home, USERPROFILE: home, NO_COLOR: '1' },
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
